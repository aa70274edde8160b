// Pure: no I/O, no clock. Implements R5 (AB角): who acts for an absent leader on a date, and partner-absence conflicts.
import type { ActingBasis } from './vocabulary';
import type { AbsenceFact, AssignmentFact, BackupFact, DirectoryFacts, Interval, IsoDate } from './facts';
import type { ActingCover, ChainStep } from './verdict';
import { UnreachableCaseError } from './errors';
import { covers, overlaps } from './interval';
import { absenceStep, backupStep, leaderName, lineStep, ruleStep, targetLabel } from './describe';
import { compareBy, compareText } from './order';
import { leadershipTeam, presidingOn } from './team';
import type { Presiding } from './team';
import { linesOfLeader, lineTargetId } from './portfolio';

/** The leader's absence covering `on` (the earliest-starting if records overlap), or null when he is at his post. */
export function absenceOn(facts: DirectoryFacts, leaderId: string, on: IsoDate): AbsenceFact | null {
  const found = facts.absences
    .filter((a) => a.leaderId === leaderId && covers(a, on))
    .sort((a, b) => compareBy(compareText(a.validFrom, b.validFrom), compareText(a.id, b.id)));
  return found[0] ?? null;
}

/** True when the leader has an absence covering `on` (R5). */
export function isAway(facts: DirectoryFacts, leaderId: string, on: IsoDate): boolean {
  return absenceOn(facts, leaderId, on) !== null;
}

/** The AB pair in force on `on` whose A is the leader (B = backupId), or null. */
export function backupOf(facts: DirectoryFacts, leaderId: string, on: IsoDate): BackupFact | null {
  return facts.backups.find((b) => b.leaderId === leaderId && covers(b, on)) ?? null;
}

/** The presiding leader, if he can stand in for the absent leader: not the absent leader himself and not away. */
function presidingStandIn(facts: DirectoryFacts, absentLeaderId: string, on: IsoDate): Presiding | null {
  const presiding = presidingOn(facts, on);
  if (presiding === null || presiding.leaderId === absentLeaderId || isAway(facts, presiding.leaderId, on)) return null;
  return presiding;
}

function actingBasisLabel(basis: ActingBasis): string {
  switch (basis) {
    case 'BACKUP':
      return 'B角代行';
    case 'DESIGNATED':
      return '区政府办公室指定代行';
    case 'PRESIDING':
      return '由主持全面工作的领导代行';
    default:
      throw new UnreachableCaseError(basis);
  }
}

/**
 * Who acts for the leader on `on` while he is away (R5 AB角), or null when he is not away.
 * docs/rules.md R5: while A has an absence covering D, A's backup B acts for A; depth one: B's own backup is not
 * followed; if B is away too, the person the government office designates, else the presiding leader, acts.
 * Resolution: B if present (BACKUP); else the absence's designated actor if present (DESIGNATED); else the
 * presiding leader if he is not A and present (PRESIDING); else nobody (actorId null, basis null).
 * `exceptions`: A's lines whose unit or area the pair excepts ("分管公安工作的副市长，公安有关工作原则上不由其他领导
 * 代行") pass to the presiding leader instead of B (null when he cannot act).
 *
 * @example actingCover(facts, 'leader:wang-qiang', '2026-02-03') // { actorId: 'leader:zhao-min', basis: 'BACKUP', … }
 */
