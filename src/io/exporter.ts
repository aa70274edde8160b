// Reads governments out of the database as a Dataset (the exchange model), for Popolo and spreadsheet exports.
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { DirectoryFacts } from '../domain';
import { Jurisdiction } from '../entities';
import { loadDirectoryFacts } from '../store/load-facts';
import { mergeDatasets, type Dataset } from './dataset';

/** Governments per batch when exporting a whole country: bounds each statement's size. */
const EXPORT_BATCH = 200;

export function datasetFromFacts(facts: DirectoryFacts): Dataset {
  const { jurisdiction, rules, ...rest } = facts;
  return { ...rest, jurisdictions: [{ ...jurisdiction, rules }] };
}

/**
 * The dataset without department heads' contact details: what callers below EDITOR may see (the same rule as
 * DepartmentHead.contact in GraphQL).
 */
export function withoutContacts(data: Dataset): Dataset {
  return { ...data, departments: data.departments.map((d) => ({ ...d, headContact: null })) };
}

/**
 * The named governments (all when `ids` is omitted), parents before children, as one dataset.
 * `onProgress` is told how many governments are done, for a progress bar.
 */
export async function exportDataset(em: SqlEntityManager, ids?: readonly string[], onProgress?: (done: number, total: number) => void): Promise<Dataset> {
  const all = ids ?? (await em.find(Jurisdiction, {}, { fields: ['id'], orderBy: { id: 'asc' } })).map((j) => j.id);
  const parts: Dataset[] = [];
  for (let i = 0; i < all.length; i += EXPORT_BATCH) {
    const batch = all.slice(i, i + EXPORT_BATCH);
    const facts = await loadDirectoryFacts(em, batch);
    for (const id of batch) {
      const one = facts.get(id);
      if (one !== undefined) parts.push(datasetFromFacts(one));
    }
    onProgress?.(Math.min(i + EXPORT_BATCH, all.length), all.length);
  }
  return mergeDatasets(parts);
}
