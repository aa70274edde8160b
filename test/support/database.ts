// Test databases: SQLite in memory by default; PostgreSQL when TEST_DATABASE_URL names a server.
// On PostgreSQL every test file gets a database of its own, created here and dropped afterwards,
// so a test never touches a database a person might be using.
import type { MikroORM, Options } from '@mikro-orm/core';
import { Client } from 'pg';
import type { DatabaseConfig } from '../../src/config';
import { openDatabase } from '../../src/db/database';

export interface TestDatabase {
  readonly orm: MikroORM;
  readonly config: DatabaseConfig;
  close(): Promise<void>;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? '';
export const ON_POSTGRES = /^postgres(ql)?:\/\//.test(TEST_DATABASE_URL);

async function admin<T>(action: (client: Client) => Promise<T>): Promise<T> {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

/** Opens a fresh, migrated, empty database named after `label` (unique per process). */
export async function openTestDatabase(label: string, overrides: Partial<Options> = {}): Promise<TestDatabase> {
  if (!ON_POSTGRES) {
    const config: DatabaseConfig = { kind: 'sqlite', url: ':memory:' };
    const orm = await openDatabase(config, overrides);
    return { orm, config, close: () => orm.close(true) };
  }
  const base = new URL(TEST_DATABASE_URL);
  const name = `${base.pathname.slice(1) || 'fengong_test'}_${label}_${process.pid}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  await admin(async (client) => {
    await client.query(`drop database if exists "${name}"`);
    await client.query(`create database "${name}"`);
  });
  base.pathname = `/${name}`;
  const config: DatabaseConfig = { kind: 'postgresql', url: base.toString() };
  const orm = await openDatabase(config, overrides);
  return {
    orm,
    config,
    close: async () => {
      await orm.close(true);
      await admin((client) => client.query(`drop database if exists "${name}"`));
    },
  };
}
