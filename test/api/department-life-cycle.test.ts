// 机构改革 through the API, on a real database: merge, split, rename, abolish and create, each atomic with the lines
// it moves or ends and the AB exceptions it carries over, with lineage (Department.predecessors / successors), audited,
// refused with nothing written.
import { openTestDatabase, type TestDatabase } from '../support/database';
import { createTestApi, EDITOR, type TestApi } from '../support/api';
import { dumpAll } from '../support/dump';
import { Backup } from '../../src/entities';

let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await openTestDatabase('department_life_cycle', {}, { demo: true });
  api = await createTestApi(db.orm);
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

const J = 'jur:qingchuan';
const as = { viewer: EDITOR };
const DOC = '青编〔2026〕21号';
const UNIT = 'id name validFrom validTo aliases supervisedBy { leader { id } validFrom } predecessors { id } successors { id }';

async function version(): Promise<number> {
  return (await api.data(`{ jurisdiction(id: "${J}") { version } }`)).jurisdiction.version;
}

async function unit(id: string, asOf: string) {
  return (await api.data(`{ department(id: "${id}", asOf: "${asOf}") { ${UNIT} } }`)).department;
}

async function refused(mutation: string, type: string, input: Record<string, unknown>) {
  const before = await dumpAll(db.orm);
  const result = await api.run(`mutation($input: ${type}!) { ${mutation}(input: $input) { id } }`, { input: { ...input, expectedVersion: await version() } }, as);
  expect(await dumpAll(db.orm)).toEqual(before);
  return result.errors?.[0].extensions;
}

it('merges 区科学技术局 and 区工业和信息化局 into a new unit; 何志远’s lines move with him; lineage both ways', async () => {
  const v = await version();
  const { mergeDepartments } = await api.data(`mutation($input: MergeDepartmentsInput!) { mergeDepartments(input: $input) { ${UNIT} } }`, {
    input: {
      departmentIds: ['dept:sci-tech', 'dept:industry'], into: { id: 'dept:sci-industry', name: '区科技和工业信息化局', kind: 'CONSTITUENT', aliases: ['区科工局'] },
      on: '2026-12-01', document: DOC, expectedVersion: v,
    },
  }, as);
  expect(mergeDepartments).toMatchObject({
    id: 'dept:sci-industry', validFrom: '2026-12-01', supervisedBy: [{ leader: { id: 'leader:he-zhiyuan' }, validFrom: '2026-12-01' }],
  });
  expect(mergeDepartments.predecessors.map((d: { id: string }) => d.id).sort()).toEqual(['dept:industry', 'dept:sci-tech']);
  expect(await version()).toBe(v + 1);
  expect(await unit('dept:sci-tech', '2026-11-30')).toMatchObject({ validTo: '2026-12-01', supervisedBy: [{ leader: { id: 'leader:he-zhiyuan' } }], successors: [{ id: 'dept:sci-industry' }] });
  expect((await unit('dept:sci-tech', '2026-12-01')).supervisedBy).toEqual([]);
  const { coverage } = await api.data(`{ coverage(jurisdictionId: "${J}", asOf: "2026-12-01") { gaps { id } } }`);
  expect(coverage.gaps.map((g: { id: string }) => g.id)).not.toEqual(expect.arrayContaining(['dept:sci-industry']));
});

it('splits 区城市管理局 in two: each successor is supervised by 孙海涛 from that day', async () => {
  const { splitDepartment } = await api.data(`mutation($input: SplitDepartmentInput!) { splitDepartment(input: $input) { id supervisedBy { leader { id } } predecessors { id } } }`, {
    input: {
      departmentId: 'dept:urban-management', on: '2026-12-01', document: DOC, expectedVersion: await version(),
      into: [{ id: 'dept:urban-a', name: '区城市管理局（新）', kind: 'AFFILIATED' }, { id: 'dept:urban-b', name: '区综合行政执法局', kind: 'AFFILIATED' }],
    },
  }, as);
  expect(splitDepartment).toEqual([
    { id: 'dept:urban-a', supervisedBy: [{ leader: { id: 'leader:sun-haitao' } }], predecessors: [{ id: 'dept:urban-management' }] },
    { id: 'dept:urban-b', supervisedBy: [{ leader: { id: 'leader:sun-haitao' } }], predecessors: [{ id: 'dept:urban-management' }] },
  ]);
});

it('renames 区统计局: same id and history, the old name an alias, no predecessor', async () => {
  const { renameDepartment } = await api.data(`mutation($input: RenameDepartmentInput!) { renameDepartment(input: $input) { ${UNIT} } }`, {
    input: { departmentId: 'dept:statistics', name: '区统计局（区普查中心）', on: '2026-12-01', document: DOC, expectedVersion: await version() },
  }, as);
  expect(renameDepartment).toMatchObject({ id: 'dept:statistics', name: '区统计局（区普查中心）', predecessors: [], successors: [], supervisedBy: [{ leader: { id: 'leader:zhou-ming' } }] });
  expect(renameDepartment.aliases).toContain('区统计局');
  const { whoOversees } = await api.data(`{ whoOversees(text: "区统计局", asOf: "2026-12-02") { nodes { target { ... on Department { id } } } } }`);
  expect(whoOversees.nodes.map((n: any) => n.target.id)).toContain('dept:statistics');
});

