// The store of facts: the one place that reads a government's facts, for every path (GraphQL over HTTP and
// WebSocket, HTTP exports, the CLI). It keeps each government's facts — and so, through the domain's memo on
// the facts object, their derived views (team, lines by unit, coverage, the search index) — in memory,
// least-recently-used and bounded by a number of governments.
//
// Contract:
// - A read outside a transaction answers from memory when it can (no SQL); a miss loads all missing
//   governments of the request together.
// - Inside a transaction the store is bypassed: a writer validates against what its transaction sees.
// - Every committed write through the ORM evicts the governments it touched (src/store/write-tracking.ts)
//   before the writer's response is sent, so the writer's next read, and anyone's, sees the write.
// - With Redis (several instances), the writer also increments each touched government's generation in
//   Redis before it answers, and a read checks the generations of the governments it needs (one MGET, no
//   SQL) against those its cached facts were loaded at: another instance's write is seen by the very next
//   read, with no window in which a pub/sub message is still on its way. If Redis does not answer, the
//   read goes to the database.
// - A load that raced a write (started before its commit) is answered but not kept.
// - A government being loaded is not loaded again by a read that needs it at the same generations: that read
//   waits for the load under way (a read begun after a write's commit never joins a load begun before it).
// - Facts answer for any asOf: they are the full history, and the date is an argument of every view.
// - The candidates of a search that names no government come from the country-wide name index
//   (src/store/name-index.ts), kept current by the same writes (and, with Redis, the same MULTI); an answer that
//   consulted it is marked uncacheable (a write anywhere may change which governments match).
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { connectRedis, type Redis } from '../db/redis';
import { LRUCache } from 'lru-cache';
import type { JurisdictionFact } from '../domain';
import { Department, Jurisdiction, Leader, WorkArea } from '../entities';
import { loadVersionedFacts, type VersionedFacts } from './load-facts';
import { retryRead } from '../db/retry';
import { ALL_GOVERNMENTS, onCommittedWrites } from './write-tracking';
import { announceNameChanges, governmentsMatchingInDatabase, NameIndex } from './name-index';
import { markUncacheable } from './statements';

const GENERATION_KEY = (id: string) => `fengong:facts:generation:${id}`;

export interface StoreOptions {
  /** At most this many governments are kept; the least recently used goes first. */
  readonly maxGovernments: number;
  /**
   * A held government is reloaded after this long at the latest (0: never). Writes through this process, or
   * announced through Redis, are seen at once; this bounds how long a write nobody announced — another
   * process on the same database without Redis, a restore — can go unseen.
   */
  readonly maxAgeMs?: number;
  /** Redis for invalidations between instances; null for one instance. */
  readonly redisUrl?: string | null;
  /** Counts hits, misses and evictions (prom-client counter with an `outcome` label). */
  readonly counter?: { inc(labels: { outcome: string }, value?: number): void } | null;
  readonly onError?: (error: unknown) => void;
}

export { DEFAULT_STORE_SIZE } from './size';

/** A government's own record and its directory version. */
export interface GovernmentRecord {
  readonly jurisdiction: JurisdictionFact;
  readonly version: number;
}

/** The records whose government a lookup by id needs to find first. */
export type OwnedKind = 'Leader' | 'Department' | 'WorkArea';

/** "Department|dept:education": a record's kind and id, the key of an owner lookup. */
export type OwnedKey = `${OwnedKind}|${string}`;

const OWNED_ENTITIES = { Leader, Department, WorkArea } as const;

/**
 * What one request was answered from: each government's facts exactly as the store held them. Filled by the
 * store only (a direct reader runs SQL, which makes an answer uncacheable anyway).
 */
export type StoreReads = Map<string, VersionedFacts>;

