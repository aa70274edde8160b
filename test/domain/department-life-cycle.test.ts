// 机构改革 as first-class writes: create, rename, merge, split, abolish — lineage, and the lines moved or ended with them.
import { checkRecordedDivision, continuedLine, decisionDateOf, factsAfterStep, introducedFindings, linesForDepartment, planDepartmentChange } from '../../src/domain';
import type { AbsenceFact, AppointmentFact, AssignmentFact, DepartmentChange, DepartmentFact, DirectoryFacts } from '../../src/domain';
import { FUTURE, lineById, REDIVISION, world } from './world';

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

/** The world with some facts changed or added: the states a step is tried on. */
const edited = (edit: {
  lines?: Record<string, Partial<AssignmentFact>>;
  addLines?: AssignmentFact[];
  units?: Record<string, Partial<DepartmentFact>>;
  appointments?: Record<string, Partial<AppointmentFact>>;
  addAbsences?: AbsenceFact[];
}): DirectoryFacts => ({
  ...world,
  assignments: [...world.assignments.map((a) => ({ ...a, ...edit.lines?.[a.id] })), ...(edit.addLines ?? [])],
  departments: world.departments.map((d) => ({ ...d, ...edit.units?.[d.id] })),
  appointments: world.appointments.map((a) => ({ ...a, ...edit.appointments?.[a.id] })),
  absences: [...world.absences, ...(edit.addAbsences ?? [])],
});
const LATER = '2027-06-01';
const line = (id: string, base: string, change: Partial<AssignmentFact>): AssignmentFact => ({ ...lineById(base), id, ...change });
const codesOf = (facts: DirectoryFacts, change: DepartmentChange) => planDepartmentChange(facts, change, mint).violations.map((v) => v.code);
const distinct = (codes: readonly string[]) => [...new Set(codes)].sort();

