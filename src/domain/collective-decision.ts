// Pure: no I/O, no clock. Implements R7 (collective decision at a quorate meeting) and R5's exclusion of acting powers.
import { COLLECTIVE_CATEGORIES } from './vocabulary';
import type { DecisionCategory } from './vocabulary';
import type { DecisionFact, DecisionUse, DirectoryFacts, IsoDate, MeetingFact } from './facts';
import type { Refusal, ViolationCode } from './violation';
import { decisionCategoryLabel, describeMeeting, leaderName, meetingKindLabel } from './describe';
import { leadershipTeam, presidingOn } from './team';
import { actingCover, absenceOn } from './acting';
import { canDirect } from './direction';
import { daysBetween } from './interval';

/** The attendance count of one meeting against its quorum (R7). */
export interface Quorum {
  /** Distinct voting attendees who are team members on the meeting date and not away that day. */
  readonly present: number;
  /** Team members on the meeting date. */
  readonly teamSize: number;
  /** The smallest head count strictly greater than quorumMoreThan × teamSize. */
  readonly required: number;
  readonly met: boolean;
}

/**
 * Did the meeting reach its quorum (R7: "more than half of the team's members on that date", or the fraction the
 * government's own rules set)? Quorum is counted from who was really there: only distinct voting attendees who are
 * on the team on the meeting date and have no absence covering it count; 列席 attendees, people off the team, people
 * away that day and names listed twice do not. Exactly half is not "more than half". A team of no one has no quorum.
 *
 * @example quorumOf(facts, meeting) // 8 members, 0.5: { present: 5, teamSize: 8, required: 5, met: true }
 * @example quorumOf(facts, meeting) // 8 members, 4 present: { present: 4, teamSize: 8, required: 5, met: false }
 */
export function quorumOf(facts: DirectoryFacts, meeting: MeetingFact): Quorum {
  const team = new Set(leadershipTeam(facts, meeting.date).map((m) => m.leader.id));
  const present = new Set(
    meeting.votingAttendeeIds.filter((id) => team.has(id) && absenceOn(facts, id, meeting.date) === null),
  ).size;
  const required = Math.floor(facts.rules.quorumMoreThan * team.size) + 1;
  return { present, teamSize: team.size, required, met: present >= required };
}

/**
 * May this meeting be recorded with these voting attendees? (R7: quorum is counted from who was really there.)
 * A voting attendee must be on the team on the meeting date (ATTENDEE_NOT_IN_TEAM; a stranger's id too) and must
 * not have an absence covering it (ATTENDEE_ABSENT: absences are data the directory already holds). `itemIndex` is
 * the attendee's index in votingAttendeeIds. A meeting dated after today may be recorded: it is planned and can
 * carry no decision until its date (see checkDecisionRecord).
 *
 * @example checkMeetingAttendance(facts, { …, date: '2026-02-03', votingAttendeeIds: ['leader:wang-qiang'] }) // [{ itemIndex: 0, code: 'ATTENDEE_ABSENT', … }]
 */
export function checkMeetingAttendance(facts: DirectoryFacts, meeting: Pick<MeetingFact, 'date' | 'votingAttendeeIds'>): Refusal[] {
  const team = new Set(leadershipTeam(facts, meeting.date).map((m) => m.leader.id));
  const government = `${facts.jurisdiction.name}政府`;
  const found: Refusal[] = [];
  meeting.votingAttendeeIds.forEach((id, index) => {
    const known = facts.leaders.some((l) => l.id === id && l.jurisdictionId === facts.jurisdiction.id);
    const name = known ? leaderName(facts, id) : id;
    if (!team.has(id)) {
      found.push({
        itemIndex: index, code: 'ATTENDEE_NOT_IN_TEAM',
        message: `第${index + 1}名表决出席人${name}在${meeting.date}不是${government}班子成员，不计入到会人数（R7）`,
        details: { leaderId: id, on: meeting.date },
      });
      return;
    }
    const absence = absenceOn(facts, id, meeting.date);
    if (absence !== null) {
      found.push({
        itemIndex: index, code: 'ATTENDEE_ABSENT',
        message: `第${index + 1}名表决出席人${name}在${meeting.date}不在岗（${absence.reason}，${absence.validFrom}至${absence.validTo ?? '返岗日期未定'}），不能登记为出席（R7）`,
        details: { leaderId: id, absenceId: absence.id, on: meeting.date },
      });
    }
  });
  return found;
}

/**
 * May a decision be recorded for this meeting today? A meeting that has not yet happened decides nothing:
 * MEETING_NOT_HELD when its date is after `today` (R7).
 */
