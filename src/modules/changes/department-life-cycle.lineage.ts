// The units' lineage (机构改革) as rows, written by the life cycle's steps and by imports of a file that carries it
// (read with the rest of a government's facts: src/store/load-facts.ts).
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { LineageFact } from '../../domain';
import { DepartmentLineage } from '../../entities';

/** Inserts lineage steps with the caller's manager (its transaction). */
export async function insertLineage(tx: SqlEntityManager, lineage: readonly LineageFact[]): Promise<void> {
  for (const l of lineage) {
    await tx.insert(DepartmentLineage, {
      id: l.id, jurisdiction: l.jurisdictionId, kind: l.kind, predecessor: l.predecessorId, successor: l.successorId, date: l.date,
      document: l.document, formerName: l.formerName,
    });
  }
}
