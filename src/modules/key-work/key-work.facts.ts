// Loads one government's key work (tasks, their units, progress reports, directives and their transitions) as
// domain facts: one statement per table for any number of governments, whatever the number of tasks.
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Actor, DirectiveFact, KeyTaskFact, KeyWorkFacts, ProgressReportFact } from '../../domain';
import { Directive, DirectiveTransition, KeyTask, KeyTaskUnit, ProgressReport } from '../../entities';
import { groupBy, json, runStatements, selectRows as rowsOf } from '../../store/rows';

/** The actor a stored row names (kind + id). */
export function actorOfRow(kind: Actor['kind'], id: string | null): Actor {
  if (kind === 'LEADER') return { kind, leaderId: id ?? '' };
  if (kind === 'DEPARTMENT') return { kind, departmentId: id ?? '' };
  return { kind: 'OFFICE', onBehalfOfId: id };
}

export function taskFact(row: KeyTask, units: readonly KeyTaskUnit[]): KeyTaskFact {
  const sorted = [...units].sort((a, b) => a.position - b.position);
  const of = (role: KeyTaskUnit['role']) => sorted.filter((u) => u.role === role).map((u) => u.departmentId);
  return {
    id: row.id, jurisdictionId: row.jurisdictionId, title: row.title, description: row.description, source: row.source,
    category: row.category, tags: json(row.tags), majorMatter: Boolean(row.majorMatter), supervisingLeaderId: row.supervisingLeaderId,
    leadUnitId: of('LEAD')[0] ?? '', responsibleUnitIds: of('RESPONSIBLE'), cooperatingUnitIds: of('COOPERATING'),
    createdOn: row.createdOn, deadline: row.deadline, milestones: json(row.milestones), decisionId: row.decisionId,
    parentTaskId: row.parentTaskId, completedOn: row.completedOn,
  };
}

/** A government's key work as loaded, with each task's version (what an update names as expectedVersion). */
export interface LoadedKeyWork extends KeyWorkFacts {
  readonly taskVersions: ReadonlyMap<string, number>;
}

/** Loads the key work of each government in `ids` (all history included); every id gets an entry. */
export async function loadKeyWork(em: SqlEntityManager, ids: readonly string[]): Promise<Map<string, LoadedKeyWork>> {
  const where = { jurisdictionId: { $in: [...ids] } };
  const load = [
    () => rowsOf(em, KeyTask, where, { id: 'asc' }),
    () => rowsOf(em, KeyTaskUnit, where, { taskId: 'asc', position: 'asc' }),
    () => rowsOf(em, ProgressReport, where, { reportedOn: 'asc', recordedAt: 'asc', id: 'asc' }),
    () => rowsOf(em, Directive, where, { issuedOn: 'asc', id: 'asc' }),
    () => rowsOf(em, DirectiveTransition, where, { directiveId: 'asc', seq: 'asc' }),
  ] as const;
  // Inside a transaction the statements share one connection: run them one at a time there.
  const results = await runStatements(em, load);
  const [tasks, units, reports, directives, transitions] = results as [KeyTask[], KeyTaskUnit[], ProgressReport[], Directive[], DirectiveTransition[]];
  const unitsBy = groupBy(units, (u) => u.taskId);
  const transitionsBy = groupBy(transitions, (t) => t.directiveId);
  const tasksBy = groupBy(tasks, (t) => t.jurisdictionId);
  const reportsBy = groupBy(reports, (r) => r.jurisdictionId);
  const directivesBy = groupBy(directives, (d) => d.jurisdictionId);
  const out = new Map<string, LoadedKeyWork>();
  for (const id of ids) {
    out.set(id, {
      taskVersions: new Map((tasksBy.get(id) ?? []).map((t) => [t.id, Number(t.version)])),
      tasks: (tasksBy.get(id) ?? []).map((t) => taskFact(t, unitsBy.get(t.id) ?? [])),
      progressReports: (reportsBy.get(id) ?? []).map(
        (r): ProgressReportFact => ({
          id: r.id, taskId: r.taskId, reportedOn: r.reportedOn, text: r.text, percent: Number(r.percent), reporter: actorOfRow(r.reporterKind, r.reporterId),
        }),
      ),
      directives: (directivesBy.get(id) ?? []).map(
        (d): DirectiveFact => ({
          id: d.id, jurisdictionId: d.jurisdictionId, issuerId: d.issuerId, departmentId: d.departmentId, subject: d.subject, issuedOn: d.issuedOn,
          deadline: d.deadline, decisionId: d.decisionId, basis: d.basis, crossPortfolio: Boolean(d.crossPortfolio),
          transitions: (transitionsBy.get(d.id) ?? [])
            .sort((a, b) => Number(a.seq) - Number(b.seq))
            .map((t) => ({ id: t.id, action: t.action, from: t.fromStatus, to: t.toStatus, on: t.on, actor: actorOfRow(t.actorKind, t.actorId), text: t.text })),
        }),
      ),
    });
  }
  return out;
}
