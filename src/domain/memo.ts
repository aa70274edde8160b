// Pure: no I/O, no clock. Memoisation of derived views per (facts, date).
//
// Facts are immutable once loaded (one snapshot per request), and every derived view is a function of
// (facts, on) alone, so caching it on the facts object changes no answer; it only spares a request that
// resolves hundreds of nested fields from recomputing "the lines in force on D" hundreds of times.
// The cache is weakly held: it goes away with the facts.
import type { DirectoryFacts, IsoDate } from './facts';

const caches = new WeakMap<DirectoryFacts, Map<string, unknown>>();

/** Returns compute()'s result for (facts, view, on), computing it once. Callers must not mutate it. */
export function memoOn<T>(facts: DirectoryFacts, view: string, on: IsoDate, compute: () => T): T {
  let cache = caches.get(facts);
  if (cache === undefined) {
    cache = new Map();
    caches.set(facts, cache);
  }
  const key = `${view}|${on}`;
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  cache.set(key, value);
  return value;
}

/**
 * compute()'s result for `key`, kept in `cache` among the `limit` most recently used: a bounded memo of a pure
 * function of `key` (the least recently used entry goes first).
 */
export function rememberBounded<T>(cache: Map<string, T>, key: string, limit: number, compute: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
  } else {
    cache.delete(key);
  }
  cache.set(key, value);
  return value;
}

/** Groups rows by a key, keeping their order; rows whose key is null are left out. */
export function indexBy<T>(rows: readonly T[], key: (row: T) => string | null): ReadonlyMap<string, readonly T[]> {
  const index = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const group = index.get(k);
    if (group === undefined) index.set(k, [row]);
    else group.push(row);
  }
  return index;
}
