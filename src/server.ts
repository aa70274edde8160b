// Composition root of the HTTP server: schema → one operation policy → Apollo Server (HTTP) and graphql-ws
// (WebSocket) on one http.Server, plus the web pages, the exports and the operators' endpoints.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import express from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { authenticate, type Viewer } from './auth/tokens';
import { DomainError } from './domain';
import { scopeFactory, todayIn } from './scope/request-scope';
import type { Context } from './graphql/context';
import { connectEvents, TOPICS, type Events } from './scope/events';
import { onCommittedWrites } from './store/write-tracking';
import { createSchema } from './graphql/schema';
import { describeOperation, OperationPolicy, type PolicyOptions } from './edge/policy';
import { isDatabaseUnavailable } from './edge/errors';
import { answerRepeat, answeringRepeatsFirst, hasAuthorization, MALFORMED_REQUEST, requestIdOf, type RepeatDesk } from './edge/repeats';
import { DEFAULT_RESPONSE_CACHE, ResponseCache, type PendingAnswer, type ResponseCacheOptions } from './edge/response-cache';
import { currentStatementTally, withStatementTally } from './store/statements';
import { createRateLimiter, DEFAULT_RATE_LIMITS, type RateLimitSettings } from './edge/rate-limit';
import { createLogger, createTelemetry, watchPool, type Logger, type PoolStats, type Telemetry } from './edge/telemetry';
import { serveWebSocket, type WebSocketLimits } from './edge/websocket';
import { createWebRouter } from './web';
import { createExportRouter } from './edge/exports';
import { checkReadiness } from './db/database';
import { connectRedis } from './db/redis';
import { retryRead } from './db/retry';
import { DEFAULT_STORE_SIZE, FactsStore } from './store/facts-store';
import { DEFAULT_STORE_MAX_AGE_SECONDS } from './store/size';

export { QUERY_LIMITS } from './edge/policy';

export interface ServerOptions {
  readonly timeZone: string;
  /** Anonymous callers may read (the demo default); writes always need a token. */
  readonly publicReads: boolean;
  /** The clock, injectable so tests can fix "today". */
  readonly now?: () => Date;
  /** Redis for events and rate-limit counters between instances; in-process when null or omitted. */
  readonly redisUrl?: string | null;
  readonly logger?: Logger;
  /** Schema introspection; on unless turned off (production turns it off, see config.ts). */
  readonly introspection?: boolean;
  /** The GraphQL explorer at /graphiql; on unless turned off. */
  readonly explorer?: boolean;
  /** Points per window; null turns rate limiting off (the benchmark does). */
  readonly rateLimits?: RateLimitSettings | null;
  readonly webSocketLimits?: Partial<WebSocketLimits>;
  /** How many governments' facts the store keeps in memory. */
  readonly storeSize?: number;
  /** Seconds after which the store reloads a government at the latest (0: never). */
  readonly storeMaxAgeSeconds?: number;
  /**
   * Build the country-wide name index in the background once listening, so that the first search naming no
   * government answers from it (npm start does; tests and tools that never search leave it to the first search).
   */
  readonly prepareNameIndex?: boolean;
  /** Bounds of the response cache (src/edge/response-cache.ts); null turns it off. */
  readonly responseCache?: Partial<ResponseCacheOptions> | null;
}

export interface RunningServer {
  readonly url: string;
  readonly apollo: ApolloServer<Context>;
  readonly httpServer: http.Server;
  readonly events: Events;
  readonly telemetry: Telemetry;
  readonly store: FactsStore;
  /** Null when turned off. */
  readonly responses: ResponseCache | null;
  stop(): Promise<void>;
}

/** Apollo's side of the policy: admission after validation, and one log line and metric per operation. */
function policyPlugin(policy: OperationPolicy, telemetry: Telemetry | null, responses: ResponseCache | null): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async didResolveOperation(request) {
          // Subscriptions are served over WebSocket only; over HTTP they would run as a query with no root value.
          if (request.operation?.operation === 'subscription') {
            throw new GraphQLError('订阅请使用 WebSocket (subscriptions are served over WebSocket at /graphql)', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
          }
          const { viewer, clientAddress } = request.contextValue;
          const variables = await policy.admit({
            document: request.document, operationName: request.operationName, variables: request.request.variables,
            authenticated: viewer !== null, caller: { tokenId: viewer?.tokenId ?? null, address: clientAddress ?? 'local' },
          });
          request.request.variables = variables;
        },
        async willSendResponse(request) {
          const body = request.response.body;
          const pending = currentStatementTally() as PendingAnswer | undefined;
          if (responses !== null && pending?.key !== undefined && request.operation?.operation === 'query' && request.document !== undefined && body.kind === 'single') {
            responses.keep(pending, body.singleResult, request.contextValue.storeReads, describeOperation(request.operation), policy.pointsFor(request.document));
          }
          if (telemetry === null) return;
          const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
          telemetry.record({
            requestId: request.contextValue.requestId ?? 'local', transport: 'http', operation: describeOperation(request.operation),
            durationMs: performance.now() - started, code: errors === undefined || errors.length === 0 ? 'OK' : String(errors[0].extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
          });
        },
      };
    },
  };
}

