// The dataset format: the demo seed is well-formed; every kind of malformed dataset is refused with
// the place of each problem; an import is all or nothing.
import { checkDataset, checkDatasetRules, type Dataset } from '../../src/io/dataset';
import { planChangeset, type ChangeItem } from '../../src/domain';
import { importDataset, readDataset } from '../../src/io/importer';
import { factsByJurisdiction } from '../../src/io/dataset';
import { generateDistrict } from '../../src/io/generate';
import { DEMO_DATASET_DIR } from '../../src/ops/seed';
import { Assignment, Department, Jurisdiction, Leader } from '../../src/entities';
import { openTestDatabase, type TestDatabase } from '../support/database';

let demo: Dataset;
const factsOf = (d: Dataset) => factsByJurisdiction(d).get('jur:qingchuan')!;

beforeAll(async () => {
  demo = await readDataset(DEMO_DATASET_DIR);
});

it('the demo district is well-formed and obeys every rule a changeset obeys', () => {
  expect(checkDataset(demo)).toEqual([]);
  expect(checkDatasetRules(demo)).toEqual([]);
});

it('a generated district is well-formed at any scale', () => {
  for (const scale of [1, 3]) {
    const generated = generateDistrict({ id: `jur:g${scale}`, name: '测试区', scale, validFrom: '2026-01-01' });
    expect([checkDataset(generated), checkDatasetRules(generated)]).toEqual([[], []]);
  }
});

type Edit = (d: Dataset) => Dataset;
const editLine = (i: number, patch: object): Edit => (d) => ({
  ...d,
  assignments: d.assignments.map((a, j) => (j === i ? { ...a, ...patch } : a)),
});

it.each<[string, (d: Dataset) => Dataset, string, RegExp]>([
  ['an unknown line kind', (d) => editLine(0, { kind: 'OWNS' })(d), 'assignments[0]', /kind OWNS/],
  ['a dangling leader', (d) => editLine(0, { leaderId: 'leader:ghost' })(d), 'assignments[0]', /leaderId leader:ghost does not exist/],
  ['an impossible date', (d) => editLine(0, { validFrom: '2026-02-30' })(d), 'assignments[0]', /validFrom/],
  ['an inverted interval', (d) => editLine(0, { validFrom: '2026-05-01', validTo: '2026-01-01' })(d), 'assignments[0]', /must be after/],
  ['a duplicate id', (d) => ({ ...d, leaders: [...d.leaders, d.leaders[0]] }), 'leaders[', /duplicate id/],
  ['an unknown department kind', (d) => ({ ...d, departments: [{ ...d.departments[0], kind: 'MINISTRY' as never }] }), 'departments[0]', /kind MINISTRY/],
])('refuses %s', (_label, edit, at, message) => {
  const problems = checkDataset(edit(demo));
  expect(problems).toEqual(expect.arrayContaining([{ at: expect.stringContaining(at), code: 'BAD_USER_INPUT', message: expect.stringMatching(message) }]));
});

// One rule source: a file that breaks a rule of the division is refused with the code a changeset breaking it gets
// (every rule, through every import path: import-rules.test.ts).
const lineOf = (d: Dataset, id: string) => d.assignments.findIndex((a) => a.id === id);
const deputyFinance = 'line:zhou-ming-supervises-finance';
describe.each<[string, (d: Dataset) => Dataset, ChangeItem, string]>([
  ['a deputy 分管 the tax bureau (R4)', (d) => editLine(lineOf(d, deputyFinance), { departmentId: 'dept:tax' })(d),
    { op: 'ASSIGN', kind: 'SUPERVISES', leaderId: 'leader:zhou-ming', departmentId: 'dept:tax', workAreaId: null, principalId: null, subject: null, validTo: null }, 'OUTSIDE_GOVERNMENT_LINE'],
  ['a SUPERVISES line without a target', (d) => editLine(lineOf(d, deputyFinance), { departmentId: null })(d),
    { op: 'ASSIGN', kind: 'SUPERVISES', leaderId: 'leader:zhou-ming', departmentId: null, workAreaId: null, principalId: null, subject: null, validTo: null }, 'TARGET_MISMATCH'],
  ['a SUPERVISES line to a unit and an area at once', (d) => editLine(lineOf(d, deputyFinance), { workAreaId: 'area:finance' })(d),
    { op: 'ASSIGN', kind: 'SUPERVISES', leaderId: 'leader:zhou-ming', departmentId: 'dept:finance', workAreaId: 'area:finance', principalId: null, subject: null, validTo: null }, 'TARGET_MISMATCH'],
  ['a PRESIDES line with a target', (d) => editLine(d.assignments.findIndex((a) => a.kind === 'PRESIDES'), { departmentId: 'dept:finance' })(d),
    { op: 'ASSIGN', kind: 'PRESIDES', leaderId: 'leader:zhou-ming', departmentId: 'dept:finance', workAreaId: null, principalId: null, subject: null, validTo: null }, 'TARGET_MISMATCH'],
  ['an ASSISTS line without a principal', (d) => editLine(d.assignments.findIndex((a) => a.kind === 'ASSISTS'), { principalId: null })(d),
    { op: 'ASSIGN', kind: 'ASSISTS', leaderId: 'leader:zhou-ming', departmentId: 'dept:finance', workAreaId: null, principalId: null, subject: null, validTo: null }, 'TARGET_MISMATCH'],
])('%s', (_label, edit, item, code) => {
  it(`is refused with ${code}, as the same line in a changeset is`, () => {
    const broken = edit(demo);
    expect(checkDataset(broken)).toEqual([]);
    expect(checkDatasetRules(broken).map((p) => p.code)).toEqual([code]);
    const facts = factsOf(demo);
    const plan = planChangeset(facts, { jurisdictionId: 'jur:qingchuan', document: null, decisionId: null, effectiveDate: '2026-12-01', issuedById: null, items: [item] }, () => 'line:x');
    expect(plan.violations.map((v) => v.code)).toContain(code);
  });
});