export interface FactsReader {
  /** Each known government's facts and version, keyed by id; unknown ids are absent. Served entries go into `reads`. */
  load(em: SqlEntityManager, ids: readonly string[], reads?: StoreReads): Promise<Map<string, VersionedFacts>>;
  /** Each known government's own record and version (no lines), keyed by id. */
  records(em: SqlEntityManager, ids: readonly string[], reads?: StoreReads): Promise<Map<string, GovernmentRecord>>;
  /** The government each leader, unit or work area belongs to; unknown records are absent. */
  owners(em: SqlEntityManager, keys: readonly OwnedKey[]): Promise<Map<OwnedKey, string>>;
  /**
   * Every government with a unit (name, aliases, head), work area (name, aliases) or leader whose text contains one
   * of `keywords` (searchKeywords), in id order, never capped: the candidates of a search that names no government.
   * Marks the running work uncacheable.
   */
  governmentsMatching(em: SqlEntityManager, keywords: readonly string[]): Promise<readonly string[]>;
}

async function ownersFromDatabase(em: SqlEntityManager, keys: readonly OwnedKey[]): Promise<Map<OwnedKey, string>> {
  const byKind = new Map<OwnedKind, string[]>();
  for (const key of keys) {
    const [kind, id] = key.split('|', 2) as [OwnedKind, string];
    byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
  }
  const found = new Map<OwnedKey, string>();
  for (const [kind, ids] of byKind) {
    const rows = await em.find(OWNED_ENTITIES[kind] as typeof Leader, { id: { $in: ids } }, { fields: ['jurisdiction'], disableIdentityMap: true });
    for (const row of rows) found.set(`${kind}|${row.id}`, row.jurisdiction.id);
  }
  return found;
}

/** Reads straight from the database every time: for one-shot tools and for tests of the loading itself. */
export const DIRECT_READER: FactsReader = {
  load: (em, ids) => loadVersionedFacts(em, ids),
  async records(em, ids) {
    const rows = await em.find(Jurisdiction, { id: { $in: [...ids] } }, { disableIdentityMap: true });
    return new Map(rows.map((j) => [j.id, { jurisdiction: { id: j.id, name: j.name, level: j.level, parentId: j.parent?.id ?? null }, version: j.version }]));
  },
  owners: ownersFromDatabase,
  governmentsMatching(em, keywords) {
    markUncacheable();
    return governmentsMatchingInDatabase(em, keywords);
  },
};

interface Held {
  readonly entry: VersionedFacts;
  /** The Redis generations (of the government and of "all") the entry was loaded at; null without Redis. */
  readonly generation: string | null;
}

export class FactsStore implements FactsReader {
  private readonly cache: LRUCache<string, Held>;
  /** Bumped on every invalidation of an id (or of all): a load that saw another generation is not kept. */
  private readonly generations = new Map<string, number>();
  private everything = 0;
  private readonly unsubscribe: () => void;
  private readonly redis: Redis | null;
  /** Loads under way, each government's share of its batch, by loadingKey. */
  private readonly loading = new Map<string, Promise<VersionedFacts | undefined>>();
  /** Whose a leader, unit or work area is; ids never move between governments, so this needs no invalidation. */
  private readonly owned = new Map<OwnedKey, string>();
  /** The country-wide name index (candidates of a search naming no government). */
  readonly names: NameIndex;
  /** The name index being prepared in the background (prepareNameIndex), until it is done. */
  private preparing: Promise<void> | null = null;

