// Read use cases over a subtree of governments (市区一体): find the root and every government under it in one
// statement, load all their facts in one batch (one statement per table, whatever the subtree's size), and let the
// domain answer. Cost grows with the subtree, never with the country.
import {
  BadInputError,
  NotFoundError,
  subtreeMembers,
  taskStatus,
  TASK_STATUSES,
  type DirectoryFacts,
  type IsoDate,
  type JurisdictionFact,
  type KeyTaskFact,
  type SubtreeMember,
  type TaskStatus,
  type TaskStatusView,
} from '../../domain';
import type { RequestScope } from '../../scope/request-scope';
import { readConnectionType } from '../../db/replicas';
import { DirectoryService } from './directory.service';

/** The most governments one subtree query may look into (a province with its cities and counties is a few hundred). */
export const SUBTREE_LIMIT = 1000;
/** Levels below the root a subtree may reach: 省 → 市 → 区县 → 乡镇 is three; more is a cycle in the data. */
const MAX_LEVELS = 6;

interface SubtreeRow {
  readonly id: string;
  readonly name: string;
  readonly level: JurisdictionFact['level'];
  readonly parent_id: string | null;
}

export interface LoadedSubtree {
  readonly members: readonly SubtreeMember[];
  readonly facts: ReadonlyMap<string, DirectoryFacts>;
}

/** Key tasks by their status on a date, and all of them. */
export type TaskStatusCounts = { readonly total: number } & { readonly [S in TaskStatus]: number };

/** A task a government's parent government assigned to it (assignKeyTaskToDistricts), with its status on the date. */
export interface AssignedTask {
  readonly task: KeyTaskFact;
  readonly status: TaskStatusView;
}

/** One government of a subtree: the tasks its parent government assigned to it that exist on the date. */
export interface GovernmentAssignedTasks {
  readonly jurisdictionId: string;
  /** Most urgent first: OVERDUE, AT_RISK, NOT_STARTED, ON_TRACK, COMPLETED; then the nearer deadline, then id. */
  readonly tasks: readonly AssignedTask[];
  readonly counts: TaskStatusCounts;
}

export interface SubtreeAssignedTasks {
  /** In the order asked for (subtreeCoverage's governments: the root first, then tree order). */
  readonly governments: readonly GovernmentAssignedTasks[];
  readonly totals: TaskStatusCounts;
}

/** The order of urgency the dashboards use for tasks (docs/key-work.md, 重点工作). */
const URGENCY: readonly TaskStatus[] = ['OVERDUE', 'AT_RISK', 'NOT_STARTED', 'ON_TRACK', 'COMPLETED'];

function countStatuses(statuses: readonly TaskStatus[]): TaskStatusCounts {
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const s of statuses) counts[s] += 1;
  return { total: statuses.length, ...counts };
}

export class SubtreeService {
  constructor(private readonly ctx: RequestScope) {}

  /**
   * The root and the governments under it (down to `maxDepth` levels), in one recursive statement on the parent
   * index; NOT_FOUND for an unknown root, BAD_USER_INPUT beyond SUBTREE_LIMIT governments.
   */
  async members(rootId: string, maxDepth?: number): Promise<SubtreeMember[]> {
    const levels = Math.min(maxDepth ?? MAX_LEVELS, MAX_LEVELS);
    const sql =
      'with recursive subtree (id, depth) as (' +
      ' select id, 0 from jurisdiction where id = ?' +
      ' union all' +
      ' select j.id, s.depth + 1 from jurisdiction j join subtree s on j.parent_id = s.id where s.depth < ?' +
      ') select j.id, j.name, j.level, j.parent_id from subtree s join jurisdiction j on j.id = s.id order by s.depth, j.id limit ?';
    const em = this.ctx.em;
    const rows = (await em
      .getConnection(readConnectionType(em))
      .execute(sql, [rootId, levels, SUBTREE_LIMIT + 1], 'all', em.getTransactionContext())) as SubtreeRow[];
    if (rows.length === 0) throw new NotFoundError('Jurisdiction', rootId);
    if (rows.length > SUBTREE_LIMIT) {
      throw new BadInputError(`${rootId} 之下的政府超过 ${SUBTREE_LIMIT} 个，请给出 maxDepth 或更小的范围`, { rootId, limit: SUBTREE_LIMIT });
    }
    // A cycle in the parent links repeats rows (down to MAX_LEVELS); each government counts once.
    const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
    const jurisdictions = unique.map((r) => ({ id: r.id, name: r.name, level: r.level, parentId: r.parent_id }));
    return subtreeMembers(jurisdictions, rootId, maxDepth);
  }

