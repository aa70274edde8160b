// Pure: no I/O, no clock. Implements R5's write rule for absences: partners may not be away together unless a third person is designated.
import type { AbsenceFact, DirectoryFacts, IsoDate } from './facts';
import type { Refusal, ViolationCode } from './violation';
import { describeAbsence, leaderName } from './describe';
import { leadershipTeam } from './team';
import { overlaps } from './interval';
import { partnerAbsenceConflicts } from './acting';

/** An absence about to be recorded: A is away over [validFrom, validTo); validTo null = return date not yet known. */
export interface AbsenceRequest {
  readonly leaderId: string;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  /** The person the government office designates to act, if any (R5). */
  readonly designatedActorId: string | null;
}

/** Stands for the proposed absence among the recorded ones while the shared conflict rule runs. */
const PROPOSED_ABSENCE_ID = 'absence:(proposed)';

/**
 * May this absence be recorded? (R5 AB角: "While A has an Absence covering D, A's backup B acts for A … Partners'
 * absences must not overlap (refused unless a third person is designated).") Every violation has itemIndex null:
 * UNKNOWN_REFERENCE / NOT_IN_TEAM (on validFrom) for the leader and for the designated actor; INVALID_INTERVAL
 * (validTo not after validFrom); ABSENCE_OVERLAP, once per recorded absence of the same leader it overlaps;
 * PARTNER_ABSENCES_OVERLAP, once per recorded absence of an AB partner (either direction of a pair in force on a
 * day of both absences) that it overlaps while neither absence designates someone other than the two partners —
 * the same rule as partnerAbsenceConflicts.
 *
 * @example checkAbsence(facts, { leaderId: 'leader:zhao-min', validFrom: '2026-02-03', validTo: '2026-02-05', designatedActorId: null })
 * // [{ code: 'PARTNER_ABSENCES_OVERLAP', … }]: 王强, whose B she is, is away then
 */
export function checkAbsence(facts: DirectoryFacts, absence: AbsenceRequest): Refusal[] {
  const found = [
    ...memberViolations(facts, absence.leaderId, absence.validFrom, '请假人', 'leaderId'),
    ...(absence.designatedActorId === null
      ? []
      : memberViolations(facts, absence.designatedActorId, absence.validFrom, '指定代行人', 'designatedActorId')),
  ];
  if (absence.validTo !== null && absence.validTo <= absence.validFrom) {
    found.push(
      violation('INVALID_INTERVAL', `返岗日期${absence.validTo}须晚于离岗日期${absence.validFrom}`, {
        validFrom: absence.validFrom,
        validTo: absence.validTo,
      }),
    );
  }
  const proposed: AbsenceFact = {
    id: PROPOSED_ABSENCE_ID,
    leaderId: absence.leaderId,
    reason: '',
    designatedActorId: absence.designatedActorId,
    validFrom: absence.validFrom,
    validTo: absence.validTo,
  };
  for (const other of facts.absences) {
    if (other.leaderId !== absence.leaderId || !overlaps(other, proposed)) continue;
    found.push(
      violation('ABSENCE_OVERLAP', `与已登记的不在岗时间重叠：${describeAbsence(facts, other)}`, { absenceId: other.id }),
    );
  }
  return [...found, ...partnerViolations(facts, proposed)];
}

function violation(code: ViolationCode, message: string, details: Record<string, unknown>): Refusal {
  return { itemIndex: null, code, message, details };
}

function memberViolations(facts: DirectoryFacts, leaderId: string, on: IsoDate, role: string, field: string): Refusal[] {
  if (!facts.leaders.some((l) => l.id === leaderId && l.jurisdictionId === facts.jurisdiction.id)) {
    return [violation('UNKNOWN_REFERENCE', `找不到${role}：${leaderId}`, { [field]: leaderId })];
  }
  if (leadershipTeam(facts, on).some((m) => m.leader.id === leaderId)) return [];
  return [
    violation('NOT_IN_TEAM', `${role}${leaderName(facts, leaderId)}在${on}不是${facts.jurisdiction.name}政府班子成员`, {
      [field]: leaderId,
      on,
    }),
  ];
}

function partnerViolations(facts: DirectoryFacts, proposed: AbsenceFact): Refusal[] {
  const withProposed: DirectoryFacts = { ...facts, absences: [...facts.absences, proposed] };
  // Both directions of a pair (A→B and B→A) may report the same partner absence: once is enough.
  const byPartnerAbsence = new Map<string, string[]>();
  for (const conflict of partnerAbsenceConflicts(withProposed)) {
    const [a, b] = conflict.absenceIds;
    if (a !== PROPOSED_ABSENCE_ID && b !== PROPOSED_ABSENCE_ID) continue;
    const other = a === PROPOSED_ABSENCE_ID ? b : a;
    byPartnerAbsence.set(other, [...(byPartnerAbsence.get(other) ?? []), conflict.backupId]);
  }
  const who = leaderName(facts, proposed.leaderId);
  return facts.absences
    .filter((other) => byPartnerAbsence.has(other.id))
    .map((other) =>
      violation(
        'PARTNER_ABSENCES_OVERLAP',
        `${who}与AB角搭档${leaderName(facts, other.leaderId)}不能同时不在岗：${describeAbsence(facts, other)}；如确需同时离岗，须指定第三人代行（R5）`,
        { absenceId: other.id, backupIds: byPartnerAbsence.get(other.id) ?? [] },
      ),
    );
}