it.each<[string, (d: Dataset) => Dataset, string]>([
  ['a line citing a decision that approved another 文号', (d) => editLine(lineOf(d, deputyFinance), { document: '青政发〔2099〕1号' })(d), 'DECISION_SCOPE_MISMATCH'],
  ['a line starting long after its decision', (d) => editLine(lineOf(d, deputyFinance), { validFrom: '2025-06-01' })(d), 'DECISION_STALE'],
  ['a decision of a meeting counted with an absent attendee', (d) => ({
    ...d,
    absences: [...d.absences, { id: 'absence:test', leaderId: 'leader:sun-haitao', reason: '出差', designatedActorId: null, validFrom: '2026-03-19', validTo: '2026-03-21' },
      { id: 'absence:test-2', leaderId: 'leader:li-xiaoyan', reason: '出差', designatedActorId: null, validFrom: '2026-03-19', validTo: '2026-03-21' },
      { id: 'absence:test-3', leaderId: 'leader:wang-lihua', reason: '出差', designatedActorId: 'leader:wu-bin', validFrom: '2026-03-19', validTo: '2026-03-21' },
      { id: 'absence:test-4', leaderId: 'leader:he-zhiyuan', reason: '出差', designatedActorId: 'leader:wu-bin', validFrom: '2026-03-19', validTo: '2026-03-21' }],
  }), 'QUORUM_NOT_MET'],
  ['a meeting listing an attendee who was away', (d) => ({
    ...d,
    absences: [...d.absences, { id: 'absence:test', leaderId: 'leader:sun-haitao', reason: '出差', designatedActorId: null, validFrom: '2026-03-19', validTo: '2026-03-21' }],
  }), 'ATTENDEE_ABSENT'],
])('refuses %s under R7, as a changeset would be', (_label, edit, code) => {
  expect(checkDatasetRules(edit(demo)).map((p) => p.code)).toContain(code);
});


describe('importing', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await openTestDatabase('dataset');
  });

  afterAll(async () => {
    await db?.close();
  });

  const counts = async () => {
    const em = db.orm.em.fork();
    return [await em.count(Jurisdiction), await em.count(Leader), await em.count(Department), await em.count(Assignment)];
  };

  it('refuses a malformed dataset with BAD_USER_INPUT listing the problems, and writes nothing', async () => {
    const broken = editLine(0, { leaderId: 'leader:ghost' })(demo);
    await expect(importDataset(db.orm.em.fork(), broken)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: [expect.objectContaining({ at: 'assignments[0]' })] },
    });
    expect(await counts()).toEqual([0, 0, 0, 0]);
  });

  it('refuses a file that makes a deputy 分管 the tax bureau with OUTSIDE_GOVERNMENT_LINE, writing nothing', async () => {
    const broken = editLine(lineOf(demo, deputyFinance), { departmentId: 'dept:tax' })(demo);
    await expect(importDataset(db.orm.em.fork(), broken)).rejects.toMatchObject({
      code: 'OUTSIDE_GOVERNMENT_LINE',
      details: { problems: [expect.objectContaining({ at: `assignments[${lineOf(demo, deputyFinance)}]`, code: 'OUTSIDE_GOVERNMENT_LINE' })] },
    });
    expect(await counts()).toEqual([0, 0, 0, 0]);
  });

  it('writes all of a dataset or nothing: a failure in the last table rolls back the first', async () => {
    await importDataset(db.orm.em.fork(), demo);
    const after = await counts();
    expect(after).toEqual([demo.jurisdictions.length, demo.leaders.length, demo.departments.length, demo.assignments.length]);
    // A second district whose team order reuses an existing id: it fails at the very last insert.
    const second = generateDistrict({ id: 'jur:second', name: '第二区', scale: 1, validFrom: '2026-01-01' });
    const clashing = { ...second, teamOrders: [{ ...second.teamOrders[0], id: demo.teamOrders[0].id }] };
    await expect(importDataset(db.orm.em.fork(), clashing)).rejects.toThrow();
    expect(await counts()).toEqual(after);
  });
});
