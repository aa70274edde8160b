// Read replicas (DATABASE_REPLICA_URLS), on MikroORM's own `replicas` option: MikroORM sends reads outside a
// transaction to a replica and everything else — writes, and every statement of a transaction — to the primary.
// What it does not do, added here on its own extension points (the driver's connections, the entity manager):
//
// 1. Read-your-writes within a request. Once a request's entity manager (the fork made for the request, and every
//    fork of it) has written — flush, transactional, begin/commit, native insert/update/delete, upsert — its later
//    reads go to the primary too, so a mutation's answer and the rest of that request never read a standby that has
//    not replayed the write yet.
// 2. Read-your-writes across requests. A request forked with a session key (forkRequest(orm.em, { sessionKey }): the
//    caller's token id) marks its session, after each committed write, with the primary's WAL position; the same
//    client's next requests read from a standby only once it has replayed that position (pg_last_wal_replay_lsn),
//    else from the primary. Marks are in-process and bounded (./read-your-writes.ts says how, and what that means
//    with several instances).
// 3. One replica per request. Every read of a request goes to the connection its first read went to (while that can
//    serve it), so one answer is never assembled from two standbys at different replay positions.
// 4. Lag. A standby whose replay is more than REPLICA_MAX_LAG_MS behind the primary is left out of the rotation,
//    like one that is down (replicaStatus() says `lagging`), and is back once it has caught up.
// 5. Fallback. A read that cannot reach its replica (refused, reset, shut down, conflict with recovery) runs again on
//    the primary, and that replica is left out for REPLICA_RETRY_MS before it is tried again; no error reaches the
//    client. With every replica out, reads go to the primary.
//
// Replicas' positions (and the primary's) are asked at most once per REPLICA_POSITION_TTL_MS — one cheap statement
// each, unlogged, in the background while reads come; a read never waits for it. A read routes on what was last seen:
// for read-your-writes that only errs towards the primary (a position seen earlier is never ahead of the real one);
// a standby that starts to lag is seen within one such interval.
import { PostgreSqlConnection, PostgreSqlDriver, type Knex, type QueryBuilder } from '@mikro-orm/postgresql';
import { WriteTrackingEntityManager } from '../store/write-tracking';
import type {
  AnyEntity, Configuration, ConnectionOptions, ConnectionType, EntityData, EntityManager as CoreEntityManager, EntityName, ForkOptions,
  LoggingOptions, QueryResult, Transaction,
} from '@mikro-orm/core';
import {
  formatLsn, parseLsn, PrimaryTimeline, ReadRoute, replicaTuning, SessionMarks, UNKNOWN_WRITE_LSN, type Lsn, type ReplicaTuning,
} from './read-your-writes';

export { REPLICA_MAX_LAG_MS, REPLICA_POSITION_TTL_MS, type ReplicaTuning } from './read-your-writes';

/** How long a replica that failed is left out before reads try it again. */
export const REPLICA_RETRY_MS = 5_000;

/** pg and knex errors that mean "this server cannot answer now", not "this statement is wrong". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', // admin_shutdown, crash_shutdown, cannot_connect_now (a standby still starting)
  '08000', '08001', '08003', '08004', '08006', // connection exceptions
  '53300', // too_many_connections
  '40001', // on a standby: canceling statement due to conflict with recovery
]);
const UNREACHABLE_MESSAGE = /Connection terminated|Timeout acquiring a connection|server closed the connection|the database system is (starting up|shutting down|in recovery)/i;

export function isUnreachable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (typeof code === 'string' && UNREACHABLE_CODES.has(code)) || (typeof message === 'string' && UNREACHABLE_MESSAGE.test(message));
}

/** What the replicas have been doing, for /readyz and the tests. */
export interface ReplicaStatus {
  readonly name: string;
  /** Whether reads go to it: false while it is left out after a failure, or while it is lagging. */
  readonly available: boolean;
  /** Its replay is (or was, when last asked) more than the lag bound behind the primary: out until it catches up. */
  readonly lagging: boolean;
  /** How far its replay was behind the primary when last asked, in ms; null before the first answer (or after a failure). */
  readonly lagMs: number | null;
  /** The WAL position it had replayed when last asked ("0/3000148"); null when not known. */
  readonly replayLsn: string | null;
  /** Reads it answered, and reads that failed over to the primary. */
  readonly served: number;
  readonly failedOver: number;
  /** Why it was last out: the error of its last failed read, or its lag. */
  readonly lastError: string | null;
}