export function checkDecisionRecord(facts: DirectoryFacts, meeting: MeetingFact, today: IsoDate): Refusal[] {
  if (meeting.date <= today) return [];
  return [
    violation('MEETING_NOT_HELD', `${describeMeeting(facts, meeting)}尚未召开（今天是${today}），会前不能登记其决定（R7）`, {
      meetingId: meeting.id, meetingDate: meeting.date, today,
    }),
  ];
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
  /**
   * 签发日期: the day the change is signed and applied (the service's today). Null when recorded data is checked
   * (an import, a decision's own problems): then no signatory is required and a decision's age is measured to the
   * effective date.
   */
  readonly signedOn: IsoDate | null;
  /** 文号 of the change: a re-division must be the one its decision approved. */
  readonly document: string | null;
  /** Re-divisions already applied (any decision; those citing this one make it used). */
  readonly uses: readonly DecisionUse[];
}

/**
 * Checks that a write in a collective category cites a decision that may carry it (R7), and that its signatory
 * may sign it (R5). A ROUTINE write needs no decision: [].
 * Seed: "对明确的“三重一大”问题,要坚持“集体领导、民主集中、个别酝酿、会议决定”来进行集体决策,不搞一言堂,不搞个人说了算。"
 * docs/rules.md R7: one person cannot change the division of labour alone. docs/rules.md R5: acting powers do not
 * include 三重一大 matters or changes to the division of labour.
 *
 * Decision, in this order: none cited or id unknown → COLLECTIVE_DECISION_REQUIRED (nothing more is checked about
 * it); another government's decision, or its meeting not recorded → UNKNOWN_REFERENCE (nothing more either); then
 * each that applies: DECISION_CATEGORY_MISMATCH, MEETING_KIND_NOT_ALLOWED, MEETING_NOT_HELD (its meeting is dated
 * after the signing date), QUORUM_NOT_MET (details: present, required, teamSize; absent attendees do not count),
 * DECISION_AFTER_EFFECTIVE_DATE (a meeting on the effective date itself is in time), DECISION_STALE (older than
 * rules.decisionMaxAgeDays on the signing date, or taken before the presiding leader of that date took office: the
 * previous team's mandate ends with it); for a re-division also DECISION_SCOPE_MISMATCH (the decision approved
 * another 文号, or none) and DECISION_ALREADY_USED (an applied re-division already used it: a decision authorizes
 * one change).
 * Signatory: for a re-division being signed (signedOn set) SIGNATORY_REQUIRED when none is named; when named:
 * UNKNOWN_REFERENCE, NOT_IN_TEAM, then for a re-division he must preside in his own right on the signing date —
 * SIGNATORY_ABSENT (he presides but is away), ACTING_POWERS_EXCLUDED (he only stands in for the presiding leader),
 * SIGNATORY_NOT_PRESIDING (anyone else); for a 三重一大 matter ACTING_POWERS_EXCLUDED when he stands in for the
 * presiding leader. SIGNED_AFTER_EFFECTIVE_DATE when the signing date is after the effective date.
 * Every violation has itemIndex null.
 *
 * @example checkCollectiveDecision(facts, { decisionId: null, category: 'DIVISION_OF_LABOUR', effectiveDate: '2026-04-01', issuedById: null, signedOn: null, document: null, uses: [] })
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
    ...heldViolations(facts, request, decision, meeting),
    ...quorumViolations(facts, request, decision, meeting),
    ...timingViolations(facts, request, decision, meeting),
    ...staleViolations(facts, request, decision, meeting),
    ...(request.category === 'DIVISION_OF_LABOUR' && decision.category === 'DIVISION_OF_LABOUR' ? scopeViolations(request, decision) : []),
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

function heldViolations(facts: DirectoryFacts, request: CollectiveDecisionRequest, decision: DecisionFact, meeting: MeetingFact): Refusal[] {
  if (request.signedOn === null || meeting.date <= request.signedOn) return [];
  return [
    violation('MEETING_NOT_HELD', `${describeMeeting(facts, meeting)}尚未召开（签发日${request.signedOn}），未开的会不能作出决定（R7）`, {
      decisionId: decision.id, meetingId: meeting.id, meetingDate: meeting.date, signedOn: request.signedOn,
    }),
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

/** The day the presiding leader of `on` took office: the start of his unbroken run of PRESIDES lines. */
function presidingSince(facts: DirectoryFacts, on: IsoDate): { readonly leaderId: string; readonly since: IsoDate } | null {
  const presiding = presidingOn(facts, on);
  if (presiding === null) return null;
  let since = presiding.assignment.validFrom;
  for (;;) {
    const earlier = facts.assignments.find(
      (a) => a.kind === 'PRESIDES' && a.leaderId === presiding.leaderId && a.validTo === since && a.validFrom < since,
    );
    if (earlier === undefined) return { leaderId: presiding.leaderId, since };
    since = earlier.validFrom;
  }
}

