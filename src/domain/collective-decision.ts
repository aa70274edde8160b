// Pure: no I/O, no clock. Implements R7 (collective decision at a quorate meeting) and R5's exclusion of acting powers.
import { COLLECTIVE_CATEGORIES } from './vocabulary';
import type { DecisionCategory } from './vocabulary';
import type { DecisionFact, DirectoryFacts, IsoDate, MeetingFact } from './facts';
import type { Refusal, ViolationCode } from './violation';
import { decisionCategoryLabel, describeMeeting, leaderName, meetingKindLabel } from './describe';
import { leadershipTeam, presidingOn } from './team';
import { actingCover } from './acting';

/** The attendance count of one meeting against its quorum (R7). */
export interface Quorum {
  /** Distinct voting attendees who are team members on the meeting date. */
  readonly present: number;
  /** Team members on the meeting date. */
  readonly teamSize: number;
  /** The smallest head count strictly greater than quorumMoreThan × teamSize. */
  readonly required: number;
  readonly met: boolean;
}

/**
 * Did the meeting reach its quorum (R7: "more than half of the team's members on that date", or the fraction the
 * government's own rules set)? Only distinct voting attendees who are on the team on the meeting date count;
 * 列席 attendees, people off the team and names listed twice do not. Exactly half is not "more than half".
 * A team of no one has no quorum.
 *
 * @example quorumOf(facts, meeting) // 8 members, 0.5: { present: 5, teamSize: 8, required: 5, met: true }
 * @example quorumOf(facts, meeting) // 8 members, 4 present: { present: 4, teamSize: 8, required: 5, met: false }
 */
export function quorumOf(facts: DirectoryFacts, meeting: MeetingFact): Quorum {
  const team = new Set(leadershipTeam(facts, meeting.date).map((m) => m.leader.id));
  const present = new Set(meeting.votingAttendeeIds.filter((id) => team.has(id))).size;
  const required = Math.floor(facts.rules.quorumMoreThan * team.size) + 1;
  return { present, teamSize: team.size, required, met: present >= required };
}

/** What a write that needs a collective decision cites. */
export interface CollectiveDecisionRequest {
  /** The decision cited; null when none is. */
  readonly decisionId: string | null;
  /** What the write is: DIVISION_OF_LABOUR for a re-division, a 三重一大 category, or ROUTINE. */
  readonly category: DecisionCategory;
  readonly effectiveDate: IsoDate;
  /** 签发人: who signs the notice, if recorded. */
  readonly issuedById: string | null;
}

/**
 * Checks that a write in a collective category cites a decision that may carry it (R7), and that its signatory
 * does not sign on acting powers (R5). A ROUTINE write needs no decision: [].
 * Seed: "对明确的“三重一大”问题,要坚持“集体领导、民主集中、个别酝酿、会议决定”来进行集体决策,不搞一言堂,不搞个人说了算。"
 * DESIGN R7: "One person cannot change the division of labour alone." DESIGN R5: "Acting powers exclude 三重一大
 * and changes to the division of labour."
 *
 * Decision, in this order: none cited or id unknown → COLLECTIVE_DECISION_REQUIRED (nothing more is checked about
 * it); another government's decision, or its meeting not recorded → UNKNOWN_REFERENCE (nothing more either); then
 * each that applies: DECISION_CATEGORY_MISMATCH (e.g. a ROUTINE decision cited for a re-division),
 * MEETING_KIND_NOT_ALLOWED (the government's rules list the meeting kinds for the category and this one is not
 * among them), QUORUM_NOT_MET (details: present, required, teamSize), DECISION_AFTER_EFFECTIVE_DATE (a meeting on the
 * effective date itself is in time). Signatory, when given: UNKNOWN_REFERENCE, NOT_IN_TEAM on the effective date, or
 * ACTING_POWERS_EXCLUDED when on that date he only stands in for the absent presiding leader.
 * Every violation has itemIndex null.
 *
 * @example checkCollectiveDecision(facts, { decisionId: null, category: 'DIVISION_OF_LABOUR', effectiveDate: '2026-04-01', issuedById: null })
 * // [{ itemIndex: null, code: 'COLLECTIVE_DECISION_REQUIRED', … }]
 */
export function checkCollectiveDecision(facts: DirectoryFacts, request: CollectiveDecisionRequest): Refusal[] {
  if (!COLLECTIVE_CATEGORIES.includes(request.category)) return [];
  return [...decisionViolations(facts, request), ...signatoryViolations(facts, request)];
}

function violation(code: ViolationCode, message: string, details: Record<string, unknown>): Refusal {
  return { itemIndex: null, code, message, details };
}

