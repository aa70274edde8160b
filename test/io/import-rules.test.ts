// One rule source (issue #9 item 8): a file is refused for every rule of the division a changeset is refused for,
// with the same code and — less "第N项：" and "调整后" — the same words, the row to blame named (`assignments[12]`):
// through checkDatasetRules, the seed's importDataset, import-popolo's planPopoloImport (nothing written), and
// import-notice, which is a changeset itself. The demo seed and a generated country still pass every path.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SqlEntityManager } from '@mikro-orm/knex';
import {
  checkAbsence,
  checkEndAppointment,
  validateChangeset,
  type ChangeItem,
  type DirectoryFacts,
  type Violation,
} from '../../src/domain';
import { Assignment, Jurisdiction, Leader } from '../../src/entities';
import { checkDataset, checkDatasetRules, factsByJurisdiction, mergeDatasets, type Dataset } from '../../src/io/dataset';
import { generateCountry, generateDistrict } from '../../src/io/generate';
import { importDataset, readDataset } from '../../src/io/importer';
import { planNoticeImport } from '../../src/io/notice-import';
import { parseNotice } from '../../src/io/notice/parse';
import { fromPopolo, toPopolo, type PopoloDocument } from '../../src/io/popolo';
import { applyPopoloImport, ImportRefusedError, planPopoloImport, type ImportScope } from '../../src/io/popolo-import';
import { DEMO_DATASET_DIR } from '../../src/ops/seed';
import { createEvents } from '../../src/scope/events';
import { openTestDatabase, type TestDatabase } from '../support/database';

const Q = 'jur:qingchuan';
const ON = '2026-12-01';
const TODAY = '2026-11-28';
let demo: Dataset;
const facts = (): DirectoryFacts => factsByJurisdiction(demo).get(Q) as DirectoryFacts;

beforeAll(async () => {
  demo = await readDataset(DEMO_DATASET_DIR);
});

// Edits of the demo, one rule broken each.
type Part = 'assignments' | 'backups' | 'absences';
type Edit = (d: Dataset) => Dataset;
const row = <P extends Part>(d: Dataset, part: P, id: string): Dataset[P][number] => {
  const found = (d[part] as readonly { id: string }[]).find((r) => r.id === id);
  if (found === undefined) throw new Error(`no ${part} ${id} in the demo`);
  return found as Dataset[P][number];
};
const edit = (part: Part, id: string, patch: object): Edit => (d) => ({
  ...d,
  [part]: (d[part] as readonly { id: string }[]).map((r) => (r.id === id ? { ...r, ...patch } : r)),
});
const add = (part: Part, from: string | null, fields: object): Edit => (d) => ({
  ...d,
  [part]: [...d[part], { ...(from === null ? {} : row(d, part, from)), ...fields }],
});
const absence = (id: string, leaderId: string, validFrom: string, validTo: string) => ({ id, leaderId, reason: '出差', designatedActorId: null, validFrom, validTo });
const other = () => generateDistrict({ id: 'jur:other', name: '邻区', scale: 1, validFrom: '2026-01-01' });

// The same rule broken through the write a change goes through: a changeset applied as today (R7 in front, with the
// demo's decision approving 青政发〔2026〕30号), recordAbsence's check, endAppointment's check.
const changeset = (items: ChangeItem[]) => (f: DirectoryFacts): readonly Violation[] =>
  validateChangeset(
    f,
    { jurisdictionId: Q, document: '青政发〔2026〕30号', decisionId: 'decision:qingchuan-2026-11-adjust', effectiveDate: ON, issuedById: 'leader:chen-yuanhang', items },
    (entity, i) => `${entity === 'ASSIGNMENT' ? 'line' : 'backup'}:new-${i}`,
    { signedOn: TODAY, uses: [] },
  ).violations;
const assign = (kind: string, leaderId: string, departmentId: string | null): ChangeItem =>
  ({ op: 'ASSIGN', kind, leaderId, departmentId, workAreaId: null, principalId: null, subject: null, validTo: null }) as ChangeItem;
const words = (v: { message: string }) => v.message.replace(/^第\d+项：/, '').replace(/^调整后/, '');

const FINANCE = 'line:zhou-ming-supervises-finance';
const PRESIDES = 'line:chen-yuanhang-presides';
const COMMERCE = 'line:he-zhiyuan-supervises-commerce';