export function createApollo(
  schema: GraphQLSchema,
  policy: OperationPolicy,
  telemetry: Telemetry | null = null,
  plugins: ApolloServerPlugin<Context>[] = [],
  responses: ResponseCache | null = null,
) {
  return new ApolloServer<Context>({
    schema,
    parseOptions: policy.parseOptions,
    validationRules: [...policy.validationRules],
    // Introspection is the policy's validation rule, the same for both transports.
    introspection: true,
    plugins: [policyPlugin(policy, telemetry, responses), ...plugins, ApolloServerPluginLandingPageDisabled()],
    includeStacktraceInErrorResponses: false,
    formatError: policy.formatError,
    // src/main.ts handles SIGTERM/SIGINT (a graceful drain first); Apollo's own handler, on outside NODE_ENV=test,
    // would stop the server at the same moment and reset keep-alive connections.
    stopOnTerminationSignals: false,
  });
}

/** A policy for one process's tests and tools: public reads, introspection on, no rate limit. */
export function createLocalPolicy(logger: Logger, overrides: Partial<PolicyOptions> = {}): OperationPolicy {
  return new OperationPolicy({ publicReads: true, introspection: true, rateLimiter: null, logger, ...overrides });
}

/** Authenticates a request; a bad token is a 401 with code UNAUTHENTICATED, not a 500. */
async function viewerFrom(orm: MikroORM, header: string | undefined): Promise<Viewer | null> {
  try {
    return await retryRead(() => authenticate(orm.em.fork(), header));
  } catch (error) {
    if (error instanceof DomainError) {
      throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
    }
    // The token could not be looked up because the database is away: 503, coded, retry shortly.
    if (isDatabaseUnavailable(error)) {
      throw new GraphQLError('数据库暂时不可用，请稍后重试 (the database is unavailable; retry shortly)', { originalError: error as Error, extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503, headers: new Map([['retry-after', '1']]) } } });
    }
    throw error;
  }
}

