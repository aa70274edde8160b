// Pure: no I/O, no clock. The portfolio matrix (leaders × units and work areas) on a date, for dashboards (R12).
import { ASSIGNMENT_KINDS } from './vocabulary';
import type { AssignmentKind } from './vocabulary';
import type { DirectoryFacts, IsoDate } from './facts';
import { covers } from './interval';
import { compareBy, compareText } from './order';
import { compareByProtocol, leadershipTeam, protocolRanks } from './team';
import { assistIsValid, compareDepartments, linesOn } from './portfolio';

/** One line in the matrix: a leader against a unit or a work area. */
export interface MatrixCell {
  readonly leaderId: string;
  readonly departmentId: string | null;
  readonly workAreaId: string | null;
  readonly kind: AssignmentKind;
  readonly lineId: string;
  /** An ASSISTS line whose principal no longer holds its target. */
  readonly orphaned: boolean;
}

/** The axes and the cells of the portfolio matrix on one date. */
export interface PortfolioMatrix {
  /** The team, in protocol order. */
  readonly leaderIds: readonly string[];
  /** Units active on the date: government line first, then by DEPARTMENT_KINDS order, then name. */
  readonly departmentIds: readonly string[];
  /** Work areas that some cell points at, by name. */
  readonly workAreaIds: readonly string[];
  /** One cell per line with a unit or work-area target, by leader protocol rank, then kind, then line id. */
  readonly cells: readonly MatrixCell[];
}

const MATRIX_KINDS: readonly AssignmentKind[] = ['SUPERVISES', 'ASSISTS', 'LIAISES_WITH', 'RESPONSIBLE_FOR', 'COORDINATES'];

/**
 * The portfolio matrix on `on`: who 分管 / 协助 / 联系 / 负责 / 牵头协调 what (PRESIDES has no target and no cell).
 *
 * @example portfolioMatrix(facts, '2026-03-16').leaderIds[0] // 'leader:zhang-wei'
 */
export function portfolioMatrix(facts: DirectoryFacts, on: IsoDate): PortfolioMatrix {
  const byProtocol = compareByProtocol(protocolRanks(facts, on));
  const cells: MatrixCell[] = linesOn(facts, on)
    .filter((l) => MATRIX_KINDS.includes(l.kind) && (l.departmentId !== null || l.workAreaId !== null))
    .sort(
      (a, b) =>
        compareBy(
          byProtocol(a.leaderId, b.leaderId),
          ASSIGNMENT_KINDS.indexOf(a.kind) - ASSIGNMENT_KINDS.indexOf(b.kind),
          compareText(a.id, b.id),
        ),
    )
    .map((l) => ({
      leaderId: l.leaderId,
      departmentId: l.departmentId,
      workAreaId: l.workAreaId,
      kind: l.kind,
      lineId: l.id,
      orphaned: l.kind === 'ASSISTS' && !assistIsValid(facts, l, on),
    }));
  const usedAreaIds = new Set(cells.map((c) => c.workAreaId));
  return {
    leaderIds: leadershipTeam(facts, on).map((m) => m.leader.id),
    departmentIds: facts.departments
      .filter((d) => covers(d, on))
      .sort(compareDepartments)
      .map((d) => d.id),
    workAreaIds: facts.workAreas
      .filter((w) => usedAreaIds.has(w.id))
      .sort((a, b) => compareBy(compareText(a.name, b.name), compareText(a.id, b.id)))
      .map((w) => w.id),
    cells,
  };
}