/** A change to a recorded absence: an early return, an extension, a designated stand-in, a corrected reason. */
export interface AbsenceUpdate {
  readonly absenceId: string;
  /** The new first day back (exclusive end); null = return date not known; undefined = unchanged. */
  readonly validTo?: IsoDate | null;
  /** The person the office designates to act; null = nobody; undefined = unchanged. */
  readonly designatedActorId?: string | null;
  readonly reason?: string;
}

/** The absence as it would be after an update, and why the update cannot be made (empty when it can). */
export interface AbsenceUpdatePlan {
  readonly before: AbsenceFact | null;
  readonly after: AbsenceFact | null;
  readonly violations: readonly Refusal[];
}

/**
 * Plans a change to a recorded absence (R5: who acts follows at once), checked like a new absence against every
 * other one: UNKNOWN_REFERENCE (no such absence of this government), INVALID_INTERVAL (the return is not after
 * the first day away), NO_CHANGE (nothing would change), then checkAbsence's rules on the absence as it would be —
 * ABSENCE_OVERLAP, PARTNER_ABSENCES_OVERLAP (an extension that makes AB partners away together with nobody
 * designated), NOT_IN_TEAM / UNKNOWN_REFERENCE for a designated actor.
 *
 * @example planAbsenceUpdate(facts, { absenceId: 'absence:wang-qiang-trip', validTo: '2026-02-04' }).after?.validTo // '2026-02-04'
 */
export function planAbsenceUpdate(facts: DirectoryFacts, update: AbsenceUpdate): AbsenceUpdatePlan {
  const team = new Set(facts.leaders.filter((l) => l.jurisdictionId === facts.jurisdiction.id).map((l) => l.id));
  const before = facts.absences.find((a) => a.id === update.absenceId && team.has(a.leaderId)) ?? null;
  if (before === null) {
    return { before, after: null, violations: [violation('UNKNOWN_REFERENCE', `找不到不在岗记录：${update.absenceId}`, { absenceId: update.absenceId })] };
  }
  const after: AbsenceFact = {
    ...before,
    validTo: update.validTo === undefined ? before.validTo : update.validTo,
    designatedActorId: update.designatedActorId === undefined ? before.designatedActorId : update.designatedActorId,
    reason: update.reason ?? before.reason,
  };
  if (after.validTo === before.validTo && after.designatedActorId === before.designatedActorId && after.reason === before.reason) {
    return { before, after, violations: [violation('NO_CHANGE', `${describeAbsence(facts, before)}：所作修改与现有记录相同，本次不改变任何安排`, { absenceId: before.id })] };
  }
  const others: DirectoryFacts = { ...facts, absences: facts.absences.filter((a) => a.id !== before.id) };
  // Only what the update brings about counts: a conflict the absence already had is not this update's doing.
  const key = (v: Refusal) => `${v.code}|${JSON.stringify(v.details)}`;
  const already = new Set(checkAbsence(others, before).map(key));
  const violations = checkAbsence(others, after).filter((v) => !already.has(key(v)));
  return { before, after, violations };
}

/**
 * Plans an early return: the leader is back at his post from `on` (exclusive end of the absence). `on` must fall
 * after the first day away and before the recorded return (INVALID_INTERVAL otherwise; extending is updateAbsence's);
 * on the recorded return day itself it changes nothing (NO_CHANGE).
 */
export function planEndAbsence(facts: DirectoryFacts, absenceId: string, on: IsoDate): AbsenceUpdatePlan {
  const absence = facts.absences.find((a) => a.id === absenceId);
  if (absence !== undefined && absence.validTo === on) {
    return { before: absence, after: absence, violations: [violation('NO_CHANGE', `${describeAbsence(facts, absence)}：本来就于${on}返岗`, { absenceId, on })] };
  }
  if (absence !== undefined && (on <= absence.validFrom || (absence.validTo !== null && on > absence.validTo))) {
    const range = `${absence.validFrom}之后${absence.validTo === null ? '' : `、${absence.validTo}之前`}`;
    return {
      before: absence,
      after: null,
      violations: [violation('INVALID_INTERVAL', `提前返岗日期${on}须在${range}（延长请用 updateAbsence）`, { absenceId, on, validFrom: absence.validFrom, validTo: absence.validTo })],
    };
  }
  return planAbsenceUpdate(facts, { absenceId, validTo: on });
}