export async function startServer(orm: MikroORM, port: number, host: string, options: ServerOptions): Promise<RunningServer> {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? createLogger('warn');
  const telemetry = createTelemetry(logger);
  watchPool(telemetry, () => {
    const pool = (orm.em.getConnection() as unknown as { getKnex(): { client: { pool?: Partial<PoolStats> } } }).getKnex().client.pool;
    return pool !== undefined && typeof pool.numUsed === 'function' ? (pool as PoolStats) : null;
  });
  const bus = connectEvents(options.redisUrl ?? null);
  const events = bus.events;
  // Every committed write through this process's ORM, told to subscribers (over Redis, to every instance's).
  const stopTellingWrites = onCommittedWrites(orm.config, (ids) => {
    for (const jurisdictionId of ids) events.publish(TOPICS.directoryChanged, { jurisdictionId });
  });
  const limiterRedis = options.redisUrl === undefined || options.redisUrl === null ? null : connectRedis(options.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  const rateLimits = options.rateLimits === undefined ? DEFAULT_RATE_LIMITS : options.rateLimits;
  const rateLimiter = rateLimits === null ? null : createRateLimiter(rateLimits, limiterRedis);
  const policy = new OperationPolicy({ publicReads: options.publicReads, introspection: options.introspection ?? true, rateLimiter, logger });
  const store = new FactsStore(orm, {
    maxGovernments: options.storeSize ?? DEFAULT_STORE_SIZE, redisUrl: options.redisUrl ?? null, counter: telemetry.cache,
    maxAgeMs: (options.storeMaxAgeSeconds ?? DEFAULT_STORE_MAX_AGE_SECONDS) * 1000,
    onError: (error) => logger.error({ err: error }, 'Facts store: Redis invalidation failed'),
  });
  const responses = options.responseCache === null ? null : new ResponseCache(store, { ...DEFAULT_RESPONSE_CACHE, counter: telemetry.responses, ...options.responseCache });
  const schema = await createSchema(events);
  const app = express();
  app.disable('x-powered-by');
  // The bytes of each GraphQL request body as sent: the response cache keys on them.
  const rawBodies = new WeakMap<http.IncomingMessage, Buffer>();
  const today = () => todayIn(options.timeZone, now());
  const desk: RepeatDesk | null = responses === null ? null : { responses, policy, telemetry, today, rawBodies };
  const httpServer = http.createServer(
    desk === null ? app : answeringRepeatsFirst(desk, app, (error) => logger.error({ err: error }, 'Answering a repeat failed; it executes')),
  );
  const scopes = scopeFactory(orm.em, { timeZone: options.timeZone, publicReads: options.publicReads, events, now, reader: store });

  const webSocket = serveWebSocket<Context>({
    httpServer, path: '/graphql', schema, policy, telemetry, limits: options.webSocketLimits,
    authenticate: async (authorization) => {
      const viewer = await retryRead(() => authenticate(orm.em.fork(), authorization));
      return { tokenId: viewer?.tokenId ?? null, context: (clientAddress) => scopes(viewer, { clientAddress, requestId: `ws-${randomUUID()}` }) };
    },
  });

  const apollo = createApollo(schema, policy, telemetry, [
    ApolloServerPluginDrainHttpServer({ httpServer }),
    {
      serverWillStart: async () => ({
        drainServer: async () => {
          stopTellingWrites();
          await webSocket.dispose();
          await bus.close();
          await limiterRedis?.quit().catch(() => undefined);
          await store.close();
        },
      }),
    },
  ], responses);
  await apollo.start();

  app.use((req, res, next) => {
    const id = requestIdOf(req);
    res.locals.requestId = id;
    res.setHeader('x-request-id', id);
    next();
  });
  // GraphQL first: the busiest path meets no other route on its way.
  app.use(
    '/graphql',
    // Private reads: an anonymous request is refused before its body is even parsed.
    (req, res, next) => {
      try {
        policy.requireCaller(hasAuthorization(req));
        next();
      } catch (error) {
        const refusal = error as GraphQLError;
        res.status(401).json({ errors: [{ message: refusal.message, extensions: { code: refusal.extensions.code } }] });
      }
    },
    express.json({ limit: '1mb', verify: (req, _res, raw) => rawBodies.set(req, raw) }),
    // Anonymous queries answered from memory while the facts they were made from are unchanged; every other
    // request runs, its statements counted so that the response cache knows whether it may keep the answer.
    async (req, res, next) => {
      if (desk === null || hasAuthorization(req)) return next();
      const key = desk.responses.keyOf(rawBodies.get(req), req.body, today());
      if (key === null) return next();
      try {
        if (await answerRepeat(desk, key, req, res, String(res.locals.requestId))) return;
      } catch (error) {
        return next(error);
      }
      const pending: PendingAnswer = { statements: 0, key };
      withStatementTally(pending, () => next());
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        scopes(await viewerFrom(orm, req.headers.authorization), { clientAddress: req.socket.remoteAddress ?? 'unknown', requestId: String(res.locals.requestId) }),
    }),
  );
  // Operators: alive, ready (database reachable and migrated, Redis when configured), metrics.
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks = await checkReadiness(orm, limiterRedis);
    res.status(checks.every((c) => c.ok) ? 200 : 503).json({ status: checks.every((c) => c.ok) ? 'ready' : 'not ready', checks });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(telemetry.registry.contentType).send(await telemetry.registry.metrics());
  });
  // The dashboard and the offline GraphQL explorer (src/web); they read everything through /graphql.
  app.get('/', (_req, res) => res.redirect('/dashboard'));
  app.use(createWebRouter({ explorer: options.explorer ?? true }));
  // Downloads: Popolo JSON and the matrix as CSV/XLSX, under the same access rule as reads.
  app.use(createExportRouter({ policy, authenticate: (authorization) => viewerFrom(orm, authorization), scopes, telemetry }));
  // Malformed JSON bodies and the like: a clear 400 in GraphQL's error shape, never an HTML stack trace.
  app.use((error: { status?: number }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error }, 'Unexpected HTTP error');
    res.status(status).json(status === 500 ? { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } : MALFORMED_REQUEST);
  });

  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  if (options.prepareNameIndex === true) void store.prepareNameIndex(orm.em.fork() as SqlEntityManager);
  const address = httpServer.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    apollo,
    httpServer,
    events,
    telemetry,
    store,
    responses,
    stop: () => apollo.stop(),
  };
}
