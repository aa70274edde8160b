// The dataset format: the demo seed is well-formed; every kind of malformed dataset is refused with
// the place of each problem; an import is all or nothing.
import { checkDataset, type Dataset } from '../../src/io/dataset';
import { importDataset, readDataset } from '../../src/io/importer';
import { generateDistrict } from '../../src/io/generate';
import { DEMO_DATASET_DIR } from '../../src/db/database';
import { Assignment, Department, Jurisdiction, Leader } from '../../src/entities';
import { openTestDatabase, type TestDatabase } from '../support/database';

let demo: Dataset;

beforeAll(async () => {
  demo = await readDataset(DEMO_DATASET_DIR);
});

it('the demo district is well-formed', () => {
  expect(checkDataset(demo)).toEqual([]);
});

it('a generated district is well-formed at any scale', () => {
  for (const scale of [1, 3]) {
    expect(checkDataset(generateDistrict({ id: `jur:g${scale}`, name: '测试区', scale, validFrom: '2026-01-01' }))).toEqual([]);
  }
});

type Edit = (d: Dataset) => Dataset;
const editLine = (i: number, patch: object): Edit => (d) => ({
  ...d,
  assignments: d.assignments.map((a, j) => (j === i ? { ...a, ...patch } : a)),
});
const firstOf = (kind: string) => (d: Dataset) => d.assignments.findIndex((a) => a.kind === kind);

it.each<[string, (d: Dataset) => Dataset, string, RegExp]>([
  ['an unknown line kind', (d) => editLine(0, { kind: 'OWNS' })(d), 'assignments[0]', /kind OWNS/],
  ['a dangling leader', (d) => editLine(0, { leaderId: 'leader:ghost' })(d), 'assignments[0]', /leaderId leader:ghost does not exist/],
  ['an impossible date', (d) => editLine(0, { validFrom: '2026-02-30' })(d), 'assignments[0]', /validFrom/],
  ['an inverted interval', (d) => editLine(0, { validFrom: '2026-05-01', validTo: '2026-01-01' })(d), 'assignments[0]', /must be after/],
  ['a SUPERVISES line without a target', (d) => editLine(firstOf('SUPERVISES')(d), { departmentId: null })(d), 'assignments[', /needs a departmentId or a workAreaId/],
  ['an ASSISTS line without a principal', (d) => editLine(firstOf('ASSISTS')(d), { principalId: null })(d), 'assignments[', /principalId is required/],
  ['a PRESIDES line with a target', (d) => editLine(firstOf('PRESIDES')(d), { departmentId: 'dept:finance' })(d), 'assignments[', /PRESIDES takes no departmentId/],
  ['a duplicate id', (d) => ({ ...d, leaders: [...d.leaders, d.leaders[0]] }), 'leaders[', /duplicate id/],
  ['a leader as his own backup', (d) => ({ ...d, backups: [{ ...d.backups[0], backupId: d.backups[0].leaderId }] }), 'backups[0]', /his own backup/],
  ['an unknown department kind', (d) => ({ ...d, departments: [{ ...d.departments[0], kind: 'MINISTRY' as never }] }), 'departments[0]', /kind MINISTRY/],
])('refuses %s', (_label, edit, at, message) => {
  const problems = checkDataset(edit(demo));
  expect(problems).toEqual(expect.arrayContaining([{ at: expect.stringContaining(at), message: expect.stringMatching(message) }]));
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

  it('writes all of a dataset or nothing: a failure in the last table rolls back the first', async () => {
    await importDataset(db.orm.em.fork(), demo);
    const after = await counts();
    expect(after).toEqual([2, demo.leaders.length, demo.departments.length, demo.assignments.length]);
    // A second district whose team order reuses an existing id: it fails at the very last insert.
    const second = generateDistrict({ id: 'jur:second', name: '第二区', scale: 1, validFrom: '2026-01-01' });
    const clashing = { ...second, teamOrders: [{ ...second.teamOrders[0], id: demo.teamOrders[0].id }] };
    await expect(importDataset(db.orm.em.fork(), clashing)).rejects.toThrow();
    expect(await counts()).toEqual(after);
  });
});
