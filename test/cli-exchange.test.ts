// Moving one government between two directories and back, through the real CLI (export-popolo / import-popolo)
// on two real databases (SQLite files, or two PostgreSQL databases under TEST_DATABASE_URL):
// - one government's export imports into a fresh directory, its parent recorded as a stub (or resolved);
// - `--dry-run` checks against the target (ids taken, parents, versions) and reports coded problems, never SQL;
// - importing the same file twice changes nothing the second time;
// - re-importing a changed file applies the difference as one changeset under R7 (decision approving its 文号,
//   a 签发人 required).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCli } from '../src/cli/main';
import { loadConfig } from '../src/config';
import { createRequestScope, todayIn } from '../src/scope/request-scope';
import { Assignment, AuditEvent, Changeset, Jurisdiction, Leader } from '../src/entities';
import { addDays, type PopoloDocument, type PopoloMembership } from '../src/io/popolo';
import { DepartmentLifeCycleService } from '../src/modules/changes/department-life-cycle.service';
import { createEvents } from '../src/scope/events';
import { captureOutput, directory, openCliDatabase, type CliDatabase, type Directory } from './support/cli';

let dir: string;
let out: string[];
let errors: string[];

let origin: CliDatabase;
let fresh: Directory;

beforeAll(async () => {
  // Two directories, each an SQLite file or a PostgreSQL database of its own; the origin holds the demo.
  origin = await openCliDatabase('exchange_origin', { prefix: 'fengong-exchange-', postgres: true, prepare: 'demo' });
  dir = origin.dir;
  fresh = await directory(dir, 'exchange_fresh', { postgres: true });
});

afterAll(async () => {
  await fresh?.close();
  await origin?.close();
});

beforeEach(() => {
  out = [];
  errors = [];
  captureOutput({ log: () => out, error: () => errors, stderr: 'mute' });
});

afterEach(() => jest.restoreAllMocks());

/** Runs the CLI against one directory; returns the exit code and the last JSON line printed. */
async function cli(target: Directory, argv: string[]): Promise<{ code: number; json: Record<string, unknown> | null; stderr: string }> {
  out = [];
  errors = [];
  process.env.DATABASE_URL = target.url;
  const code = await runCli(argv);
  const last = out.filter((l) => l.startsWith('{')).pop();
  return { code, json: last === undefined ? null : (JSON.parse(last) as Record<string, unknown>), stderr: errors.join('\n') };
}

/** What a directory holds, in numbers that any write would move. */
async function state(target: Directory) {
  const orm = await target.open();
  try {
    const em = orm.em.fork();
    const versions = (await em.find(Jurisdiction, {}, { orderBy: { id: 'asc' } })).map((j) => `${j.id}@${j.version}`);
    return { versions, leaders: await em.count(Leader), lines: await em.count(Assignment), changesets: await em.count(Changeset), audit: await em.count(AuditEvent) };
  } finally {
    await orm.close();
  }
}

const exportTo = async (target: Directory, name: string, ids: string[] = []) => {
  const file = path.join(dir, name);
  const args = ['export-popolo', ...(ids.length > 0 ? ['--jurisdiction', ...ids] : []), '--out', file];
  expect((await cli(target, args)).code).toBe(0);
  return { file, doc: JSON.parse(await readFile(file, 'utf8')) as PopoloDocument };
};

const write = async (name: string, doc: PopoloDocument) => {
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify(doc), 'utf8');
  return file;
};

const NO_SQL = /SQL|constraint|insert into|duplicate key|SQLITE_/i;