/** The WAL position a server reports, read through its own pool without MikroORM's query log (these are bookkeeping). */
async function walPosition(connection: PostgreSqlConnection, sql: string, timeoutMs: number): Promise<Lsn> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
  });
  // Adopted once: a knex statement runs again on each `then`.
  const query = Promise.resolve().then(() => connection.getKnex().raw(sql) as unknown as PromiseLike<{ rows: { lsn: string | null }[] }>);
  try {
    const { rows } = await Promise.race([query, timeout]);
    const lsn = rows[0]?.lsn;
    if (typeof lsn !== 'string') throw new Error('no WAL position (replay not started)');
    return parseLsn(lsn);
  } finally {
    clearTimeout(timer);
    query.catch(() => undefined); // a late failure of a query given up on is nobody's
  }
}

/** After a commit: where the primary's WAL ends (insert position: covers the commit record even with synchronous_commit off). */
const PRIMARY_POSITION = 'select pg_current_wal_insert_lsn()::text as lsn';
/** What a standby has replayed (a server that is not in recovery is its own primary: everything it has). */
const REPLAY_POSITION = 'select (case when pg_is_in_recovery() then pg_last_wal_replay_lsn() else pg_current_wal_lsn() end)::text as lsn';

function describeMs(ms: number): string {
  return ms < 10_000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

/** A replica's connection: a read it cannot answer is answered by the primary instead. */
export class FallbackReadConnection extends PostgreSqlConnection {
  private downUntil = 0;
  private served = 0;
  private failedOver = 0;
  private lastError: string | null = null;
  private replayed: Lsn | null = null;
  private lagMs: number | null = null;
  private lagging = false;

  constructor(
    config: Configuration,
    options: ConnectionOptions,
    private readonly primary: PostgreSqlConnection,
  ) {
    super(config, options, 'read');
  }

  /** Not left out after a failure (it may still be lagging). */
  reachable(now = Date.now()): boolean {
    return now >= this.downUntil;
  }

  /** Reads may go to it: reachable and not lagging. */
  available(now = Date.now()): boolean {
    return this.reachable(now) && !this.lagging;
  }

  /** What it had replayed when last asked; null when not known. */
  get replayPosition(): Lsn | null {
    return this.replayed;
  }

  /** Whether it is known to have replayed `lsn`. */
  hasReplayed(lsn: Lsn): boolean {
    return this.replayed !== null && this.replayed >= lsn;
  }

  /** Asks what it has replayed (one cheap statement, not logged). */
  probe(timeoutMs: number): Promise<Lsn> {
    return walPosition(this, REPLAY_POSITION, timeoutMs);
  }

  /** It answered a position check: it had replayed `replayed`, `lagMs` behind the primary. */
  observe(replayed: Lsn, lagMs: number, maxLagMs: number): void {
    this.replayed = replayed;
    this.lagMs = lagMs;
    if (!this.lagging && lagMs > maxLagMs) {
      this.lagging = true;
      this.lastError = `lagging: replay ${describeMs(lagMs)} behind the primary (bound ${describeMs(maxLagMs)})`;
    } else if (this.lagging && lagMs <= maxLagMs / 2) {
      this.lagging = false;
    }
  }

  /** It did not answer a position check: what it has replayed is not known (its lag, as last seen, stands). */
  unobserved(): void {
    this.replayed = null;
    this.lagMs = null;
  }

  status(): ReplicaStatus {
    return {
      name: this.options.name ?? 'replica', available: this.available(), lagging: this.lagging, lagMs: this.lagMs,
      replayLsn: this.replayed === null ? null : formatLsn(this.replayed), served: this.served, failedOver: this.failedOver, lastError: this.lastError,
    };
  }

  override async execute<T extends QueryResult | EntityData<AnyEntity> | EntityData<AnyEntity>[] = EntityData<AnyEntity>[]>(
    query: string | Knex.QueryBuilder | Knex.Raw,
    params?: unknown[],
    method?: 'all' | 'get' | 'run',
    ctx?: Transaction,
    loggerContext?: LoggingOptions,
  ): Promise<T> {
    // Inside a transaction the statement belongs to the primary's connection anyway.
    if (ctx !== undefined && ctx !== null) return this.primary.execute<T>(query, params, method, ctx, loggerContext);
    if (this.reachable()) {
      try {
        const result = await super.execute<T>(query, params, method, ctx, loggerContext);
        this.served += 1;
        return result;
      } catch (error) {
        if (!isUnreachable(error)) throw error;
        this.downUntil = Date.now() + REPLICA_RETRY_MS;
        this.lastError = error instanceof Error ? error.message.split('\n')[0].slice(0, 200) : String(error);
        // It may come back rebuilt, behind where it was: its position is asked again first.
        this.unobserved();
      }
    }
    this.failedOver += 1;
    return this.primary.execute<T>(query, params, method, ctx, loggerContext);
  }
}

/**
 * Where the replicas and the primary are, and which session must see which write: owned by the driver (one per ORM).
 * `sessionMark` and `noteCommit` are what the entity manager uses; the router routes on `replicas`' last answers.
 */
export class ReadYourWrites {
  readonly marks: SessionMarks;
  readonly timeline: PrimaryTimeline;
  private checking: Promise<void> | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;

  constructor(
    readonly tuning: ReplicaTuning,
    private readonly primary: PostgreSqlConnection,
    readonly replicas: readonly FallbackReadConnection[],
  ) {
    this.marks = new SessionMarks(tuning);
    this.timeline = new PrimaryTimeline(tuning);
  }

  /** Starts a position check when the last one is older than positionTtlMs; never waits for it. */
  checkSoon(now = Date.now()): void {
    if (this.checking !== null || now - this.checkedAt < this.tuning.positionTtlMs) return;
    this.checkedAt = now;
    this.checking = this.check().finally(() => {
      this.checking = null;
    });
  }

  /** Asks the primary and every reachable replica where they are (one cheap statement each, at once); never throws. */
  async check(): Promise<void> {
    const { probeTimeoutMs, maxLagMs } = this.tuning;
    const targets = this.replicas.filter((r) => r.reachable());
    // Settled as they come (a refusal must not wait, unhandled, for the primary's answer).
    const answers = Promise.allSettled(targets.map((r) => r.probe(probeTimeoutMs).then((lsn) => ({ lsn, at: Date.now() }))));
    try {
      this.timeline.note(await walPosition(this.primary, PRIMARY_POSITION, probeTimeoutMs));
    } catch {
      // The primary did not answer: the lag is measured against what was seen of it before.
    }
    const settled = await answers;
    settled.forEach((answer, i) => {
      if (answer.status === 'fulfilled') targets[i].observe(answer.value.lsn, this.timeline.lagOf(answer.value.lsn, answer.value.at), maxLagMs);
      else targets[i].unobserved();
    });
    this.marks.sweep(Date.now(), this.replayedEverywhere());
  }

  /** The position every replica is known to have replayed; null when one is not known. */
  replayedEverywhere(): Lsn | null {
    let lowest: Lsn | null = null;
    for (const r of this.replicas) {
      const replayed = r.replayPosition;
      if (replayed === null) return null;
      if (lowest === null || replayed < lowest) lowest = replayed;
    }
    return lowest;
  }

  /** The position the session's reads must see (its last write's), or null once none is needed. */
  sessionMark(session: string, now = Date.now()): Lsn | null {
    const mark = this.marks.get(session, now);
    if (mark !== null && this.replicas.every((r) => r.hasReplayed(mark))) {
      this.marks.settle(session, mark);
      return null;
    }
    return mark;
  }

  /**
   * The session's write has committed: marks it with where the primary's WAL now ends (which covers the commit).
   * When that cannot be read, the session reads from the primary until its mark lapses. Never throws.
   */
  async noteCommit(session: string): Promise<void> {
    try {
      const lsn = await walPosition(this.primary, PRIMARY_POSITION, this.tuning.probeTimeoutMs);
      this.timeline.note(lsn);
      this.marks.mark(session, lsn);
    } catch {
      this.marks.mark(session, UNKNOWN_WRITE_LSN);
    }
  }
}

/**
 * What `getConnection('read')` returns when there are replicas: it runs each read on one available replica — the
 * same one for every read of a request (the request's ReadRoute, carried in MikroORM's logger context), one that has
 * replayed the request's session's last write — and on the primary when none is.
 */
export class ReplicaRouter extends PostgreSqlConnection {
  constructor(
    config: Configuration,
    private readonly replicas: readonly FallbackReadConnection[],
    private readonly primary: PostgreSqlConnection,
    private readonly positions: ReadYourWrites,
  ) {
    super(config, { name: 'replicas' }, 'read');
  }

  /**
   * The replica a read of this route goes to, or null for the primary. A route keeps its replica while it is
   * available, and the primary for up to maxLagMs (a request is not moved from the primary to a standby midway;
   * a long-lived one, a subscription's, is after that bound). A read without a route goes to any available replica.
   */
  choose(route?: ReadRoute, now = Date.now()): FallbackReadConnection | null {
    this.positions.checkSoon(now);
    const available = this.replicas.filter((r) => r.available(now));
    if (route === undefined) return available.length === 0 ? null : available[Math.floor(Math.random() * available.length)];
    if (typeof route.choice === 'number' && this.replicas[route.choice].available(now)) return this.replicas[route.choice];
    if (route.choice === 'primary' && now - route.chosenAt < this.positions.tuning.maxLagMs) return null;
    const mark = route.session === null ? null : this.positions.sessionMark(route.session, now);
    const eligible = mark === null ? available : available.filter((r) => r.hasReplayed(mark));
    const picked = eligible.length === 0 ? null : eligible[route.pin % eligible.length];
    route.choice = picked === null ? 'primary' : this.replicas.indexOf(picked);
    route.chosenAt = now;
    return picked;
  }

  /** Whether a read of this route that does not carry it (a hand-written statement) must go to the primary. */
  readsPrimary(route: ReadRoute): boolean {
    return route.choice === 'primary' || (route.session !== null && this.positions.sessionMark(route.session) !== null);
  }

  /** Only to build statements (query builders); they run through execute. */
  override getKnex(): Knex {
    return this.primary.getKnex();
  }

  override async execute<T extends QueryResult | EntityData<AnyEntity> | EntityData<AnyEntity>[] = EntityData<AnyEntity>[]>(
    query: string | Knex.QueryBuilder | Knex.Raw,
    params?: unknown[],
    method?: 'all' | 'get' | 'run',
    ctx?: Transaction,
    loggerContext?: LoggingOptions,
  ): Promise<T> {
    const route = (loggerContext as { replicaRoute?: unknown } | undefined)?.replicaRoute;
    const target = ctx !== undefined && ctx !== null ? null : this.choose(route instanceof ReadRoute ? route : undefined);
    return (target ?? this.primary).execute<T>(query, params, method, ctx, loggerContext);
  }
}

/** PostgreSQL with fallback replicas: reads through a ReplicaRouter, everything else on the primary. */
export class ReplicatedPostgreSqlDriver extends PostgreSqlDriver {
  /** The lag bound and intervals of this driver class; another class with others from withTuning. */
  static readonly tuning: ReplicaTuning = replicaTuning();

  /** This driver with other bounds (e.g. maxLagMs from configuration), for the ORM's `driver` option. */
  static withTuning(overrides: Partial<ReplicaTuning>): typeof ReplicatedPostgreSqlDriver {
    const tuning = replicaTuning({ ...this.tuning, ...overrides });
    const Base = this;
    return class TunedReplicatedPostgreSqlDriver extends Base {
      static override readonly tuning = tuning;
    };
  }

  private readonly router: ReplicaRouter | null;
  /** Replicas' positions and sessions' marks; null without replicas. */
  readonly readYourWrites: ReadYourWrites | null;

  constructor(config: Configuration) {
    super(config);
    const replicas = this.createReplicas((options) => new FallbackReadConnection(this.config, options, this.connection)) as FallbackReadConnection[];
    this.replicas.splice(0, this.replicas.length, ...replicas);
    const tuning = (this.constructor as typeof ReplicatedPostgreSqlDriver).tuning;
    this.readYourWrites = replicas.length === 0 ? null : new ReadYourWrites(tuning, this.connection, replicas);
    this.router = this.readYourWrites === null ? null : new ReplicaRouter(this.config, replicas, this.connection, this.readYourWrites);
  }

  override getConnection(type: ConnectionType = 'write'): PostgreSqlConnection {
    return type === 'write' || this.router === null ? this.connection : this.router;
  }

  /** Whether a hand-written read of this route must go to the primary (see ReplicaRouter.readsPrimary). */
  readsPrimary(route: ReadRoute): boolean {
    return this.router !== null && this.router.readsPrimary(route);
  }

  replicaStatus(): ReplicaStatus[] {
    return (this.replicas as FallbackReadConnection[]).map((r) => r.status());
  }
}

/** Shared by a request's fork and every fork made from it (transactional's among them). */
interface WriteScope {
  wrote: boolean;
  /** The client the request is made for; its committed writes mark it. */
  readonly session: string | null;
}

/** MikroORM's fork options, and the client a request's fork is made for. */
export interface SessionForkOptions extends ForkOptions {
  /**
   * Who the request is for — the caller's token id — so that it reads what the same client wrote in earlier
   * requests; null or absent for an anonymous caller (no mark). Only on a fork of the ORM's global manager; a fork of
   * a request's manager is that request (same session).
   */
  readonly sessionKey?: string | null;
}

/** The entity manager with read-your-writes (see the top of this file). */
/** Extends the write-tracking manager, so the facts store hears committed writes with replicas too. */
export class ReadYourWritesEntityManager extends WriteTrackingEntityManager {
  private writeScope: WriteScope = { wrote: false, session: null };

  /** Whether this request has written; from then on it reads from the primary. */
  get hasWritten(): boolean {
    return this.writeScope.wrote;
  }

  /** The client this request is for (its session key), or null. */
  get sessionKey(): string | null {
    return this.getContext(false).writeScope.session;
  }

  override fork(options: SessionForkOptions = {}): this {
    const { sessionKey, ...forkOptions } = options;
    const fork = super.fork(forkOptions);
    // A fork of the global manager starts a request of its own (with its route, which MikroORM hands to the
    // connection with every statement as logger context); a fork of a request's manager is that request.
    if (this.useContext) {
      const session = sessionKey ?? null;
      fork.writeScope = { wrote: false, session };
      fork.setLoggerContext({ ...fork.getLoggerContext(), replicaRoute: new ReadRoute(Math.floor(Math.random() * 2 ** 31), session) });
    } else {
      fork.writeScope = this.getContext(false).writeScope;
    }
    return fork;
  }

  protected override prepareOptions(options: Parameters<WriteTrackingEntityManager['prepareOptions']>[0]): void {
    super.prepareOptions(options);
    if (this.getContext(false).writeScope.wrote) options.connectionType = 'write';
  }

  override createQueryBuilder<Entity extends object, RootAlias extends string = never>(
    entityName: EntityName<Entity> | QueryBuilder<Entity>,
    alias?: RootAlias,
    type?: ConnectionType,
    loggerContext?: LoggingOptions,
  ): QueryBuilder<Entity, RootAlias> {
    return super.createQueryBuilder(entityName, alias, type ?? (this.getContext(false).writeScope.wrote ? 'write' : undefined), loggerContext);
  }

  /** Marks the request as having written. */
  markWritten(): void {
    this.getContext(false).writeScope.wrote = true;
  }

  /**
   * After a write returned: unless it is inside a transaction (whose commit comes later, and does this), it has
   * committed, and the request's session is marked with the primary's position. The write's caller waits for it, so
   * the mark is there before the client hears of the write.
   */
  async afterWrite(): Promise<void> {
    if (this.isInTransaction()) return;
    const session = this.getContext(false).writeScope.session;
    const driver = this.getDriver();
    if (session !== null && driver instanceof ReplicatedPostgreSqlDriver) await driver.readYourWrites?.noteCommit(session);
  }

  /** Whether a hand-written read of this request must go to the primary (it wrote, or its session's write is not replayed everywhere). */
  readsPrimary(): boolean {
    if (this.hasWritten) return true;
    const route = (this.getContext(false).loggerContext as { replicaRoute?: unknown } | undefined)?.replicaRoute;
    const driver = this.getDriver();
    return route instanceof ReadRoute && driver instanceof ReplicatedPostgreSqlDriver && driver.readsPrimary(route);
  }
}

// Every way of writing marks the request first, then does what it always did, then (once committed) marks the session.
for (const method of ['flush', 'transactional', 'begin', 'commit', 'insert', 'insertMany', 'nativeUpdate', 'nativeDelete', 'upsert', 'upsertMany'] as const) {
  const base = (WriteTrackingEntityManager.prototype as unknown as Record<string, (...args: unknown[]) => unknown>)[method];
  Object.defineProperty(ReadYourWritesEntityManager.prototype, method, {
    configurable: true,
    writable: true,
    async value(this: ReadYourWritesEntityManager, ...args: unknown[]) {
      this.markWritten();
      const result = await base.apply(this, args);
      await this.afterWrite();
      return result;
    },
  });
}

/**
 * A request's own entity manager: a fork of `em` (the ORM's global one) that reads what this request wrote and —
 * given `sessionKey`, the caller's token id — what the same client wrote in its earlier requests. Without replicas
 * (SQLite, or no DATABASE_REPLICA_URLS) a plain fork.
 */
export function forkRequest<T extends CoreEntityManager>(em: T, options: SessionForkOptions = {}): T {
  if (em instanceof ReadYourWritesEntityManager) return em.fork(options) as unknown as T;
  const { sessionKey: _sessionKey, ...forkOptions } = options;
  return em.fork(forkOptions) as T;
}

/** The connection type a hand-written read of this request should use: 'write' when it must see what was written. */
export function readConnectionType(em: CoreEntityManager): ConnectionType {
  return em instanceof ReadYourWritesEntityManager && em.readsPrimary() ? 'write' : 'read';
}

/** The ORM options that turn replicas on: MikroORM's `replicas`, the fallback driver (with `tuning`), read-your-writes. */
export function replicaOptions(replicaUrls: readonly string[], tuning: Partial<ReplicaTuning> = {}): {
  replicas: ConnectionOptions[];
  driver: typeof ReplicatedPostgreSqlDriver;
  entityManager: typeof ReadYourWritesEntityManager;
  preferReadReplicas: true;
} {
  return {
    replicas: replicaUrls.map((url, i) => ({ name: `replica-${i + 1}`, clientUrl: url })),
    driver: Object.keys(tuning).length === 0 ? ReplicatedPostgreSqlDriver : ReplicatedPostgreSqlDriver.withTuning(tuning),
    entityManager: ReadYourWritesEntityManager,
    preferReadReplicas: true,
  };
}
