import fc from 'fast-check';
import {
  KeyWorkRefusedError,
  TASK_STATUSES,
  addDays,
  checkCompleteKeyTask,
  checkKeyTask,
  checkProgressReport,
  daysBetween,
  isTaskOverdue,
  taskStanding,
  taskStatus,
} from '../../src/domain';
import type { Actor, DirectoryFacts, KeyTaskDraft, KeyTaskFact, KeyWorkProblemCode, ProgressReportFact, TaskStatus } from '../../src/domain';
import { AFTER, BEFORE, FUTURE, J, REDIVISION } from './world';
import { LM, QF, SL, WQ, ZM, ZW, asLeader, asUnit, facts, office, onBehalfOf, reports, tasks } from './key-work-world';

// A variant directory that also holds a leader and a unit of the city government (江城市).
const withCity: DirectoryFacts = {
  ...facts,
  leaders: [...facts.leaders, { id: 'leader:jiangcheng-mayor', jurisdictionId: 'jurisdiction:jiangcheng', name: '江城市长' }],
  departments: [...facts.departments, { ...facts.departments[0], id: 'dept:jiangcheng-finance', jurisdictionId: 'jurisdiction:jiangcheng', name: '江城市财政局' }],
};

/** A well-formed routine task for 王强 through the justice bureau, created on `on`. */
const draft = (on: string, fields: Partial<KeyTaskDraft> = {}): KeyTaskDraft => ({
  jurisdictionId: J,
  title: '普法宣传',
  description: '开展宪法宣传周活动',
  source: 'GOVERNMENT',
  category: '法治建设',
  tags: ['普法'],
  majorMatter: false,
  supervisingLeaderId: WQ,
  leadUnitId: 'dept:justice',
  responsibleUnitIds: ['dept:education'],
  cooperatingUnitIds: ['dept:tax'],
  createdOn: on,
  deadline: '2026-12-31',
  milestones: [],
  decisionId: null,
  parentTaskId: null,
  ...fields,
});
const major = (on: string, decisionId: string | null, fields: Partial<KeyTaskDraft> = {}): KeyTaskDraft =>
  draft(on, { majorMatter: true, decisionId, ...fields });
const create = (on: string, actor: Actor = office) => ({ actor, on, existing: null });
const update = (on: string, existing: KeyTaskFact, actor: Actor = office) => ({ actor, on, existing });

const recorded = (fields: Partial<KeyTaskFact> = {}): KeyTaskFact => ({ ...draft(BEFORE), id: 'task:law', completedOn: null, ...fields });