describe('one government into a fresh directory and back', () => {
  let qingchuan: { file: string; doc: PopoloDocument };

  it('one government’s export names its parent by reference', async () => {
    qingchuan = await exportTo(origin, 'qingchuan.json', ['jur:qingchuan']);
    const governments = qingchuan.doc.organizations.filter((o) => o.classification === 'government');
    expect(governments.map((o) => [o.id, o['fengong:reference'] === true])).toEqual([['jur:qingchuan', false], ['jur:jiangzhou', true]]);
  });

  it('--dry-run plans it against the target: NEW, parent as a STUB; nothing written', async () => {
    const before = await state(fresh);
    const run = await cli(fresh, ['import-popolo', qingchuan.file, '--dry-run']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({
      dryRun: true, changes: true, governments: 1,
      plan: [{ id: 'jur:qingchuan', action: 'NEW', version: null }],
      references: [{ id: 'jur:jiangzhou', name: '江州市', action: 'STUB' }],
    });
    expect(await state(fresh)).toEqual(before);
  });

  it('imports into the fresh directory, the parent as a stub, and exports the same document', async () => {
    const run = await cli(fresh, ['import-popolo', qingchuan.file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ imported: true, changed: true, changesets: [] });
    const orm = await fresh.open();
    try {
      const stub = await orm.em.fork().findOneOrFail(Jurisdiction, { id: 'jur:jiangzhou' });
      expect({ name: stub.name, level: stub.level, parent: stub.parent }).toEqual({ name: '江州市', level: 'CITY', parent: null });
      expect(await orm.em.fork().count(Leader, { jurisdiction: 'jur:jiangzhou' })).toBe(0);
    } finally {
      await orm.close();
    }
    const again = await exportTo(fresh, 'qingchuan-from-fresh.json', ['jur:qingchuan']);
    expect(again.doc).toEqual(qingchuan.doc);
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const before = await state(fresh);
    const dry = await cli(fresh, ['import-popolo', qingchuan.file, '--dry-run']);
    expect(dry.json).toMatchObject({ dryRun: true, changes: false, plan: [{ id: 'jur:qingchuan', action: 'UNCHANGED', version: 0 }], references: [{ id: 'jur:jiangzhou', action: 'RESOLVED' }] });
    const run = await cli(fresh, ['import-popolo', qingchuan.file]);
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ imported: true, changed: false, changesets: [] });
    expect(await state(fresh)).toEqual(before);
  });

  it('the whole directory then fills the stub, adds the other district (NEW) and leaves the imported government alone', async () => {
    const whole = await exportTo(origin, 'whole.json');
    const run = await cli(fresh, ['import-popolo', whole.file]);
    expect(run.stderr).toBe('');
    expect(run.json).toMatchObject({ changed: true, plan: [{ id: 'jur:jiangzhou', action: 'FILL_STUB' }, { id: 'jur:linjiang', action: 'NEW' }, { id: 'jur:qingchuan', action: 'UNCHANGED' }] });
    expect((await exportTo(fresh, 'whole-from-fresh.json')).doc).toEqual(whole.doc);
  });
});

describe('--dry-run reports conflicts with the target as coded problems, never SQL', () => {
  let doc: PopoloDocument;
  beforeAll(async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    doc = (await exportTo(origin, 'conflicts.json', ['jur:qingchuan'])).doc;
  });

  const refused = async (name: string, changed: PopoloDocument, code: string, extra: string[] = []) => {
    const before = await state(fresh);
    const file = await write(name, changed);
    for (const args of [['--dry-run'], []]) {
      const run = await cli(fresh, ['import-popolo', file, ...args, ...extra]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`: ${code}: `));
      expect(run.stderr).toMatch(/problems; nothing imported/);
      expect(run.stderr).not.toMatch(NO_SQL);
    }
    expect(await state(fresh)).toEqual(before);
  };

  it('ID_TAKEN: a new government whose rows reuse ids the target holds for another', async () => {
    const renamed = JSON.parse(JSON.stringify(doc).replaceAll('"jur:qingchuan"', '"jur:copy"').replace('"青川区"', '"青川区（副本）"')) as PopoloDocument;
    await refused('taken.json', renamed, 'ID_TAKEN');
  });

  it('UNKNOWN_PARENT: a parent neither in the file, referenced, nor in the target', async () => {
    const orphan = { ...doc, organizations: doc.organizations.filter((o) => o['fengong:reference'] !== true).map((o) => (o.id === 'jur:qingchuan' ? { ...o, parent_id: 'jur:nowhere' } : o)) };
    const file = await write('orphan.json', orphan);
    const run = await cli(fresh, ['import-popolo', file, '--dry-run']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/jurisdictions\[0\]: UNKNOWN_PARENT: 上级政府 jur:nowhere/);
    expect(run.stderr).not.toMatch(/BAD_USER_INPUT/);
  });

  it('GOVERNMENT_DIFFERS and RECORD_DIFFERS: a re-import changes the division only', async () => {
    const renamed = { ...doc, organizations: doc.organizations.map((o) => (o.id === 'jur:qingchuan' ? { ...o, name: '青川新区' } : o)) };
    await refused('renamed.json', renamed, 'GOVERNMENT_DIFFERS');
    const person = { ...doc, persons: doc.persons.map((p, i) => (i === 0 ? { ...p, name: `${p.name}（改）` } : p)) };
    await refused('person.json', person, 'RECORD_DIFFERS');
  });

  it('HISTORY_DIFFERS: a file that rewrites a line’s past or drops a line', async () => {
    const ended = doc.memberships.find((m) => m['fengong:kind'] !== undefined && m.end_date !== undefined) as PopoloMembership;
    const rewritten = { ...doc, memberships: doc.memberships.map((m) => (m.id === ended.id ? { ...m, end_date: addDays(ended.end_date as string, 3) } : m)) };
    await refused('rewritten.json', rewritten, 'HISTORY_DIFFERS');
    await refused('dropped.json', { ...doc, memberships: doc.memberships.filter((m) => m.id !== ended.id) }, 'HISTORY_DIFFERS');
  });

  it('a file that is not JSON or not Popolo: exit 1 with one line', async () => {
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, '{"persons": [', 'utf8');
    const run = await cli(fresh, ['import-popolo', bad, '--dry-run']);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toEqual([expect.stringMatching(/^error: .*bad\.json is not JSON/)]);
    await writeFile(bad, '{"persons": []}', 'utf8');
    expect((await cli(fresh, ['import-popolo', bad])).stderr).toMatch(/^error: .*is not a Popolo document/);
  });
});

