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