describe('checkKeyTask: create or change a key task (R8 打板子找到人; R7 for 三重一大; R5)', () => {
  it.each<[string, DirectoryFacts, KeyTaskDraft, ReturnType<typeof create>, KeyWorkProblemCode[]]>([
    // allowed
    ['the office creates a routine task', facts, draft(BEFORE), create(BEFORE), []],
    ['the supervising leader creates his own task', facts, draft(BEFORE), create(BEFORE, asLeader(WQ)), []],
    ['the presiding leader creates anyone’s task', facts, draft(BEFORE), create(BEFORE, asLeader(ZW)), []],
    ['a deadline on the creation day', facts, draft(BEFORE, { deadline: BEFORE }), create(BEFORE), []],
    ['a supervising leader who does not supervise the lead unit (flagged by accountability, not refused)', facts, draft(BEFORE, { supervisingLeaderId: SL }), create(BEFORE), []],
    ['the B角 acting for 王强 creates a routine task through his justice line', facts, draft('2026-02-03'), create('2026-02-03', asLeader(ZM)), []],
    ['三重一大 with a quorate LARGE_FUND decision', facts, major(AFTER, 'decision:2026-standing-3-fund'), create(AFTER), []],
    ['三重一大 with a quorate MAJOR_PROJECT decision', facts, major(FUTURE, 'decision:2026-standing-9-project'), create(FUTURE), []],
    ['李明 acts for the absent head but writes his own finance task in his own right', facts, major('2026-06-02', 'decision:2026-standing-3-fund', { supervisingLeaderId: LM, leadUnitId: 'dept:finance', responsibleUnitIds: [] }), create('2026-06-02', asLeader(LM)), []],
    ['a routine task may cite a decision', facts, draft(AFTER, { decisionId: 'decision:2026-standing-3-routine' }), create(AFTER), []],
    // who may write
    ['a unit-scoped token cannot create tasks', facts, draft(BEFORE), create(BEFORE, asUnit('dept:justice')), ['FORBIDDEN']],
    ['another deputy with no standing', facts, draft(BEFORE), create(BEFORE, asLeader(ZM)), ['FORBIDDEN']],
    ['the B角 cannot act on public security (excepted: it goes to the presiding leader)', facts, draft('2026-02-03', { leadUnitId: 'dept:public-security' }), create('2026-02-03', asLeader(ZM)), ['FORBIDDEN']],
    // R5: acting powers exclude 三重一大
    ['the B角 acting for 王强 may not create a 三重一大 task', facts, major('2026-02-03', 'decision:2026-standing-1-major'), create('2026-02-03', asLeader(ZM)), ['ACTING_POWERS_EXCLUDED']],
    ['nor may the office record one on his behalf', facts, major('2026-02-03', 'decision:2026-standing-1-major'), create('2026-02-03', onBehalfOf(ZM)), ['ACTING_POWERS_EXCLUDED']],
    ['李明 standing in for the absent head may not create 王强’s 三重一大 task', facts, major('2026-06-02', 'decision:2026-standing-3-fund'), create('2026-06-02', asLeader(LM)), ['ACTING_POWERS_EXCLUDED']],
    ['but he may create 王强’s routine task', facts, draft('2026-06-02'), create('2026-06-02', asLeader(LM)), []],
    // R7: a 三重一大 task needs a quorate decision
    ['三重一大 with no decision', facts, major(AFTER, null), create(AFTER), ['COLLECTIVE_DECISION_REQUIRED']],
    ['三重一大 with an unknown decision', facts, major(AFTER, 'decision:nope'), create(AFTER), ['COLLECTIVE_DECISION_REQUIRED']],
    ['三重一大 with a decision of a meeting without quorum', facts, major('2026-02-15', 'decision:2026-standing-2-fund'), create('2026-02-15'), ['QUORUM_NOT_MET']],
    ['三重一大 with a routine decision', facts, major(AFTER, 'decision:2026-standing-3-routine'), create(AFTER), ['DECISION_CATEGORY_MISMATCH']],
    ['三重一大 decided after the task was created', facts, major(BEFORE, 'decision:2026-standing-3-fund'), create(BEFORE), ['MEETING_NOT_HELD', 'DECISION_AFTER_EFFECTIVE_DATE']],
    ['a routine task citing an unknown decision', facts, draft(AFTER, { decisionId: 'decision:nope' }), create(AFTER), ['UNKNOWN_REFERENCE']],
    // bad input
    ['another government’s task', facts, draft(BEFORE, { jurisdictionId: 'jurisdiction:jiangcheng' }), create(BEFORE), ['OTHER_JURISDICTION']],
    ['an empty title', facts, draft(BEFORE, { title: '  ' }), create(BEFORE), ['BAD_USER_INPUT']],
    ['an over-long title', facts, draft(BEFORE, { title: '安'.repeat(201) }), create(BEFORE), ['BAD_USER_INPUT']],
    ['a title of exactly 200 characters', facts, draft(BEFORE, { title: '安'.repeat(200) }), create(BEFORE), []],
    ['an over-long tag', facts, draft(BEFORE, { tags: ['普'.repeat(31)] }), create(BEFORE), ['BAD_USER_INPUT']],
    ['a deadline that is no date', facts, draft(BEFORE, { deadline: '2026-02-30' }), create(BEFORE), ['BAD_USER_INPUT']],
    ['a deadline before the creation day', facts, draft(BEFORE, { deadline: '2026-03-15' }), create(BEFORE), ['DEADLINE_BEFORE_CREATION']],
    ['a milestone after the deadline', facts, draft(BEFORE, { deadline: '2026-06-30', milestones: [{ title: '中期评估', dueOn: '2026-07-01', doneOn: null }] }), create(BEFORE), ['MILESTONE_OUTSIDE_TASK_PERIOD']],
    ['no supervising leader', facts, draft(BEFORE, { supervisingLeaderId: '' }), create(BEFORE), ['BAD_USER_INPUT']],
    ['a supervising leader who left the team', facts, draft(AFTER, { supervisingLeaderId: QF }), create(AFTER), ['NOT_IN_TEAM']],
    ['an unknown supervising leader', facts, draft(BEFORE, { supervisingLeaderId: 'leader:nobody' }), create(BEFORE), ['UNKNOWN_REFERENCE']],
    ['the city’s mayor as supervising leader', withCity, draft(BEFORE, { supervisingLeaderId: 'leader:jiangcheng-mayor' }), create(BEFORE), ['OTHER_JURISDICTION']],
    ['an abolished lead unit', facts, draft(AFTER, { leadUnitId: 'dept:grain' }), create(AFTER), ['UNIT_NOT_ACTIVE']],
    ['an unknown responsible unit', facts, draft(BEFORE, { responsibleUnitIds: ['dept:nope'] }), create(BEFORE), ['UNKNOWN_REFERENCE']],
    ['a unit of the city government', withCity, draft(BEFORE, { cooperatingUnitIds: ['dept:jiangcheng-finance'] }), create(BEFORE), ['OTHER_JURISDICTION']],
    ['a responsible unit listed twice', facts, draft(BEFORE, { responsibleUnitIds: ['dept:education', 'dept:education'] }), create(BEFORE), ['DUPLICATE_UNIT']],
    ['a unit both responsible and cooperating', facts, draft(BEFORE, { cooperatingUnitIds: ['dept:education'] }), create(BEFORE), ['DUPLICATE_UNIT']],
    ['the lead unit also responsible', facts, draft(BEFORE, { responsibleUnitIds: ['dept:justice'] }), create(BEFORE), ['LEAD_UNIT_ALSO_LISTED']],
    ['the lead unit also cooperating', facts, draft(BEFORE, { cooperatingUnitIds: ['dept:justice'] }), create(BEFORE), ['LEAD_UNIT_ALSO_LISTED']],
    ['every problem is reported, access first', facts, draft(AFTER, { title: '', supervisingLeaderId: QF, responsibleUnitIds: ['dept:justice'] }), create(AFTER, asLeader(SL)), ['FORBIDDEN', 'BAD_USER_INPUT', 'NOT_IN_TEAM', 'LEAD_UNIT_ALSO_LISTED']],
  ])('%s', (_, directory, proposed, write, codes) => {
    expect(checkKeyTask(directory, proposed, write).map((p) => p.code)).toEqual(codes);
  });

  it.each<[string, KeyTaskDraft, ReturnType<typeof update>, KeyWorkProblemCode[]]>([
    ['a routine change needs no decision', draft(BEFORE, { deadline: '2026-11-30' }), update(AFTER, recorded()), []],
    ['the supervising leader as recorded may hand the task on', draft(BEFORE, { supervisingLeaderId: ZM }), update(AFTER, recorded(), asLeader(WQ)), []],
    ['the new supervising leader cannot take it himself', draft(BEFORE, { supervisingLeaderId: ZM }), update(AFTER, recorded(), asLeader(ZM)), ['FORBIDDEN']],
    ['making a task 三重一大 needs a decision', draft(BEFORE, { majorMatter: true }), update(AFTER, recorded()), ['COLLECTIVE_DECISION_REQUIRED']],
    ['changing a 三重一大 task needs a decision, even to make it routine', draft(BEFORE), update(AFTER, recorded({ majorMatter: true })), ['COLLECTIVE_DECISION_REQUIRED']],
    ['with a quorate decision it may', draft(BEFORE, { decisionId: 'decision:2026-standing-3-fund' }), update(AFTER, recorded({ majorMatter: true })), []],
    ['a completed task cannot be changed', draft(BEFORE), update(AFTER, recorded({ completedOn: '2026-04-10' })), ['TASK_ALREADY_COMPLETED']],
    ['the deadline is checked against the recorded creation day', draft(BEFORE, { deadline: '2026-03-01' }), update(AFTER, recorded()), ['DEADLINE_BEFORE_CREATION']],
  ])('update: %s', (_, proposed, write, codes) => {
    expect(checkKeyTask(facts, proposed, write).map((p) => p.code)).toEqual(codes);
  });

  it('says why in Chinese and names the field', () => {
    const [first] = checkKeyTask(facts, draft(AFTER, { supervisingLeaderId: QF }), create(AFTER));
    expect(first).toEqual({
      code: 'NOT_IN_TEAM',
      field: 'supervisingLeaderId',
      message: '钱峰在2026-04-15不是青山区政府班子成员，不能作为分管领导',
      details: { leaderId: QF, on: AFTER },
    });
    const [acting] = checkKeyTask(facts, major('2026-02-03', 'decision:2026-standing-1-major'), create('2026-02-03', asLeader(ZM)));
    expect(acting.message).toBe('赵敏在2026-02-03代行王强的工作；代行不含“三重一大”事项，不能创建或修改“三重一大”重点工作（R5）');
  });

  it('KeyWorkRefusedError carries the first code and every problem', () => {
    const problems = checkKeyTask(facts, draft(AFTER, { title: '', supervisingLeaderId: QF }), create(AFTER));
    const error = new KeyWorkRefusedError(problems);
    expect([error.code, (error.details.violations as unknown[]).length]).toEqual(['BAD_USER_INPUT', 2]);
    expect(() => new KeyWorkRefusedError([])).toThrow(RangeError);
  });
});

