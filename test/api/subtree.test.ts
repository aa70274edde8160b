// 市区一体 through the API: subtreeCoverage and whoOversees(withinJurisdictionId) on the demo city, and their cost on a
// generated country at two sizes — a fixed number of SQL statements reading the same rows for a city of the same size
// whatever the size of the country, and still a fixed number of statements for a whole province.
import { importDataset } from '../../src/io/importer';
import { mergeDatasets, type Dataset } from '../../src/io/dataset';
import { generateCountry } from '../../src/io/generate';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { createTestApi, EDITOR, type TestApi } from '../support/api';

jest.setTimeout(120_000);

const SUBTREE = `query($j: ID!, $d: Int) { subtreeCoverage(jurisdictionId: $j, maxDepth: $d) {
  root { id name } asOf
  governments { jurisdiction { id name parent { id } } depth gaps { id name } overlapCount absenceCount absentWithoutCover { name }
    unliaisedExternalUnitCount orphanedAssistCount load { leaders lines min max mean spread heaviest { name } lightest { name } } }
  totals { governments governmentsNeedingAttention gaps overlaps absences absentWithoutCover unliaisedExternalUnits orphanedAssists
    load { leaders lines min max spread heaviest { id } } widestSpread widestSpreadJurisdiction { id } }
} }`;

const COVERAGE = `query($j: ID!) { coverage(jurisdictionId: $j) {
  gaps { id } overlaps { department { id } } load { leader { id } total } absences { absentLeader { id } } absentWithoutCover { absentLeader { name } }
  unliaisedExternalUnits { id } orphanedAssists { id }
} }`;

const SEARCH = `query($t: String!, $j: ID, $w: ID, $n: Int) { whoOversees(text: $t, jurisdictionId: $j, withinJurisdictionId: $w, first: $n) {
  totalCount nodes { jurisdiction { id } matchedName matchedBy score target { __typename ... on Department { id name } ... on WorkArea { id name } }
    overseers { leader { id name } relation } }
} }`;

const ASSIGNED = `query($j: ID!, $asOf: LocalDate) { subtreeCoverage(jurisdictionId: $j, asOf: $asOf) {
  governments { jurisdiction { id } }
  assignedTasks {
    governments { jurisdiction { id } depth counts { total notStarted onTrack atRisk overdue completed }
      tasks { status progress expectedProgress task { id title source status(asOf: $asOf) supervisingLeader { name } leadUnit { name } parentTask { id jurisdiction { id } } } } }
    totals { total notStarted onTrack atRisk overdue completed }
  }
} }`;

const DEMO = ['jur:jiangzhou', 'jur:linjiang', 'jur:qingchuan'];
const NONE = { total: 0, notStarted: 0, onTrack: 0, atRisk: 0, overdue: 0, completed: 0 };

