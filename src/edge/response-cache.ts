// Answers from memory: the serialized response of an anonymous query that ran without one SQL statement — made
// from the store of facts alone — is kept, keyed by the request body exactly as sent and by today's date, together
// with the facts it was made from. A repeat of the same body is answered with the same bytes while the store
// still holds those very facts (the store's own check: its invalidation on every committed write, Redis
// generations across instances, maximum age); else it runs again. Nothing the viewer's role decides is cached
// (only anonymous requests are: a token's contacts and scopes never reach it), and the resolved as-of date is in
// the key. A repeat is still admitted by the operation policy (the caller rule and its rate-limit points).
import { createHash } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { StoreReads } from '../store/facts-store';
import type { VersionedFacts } from '../store/load-facts';
import type { StatementTally } from '../store/statements';

/** What the cache consults to know whether the facts an answer was made from are still current. */
export interface HeldFacts {
  peek(ids: readonly string[]): Promise<Map<string, VersionedFacts>>;
}

export interface CachedAnswer {
  /** The response body, byte for byte as Apollo sent it. */
  readonly body: string;
  /** The same, encoded once (UTF-8) for every repeat. */
  readonly bytes: Buffer;
  /** The rate-limit points the operation costs. */
  readonly points: number;
  /** "query leadershipTeam": for logs and metrics. */
  readonly operation: string;
  /**
   * The facts it was made from, held weakly: a kept answer never keeps superseded facts alive (once the store lets
   * them go, the answer is stale anyway).
   */
  readonly dependencies: ReadonlyMap<string, WeakRef<VersionedFacts>>;
}

export interface ResponseCacheOptions {
  readonly maxEntries: number;
  readonly maxBytes: number;
  /** Counts outcomes (prom-client counter with an `outcome` label: answered, kept, stale). */
  readonly counter?: { inc(labels: { outcome: string }): void } | null;
}

export const DEFAULT_RESPONSE_CACHE: ResponseCacheOptions = { maxEntries: 10_000, maxBytes: 64 * 1024 * 1024 };

/** A request's tally of statements, and the cache key of its body when it may be kept. */
export interface PendingAnswer extends StatementTally {
  readonly key: string;
}

/** What the cache has done since it started (shown on /metrics). */
export interface ResponseCacheStats {
  /** Requests answered from memory. */
  answered: number;
  /** Answers kept. */
  kept: number;
  /** Kept answers dropped because a government they were made from changed (or left the store). */
  stale: number;
}

export class ResponseCache {
  private readonly answers: LRUCache<string, CachedAnswer>;
  readonly stats: ResponseCacheStats = { answered: 0, kept: 0, stale: 0 };

  constructor(private readonly facts: HeldFacts, private readonly options: ResponseCacheOptions = DEFAULT_RESPONSE_CACHE) {
    this.answers = new LRUCache<string, CachedAnswer>({
      max: Math.max(1, options.maxEntries), maxSize: Math.max(1, options.maxBytes), sizeCalculation: (answer) => Math.max(1, answer.body.length * 2 + answer.bytes.length),
    });
  }

  /**
   * The key of a single operation (`body` parsed, a JSON object with a query string) on `today`, made from the
   * bytes as sent (`raw`): never re-serialized, so no depth of nesting costs more than the parse did. Null for
   * anything else.
   */
  keyOf(raw: Buffer | undefined, body: unknown, today: string): string | null {
    if (raw === undefined || body === null || typeof body !== 'object' || Array.isArray(body) || typeof (body as { query?: unknown }).query !== 'string') return null;
    return this.keyOfBytes(raw, today);
  }

  /**
   * The key of a body's bytes on `today`, without reading them: only bodies that keyOf accepted are ever kept, so
   * a lookup by these bytes finds nothing for any other body.
   */
  keyOfBytes(raw: Buffer, today: string): string {
    return createHash('sha256').update(today).update('\n').update(raw).digest('base64url');
  }

  /** The kept answer for `key` if every government it was made from is held unchanged; null otherwise. */
  async answer(key: string): Promise<CachedAnswer | null> {
    const answer = this.answers.get(key);
    if (answer === undefined) return null;
    const ids = [...answer.dependencies.keys()];
    const held = ids.length === 0 ? new Map<string, VersionedFacts>() : await this.facts.peek(ids);
    const current = (id: string) => {
      const entry = held.get(id);
      return entry !== undefined && entry === answer.dependencies.get(id)?.deref();
    };
    if (ids.every(current)) {
      this.count('answered');
      return answer;
    }
    this.answers.delete(key);
    this.count('stale');
    return null;
  }

  /**
   * Keeps a query's answer when it ran no statement, read nothing uncacheable (markUncacheable) and has no error. `data` and `extensions` are Apollo's
   * single result; the body is serialized as Apollo serializes it (JSON, then a newline).
   */
  keep(pending: PendingAnswer, result: { readonly data?: unknown; readonly errors?: readonly GraphQLFormattedError[]; readonly extensions?: unknown }, reads: StoreReads, operation: string, points: number): void {
    if (pending.statements !== 0 || pending.uncacheable === true || (result.errors !== undefined && result.errors.length > 0) || result.data === undefined) return;
    const body = `${JSON.stringify({ data: result.data, ...(result.extensions === undefined ? {} : { extensions: result.extensions }) })}\n`;
    const dependencies = new Map([...reads].map(([id, entry]) => [id, new WeakRef(entry)] as const));
    this.answers.set(pending.key, { body, bytes: Buffer.from(body, 'utf8'), points, operation, dependencies });
    this.count('kept');
  }

  private count(outcome: keyof ResponseCacheStats): void {
    this.stats[outcome] += 1;
    this.options.counter?.inc({ outcome });
  }

  /** Forgets every answer (operators, benchmarks). */
  clear(): void {
    this.answers.clear();
  }

  get size(): number {
    return this.answers.size;
  }
}