  constructor(orm: MikroORM, private readonly options: StoreOptions) {
    this.cache = new LRUCache<string, Held>({
      max: Math.max(1, options.maxGovernments),
      ...(options.maxAgeMs !== undefined && options.maxAgeMs > 0 ? { ttl: options.maxAgeMs } : {}),
      dispose: (_value, _key, reason) => {
        if (reason === 'evict') options.counter?.inc({ outcome: 'evicted' });
      },
    });
    const redisUrl = options.redisUrl ?? null;
    this.redis = redisUrl === null ? null : connectRedis(redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 1_000 });
    this.redis?.on('error', (error: unknown) => options.onError?.(error));
    this.names = new NameIndex({ maxAgeMs: options.maxAgeMs, redis: this.redis, onError: options.onError });
    this.unsubscribe = onCommittedWrites(orm.config, async (ids) => {
      this.forget(ids);
      this.names.touched(ids);
      if (this.redis === null) return;
      try {
        const bump = this.redis.multi();
        for (const id of ids) bump.incr(GENERATION_KEY(id));
        announceNameChanges(bump, ids);
        for (const [error] of (await bump.exec()) ?? []) if (error !== null) options.onError?.(error);
      } catch (error) {
        options.onError?.(error);
      }
    });
  }

  async load(em: SqlEntityManager, ids: readonly string[], reads?: StoreReads): Promise<Map<string, VersionedFacts>> {
    const found = await this.loadAll(em, ids);
    if (reads !== undefined) for (const [id, entry] of found) reads.set(id, entry);
    return found;
  }

  /**
   * The entries held now for `ids` and still current (the same check as a read: Redis generations, maximum age),
   * without loading anything; an id not held is absent. One MGET with Redis, no SQL.
   */
  async peek(ids: readonly string[]): Promise<Map<string, VersionedFacts>> {
    const generations = await this.redisGenerations(ids);
    const held = new Map<string, VersionedFacts>();
    for (const id of ids) {
      const entry = this.cache.get(id);
      if (entry !== undefined && (this.redis === null || (generations !== null && entry.generation === generations.get(id)))) held.set(id, entry.entry);
    }
    return held;
  }

  private async loadAll(em: SqlEntityManager, ids: readonly string[]): Promise<Map<string, VersionedFacts>> {
    if (em.isInTransaction()) return loadVersionedFacts(em, ids);
    const wanted = [...new Set(ids)];
    const generations = await this.redisGenerations(wanted);
    const found = new Map<string, VersionedFacts>();
    const missing: string[] = [];
    for (const id of wanted) {
      const held = this.cache.get(id);
      if (held === undefined || (this.redis !== null && (generations === null || held.generation !== generations.get(id)))) missing.push(id);
      else found.set(id, held.entry);
    }
    this.options.counter?.inc({ outcome: 'hit' }, found.size);
    if (missing.length === 0) return found;
    this.options.counter?.inc({ outcome: 'miss' }, missing.length);
    // A government another read is loading now, at the same generations, is not loaded twice: after a write every
    // connection in flight misses it at once, and each would read and rebuild the same facts.
    const joined: [string, Promise<VersionedFacts | undefined>][] = [];
    const own: string[] = [];
    for (const id of missing) {
      const pending = this.loading.get(this.loadingKey(id, generations));
      if (pending === undefined) own.push(id);
      else joined.push([id, pending]);
    }
    if (own.length > 0) {
      const seen = new Map(own.map((id) => [id, this.generationOf(id)]));
      const everything = this.everything;
      const batch = this.loadOnce(em, own);
      const keys = own.map((id) => this.loadingKey(id, generations));
      const shares = own.map((id) => batch.then((loaded) => loaded.get(id)));
      keys.forEach((key, i) => {
        shares[i].catch(() => undefined);
        this.loading.set(key, shares[i]);
      });
      try {
        for (const [id, entry] of await batch) {
          found.set(id, entry);
          const unchanged = this.everything === everything && this.generationOf(id) === seen.get(id);
          if (unchanged && (this.redis === null || generations !== null)) this.cache.set(id, { entry, generation: generations?.get(id) ?? null });
          this.remember(entry);
        }
      } finally {
        keys.forEach((key, i) => {
          if (this.loading.get(key) === shares[i]) this.loading.delete(key);
        });
      }
    }
    for (const [id, pending] of joined) {
      const entry = await pending;
      if (entry !== undefined) found.set(id, entry);
    }
    return found;
  }

  /**
   * What a load of `id` is shared under: the government and the generations it would be loaded at (this process's
   * invalidations, and Redis's when there is Redis). A read begun after a write's commit never joins a load begun
   * before it: the write moved the generation.
   */
  private loadingKey(id: string, generations: Map<string, string> | null): string {
    return `${id}|${this.everything}.${this.generationOf(id)}|${this.redis === null ? '' : (generations?.get(id) ?? 'unknown')}`;
  }

  async owners(em: SqlEntityManager, keys: readonly OwnedKey[]): Promise<Map<OwnedKey, string>> {
    const found = new Map<OwnedKey, string>();
    const missing: OwnedKey[] = [];
    for (const key of keys) {
      const owner = this.owned.get(key);
      if (owner === undefined) missing.push(key);
      else found.set(key, owner);
    }
    if (missing.length === 0) return found;
    for (const [key, owner] of await ownersFromDatabase(em, missing)) {
      found.set(key, owner);
      this.owned.set(key, owner);
    }
    return found;
  }

  private remember({ facts }: VersionedFacts): void {
    const id = facts.jurisdiction.id;
    for (const leader of facts.leaders) this.owned.set(`Leader|${leader.id}`, id);
    for (const unit of facts.departments) this.owned.set(`Department|${unit.id}`, id);
    for (const area of facts.workAreas) this.owned.set(`WorkArea|${area.id}`, id);
  }

  /** Loads from the primary; a dropped connection is retried on a fresh connection (src/db/retry.ts). */
  private loadOnce(em: SqlEntityManager, ids: readonly string[]): Promise<Map<string, VersionedFacts>> {
    return retryRead(() => loadVersionedFacts(em, ids, { connection: 'write' }));
  }

  /** Each id's generation in Redis (joined with that of "all governments"); null without Redis or when it does not answer. */
  private async redisGenerations(ids: readonly string[]): Promise<Map<string, string> | null> {
    if (this.redis === null || ids.length === 0) return null;
    try {
      const values = await this.redis.mget(GENERATION_KEY(ALL_GOVERNMENTS), ...ids.map(GENERATION_KEY));
      const all = values[0] ?? '0';
      return new Map(ids.map((id, i) => [id, `${all}.${values[i + 1] ?? '0'}`]));
    } catch (error) {
      this.options.onError?.(error);
      return null;
    }
  }

  async records(em: SqlEntityManager, ids: readonly string[], reads?: StoreReads): Promise<Map<string, GovernmentRecord>> {
    if (em.isInTransaction()) return DIRECT_READER.records(em, ids);
    const loaded = await this.load(em, ids, reads);
    return new Map([...loaded].map(([id, entry]) => [id, { jurisdiction: entry.facts.jurisdiction, version: entry.version }]));
  }

  /**
   * From the name index, answered from memory once it is current (no SQL warm); from the database inside a
   * transaction (a writer sees its own writes) and when Redis does not answer (writes other instances announced
   * could be missing from the index).
   */
  async governmentsMatching(em: SqlEntityManager, keywords: readonly string[]): Promise<readonly string[]> {
    markUncacheable();
    if (em.isInTransaction()) return governmentsMatchingInDatabase(em, keywords);
    return (await this.names.matching(em, keywords)) ?? governmentsMatchingInDatabase(em, keywords);
  }

  /**
   * Builds the name index in the background (a server does so once it listens); a failure is reported to onError
   * and the first search builds it instead. `close` waits for it.
   */
  prepareNameIndex(em: SqlEntityManager): Promise<void> {
    this.preparing ??= this.names
      .prepare(em)
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.preparing = null;
      });
    return this.preparing;
  }

  /** Forgets every government held and the name index (for operators and benchmarks; writes never need it). */
  clear(): void {
    this.everything += 1;
    this.cache.clear();
    this.names.clear();
  }

  /** How many governments are held now. */
  get size(): number {
    return this.cache.size;
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.preparing;
    // A client that is not connected (Redis down) would keep reconnecting through QUIT: it is dropped instead.
    if (this.redis?.status === 'ready') await this.redis.quit().catch(() => undefined);
    else this.redis?.disconnect();
  }

  private generationOf(id: string): number {
    return this.generations.get(id) ?? 0;
  }

  private forget(ids: ReadonlySet<string>): void {
    if (ids.has(ALL_GOVERNMENTS)) {
      this.everything += 1;
      this.cache.clear();
      return;
    }
    for (const id of ids) {
      this.generations.set(id, this.generationOf(id) + 1);
      this.cache.delete(id);
    }
  }
}