it('abolishes 区信访局, its work to 区民政局: the line moves; and creates a unit', async () => {
  const { abolishDepartment } = await api.data(`mutation($input: AbolishDepartmentInput!) { abolishDepartment(input: $input) { id validTo successors { id } } }`, {
    input: { departmentId: 'dept:petitions', transferToId: 'dept:civil-affairs', on: '2026-12-01', document: DOC, expectedVersion: await version() },
  }, as);
  expect(abolishDepartment).toEqual({ id: 'dept:petitions', validTo: '2026-12-01', successors: [{ id: 'dept:civil-affairs' }] });
  expect((await unit('dept:civil-affairs', '2026-12-01')).supervisedBy.map((s: any) => s.leader.id)).toEqual(expect.arrayContaining(['leader:wang-lihua', 'leader:zhao-wenbin']));
  const { createDepartment } = await api.data(`mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id name validFrom supervisedBy { leader { id } } } }`, {
    input: { jurisdictionId: J, department: { id: 'dept:low-altitude', name: '区低空经济发展中心', kind: 'AFFILIATED' }, on: '2026-12-01', document: DOC, expectedVersion: await version() },
  }, as);
  expect(createDepartment).toEqual({ id: 'dept:low-altitude', name: '区低空经济发展中心', validFrom: '2026-12-01', supervisedBy: [] });
  const { changes } = await api.data(`{ changes(jurisdictionId: "${J}", since: "2026-11-28T00:00:00Z", first: 100) { nodes { action entityType entityId } } }`);
  expect(changes.nodes.filter((e: any) => e.entityId === 'dept:petitions').map((e: any) => e.action)).toEqual(['CLOSE']);
});

it.each([
  ['a unit under a name in use', 'createDepartment', 'CreateDepartmentInput', { jurisdictionId: J, department: { name: '区财政局', kind: 'CONSTITUENT' }, on: '2026-12-05', document: DOC }, 'NAME_IN_USE'],
  ['a 分管 line passed to the tax bureau (R4)', 'abolishDepartment', 'AbolishDepartmentInput', { departmentId: 'dept:justice', transferToId: 'dept:tax', on: '2026-12-05', document: DOC }, 'OUTSIDE_GOVERNMENT_LINE'],
  ['a unit abolished already', 'abolishDepartment', 'AbolishDepartmentInput', { departmentId: 'dept:gov-service-center', on: '2026-12-05', document: DOC }, 'UNIT_NOT_ACTIVE'],
  ['a rename to another unit’s name', 'renameDepartment', 'RenameDepartmentInput', { departmentId: 'dept:finance', name: '区审计局', on: '2026-12-05', document: DOC }, 'NAME_IN_USE'],
  ['a merge into nothing', 'mergeDepartments', 'MergeDepartmentsInput', { departmentIds: ['dept:water', 'dept:agriculture'], on: '2026-12-05', document: DOC }, 'BAD_USER_INPUT'],
])('refuses %s (%s), writing nothing', async (_label, mutation, type, input, code) => {
  expect((await refused(mutation, type, input))?.code).toBe(code);
});

describe('the state after a step keeps the invariants over all time (R10): refused over GraphQL with the changeset’s code, nothing written', () => {
  const CHANGE = `mutation($input: ApplyChangesetInput!) { applyChangeset(input: $input) { id version } }`;

  it('DUPLICATE_LINE: 区生态环境分局 absorbed into 区自然资源和规划分局, which 李晓燕 is to supervise from 2027 already', async () => {
    // A re-division already applied: from 2027-01-01 李晓燕 also supervises 区自然资源局 (R7: the 25th standing meeting approved 30号).
    await api.data(CHANGE, {
      input: {
        jurisdictionId: J, decisionId: 'decision:qingchuan-2026-11-adjust', document: '青政发〔2026〕30号', issuedById: 'leader:chen-yuanhang',
        effectiveDate: '2027-01-01', expectedVersion: await version(),
        items: [{ op: 'ASSIGN', kind: 'SUPERVISES', leaderId: 'leader:li-xiaoyan', departmentId: 'dept:natural-resources' }],
      },
    }, as);
    const v = await version();
    const lines = async () => (await api.data(`{ department(id: "dept:natural-resources", asOf: "2027-02-01") { supervisedBy { leader { id } validFrom } } }`)).department.supervisedBy;
    const before = await lines();
    const extensions = await refused('mergeDepartments', 'MergeDepartmentsInput', {
      departmentIds: ['dept:ecology', 'dept:natural-resources'], intoDepartmentId: 'dept:natural-resources', on: '2026-12-05', document: DOC,
    });
    expect(extensions).toMatchObject({
      code: 'DUPLICATE_LINE',
      violations: [{
        itemIndex: null, code: 'DUPLICATE_LINE', message: expect.stringMatching(/^调整后“李晓燕分管区自然资源和规划分局”与已有的同一分工重叠（自2027-01-01起）/),
        details: expect.objectContaining({ continuesLineId: 'line:li-xiaoyan-supervises-ecology' }),
      }],
    });
    expect(await version()).toBe(v);
    expect(await lines()).toEqual(before);
    expect((await unit('dept:ecology', '2026-12-05')).validTo).toBeNull();
  });

  it('without the clash the step is accepted: 区生态环境分局 goes to 区水务局, which 李晓燕 supervises already', async () => {
    // Nothing moves (she holds the absorbing unit for good) and nothing is broken.
    const { mergeDepartments } = await api.data(`mutation($input: MergeDepartmentsInput!) { mergeDepartments(input: $input) { id supervisedBy { leader { id } } } }`, {
      input: { departmentIds: ['dept:ecology', 'dept:water'], intoDepartmentId: 'dept:water', on: '2026-12-05', document: DOC, expectedVersion: await version() },
    }, as);
    expect(mergeDepartments).toEqual({ id: 'dept:water', supervisedBy: [{ leader: { id: 'leader:li-xiaoyan' } }] });
  });
});