function staleViolations(facts: DirectoryFacts, request: CollectiveDecisionRequest, decision: DecisionFact, meeting: MeetingFact): Refusal[] {
  const on = request.signedOn ?? request.effectiveDate;
  const limit = facts.rules.decisionMaxAgeDays;
  const age = daysBetween(meeting.date, on);
  const found: Refusal[] = [];
  if (age > limit) {
    found.push(
      violation(
        'DECISION_STALE',
        `${describeMeeting(facts, meeting)}作出的决定到${on}已过${age}天，超过本级政府规定的${limit}天时限，须重新提请会议研究（R7）`,
        { decisionId: decision.id, meetingDate: meeting.date, on, ageDays: age, maxAgeDays: limit },
      ),
    );
  }
  const mandate = presidingSince(facts, on);
  if (mandate !== null && meeting.date < mandate.since) {
    found.push(
      violation(
        'DECISION_STALE',
        `${describeMeeting(facts, meeting)}早于${leaderName(facts, mandate.leaderId)}${mandate.since}起主持${facts.jurisdiction.name}政府工作：上一届班子的决定随其任期结束，须由本届班子重新研究（R7）`,
        { decisionId: decision.id, meetingDate: meeting.date, presidingLeaderId: mandate.leaderId, presidingSince: mandate.since },
      ),
    );
  }
  return found;
}

/** A re-division decision approves one proposal (原则同意…调整方案) and authorizes that one change. */
function scopeViolations(request: CollectiveDecisionRequest, decision: DecisionFact): Refusal[] {
  const found: Refusal[] = [];
  const approved = decision.approvesDocument ?? null;
  if (approved === null) {
    found.push(
      violation('DECISION_SCOPE_MISMATCH', `所引用的决定「${decision.text}」未载明批准的是哪一份分工调整方案（文号），不能据以调整分工（R7）`, {
        decisionId: decision.id, approvesDocument: null, document: request.document,
      }),
    );
  } else if (request.document !== approved) {
    found.push(
      violation(
        'DECISION_SCOPE_MISMATCH',
        `所引用的决定批准的是${approved}，不是${request.document === null ? '未写文号的本次调整' : request.document}：一个决定只授权它批准的那一份调整方案（R7）`,
        { decisionId: decision.id, approvesDocument: approved, document: request.document },
      ),
    );
  }
  const used = request.uses.filter((u) => u.decisionId === decision.id);
  if (used.length > 0) {
    found.push(
      violation(
        'DECISION_ALREADY_USED',
        `所引用的决定已用于${used.map((u) => u.document ?? u.changesetId).join('、')}：一个决定只授权一次分工调整，再次调整须重新提请会议研究（R7）`,
        { decisionId: decision.id, usedBy: used.map((u) => u.changesetId) },
      ),
    );
  }
  return found;
}

/**
 * The signatory (签发人) must be named when a re-division is signed, must be on the team, and must preside in his
 * own right on the signing date (R5: acting powers exclude the division of labour and 三重一大).
 */
