// Read replicas (DATABASE_REPLICA_URLS), on MikroORM's own `replicas` option: MikroORM sends reads outside a
// transaction to a replica and everything else — writes, and every statement of a transaction — to the primary.
// Two things it does not do, added here on its own extension points (the driver's connections, the entity manager):
//
// 1. Read-your-writes. Once a request's entity manager (the fork made for the request, and every fork of it) has
//    written — flush, transactional, native insert/update/delete, upsert — its later reads go to the primary too, so
//    a mutation's answer and the rest of that request never read a standby that has not replayed the write yet.
// 2. One replica per request. Every read of a request goes to the same replica (while it answers), so one answer is
//    never assembled from two standbys at different replay positions.
// 3. Fallback. A read that cannot reach its replica (refused, reset, shut down, conflict with recovery) runs again on
//    the primary, and that replica is left out for REPLICA_RETRY_MS before it is tried again; no error reaches the
//    client. With every replica out, reads go to the primary.
import { PostgreSqlConnection, PostgreSqlDriver, type Knex, type QueryBuilder } from '@mikro-orm/postgresql';
import { WriteTrackingEntityManager } from '../store/write-tracking';
import type {
  AnyEntity, Configuration, ConnectionOptions, ConnectionType, EntityData, EntityManager as CoreEntityManager, EntityName, ForkOptions,
  LoggingOptions, QueryResult, Transaction,
} from '@mikro-orm/core';

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
  /** False while the replica is left out after a failure. */
  readonly available: boolean;
  /** Reads it answered, and reads that failed over to the primary. */
  readonly served: number;
  readonly failedOver: number;
  readonly lastError: string | null;
}

/** A replica's connection: a read it cannot answer is answered by the primary instead. */
export class FallbackReadConnection extends PostgreSqlConnection {
  private downUntil = 0;
  private served = 0;
  private failedOver = 0;
  private lastError: string | null = null;

  constructor(
    config: Configuration,
    options: ConnectionOptions,
    private readonly primary: PostgreSqlConnection,
  ) {
    super(config, options, 'read');
  }

  available(now = Date.now()): boolean {
    return now >= this.downUntil;
  }

  status(): ReplicaStatus {
    return {
      name: this.options.name ?? 'replica', available: this.available(), served: this.served, failedOver: this.failedOver, lastError: this.lastError,
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
    if (this.available()) {
      try {
        const result = await super.execute<T>(query, params, method, ctx, loggerContext);
        this.served += 1;
        return result;
      } catch (error) {
        if (!isUnreachable(error)) throw error;
        this.downUntil = Date.now() + REPLICA_RETRY_MS;
        this.lastError = error instanceof Error ? error.message.split('\n')[0].slice(0, 200) : String(error);
      }
    }
    this.failedOver += 1;
    return this.primary.execute<T>(query, params, method, ctx, loggerContext);
  }
}

/**
 * What `getConnection('read')` returns when there are replicas: it runs each read on one available replica — the
 * same one for every read of a request (the request's pin, carried in MikroORM's logger context), so a request's
 * statements do not mix the replay positions of two standbys — and on the primary when none is available.
 */
export class ReplicaRouter extends PostgreSqlConnection {
  constructor(
    config: Configuration,
    private readonly replicas: readonly FallbackReadConnection[],
    private readonly primary: PostgreSqlConnection,
  ) {
    super(config, { name: 'replicas' }, 'read');
  }

  /** The replica a read with this pin goes to, or null when none is available. */
  pick(pin: number | undefined): FallbackReadConnection | null {
    const up = this.replicas.filter((r) => r.available());
    if (up.length === 0) return null;
    return up[Math.abs(Math.trunc(pin ?? Math.random() * 1e9)) % up.length];
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
    const pin = (loggerContext as { replicaPin?: number } | undefined)?.replicaPin;
    const target = ctx !== undefined && ctx !== null ? null : this.pick(pin);
    return (target ?? this.primary).execute<T>(query, params, method, ctx, loggerContext);
  }
}

/** PostgreSQL with fallback replicas: reads through a ReplicaRouter, everything else on the primary. */
export class ReplicatedPostgreSqlDriver extends PostgreSqlDriver {
  private readonly router: ReplicaRouter | null;

  constructor(config: Configuration) {
    super(config);
    const replicas = this.createReplicas((options) => new FallbackReadConnection(this.config, options, this.connection)) as FallbackReadConnection[];
    this.replicas.splice(0, this.replicas.length, ...replicas);
    this.router = replicas.length === 0 ? null : new ReplicaRouter(this.config, replicas, this.connection);
  }

  override getConnection(type: ConnectionType = 'write'): PostgreSqlConnection {
    return type === 'write' || this.router === null ? this.connection : this.router;
  }

  replicaStatus(): ReplicaStatus[] {
    return (this.replicas as FallbackReadConnection[]).map((r) => r.status());
  }
}

/** Shared by a request's fork and every fork made from it (transactional's among them). */
interface WriteScope {
  wrote: boolean;
}

/** The entity manager with read-your-writes (see the top of this file). */
/** Extends the write-tracking manager, so the facts store hears committed writes with replicas too. */
export class ReadYourWritesEntityManager extends WriteTrackingEntityManager {
  private writeScope: WriteScope = { wrote: false };

  /** Whether this request has written; from then on it reads from the primary. */
  get hasWritten(): boolean {
    return this.writeScope.wrote;
  }

  override fork(options?: ForkOptions): this {
    const fork = super.fork(options);
    // A fork of the global manager starts a request of its own (with its replica pin, which MikroORM hands to the
    // connection with every statement as logger context); a fork of a request's manager is that request.
    if (this.useContext) {
      fork.writeScope = { wrote: false };
      fork.setLoggerContext({ ...fork.getLoggerContext(), replicaPin: Math.floor(Math.random() * 2 ** 31) });
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
}

// Every way of writing marks the request first, then does what it always did.
for (const method of ['flush', 'transactional', 'begin', 'insert', 'insertMany', 'nativeUpdate', 'nativeDelete', 'upsert', 'upsertMany'] as const) {
  const base = (WriteTrackingEntityManager.prototype as unknown as Record<string, (...args: unknown[]) => unknown>)[method];
  Object.defineProperty(ReadYourWritesEntityManager.prototype, method, {
    configurable: true,
    writable: true,
    value(this: ReadYourWritesEntityManager, ...args: unknown[]) {
      this.markWritten();
      return base.apply(this, args);
    },
  });
}

/** The connection type a hand-written read of this request should use: 'write' once it has written. */
export function readConnectionType(em: CoreEntityManager): ConnectionType {
  return em instanceof ReadYourWritesEntityManager && em.hasWritten ? 'write' : 'read';
}

/** The ORM options that turn replicas on: MikroORM's `replicas`, the fallback driver, read-your-writes. */
export function replicaOptions(replicaUrls: readonly string[]): {
  replicas: ConnectionOptions[];
  driver: typeof ReplicatedPostgreSqlDriver;
  entityManager: typeof ReadYourWritesEntityManager;
  preferReadReplicas: true;
} {
  return {
    replicas: replicaUrls.map((url, i) => ({ name: `replica-${i + 1}`, clientUrl: url })),
    driver: ReplicatedPostgreSqlDriver,
    entityManager: ReadYourWritesEntityManager,
    preferReadReplicas: true,
  };
}
