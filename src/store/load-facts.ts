// The only code that knows both worlds: loads one government's rows and maps them to domain facts.
// Cost: one statement per table for any number of jurisdictions, whatever the size of the country.
//
// Rows are read as plain records through MikroORM's query builder (table and column names still come
// from the entity metadata) rather than hydrated into managed entities: facts are an immutable snapshot,
// and hydrating a large district's thousands of rows into the identity map cost ten times the query.
import type { ConnectionType, EntityName } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { DEFAULT_GOVERNANCE_RULES, type DirectoryFacts, type GovernanceRules } from '../domain';
import { DIRECTORY_ENTITIES, groupBy, json, runStatements, selectRows, type PartRow, type Row } from './rows';

function rowsOf<T extends object>(em: SqlEntityManager, entity: EntityName<T>, ids: readonly string[], connection: ConnectionType | undefined): Promise<Row<T>[]> {
  const where = entity === DIRECTORY_ENTITIES.jurisdictions ? { id: { $in: [...ids] } } : { jurisdiction: { $in: [...ids] } };
  return selectRows<T, Row<T>>(em, entity, where, { id: 'asc' }, connection);
}

/** One government's facts with the directory version they were read at. */
export interface VersionedFacts {
  readonly facts: DirectoryFacts;
  readonly version: number;
}

/** Loads the facts of each jurisdiction in `ids`, keyed by id; unknown ids are absent from the map. */
export async function loadDirectoryFacts(em: SqlEntityManager, ids: readonly string[]): Promise<Map<string, DirectoryFacts>> {
  const loaded = await loadVersionedFacts(em, ids);
  return new Map([...loaded].map(([id, entry]) => [id, entry.facts]));
}

/**
 * As loadDirectoryFacts, with each government's version read in the same statements. `connection: 'write'`
 * reads the primary even where reads go to replicas: what the store keeps must not be a lagging standby's.
 */
export async function loadVersionedFacts(em: SqlEntityManager, ids: readonly string[], options: { connection?: ConnectionType } = {}): Promise<Map<string, VersionedFacts>> {
  // One statement per part, in DIRECTORY_ENTITIES' order (the destructuring below relies on it).
  const results = await runStatements(em, Object.values(DIRECTORY_ENTITIES).map((entity) => () => rowsOf(em, entity as EntityName<object>, ids, options.connection)));
  const [jurisdictions, leaders, posts, appointments, departments, workAreas, assignments, backups, absences, teamOrders, meetings, decisions] =
    results as [
      PartRow<'jurisdictions'>[], PartRow<'leaders'>[], PartRow<'posts'>[], PartRow<'appointments'>[], PartRow<'departments'>[],
      PartRow<'workAreas'>[], PartRow<'assignments'>[], PartRow<'backups'>[], PartRow<'absences'>[], PartRow<'teamOrders'>[],
      PartRow<'meetings'>[], PartRow<'decisions'>[],
    ];
  const of = <T extends { jurisdiction: string | null }>(rows: T[]) => groupBy(rows, (r) => r.jurisdiction as string);
  const [leadersBy, postsBy, appointmentsBy, departmentsBy, workAreasBy, assignmentsBy, backupsBy, absencesBy, ordersBy, meetingsBy, decisionsBy] = [
    of(leaders), of(posts), of(appointments), of(departments), of(workAreas), of(assignments), of(backups), of(absences), of(teamOrders),
    of(meetings), of(decisions),
  ] as const;
  const facts = new Map<string, VersionedFacts>();
  for (const j of jurisdictions) {
    facts.set(j.id, { version: Number(j.version), facts: {
      jurisdiction: { id: j.id, name: j.name, level: j.level, parentId: j.parent },
      leaders: (leadersBy.get(j.id) ?? []).map((l) => ({ id: l.id, jurisdictionId: j.id, name: l.name })),
      posts: (postsBy.get(j.id) ?? []).map((p) => ({ id: p.id, jurisdictionId: j.id, kind: p.kind, title: p.title })),
      appointments: (appointmentsBy.get(j.id) ?? []).map((a) => ({
        id: a.id, leaderId: a.leader as string, postId: a.post as string, acting: Boolean(a.acting), validFrom: a.validFrom, validTo: a.validTo,
        document: a.document,
      })),
      departments: (departmentsBy.get(j.id) ?? []).map((d) => ({
        id: d.id, jurisdictionId: j.id, name: d.name, kind: d.kind, aliases: json(d.aliases), headName: d.headName,
        headContact: d.headContact, validFrom: d.validFrom, validTo: d.validTo,
      })),
      workAreas: (workAreasBy.get(j.id) ?? []).map((w) => ({ id: w.id, jurisdictionId: j.id, name: w.name, aliases: json(w.aliases) })),
      assignments: (assignmentsBy.get(j.id) ?? []).map((a) => ({
        id: a.id, jurisdictionId: j.id, leaderId: a.leader as string, kind: a.kind, departmentId: a.department,
        workAreaId: a.workArea, principalId: a.principal, subject: a.subject, document: a.document, decisionId: a.decisionId,
        validFrom: a.validFrom, validTo: a.validTo,
      })),
      backups: (backupsBy.get(j.id) ?? []).map((b) => ({
        id: b.id, jurisdictionId: j.id, leaderId: b.leader as string, backupId: b.backup as string,
        exceptTargetIds: json(b.exceptTargetIds), decisionId: b.decisionId, validFrom: b.validFrom, validTo: b.validTo,
      })),
      absences: (absencesBy.get(j.id) ?? []).map((a) => ({
        id: a.id, leaderId: a.leader as string, reason: a.reason, designatedActorId: a.designatedActor,
        validFrom: a.validFrom, validTo: a.validTo,
      })),
      teamOrders: (ordersBy.get(j.id) ?? []).map((o) => ({
        id: o.id, jurisdictionId: j.id, leaderIds: json(o.leaderIds), validFrom: o.validFrom, validTo: o.validTo,
      })),
      meetings: (meetingsBy.get(j.id) ?? []).map((m) => ({
        id: m.id, jurisdictionId: j.id, kind: m.kind, number: m.number, date: m.date,
        votingAttendeeIds: json(m.votingAttendeeIds), nonVotingAttendees: json(m.nonVotingAttendees),
      })),
      decisions: (decisionsBy.get(j.id) ?? []).map((d) => ({
        id: d.id, jurisdictionId: j.id, meetingId: d.meeting as string, category: d.category, text: d.text, minutesNumber: d.minutesNumber,
        approvesDocument: d.approvesDocument,
      })),
      rules: j.rules === null ? DEFAULT_GOVERNANCE_RULES : { ...DEFAULT_GOVERNANCE_RULES, ...json(j.rules as GovernanceRules | string) },
    } });
  }
  return facts;
}