export function actingCover(facts: DirectoryFacts, absentLeaderId: string, on: IsoDate): ActingCover | null {
  const absence = absenceOn(facts, absentLeaderId, on);
  if (absence === null) return null;
  const absent = leaderName(facts, absentLeaderId);
  const chain: ChainStep[] = [absenceStep(facts, absence)];
  const backup = backupOf(facts, absentLeaderId, on);
  const presiding = presidingStandIn(facts, absentLeaderId, on);
  let resolved: { readonly actorId: string; readonly basis: ActingBasis } | null = null;

  if (backup === null) {
    chain.push(ruleStep(`${absent}在${on}没有B角`));
  } else {
    chain.push(backupStep(facts, backup));
    const backupAbsence = absenceOn(facts, backup.backupId, on);
    if (backupAbsence === null) {
      resolved = { actorId: backup.backupId, basis: 'BACKUP' };
    } else {
      const b = leaderName(facts, backup.backupId);
      chain.push(absenceStep(facts, backupAbsence, `；B角只顺延一层，不再找${b}的B角（R5）`));
    }
  }
  if (resolved === null && absence.designatedActorId !== null) {
    const designated = leaderName(facts, absence.designatedActorId);
    const designatedAbsence = absenceOn(facts, absence.designatedActorId, on);
    if (designatedAbsence === null) {
      resolved = { actorId: absence.designatedActorId, basis: 'DESIGNATED' };
      chain.push({ kind: 'ABSENCE', factId: absence.id, text: `区政府办公室指定${designated}代行${absent}的工作` });
    } else {
      chain.push(absenceStep(facts, designatedAbsence, `；被指定代行的${designated}同时不在岗`));
    }
  }
  if (resolved === null) {
    // Both partners away: the third person designated for one partner's absence covers both partners' lines.
    const shared = partnerDesignation(facts, absentLeaderId, on);
    if (shared !== null) {
      resolved = { actorId: shared.actorId, basis: 'DESIGNATED' };
      chain.push({
        kind: 'ABSENCE',
        factId: shared.absence.id,
        text: `AB角搭档${leaderName(facts, shared.absence.leaderId)}同时不在岗，区政府办公室指定的${leaderName(facts, shared.actorId)}代行两人的工作（R5）`,
      });
    }
  }
  if (resolved === null && presiding !== null) {
    resolved = { actorId: presiding.leaderId, basis: 'PRESIDING' };
    chain.push(lineStep(facts, presiding.assignment, `，由其代行${absent}的工作`));
  }

  const exceptions = backup === null ? [] : exceptedTargets(facts, backup, on).map((targetId) => ({
    targetId,
    actorId: presiding === null ? null : presiding.leaderId,
  }));
  if (exceptions.length > 0) {
    const standIn = presiding === null ? '无人可代行，请区政府办公室安排' : `由${leaderName(facts, presiding.leaderId)}代行`;
    const names = exceptions.map((e) => targetLabel(facts, e.targetId)).join('、');
    chain.push(ruleStep(`${names}不由B角代行，${standIn}（R5）`));
  }
  chain.push(
    ruleStep(
      resolved === null
        ? `无人可代行${absent}的工作，请区政府办公室指定代行人（R5）`
        : `${leaderName(facts, resolved.actorId)}代行${absent}的工作：${actingBasisLabel(resolved.basis)}（R5 AB角）`,
    ),
  );
  return {
    absentLeaderId,
    absence,
    on,
    actorId: resolved === null ? null : resolved.actorId,
    basis: resolved === null ? null : resolved.basis,
    chain,
    exceptions,
  };
}

/**
 * The third person designated for the absence of an AB partner of the leader who is away on `on` too, if he is at
 * his post (R5: partners may be away together only when a third person is designated; he covers both).
 */
function partnerDesignation(facts: DirectoryFacts, leaderId: string, on: IsoDate): { readonly actorId: string; readonly absence: AbsenceFact } | null {
  const partners = facts.backups
    .filter((b) => covers(b, on) && (b.leaderId === leaderId || b.backupId === leaderId))
    .map((b) => (b.leaderId === leaderId ? b.backupId : b.leaderId));
  for (const partner of partners) {
    const absence = absenceOn(facts, partner, on);
    const actorId = absence?.designatedActorId ?? null;
    if (absence === null || actorId === null || actorId === leaderId || actorId === partner || isAway(facts, actorId, on)) continue;
    return { actorId, absence };
  }
  return null;
}