  /** The members and the facts of each, through the request's facts loader (one batch). */
  async load(rootId: string, maxDepth?: number): Promise<LoadedSubtree> {
    const members = await this.members(rootId, maxDepth);
    const loaded = await this.ctx.loaders.facts.loadMany(members.map((m) => m.jurisdiction.id));
    const facts = new Map<string, DirectoryFacts>();
    for (const f of loaded) {
      if (f instanceof Error) throw f;
      if (f !== null) facts.set(f.jurisdiction.id, f);
    }
    return { members, facts };
  }

  /**
   * 市区一体 交办: for each of `jurisdictionIds` (a subtree's governments), the key tasks its parent government
   * assigned to it (a child task: parentTaskId set, which assignKeyTaskToDistricts only allows for a CITY task of the
   * parent government) created on or before `asOf`, each with its status then (taskStatus), and counts by status.
   * One batch of the key-work loader for all of them: one statement per key-work table, whatever the subtree's size,
   * and rows only of these governments.
   */
  async assignedTasks(jurisdictionIds: readonly string[], asOf: IsoDate): Promise<SubtreeAssignedTasks> {
    const works = await this.ctx.loaders.keyWork.loadMany(jurisdictionIds);
    const governments = jurisdictionIds.map((jurisdictionId, i): GovernmentAssignedTasks => {
      const work = works[i];
      if (work instanceof Error) throw work;
      const tasks = work.tasks
        .filter((t) => t.parentTaskId !== null && t.createdOn <= asOf)
        .map((task): AssignedTask => ({ task, status: taskStatus(task, work.progressReports, asOf) }))
        .sort(
          (a, b) =>
            URGENCY.indexOf(a.status.status) - URGENCY.indexOf(b.status.status) ||
            (a.task.deadline < b.task.deadline ? -1 : a.task.deadline > b.task.deadline ? 1 : 0) ||
            (a.task.id < b.task.id ? -1 : a.task.id > b.task.id ? 1 : 0),
        );
      return { jurisdictionId, tasks, counts: countStatuses(tasks.map((t) => t.status.status)) };
    });
    return { governments, totals: countStatuses(governments.flatMap((g) => g.tasks.map((t) => t.status.status))) };
  }

  /**
   * The governments a search looks into: the one named (jurisdictionId), or the subtree under withinJurisdictionId in
   * tree order; null when it names neither (a country-wide search: DirectoryService.searchCountry). Naming both is
   * BAD_USER_INPUT.
   */
  async governmentsToSearch(given: { readonly jurisdictionId?: string | null; readonly withinJurisdictionId?: string | null }): Promise<DirectoryFacts[] | null> {
    // An explicit null (`jurisdictionId: null`) is the same as leaving the argument out.
    const scope = { jurisdictionId: given.jurisdictionId ?? undefined, withinJurisdictionId: given.withinJurisdictionId ?? undefined };
    if (scope.jurisdictionId !== undefined && scope.withinJurisdictionId !== undefined) {
      throw new BadInputError('jurisdictionId 与 withinJurisdictionId 只能给一个 (give one of jurisdictionId and withinJurisdictionId)', {});
    }
    if (scope.withinJurisdictionId !== undefined) {
      const { members, facts } = await this.load(scope.withinJurisdictionId);
      return members.flatMap((m) => facts.get(m.jurisdiction.id) ?? []);
    }
    if (scope.jurisdictionId === undefined) return null;
    return [await new DirectoryService(this.ctx).facts(scope.jurisdictionId)];
  }
}