/** label, the edit, the rows to blame, the code; the write that breaks the same rule; whether their words agree. */
const RULES: [string, Edit, [Part, string][], string, (f: DirectoryFacts) => readonly Violation[], boolean][] = [
  ['a deputy 分管 the tax bureau (R4)', edit('assignments', FINANCE, { departmentId: 'dept:tax' }), [['assignments', FINANCE]], 'OUTSIDE_GOVERNMENT_LINE',
    changeset([assign('SUPERVISES', 'leader:zhou-ming', 'dept:tax')]), true],
  ['the same line twice at once', add('assignments', FINANCE, { id: 'line:test-copy' }), [['assignments', 'line:test-copy']], 'DUPLICATE_LINE',
    changeset([assign('SUPERVISES', 'leader:zhou-ming', 'dept:finance')]), true],
  ['two B角 for one leader at once', add('backups', 'backup:zhou-ming-by-li-xiaoyan', { id: 'backup:test-second', backupId: 'leader:sun-haitao' }),
    [['backups', 'backup:test-second']], 'DUPLICATE_LINE',
    changeset([
      { op: 'SET_BACKUP', leaderId: 'leader:zhou-ming', backupId: 'leader:sun-haitao', exceptTargetIds: [] },
      { op: 'SET_BACKUP', leaderId: 'leader:zhou-ming', backupId: 'leader:wang-lihua', exceptTargetIds: [] },
    ]), false],
  ['two leaders presiding at once', add('assignments', PRESIDES, { id: 'line:test-presides', leaderId: 'leader:zhou-ming' }),
    [['assignments', 'line:test-presides']], 'PRESIDES_NOT_UNIQUE', changeset([assign('PRESIDES', 'leader:zhou-ming', null)]), false],
  ['nobody presiding once the presiding line ends', edit('assignments', PRESIDES, { validTo: ON }), [['assignments', PRESIDES]], 'PRESIDES_NOT_UNIQUE',
    changeset([{ op: 'END', lineId: PRESIDES }]), true],
  ['a unit left without its supervising leader (R10)', edit('assignments', FINANCE, { validTo: ON }), [['assignments', FINANCE]], 'SUPERVISOR_LOST',
    changeset([{ op: 'END', lineId: FINANCE }]), true],
  ['a 协助 line whose principal gives the area up', edit('assignments', 'line:zhou-ming-responsible-gov-services', { validTo: ON }),
    [['assignments', 'line:wu-bin-assists-gov-services']], 'ASSIST_ORPHANED', changeset([{ op: 'END', lineId: 'line:zhou-ming-responsible-gov-services' }]), true],
  ['a line held by a leader not on the team', add('assignments', COMMERCE, { id: 'line:test-gone', leaderId: 'leader:huang-dewei' }),
    [['assignments', 'line:test-gone']], 'NOT_IN_TEAM', changeset([assign('SUPERVISES', 'leader:huang-dewei', 'dept:commerce')]), false],
  ['a line kept after its holder left the team', edit('assignments', 'line:huang-dewei-supervises-education', { validTo: null }),
    [['assignments', 'line:huang-dewei-supervises-education']], 'LINES_STILL_HELD',
    (f) => checkEndAppointment(f, { appointmentId: 'appt:xu-jing-party-member', validTo: ON, document: '青人常任〔2026〕9号' }).violations, false],
  ['a line to a unit already abolished', add('assignments', COMMERCE, { id: 'line:test-abolished', departmentId: 'dept:gov-service-center' }),
    [['assignments', 'line:test-abolished']], 'UNIT_NOT_ACTIVE', changeset([assign('SUPERVISES', 'leader:he-zhiyuan', 'dept:gov-service-center')]), false],
  ['a line to another government’s unit', (d) => mergeDatasets([edit('assignments', FINANCE, { departmentId: 'dept:other-1' })(d), other()]),
    [['assignments', FINANCE]], 'UNKNOWN_REFERENCE', changeset([assign('SUPERVISES', 'leader:zhou-ming', 'dept:other-1')]), true],
  ['a leader as his own B角', edit('backups', 'backup:zhou-ming-by-li-xiaoyan', { backupId: 'leader:zhou-ming' }),
    [['backups', 'backup:zhou-ming-by-li-xiaoyan']], 'SELF_BACKUP', changeset([{ op: 'SET_BACKUP', leaderId: 'leader:zhou-ming', backupId: 'leader:zhou-ming', exceptTargetIds: [] }]), true],
  ['AB partners away together, nobody designated (R5)', add('absences', null, absence('absence:test-wang', 'leader:wang-lihua', ON, '2026-12-10')),
    [['backups', 'backup:zhao-wenbin-by-wang-lihua'], ['backups', 'backup:wang-lihua-by-zhao-wenbin']], 'PARTNER_ABSENCES_OVERLAP',
    (f) => checkAbsence(f, { leaderId: 'leader:wang-lihua', validFrom: ON, validTo: '2026-12-10', designatedActorId: null }), false],
  ['two absences of one leader at once', add('absences', null, absence('absence:test-again', 'leader:zhao-wenbin', ON, '2026-12-05')),
    [['absences', 'absence:test-again']], 'ABSENCE_OVERLAP',
    (f) => checkAbsence(f, { leaderId: 'leader:zhao-wenbin', validFrom: ON, validTo: '2026-12-05', designatedActorId: null }), true],
];

/** The rows to blame (of one part), in the order a dataset's problems are listed: by row. */
const blamed = (d: Dataset, rows: [Part, string][]) =>
  rows.map(([part, id]) => ({ part, index: (d[part] as readonly { id: string }[]).findIndex((r) => r.id === id) }))
    .sort((a, b) => a.index - b.index)
    .map(({ part, index }) => `${part}[${index}]`);