describe('on the demo city 江州市 and its districts 临江区 and 青川区', () => {
  let db: TestDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = await openTestDatabase('subtree_demo', {}, { demo: true });
    api = await createTestApi(db.orm);
  });

  afterAll(async () => {
    await api?.stop();
    await db?.close();
  });

  it('subtreeCoverage: the city, then its districts by name, each summary its own coverage in short; totals add up', async () => {
    const { subtreeCoverage: s } = await api.data(SUBTREE, { j: 'jur:jiangzhou' });
    expect(s.root).toEqual({ id: 'jur:jiangzhou', name: '江州市' });
    expect(s.governments.map((g: any) => [g.jurisdiction.id, g.depth])).toEqual([['jur:jiangzhou', 0], ['jur:linjiang', 1], ['jur:qingchuan', 1]]);
    const [city, linjiang, qingchuan] = s.governments;
    expect(city).toMatchObject({ gaps: [], absenceCount: 0, load: { leaders: 3, lines: 5 } });
    expect(linjiang).toMatchObject({ gaps: [], absenceCount: 0, absentWithoutCover: [], load: { leaders: 5 } });
    expect([linjiang.jurisdiction.parent, qingchuan.jurisdiction.parent]).toEqual([{ id: 'jur:jiangzhou' }, { id: 'jur:jiangzhou' }]);
    const coverages: any[] = [];
    for (const [i, id] of DEMO.entries()) {
      const { coverage: c } = await api.data(COVERAGE, { j: id });
      coverages.push(c);
      const g = s.governments[i];
      expect(g.gaps.map((d: any) => d.id)).toEqual(c.gaps.map((d: any) => d.id));
      expect([g.overlapCount, g.absenceCount, g.unliaisedExternalUnitCount, g.orphanedAssistCount]).toEqual([
        c.overlaps.length, c.absences.length, c.unliaisedExternalUnits.length, c.orphanedAssists.length,
      ]);
      expect(g.absentWithoutCover.map((l: any) => l.name)).toEqual(c.absentWithoutCover.map((a: any) => a.absentLeader.name));
      const totals = c.load.map((l: any) => l.total);
      expect(g.load).toMatchObject({ leaders: c.load.length, lines: totals.reduce((a: number, b: number) => a + b, 0), min: Math.min(...totals), max: Math.max(...totals) });
    }
    const sum = (f: (c: any) => number) => coverages.reduce((n, c) => n + f(c), 0);
    const widest = Math.max(...s.governments.map((g: any) => g.load.spread));
    expect(s.totals).toMatchObject({
      governments: 3, gaps: sum((c) => c.gaps.length), overlaps: sum((c) => c.overlaps.length), absences: sum((c) => c.absences.length),
      absentWithoutCover: sum((c) => c.absentWithoutCover.length), widestSpread: widest,
      widestSpreadJurisdiction: { id: s.governments.find((g: any) => g.load.spread === widest).jurisdiction.id },
    });
  });

  it('maxDepth 0 is the city alone; an unknown government is NOT_FOUND', async () => {
    const { subtreeCoverage: s } = await api.data(SUBTREE, { j: 'jur:jiangzhou', d: 0 });
    expect(s.governments.map((g: any) => g.jurisdiction.id)).toEqual(['jur:jiangzhou']);
    expect(await api.errorCode(SUBTREE, { j: 'jur:nowhere' })).toBe('NOT_FOUND');
  });

  it('whoOversees within the city finds what each government’s own search finds, each match naming its government', async () => {
    for (const text of ['应急', '谁分管财政?', '殡葬']) {
      const within = (await api.data(SEARCH, { t: text, w: 'jur:jiangzhou', n: 100 })).whoOversees;
      const each = await Promise.all(DEMO.map(async (j) => (await api.data(SEARCH, { t: text, j, n: 100 })).whoOversees));
      expect(within.totalCount).toBeGreaterThan(0);
      expect(within.totalCount).toBe(each.reduce((n, one) => n + one.totalCount, 0));
      DEMO.forEach((j, i) => expect(within.nodes.filter((n: any) => n.jurisdiction.id === j)).toEqual(each[i].nodes));
    }
    // 应急 is overseen in both districts; 殡葬 (民政) only in 青川区, which has a 民政局.
    const seen = async (text: string) => new Set((await api.data(SEARCH, { t: text, w: 'jur:jiangzhou', n: 100 })).whoOversees.nodes.map((n: any) => n.jurisdiction.id));
    expect(await seen('应急')).toEqual(new Set(['jur:linjiang', 'jur:qingchuan']));
    expect(await seen('殡葬')).toEqual(new Set(['jur:qingchuan']));
  });

  it('withinJurisdictionId with jurisdictionId is BAD_USER_INPUT; an unknown one NOT_FOUND', async () => {
    expect(await api.errorCode(SEARCH, { t: '财政', j: 'jur:qingchuan', w: 'jur:jiangzhou' })).toBe('BAD_USER_INPUT');
    expect(await api.errorCode(SEARCH, { t: '财政', w: 'jur:nowhere' })).toBe('NOT_FOUND');
  });

  it('assignedTasks: the city’s 民生工程 assigned to both districts, each district’s child task with its status, counted by status', async () => {
    const { subtreeCoverage: s } = await api.data(ASSIGNED, { j: 'jur:jiangzhou', asOf: '2026-11-28' });
    const a = s.assignedTasks;
    expect(a.governments.map((g: any) => [g.jurisdiction.id, g.depth])).toEqual(s.governments.map((g: any, i: number) => [g.jurisdiction.id, i === 0 ? 0 : 1]));
    const [city, linjiang, qingchuan] = a.governments;
    // The city's own task is not an assigned one: 江州市 has no parent government.
    expect(city).toMatchObject({ counts: NONE, tasks: [] });
    const parent = { id: 'task:jiangzhou-2026-gas-pipes', jurisdiction: { id: 'jur:jiangzhou' } };
    const title = '城镇老旧燃气管道更新改造（民生工程）';
    expect(linjiang.counts).toEqual({ ...NONE, total: 1, atRisk: 1 });
    expect(linjiang.tasks).toEqual([{
      status: 'AT_RISK', progress: 61, expectedProgress: 87,
      task: { id: 'task:linjiang-2026-gas-pipes', title, source: 'CITY', status: 'AT_RISK', supervisingLeader: { name: '沈佳怡' }, leadUnit: { name: '区住房和城乡建设局' }, parentTask: parent },
    }]);
    expect(qingchuan.counts).toEqual({ ...NONE, total: 1, onTrack: 1 });
    expect(qingchuan.tasks).toEqual([{
      status: 'ON_TRACK', progress: 84, expectedProgress: 87,
      task: { id: 'task:qingchuan-2026-gas-pipes', title, source: 'CITY', status: 'ON_TRACK', supervisingLeader: { name: '孙海涛' }, leadUnit: { name: '区住房和城乡建设局' }, parentTask: parent },
    }]);
    expect(a.totals).toEqual({ ...NONE, total: 2, onTrack: 1, atRisk: 1 });
    // The same children, and the same statuses, as the city task's own view.
    const { keyTask } = await api.data(`{ keyTask(id: "task:jiangzhou-2026-gas-pipes") { childTasks { id status(asOf: "2026-11-28") } } }`);
    expect(keyTask.childTasks.map((c: any) => [c.id, c.status]).sort()).toEqual([['task:linjiang-2026-gas-pipes', 'AT_RISK'], ['task:qingchuan-2026-gas-pipes', 'ON_TRACK']]);
  });

  it('assignedTasks on other dates: none before the assignment, both OVERDUE after the deadline; a district as root shows its own', async () => {
    const on = async (asOf: string, j = 'jur:jiangzhou') => (await api.data(ASSIGNED, { j, asOf })).subtreeCoverage.assignedTasks;
    expect((await on('2026-04-01')).totals).toEqual(NONE);
    const april = await on('2026-04-02');
    expect(april.totals).toEqual({ ...NONE, total: 2, notStarted: 2 });
    const january = await on('2027-01-05');
    expect(january.totals).toEqual({ ...NONE, total: 2, overdue: 2 });
    expect(january.governments.flatMap((g: any) => g.tasks.map((t: any) => [t.task.id, t.status, t.task.status]))).toEqual([
      ['task:linjiang-2026-gas-pipes', 'OVERDUE', 'OVERDUE'], ['task:qingchuan-2026-gas-pipes', 'OVERDUE', 'OVERDUE'],
    ]);
    // 青川区 as the root: its parent (the city) is outside the subtree, yet its assigned task is its own.
    const alone = await on('2026-11-28', 'jur:qingchuan');
    expect(alone.governments.map((g: any) => [g.jurisdiction.id, g.counts.total, g.tasks.map((t: any) => t.task.id)])).toEqual([['jur:qingchuan', 1, ['task:qingchuan-2026-gas-pipes']]]);
  });
});

