// Pure: no I/O, no clock. Implements the write side of R8 (重点工作): the KeyTask fact, who may write it, its
// validation against the directory on a date (R7 for 三重一大 tasks, R5's exclusion of acting powers), and its
// status derived from the deadline, milestones, progress reports and the as-of date (OVERDUE is never stored).
// Rules in the project's words: docs/key-work.md.
import { COLLECTIVE_CATEGORIES } from './vocabulary';
import type { DecisionCategory } from './vocabulary';
import type { DepartmentFact, DirectoryFacts, IsoDate } from './facts';
import { DomainError, UnreachableCaseError } from './errors';
import type { RuleViolationCode } from './errors';
import { covers, daysBetween, isIsoDate } from './interval';
import { compareText } from './order';
import { departmentName, leaderName } from './describe';
import { leadershipTeam, presidingOn } from './team';
import { linesForDepartment } from './portfolio';
import { actingCover, actorForLine } from './acting';
import { checkCollectiveDecision } from './collective-decision';

export const TASK_SOURCES = ['CITY', 'PARTY_COMMITTEE', 'GOVERNMENT', 'PEOPLES_CONGRESS', 'CPPCC', 'OTHER'] as const;
/** Where a key task comes from: 市里交办, 区委要求, the government itself, 人大, 政协, other. */
export type TaskSource = (typeof TASK_SOURCES)[number];

