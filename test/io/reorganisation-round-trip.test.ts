// A government exported after a 机构改革 (merge, split, abolish) imports into an empty database as it is — the moved
// lines continue their predecessors' lines under the decision that made those, and the lineage travels in the
// fengong: extension — and the import exports the same document again (file → database → file).
import type { SqlEntityManager } from '@mikro-orm/knex';
import { DEMO_DATASET_DIR } from '../../src/ops/seed';
import type { LineageFact } from '../../src/domain';
import { checkLineage, type Dataset } from '../../src/io/dataset';
import { readDataset } from '../../src/io/importer';
import { createEvents } from '../../src/scope/events';
import { fromPopolo, type PopoloDocument } from '../../src/io/popolo';
import { applyPopoloImport, planPopoloImport, type ImportScope } from '../../src/io/popolo-import';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { createTestApi, DEMO_TODAY, EDITOR, type TestApi } from '../support/api';

let origin: TestDatabase;
let target: TestDatabase;
let originApi: TestApi;
let targetApi: TestApi;
const J = 'jur:qingchuan';
const DOC = '青编〔2026〕21号';
const ON = '2026-12-01';
const as = { viewer: EDITOR };
const scope: ImportScope = { today: DEMO_TODAY, now: new Date(`${DEMO_TODAY}T04:00:00Z`), viewer: null, events: createEvents() };

beforeAll(async () => {
  origin = await openTestDatabase('reorg_origin', {}, { demo: true });
  target = await openTestDatabase('reorg_target');
  originApi = await createTestApi(origin.orm);
  targetApi = await createTestApi(target.orm);
});

afterAll(async () => {
  await originApi?.stop();
  await targetApi?.stop();
  await origin?.close();
  await target?.close();
});

const version = async () => (await originApi.data(`{ jurisdiction(id: "${J}") { version } }`)).jurisdiction.version as number;
const popolo = async (api: TestApi) => (await api.data(`{ popolo(jurisdictionId: "${J}") }`, {}, as)).popolo as PopoloDocument;
const lineage = async (api: TestApi, id: string, asOf: string) =>
  (await api.data(`{ department(id: "${id}", asOf: "${asOf}") { predecessors { id } successors { id } } }`)).department;