interface Measured {
  readonly statements: number;
  readonly rows: number;
  readonly data: Record<string, any>;
}

const CREATE_TASK = `mutation($input: CreateKeyTaskInput!) { createKeyTask(input: $input) { id } }`;
const ASSIGN_TASK = `mutation($id: ID!, $a: [DistrictAssignmentInput!]!) { assignKeyTaskToDistricts(taskId: $id, assignments: $a) { id } }`;
const REPORT_TASK = `mutation($input: ReportTaskProgressInput!) { reportTaskProgress(input: $input) { id } }`;

/**
 * Every city of a generated country assigns a 民生工程 to each of its districts (市区一体), and its first district
 * reports progress: the larger country holds four times the key work of the smaller.
 */
async function assignCityTasks(api: TestApi, dataset: Dataset): Promise<void> {
  const pick = (jurisdictionId: string) => {
    const line = dataset.assignments.find((a) => a.jurisdictionId === jurisdictionId && a.kind === 'SUPERVISES' && a.validTo === null);
    if (line === undefined) throw new Error(`no SUPERVISES line in ${jurisdictionId}`);
    return { supervisingLeaderId: line.leaderId, leadUnitId: line.departmentId as string };
  };
  for (const city of dataset.jurisdictions.filter((j) => j.level === 'CITY')) {
    const input = { jurisdictionId: city.id, title: '老旧小区改造（民生工程）', description: '', source: 'CITY', category: '民生工程', deadline: '2027-06-30', ...pick(city.id) };
    const { createKeyTask } = await api.data(CREATE_TASK, { input }, { viewer: EDITOR });
    const districts = dataset.jurisdictions.filter((j) => j.parentId === city.id);
    const { assignKeyTaskToDistricts: children } = await api.data(ASSIGN_TASK, { id: createKeyTask.id, a: districts.map((d) => ({ districtId: d.id, ...pick(d.id) })) }, { viewer: EDITOR });
    expect(children).toHaveLength(10);
    await api.data(REPORT_TASK, { input: { taskId: children[0].id, text: '完成摸底调查', percent: 5 } }, { viewer: EDITOR });
  }
}

