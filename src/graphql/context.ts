// Per-request context: one EntityManager fork and one set of loaders per operation; nothing request-scoped
// lives at module level.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { DirectoryFacts, JurisdictionFact } from '../domain';
import type { Viewer } from '../auth/tokens';
import { AgendaItem, Jurisdiction } from '../entities';
import { loadDirectoryFacts } from '../modules/directory/directory.facts';
import type { Events } from './events';
import { createKeyWorkLoaders, type KeyWorkLoaders } from '../modules/key-work/key-work.loaders';

export interface Loaders extends KeyWorkLoaders {
  /** All facts of one government, keyed by jurisdiction id; null for an unknown id. */
  readonly facts: DataLoader<string, DirectoryFacts | null>;
  /** One government's own record only (name, level, parent), for walking up the hierarchy cheaply. */
  readonly jurisdiction: DataLoader<string, JurisdictionFact | null>;
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
    version: new DataLoader(async (ids: readonly string[]) => {
      const rows = await em.find(Jurisdiction, { id: { $in: [...ids] } }, { fields: ['version'], disableIdentityMap: true });
      const byId = new Map(rows.map((j) => [j.id, j.version]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
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

export function createContext(em: EntityManager, scope: RequestScope): Context {
  const fork = em.fork() as SqlEntityManager;
  return { em: fork, loaders: createLoaders(fork), ...scope };
}
