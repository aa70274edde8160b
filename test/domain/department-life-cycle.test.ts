// 机构改革 as first-class writes: create, rename, merge, split, abolish — lineage, and the lines moved or ended with them.
import { linesForDepartment, planDepartmentChange } from '../../src/domain';
import type { DepartmentChange, DirectoryFacts } from '../../src/domain';
import { FUTURE, REDIVISION, world } from './world';

const DOC = '青编〔2026〕12号';
const mint = (kind: 'LINEAGE' | 'LINE', n: number) => `${kind === 'LINE' ? 'line' : 'lineage'}:new-${n}`;
const unit = (id: string, name: string) => ({ id, name, kind: 'CONSTITUENT' as const, aliases: [] });
const HEALTH_TOURISM = unit('dept:health-tourism', '区卫生健康和文化旅游局');

type Summary = { closes: string[]; creates: string[]; lineage: [string, string, string | null][]; lineCloses: string[]; lineOpens: [string, string][] };
const summary = (facts: DirectoryFacts, change: DepartmentChange): Summary & { codes: string[] } => {
  const plan = planDepartmentChange(facts, change, mint);
  return {
    codes: plan.violations.map((v) => v.code),
    closes: plan.closes.map((d) => d.id),
    creates: plan.creates.map((d) => d.id),
    lineage: plan.lineage.map((l) => [l.kind, l.predecessorId, l.successorId]),
    lineCloses: plan.lineCloses.map((l) => l.id),
    lineOpens: plan.lineOpens.map((l) => [l.leaderId, l.departmentId as string]),
  };
};
const none: Summary = { closes: [], creates: [], lineage: [], lineCloses: [], lineOpens: [] };

