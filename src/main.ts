// `npm start`: open (and migrate) the database, seed the demo district on first run — a new SQLite file starts as
// a copy of the build's demo template when it is current (src/ops/demo-template.ts) — and serve GraphQL.
import 'reflect-metadata';
import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { copyDemoTemplate } from './ops/demo-template';
import { seedDemoIfEmpty } from './ops/seed';
import { createLogger } from './edge/telemetry';
import { startServer } from './server';
import { trackHttpDrain } from './shutdown';

async function main(): Promise<void> {
  const config = loadConfig();
  const newFile = config.seedDemo && config.database.kind === 'sqlite' && config.database.url !== ':memory:';
  if (newFile && (await copyDemoTemplate(config.database.url)) === 'copied') console.log(`seeded the demo district (青川区) into a new database: ${config.database.url}, a copy of the build's demo template`);
  const orm = await openDatabase(config.database);
  if (config.seedDemo && (await seedDemoIfEmpty(orm))) console.log('seeded the demo district (青川区) into an empty database');
  const server = await startServer(orm, config.port, config.host, {
    timeZone: config.timeZone, publicReads: config.publicReads, redisUrl: config.redisUrl, introspection: config.introspection,
    explorer: config.explorer, rateLimits: config.rateLimits, logger: createLogger(config.logLevel), storeSize: config.storeSize, storeMaxAgeSeconds: config.storeMaxAgeSeconds,
    prepareNameIndex: true,
  });
  console.log(`分工名录 GraphQL API at ${server.url}/graphql (database: ${config.database.kind}; reads ${config.publicReads ? 'public' : 'need a token'})`);
  // SIGTERM under load: requests in flight finish, keep-alive sockets close cleanly (src/shutdown.ts), then the
  // WebSocket connections, the event bus and the database; exit 0. A second signal exits at once.
  const drain = trackHttpDrain(server.httpServer);
  const shutdown = async (signal: NodeJS.Signals) => {
    process.once(signal, () => process.exit(1));
    console.log(`${signal}: stopping (${drain.inFlight()} requests in flight)`);
    await drain.drain({ lingerMs: 500, timeoutMs: 10_000 });
    await server.stop();
    await orm.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
