// What operators see: one structured log line per operation (pino) and Prometheus metrics (prom-client),
// the same for every transport. Contract: a log line never carries a token, a contact or a variable's value
// — only the request id, the transport, the operation (its root fields), the duration and the outcome code.
import pino from 'pino';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The part of a logger the server uses; pino's loggers are one, and tests pass a recorder. */
export interface Logger {
  error(details: object, message: string): void;
  info?(details: object, message: string): void;
  warn?(details: object, message: string): void;
}

export type Transport = 'http' | 'ws' | 'export' | 'cli';

export interface OperationRecord {
  readonly requestId: string;
  readonly transport: Transport;
  /** "query leadershipTeam,whoOversees": the operation type and its root fields — bounded, unlike client-chosen names. */
  readonly operation: string;
  readonly durationMs: number;
  /** OK, or the first error's extensions.code. */
  readonly code: string;
}

export interface Telemetry {
  readonly logger: Logger;
  readonly registry: Registry;
  record(entry: OperationRecord): void;
  /** Open WebSocket connections, by whether they carry a token. */
  readonly webSocketConnections: Gauge;
  /** The store's cache outcomes (hit / miss / evicted), labelled by `outcome`. */
  readonly cache: Counter;
  /** The response cache's outcomes (answered / kept / stale), labelled by `outcome`. */
  readonly responses: Counter;
}

/** The part of a connection pool (tarn, under knex) the pool gauge reads. */
export interface PoolStats {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/** Exposes the database pool (connections in use, idle, and requests waiting for one) on /metrics. */
export function watchPool(telemetry: Telemetry, pool: () => PoolStats | null): void {
  new Gauge({
    name: 'fengong_db_pool_connections', help: 'Database pool: connections in use, idle, and acquisitions waiting', labelNames: ['state'],
    registers: [telemetry.registry],
    collect() {
      const stats = pool();
      if (stats === null) return;
      this.set({ state: 'used' }, stats.numUsed());
      this.set({ state: 'free' }, stats.numFree());
      this.set({ state: 'pending' }, stats.numPendingAcquires());
    },
  });
}

export function createLogger(level = 'info'): pino.Logger {
  return pino({ level, base: { service: 'fengong-minglu' }, redact: { paths: ['authorization', 'headers.authorization', '*.token', '*.contact'], censor: '[redacted]' } });
}

export function createTelemetry(logger: Logger): Telemetry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'fengong_' });
  const requests = new Counter({ name: 'fengong_operations_total', help: 'GraphQL operations and exports answered, by transport, operation and outcome code', labelNames: ['transport', 'operation', 'code'], registers: [registry] });
  const latency = new Histogram({
    name: 'fengong_operation_duration_seconds', help: 'Time to answer an operation, by transport and operation', labelNames: ['transport', 'operation'],
    buckets: [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10], registers: [registry],
  });
  const errors = new Counter({ name: 'fengong_errors_total', help: 'Operations that ended in an error, by code', labelNames: ['code'], registers: [registry] });
  const webSocketConnections = new Gauge({ name: 'fengong_websocket_connections', help: 'Open WebSocket connections', labelNames: ['authenticated'], registers: [registry] });
  const cache = new Counter({ name: 'fengong_store_cache_total', help: "The facts store's cache: hits, misses and evictions", labelNames: ['outcome'], registers: [registry] });
  const responses = new Counter({ name: 'fengong_response_cache_total', help: 'The response cache: answers served from memory, kept, and dropped as stale', labelNames: ['outcome'], registers: [registry] });
  return {
    logger,
    registry,
    webSocketConnections,
    cache,
    responses,
    record(entry) {
      requests.inc({ transport: entry.transport, operation: entry.operation, code: entry.code });
      latency.observe({ transport: entry.transport, operation: entry.operation }, entry.durationMs / 1000);
      if (entry.code !== 'OK') errors.inc({ code: entry.code });
      logger.info?.({ ...entry, durationMs: Math.round(entry.durationMs * 100) / 100 }, 'operation');
    },
  };
}
