// The request scope: everything one operation works with — one EntityManager fork, one set of loaders, today,
// the viewer and the event publisher — and nothing of any transport. The GraphQL server (HTTP and WebSocket), the
// HTTP exports and the CLI all make it with createRequestScope; services take it; nothing request-scoped lives at
// module level.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { DecisionUse, DirectoryFacts, JurisdictionFact } from '../domain';
import type { Viewer } from '../auth/tokens';
import { forkRequest } from '../db/replicas';
import { AgendaItem } from '../entities';
import { DIRECT_READER, type FactsReader, type OwnedKey, type StoreReads } from '../store/facts-store';
import type { Events } from './events';
import { createKeyWorkLoaders, type KeyWorkLoaders } from '../modules/key-work/key-work.loaders';
import { appliedChangesets } from '../modules/changes/changes.service';

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
  /** Each government's applied changesets, as the decisions they cited (R7: a decision authorizes one change). */
  readonly appliedChangesets: DataLoader<string, readonly DecisionUse[]>;
}

/** What the edge knows of a request before its scope is made. */
export interface ScopeOptions {
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

export interface RequestScope extends ScopeOptions {
  /** Both supported drivers (libSQL, PostgreSQL) are SQL drivers, so the knex-backed manager is available. */
  readonly em: SqlEntityManager;
  readonly loaders: Loaders;
  /** The governments' facts the request was answered from, as the store held them (the response cache's dependencies). */
  readonly storeReads: StoreReads;
  /**
   * The store the loaders read from, for what they do not batch: the candidates of a country-wide search
   * (`reader.governmentsMatching`). Facts go through the loaders.
   */
  readonly reader: FactsReader;
}

/**
 * Facts, governments' own records and versions all come from the store of facts (`reader`): answered from
 * memory when the store holds them. Inside a transaction the store reads the database (a writer validates
 * against what it is about to change).
 */
export function createLoaders(em: SqlEntityManager, reader: FactsReader = DIRECT_READER, reads?: StoreReads): Loaders {
  // Backed by the store, the loaders only batch: the store is the cache, and it is invalidated by writes,
  // which a per-request cache is not — a subscription keeps one context for its whole life.
  const cache = reader === DIRECT_READER;
  return {
    facts: new DataLoader(async (ids: readonly string[]) => {
      const found = await reader.load(em, ids, reads);
      return ids.map((id) => found.get(id)?.facts ?? null);
    }, { cache }),
    jurisdiction: new DataLoader(async (ids: readonly string[]) => {
      const found = await reader.records(em, ids, reads);
      return ids.map((id) => found.get(id)?.jurisdiction ?? null);
    }, { cache }),
    owner: new DataLoader(async (keys: readonly OwnedKey[]) => {
      const found = await reader.owners(em, keys);
      return keys.map((key) => found.get(key) ?? null);
    }),
    version: new DataLoader(async (ids: readonly string[]) => {
      const found = await reader.records(em, ids, reads);
      return ids.map((id) => found.get(id)?.version ?? null);
    }, { cache }),
    agenda: new DataLoader(async (meetingIds: readonly string[]) => {
      const items = await em.find(AgendaItem, { meeting: { $in: [...meetingIds] } }, { orderBy: { position: 'asc' } });
      return meetingIds.map((id) => items.filter((i) => i.meeting.id === id));
    }),
    appliedChangesets: new DataLoader(async (jurisdictionIds: readonly string[]) => {
      const found = await appliedChangesets(em, jurisdictionIds);
      return jurisdictionIds.map((id) => found.get(id) ?? []);
    }),
    ...createKeyWorkLoaders(em),
  };
}

/** The date "today" in the directory's time zone (Chinese governments: Asia/Shanghai), as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date): string {
  // Present-day zone offsets are whole minutes, so a zone's date cannot change within a UTC minute: one
  // formatting per zone and minute, not one per request (it runs on every request, a repeat included).
  const minute = Math.floor(now.getTime() / 60_000);
  const known = TODAY_BY_ZONE.get(timeZone);
  if (known !== undefined && known.minute === minute) return known.today;
  let format = DATE_FORMATS.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    DATE_FORMATS.set(timeZone, format);
  }
  const today = format.format(now);
  TODAY_BY_ZONE.set(timeZone, { minute, today });
  return today;
}

/** One formatter per time zone: making one costs more than a cached answer. */
const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();
/** The last date formatted per zone, and the UTC minute it holds for. */
const TODAY_BY_ZONE = new Map<string, { readonly minute: number; readonly today: string }>();

/** How a deployment makes its scopes: the same for the GraphQL server, the HTTP exports and the CLI. */
export interface ScopeFactoryOptions {
  /** The zone whose calendar date is "today" (Asia/Shanghai by default, see src/config.ts). */
  readonly timeZone: string;
  readonly publicReads: boolean;
  readonly events: Events;
  /** The clock (tests pin it). */
  readonly now?: () => Date;
  /** Where facts come from: the server's store; the database directly when absent (the CLI). */
  readonly reader?: FactsReader;
}

/** Who asks, beyond the viewer: known to network edges only. */
export interface Caller {
  readonly clientAddress?: string;
  readonly requestId?: string;
}

export type ScopeFactory = (viewer: Viewer | null, caller?: Caller) => RequestScope;

/** One scope per request, each stamped with the moment it was made and that moment's date in `timeZone`. */
export function scopeFactory(em: EntityManager, options: ScopeFactoryOptions): ScopeFactory {
  const clock = options.now ?? (() => new Date());
  return (viewer, caller = {}) => {
    const now = clock();
    return createRequestScope(em, { today: todayIn(options.timeZone, now), now, viewer, publicReads: options.publicReads, events: options.events, ...caller }, options.reader);
  };
}

/**
 * A new scope: its own fork of `em` — its identity map and, with replicas, read-your-writes: after this request
 * writes, its reads go to the primary, and so do the same caller's (token's) next requests until the standbys
 * have replayed the write (src/db/replicas.ts).
 */
export function createRequestScope(em: EntityManager, options: ScopeOptions, reader: FactsReader = DIRECT_READER): RequestScope {
  const fork = forkRequest(em, { sessionKey: options.viewer?.tokenId ?? null }) as SqlEntityManager;
  const storeReads: StoreReads = new Map();
  return { ...options, em: fork, loaders: createLoaders(fork, reader, storeReads), storeReads, reader };
}

/** A scope over an open transaction (an import applying changesets): its reads and writes all run in `tx`. */
export function scopeInTransaction(tx: SqlEntityManager, options: ScopeOptions): RequestScope {
  return { ...options, em: tx, loaders: createLoaders(tx), storeReads: new Map(), reader: DIRECT_READER };
}
