// The committed migrations are the schema. Migrating an empty database must apply them all, the
// entities must not have moved on from the committed snapshot, and on PostgreSQL (the production
// database) the migrated schema must equal what the entities describe, column for column.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { migrationPaths } from '../src/db/mikro-orm.config';
import { openTestDatabase, ON_POSTGRES, type TestDatabase } from './support/database';

let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase('migrations');
});

afterAll(async () => {
  await db?.close();
});

it('applies every committed migration', async () => {
  expect((await db.orm.getMigrator().getExecutedMigrations()).length).toBeGreaterThan(0);
  expect(await db.orm.getMigrator().getPendingMigrations()).toEqual([]);
});

it('creates exactly the tables and columns the entities map (run `npm run migration:create` after changing an entity)', async () => {
  const knex = (db.orm.em as SqlEntityManager).getKnex();
  for (const meta of Object.values(db.orm.getMetadata().getAll())) {
    if (meta.abstract || meta.embeddable) continue;
    const expected = meta.props.flatMap((p) => p.fieldNames ?? []).filter((f) => f !== undefined).sort();
    const actual = Object.keys(await knex(meta.tableName).columnInfo()).sort();
    expect({ table: meta.tableName, columns: actual }).toEqual({ table: meta.tableName, columns: expected });
  }
});

it('migrating a fresh database leaves the source tree alone (the committed snapshot is migration:create’s to write)', async () => {
  const snapshot = path.join(migrationPaths(db.config.kind).pathTs, '.snapshot.json');
  const before = statSync(snapshot).mtimeMs;
  const fresh = await openTestDatabase('migrations_fresh');
  try {
    expect((await fresh.orm.getMigrator().getExecutedMigrations()).length).toBeGreaterThan(0);
  } finally {
    await fresh.close();
  }
  expect(statSync(snapshot).mtimeMs).toBe(before);
});

// SQLite's introspection reports spurious differences (MikroORM rebuilds every table with a foreign
// key), so the column-level comparison runs where it is exact: on PostgreSQL.
(ON_POSTGRES ? it : it.skip)('leaves no difference between the entities and the migrated PostgreSQL schema', async () => {
  const diff = await db.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
  expect(diff.trim()).toBe('');
});