/** SUBTREE and the key tasks each government of the subtree was assigned. */
const SUBTREE_TASKS = SUBTREE.replace('  totals {', `  assignedTasks {
    governments { jurisdiction { id name } depth counts { total notStarted onTrack atRisk overdue completed }
      tasks { status progress expectedProgress task { title source deadline supervisingLeader { name } leadUnit { name } } } }
    totals { total notStarted onTrack atRisk overdue completed }
  }
  totals {`);

/** A generated country of `governments` county-level governments (10 per city), with every statement logged. */
async function country(label: string, governments: number) {
  const log: string[] = [];
  const db = await openTestDatabase(label, { debug: ['query'], logger: (message: string) => log.push(message) });
  const dataset = mergeDatasets(generateCountry({ governments, validFrom: '2026-01-01' }));
  await importDataset(db.orm.em.fork(), dataset);
  const api = await createTestApi(db.orm);
  const measure = async (query: string, variables: Record<string, unknown>): Promise<Measured> => {
    log.length = 0;
    const data = await api.data(query, variables);
    // The log is coloured: strip the ANSI codes before looking for the statement's verb.
    const statements = log.map((s) => s.replace(/\x1b\[\d+m/g, '')).filter((s) => /^\[query\] (select|insert|update|delete|with)\b/i.test(s));
    // MikroORM's query log ends "[took N ms, M results]" (or "1 result").
    const rows = statements.reduce((n, s) => n + Number(/(\d+) results?\]/.exec(s)?.[1] ?? 0), 0);
    return { statements: statements.length, rows, data };
  };
  return { db, api, dataset, measure, close: async () => { await api.stop(); await db.close(); } };
}

