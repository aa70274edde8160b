// Per-request context: one EntityManager fork and one set of loaders per operation; nothing request-scoped
// lives at module level.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { DirectoryFacts, JurisdictionFact } from '../domain';
import { Jurisdiction } from '../entities';
import { loadDirectoryFacts } from '../modules/directory/directory.facts';

export interface Loaders {
  /** All facts of one government, keyed by jurisdiction id; null for an unknown id. */
  readonly facts: DataLoader<string, DirectoryFacts | null>;
  /** One government's own record only (name, level, parent), for walking up the hierarchy cheaply. */
  readonly jurisdiction: DataLoader<string, JurisdictionFact | null>;
}

export interface Context {
  /** Both supported drivers (libSQL, PostgreSQL) are SQL drivers, so the knex-backed manager is available. */
  readonly em: SqlEntityManager;
  readonly loaders: Loaders;
  /** The calendar date that stands for "today" when a field's asOf is omitted. */
  readonly today: string;
}

export function createLoaders(em: SqlEntityManager): Loaders {
  return {
    facts: new DataLoader(async (ids: readonly string[]) => {
      const found = await loadDirectoryFacts(em, ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    jurisdiction: new DataLoader(async (ids: readonly string[]) => {
      const rows = await em.find(Jurisdiction, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((j) => [j.id, { id: j.id, name: j.name, level: j.level, parentId: j.parent?.id ?? null }]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export function createContext(em: EntityManager, today: string): Context {
  const fork = em.fork() as SqlEntityManager;
  return { em: fork, loaders: createLoaders(fork), today };
}