describe('planDepartmentChange', () => {
  it.each<[string, DepartmentChange, Partial<Summary> & { codes?: string[] }]>([
    ['a new unit', { op: 'CREATE', unit: unit('dept:data', '区数据局'), on: FUTURE, document: DOC }, { creates: ['dept:data'] }],
    ['two units merged into a new one: each line moves with its leader',
      { op: 'MERGE', departmentIds: ['dept:health', 'dept:culture-tourism'], into: HEALTH_TOURISM, on: FUTURE, document: DOC },
      {
        closes: ['dept:health', 'dept:culture-tourism'], creates: ['dept:health-tourism'],
        lineage: [['MERGE', 'dept:health', 'dept:health-tourism'], ['MERGE', 'dept:culture-tourism', 'dept:health-tourism']],
        lineCloses: ['line:zhao-min-health', 'line:wu-yue-culture-tourism'],
        lineOpens: [['leader:zhao-min', 'dept:health-tourism'], ['leader:wu-yue', 'dept:health-tourism']],
      }],
    ['a unit absorbed by another (并入): its supervisor already supervises the absorbing one',
      { op: 'MERGE', departmentIds: ['dept:grain', 'dept:development-reform'], into: { existingId: 'dept:development-reform' }, on: '2026-03-01', document: DOC },
      { closes: ['dept:grain'], lineage: [['MERGE', 'dept:grain', 'dept:development-reform']], lineCloses: ['line:li-ming-grain'] }],
    ['a unit split in two: its supervisor supervises both',
      { op: 'SPLIT', departmentId: 'dept:urban-management', into: [unit('dept:urban-a', '区城市管理局'), unit('dept:urban-b', '区综合行政执法局')], on: FUTURE, document: DOC },
      {
        closes: ['dept:urban-management'], creates: ['dept:urban-a', 'dept:urban-b'],
        lineage: [['SPLIT', 'dept:urban-management', 'dept:urban-a'], ['SPLIT', 'dept:urban-management', 'dept:urban-b']],
        lineCloses: ['line:chen-jing-urban-management'],
        lineOpens: [['leader:chen-jing', 'dept:urban-a'], ['leader:chen-jing', 'dept:urban-b']],
      }],
    ['a unit abolished, its work to nobody', { op: 'ABOLISH', departmentId: 'dept:statistics', transferToId: null, on: FUTURE, document: DOC }, { closes: ['dept:statistics'], lineage: [['ABOLISH', 'dept:statistics', null]] }],
    ['a unit abolished, its work transferred: the lines follow',
      { op: 'ABOLISH', departmentId: 'dept:justice', transferToId: 'dept:audit', on: FUTURE, document: DOC },
      { closes: ['dept:justice'], lineage: [['ABOLISH', 'dept:justice', 'dept:audit']], lineCloses: ['line:wang-qiang-justice'], lineOpens: [['leader:wang-qiang', 'dept:audit']] }],
    // refused
    ['no document', { op: 'CREATE', unit: unit('dept:data', '区数据局'), on: FUTURE, document: null }, { codes: ['DOCUMENT_REQUIRED'] }],
    ['a new unit under a name in use', { op: 'CREATE', unit: unit('dept:finance-2', '区财政局'), on: FUTURE, document: DOC }, { codes: ['NAME_IN_USE'] }],
    ['a new unit under an id in use', { op: 'CREATE', unit: unit('dept:grain', '区粮食和物资储备局'), on: FUTURE, document: DOC }, { codes: ['NAME_IN_USE'] }],
    ['a merge of one unit', { op: 'MERGE', departmentIds: ['dept:health', 'dept:health'], into: HEALTH_TOURISM, on: FUTURE, document: DOC }, { codes: ['TARGET_MISMATCH'] }],
    ['a merge of a unit already abolished', { op: 'MERGE', departmentIds: ['dept:grain', 'dept:health'], into: HEALTH_TOURISM, on: FUTURE, document: DOC }, { codes: ['UNIT_NOT_ACTIVE'] }],
    ['abolishing a unit with a line that starts later', { op: 'ABOLISH', departmentId: 'dept:health', transferToId: null, on: '2026-03-01', document: DOC }, { codes: ['UNIT_NOT_ACTIVE'] }],
    ['an unknown unit', { op: 'ABOLISH', departmentId: 'dept:nowhere', transferToId: null, on: FUTURE, document: DOC }, { codes: ['UNKNOWN_REFERENCE'] }],
    ['a split into one', { op: 'SPLIT', departmentId: 'dept:urban-management', into: [unit('dept:urban-a', '区城市管理局')], on: FUTURE, document: DOC }, { codes: ['TARGET_MISMATCH'] }],
    ['transferring a 分管 line to the tax bureau (R4)', { op: 'ABOLISH', departmentId: 'dept:justice', transferToId: 'dept:tax', on: FUTURE, document: DOC }, { codes: ['OUTSIDE_GOVERNMENT_LINE'] }],
    ['renaming to its own name', { op: 'RENAME', departmentId: 'dept:finance', name: '区财政局', on: FUTURE, document: DOC }, { codes: ['NO_CHANGE'] }],
    ['renaming to another unit’s name', { op: 'RENAME', departmentId: 'dept:finance', name: '区审计局', on: FUTURE, document: DOC }, { codes: ['NAME_IN_USE'] }],
  ])('%s', (_, change, expected) => {
    const { codes, ...rest } = summary(world, change);
    expect(codes).toEqual(expected.codes ?? []);
    if ((expected.codes ?? []).length === 0) expect(rest).toEqual({ ...none, ...expected, codes: undefined, ...{} } as never);
  });

  it('a rename keeps the id (and so the history) and adds the old name as an alias', () => {
    const plan = planDepartmentChange(world, { op: 'RENAME', departmentId: 'dept:finance', name: '区财政局（区国有资产监督管理办公室）', on: FUTURE, document: DOC }, mint);
    expect(plan.violations).toEqual([]);
    expect(plan.renames.map((d) => [d.id, d.name, d.aliases])).toEqual([['dept:finance', '区财政局（区国有资产监督管理办公室）', ['财政局', '区财政局']]]);
    expect(plan.lineage).toEqual([expect.objectContaining({ kind: 'RENAME', predecessorId: 'dept:finance', successorId: 'dept:finance', formerName: '区财政局', date: FUTURE })]);
  });

  it('moved lines keep their leader, kind and end; the old ones end on the day', () => {
    const plan = planDepartmentChange(world, { op: 'MERGE', departmentIds: ['dept:health', 'dept:culture-tourism'], into: HEALTH_TOURISM, on: FUTURE, document: DOC }, mint);
    const after: DirectoryFacts = {
      ...world,
      departments: [...world.departments.map((d) => plan.closes.find((c) => c.id === d.id) ?? d), ...plan.creates],
      assignments: [...world.assignments.map((a) => plan.lineCloses.find((c) => c.id === a.id) ?? a), ...plan.lineOpens],
    };
    expect(linesForDepartment(after, 'dept:health', FUTURE)).toEqual([]);
    expect(linesForDepartment(after, 'dept:health', REDIVISION).map((l) => l.leaderId)).toEqual(['leader:zhao-min']);
    expect(linesForDepartment(after, 'dept:health-tourism', FUTURE).map((l) => [l.leaderId, l.kind, l.validFrom, l.validTo])).toEqual([
      ['leader:zhao-min', 'SUPERVISES', FUTURE, null],
      ['leader:wu-yue', 'SUPERVISES', FUTURE, null],
    ]);
  });
});