describe('cost: bounded by the subtree, not the country (generated countries of 20 and 80 districts)', () => {
  let small: Awaited<ReturnType<typeof country>>;
  let large: Awaited<ReturnType<typeof country>>;

  beforeAll(async () => {
    small = await country('subtree_small', 20);
    large = await country('subtree_large', 80);
  });

  afterAll(async () => {
    await small?.close();
    await large?.close();
  });

  it.each([
    ['subtreeCoverage', SUBTREE, { j: 'jur:city-00001' }],
    ['whoOversees within', SEARCH, { t: '应急', w: 'jur:city-00001', n: 100 }],
  ])('%s of a city of ten districts: the same statements and the same rows in a country four times larger', async (_name, query, variables) => {
    const a = await small.measure(query, variables);
    const b = await large.measure(query, variables);
    // The same answer up to names (the city's districts are other ones: the generator deals districts out to cities in turn).
    const shape = (d: Measured) =>
      JSON.stringify(d.data).replace(/district-\d+/g, 'district-N').replace(/"(name|matchedName)":"[^"]*"/g, '"$1":"…"').split('},{').sort().join('},{');
    expect(shape(b)).toBe(shape(a));
    expect(b.statements).toBe(a.statements);
    expect(b.rows).toBe(a.rows);
    // One statement for the subtree, one for the facts of all eleven governments (each row one table of one
    // government: src/store/load-facts.ts), one for the root's parent — and, when asked, key work's tables.
    expect(a.statements).toBeLessThanOrEqual(14);
    expect(a.rows).toBeGreaterThan(11 * 10);
  });

  it('a whole province: more governments (23 → 89), yet the same number of statements; rows grow with the subtree', async () => {
    const a = await small.measure(SUBTREE, { j: 'jur:province-00001' });
    const b = await large.measure(SUBTREE, { j: 'jur:province-00001' });
    expect(a.data.subtreeCoverage.totals.governments).toBe(1 + 2 + 20);
    expect(b.data.subtreeCoverage.totals.governments).toBe(1 + 8 + 80);
    expect(b.statements).toBe(a.statements);
    expect(b.rows).toBeGreaterThan(3 * a.rows);
    // Depth first: the province, then each city followed by its ten districts.
    const byDepth = (d: Measured) => d.data.subtreeCoverage.governments.map((g: any) => g.depth).join('');
    expect(byDepth(a)).toBe(`0${`1${'2'.repeat(10)}`.repeat(2)}`);
    expect(byDepth(b)).toBe(`0${`1${'2'.repeat(10)}`.repeat(8)}`);
  });

  // After the tests above: the writes here would warm the store that their cold reads measure.
  it('assignedTasks: every city assigns a task to its ten districts; the subtree’s key work costs one statement per key-work table and the same rows in a country four times larger', async () => {
    await assignCityTasks(small.api, small.dataset);
    await assignCityTasks(large.api, large.dataset);
    const j = 'jur:city-00001';
    const answers = [];
    for (const c of [small, large]) {
      await c.measure(SUBTREE_TASKS, { j }); // reads the governments' facts again after the writes
      const plain = await c.measure(SUBTREE, { j });
      const tasks = await c.measure(SUBTREE_TASKS, { j });
      // Tasks, their units, progress reports, directives, transitions: one statement each for all eleven governments.
      expect(tasks.statements - plain.statements).toBe(5);
      // Only the subtree's rows: the city's task and its ten children, their lead units, the one report.
      expect(tasks.rows - plain.rows).toBe(11 + 11 + 1);
      answers.push(tasks);
    }
    const [a, b] = answers;
    const shape = (d: Measured) => JSON.stringify(d.data).replace(/district-\d+/g, 'district-N').replace(/"name":"[^"]*"/g, '"name":"…"').split('},{').sort().join('},{');
    expect(shape(b)).toBe(shape(a));
    expect(b.statements).toBe(a.statements);
    expect(b.rows).toBe(a.rows);
    const assigned = a.data.subtreeCoverage.assignedTasks;
    expect(assigned.governments.map((g: any) => [g.depth, g.counts.total])).toEqual([[0, 0], ...Array.from({ length: 10 }, () => [1, 1])]);
    expect(assigned.totals).toMatchObject({ total: 10, notStarted: 9, onTrack: 1 });
    expect(assigned.governments.slice(1).every((g: any) => g.tasks[0].task.source === 'CITY')).toBe(true);
  });
});