describe('taskStanding: who may write a task (R1 supervisor, R2 presiding, R5 acting)', () => {
  it.each<[string, string, string, string, ReturnType<typeof taskStanding>]>([
    [WQ, 'dept:justice', WQ, BEFORE, { basis: 'SUPERVISES', actingForId: null }],
    [WQ, 'dept:justice', ZW, BEFORE, { basis: 'PRESIDES', actingForId: null }],
    [WQ, 'dept:justice', ZM, BEFORE, null],
    [WQ, 'dept:justice', ZM, '2026-02-03', { basis: 'ACTING_FOR', actingForId: WQ }],
    [WQ, 'dept:public-security', ZM, '2026-02-03', null], // excepted from the pair
    [WQ, 'dept:justice', LM, '2026-06-02', { basis: 'ACTING_FOR', actingForId: ZW }], // he stands in for the head
    [WQ, 'dept:justice', ZW, '2026-06-02', { basis: 'PRESIDES', actingForId: null }], // the head away still presides
  ])('task of %s through %s, by %s on %s', (supervisor, unit, leader, on, expected) => {
    expect(taskStanding(facts, supervisor, unit, leader, on)).toEqual(expected);
  });
});

describe('checkProgressReport and checkCompleteKeyTask', () => {
  const safety = tasks.safety;
  const ok = { reportedOn: '2026-02-01', text: '已排查企业120家', percent: 50 };
  it.each<[string, KeyTaskFact, typeof ok, Actor, KeyWorkProblemCode[]]>([
    ['the lead unit reports', safety, ok, asUnit('dept:public-security'), []],
    ['a responsible unit reports', safety, ok, asUnit('dept:justice'), []],
    ['the office reports', safety, ok, office, []],
    ['the supervising leader reports', safety, ok, asLeader(WQ), []],
    ['a cooperating unit does not report', safety, ok, asUnit('dept:tax'), ['FORBIDDEN']],
    ['an unrelated unit does not report', safety, ok, asUnit('dept:education'), ['FORBIDDEN']],
    ['an unrelated leader does not report', safety, ok, asLeader(ZM), ['FORBIDDEN']],
    ['percent 0 and 100 are fine', safety, { ...ok, percent: 100 }, office, []],
    ['percent above 100', safety, { ...ok, percent: 101 }, office, ['BAD_USER_INPUT']],
    ['percent below 0', safety, { ...ok, percent: -1 }, office, ['BAD_USER_INPUT']],
    ['a fractional percent', safety, { ...ok, percent: 50.5 }, office, ['BAD_USER_INPUT']],
    ['NaN', safety, { ...ok, percent: Number.NaN }, office, ['BAD_USER_INPUT']],
    ['an empty text', safety, { ...ok, text: '' }, office, ['BAD_USER_INPUT']],
    ['an over-long text', safety, { ...ok, text: '查'.repeat(2001) }, office, ['BAD_USER_INPUT']],
    ['a report before the task existed', safety, { ...ok, reportedOn: '2026-01-09' }, office, ['BAD_USER_INPUT']],
    ['a report on a completed task', tasks.schools, { ...ok, reportedOn: '2026-05-20' }, office, ['TASK_ALREADY_COMPLETED']],
    ['a report dated before its completion is history, not refused', tasks.schools, { ...ok, reportedOn: '2026-05-19' }, office, []],
  ])('%s', (_, task, report, actor, codes) => {
    expect(checkProgressReport(facts, task, report, actor).map((p) => p.code)).toEqual(codes);
  });

  it.each<[string, KeyTaskFact, Actor, string, KeyWorkProblemCode[]]>([
    ['the supervising leader completes', safety, asLeader(WQ), '2026-02-20', []],
    ['the office completes', safety, office, '2026-03-05', []],
    ['the lead unit only reports', safety, asUnit('dept:public-security'), '2026-02-20', ['FORBIDDEN']],
    ['twice', tasks.schools, office, '2026-06-01', ['TASK_ALREADY_COMPLETED']],
    ['before it existed', safety, office, '2026-01-01', ['BAD_USER_INPUT']],
  ])('complete: %s', (_, task, actor, on, codes) => {
    expect(checkCompleteKeyTask(facts, task, actor, on).map((p) => p.code)).toEqual(codes);
  });
});