describe('AB exceptions follow the lineage (R5): 区公安分局, which 王丽华 never holds for 赵文斌, merged into 区公安司法局', () => {
  // 王丽华 is 赵文斌's B角 except for 区公安分局 and 公安 work (backup:zhao-wenbin-by-wang-lihua); 赵文斌 supervises both
  // units merged, and is at the central party school from 2026-11-02 to 2027-01-16; 陈远航 presides.
  const ON = '2026-12-01';
  const pairs = async () =>
    (await db.orm.em.fork().find(Backup, { leader: 'leader:zhao-wenbin' }, { orderBy: { validFrom: 'asc', id: 'asc' } }))
      .map((b) => ({ id: b.id, backup: b.backup.id, exceptTargetIds: b.exceptTargetIds, validFrom: b.validFrom, validTo: b.validTo, decisionId: b.decisionId }));

  it('closes the pair on the day and re-opens it with the successor excepted; the presiding leader acts for 赵文斌 on it, not B', async () => {
    const { mergeDepartments } = await api.data(`mutation($input: MergeDepartmentsInput!) { mergeDepartments(input: $input) { id supervisedBy { leader { id } } } }`, {
      input: {
        departmentIds: ['dept:public-security', 'dept:justice'], into: { id: 'dept:politics-law', name: '区公安司法局', kind: 'CONSTITUENT' },
        on: ON, document: DOC, expectedVersion: await version(),
      },
    }, as);
    expect(mergeDepartments).toEqual({ id: 'dept:politics-law', supervisedBy: [{ leader: { id: 'leader:zhao-wenbin' } }] });

    const [closed, opened, ...rest] = await pairs();
    expect(rest).toEqual([]);
    expect(closed).toEqual({
      id: 'backup:zhao-wenbin-by-wang-lihua', backup: 'leader:wang-lihua', exceptTargetIds: ['dept:public-security', 'area:public-security'],
      validFrom: '2026-03-20', validTo: ON, decisionId: 'decision:qingchuan-2026-03-division',
    });
    expect(opened).toEqual({
      id: expect.stringMatching(/^backup:/), backup: 'leader:wang-lihua', exceptTargetIds: ['dept:politics-law', 'area:public-security'],
      validFrom: ON, validTo: null, decisionId: 'decision:qingchuan-2026-03-division',
    });

    const { whoCanDirect } = await api.data(`{ whoCanDirect(departmentId: "dept:politics-law", asOf: "2026-12-10") { nodes { leader { id } basis actingFor { id } } } }`);
    const acting = whoCanDirect.nodes.filter((n: any) => n.actingFor !== null);
    expect(acting).toEqual([{ leader: { id: 'leader:chen-yuanhang' }, basis: 'HEAD', actingFor: { id: 'leader:zhao-wenbin' } }]);
    expect(whoCanDirect.nodes.find((n: any) => n.leader.id === 'leader:wang-lihua')).toMatchObject({ basis: 'GENERAL_AUTHORITY', actingFor: null });

    const { changes } = await api.data(`{ changes(jurisdictionId: "${J}", since: "2026-11-28T00:00:00Z", first: 100) { nodes { action entityType entityId } } }`);
    expect(changes.nodes.filter((e: any) => e.entityType === 'BACKUP')).toEqual(expect.arrayContaining([
      { action: 'CLOSE', entityType: 'BACKUP', entityId: 'backup:zhao-wenbin-by-wang-lihua' },
      { action: 'OPEN', entityType: 'BACKUP', entityId: opened.id },
    ]));
  });
});
