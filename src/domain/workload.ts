// Pure: no I/O, no clock. The work dashboards' numbers on a date: per leader and per unit, key tasks by derived status,
// open and overdue directives, cross-portfolio directives (R9: every use of the general authority is visible).
import type { DirectoryFacts, IsoDate } from './facts';
import { covers } from './interval';
import { compareDepartments, linesOfLeader } from './portfolio';
import { leadershipTeam } from './team';
import { TASK_STATUSES, taskStatus } from './key-task';
import type { KeyTaskFact, ProgressReportFact, TaskStatus } from './key-task';
import { isDirectiveOpen, isDirectiveOverdue } from './directive';
import type { DirectiveFact } from './directive';

/** The key work of one government: its tasks, their progress reports and its directives, all history included. */
export interface KeyWorkFacts {
  readonly tasks: readonly KeyTaskFact[];
  readonly progressReports: readonly ProgressReportFact[];
  readonly directives: readonly DirectiveFact[];
}

export type TasksByStatus = Readonly<Record<TaskStatus, number>>;

export interface LeaderWorkload {
  readonly leaderId: string;
  /** Units he SUPERVISES on the date. */
  readonly unitsSupervised: number;
  /** Tasks he is the supervising leader of, created by the date, by derived status. */
  readonly tasksByStatus: TasksByStatus;
  /** Directives he issued that are open on the date. */
  readonly openDirectivesIssued: number;
  /** Open directives to the units he supervises on the date. */
  readonly openDirectivesReceived: number;
  /** His OVERDUE tasks plus overdue directives to the units he supervises. */
  readonly overdueItems: number;
  /** Cross-portfolio directives he issued (by the date), and those of them citing no decision. */
  readonly crossPortfolioIssued: number;
  readonly crossPortfolioIssuedWithoutDecision: number;
  /** Cross-portfolio directives issued by others to the units he supervises on the date. */
  readonly crossPortfolioReceived: number;
}

export interface UnitWorkload {
  readonly departmentId: string;
  /** Tasks the unit leads, by derived status. */
  readonly ledTasksByStatus: TasksByStatus;
  /** Tasks the unit is a responsible unit of, by derived status. */
  readonly responsibleTasksByStatus: TasksByStatus;
  readonly openDirectives: number;
  /** OVERDUE tasks it leads or is responsible for, plus its overdue directives. */
  readonly overdueItems: number;
  /** Cross-portfolio directives it received (by the date), and those citing no decision. */
  readonly crossPortfolioReceived: number;
  readonly crossPortfolioReceivedWithoutDecision: number;
}

export interface Workload {
  readonly on: IsoDate;
  /** Every team member on the date, in protocol order. */
  readonly leaders: readonly LeaderWorkload[];
  /** Every unit active on the date (compareDepartments order). */
  readonly units: readonly UnitWorkload[];
}

/**
 * The work dashboards' numbers on `on` (docs/domain.md, dashboards: key tasks and overdue work by leader and unit). Tasks count from
 * their creation date and directives from their issue date (R12: nothing later is seen); statuses are derived on
 * `on` (taskStatus, directiveStatusOn). Facts of other governments are ignored.
 *
 * @example workload(facts, work, '2026-05-01').leaders[0].tasksByStatus // { NOT_STARTED: 0, ON_TRACK: 1, AT_RISK: 0, OVERDUE: 1, COMPLETED: 0 }
 */
export function workload(facts: DirectoryFacts, work: KeyWorkFacts, on: IsoDate): Workload {
  const here = facts.jurisdiction.id;
  const tasks = work.tasks
    .filter((t) => t.jurisdictionId === here && t.createdOn <= on)
    .map((task) => ({ task, status: taskStatus(task, work.progressReports, on).status }));
  const directives = work.directives.filter((d) => d.jurisdictionId === here && d.issuedOn <= on);
  const supervised = (leaderId: string): Set<string> =>
    new Set(linesOfLeader(facts, leaderId, on).filter((l) => l.kind === 'SUPERVISES' && l.departmentId !== null).map((l) => l.departmentId ?? ''));

  const leaders = leadershipTeam(facts, on).map((member): LeaderWorkload => {
    const id = member.leader.id;
    const units = supervised(id);
    const own = tasks.filter((t) => t.task.supervisingLeaderId === id);
    const received = directives.filter((d) => units.has(d.departmentId));
    const issued = directives.filter((d) => d.issuerId === id);
    const cross = issued.filter((d) => d.crossPortfolio);
    return {
      leaderId: id,
      unitsSupervised: units.size,
      tasksByStatus: byStatus(own.map((t) => t.status)),
      openDirectivesIssued: issued.filter((d) => isDirectiveOpen(d, on)).length,
      openDirectivesReceived: received.filter((d) => isDirectiveOpen(d, on)).length,
      overdueItems: own.filter((t) => t.status === 'OVERDUE').length + received.filter((d) => isDirectiveOverdue(d, on)).length,
      crossPortfolioIssued: cross.length,
      crossPortfolioIssuedWithoutDecision: cross.filter((d) => d.decisionId === null).length,
      crossPortfolioReceived: received.filter((d) => d.crossPortfolio && d.issuerId !== id).length,
    };
  });

  const units = facts.departments
    .filter((d) => d.jurisdictionId === here && covers(d, on))
    .sort(compareDepartments)
    .map((unit): UnitWorkload => {
      const led = tasks.filter((t) => t.task.leadUnitId === unit.id);
      const responsible = tasks.filter((t) => t.task.responsibleUnitIds.includes(unit.id));
      const mine = directives.filter((d) => d.departmentId === unit.id);
      const cross = mine.filter((d) => d.crossPortfolio);
      return {
        departmentId: unit.id,
        ledTasksByStatus: byStatus(led.map((t) => t.status)),
        responsibleTasksByStatus: byStatus(responsible.map((t) => t.status)),
        openDirectives: mine.filter((d) => isDirectiveOpen(d, on)).length,
        overdueItems:
          [...led, ...responsible].filter((t) => t.status === 'OVERDUE').length + mine.filter((d) => isDirectiveOverdue(d, on)).length,
        crossPortfolioReceived: cross.length,
        crossPortfolioReceivedWithoutDecision: cross.filter((d) => d.decisionId === null).length,
      };
    });
  return { on, leaders, units };
}

function byStatus(statuses: readonly TaskStatus[]): TasksByStatus {
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const s of statuses) counts[s] += 1;
  return counts;
}