describe('a changed file applies its difference as one changeset under R7', () => {
  const today = todayIn(loadConfig().timeZone, new Date());
  const effective = addDays(today, 7);
  const DOCUMENT = '青政发〔2026〕99号';
  let changedFile: string;

  it('the fresh directory re-divides; the origin takes the difference as one changeset', async () => {
    const { doc } = await exportTo(fresh, 'to-change.json', ['jur:qingchuan']);
    // A quorate standing meeting yesterday (the team of the 2026-11-20 meeting) approving 99号 …
    const meetings = doc['fengong:meetings'];
    const model = meetings.find((m) => m.id === 'meeting:qingchuan-2026-11-20') ?? meetings.find((m) => m.votingAttendeeIds.length >= 6);
    expect(model).toBeDefined();
    const meeting = { ...model!, id: 'meeting:qingchuan-import-test', number: '第99次', date: addDays(today, -1) };
    const decision = {
      id: 'decision:qingchuan-import-test', jurisdictionId: 'jur:qingchuan', meetingId: meeting.id, category: 'DIVISION_OF_LABOUR' as const,
      text: `原则同意《关于调整区政府领导班子成员工作分工的通知》（${DOCUMENT}），授权区政府办公室按程序发文。`, minutesNumber: null, approvesDocument: DOCUMENT,
    };
    // … moves 分管区教育局 from its supervisor to 李晓燕 from the effective date.
    const line = doc.memberships.find((m) => m['fengong:kind'] === 'SUPERVISES' && m.organization_id === 'dept:education' && m.end_date === undefined) as PopoloMembership;
    expect(line).toBeDefined();
    const moved: PopoloMembership = {
      ...line, id: 'line:import-test-education', person_id: 'leader:li-xiaoyan', start_date: effective,
      'fengong:document': DOCUMENT, 'fengong:decisionId': decision.id,
    };
    const changed: PopoloDocument = {
      ...doc,
      memberships: [...doc.memberships.map((m) => (m.id === line.id ? { ...m, end_date: addDays(effective, -1) } : m)), moved],
      'fengong:meetings': [...meetings, meeting],
      'fengong:decisions': [...doc['fengong:decisions'], decision],
    };
    changedFile = await write('changed.json', changed);

    const before = await state(origin);
    // R7: no 签发人, no change.
    const unsigned = await cli(origin, ['import-popolo', changedFile, '--dry-run']);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toMatch(/government jur:qingchuan: SIGNATORY_REQUIRED: /);
    expect(unsigned.stderr).not.toMatch(NO_SQL);

    const dry = await cli(origin, ['import-popolo', changedFile, '--dry-run', '--issued-by', 'leader:chen-yuanhang']);
    expect(dry.stderr).toBe('');
    expect(dry.json).toMatchObject({ dryRun: true, changes: true, plan: [{ id: 'jur:qingchuan', action: 'CHANGESET', version: 0, addedRecords: 2 }] });
    const diff = (dry.json!.plan as { diff: string[] }[])[0].diff;
    expect(diff).toHaveLength(2);
    expect(diff.join('\n')).toMatch(new RegExp(`自${effective}起，李晓燕分管区教育局`));
    expect(await state(origin)).toEqual(before);

    const run = await cli(origin, ['import-popolo', changedFile, '--issued-by', 'leader:chen-yuanhang']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ imported: true, changed: true, changesets: [{ jurisdictionId: 'jur:qingchuan', version: 1 }] });
    const after = await state(origin);
    expect(after).toMatchObject({ changesets: before.changesets + 1, lines: before.lines + 1, versions: before.versions.map((v) => v.replace('jur:qingchuan@0', 'jur:qingchuan@1')) });
    const orm = await origin.open();
    try {
      const changeset = await orm.em.fork().findOneOrFail(Changeset, { jurisdiction: 'jur:qingchuan' }, { orderBy: { appliedAt: 'desc' } });
      expect(changeset).toMatchObject({ document: DOCUMENT, decisionId: decision.id, effectiveDate: effective, issuedById: 'leader:chen-yuanhang' });
      const supervisors = await orm.em.fork().find(Assignment, { department: 'dept:education', kind: 'SUPERVISES', validTo: null });
      expect(supervisors.map((a) => [a.leader.id, a.validFrom])).toEqual([['leader:li-xiaoyan', effective]]);
    } finally {
      await orm.close();
    }
  });

  it('the same changed file again changes nothing (the changeset’s own line ids differ, its lines do not)', async () => {
    const before = await state(origin);
    const run = await cli(origin, ['import-popolo', changedFile, '--issued-by', 'leader:chen-yuanhang']);
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ changed: false, plan: [{ id: 'jur:qingchuan', action: 'UNCHANGED', version: 1 }] });
    expect(await state(origin)).toEqual(before);
  });

  it('a difference on two dates is not one changeset', async () => {
    const { doc } = await exportTo(origin, 'two-dates.json', ['jur:qingchuan']);
    const open = doc.memberships.filter((m) => m['fengong:kind'] === 'SUPERVISES' && m.end_date === undefined).slice(0, 2);
    const ended = { ...doc, memberships: doc.memberships.map((m) => (m.id === open[0].id ? { ...m, end_date: addDays(effective, 1) } : m.id === open[1].id ? { ...m, end_date: addDays(effective, 2) } : m)) };
    const file = await write('two-dates-changed.json', ended);
    const run = await cli(origin, ['import-popolo', file, '--dry-run', '--issued-by', 'leader:chen-yuanhang']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/government jur:qingchuan: NOT_ONE_CHANGESET: /);
    expect(run.stderr).not.toMatch(NO_SQL);
  });
});

