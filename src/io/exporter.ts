// Reads governments out of the database as a Dataset (the exchange model), for Popolo and spreadsheet exports.
import type { SqlEntityManager } from '@mikro-orm/knex';
import { compareText, type DirectoryFacts, type LineageFact } from '../domain';
import { Jurisdiction } from '../entities';
import { loadDirectoryFacts } from '../store/load-facts';
import { mergeDatasets, type Dataset } from './dataset';
import type { JurisdictionReference } from './popolo';

/** Governments per batch when exporting a whole country: bounds each statement's size. */
const EXPORT_BATCH = 200;

export function datasetFromFacts(facts: DirectoryFacts): Dataset {
  const { jurisdiction, rules, lineage: _lineage, ...rest } = facts;
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
  return (await exportDirectory(em, ids, onProgress)).data;
}

/**
 * As exportDataset, with the governments' units' lineage (机构改革) beside it — by government, then date, then id —
 * for the Popolo file, which carries it (`fengong:lineage`).
 */
export async function exportDirectory(
  em: SqlEntityManager,
  ids?: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<{ data: Dataset; lineage: LineageFact[] }> {
  const all = ids ?? (await em.find(Jurisdiction, {}, { fields: ['id'], orderBy: { id: 'asc' } })).map((j) => j.id);
  const parts: Dataset[] = [];
  const lineage: LineageFact[] = [];
  for (let i = 0; i < all.length; i += EXPORT_BATCH) {
    const batch = all.slice(i, i + EXPORT_BATCH);
    const facts = await loadDirectoryFacts(em, batch);
    for (const id of batch) {
      const one = facts.get(id);
      if (one === undefined) continue;
      parts.push(datasetFromFacts(one));
      lineage.push(...one.lineage);
    }
    onProgress?.(Math.min(i + EXPORT_BATCH, all.length), all.length);
  }
  // Each government's steps come in step order (date, then id); a stable sort by government keeps it.
  lineage.sort((a, b) => compareText(a.jurisdictionId, b.jurisdictionId));
  return { data: mergeDatasets(parts), lineage };
}

/**
 * The parents the dataset names but does not carry (one government exported without its province), read from the
 * database as references: enough for an importer to resolve them or record a stub.
 */
export async function parentReferences(em: SqlEntityManager, data: Dataset): Promise<JurisdictionReference[]> {
  const carried = new Set(data.jurisdictions.map((j) => j.id));
  const missing = [...new Set(data.jurisdictions.map((j) => j.parentId).filter((id): id is string => id !== null && !carried.has(id)))];
  if (missing.length === 0) return [];
  const rows = await em.find(Jurisdiction, { id: { $in: missing } }, { fields: ['id', 'name', 'level'], orderBy: { id: 'asc' }, disableIdentityMap: true });
  return rows.map((j) => ({ id: j.id, name: j.name, level: j.level }));
}
