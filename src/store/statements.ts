// Counting the SQL statements a piece of work runs, wherever it runs them (the primary, a replica, a transaction):
// MikroORM's `onQuery` hook (src/db/mikro-orm.config.ts) is called for every statement, and an AsyncLocalStorage
// ties it to the work that is running. The response cache keeps only answers made with no statement at all —
// answers made from the store of facts alone, which the store can tell are still current.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface StatementTally {
  statements: number;
  /**
   * Set when the work read something whose freshness the store cannot vouch for per government (the country-wide
   * name index: a write anywhere may change which governments match), so its answer must not be kept.
   */
  uncacheable?: boolean;
}

const running = new AsyncLocalStorage<StatementTally>();

/** The `onQuery` hook: counts the statement against the work it belongs to, if any, and leaves it unchanged. */
export function countStatement(sql: string): string {
  const tally = running.getStore();
  if (tally !== undefined) tally.statements += 1;
  return sql;
}

/** Marks the work running now (if it keeps a tally) as one whose answer must not be kept. */
export function markUncacheable(): void {
  const tally = running.getStore();
  if (tally !== undefined) tally.uncacheable = true;
}

/** The tally of the work running now, if it keeps one. */
export function currentStatementTally(): StatementTally | undefined {
  return running.getStore();
}

/** Runs `work` (and everything it starts) with a tally of its statements; read the tally when it is done. */
export function withStatementTally<T>(tally: StatementTally, work: () => T): T {
  return running.run(tally, work);
}
