// The units' lineage (机构改革) as rows: read as the domain's LineageFact (for exports: Popolo's `fengong:lineage`)
// and written, by the life cycle's steps and by imports of a file that carries it.
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { LineageFact } from '../../domain';
import { DepartmentLineage } from '../../entities';

/** The lineage steps of the named governments, by government, then date, then id (the order an export writes). */
export async function loadLineage(em: SqlEntityManager, jurisdictionIds: readonly string[]): Promise<LineageFact[]> {
  if (jurisdictionIds.length === 0) return [];
  const rows = await em.find(
    DepartmentLineage,
    { jurisdiction: { $in: [...jurisdictionIds] } },
    { orderBy: { jurisdiction: 'asc', date: 'asc', id: 'asc' }, disableIdentityMap: true },
  );
  return rows.map((r) => ({
    id: r.id, jurisdictionId: r.jurisdiction.id, kind: r.kind, predecessorId: r.predecessor.id, successorId: r.successor?.id ?? null,
    date: r.date, document: r.document, formerName: r.formerName,
  }));
}

/** Inserts lineage steps with the caller's manager (its transaction). */
export async function insertLineage(tx: SqlEntityManager, lineage: readonly LineageFact[]): Promise<void> {
  for (const l of lineage) {
    await tx.insert(DepartmentLineage, {
      id: l.id, jurisdiction: l.jurisdictionId, kind: l.kind, predecessor: l.predecessorId, successor: l.successorId, date: l.date,
      document: l.document, formerName: l.formerName,
    });
  }
}
