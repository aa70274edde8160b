// ORM configuration: SQLite (libSQL, embedded) by default, PostgreSQL when DATABASE_URL says so.
// The same entities and code run on both; each dialect has its own committed migrations.
import path from 'node:path';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { LibSqlDriver } from '@mikro-orm/libsql';
import { Migrator } from '@mikro-orm/migrations';
import type { Options } from '@mikro-orm/core';
import { ENTITIES } from '../entities';
import { FlushTracker, WriteTrackingEntityManager } from '../store/write-tracking';
import { countStatement } from '../store/statements';
import { databaseFromUrl, PROJECT_ROOT, type DatabaseConfig } from '../config';
import { replicaOptions } from './replicas';

/** Where a dialect's migrations live, in source (ts) and compiled (js) form. */
export function migrationPaths(kind: DatabaseConfig['kind']): { path: string; pathTs: string } {
  return {
    path: path.join(PROJECT_ROOT, 'dist', 'db', 'migrations', kind),
    pathTs: path.join(PROJECT_ROOT, 'src', 'db', 'migrations', kind),
  };
}

export function ormConfig(database: DatabaseConfig, overrides: Partial<Options> = {}): Options {
  const common: Options = {
    entities: ENTITIES,
    extensions: [Migrator],
    // Every committed write tells the facts store which governments it touched (src/store/write-tracking.ts).
    entityManager: WriteTrackingEntityManager,
    subscribers: [new FlushTracker()],
    // Every statement is counted against the request that runs it (src/store/statements.ts).
    onQuery: countStatement,
    allowGlobalContext: false,
    // MikroORM only detects TS mode under ts-node/ts-jest; be explicit so migrations are found everywhere.
    preferTs: __filename.endsWith('.ts'),
    migrations: {
      ...migrationPaths(database.kind),
      // The committed snapshot is what `migration:create` diffs the entities against; only that command writes it
      // (the CLI's configuration below). A server or test migrating a database leaves the source tree alone.
      snapshot: false,
      snapshotName: '.snapshot',
      transactional: true,
      allOrNothing: true,
      silent: true,
      emit: 'ts',
    },
    debug: false,
  };
  if (database.kind === 'postgresql') {
    // With replicas: MikroORM's `replicas` option, plus fallback to the primary and read-your-writes (./replicas).
    const replicas = (database.replicaUrls ?? []).length > 0 ? replicaOptions(database.replicaUrls ?? []) : { driver: PostgreSqlDriver };
    return { ...common, ...replicas, clientUrl: database.url, ...overrides };
  }
  return { ...common, driver: LibSqlDriver, dbName: database.url, ...overrides };
}

// What the MikroORM CLI loads. DB_KIND=postgresql with no DATABASE_URL points at a scratch database
// for generating migrations.
const cliDatabase =
  process.env.DB_KIND === 'postgresql' && process.env.DATABASE_URL === undefined
    ? databaseFromUrl('postgresql://postgres@127.0.0.1:5432/fengong_migrations')
    : process.env.DB_KIND === 'sqlite' && process.env.DATABASE_URL === undefined
      ? databaseFromUrl(path.join(PROJECT_ROOT, 'tmp', 'migrations.sqlite'))
      : databaseFromUrl(process.env.DATABASE_URL);

const cliConfig = ormConfig(cliDatabase);
export default { ...cliConfig, migrations: { ...cliConfig.migrations, snapshot: true } } satisfies Options;