describe('taskStatus: derived on the date, never stored', () => {
  const safety = tasks.safety; // 2026-01-10 → 2026-02-28; 30% on 01-20, 70% on 02-10
  const prices = tasks.prices; // 2026-01-05 → 2026-06-30; milestones 02-15 (done 02-12) and 05-31 (never); 40% on 02-12
  it.each<[string, KeyTaskFact, string, TaskStatus, number, number]>([
    ['before it exists', safety, '2026-01-09', 'NOT_STARTED', 0, 0],
    ['no report yet, little time gone', safety, '2026-01-15', 'NOT_STARTED', 0, 10],
    ['no report with 24% of the time gone', tasks.census, '2026-04-12', 'NOT_STARTED', 0, 24],
    ['no report with 25% of the time gone', tasks.census, '2026-04-13', 'AT_RISK', 0, 25],
    ['30% on a fifth of the time', safety, '2026-01-20', 'ON_TRACK', 30, 20],
    ['still 30% at 61% of the time', safety, '2026-02-09', 'AT_RISK', 30, 61],
    ['70% at 63%', safety, '2026-02-10', 'ON_TRACK', 70, 63],
    ['the deadline itself: 70% of 100%', safety, '2026-02-28', 'AT_RISK', 70, 100],
    ['the day after the deadline', safety, '2026-03-01', 'OVERDUE', 70, 100],
    ['a milestone done early is no risk', prices, '2026-02-16', 'ON_TRACK', 40, 23],
    ['a missed milestone', prices, '2026-06-01', 'AT_RISK', 40, 83],
    ['the milestone’s own day is not yet missed', prices, '2026-05-31', 'AT_RISK', 40, 82], // the lag (42 points) decides
    ['completed', tasks.schools, '2026-05-20', 'COMPLETED', 100, 35],
    ['reported 100% but not yet completed', tasks.schools, '2026-05-19', 'ON_TRACK', 100, 34],
  ])('%s', (_, task, on, status, percent, expectedPercent) => {
    const view = taskStatus(task, reports, on);
    expect([view.status, view.percent, view.expectedPercent]).toEqual([status, percent, expectedPercent]);
  });

  it('names what it was derived from', () => {
    expect(taskStatus(tasks.prices, reports, '2026-06-01')).toMatchObject({
      latestReportId: 'report:prices-1',
      missedMilestones: [{ title: '储备粮轮换', dueOn: '2026-05-31', doneOn: null }],
      reason: '节点「储备粮轮换」（2026-05-31）已过时限未完成',
    });
    expect(taskStatus(tasks.safety, reports, '2026-03-01').reason).toBe('完成时限2026-02-28已过，尚未办结');
  });

  it('a milestone is missed from the day after its due day', () => {
    expect(['2026-05-31', '2026-06-01'].map((on) => taskStatus(tasks.prices, reports, on).missedMilestones.map((m) => m.title))).toEqual([[], ['储备粮轮换']]);
  });

  it('a milestone done after its due day is missed until done', () => {
    const late = { ...tasks.prices, milestones: [{ title: '节前市场巡查', dueOn: '2026-02-15', doneOn: '2026-02-20' }] };
    expect(['2026-02-15', '2026-02-16', '2026-02-19', '2026-02-20'].map((on) => taskStatus(late, reports, on).status)).toEqual([
      'ON_TRACK',
      'AT_RISK',
      'AT_RISK',
      'ON_TRACK',
    ]);
  });

  it('completed late: OVERDUE until the day it is completed', () => {
    const late = { ...tasks.safety, completedOn: '2026-03-05' };
    expect(['2026-03-04', '2026-03-05', REDIVISION].map((on) => taskStatus(late, reports, on).status)).toEqual(['OVERDUE', 'COMPLETED', 'COMPLETED']);
  });

  const day = (n: number): string => addDays('2026-01-01', n);
  const anyTask = fc
    .record({
      start: fc.integer({ min: 0, max: 200 }),
      length: fc.integer({ min: 0, max: 120 }),
      completedAfter: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
      reports: fc.array(fc.record({ after: fc.integer({ min: 0, max: 200 }), percent: fc.integer({ min: 0, max: 100 }) }), { maxLength: 5 }),
    })
    .map(({ start, length, completedAfter, reports: rs }) => {
      const task: KeyTaskFact = {
        ...tasks.safety,
        createdOn: day(start),
        deadline: day(start + length),
        completedOn: completedAfter === null ? null : day(start + completedAfter),
      };
      const made: ProgressReportFact[] = rs.map((r, i) => ({ id: `report:${i}`, taskId: task.id, reportedOn: day(start + r.after), text: '进展', percent: r.percent, reporter: office }));
      return { task, reports: made };
    });

  it('OVERDUE iff past the deadline and not completed by then; COMPLETED iff completed by then (fast-check)', () => {
    fc.assert(
      fc.property(anyTask, fc.integer({ min: 0, max: 400 }), ({ task, reports: rs }, n) => {
        const on = day(n);
        const { status } = taskStatus(task, rs, on);
        const completed = task.completedOn !== null && task.completedOn <= on;
        expect(TASK_STATUSES).toContain(status);
        expect(status === 'COMPLETED').toBe(completed);
        expect(status === 'OVERDUE').toBe(!completed && on > task.deadline);
        expect(isTaskOverdue(task, on)).toBe(status === 'OVERDUE');
      }),
    );
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2026-12-25', 14, '2027-01-08'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('addDays(%s, %d) = %s', (from, n, to) => {
    expect(addDays(from, n)).toBe(to);
    expect(daysBetween(from, to)).toBe(n);
  });

  it('agrees with Date.UTC and inverts daysBetween (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20000, max: 20000 }), (n) => {
        const expected = new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
        expect(addDays('2026-01-01', n)).toBe(expected);
        expect(daysBetween('2026-01-01', expected)).toBe(n);
      }),
    );
  });
});