describe('planDepartmentChange: the state after a step keeps the invariants over all time (R10, as changesets and imports)', () => {
  // 王强 is to supervise 区审计局 from 2027 (a re-division already applied); 区司法局, which he supervises, is abolished into it now.
  const auditFrom2027 = edited({ addLines: [line('line:wang-qiang-audit-2027', 'line:wang-qiang-justice', { departmentId: 'dept:audit', validFrom: '2027-01-01' })] });
  // 区城市管理综合行政执法局 was to be wound up in mid-2027, with 陈静's line; it is split now into two units that go on.
  const urbanEnding = edited({ units: { 'dept:urban-management': { validTo: LATER } }, lines: { 'line:chen-jing-urban-management': { validTo: LATER } } });
  // 赵敏 supervises 区教育局 until mid-2027 and 区卫健局 for good; 区卫健局 is absorbed by 区教育局.
  const educationEnding = edited({ lines: { 'line:zhao-min-education': { validTo: LATER } } });
  // … with 陈静 supervising 区教育局 too, and 孙力 assisting 赵敏 with 区卫健局.
  const assistOnHealth = edited({
    lines: { 'line:zhao-min-education': { validTo: LATER } },
    addLines: [
      line('line:chen-jing-education', 'line:zhao-min-education', { leaderId: 'leader:chen-jing' }),
      line('line:sun-li-assists-health', 'line:zhao-min-health', { leaderId: 'leader:sun-li', kind: 'ASSISTS', principalId: 'leader:zhao-min' }),
    ],
  });
  const absorbHealth: DepartmentChange = { op: 'MERGE', departmentIds: ['dept:health', 'dept:education'], into: { existingId: 'dept:education' }, on: FUTURE, document: DOC };
  const splitInTwo = (departmentId: string): DepartmentChange => ({
    op: 'SPLIT', departmentId, into: [unit('dept:part-a', '区甲局'), unit('dept:part-b', '区乙局')], on: FUTURE, document: DOC,
  });
  const mergeHealthTourism: DepartmentChange = { op: 'MERGE', departmentIds: ['dept:health', 'dept:culture-tourism'], into: HEALTH_TOURISM, on: FUTURE, document: DOC };

  it.each<[string, DirectoryFacts, DepartmentChange, string[]]>([
    // refused: what the step itself would break
    ['DUPLICATE_LINE: the moved line overlaps the same line the successor has from a later date', auditFrom2027,
      { op: 'ABOLISH', departmentId: 'dept:justice', transferToId: 'dept:audit', on: FUTURE, document: DOC }, ['DUPLICATE_LINE']],
    ['SUPERVISOR_LOST: successors outlive the end their predecessor was to have, its line ending then', urbanEnding,
      splitInTwo('dept:urban-management'), ['SUPERVISOR_LOST', 'SUPERVISOR_LOST']],
    ['SUPERVISOR_LOST: the absorbed unit’s line is dropped (its leader holds the absorbing unit, for less long)', educationEnding, absorbHealth, ['SUPERVISOR_LOST']],
    ['ASSIST_ORPHANED: a 协助 line moves while its principal’s line does not', assistOnHealth, absorbHealth, ['ASSIST_ORPHANED']],
    // accepted: findings the recorded past has already are not the step's
    ['the world’s own gap, orphaned assist and partners away together (a split copies the orphaned assist)', world, splitInTwo('dept:development-reform'), []],
    ['a gap the unit would have had anyway passes to its successors', edited({ lines: { 'line:zhao-min-health': { validTo: LATER } } }), splitInTwo('dept:health'), []],
    ['nobody presiding from 2027 (PRESIDES_NOT_UNIQUE) was so before', edited({ lines: { 'line:zhang-wei-presides': { validTo: '2027-01-01' } } }), mergeHealthTourism, []],
    ['a leader leaving in 2027 with her lines (LINES_STILL_HELD) was so before: the moved line continues hers',
      edited({ appointments: { 'appt:zhao-min-deputy': { validTo: LATER } } }), mergeHealthTourism, []],
    ['of two alike lines the longer moves, so nothing is lost', edited({ lines: { 'line:chen-jing-housing': { validTo: LATER } } }),
      { op: 'MERGE', departmentIds: ['dept:housing', 'dept:urban-management'], into: unit('dept:urban-housing', '区住房和城市管理局'), on: FUTURE, document: DOC }, []],
  ])('%s', (_label, facts, change, codes) => {
    expect(codesOf(facts, change)).toEqual(codes);
  });

  it('the world’s own findings are there before the step, and the step is accepted all the same', () => {
    expect(distinct(checkRecordedDivision(world).map((f) => f.code))).toEqual(expect.arrayContaining(['ASSIST_ORPHANED', 'PARTNER_ABSENCES_OVERLAP', 'SUPERVISOR_LOST']));
    const plan = planDepartmentChange(world, splitInTwo('dept:development-reform'), mint);
    expect(plan.lineOpens.filter((l) => l.kind === 'ASSISTS').map((l) => [l.leaderId, l.departmentId])).toEqual([['leader:sun-li', 'dept:part-a'], ['leader:sun-li', 'dept:part-b']]);
  });

  it('says what would be wrong after the step, for the whole step, naming the unit, the line and the date', () => {
    const lost = planDepartmentChange(urbanEnding, splitInTwo('dept:urban-management'), mint).violations;
    expect(lost[0]).toEqual({
      itemIndex: null, code: 'SUPERVISOR_LOST', message: '调整后区甲局自2027-06-01起没有分管领导：每个政府部门都要有分管领导（R10）',
      details: { departmentId: 'dept:part-a', on: LATER, endedLineIds: ['line:new-1'] },
    });
    const [duplicate] = planDepartmentChange(auditFrom2027, { op: 'ABOLISH', departmentId: 'dept:justice', transferToId: 'dept:audit', on: FUTURE, document: DOC }, mint).violations;
    expect(duplicate).toMatchObject({
      itemIndex: null, message: '调整后“王强分管区审计局”与已有的同一分工重叠（自2027-01-01起）',
      details: { lineId: 'line:new-1', duplicateOfId: 'line:wang-qiang-audit-2027', continuesLineId: 'line:wang-qiang-justice' },
    });
    const [orphaned] = planDepartmentChange(assistOnHealth, absorbHealth, mint).violations;
    expect(orphaned.message).toBe('调整后“孙力协助赵敏分管区教育局”在2027-06-01失去依据：赵敏届时不负责该项工作，协助只在主责领导负责期间有效');
    expect(orphaned.details).toMatchObject({ continuesLineId: 'line:sun-li-assists-health', on: LATER });
  });

  it('factsAfterStep is the state the step writes: units closed and created, lines closed and opened', () => {
    const plan = planDepartmentChange(world, mergeHealthTourism, mint);
    const after = factsAfterStep(world, plan);
    expect(after.departments.filter((d) => d.validTo === FUTURE).map((d) => d.id)).toEqual(['dept:health', 'dept:culture-tourism']);
    expect(after.departments.at(-1)).toMatchObject({ id: 'dept:health-tourism', validFrom: FUTURE, validTo: null });
    expect(after.assignments.filter((a) => a.validTo === FUTURE).map((a) => a.id)).toEqual(['line:zhao-min-health', 'line:wu-yue-culture-tourism']);
    expect(after.assignments).toHaveLength(world.assignments.length + 2);
  });
});