function signatoryViolations(facts: DirectoryFacts, request: CollectiveDecisionRequest): Refusal[] {
  const issuerId = request.issuedById;
  const division = request.category === 'DIVISION_OF_LABOUR';
  const label = decisionCategoryLabel(request.category);
  const late =
    request.signedOn !== null && request.signedOn > request.effectiveDate
      ? [
          violation('SIGNED_AFTER_EFFECTIVE_DATE', `签发日${request.signedOn}晚于生效日期${request.effectiveDate}：${label}须先签发、后生效，不能追溯生效`, {
            signedOn: request.signedOn, effectiveDate: request.effectiveDate,
          }),
        ]
      : [];
  if (issuerId === null) {
    if (!division || request.signedOn === null) return late;
    return [violation('SIGNATORY_REQUIRED', `未写明签发人：${label}须由主持${facts.jurisdiction.name}政府全面工作的领导签发`, {}), ...late];
  }
  const on = request.signedOn ?? request.effectiveDate;
  const government = `${facts.jurisdiction.name}政府`;
  if (!facts.leaders.some((l) => l.id === issuerId && l.jurisdictionId === facts.jurisdiction.id)) {
    return [violation('UNKNOWN_REFERENCE', `找不到签发人：${issuerId}`, { issuedById: issuerId }), ...late];
  }
  const issuer = leaderName(facts, issuerId);
  if (!leadershipTeam(facts, on).some((m) => m.leader.id === issuerId)) {
    return [violation('NOT_IN_TEAM', `签发人${issuer}在${on}不是${government}班子成员`, { issuedById: issuerId, on }), ...late];
  }
  const presiding = presidingOn(facts, on);
  if (presiding !== null && presiding.leaderId === issuerId) {
    const away = absenceOn(facts, issuerId, on);
    if (away === null || !division) return late;
    return [
      violation('SIGNATORY_ABSENT', `签发人${issuer}在${on}不在岗（${away.reason}），不能签发${label}`, { issuedById: issuerId, absenceId: away.id, on }),
      ...late,
    ];
  }
  const cover = presiding === null ? null : actingCover(facts, presiding.leaderId, on);
  if (presiding !== null && cover !== null && cover.actorId === issuerId) {
    const head = leaderName(facts, presiding.leaderId);
    return [
      violation(
        'ACTING_POWERS_EXCLUDED',
        `${head}在${on}不在岗，${issuer}代行其工作；代行不含“三重一大”事项和分工调整，${issuer}不能签发${label}（R5）`,
        { issuedById: issuerId, actingForId: presiding.leaderId, absenceId: cover.absence.id, on },
      ),
      ...late,
    ];
  }
  if (!division) return late;
  const who = presiding === null ? '' : `（${on}主持工作的是${leaderName(facts, presiding.leaderId)}）`;
  return [
    violation('SIGNATORY_NOT_PRESIDING', `签发人${issuer}在${on}不主持${government}全面工作${who}：分工调整须由主持全面工作的领导本人签发`, {
      issuedById: issuerId, presidingLeaderId: presiding?.leaderId ?? null, on,
    }),
    ...late,
  ];
}

/**
 * The uses of decisions the recorded division itself shows: every line and AB pair that cites a decision used it
 * (once per decision and 文号). Services add the applied changesets (which may only have ended lines).
 */
export function recordedDecisionUses(facts: DirectoryFacts): DecisionUse[] {
  const uses = new Map<string, DecisionUse>();
  for (const line of facts.assignments) {
    if (line.decisionId === null) continue;
    const key = `${line.decisionId}|${line.document ?? ''}`;
    if (!uses.has(key)) uses.set(key, { changesetId: line.id, decisionId: line.decisionId, document: line.document });
  }
  for (const pair of facts.backups) {
    if (pair.decisionId === null || [...uses.values()].some((u) => u.decisionId === pair.decisionId)) continue;
    uses.set(`${pair.decisionId}|`, { changesetId: pair.id, decisionId: pair.decisionId, document: null });
  }
  return [...uses.values()];
}

/**
 * R5's other half: a leader who only acts for an absent one may not exercise the absent leader's powers over a
 * collective matter (三重一大, or the division of labour) concerning the unit. For every write that lets a leader act
 * on such a matter for a unit (a major key task, a directive citing a 三重一大 decision): ACTING_POWERS_EXCLUDED when
 * his strongest tie to the unit on `on` is standing in for its absent supervisor (R6 basis ACTING_FOR). [] for
 * ROUTINE matters, and for powers of his own (SUPERVISES, ASSISTS, HEAD — the head acting on an excepted line keeps R2).
 * DESIGN R5: "Acting powers exclude 三重一大 and changes to the division of labour."
 *
 * @example checkActingPowers(facts, { actorId: 'leader:zhao-min', departmentId: 'dept:justice', category: 'LARGE_FUND', on: '2026-02-03' }) // [ACTING_POWERS_EXCLUDED]
 */
export function checkActingPowers(
  facts: DirectoryFacts,
  request: { readonly actorId: string; readonly departmentId: string; readonly category: DecisionCategory; readonly on: IsoDate },
): Refusal[] {
  if (!COLLECTIVE_CATEGORIES.includes(request.category)) return [];
  const verdict = canDirect(facts, request.actorId, request.departmentId, request.on);
  // Only a tie that is nothing but standing in: HEAD, SUPERVISES and ASSISTS are powers of his own.
  if (!verdict.allowed || verdict.basis !== 'ACTING_FOR' || verdict.actingForId === null) return [];
  const absent = leaderName(facts, verdict.actingForId);
  const actor = leaderName(facts, request.actorId);
  const unit = facts.departments.find((d) => d.id === request.departmentId)?.name ?? request.departmentId;
  const label = decisionCategoryLabel(request.category);
  return [
    violation(
      'ACTING_POWERS_EXCLUDED',
      `${absent}在${request.on}不在岗，${actor}代行其分管的${unit}工作；代行不含“三重一大”事项和分工调整，${actor}不能代${absent}办理${label}事项（R5）`,
      { actorId: request.actorId, actingForId: verdict.actingForId, departmentId: request.departmentId, category: request.category, on: request.on },
    ),
  ];
}
