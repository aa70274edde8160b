// Composition root of the HTTP server: schema → Apollo Server (hardened) → Express and graphql-ws on one
// http.Server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { MikroORM } from '@mikro-orm/core';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { todayIn } from './config';
import { authenticate, type Viewer } from './auth/tokens';
import { DomainError } from './domain';
import { createContext, type Context } from './graphql/context';
import { createFormatError, type Logger } from './graphql/errors';
import { connectEvents, type Events } from './graphql/events';
import { createSchema } from './graphql/schema';
import { createWebRouter } from './web';
import { createExportRouter } from './io/http';

export interface ServerOptions {
  readonly timeZone: string;
  /** Anonymous callers may read (the demo default); writes always need a token. */
  readonly publicReads: boolean;
  /** The clock, injectable so tests can fix "today". */
  readonly now?: () => Date;
  /** Redis for events between instances (see graphql/events.ts); in-process when null or omitted. */
  readonly redisUrl?: string | null;
  readonly logger?: Logger;
}

export interface RunningServer {
  readonly url: string;
  readonly apollo: ApolloServer<Context>;
  readonly httpServer: http.Server;
  readonly events: Events;
  stop(): Promise<void>;
}

/** Limits on what one operation may ask for; documented in the README. */
export const QUERY_LIMITS = { maxTokens: 5000, maxDepth: 12, maxAliases: 20, maxDirectives: 20, maxCost: 200_000 } as const;

export function createApollo(schema: GraphQLSchema, logger: Logger, plugins: ApolloServer<Context>['internals']['plugins'] = []) {
  // Token counting is left to graphql-js's own parser (parseOptions.maxTokens), which reports an
  // over-long document as a 400 parse failure; graphql-armor's max-tokens plugin turns it into a 500.
  const armor = new ApolloArmor({
    maxTokens: { enabled: false },
    maxDepth: { n: QUERY_LIMITS.maxDepth },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    costLimit: { maxCost: QUERY_LIMITS.maxCost },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return new ApolloServer<Context>({
    schema,
    ...armor,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    plugins: [...armor.plugins, ...plugins, ApolloServerPluginLandingPageDisabled()],
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError(logger),
  });
}

/** Authenticates a request; a bad token is a 401 with code UNAUTHENTICATED, not a 500. */
async function viewerFrom(orm: MikroORM, header: string | undefined): Promise<Viewer | null> {
  try {
    return await authenticate(orm.em.fork(), header);
  } catch (error) {
    if (error instanceof DomainError) {
      throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
    }
    throw error;
  }
}

export async function startServer(orm: MikroORM, port: number, host: string, options: ServerOptions): Promise<RunningServer> {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? console;
  const bus = connectEvents(options.redisUrl ?? null);
  const events = bus.events;
  const schema = await createSchema(events);
  const app = express();
  const httpServer = http.createServer(app);
  const scope = (viewer: Viewer | null) => {
    const moment = now();
    return { today: todayIn(options.timeZone, moment), now: moment, viewer, publicReads: options.publicReads, events };
  };

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer<{ authorization?: string }>(
    {
      schema,
      onConnect: async (ctx) => {
        try {
          await authenticate(orm.em.fork(), ctx.connectionParams?.authorization);
          return true;
        } catch {
          return false;
        }
      },
      context: async (ctx) => createContext(orm.em, scope(await authenticate(orm.em.fork(), ctx.connectionParams?.authorization))),
    },
    wsServer,
  );

  const apollo = createApollo(schema, logger, [
    ApolloServerPluginDrainHttpServer({ httpServer }),
    { serverWillStart: async () => ({ drainServer: async () => { await wsCleanup.dispose(); await bus.close(); } }) },
  ]);
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // The dashboard and the offline GraphQL explorer (src/web); they read everything through /graphql.
  app.get('/', (_req, res) => res.redirect('/dashboard'));
  app.use(createWebRouter());
  // Downloads: Popolo JSON and the matrix as CSV/XLSX, under the same access rule as reads.
  app.use(createExportRouter(orm, { publicReads: options.publicReads, today: () => todayIn(options.timeZone, now()) }));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(orm.em, scope(await viewerFrom(orm, req.headers.authorization))),
    }),
  );
  // Malformed JSON bodies and the like: a clear 400 in GraphQL's error shape, never an HTML stack trace.
  app.use((error: { status?: number }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error('Unexpected HTTP error:', error);
    res.status(status).json({
      errors: [{ message: status === 500 ? 'Internal server error' : '请求格式错误 (malformed request)', extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }],
    });
  });

  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  const address = httpServer.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    apollo,
    httpServer,
    events,
    stop: () => apollo.stop(),
  };
}