describe.each(RULES)('%s', (_label, breakIt, rows, code, write, sameWords) => {
  it(`is refused with ${code}, naming the row, and nothing else`, () => {
    const broken = breakIt(demo);
    expect(checkDataset(broken)).toEqual([]);
    expect(checkDatasetRules(broken).map((p) => [p.at, p.code])).toEqual(blamed(broken, rows).map((where) => [where, code]));
  });

  it(`gets ${code} from the write that would make it${sameWords ? ', in the same words' : ''}`, () => {
    const refused = write(facts());
    expect([...new Set(refused.map((v) => v.code))]).toEqual([code]);
    if (sameWords) expect(checkDatasetRules(breakIt(demo)).map(words)).toEqual(refused.map(words));
  });
});

describe('every import path refuses them and writes nothing', () => {
  let db: TestDatabase;
  const scope: ImportScope = { today: TODAY, now: new Date(`${TODAY}T02:00:00Z`), viewer: null, events: createEvents() };
  const em = () => db.orm.em.fork() as SqlEntityManager;
  const written = async () => [await em().count(Jurisdiction), await em().count(Leader), await em().count(Assignment)];

  beforeAll(async () => {
    db = await openTestDatabase('importrules');
  });

  afterAll(async () => {
    await db?.close();
  });

  it.each(RULES)('the seed’s importDataset: %s', async (_label, breakIt, rows, code) => {
    const broken = breakIt(demo);
    await expect(importDataset(em(), broken)).rejects.toMatchObject({
      code,
      details: { problems: blamed(broken, rows).map((where) => ({ at: where, code, message: expect.any(String) })) },
    });
    expect(await written()).toEqual([0, 0, 0]);
  });

  it.each(RULES)('import-popolo: %s', async (_label, breakIt, rows, code) => {
    const parsed = fromPopolo(JSON.parse(JSON.stringify(toPopolo(breakIt(demo)))) as PopoloDocument);
    const plan = await planPopoloImport(em(), parsed, {}, scope);
    const where = blamed(parsed.dataset, rows);
    expect(plan.problems.map((p) => [p.at, p.code])).toEqual(expect.arrayContaining(where.map((w) => [w, code])));
    // Nothing else is wrong with the file (a line to another government's unit is that government's line in Popolo,
    // so the decision it cites is unknown there too).
    expect(plan.problems.filter((p) => !where.includes(p.at))).toEqual([]);
    const refusal = await applyPopoloImport(em(), plan, scope).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ImportRefusedError);
    expect(await written()).toEqual([0, 0, 0]);
  });

  it('the demo seed and a generated country of a few dozen governments pass every path', async () => {
    const country = mergeDatasets(generateCountry({ governments: 30, validFrom: '2026-01-01' }));
    expect(country.jurisdictions.length).toBeGreaterThan(30);
    for (const data of [demo, country]) {
      expect([checkDataset(data), checkDatasetRules(data)]).toEqual([[], []]);
      const plan = await planPopoloImport(em(), fromPopolo(JSON.parse(JSON.stringify(toPopolo(data))) as PopoloDocument), {}, scope);
      expect(plan.problems).toEqual([]);
    }
    await importDataset(em(), demo);
    await importDataset(em(), country);
    expect(await written()).toEqual([
      demo.jurisdictions.length + country.jurisdictions.length,
      demo.leaders.length + country.leaders.length,
      demo.assignments.length + country.assignments.length,
    ]);
  });
});

describe('import-notice is a changeset: the same rules, the same codes, as the file with the same lines', () => {
  const NOTICE = readFileSync(path.join(__dirname, 'fixtures', 'qingchuan-2026-12.txt'), 'utf8');
  const fromNotice = (text: string) => changeset([...planNoticeImport(facts(), parseNotice(text), { effectiveDate: ON, delta: false }).items])(facts());

  it('the notice as published passes', () => {
    expect(fromNotice(NOTICE)).toEqual([]);
  });

  it('a notice that has 李晓燕 分管 the tax bureau: OUTSIDE_GOVERNMENT_LINE, as the file that says so', () => {
    const refused = fromNotice(NOTICE.replace('青石街道办事处。', '青石街道办事处、区税务局。'));
    expect(refused.map((v) => v.code)).toEqual(['OUTSIDE_GOVERNMENT_LINE']);
    const file = add('assignments', 'line:li-xiaoyan-supervises-agriculture', { id: 'line:test-tax', departmentId: 'dept:tax' })(demo);
    expect(checkDatasetRules(file).map(words)).toEqual(refused.map(words));
  });

  it('a notice that leaves 区教育局 to nobody: SUPERVISOR_LOST, as the file that ends the line', () => {
    const refused = fromNotice(NOTICE.replace('区生态环境分局、区教育局、', '区生态环境分局、'));
    expect(refused.map((v) => v.code)).toEqual(['SUPERVISOR_LOST']);
    const file = edit('assignments', 'line:wang-lihua-supervises-education', { validTo: ON })(demo);
    expect(checkDatasetRules(file).map(words)).toEqual(refused.map(words));
  });
});
