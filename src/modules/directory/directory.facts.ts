// The only code that knows both worlds: loads one government's rows and maps them to domain facts.
// Cost: one statement per table for any number of jurisdictions, whatever the size of the country.
import type { EntityManager } from '@mikro-orm/core';
import type { DirectoryFacts } from '../../domain';
import {
  Absence,
  Appointment,
  Assignment,
  Backup,
  Department,
  Jurisdiction,
  Leader,
  Post,
  TeamOrder,
  WorkArea,
} from '../../entities';

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [row]);
    else group.push(row);
  }
  return groups;
}

const byId = { orderBy: { id: 'asc' } } as const;

/** Loads the facts of each jurisdiction in `ids`, keyed by id; unknown ids are absent from the map. */
export async function loadDirectoryFacts(em: EntityManager, ids: readonly string[]): Promise<Map<string, DirectoryFacts>> {
  const inJurisdictions = { jurisdiction: { $in: [...ids] } };
  const [jurisdictions, leaders, posts, appointments, departments, workAreas, assignments, backups, absences, teamOrders] =
    await Promise.all([
      em.find(Jurisdiction, { id: { $in: [...ids] } }),
      em.find(Leader, inJurisdictions, byId),
      em.find(Post, inJurisdictions, byId),
      em.find(Appointment, inJurisdictions, byId),
      em.find(Department, inJurisdictions, byId),
      em.find(WorkArea, inJurisdictions, byId),
      em.find(Assignment, inJurisdictions, byId),
      em.find(Backup, inJurisdictions, byId),
      em.find(Absence, inJurisdictions, byId),
      em.find(TeamOrder, inJurisdictions, byId),
    ]);
  const of = <T extends { jurisdiction: Jurisdiction }>(rows: T[]) => groupBy(rows, (r) => r.jurisdiction.id);
  const [leadersBy, postsBy, appointmentsBy, departmentsBy, workAreasBy, assignmentsBy, backupsBy, absencesBy, ordersBy] = [
    of(leaders), of(posts), of(appointments), of(departments), of(workAreas), of(assignments), of(backups), of(absences), of(teamOrders),
  ] as const;
  const facts = new Map<string, DirectoryFacts>();
  for (const j of jurisdictions) {
    facts.set(j.id, {
      jurisdiction: { id: j.id, name: j.name, level: j.level, parentId: j.parent?.id ?? null },
      leaders: (leadersBy.get(j.id) ?? []).map((l) => ({ id: l.id, jurisdictionId: j.id, name: l.name })),
      posts: (postsBy.get(j.id) ?? []).map((p) => ({ id: p.id, jurisdictionId: j.id, kind: p.kind, title: p.title })),
      appointments: (appointmentsBy.get(j.id) ?? []).map((a) => ({
        id: a.id, leaderId: a.leader.id, postId: a.post.id, acting: a.acting, validFrom: a.validFrom, validTo: a.validTo,
      })),
      departments: (departmentsBy.get(j.id) ?? []).map((d) => ({
        id: d.id, jurisdictionId: j.id, name: d.name, kind: d.kind, aliases: d.aliases, headName: d.headName,
        headContact: d.headContact, validFrom: d.validFrom, validTo: d.validTo,
      })),
      workAreas: (workAreasBy.get(j.id) ?? []).map((w) => ({ id: w.id, jurisdictionId: j.id, name: w.name, aliases: w.aliases })),
      assignments: (assignmentsBy.get(j.id) ?? []).map((a) => ({
        id: a.id, jurisdictionId: j.id, leaderId: a.leader.id, kind: a.kind, departmentId: a.department?.id ?? null,
        workAreaId: a.workArea?.id ?? null, principalId: a.principal?.id ?? null, subject: a.subject,
        document: a.document, decisionId: a.decisionId, validFrom: a.validFrom, validTo: a.validTo,
      })),
      backups: (backupsBy.get(j.id) ?? []).map((b) => ({
        id: b.id, jurisdictionId: j.id, leaderId: b.leader.id, backupId: b.backup.id, exceptTargetIds: b.exceptTargetIds,
        validFrom: b.validFrom, validTo: b.validTo,
      })),
      absences: (absencesBy.get(j.id) ?? []).map((a) => ({
        id: a.id, leaderId: a.leader.id, reason: a.reason, designatedActorId: a.designatedActor?.id ?? null,
        validFrom: a.validFrom, validTo: a.validTo,
      })),
      teamOrders: (ordersBy.get(j.id) ?? []).map((o) => ({
        id: o.id, jurisdictionId: j.id, leaderIds: o.leaderIds, validFrom: o.validFrom, validTo: o.validTo,
      })),
    });
  }
  return facts;
}