it('a government merged, split and abolished in part exports, imports into an empty database and exports the same again', async () => {
  await originApi.data(`mutation($input: MergeDepartmentsInput!) { mergeDepartments(input: $input) { id } }`, {
    input: {
      departmentIds: ['dept:sci-tech', 'dept:industry'], into: { id: 'dept:sci-industry', name: '区科技和工业信息化局', kind: 'CONSTITUENT', aliases: [] },
      on: ON, document: DOC, expectedVersion: await version(),
    },
  }, as);
  await originApi.data(`mutation($input: SplitDepartmentInput!) { splitDepartment(input: $input) { id } }`, {
    input: {
      departmentId: 'dept:urban-management', on: ON, document: DOC, expectedVersion: await version(),
      into: [{ id: 'dept:urban-a', name: '区城市管理局（新）', kind: 'AFFILIATED' }, { id: 'dept:urban-b', name: '区综合行政执法局', kind: 'AFFILIATED' }],
    },
  }, as);
  await originApi.data(`mutation($input: AbolishDepartmentInput!) { abolishDepartment(input: $input) { id } }`, {
    input: { departmentId: 'dept:petitions', transferToId: 'dept:civil-affairs', on: ON, document: DOC, expectedVersion: await version() },
  }, as);

  // 区公安分局, which 王丽华 never holds for 赵文斌 (AB exception), merges: the pair is re-opened excepting the successor.
  await originApi.data(`mutation($input: MergeDepartmentsInput!) { mergeDepartments(input: $input) { id } }`, {
    input: {
      departmentIds: ['dept:public-security', 'dept:justice'], into: { id: 'dept:politics-law', name: '区公安司法局', kind: 'CONSTITUENT', aliases: [] },
      on: ON, document: DOC, expectedVersion: await version(),
    },
  }, as);

  const exported = await popolo(originApi);
  const pairs = (exported['fengong:backups'] ?? []).filter((b) => b.leaderId === 'leader:zhao-wenbin');
  expect(pairs.map((b) => [b.validFrom, b.validTo, b.exceptTargetIds])).toEqual(expect.arrayContaining([
    [expect.any(String), ON, ['dept:public-security', 'area:public-security']], [ON, null, ['dept:politics-law', 'area:public-security']],
  ]));
  expect(exported['fengong:lineage']?.map((l) => [l.kind, l.predecessorId, l.successorId])).toEqual(expect.arrayContaining([
    ['MERGE', 'dept:sci-tech', 'dept:sci-industry'], ['MERGE', 'dept:industry', 'dept:sci-industry'],
    ['SPLIT', 'dept:urban-management', 'dept:urban-a'], ['SPLIT', 'dept:urban-management', 'dept:urban-b'],
    ['ABOLISH', 'dept:petitions', 'dept:civil-affairs'],
  ]));

  // Without its lineage the file would be refused: the moved lines start on the day of the reorganisation and cite
  // the decisions that made the lines they continue, months older than that day (R7).
  const { 'fengong:lineage': _lineage, ...withoutLineage } = exported;
  const refused = await planPopoloImport(target.orm.em.fork() as SqlEntityManager, fromPopolo(withoutLineage), {}, scope);
  expect(refused.problems.length).toBeGreaterThan(0);
  expect([...new Set(refused.problems.map((p) => p.code))]).toEqual(['DECISION_STALE']);

  const plan = await planPopoloImport(target.orm.em.fork() as SqlEntityManager, fromPopolo(exported), {}, scope);
  expect(plan.problems).toEqual([]);
  expect(plan.governments.map((g) => [g.id, g.action])).toEqual([[J, 'NEW']]);
  await applyPopoloImport(target.orm.em.fork() as SqlEntityManager, plan, scope);

  expect(await popolo(targetApi)).toEqual(exported);
  // Imported again into the database that now holds it: nothing to do.
  const again = await planPopoloImport(target.orm.em.fork() as SqlEntityManager, fromPopolo(exported), {}, scope);
  expect(again.problems).toEqual([]);
  expect(again.governments.map((g) => g.action)).toEqual(['UNCHANGED']);
  expect(await lineage(targetApi, 'dept:sci-industry', ON)).toEqual({ predecessors: [{ id: 'dept:sci-tech' }, { id: 'dept:industry' }], successors: [] });
  expect(await lineage(targetApi, 'dept:urban-management', '2026-11-30')).toEqual({ predecessors: [], successors: [{ id: 'dept:urban-a' }, { id: 'dept:urban-b' }] });
  expect(await lineage(targetApi, 'dept:petitions', '2026-11-30')).toEqual({ predecessors: [], successors: [{ id: 'dept:civil-affairs' }] });
});

describe('the lineage a file carries must make sense with the file (BAD_USER_INPUT, lineage[i])', () => {
  let demo: Dataset;
  beforeAll(async () => {
    demo = await readDataset(DEMO_DATASET_DIR);
  });
  const step = (change: Partial<LineageFact>): LineageFact => ({
    id: 'lineage:test', jurisdictionId: J, kind: 'MERGE', predecessorId: 'dept:sci-tech', successorId: 'dept:industry', date: ON, document: DOC, formerName: null, ...change,
  });
  it.each<[string, LineageFact[], string[]]>([
    ['a merge into a unit of the file', [step({})], []],
    ['an abolition whose work nobody takes over', [step({ kind: 'ABOLISH', successorId: null })], []],
    ['a rename of the unit itself', [step({ kind: 'RENAME', successorId: 'dept:sci-tech', formerName: '区科技局' })], []],
    ['a predecessor the file does not have', [step({ predecessorId: 'dept:nowhere' })], ['predecessorId dept:nowhere is not a unit of jur:qingchuan']],
    ['a successor of another government', [step({ successorId: 'dept:linjiang-finance' })], ['successorId dept:linjiang-finance is not a unit of jur:qingchuan']],
    ['a merge into nothing', [step({ successorId: null })], ['a MERGE step needs a successorId']],
    ['a rename into another unit', [step({ kind: 'RENAME' })], ['successorId is the predecessor itself for a RENAME, and only for it']],
    ['an unknown kind and a date that is none', [step({ kind: 'MOVE' as never, date: '2026-02-30' })], ['kind MOVE is not one of MERGE, SPLIT, RENAME, ABOLISH', 'date 2026-02-30 is not a date YYYY-MM-DD']],
    ['the same id twice', [step({}), step({ predecessorId: 'dept:commerce' })], ['duplicate id lineage:test']],
  ])('%s', (_label, lineage, messages) => {
    const problems = checkLineage(demo, lineage);
    expect(problems.map((p) => p.message)).toEqual(messages);
    expect(problems.every((p) => p.code === 'BAD_USER_INPUT' && /^lineage\[\d\]$/.test(p.at))).toBe(true);
  });
});
