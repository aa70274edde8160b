// 机构改革 as first-class writes: create, rename, merge, split, abolish — lineage, and the lines moved or ended with them.
import {
  canDirect, checkRecordedDivision, continuedLine, continuedPair, decisionDateOf, factsAfterStep, introducedFindings, linesForDepartment, pairDecisionDateOf,
  planDepartmentChange, unitLineage, whoCanDirect, whoOversees,
} from '../../src/domain';
import type { AbsenceFact, LineageFact, AppointmentFact, AssignmentFact, BackupFact, DepartmentChange, DepartmentFact, DirectoryFacts, MintedKind } from '../../src/domain';
import { FUTURE, lineById, REDIVISION, world } from './world';

const DOC = '青编〔2026〕12号';
const mint = (kind: MintedKind, n: number) => `${{ LINEAGE: 'lineage', LINE: 'line', BACKUP: 'backup' }[kind]}:new-${n}`;
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
    ['abolishing a unit with a line that starts on the day itself (it could not be closed on it)', { op: 'ABOLISH', departmentId: 'dept:health', transferToId: null, on: REDIVISION, document: DOC }, { codes: ['UNIT_NOT_ACTIVE'] }],
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
  backups?: Record<string, Partial<BackupFact>>;
  addBackups?: BackupFact[];
}): DirectoryFacts => ({
  ...world,
  assignments: [...world.assignments.map((a) => ({ ...a, ...edit.lines?.[a.id] })), ...(edit.addLines ?? [])],
  departments: world.departments.map((d) => ({ ...d, ...edit.units?.[d.id] })),
  appointments: world.appointments.map((a) => ({ ...a, ...edit.appointments?.[a.id] })),
  absences: [...world.absences, ...(edit.addAbsences ?? [])],
  backups: [...world.backups.map((b) => ({ ...b, ...edit.backups?.[b.id] })), ...(edit.addBackups ?? [])],
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
  const none = { lines: new Map<string, string>(), units: new Map<string, string[]>(), backups: new Map<string, string>() };
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

describe('planDepartmentChange: AB exceptions follow the units’ lineage (R5)', () => {
  // 赵敏 is 王强's B角 except for 区公安分局 (backup:wang-zhao); 王强 supervises 区公安分局 and 区司法局.
  const PAIR = 'backup:wang-zhao';
  const pairOf = (facts: DirectoryFacts, id: string) => facts.backups.find((b) => b.id === id) as BackupFact;
  const POLITICS_LAW = unit('dept:politics-law', '区公安司法局');
  const mergePublicSecurity: DepartmentChange = { op: 'MERGE', departmentIds: ['dept:public-security', 'dept:justice'], into: POLITICS_LAW, on: FUTURE, document: DOC };
  const splitPublicSecurity: DepartmentChange = {
    op: 'SPLIT', departmentId: 'dept:public-security', into: [unit('dept:ps-a', '区公安分局（治安）'), unit('dept:ps-b', '区公安分局（刑侦）')], on: FUTURE, document: DOC,
  };
  const abolishPublicSecurity = (transferToId: string | null): DepartmentChange => ({ op: 'ABOLISH', departmentId: 'dept:public-security', transferToId, on: FUTURE, document: DOC });
  type Pairs = { closes: [string, string | null][]; opens: [string, string, string, string[], string, string | null, string | null][]; codes: string[] };
  const pairs = (facts: DirectoryFacts, change: DepartmentChange): Pairs => {
    const plan = planDepartmentChange(facts, change, mint);
    return {
      codes: plan.violations.map((v) => v.code),
      closes: plan.backupCloses.map((b) => [b.id, b.validTo]),
      opens: plan.backupOpens.map((b) => [b.id, b.leaderId, b.backupId, [...b.exceptTargetIds], b.validFrom, b.validTo, b.decisionId]),
    };
  };
  const reopened = (exceptTargetIds: string[], validTo: string | null = null): Pairs => ({
    codes: [], closes: [[PAIR, FUTURE]], opens: [['backup:new-1', 'leader:wang-qiang', 'leader:zhao-min', exceptTargetIds, FUTURE, validTo, 'decision:2026-standing-1']],
  });
  const untouched: Pairs = { codes: [], closes: [], opens: [] };
  const excepting = (exceptTargetIds: string[]) => edited({ backups: { [PAIR]: { exceptTargetIds } } });

  it.each<[string, DirectoryFacts, DepartmentChange, Pairs]>([
    ['MERGE into a new unit: the successor is excepted instead', world, mergePublicSecurity, reopened(['dept:politics-law'])],
    ['MERGE into an existing unit (并入): the absorbing unit', world,
      { op: 'MERGE', departmentIds: ['dept:public-security', 'dept:justice'], into: { existingId: 'dept:justice' }, on: FUTURE, document: DOC }, reopened(['dept:justice'])],
    ['SPLIT: every new unit', world, splitPublicSecurity, reopened(['dept:ps-a', 'dept:ps-b'])],
    ['ABOLISH with an heir: the heir', world, abolishPublicSecurity('dept:justice'), reopened(['dept:justice'])],
    ['ABOLISH without an heir: the exception is dropped', world, abolishPublicSecurity(null), reopened([])],
    ['the pair’s end is kept', edited({ backups: { [PAIR]: { validTo: '2027-06-01' } } }), mergePublicSecurity, reopened(['dept:politics-law'], '2027-06-01')],
    ['other exceptions kept in their order, the successors in the ending unit’s place',
      excepting(['wa:work-safety', 'dept:public-security', 'dept:audit']), splitPublicSecurity, reopened(['wa:work-safety', 'dept:ps-a', 'dept:ps-b', 'dept:audit'])],
    ['no repeats: the absorbing unit excepted already', excepting(['dept:justice', 'dept:public-security']),
      { op: 'MERGE', departmentIds: ['dept:public-security', 'dept:justice'], into: { existingId: 'dept:justice' }, on: FUTURE, document: DOC }, reopened(['dept:justice'])],
    ['two ending units excepted, one successor', excepting(['dept:public-security', 'dept:justice']), mergePublicSecurity, reopened(['dept:politics-law'])],
    // untouched
    ['a pair not naming the ending units', world, { op: 'MERGE', departmentIds: ['dept:health', 'dept:culture-tourism'], into: HEALTH_TOURISM, on: FUTURE, document: DOC }, untouched],
    ['a pair that ended before the step', edited({ backups: { [PAIR]: { validTo: '2026-06-01' } } }), mergePublicSecurity, untouched],
    ['a pair that ends on the day of the step', edited({ backups: { [PAIR]: { validTo: FUTURE } } }), mergePublicSecurity, untouched],
    ['a rename: the unit goes on under its id', world, { op: 'RENAME', departmentId: 'dept:public-security', name: '区公安局', on: FUTURE, document: DOC }, untouched],
    // refused
    ['a pair starting later that names the unit: UNIT_NOT_ACTIVE',
      edited({ backups: { [PAIR]: { validTo: '2027-03-01' } }, addBackups: [{ ...pairOf(world, PAIR), id: 'backup:wang-zhao-2027', validFrom: '2027-03-01' }] }),
      mergePublicSecurity, { ...untouched, codes: ['UNIT_NOT_ACTIVE'] }],
    ['a pair starting on the day of the step that names the unit: UNIT_NOT_ACTIVE',
      edited({ backups: { [PAIR]: { validTo: FUTURE } }, addBackups: [{ ...pairOf(world, PAIR), id: 'backup:wang-zhao-new', validFrom: FUTURE }] }),
      splitPublicSecurity, { ...untouched, codes: ['UNIT_NOT_ACTIVE'] }],
  ])('%s', (_label, facts, change, expected) => {
    expect(pairs(facts, change)).toEqual(expected);
  });

  it('refuses a pair starting later as it refuses a line starting later, naming the pair', () => {
    const facts = edited({ backups: { [PAIR]: { validTo: '2027-03-01' } }, addBackups: [{ ...pairOf(world, PAIR), id: 'backup:wang-zhao-2027', validFrom: '2027-03-01' }] });
    expect(planDepartmentChange(facts, mergePublicSecurity, mint).violations).toEqual([{
      itemIndex: null, code: 'UNIT_NOT_ACTIVE',
      message: `区公安分局自${FUTURE}起撤并，但有${FUTURE}起或以后才开始、将其除外的AB角安排：“王强的B角为赵敏（区公安分局除外）”`,
      details: { departmentId: 'dept:public-security', backupIds: ['backup:wang-zhao-2027'] },
    }]);
  });

  it('factsAfterStep holds the old pair until the day and the copy from it; the copy is no DUPLICATE_LINE of the pair it replaces', () => {
    const plan = planDepartmentChange(world, mergePublicSecurity, mint);
    const after = factsAfterStep(world, plan);
    expect(after.backups.filter((b) => b.leaderId === 'leader:wang-qiang').map((b) => [b.id, b.validFrom, b.validTo, b.exceptTargetIds])).toEqual([
      [PAIR, '2026-01-01', FUTURE, ['dept:public-security']],
      ['backup:new-1', FUTURE, null, ['dept:politics-law']],
    ]);
    expect(plan.backupMoves).toEqual([{ openedId: 'backup:new-1', closedId: PAIR }]);
    expect(checkRecordedDivision(after).filter((f) => f.entity === 'BACKUP' && f.code === 'DUPLICATE_LINE')).toEqual([]);
  });

  // 王强 and 赵敏, each the other's B角, away together in February 2027 with nobody designated; 赵敏 leaving the team in mid-2027.
  const awayTogether = edited({
    addAbsences: [
      { id: 'absence:wang-qiang-2027', leaderId: 'leader:wang-qiang', reason: '出差', designatedActorId: null, validFrom: '2027-02-01', validTo: '2027-02-06' },
      { id: 'absence:zhao-min-2027', leaderId: 'leader:zhao-min', reason: '出差', designatedActorId: null, validFrom: '2027-02-03', validTo: '2027-02-05' },
    ],
  });
  it.each<[string, DirectoryFacts, string]>([
    ['PARTNER_ABSENCES_OVERLAP after the step: the copy continues the recorded finding of the pair it replaces', awayTogether, 'PARTNER_ABSENCES_OVERLAP'],
    ['LINES_STILL_HELD by B leaving later: the copy continues the recorded finding', edited({ appointments: { 'appt:zhao-min-deputy': { validTo: LATER } } }), 'LINES_STILL_HELD'],
  ])('%s', (_label, facts, code) => {
    expect(checkRecordedDivision(facts).filter((f) => f.factId === PAIR).map((f) => f.code)).toContain(code);
    const plan = planDepartmentChange(facts, mergePublicSecurity, mint);
    expect(plan.violations).toEqual([]);
    // Without the pairs' continuity the copy's finding would be taken for the step's.
    const after = factsAfterStep(facts, plan);
    const lines = new Map(plan.lineMoves.map((m) => [m.openedId, m.closedId]));
    const units = new Map([['dept:politics-law', ['dept:public-security', 'dept:justice']]]);
    expect(introducedFindings(facts, after, { lines, units, backups: new Map() }).map((f) => [f.code, f.factId])).toContainEqual([code, 'backup:new-1']);
    expect(introducedFindings(facts, after, { lines, units, backups: new Map([['backup:new-1', PAIR]]) })).toEqual([]);
  });

  describe('direction after the step: while 王强 is away, 赵敏 does not get the successor; 张伟, presiding, acts for 王强', () => {
    const away = edited({
      addAbsences: [{ id: 'absence:wang-qiang-december', leaderId: 'leader:wang-qiang', reason: '出差', designatedActorId: null, validFrom: '2026-12-07', validTo: '2026-12-12' }],
    });
    const DAY = '2026-12-08';
    const plan = planDepartmentChange(away, mergePublicSecurity, mint);
    const after = factsAfterStep(away, plan);
    // The same step had the exception stayed on the ended unit.
    const stale = factsAfterStep(away, { ...plan, backupCloses: [], backupOpens: [] });
    const actingFor = (facts: DirectoryFacts) =>
      whoCanDirect(facts, 'dept:politics-law', DAY).filter((g) => g.actingForId !== null).map((g) => [g.leaderId, g.basis, g.actingForId]);

    it('whoCanDirect: the presiding leader acts for him, B does not', () => {
      expect(plan.violations).toEqual([]);
      expect(actingFor(after)).toEqual([['leader:zhang-wei', 'HEAD', 'leader:wang-qiang']]);
      expect(actingFor(stale)).toEqual(expect.arrayContaining([['leader:zhao-min', 'ACTING_FOR', 'leader:wang-qiang']]));
    });

    it('canDirect: 赵敏 only by her general authority, 张伟 acting for 王强', () => {
      expect(canDirect(after, 'leader:zhao-min', 'dept:politics-law', DAY)).toMatchObject({ allowed: true, basis: 'GENERAL_AUTHORITY', actingForId: null });
      expect(canDirect(after, 'leader:zhang-wei', 'dept:politics-law', DAY)).toMatchObject({ allowed: true, basis: 'HEAD', actingForId: 'leader:wang-qiang' });
      expect(canDirect(stale, 'leader:zhao-min', 'dept:politics-law', DAY)).toMatchObject({ basis: 'ACTING_FOR', actingForId: 'leader:wang-qiang' });
    });

    it('whoOversees: after the absent 王强, 张伟 acting for him', () => {
      const match = whoOversees(after, '区公安司法局', DAY).find((m) => m.targetId === 'dept:politics-law');
      expect(match?.overseers.map((o) => [o.leaderId, o.away, o.actingForId])).toEqual([
        ['leader:wang-qiang', true, null],
        ['leader:zhang-wei', false, 'leader:wang-qiang'],
      ]);
    });

    const split = planDepartmentChange(after, {
      op: 'SPLIT', departmentId: 'dept:politics-law', into: [unit('dept:ps-new', '区公安局（新）'), unit('dept:justice-new', '区司法局（新）')], on: '2026-12-10', document: DOC,
    }, (kind, n) => `${kind.toLowerCase()}:split-${n}`);

    it('a later split of the successor moves the exception again, to both new units', () => {
      expect(split.violations).toEqual([]);
      expect(split.backupOpens.map((b) => b.exceptTargetIds)).toEqual([['dept:ps-new', 'dept:justice-new']]);
      const twice = factsAfterStep(after, split);
      expect(whoCanDirect(twice, 'dept:ps-new', '2026-12-11').filter((g) => g.actingForId !== null).map((g) => g.leaderId)).toEqual(['leader:zhang-wei']);
    });

    it('a re-opened pair is measured (R7) from the pair it continues, through every step; another pair from that day by its own', () => {
      const twice = factsAfterStep(after, split);
      const lineage = [...plan.lineage, ...split.lineage];
      expect(continuedPair(after, plan.lineage, plan.backupOpens[0])?.id).toBe(PAIR);
      expect(pairDecisionDateOf(after, plan.lineage, plan.backupOpens[0])).toBe('2026-01-01');
      expect(pairDecisionDateOf(twice, lineage, split.backupOpens[0])).toBe('2026-01-01');
      expect(pairDecisionDateOf(after, [], plan.backupOpens[0])).toBe(FUTURE);
      expect(pairDecisionDateOf(after, plan.lineage, { ...plan.backupOpens[0], backupId: 'leader:chen-jing' })).toBe(FUTURE);
      expect(pairDecisionDateOf(after, plan.lineage, { ...plan.backupOpens[0], decisionId: 'decision:2026-standing-9' })).toBe(FUTURE);
      expect(continuedPair(after, plan.lineage, pairOf(after, 'backup:zhao-wang'))).toBeNull();
    });
  });
});

describe('unitLineage: the units a unit continues and those that continue it, distinct, in step order', () => {
  const step = (id: string, kind: LineageFact['kind'], date: string, predecessorId: string, successorId: string | null): LineageFact => ({
    id, jurisdictionId: world.jurisdiction.id, kind, predecessorId, successorId, date, document: DOC, formerName: kind === 'RENAME' ? '旧名' : null,
  });
  // Recorded as the store reads them: by date, then id. C and B merge into A; A is renamed; later A splits into D and E, and a second step names D again.
  const lineage = [
    step('lineage:1', 'MERGE', '2026-03-01', 'dept:c', 'dept:a'),
    step('lineage:2', 'MERGE', '2026-03-01', 'dept:b', 'dept:a'),
    step('lineage:3', 'RENAME', '2026-05-01', 'dept:a', 'dept:a'),
    step('lineage:4', 'SPLIT', '2026-09-01', 'dept:a', 'dept:e'),
    step('lineage:5', 'SPLIT', '2026-09-01', 'dept:a', 'dept:d'),
    step('lineage:6', 'SPLIT', '2026-10-01', 'dept:a', 'dept:d'),
    step('lineage:7', 'ABOLISH', '2026-12-01', 'dept:e', null),
  ];
  const facts: DirectoryFacts = { ...world, lineage };
  it.each([
    ['dept:a', ['dept:c', 'dept:b'], ['dept:e', 'dept:d']],
    ['dept:b', [], ['dept:a']],
    ['dept:d', ['dept:a'], []],
    ['dept:e', ['dept:a'], []], // abolished: no successor
    ['dept:unrelated', [], []],
  ])('%s', (id, predecessorIds, successorIds) => {
    expect(unitLineage(facts, id)).toEqual({ predecessorIds, successorIds });
  });
});