function decisionViolations(facts: DirectoryFacts, request: CollectiveDecisionRequest): Refusal[] {
  const label = decisionCategoryLabel(request.category);
  const requirement =
    request.category === 'DIVISION_OF_LABOUR'
      ? '调整分工须经会议集体研究决定，一人不能调整分工'
      : `${label}属“三重一大”事项，须经会议集体研究决定，不搞一言堂`;
  if (request.decisionId === null) {
    return [violation('COLLECTIVE_DECISION_REQUIRED', `未引用会议决定：${requirement}（R7）`, { category: request.category })];
  }
  const decision = facts.decisions.find((d) => d.id === request.decisionId);
  if (decision === undefined) {
    return [
      violation('COLLECTIVE_DECISION_REQUIRED', `找不到所引用的会议决定${request.decisionId}：${requirement}（R7）`, {
        category: request.category,
        decisionId: request.decisionId,
      }),
    ];
  }
  const government = `${facts.jurisdiction.name}政府`;
  if (decision.jurisdictionId !== facts.jurisdiction.id) {
    return [
      violation('UNKNOWN_REFERENCE', `所引用的决定「${decision.text}」不是${government}作出的，不能作为本级${label}的依据（R7）`, {
        decisionId: decision.id,
        jurisdictionId: decision.jurisdictionId,
      }),
    ];
  }
  const meeting = facts.meetings.find((m) => m.id === decision.meetingId && m.jurisdictionId === facts.jurisdiction.id);
  if (meeting === undefined) {
    return [
      violation('UNKNOWN_REFERENCE', `找不到作出决定「${decision.text}」的${government}会议（${decision.meetingId}）`, {
        decisionId: decision.id,
        meetingId: decision.meetingId,
      }),
    ];
  }
  return [
    ...categoryViolations(facts, request, decision),
    ...meetingKindViolations(facts, request, decision, meeting),
    ...quorumViolations(facts, request, decision, meeting),
    ...timingViolations(facts, request, decision, meeting),
  ];
}

function categoryViolations(facts: DirectoryFacts, request: CollectiveDecisionRequest, decision: DecisionFact): Refusal[] {
  if (decision.category === request.category) return [];
  const cited = decisionCategoryLabel(decision.category);
  const needed = decisionCategoryLabel(request.category);
  return [
    violation(
      'DECISION_CATEGORY_MISMATCH',
      `所引用的决定「${decision.text}」是${cited}事项的决定，不是${needed}的决定，不能作为${facts.jurisdiction.name}政府${needed}的依据（R7）`,
      { decisionId: decision.id, decisionCategory: decision.category, requiredCategory: request.category },
    ),
  ];
}

function meetingKindViolations(
  facts: DirectoryFacts,
  request: CollectiveDecisionRequest,
  decision: DecisionFact,
  meeting: MeetingFact,
): Refusal[] {
  const allowed = facts.rules.meetingKindsByCategory[request.category];
  if (allowed === undefined || allowed.includes(meeting.kind)) return [];
  const source = facts.rules.source === null ? '' : `（${facts.rules.source}）`;
  const label = decisionCategoryLabel(request.category);
  return [
    violation(
      'MEETING_KIND_NOT_ALLOWED',
      `${label}须由${allowed.map(meetingKindLabel).join('或')}研究决定${source}，所引用的决定「${decision.text}」是${describeMeeting(facts, meeting)}作出的（R7）`,
      { decisionId: decision.id, meetingId: meeting.id, meetingKind: meeting.kind, allowedKinds: allowed, source: facts.rules.source },
    ),
  ];
}

function quorumViolations(
  facts: DirectoryFacts,
  request: CollectiveDecisionRequest,
  decision: DecisionFact,
  meeting: MeetingFact,
): Refusal[] {
  const quorum = quorumOf(facts, meeting);
  if (quorum.met) return [];
  return [
    violation(
      'QUORUM_NOT_MET',
      `${describeMeeting(facts, meeting)}班子成员应到${quorum.teamSize}人、实到${quorum.present}人，未达到法定人数（须至少${quorum.required}人），其决定不能作为${decisionCategoryLabel(request.category)}的依据（R7）`,
      { decisionId: decision.id, meetingId: meeting.id, present: quorum.present, required: quorum.required, teamSize: quorum.teamSize },
    ),
  ];
}

function timingViolations(
  facts: DirectoryFacts,
  request: CollectiveDecisionRequest,
  decision: DecisionFact,
  meeting: MeetingFact,
): Refusal[] {
  if (meeting.date <= request.effectiveDate) return [];
  return [
    violation(
      'DECISION_AFTER_EFFECTIVE_DATE',
      `${describeMeeting(facts, meeting)}晚于生效日期${request.effectiveDate}：须先经会议研究决定，再自决定之日或其后生效（R7）`,
      { decisionId: decision.id, meetingId: meeting.id, meetingDate: meeting.date, effectiveDate: request.effectiveDate },
    ),
  ];
}

/** The signatory must be on the team and must not sign on powers he holds only as a stand-in (R5). */
function signatoryViolations(facts: DirectoryFacts, request: CollectiveDecisionRequest): Refusal[] {
  const issuerId = request.issuedById;
  if (issuerId === null) return [];
  const on = request.effectiveDate;
  const government = `${facts.jurisdiction.name}政府`;
  if (!facts.leaders.some((l) => l.id === issuerId && l.jurisdictionId === facts.jurisdiction.id)) {
    return [violation('UNKNOWN_REFERENCE', `找不到签发人：${issuerId}`, { issuedById: issuerId })];
  }
  const issuer = leaderName(facts, issuerId);
  if (!leadershipTeam(facts, on).some((m) => m.leader.id === issuerId)) {
    return [violation('NOT_IN_TEAM', `签发人${issuer}在${on}不是${government}班子成员`, { issuedById: issuerId, on })];
  }
  const presiding = presidingOn(facts, on);
  if (presiding === null || presiding.leaderId === issuerId) return [];
  const cover = actingCover(facts, presiding.leaderId, on);
  if (cover === null || cover.actorId !== issuerId) return [];
  const head = leaderName(facts, presiding.leaderId);
  const label = decisionCategoryLabel(request.category);
  return [
    violation(
      'ACTING_POWERS_EXCLUDED',
      `${head}在${on}不在岗，${issuer}代行其工作；代行不含“三重一大”事项和分工调整，${issuer}不能签发${label}（R5）`,
      { issuedById: issuerId, actingForId: presiding.leaderId, absenceId: cover.absence.id, on },
    ),
  ];
}