describe('a reorganised government through the CLI', () => {
  it('export-popolo carries the units’ lineage, and the file imports into a fresh directory (the moved lines continue theirs)', async () => {
    const orm = await origin.open();
    try {
      const scope = createRequestScope(orm.em, { today: '2026-11-28', now: new Date('2026-11-28T04:00:00Z'), viewer: null, publicReads: true, events: createEvents() });
      const version = (await orm.em.fork().findOneOrFail(Jurisdiction, { id: 'jur:qingchuan' })).version;
      await new DepartmentLifeCycleService(scope).apply('jur:qingchuan', {
        op: 'MERGE', departmentIds: ['dept:sci-tech', 'dept:industry'], into: { id: 'dept:sci-industry', name: '区科技和工业信息化局', kind: 'CONSTITUENT', aliases: [] },
        on: '2026-12-01', document: '青编〔2026〕21号',
      }, version);
    } finally {
      await orm.close();
    }
    const { file, doc } = await exportTo(origin, 'reorganised.json', ['jur:qingchuan']);
    expect(doc['fengong:lineage']?.map((l) => `${l.kind} ${l.predecessorId} → ${l.successorId}`).sort()).toEqual([
      'MERGE dept:industry → dept:sci-industry', 'MERGE dept:sci-tech → dept:sci-industry',
    ]);
    const target = await directory(dir, 'exchange_reorg_target', { postgres: true });
    try {
      const run = await cli(target, ['import-popolo', file]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect((await exportTo(target, 'reorganised-again.json', ['jur:qingchuan'])).doc).toEqual(doc);
    } finally {
      await target.close();
    }
  });
});
