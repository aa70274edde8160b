// Pure: no I/O, no clock. Implements R9 (交办事项, 决不能推诿扯皮): issuing a directive exactly when canDirect allows
// it, the crossPortfolio flag and who is told, the status machine (there is no REJECTED), and who may move it.
import type { DirectionBasis } from './vocabulary';
import type { DirectoryFacts, IsoDate } from './facts';
import type { ChainStep } from './verdict';
import { isIsoDate } from './interval';
import { UnreachableCaseError } from './errors';
import { departmentName, leaderName, ruleStep } from './describe';
import { presidingOn } from './team';
import { linesForDepartment } from './portfolio';
import { actorForLine } from './acting';
import { canDirect } from './direction';
import { quorumOf } from './collective-decision';
import { KEY_WORK_TEXT_LIMITS, dateInputProblems, keyWorkProblem, textInputProblems } from './key-task';
import type { Actor, KeyWorkProblem } from './key-task';

export const DIRECTIVE_STATUSES = ['ISSUED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'COMPLETED', 'ESCALATED'] as const;
/** 已交办 / 已签收 / 办理中 / 已办结 / 已提请协调. There is no rejected state: a directive cannot be refused. */
export type DirectiveStatus = (typeof DIRECTIVE_STATUSES)[number];

export const DIRECTIVE_ACTIONS = ['ACKNOWLEDGE', 'START', 'COMPLETE', 'ESCALATE'] as const;
/** What moves a directive after it is issued (acknowledgeDirective, startDirective, completeDirective, escalateDirective). */
export type DirectiveAction = (typeof DIRECTIVE_ACTIONS)[number];

/**
 * The whole status machine (R9): ISSUED → ACKNOWLEDGED → IN_PROGRESS → COMPLETED; any open state → ESCALATED (needs
 * coordination, back to the issuer, with a reason); ESCALATED → IN_PROGRESS once coordinated. COMPLETED is final.
 * Anything not listed is INVALID_TRANSITION.
 */
export const DIRECTIVE_TRANSITIONS: readonly { readonly from: DirectiveStatus; readonly action: DirectiveAction; readonly to: DirectiveStatus }[] = [
  { from: 'ISSUED', action: 'ACKNOWLEDGE', to: 'ACKNOWLEDGED' },
  { from: 'ACKNOWLEDGED', action: 'START', to: 'IN_PROGRESS' },
  { from: 'IN_PROGRESS', action: 'COMPLETE', to: 'COMPLETED' },
  { from: 'ISSUED', action: 'ESCALATE', to: 'ESCALATED' },
  { from: 'ACKNOWLEDGED', action: 'ESCALATE', to: 'ESCALATED' },
  { from: 'IN_PROGRESS', action: 'ESCALATE', to: 'ESCALATED' },
  { from: 'ESCALATED', action: 'START', to: 'IN_PROGRESS' },
];

/** The status `action` leads to from `from`, or null when the table has no such transition. */
export function nextDirectiveStatus(from: DirectiveStatus, action: DirectiveAction): DirectiveStatus | null {
  return DIRECTIVE_TRANSITIONS.find((t) => t.from === from && t.action === action)?.to ?? null;
}

/** One recorded transition (the audit feed names the actor). */
export interface DirectiveTransitionFact {
  readonly id: string;
  readonly action: DirectiveAction;
  readonly from: DirectiveStatus;
  readonly to: DirectiveStatus;
  readonly on: IsoDate;
  readonly actor: Actor;
  /** ESCALATE: why coordination is needed; COMPLETE: the report (办理结果); otherwise null. */
  readonly text: string | null;
}

/** A directive (交办事项) as recorded; `basis` and `crossPortfolio` are fixed when it is issued. */
export interface DirectiveFact {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly issuerId: string;
  readonly departmentId: string;
  readonly subject: string;
  readonly issuedOn: IsoDate;
  readonly deadline: IsoDate | null;
  /** The decision that studied it beforehand (事先集体研究过), if cited. */
  readonly decisionId: string | null;
  readonly basis: DirectionBasis;
  readonly crossPortfolio: boolean;
  /** In the order they were made (dates never decrease). */
  readonly transitions: readonly DirectiveTransitionFact[];
}

/** The status on `on`: the last transition made on or before it, ISSUED when none; null before it was issued (R12). */
export function directiveStatusOn(directive: DirectiveFact, on: IsoDate): DirectiveStatus | null {
  if (on < directive.issuedOn) return null;
  return directive.transitions.filter((t) => t.on <= on).at(-1)?.to ?? 'ISSUED';
}

/** The status after every recorded transition. */
export function currentDirectiveStatus(directive: DirectiveFact): DirectiveStatus {
  return directive.transitions.at(-1)?.to ?? 'ISSUED';
}

/** Open on `on`: issued by then and not COMPLETED by then. */
export function isDirectiveOpen(directive: DirectiveFact, on: IsoDate): boolean {
  const status = directiveStatusOn(directive, on);
  return status !== null && status !== 'COMPLETED';
}

/** Overdue on `on`: open, with a deadline (its last day) before `on`. */
export function isDirectiveOverdue(directive: DirectiveFact, on: IsoDate): boolean {
  return isDirectiveOpen(directive, on) && directive.deadline !== null && on > directive.deadline;
}

export const NOTIFICATION_BASES = ['SUPERVISES', 'ACTING_FOR', 'PRESIDES', 'ISSUER'] as const;
/** Why a leader is told about a directive: he supervises the unit, acts for its absent supervisor, presides over a unit nobody supervises, or issued an escalated directive. */
export type NotificationBasis = (typeof NOTIFICATION_BASES)[number];

/** One leader to notify (a stored Notification and a subscription event in the API). */
export interface NotificationTarget {
  readonly leaderId: string;
  readonly basis: NotificationBasis;
  /** With ACTING_FOR: the absent supervisor. */
  readonly actingForId: string | null;
  readonly reason: string;
}

/**
 * Who is told of a directive from `issuerId` to the unit on `on` (R9: "the department's own supervising leader is
 * told (every use of the general authority is visible, never silent)"). For each leader who SUPERVISES the unit on
 * `on` other than the issuer: him when at his post; when away, whoever acts for that line today (R5, exceptions
 * honoured) unless that is the issuer or nobody, in which case the absent supervisor himself (he sees it on his
 * return). A unit nobody supervises: the presiding leader, unless he issued it. Never the issuer; each leader once.
 * Empty when the issuer is the unit's (only) supervising leader.
 *
 * @example directiveNotifications(facts, 'leader:sun-li', 'dept:education', '2026-03-16') // [{ leaderId: 'leader:zhao-min', basis: 'SUPERVISES', … }]
 */
export function directiveNotifications(facts: DirectoryFacts, issuerId: string, departmentId: string, on: IsoDate): NotificationTarget[] {
  const issuer = leaderName(facts, issuerId);
  const unit = departmentName(facts, departmentId);
  const supervising = linesForDepartment(facts, departmentId, on).filter((l) => l.kind === 'SUPERVISES');
  const targets: NotificationTarget[] = [];
  const add = (t: NotificationTarget): void => {
    if (t.leaderId !== issuerId && !targets.some((x) => x.leaderId === t.leaderId)) targets.push(t);
  };
  for (const line of supervising) {
    if (line.leaderId === issuerId) continue;
    const supervisor = leaderName(facts, line.leaderId);
    const actor = actorForLine(facts, line, on);
    if (actor === null || actor.actorId === null || actor.actorId === issuerId) {
      const away = actor === null ? '' : '（不在岗，返岗后阅知）';
      add({ leaderId: line.leaderId, basis: 'SUPERVISES', actingForId: null, reason: `${supervisor}分管${unit}${away}，${issuer}向其交办事项（R9）` });
    } else {
      add({
        leaderId: actor.actorId,
        basis: 'ACTING_FOR',
        actingForId: line.leaderId,
        reason: `${supervisor}不在岗，${leaderName(facts, actor.actorId)}代行其分管的${unit}工作，${issuer}向${unit}交办事项（R9、R5）`,
      });
    }
  }
  if (supervising.length === 0) {
    const presiding = presidingOn(facts, on);
    if (presiding !== null) {
      add({ leaderId: presiding.leaderId, basis: 'PRESIDES', actingForId: null, reason: `${unit}在${on}无分管领导，${issuer}向其交办事项，告知主持工作的${leaderName(facts, presiding.leaderId)}（R9、R10）` });
    }
  }
  return targets;
}

/** A directive as issueDirective proposes it. */
export interface DirectiveDraft {
  readonly issuerId: string;
  readonly departmentId: string;
  readonly subject: string;
  readonly deadline: IsoDate | null;
  readonly decisionId: string | null;
}

export type DirectiveIssue =
  | {
      readonly allowed: true;
      /** canDirect's basis, recorded with the directive. */
      readonly basis: DirectionBasis;
      readonly actingForId: string | null;
      /** The issuer is not one of the unit's supervising leaders on the date. */
      readonly crossPortfolio: boolean;
      /** Cross-portfolio and citing no decision: dashboards count these. */
      readonly withoutDecision: boolean;
      readonly notify: readonly NotificationTarget[];
      readonly reason: string;
      readonly chain: readonly ChainStep[];
    }
  | { readonly allowed: false; readonly problems: readonly KeyWorkProblem[] };

/**
 * May this directive be issued on `on`? R9: "Directives cannot be refused (决不能推诿扯皮)"; seed: "对每个副区长、政府
 * 党组成员交办的事项、安排的工作,都是事先集体研究过的,决不能推诿扯皮". Issuing is allowed exactly when
 * canDirect(issuer, unit, on) allows it, and is refused with canDirect's own code otherwise (NOT_IN_TEAM,
 * OTHER_JURISDICTION, UNIT_NOT_ACTIVE, OUTSIDE_GOVERNMENT_LINE, NO_AUTHORITY). Problems, in order: FORBIDDEN (a
 * unit-scoped token; a leader-scoped token issuing as someone else — the office may issue for any leader); canDirect's
 * code; BAD_USER_INPUT (subject empty or too long, a malformed deadline); DEADLINE_BEFORE_CREATION; for a cited
 * decision UNKNOWN_REFERENCE, DECISION_AFTER_EFFECTIVE_DATE (its meeting after `on`) or QUORUM_NOT_MET (R7's count).
 * Allowed: basis, crossPortfolio (the issuer does not SUPERVISE the unit on `on`) and, when crossPortfolio, who is
 * notified (directiveNotifications).
 *
 * @example checkIssueDirective(facts, { issuerId: 'leader:li-ming', departmentId: 'dept:tax', … }, office, '2026-03-16') // { allowed: false, problems: [{ code: 'OUTSIDE_GOVERNMENT_LINE', … }] }
 */
export function checkIssueDirective(facts: DirectoryFacts, draft: DirectiveDraft, actor: Actor, on: IsoDate): DirectiveIssue {
  const found: KeyWorkProblem[] = [];
  if (actor.kind === 'DEPARTMENT') {
    found.push(keyWorkProblem('FORBIDDEN', null, `${departmentName(facts, actor.departmentId)}不能交办事项；交办由领导本人或区政府办公室登记`, { departmentId: actor.departmentId }));
  } else if (actor.kind === 'LEADER' && actor.leaderId !== draft.issuerId) {
    found.push(keyWorkProblem('FORBIDDEN', 'issuerId', `${leaderName(facts, actor.leaderId)}只能以本人名义交办，不能代${leaderName(facts, draft.issuerId)}交办`, {
      leaderId: actor.leaderId,
      issuerId: draft.issuerId,
    }));
  }
  const verdict = canDirect(facts, draft.issuerId, draft.departmentId, on);
  if (!verdict.allowed) found.push(keyWorkProblem(verdict.code, 'departmentId', verdict.reason, { issuerId: draft.issuerId, departmentId: draft.departmentId }));
  found.push(...textInputProblems('subject', '交办事项', draft.subject, KEY_WORK_TEXT_LIMITS.subject));
  if (draft.deadline !== null) {
    found.push(...dateInputProblems('deadline', '办理时限', draft.deadline));
    if (isIsoDate(draft.deadline) && draft.deadline < on) {
      found.push(keyWorkProblem('DEADLINE_BEFORE_CREATION', 'deadline', `办理时限${draft.deadline}早于交办日期${on}`, { deadline: draft.deadline, issuedOn: on }));
    }
  }
  found.push(...citedDecisionProblems(facts, draft.decisionId, on));
  if (found.length > 0 || !verdict.allowed) return { allowed: false, problems: found };
  const crossPortfolio = !linesForDepartment(facts, draft.departmentId, on).some((l) => l.kind === 'SUPERVISES' && l.leaderId === draft.issuerId);
  const chain = crossPortfolio
    ? [...verdict.chain, ruleStep('交办事项不在交办领导本人分管范围内，告知该部门的分管领导（R9）')]
    : verdict.chain;
  return {
    allowed: true,
    basis: verdict.basis,
    actingForId: verdict.actingForId,
    crossPortfolio,
    withoutDecision: crossPortfolio && draft.decisionId === null,
    notify: crossPortfolio ? directiveNotifications(facts, draft.issuerId, draft.departmentId, on) : [],
    reason: verdict.reason,
    chain,
  };
}

/** A cited decision must exist here, be taken on or before the day, at a quorate meeting (事先集体研究过). */
function citedDecisionProblems(facts: DirectoryFacts, decisionId: string | null, on: IsoDate): KeyWorkProblem[] {
  if (decisionId === null) return [];
  const decision = facts.decisions.find((d) => d.id === decisionId && d.jurisdictionId === facts.jurisdiction.id);
  const meeting = decision === undefined ? undefined : facts.meetings.find((m) => m.id === decision.meetingId);
  if (decision === undefined || meeting === undefined) {
    return [keyWorkProblem('UNKNOWN_REFERENCE', 'decisionId', `找不到${facts.jurisdiction.name}政府的会议决定：${decisionId}`, { decisionId })];
  }
  if (meeting.date > on) {
    return [keyWorkProblem('DECISION_AFTER_EFFECTIVE_DATE', 'decisionId', `所引用的决定「${decision.text}」晚于交办日期${on}作出`, { decisionId, meetingDate: meeting.date })];
  }
  const quorum = quorumOf(facts, meeting);
  if (quorum.met) return [];
  return [
    keyWorkProblem('QUORUM_NOT_MET', 'decisionId', `所引用的决定「${decision.text}」的会议未达到法定人数（应到${quorum.teamSize}人、实到${quorum.present}人）`, {
      decisionId,
      present: quorum.present,
      required: quorum.required,
      teamSize: quorum.teamSize,
    }),
  ];
}

/** A transition as requested: the action, who, on which day, and the reason (ESCALATE) or report (COMPLETE). */
export interface DirectiveTransitionRequest {
  readonly action: DirectiveAction;
  readonly actor: Actor;
  readonly on: IsoDate;
  readonly text: string | null;
}

export type DirectiveTransitionCheck =
  | { readonly allowed: true; readonly from: DirectiveStatus; readonly to: DirectiveStatus; readonly notify: readonly NotificationTarget[] }
  | { readonly allowed: false; readonly problems: readonly KeyWorkProblem[] };

/**
 * May this transition be made? Problems, in order:
 * FORBIDDEN — ACKNOWLEDGE, START, COMPLETE: only the directive's own unit (a unit-scoped token) or the office;
 * ESCALATE: only a leader who supervises the unit on `on`, or acts today for its absent supervisor (R5), and is not
 * the issuer, or the office (docs/domain.md: a leader-scoped token issues and escalates as him).
 * INVALID_TRANSITION — the table (DIRECTIVE_TRANSITIONS) has no such move from the current status.
 * BAD_USER_INPUT — ESCALATE without a reason, COMPLETE without a report, either too long; a date before the
 * directive was issued or before its last transition.
 * Allowed ESCALATE notifies the issuer ("back to the issuing leader").
 *
 * @example checkDirectiveTransition(facts, issued, { action: 'COMPLETE', actor: unit, on, text: '已办结' }) // { allowed: false, problems: [{ code: 'INVALID_TRANSITION', … }] }
 */
export function checkDirectiveTransition(
  facts: DirectoryFacts,
  directive: DirectiveFact,
  request: DirectiveTransitionRequest,
): DirectiveTransitionCheck {
  const found: KeyWorkProblem[] = [...transitionScopeProblems(facts, directive, request)];
  const from = currentDirectiveStatus(directive);
  const to = nextDirectiveStatus(from, request.action);
  if (to === null) {
    found.push(keyWorkProblem('INVALID_TRANSITION', null, `交办事项「${directive.subject}」当前为${statusLabel(from)}，不能${actionLabel(request.action)}`, {
      directiveId: directive.id,
      from,
      action: request.action,
    }));
  }
  const text = request.text ?? '';
  if (request.action === 'ESCALATE') found.push(...textInputProblems('reason', '提请协调的理由', text, KEY_WORK_TEXT_LIMITS.escalationReason));
  if (request.action === 'COMPLETE') found.push(...textInputProblems('report', '办理结果', text, KEY_WORK_TEXT_LIMITS.completionReport));
  const last = directive.transitions.at(-1)?.on ?? directive.issuedOn;
  if (request.on < last) {
    found.push(keyWorkProblem('BAD_USER_INPUT', 'on', `日期${request.on}早于交办事项的上一次办理记录（${last}）`, { field: 'on', last }));
  }
  if (found.length > 0 || to === null) return { allowed: false, problems: found };
  const notify: NotificationTarget[] =
    request.action === 'ESCALATE'
      ? [{ leaderId: directive.issuerId, basis: 'ISSUER', actingForId: null, reason: `${departmentName(facts, directive.departmentId)}的交办事项「${directive.subject}」提请协调，退回交办领导${leaderName(facts, directive.issuerId)}（R9）` }]
      : [];
  return { allowed: true, from, to, notify };
}

function transitionScopeProblems(facts: DirectoryFacts, directive: DirectiveFact, request: DirectiveTransitionRequest): KeyWorkProblem[] {
  const { actor, action, on } = request;
  if (actor.kind === 'OFFICE') return [];
  const unit = departmentName(facts, directive.departmentId);
  if (action !== 'ESCALATE') {
    if (actor.kind === 'DEPARTMENT' && actor.departmentId === directive.departmentId) return [];
    const who = actor.kind === 'DEPARTMENT' ? departmentName(facts, actor.departmentId) : leaderName(facts, actor.leaderId);
    return [keyWorkProblem('FORBIDDEN', null, `只有${unit}本单位（或区政府办公室）能${actionLabel(action)}交给它的事项，${who}不能`, { directiveId: directive.id, action })];
  }
  if (actor.kind === 'LEADER' && actor.leaderId !== directive.issuerId && speaksForUnit(facts, actor.leaderId, directive.departmentId, on)) return [];
  const who = actor.kind === 'DEPARTMENT' ? departmentName(facts, actor.departmentId) : leaderName(facts, actor.leaderId);
  return [
    keyWorkProblem('FORBIDDEN', null, `提请协调由${unit}的分管领导（或代行者、区政府办公室）退回交办领导，${who}不能`, { directiveId: directive.id, action }),
  ];
}

/** R1/R5: the leader supervises the unit on `on`, or acts today for one of its absent supervising leaders. */
function speaksForUnit(facts: DirectoryFacts, leaderId: string, departmentId: string, on: IsoDate): boolean {
  return linesForDepartment(facts, departmentId, on).some(
    (l) => l.kind === 'SUPERVISES' && (l.leaderId === leaderId || actorForLine(facts, l, on)?.actorId === leaderId),
  );
}

function statusLabel(status: DirectiveStatus): string {
  switch (status) {
    case 'ISSUED':
      return '已交办';
    case 'ACKNOWLEDGED':
      return '已签收';
    case 'IN_PROGRESS':
      return '办理中';
    case 'COMPLETED':
      return '已办结';
    case 'ESCALATED':
      return '已提请协调';
    default:
      throw new UnreachableCaseError(status);
  }
}

function actionLabel(action: DirectiveAction): string {
  switch (action) {
    case 'ACKNOWLEDGE':
      return '签收';
    case 'START':
      return '开始办理';
    case 'COMPLETE':
      return '办结';
    case 'ESCALATE':
      return '提请协调';
    default:
      throw new UnreachableCaseError(action);
  }
}