describe('introducedFindings: each invariant, when a step would break it, and only then', () => {
  const none = { lines: new Map<string, string>(), units: new Map<string, string[]>() };
  const presidesToo = line('line:wu-yue-presides', 'line:zhang-wei-presides', { leaderId: 'leader:wu-yue', validFrom: FUTURE });
  it.each<[string, DirectoryFacts, string[]]>([
    ['nothing changed: the recorded findings are not introduced', world, []],
    ['PRESIDES_NOT_UNIQUE: a second presiding leader', edited({ addLines: [presidesToo] }), ['PRESIDES_NOT_UNIQUE']],
    ['LINES_STILL_HELD: a leader leaving while her lines and pairs go on', edited({ appointments: { 'appt:zhao-min-deputy': { validTo: LATER } } }), ['LINES_STILL_HELD']],
    ['PARTNER_ABSENCES_OVERLAP: 李明 away while 张伟, whom he covers, is',
      edited({ addAbsences: [{ id: 'absence:li-ming-june', leaderId: 'leader:li-ming', reason: '出差', designatedActorId: null, validFrom: '2026-06-02', validTo: '2026-06-04' }] }),
      ['PARTNER_ABSENCES_OVERLAP']],
    ['DUPLICATE_LINE: the same line twice', edited({ addLines: [line('line:li-ming-finance-again', 'line:li-ming-finance', { validFrom: FUTURE })] }), ['DUPLICATE_LINE']],
  ])('%s', (_label, after, codes) => {
    expect(distinct(introducedFindings(world, after, none).map((f) => f.code))).toEqual(codes);
  });
});

describe('decisionDateOf: a line a 机构改革 moved is measured (R7) from the line it continues', () => {
  const merged = planDepartmentChange(world, { op: 'MERGE', departmentIds: ['dept:health', 'dept:culture-tourism'], into: HEALTH_TOURISM, on: FUTURE, document: DOC }, mint);
  const after = factsAfterStep(world, merged);
  const moved = merged.lineOpens[0];
  // A year on, the merged unit is split: the line moves again.
  const split = planDepartmentChange(after, { op: 'SPLIT', departmentId: 'dept:health-tourism', into: [unit('dept:h', '区卫生健康局（新）'), unit('dept:t', '区文化和旅游局（新）')], on: '2027-12-01', document: DOC },
    (kind, n) => `${kind === 'LINE' ? 'line' : 'lineage'}:split-${n}`);
  const twice = factsAfterStep(after, split);
  const lineage = [...merged.lineage, ...split.lineage];
  const own = (change: Partial<typeof moved>) => ({ ...moved, id: 'line:other', ...change });

  it.each<[string, DirectoryFacts, typeof moved, readonly (typeof merged.lineage)[number][], string]>([
    ['a moved line: the day the line it continues began', after, moved, merged.lineage, REDIVISION],
    ['a line moved twice: through every step', twice, split.lineOpens[0], lineage, REDIVISION],
    ['without the lineage: its own validFrom', after, moved, [], FUTURE],
    ['another leader from the same day: its own', after, own({ leaderId: 'leader:chen-jing' }), merged.lineage, FUTURE],
    ['another decision: its own', after, own({ decisionId: 'decision:2026-standing-9' }), merged.lineage, FUTURE],
    ['another 文号: its own', after, own({ document: '青政发〔2026〕20号' }), merged.lineage, FUTURE],
    ['a predecessor that did not end that day: its own', { ...after, departments: world.departments.concat(merged.creates) }, moved, merged.lineage, FUTURE],
    ['a line of a unit no step continues: its own', after, lineById('line:li-ming-finance'), merged.lineage, '2026-01-01'],
  ])('%s', (_label, facts, line, steps, expected) => {
    expect(decisionDateOf(facts, steps, line)).toBe(expected);
  });

  it('continuedLine names the line a moved line continues, as the step planned it', () => {
    for (const { openedId, closedId } of [...merged.lineMoves]) {
      expect(continuedLine(after, merged.lineage, merged.lineOpens.find((l) => l.id === openedId)!)?.id).toBe(closedId);
    }
    expect(merged.lineMoves).toEqual([{ openedId: 'line:new-1', closedId: 'line:zhao-min-health' }, { openedId: 'line:new-2', closedId: 'line:wu-yue-culture-tourism' }]);
    expect(continuedLine(after, merged.lineage, lineById('line:zhao-min-education'))).toBeNull();
  });
});