function exceptedTargets(facts: DirectoryFacts, backup: BackupFact, on: IsoDate): string[] {
  const targets: string[] = [];
  for (const line of linesOfLeader(facts, backup.leaderId, on)) {
    const target = lineTargetId(line);
    if (target !== null && backup.exceptTargetIds.includes(target) && !targets.includes(target)) targets.push(target);
  }
  return targets;
}

/**
 * Who exercises one line on `on` when its holder is away (R5), honouring the pair's exceptions;
 * null when the holder is at his post or the line is not in force. actorId null: nobody can act.
 *
 * @example actorForLine(facts, wangQiangSupervisesPublicSecurity, '2026-02-03') // { actorId: 'leader:zhang-wei', actingForId: 'leader:wang-qiang' }
 */
export function actorForLine(
  facts: DirectoryFacts,
  line: AssignmentFact,
  on: IsoDate,
): { readonly actorId: string | null; readonly actingForId: string } | null {
  if (!covers(line, on)) return null;
  const cover = actingCover(facts, line.leaderId, on);
  if (cover === null) return null;
  const exception = cover.exceptions.find((e) => e.targetId === lineTargetId(line));
  return { actorId: exception === undefined ? cover.actorId : exception.actorId, actingForId: line.leaderId };
}

/**
 * The covers in which this leader acts on `on` for an absent team member (R5), for all his work or for
 * excepted lines only, in protocol order of the absent leaders.
 */
export function coversActedBy(facts: DirectoryFacts, leaderId: string, on: IsoDate): ActingCover[] {
  return leadershipTeam(facts, on)
    .map((m) => actingCover(facts, m.leader.id, on))
    .filter(
      (c): c is ActingCover =>
        c !== null && (c.actorId === leaderId || c.exceptions.some((e) => e.actorId === leaderId)),
    );
}

/** Two partners' absences that overlap while their AB pair is in force, with no third person designated. */
export interface PartnerAbsenceConflict {
  /** Id of the BackupFact (the pair). */
  readonly backupId: string;
  /** [A's absence, B's absence]. */
  readonly absenceIds: readonly [string, string];
}

/**
 * R5: "Partners' absences must not overlap (refused unless a third person is designated)."
 * Every pair of overlapping absences of A and B within the pair's validity where neither absence designates
 * someone other than A and B; ordered by backup id, then absence ids. For write validation.
 */
export function partnerAbsenceConflicts(facts: DirectoryFacts): PartnerAbsenceConflict[] {
  const conflicts: PartnerAbsenceConflict[] = [];
  const byId = (a: { readonly id: string }, b: { readonly id: string }): number => compareText(a.id, b.id);
  const pair = (x: AbsenceFact, backup: BackupFact): boolean =>
    x.designatedActorId === null || x.designatedActorId === backup.leaderId || x.designatedActorId === backup.backupId;
  for (const backup of [...facts.backups].sort(byId)) {
    const ofA = facts.absences.filter((x) => x.leaderId === backup.leaderId).sort(byId);
    const ofB = facts.absences.filter((x) => x.leaderId === backup.backupId).sort(byId);
    for (const a of ofA) {
      for (const b of ofB) {
        if (pair(a, backup) && pair(b, backup) && overlaps(a, b) && overlaps(intersection(a, b), backup)) {
          conflicts.push({ backupId: backup.id, absenceIds: [a.id, b.id] });
        }
      }
    }
  }
  return conflicts;
}

function intersection(a: Interval, b: Interval): Interval {
  const validFrom = a.validFrom > b.validFrom ? a.validFrom : b.validFrom;
  if (a.validTo === null) return { validFrom, validTo: b.validTo };
  if (b.validTo === null) return { validFrom, validTo: a.validTo };
  return { validFrom, validTo: a.validTo < b.validTo ? a.validTo : b.validTo };
}