export const TASK_STATUSES = ['NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'OVERDUE', 'COMPLETED'] as const;
/** A key task's status on a date; always derived (taskStatus), never stored. */
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const ACTOR_KINDS = ['OFFICE', 'LEADER', 'DEPARTMENT'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/**
 * Who makes a write (docs/domain.md: people act as themselves): the government office (an EDITOR token) on anyone's
 * behalf, naming the person it records for when there is one; a token scoped to a leader (acts only as him); a token
 * scoped to a unit (acts only for it).
 */
export type Actor =
  | { readonly kind: 'OFFICE'; readonly onBehalfOfId: string | null }
  | { readonly kind: 'LEADER'; readonly leaderId: string }
  | { readonly kind: 'DEPARTMENT'; readonly departmentId: string };

/** Longest texts the domain accepts (characters); the edge's class-validator limits should use these. */
export const KEY_WORK_TEXT_LIMITS = {
  title: 200,
  description: 4000,
  category: 50,
  tag: 30,
  tags: 20,
  milestoneTitle: 200,
  milestones: 50,
  progressText: 2000,
  subject: 500,
  completionReport: 2000,
  escalationReason: 1000,
} as const;

/** A milestone (节点): due on `dueOn` (its last day), done on `doneOn` or not yet. */
export interface MilestoneFact {
  readonly title: string;
  readonly dueOn: IsoDate;
  readonly doneOn: IsoDate | null;
}

/**
 * A key task (重点工作) as recorded: exactly one supervising leader (分管领导), exactly one lead unit (牵头单位), any
 * number of responsible (责任单位) and cooperating (配合单位) units. `deadline` is the last day of the task.
 * `completedOn` is set by completeKeyTask; the status is derived, never stored.
 */
export interface KeyTaskFact {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly title: string;
  readonly description: string;
  readonly source: TaskSource;
  /** A free classification such as 民生工程 or 安全生产, for filters and dashboards. */
  readonly category: string | null;
  readonly tags: readonly string[];
  /** 三重一大: created or changed only by citing a quorate decision (R7), never on acting powers (R5). */
  readonly majorMatter: boolean;
  readonly supervisingLeaderId: string;
  readonly leadUnitId: string;
  readonly responsibleUnitIds: readonly string[];
  readonly cooperatingUnitIds: readonly string[];
  readonly createdOn: IsoDate;
  readonly deadline: IsoDate;
  readonly milestones: readonly MilestoneFact[];
  readonly decisionId: string | null;
  /** The city's task this district task was assigned from (市区一体), if any. */
  readonly parentTaskId: string | null;
  readonly completedOn: IsoDate | null;
}

/** A task as a create or update proposes it (the service fills createdOn with today on create, keeps it on update). */
export type KeyTaskDraft = Omit<KeyTaskFact, 'id' | 'completedOn'>;

/** A progress report (进展情况): on a date, a text, a percent 0–100, and who reported. */
export interface ProgressReportFact {
  readonly id: string;
  readonly taskId: string;
  readonly reportedOn: IsoDate;
  readonly text: string;
  readonly percent: number;
  readonly reporter: Actor;
}

export type ProgressReportDraft = Pick<ProgressReportFact, 'reportedOn' | 'text' | 'percent'>;

/** Codes a key-work refusal may carry: a rule's code, or the generic input and access codes. */
export type KeyWorkProblemCode = RuleViolationCode | 'BAD_USER_INPUT' | 'FORBIDDEN';

/** One reason a key-work write is refused; `field` names the input it concerns, or null for the whole write. */
export interface KeyWorkProblem {
  readonly code: KeyWorkProblemCode;
  readonly field: string | null;
  /** A sentence a person understands (Chinese, names spelled out). */
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * A key-work write refused for one or more problems (one error channel, docs/rules.md "Errors and codes"). Its code is the first
 * problem's; `details.violations` lists them all.
 *
 * @example throw new KeyWorkRefusedError(checkKeyTask(facts, draft, write))
 */
export class KeyWorkRefusedError extends DomainError {
  readonly code: KeyWorkProblemCode;
  readonly problems: readonly KeyWorkProblem[];

  constructor(problems: readonly KeyWorkProblem[]) {
    if (problems.length === 0) throw new RangeError('a refused write needs at least one problem');
    super(`未通过规则校验：${problems.map((p) => p.message).join('；')}`, {
      violations: problems.map((p) => ({ code: p.code, field: p.field, message: p.message, details: p.details })),
    });
    this.code = problems[0].code;
    this.problems = problems;
  }
}

/** One key-work problem, e.g. keyWorkProblem('DUPLICATE_UNIT', 'responsibleUnitIds', '区教育局重复列出', { departmentId }). */
export function keyWorkProblem(
  code: KeyWorkProblemCode,
  field: string | null,
  message: string,
  details: Record<string, unknown> = {},
): KeyWorkProblem {
  return { code, field, message, details };
}

/**
 * BAD_USER_INPUT when a required text is empty (blank after trimming) or longer than `limit` characters
 * (code points, so a Chinese character counts once).
 */
export function textInputProblems(field: string, label: string, text: string, limit: number, required = true): KeyWorkProblem[] {
  const length = [...text].length;
  if (required && text.trim() === '') return [keyWorkProblem('BAD_USER_INPUT', field, `${label}不能为空`, { field })];
  if (length > limit) {
    return [keyWorkProblem('BAD_USER_INPUT', field, `${label}不能超过${limit}个字（现为${length}个字）`, { field, limit, length })];
  }
  return [];
}

/** BAD_USER_INPUT unless `value` is a strict ISO date naming a real day. */
export function dateInputProblems(field: string, label: string, value: string): KeyWorkProblem[] {
  return isIsoDate(value) ? [] : [keyWorkProblem('BAD_USER_INPUT', field, `${label}不是有效日期：${value}`, { field, value })];
}

/** The person a write is made by or for: the scoped leader, or the person the office records for. */
export function personOfActor(actor: Actor): string | null {
  if (actor.kind === 'LEADER') return actor.leaderId;
  if (actor.kind === 'OFFICE') return actor.onBehalfOfId;
  return null;
}

export const TASK_STANDING_BASES = ['SUPERVISES', 'PRESIDES', 'ACTING_FOR'] as const;
/** Why a leader may write a task: he is its supervising leader, he presides, or he stands in for one of them today. */
export type TaskStandingBasis = (typeof TASK_STANDING_BASES)[number];

export interface TaskStanding {
  readonly basis: TaskStandingBasis;
  /** With ACTING_FOR: the absent leader whose standing is exercised. */
  readonly actingForId: string | null;
}

/**
 * A leader's standing to create, change or complete a task supervised by `supervisingLeaderId` on `on`, strongest
 * first: SUPERVISES (he is its supervising leader), PRESIDES (he presides over the government in his own right),
 * ACTING_FOR (R5: he acts today for the absent supervising leader — through the line to the task's lead unit, so the
 * pair's excepted areas go to the presiding leader — or for the absent presiding leader). Null: no standing.
 *
 * @example taskStanding(facts, 'leader:wang-qiang', 'leader:zhao-min', 'dept:justice', '2026-02-03') // { basis: 'ACTING_FOR', actingForId: 'leader:wang-qiang' }
 */
export function taskStanding(
  facts: DirectoryFacts,
  supervisingLeaderId: string,
  leadUnitId: string,
  leaderId: string,
  on: IsoDate,
): TaskStanding | null {
  if (leaderId === supervisingLeaderId) return { basis: 'SUPERVISES', actingForId: null };
  const presiding = presidingOn(facts, on);
  if (presiding !== null && presiding.leaderId === leaderId) return { basis: 'PRESIDES', actingForId: null };
  if (standsInFor(facts, supervisingLeaderId, leadUnitId, leaderId, on)) {
    return { basis: 'ACTING_FOR', actingForId: supervisingLeaderId };
  }
  if (presiding !== null && actingCover(facts, presiding.leaderId, on)?.actorId === leaderId) {
    return { basis: 'ACTING_FOR', actingForId: presiding.leaderId };
  }
  return null;
}

/** R5: does `leaderId` act today for the absent `absentId`, for his line to the unit when he holds one? */
function standsInFor(facts: DirectoryFacts, absentId: string, unitId: string, leaderId: string, on: IsoDate): boolean {
  const line = linesForDepartment(facts, unitId, on).find((l) => l.kind === 'SUPERVISES' && l.leaderId === absentId);
  if (line !== undefined) return actorForLine(facts, line, on)?.actorId === leaderId;
  return actingCover(facts, absentId, on)?.actorId === leaderId;
}

/** What a task write is: who makes it, on which day (the service's today), and the task as recorded (update). */
export interface KeyTaskWrite {
  readonly actor: Actor;
  readonly on: IsoDate;
  /** The recorded task for an update; null for a create. */
  readonly existing: KeyTaskFact | null;
}

/** The 三重一大 categories (R7's collective categories other than the division of labour). */
const MAJOR_MATTER_CATEGORIES: readonly DecisionCategory[] = COLLECTIVE_CATEGORIES.filter((c) => c !== 'DIVISION_OF_LABOUR');

/**
 * May this task be created (existing null) or changed to `draft` on `write.on`? docs/rules.md R8: a key task has exactly
 * one supervising leader, exactly one lead unit and any number of responsible units. Seed: "要把责任明确到分管领导,
 * 明确到牵头单位,明确到责任主体,打板子找到人". Returns every problem, in this order (the first is the error's code):
 *
 * - FORBIDDEN: a unit-scoped token; a leader-scoped token with no standing (taskStanding) on the task as recorded
 *   (update) or proposed (create). The office may write any task.
 * - TASK_ALREADY_COMPLETED: an update of a completed task.
 * - OTHER_JURISDICTION: the draft names another government.
 * - BAD_USER_INPUT: title/description/category/tags/milestone titles empty or too long (KEY_WORK_TEXT_LIMITS),
 *   malformed dates, an empty leader or unit id.
 * - DEADLINE_BEFORE_CREATION (a deadline on the creation day is fine); MILESTONE_OUTSIDE_TASK_PERIOD.
 * - Supervising leader: UNKNOWN_REFERENCE, OTHER_JURISDICTION, NOT_IN_TEAM on `on`.
 * - Each unit: UNKNOWN_REFERENCE, OTHER_JURISDICTION, UNIT_NOT_ACTIVE on `on`; DUPLICATE_UNIT (a unit twice among
 *   responsible and cooperating); LEAD_UNIT_ALSO_LISTED (the lead unit also responsible or cooperating).
 * - 三重一大 (the draft or the recorded task is majorMatter): the R7 checks of checkCollectiveDecision, for the cited
 *   decision's own 三重一大 category (MAJOR_DECISION when it has none), signed on `on`; then ACTING_POWERS_EXCLUDED
 *   when the person writing (the scoped leader, or the one the office records for) has only ACTING_FOR standing
 *   (docs/rules.md R5: acting powers do not include 三重一大 matters). A routine task citing an unknown decision: UNKNOWN_REFERENCE.
 *
 * Not checked here: that a supervising leader supervises the lead unit (R8: flagged by accountability, not refused).
 *
 * @example checkKeyTask(facts, { …, supervisingLeaderId: 'leader:qian-feng', … }, { actor: office, on: '2026-04-15', existing: null })
 * // [{ code: 'NOT_IN_TEAM', field: 'supervisingLeaderId', … }]
 */
export function checkKeyTask(facts: DirectoryFacts, draft: KeyTaskDraft, write: KeyTaskWrite): KeyWorkProblem[] {
  const found: KeyWorkProblem[] = [];
  const scopeTask = write.existing ?? draft;
  found.push(...taskScopeProblems(facts, scopeTask, write.actor, write.on, write.existing === null ? '创建重点工作' : '修改重点工作'));
  if (write.existing !== null && write.existing.completedOn !== null) {
    found.push(keyWorkProblem('TASK_ALREADY_COMPLETED', null, `重点工作「${write.existing.title}」已于${write.existing.completedOn}办结，不能再修改`, {
      taskId: write.existing.id,
      completedOn: write.existing.completedOn,
    }));
  }
  if (draft.jurisdictionId !== facts.jurisdiction.id) {
    found.push(keyWorkProblem('OTHER_JURISDICTION', 'jurisdictionId', `该重点工作属于另一政府（${draft.jurisdictionId}），不是${facts.jurisdiction.name}政府的`, {
      jurisdictionId: draft.jurisdictionId,
    }));
  }
  found.push(...shapeProblems(draft));
  found.push(...periodProblems(draft));
  found.push(...supervisorProblems(facts, draft.supervisingLeaderId, write.on));
  found.push(...unitProblems(facts, draft, write.on));
  found.push(...decisionProblems(facts, draft, write));
  return found;
}

/** Who may create, change or complete a task (docs/key-work.md, scoping). */
function taskScopeProblems(
  facts: DirectoryFacts,
  task: Pick<KeyTaskFact, 'supervisingLeaderId' | 'leadUnitId' | 'title'>,
  actor: Actor,
  on: IsoDate,
  what: string,
): KeyWorkProblem[] {
  switch (actor.kind) {
    case 'OFFICE':
      return [];
    case 'DEPARTMENT':
      return [
        keyWorkProblem('FORBIDDEN', null, `${departmentName(facts, actor.departmentId)}只能报告本单位重点工作的进展，不能${what}`, {
          departmentId: actor.departmentId,
        }),
      ];
    case 'LEADER': {
      if (taskStanding(facts, task.supervisingLeaderId, task.leadUnitId, actor.leaderId, on) !== null) return [];
      const who = leaderName(facts, actor.leaderId);
      return [
        keyWorkProblem('FORBIDDEN', null, `${who}不是重点工作「${task.title}」的分管领导，也不主持工作或代行其职责，不能${what}`, {
          leaderId: actor.leaderId,
          supervisingLeaderId: task.supervisingLeaderId,
        }),
      ];
    }
    default:
      throw new UnreachableCaseError(actor);
  }
}

function shapeProblems(draft: KeyTaskDraft): KeyWorkProblem[] {
  const L = KEY_WORK_TEXT_LIMITS;
  const found = [
    ...textInputProblems('title', '标题', draft.title, L.title),
    ...textInputProblems('description', '内容', draft.description, L.description, false),
    ...(draft.category === null ? [] : textInputProblems('category', '类别', draft.category, L.category)),
    ...dateInputProblems('createdOn', '创建日期', draft.createdOn),
    ...dateInputProblems('deadline', '完成时限', draft.deadline),
  ];
  if (draft.tags.length > L.tags) {
    found.push(keyWorkProblem('BAD_USER_INPUT', 'tags', `标签不能超过${L.tags}个`, { field: 'tags', limit: L.tags }));
  }
  draft.tags.forEach((tag, i) => found.push(...textInputProblems(`tags[${i}]`, `第${i + 1}个标签`, tag, L.tag)));
  if (draft.milestones.length > L.milestones) {
    found.push(keyWorkProblem('BAD_USER_INPUT', 'milestones', `节点不能超过${L.milestones}个`, { field: 'milestones', limit: L.milestones }));
  }
  draft.milestones.forEach((m, i) => {
    found.push(...textInputProblems(`milestones[${i}].title`, `第${i + 1}个节点名称`, m.title, L.milestoneTitle));
    found.push(...dateInputProblems(`milestones[${i}].dueOn`, `第${i + 1}个节点时限`, m.dueOn));
    if (m.doneOn !== null) found.push(...dateInputProblems(`milestones[${i}].doneOn`, `第${i + 1}个节点完成日期`, m.doneOn));
  });
  if (draft.supervisingLeaderId.trim() === '') {
    found.push(keyWorkProblem('BAD_USER_INPUT', 'supervisingLeaderId', '须明确一位分管领导', { field: 'supervisingLeaderId' }));
  }
  if (draft.leadUnitId.trim() === '') {
    found.push(keyWorkProblem('BAD_USER_INPUT', 'leadUnitId', '须明确一个牵头单位', { field: 'leadUnitId' }));
  }
  return found;
}

function periodProblems(draft: KeyTaskDraft): KeyWorkProblem[] {
  if (!isIsoDate(draft.createdOn) || !isIsoDate(draft.deadline)) return [];
  if (draft.deadline < draft.createdOn) {
    return [
      keyWorkProblem('DEADLINE_BEFORE_CREATION', 'deadline', `完成时限${draft.deadline}早于创建日期${draft.createdOn}`, {
        createdOn: draft.createdOn,
        deadline: draft.deadline,
      }),
    ];
  }
  const found: KeyWorkProblem[] = [];
  draft.milestones.forEach((m, i) => {
    if (!isIsoDate(m.dueOn) || (m.dueOn >= draft.createdOn && m.dueOn <= draft.deadline)) return;
    found.push(
      keyWorkProblem('MILESTONE_OUTSIDE_TASK_PERIOD', `milestones[${i}].dueOn`, `节点「${m.title}」的时限${m.dueOn}不在${draft.createdOn}至${draft.deadline}之间`, {
        index: i,
        dueOn: m.dueOn,
      }),
    );
  });
  return found;
}

function supervisorProblems(facts: DirectoryFacts, leaderId: string, on: IsoDate): KeyWorkProblem[] {
  if (leaderId.trim() === '') return [];
  const field = 'supervisingLeaderId';
  const leader = facts.leaders.find((l) => l.id === leaderId);
  if (leader === undefined) return [keyWorkProblem('UNKNOWN_REFERENCE', field, `找不到领导：${leaderId}`, { leaderId })];
  if (leader.jurisdictionId !== facts.jurisdiction.id) {
    return [keyWorkProblem('OTHER_JURISDICTION', field, `${leader.name}不是${facts.jurisdiction.name}政府的领导`, { leaderId })];
  }
  if (leadershipTeam(facts, on).some((m) => m.leader.id === leaderId)) return [];
  return [
    keyWorkProblem('NOT_IN_TEAM', field, `${leader.name}在${on}不是${facts.jurisdiction.name}政府班子成员，不能作为分管领导`, { leaderId, on }),
  ];
}

function unitProblems(facts: DirectoryFacts, draft: KeyTaskDraft, on: IsoDate): KeyWorkProblem[] {
  const found: KeyWorkProblem[] = [];
  const roles: readonly (readonly [string, readonly string[]])[] = [
    ['leadUnitId', draft.leadUnitId.trim() === '' ? [] : [draft.leadUnitId]],
    ['responsibleUnitIds', draft.responsibleUnitIds],
    ['cooperatingUnitIds', draft.cooperatingUnitIds],
  ];
  for (const [field, ids] of roles) {
    for (const id of ids) found.push(...unitReferenceProblems(facts, field, id, on));
  }
  const seen = new Set<string>();
  for (const [field, ids] of roles.slice(1)) {
    for (const id of ids) {
      if (id === draft.leadUnitId) {
        const role = field === 'responsibleUnitIds' ? '责任单位' : '配合单位';
        found.push(keyWorkProblem('LEAD_UNIT_ALSO_LISTED', field, `牵头单位${departmentName(facts, id)}不能同时列为${role}`, { departmentId: id }));
      } else if (seen.has(id)) {
        found.push(keyWorkProblem('DUPLICATE_UNIT', field, `${departmentName(facts, id)}重复列出`, { departmentId: id }));
      }
      seen.add(id);
    }
  }
  return found;
}

function unitReferenceProblems(facts: DirectoryFacts, field: string, id: string, on: IsoDate): KeyWorkProblem[] {
  const unit: DepartmentFact | undefined = facts.departments.find((d) => d.id === id);
  if (unit === undefined) return [keyWorkProblem('UNKNOWN_REFERENCE', field, `找不到单位：${id}`, { departmentId: id })];
  if (unit.jurisdictionId !== facts.jurisdiction.id) {
    return [keyWorkProblem('OTHER_JURISDICTION', field, `${unit.name}不是${facts.jurisdiction.name}政府的单位`, { departmentId: id })];
  }
  if (covers(unit, on)) return [];
  return [keyWorkProblem('UNIT_NOT_ACTIVE', field, `${unit.name}在${on}未设立或已撤销`, { departmentId: id, on })];
}

function decisionProblems(facts: DirectoryFacts, draft: KeyTaskDraft, write: KeyTaskWrite): KeyWorkProblem[] {
  const major = draft.majorMatter || (write.existing !== null && write.existing.majorMatter);
  const cited = draft.decisionId === null ? undefined : facts.decisions.find((d) => d.id === draft.decisionId);
  if (!major) {
    if (draft.decisionId === null || cited !== undefined) return [];
    return [keyWorkProblem('UNKNOWN_REFERENCE', 'decisionId', `找不到所引用的会议决定：${draft.decisionId}`, { decisionId: draft.decisionId })];
  }
  const category = cited !== undefined && MAJOR_MATTER_CATEGORIES.includes(cited.category) ? cited.category : 'MAJOR_DECISION';
  const found: KeyWorkProblem[] = checkCollectiveDecision(facts, {
    decisionId: draft.decisionId,
    category,
    effectiveDate: write.on,
    issuedById: null,
    signedOn: write.on,
    document: null,
    uses: [],
  }).map((v) => keyWorkProblem(v.code, 'decisionId', v.message, { ...v.details }));
  const person = personOfActor(write.actor);
  const task = write.existing ?? draft;
  const standing = person === null ? null : taskStanding(facts, task.supervisingLeaderId, task.leadUnitId, person, write.on);
  if (person !== null && standing !== null && standing.basis === 'ACTING_FOR' && standing.actingForId !== null) {
    const who = leaderName(facts, person);
    const absent = leaderName(facts, standing.actingForId);
    found.push(
      keyWorkProblem('ACTING_POWERS_EXCLUDED', null, `${who}在${write.on}代行${absent}的工作；代行不含“三重一大”事项，不能创建或修改“三重一大”重点工作（R5）`, {
        leaderId: person,
        actingForId: standing.actingForId,
        on: write.on,
      }),
    );
  }
  return found;
}

/**
 * May this progress be reported on the task? Order: FORBIDDEN (a unit-scoped token for a unit that neither leads nor
 * is responsible for the task; a leader-scoped token without standing — the office may report for anyone);
 * TASK_ALREADY_COMPLETED (completed on or before the report date); BAD_USER_INPUT (text empty or too long, percent not
 * an integer 0–100, a malformed date or one before the task's creation).
 *
 * @example checkProgressReport(facts, task, { reportedOn: '2026-04-20', text: '已完成排查', percent: 140 }, unit)[0].code // 'BAD_USER_INPUT'
 */
export function checkProgressReport(
  facts: DirectoryFacts,
  task: KeyTaskFact,
  report: ProgressReportDraft,
  actor: Actor,
): KeyWorkProblem[] {
  const found: KeyWorkProblem[] = [];
  if (actor.kind === 'DEPARTMENT' && actor.departmentId !== task.leadUnitId && !task.responsibleUnitIds.includes(actor.departmentId)) {
    found.push(
      keyWorkProblem('FORBIDDEN', null, `${departmentName(facts, actor.departmentId)}不是重点工作「${task.title}」的牵头单位或责任单位，不能报告其进展`, {
        departmentId: actor.departmentId,
        taskId: task.id,
      }),
    );
  } else if (actor.kind === 'LEADER') {
    found.push(...taskScopeProblems(facts, task, actor, report.reportedOn, '报告其进展'));
  }
  if (task.completedOn !== null && isIsoDate(report.reportedOn) && task.completedOn <= report.reportedOn) {
    found.push(keyWorkProblem('TASK_ALREADY_COMPLETED', null, `重点工作「${task.title}」已于${task.completedOn}办结`, { taskId: task.id, completedOn: task.completedOn }));
  }
  found.push(...textInputProblems('text', '进展情况', report.text, KEY_WORK_TEXT_LIMITS.progressText));
  if (!Number.isInteger(report.percent) || report.percent < 0 || report.percent > 100) {
    found.push(keyWorkProblem('BAD_USER_INPUT', 'percent', `完成进度须为0至100的整数（现为${report.percent}）`, { field: 'percent', value: report.percent }));
  }
  found.push(...dateInputProblems('reportedOn', '报告日期', report.reportedOn));
  if (isIsoDate(report.reportedOn) && report.reportedOn < task.createdOn) {
    found.push(keyWorkProblem('BAD_USER_INPUT', 'reportedOn', `报告日期${report.reportedOn}早于重点工作的创建日期${task.createdOn}`, {
      field: 'reportedOn',
      createdOn: task.createdOn,
    }));
  }
  return found;
}

/**
 * May the task be marked completed (办结) on `on`? FORBIDDEN for unit-scoped tokens (units report progress; the
 * supervising leader, the presiding leader, whoever acts for either today, or the office completes);
 * TASK_ALREADY_COMPLETED; BAD_USER_INPUT for a date before the task's creation. Completing a 三重一大 task records a
 * fact and needs no new decision.
 */
export function checkCompleteKeyTask(facts: DirectoryFacts, task: KeyTaskFact, actor: Actor, on: IsoDate): KeyWorkProblem[] {
  const found = taskScopeProblems(facts, task, actor, on, '办结重点工作');
  if (task.completedOn !== null) {
    found.push(keyWorkProblem('TASK_ALREADY_COMPLETED', null, `重点工作「${task.title}」已于${task.completedOn}办结`, { taskId: task.id, completedOn: task.completedOn }));
  }
  if (on < task.createdOn) {
    found.push(keyWorkProblem('BAD_USER_INPUT', 'on', `办结日期${on}早于创建日期${task.createdOn}`, { field: 'on', createdOn: task.createdOn }));
  }
  return found;
}

/** Percentage points a task may lag behind the even pace (elapsed share of its period) before it is AT_RISK. */
export const AT_RISK_LAG_POINTS = 25;

/** A task's derived status on a date, with what it was derived from. */
export interface TaskStatusView {
  readonly status: TaskStatus;
  /** The latest reported percent on or before the date (0 when none). */
  readonly percent: number;
  /** The even pace: the elapsed share of [createdOn, deadline] on the date, in percent (100 from the deadline on). */
  readonly expectedPercent: number;
  readonly latestReportId: string | null;
  /** Milestones due before the date and not done by it. */
  readonly missedMilestones: readonly MilestoneFact[];
  readonly reason: string;
}

/**
 * The task's status on `asOf`, derived and never stored, first rule that holds:
 * COMPLETED — completedOn on or before asOf; OVERDUE — asOf after the deadline (its last day) and not completed by
 * then; AT_RISK — a milestone missed (due before asOf, not done by asOf) or the latest percent lags the even pace by
 * AT_RISK_LAG_POINTS or more; NOT_STARTED — no progress report on or before asOf; ON_TRACK — otherwise.
 * Reports of other tasks and reports dated after asOf are ignored (R12).
 *
 * @example taskStatus(task, reports, '2026-05-01').status // 'OVERDUE' when the deadline was 2026-04-30
 */
export function taskStatus(task: KeyTaskFact, reports: readonly ProgressReportFact[], asOf: IsoDate): TaskStatusView {
  const latest = reports
    .filter((r) => r.taskId === task.id && r.reportedOn <= asOf)
    // Stable: reports of one day keep the order they were recorded in (the loaders give them so), the last wins.
    .sort((a, b) => compareText(a.reportedOn, b.reportedOn))
    .at(-1);
  const percent = latest === undefined ? 0 : latest.percent;
  const expectedPercent = evenPace(task, asOf);
  const missedMilestones = task.milestones.filter((m) => m.dueOn < asOf && (m.doneOn === null || m.doneOn > asOf));
  const view = (status: TaskStatus, reason: string): TaskStatusView => ({
    status,
    percent,
    expectedPercent,
    latestReportId: latest === undefined ? null : latest.id,
    missedMilestones,
    reason,
  });
  if (task.completedOn !== null && task.completedOn <= asOf) return view('COMPLETED', `已于${task.completedOn}办结`);
  if (asOf > task.deadline) return view('OVERDUE', `完成时限${task.deadline}已过，尚未办结`);
  if (missedMilestones.length > 0) {
    return view('AT_RISK', `节点${missedMilestones.map((m) => `「${m.title}」（${m.dueOn}）`).join('、')}已过时限未完成`);
  }
  if (expectedPercent - percent >= AT_RISK_LAG_POINTS) {
    return view('AT_RISK', `进度${percent}%，按时间应达${expectedPercent}%，滞后${expectedPercent - percent}个百分点`);
  }
  if (latest === undefined) return view('NOT_STARTED', '尚未报告进展');
  return view('ON_TRACK', `进度${percent}%，按时间应达${expectedPercent}%`);
}

function evenPace(task: KeyTaskFact, asOf: IsoDate): number {
  if (asOf >= task.deadline) return 100;
  if (asOf <= task.createdOn) return 0;
  return Math.floor((100 * daysBetween(task.createdOn, asOf)) / daysBetween(task.createdOn, task.deadline));
}

/** True when the task is OVERDUE on `asOf`: past its deadline and not completed by then. */
export function isTaskOverdue(task: KeyTaskFact, asOf: IsoDate): boolean {
  return asOf > task.deadline && (task.completedOn === null || task.completedOn > asOf);
}
