// Test databases: SQLite in memory by default; PostgreSQL when TEST_DATABASE_URL names a server.
// On PostgreSQL every test file gets a database of its own, created here and dropped afterwards, copied from
// a template database of this suite's own (named after TEST_DATABASE_URL's database, like the others), so a test
// never touches a database a person might be using.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { MikroORM, Options } from '@mikro-orm/core';
import { Client } from 'pg';
import { PROJECT_ROOT, type DatabaseConfig } from '../../src/config';
import { openDatabase } from '../../src/db/database';
import { seedDemoIfEmpty } from '../../src/ops/seed';

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

export interface OpenOptions {
  /** The demo district already in it (what seedDemoIfEmpty writes). */
  readonly demo?: boolean;
}

/**
 * Opens a fresh, migrated database named after `label` (unique per process): empty, or holding the demo district.
 * On PostgreSQL it is a copy of a template database made once for all test files (CREATE DATABASE … TEMPLATE):
 * migrating and seeding are then paid once a run, not once a file.
 */
export async function openTestDatabase(label: string, overrides: Partial<Options> = {}, options: OpenOptions = {}): Promise<TestDatabase> {
  if (!ON_POSTGRES) {
    const config: DatabaseConfig = { kind: 'sqlite', url: ':memory:' };
    const orm = await openDatabase(config, overrides);
    if (options.demo === true) await seedDemoIfEmpty(orm);
    return { orm, config, close: () => orm.close(true) };
  }
  const template = await templateDatabase(options.demo === true ? 'demo' : 'schema');
  const name = databaseName(`${label}_${process.pid}`);
  await admin(async (client) => {
    await client.query(`drop database if exists "${name}"`);
    await client.query(`create database "${name}" template "${template}"`);
  });
  const config: DatabaseConfig = { kind: 'postgresql', url: urlOf(name) };
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

const BASE_NAME = ON_POSTGRES ? new URL(TEST_DATABASE_URL).pathname.slice(1) || 'fengong_test' : '';
const databaseName = (suffix: string) => `${BASE_NAME}_${suffix}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();

function urlOf(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Every file the templates are made from: the migrations, the seed data and the code that seeds (all of src/). */
function fingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(full).update(readFileSync(full));
    }
  };
  walk(path.join(PROJECT_ROOT, 'src'));
  walk(path.join(PROJECT_ROOT, 'seeds'));
  return hash.digest('hex').slice(0, 12);
}

const templates = new Map<string, Promise<string>>();

/**
 * The template of a kind for this tree, made by the first test file that needs it (under an advisory lock, so
 * one worker builds while the others wait) and kept for later runs of the same tree; templates of other trees are
 * dropped when a new one is made. Built under a temporary name and renamed when complete, so a build cut short
 * is never used.
 */
function templateDatabase(kind: 'schema' | 'demo'): Promise<string> {
  let made = templates.get(kind);
  if (made === undefined) {
    made = buildTemplate(kind);
    templates.set(kind, made);
  }
  return made;
}

async function buildTemplate(kind: 'schema' | 'demo'): Promise<string> {
  const prefix = databaseName(`template_${kind}_`);
  const name = `${prefix}${fingerprint()}`;
  await admin(async (client) => {
    await client.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const present = await client.query('select datname from pg_database where starts_with(datname, $1)', [prefix]);
      if (present.rows.some((r: { datname: string }) => r.datname === name)) return;
      for (const { datname } of present.rows as { datname: string }[]) await client.query(`drop database if exists "${datname}"`);
      const building = `${name}_building`;
      await client.query(`create database "${building}"`);
      const orm = await openDatabase({ kind: 'postgresql', url: urlOf(building) });
      try {
        if (kind === 'demo') await seedDemoIfEmpty(orm);
      } finally {
        await orm.close(true);
      }
      await client.query(`alter database "${building}" rename to "${name}"`);
    } finally {
      await client.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return name;
}

/** The advisory lock the template builders take (any fixed number of this suite's own). */
const TEMPLATE_LOCK = 704_913;
