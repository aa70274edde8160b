// Pure: no I/O, no clock. Implements R10: coverage of the division of labour on a date (gaps, overlaps, load, absences).
import type { DirectoryFacts, IsoDate } from './facts';
import type { ActingCover } from './verdict';
import { UnreachableCaseError } from './errors';
import { covers } from './interval';
import { compareText } from './order';
import { compareByProtocol, leadershipTeam, protocolRanks } from './team';
import { compareDepartments, isGovernmentLine, linesForDepartment, linesOfLeader, orphanedAssists } from './portfolio';
import { actingCover } from './acting';

/** Counts of one leader's lines in force on the date, by kind. */
export interface LeaderLoad {
  readonly leaderId: string;
  readonly presides: number;
  readonly responsibleFor: number;
  readonly supervises: number;
  readonly liaisesWith: number;
  readonly assists: number;
  readonly coordinates: number;
  readonly total: number;
}

/** The R10 picture of one date. */
export interface Coverage {
  /** Government-line units active on the date with no supervising leader. */
  readonly gapDepartmentIds: readonly string[];
  /** Units with more than one supervising leader (shown, allowed), leaders in protocol order. */
  readonly overlaps: readonly { readonly departmentId: string; readonly leaderIds: readonly string[] }[];
  /** Every team member, in protocol order. */
  readonly load: readonly LeaderLoad[];
  /** Every team member away on the date, with who acts for him. */
  readonly absences: readonly ActingCover[];
  /** Those absences not covered by a present AB partner (fallback to the designated or presiding leader, or nobody). */
  readonly absentWithoutCover: readonly ActingCover[];
  /** Units outside the government's line (R4) active on the date that no leader liaises with. */
  readonly unliaisedExternalDepartmentIds: readonly string[];
  /** ASSISTS lines whose principal no longer holds their target. */
  readonly orphanedAssistIds: readonly string[];
}

/**
 * Coverage of the division of labour on `on` (R10), seed: "就是要把责任明确到分管领导,明确到牵头单位,明确到责任主体,
 * 打板子找到人". Departments are listed in compareDepartments order.
 *
 * @example coverage(facts, '2026-04-15').gapDepartmentIds // ['dept:statistics']
 */
export function coverage(facts: DirectoryFacts, on: IsoDate): Coverage {
  const byProtocol = compareByProtocol(protocolRanks(facts, on));
  const active = facts.departments.filter((d) => covers(d, on)).sort(compareDepartments);
  const supervisorsOf = (departmentId: string): string[] => [
    ...new Set(linesForDepartment(facts, departmentId, on).filter((l) => l.kind === 'SUPERVISES').map((l) => l.leaderId)),
  ];
  const team = leadershipTeam(facts, on);
  const absences = team
    .map((m) => actingCover(facts, m.leader.id, on))
    .filter((c): c is ActingCover => c !== null);
  return {
    gapDepartmentIds: active.filter((d) => isGovernmentLine(d.kind) && supervisorsOf(d.id).length === 0).map((d) => d.id),
    overlaps: active
      .map((d) => ({ departmentId: d.id, leaderIds: supervisorsOf(d.id).sort(byProtocol) }))
      .filter((o) => o.leaderIds.length > 1),
    load: team.map((m) => leaderLoad(facts, m.leader.id, on)),
    absences,
    absentWithoutCover: absences.filter((c) => c.basis !== 'BACKUP'),
    unliaisedExternalDepartmentIds: active
      .filter(
        (d) => !isGovernmentLine(d.kind) && !linesForDepartment(facts, d.id, on).some((l) => l.kind === 'LIAISES_WITH'),
      )
      .map((d) => d.id),
    orphanedAssistIds: orphanedAssists(facts, on)
      .map((l) => l.id)
      .sort(compareText),
  };
}

function leaderLoad(facts: DirectoryFacts, leaderId: string, on: IsoDate): LeaderLoad {
  const load = { leaderId, presides: 0, responsibleFor: 0, supervises: 0, liaisesWith: 0, assists: 0, coordinates: 0, total: 0 };
  for (const line of linesOfLeader(facts, leaderId, on)) {
    load.total += 1;
    switch (line.kind) {
      case 'PRESIDES':
        load.presides += 1;
        break;
      case 'RESPONSIBLE_FOR':
        load.responsibleFor += 1;
        break;
      case 'SUPERVISES':
        load.supervises += 1;
        break;
      case 'LIAISES_WITH':
        load.liaisesWith += 1;
        break;
      case 'ASSISTS':
        load.assists += 1;
        break;
      case 'COORDINATES':
        load.coordinates += 1;
        break;
      default:
        throw new UnreachableCaseError(line.kind);
    }
  }
  return load;
}
