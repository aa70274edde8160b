// Composition root of the HTTP server: schema → Apollo Server (hardened) → Express on one http.Server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { MikroORM } from '@mikro-orm/core';
import type { GraphQLSchema } from 'graphql';
import { todayIn } from './config';
import { createContext, type Context } from './graphql/context';
import { createFormatError, type Logger } from './graphql/errors';
import { createSchema } from './graphql/schema';

export interface ServerOptions {
  readonly timeZone: string;
  /** The clock, injectable so tests can fix "today". */
  readonly now?: () => Date;
  readonly logger?: Logger;
}

export interface RunningServer {
  readonly url: string;
  readonly apollo: ApolloServer<Context>;
  readonly httpServer: http.Server;
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

export async function startServer(orm: MikroORM, port: number, host: string, options: ServerOptions): Promise<RunningServer> {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? console;
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = createApollo(await createSchema(), logger, [ApolloServerPluginDrainHttpServer({ httpServer })]);
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async () => createContext(orm.em, todayIn(options.timeZone, now())) }),
  );
  // Malformed JSON bodies and the like: a clear 400 in GraphQL's error shape, never an HTML stack trace.
  app.use((error: { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
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
    stop: () => apollo.stop(),
  };
}
