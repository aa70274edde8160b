// Per-request context: one EntityManager fork and one set of loaders per operation; nothing request-scoped
// lives at module level.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { DirectoryFacts, JurisdictionFact } from '../domain';
import type { Viewer } from '../auth/tokens';
import { AgendaItem } from '../entities';
import { DIRECT_READER, type FactsReader, type OwnedKey } from '../store/facts-store';
import type { Events } from './events';
import { createKeyWorkLoaders, type KeyWorkLoaders } from '../modules/key-work/key-work.loaders';

export interface Loaders extends KeyWorkLoaders {
  /** All facts of one government, keyed by jurisdiction id; null for an unknown id. */
  readonly facts: DataLoader<string, DirectoryFacts | null>;
  /** One government's own record only (name, level, parent), for walking up the hierarchy cheaply. */
  readonly jurisdiction: DataLoader<string, JurisdictionFact | null>;
  /** The government a leader, unit or work area belongs to, keyed "Department|dept:…"; null when unknown. */
  readonly owner: DataLoader<OwnedKey, string | null>;
  /** The directory version of each government (what a writer names as expectedVersion). */
  readonly version: DataLoader<string, number | null>;
  /** A meeting's agenda items in order, keyed by meeting id. */
  readonly agenda: DataLoader<string, readonly AgendaItem[]>;
}

export interface Context {
  /** Both supported drivers (libSQL, PostgreSQL) are SQL drivers, so the knex-backed manager is available. */
  readonly em: SqlEntityManager;
  readonly loaders: Loaders;
  /** The calendar date that stands for "today" when a field's asOf is omitted. */
  readonly today: string;
  /** The moment the request arrived; audit entries are stamped with it. */
  readonly now: Date;
  /** Who is calling (from the bearer token); null for an anonymous caller. */
  readonly viewer: Viewer | null;
  /** Whether anonymous callers may read (the demo default); writes always need a token. */
  readonly publicReads: boolean;
  readonly events: Events;
  /** The caller's network address, for per-address limits; absent off the network (tests, the CLI). */
  readonly clientAddress?: string;
  /** The request's id, echoed in logs and the x-request-id header. */
  readonly requestId?: string;
}

/**
 * Facts, governments' own records and versions all come from the store of facts (`reader`): answered from
 * memory when the store holds them. Inside a transaction the store reads the database (a writer validates
 * against what it is about to change).
 */
export function createLoaders(em: SqlEntityManager, reader: FactsReader = DIRECT_READER): Loaders {
  // Backed by the store, the loaders only batch: the store is the cache, and it is invalidated by writes,
  // which a per-request cache is not — a subscription keeps one context for its whole life.
  const cache = reader === DIRECT_READER;
  return {
    facts: new DataLoader(async (ids: readonly string[]) => {
      const found = await reader.load(em, ids);
      return ids.map((id) => found.get(id)?.facts ?? null);
    }, { cache }),
    jurisdiction: new DataLoader(async (ids: readonly string[]) => {
      const found = await reader.records(em, ids);
      return ids.map((id) => found.get(id)?.jurisdiction ?? null);
    }, { cache }),
    owner: new DataLoader(async (keys: readonly OwnedKey[]) => {
      const found = await reader.owners(em, keys);
      return keys.map((key) => found.get(key) ?? null);
    }),
    version: new DataLoader(async (ids: readonly string[]) => {
      const found = await reader.records(em, ids);
      return ids.map((id) => found.get(id)?.version ?? null);
    }, { cache }),
    agenda: new DataLoader(async (meetingIds: readonly string[]) => {
      const items = await em.find(AgendaItem, { meeting: { $in: [...meetingIds] } }, { orderBy: { position: 'asc' } });
      return meetingIds.map((id) => items.filter((i) => i.meeting.id === id));
    }),
    ...createKeyWorkLoaders(em),
  };
}

export interface RequestScope {
  readonly today: string;
  readonly now: Date;
  readonly viewer: Viewer | null;
  readonly publicReads: boolean;
  readonly events: Events;
  readonly clientAddress?: string;
  readonly requestId?: string;
}

export function createContext(em: EntityManager, scope: RequestScope, reader: FactsReader = DIRECT_READER): Context {
  const fork = em.fork() as SqlEntityManager;
  return { em: fork, loaders: createLoaders(fork, reader), ...scope };
}
