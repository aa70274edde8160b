// The CLI under test, run in-process (`runCli`) against a real database of its own: a temp directory with a
// database the CLI opens by DATABASE_URL (an SQLite file, or a PostgreSQL database under TEST_DATABASE_URL), and
// the console and standard streams captured for the assertions.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import type { DatabaseConfig } from '../../src/config';
import { openDatabase } from '../../src/db/database';
import { seedDemoIfEmpty } from '../../src/ops/seed';
import { ON_POSTGRES, openTestDatabase } from './database';

/** A database the CLI can open by DATABASE_URL. */
export interface Directory {
  readonly url: string;
  readonly config: DatabaseConfig;
  open(): Promise<MikroORM>;
  close(): Promise<void>;
}

export interface DirectoryOptions {
  /** A PostgreSQL database of its own under TEST_DATABASE_URL (else always an SQLite file). */
  readonly postgres?: boolean;
  /** 'none': the CLI creates the file itself; 'schema': migrated, empty; 'demo': migrated and seeded. */
  readonly prepare?: 'none' | 'schema' | 'demo';
  /** The SQLite file's name in `dir` (default `${label}.sqlite`). */
  readonly file?: string;
}

/** A directory named `label`: an SQLite file in `dir`, or (with `postgres` on PostgreSQL) a database of its own. */
export async function directory(dir: string, label: string, options: DirectoryOptions = {}): Promise<Directory> {
  const prepare = options.prepare ?? 'schema';
  if (options.postgres === true && ON_POSTGRES) {
    const db = await openTestDatabase(label, {}, { demo: prepare === 'demo' });
    await db.orm.close(true); // no session of ours in the CLI's way (pg_restore --clean, for one)
    return { url: db.config.url, config: db.config, open: () => openDatabase(db.config), close: () => db.close() };
  }
  const config: DatabaseConfig = { kind: 'sqlite', url: path.join(dir, options.file ?? `${label}.sqlite`) };
  if (prepare !== 'none') {
    const orm = await openDatabase(config);
    try {
      if (prepare === 'demo') await seedDemoIfEmpty(orm);
    } finally {
      await orm.close(true);
    }
  }
  return { url: config.url, config, open: () => openDatabase(config), close: async () => undefined };
}

export interface CliDatabase extends Directory {
  /** The temp directory: the SQLite file and any file a test writes. */
  readonly dir: string;
}

export interface CliDatabaseOptions extends DirectoryOptions {
  /** The temp directory's name prefix. */
  readonly prefix: string;
  /** Where the temp directory goes (default the system's tmp). */
  readonly root?: string;
}

/**
 * A temp directory and a database in it, DATABASE_URL pointing at it until `close()` (which restores DATABASE_URL
 * and removes both).
 */
export async function openCliDatabase(label: string, options: CliDatabaseOptions): Promise<CliDatabase> {
  const saved = process.env.DATABASE_URL;
  const root = options.root ?? tmpdir();
  await mkdir(root, { recursive: true });
  const dir = await mkdtemp(path.join(root, options.prefix));
  const db = await directory(dir, label, options);
  process.env.DATABASE_URL = db.url;
  return {
    ...db,
    dir,
    close: async () => {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Where one stream goes: into the array the getter returns at the time (so `out = []` resets it), or nowhere. */
export type Sink = (() => string[]) | 'mute';

export interface CliOutput {
  readonly log?: Sink;
  readonly error?: Sink;
  /** process.stdout.write (left alone when omitted). */
  readonly stdout?: Sink;
  /** process.stderr.write (left alone when omitted). */
  readonly stderr?: Sink;
  /** Appended to each console.error line (for tests that join the stream with ''). */
  readonly errorEnd?: string;
}

/** Spies on the console and the standard streams as `sinks` says; `jest.restoreAllMocks()` undoes it. */
export function captureOutput(sinks: CliOutput): void {
  const line = (sink: Sink | undefined, end = '') => (...args: unknown[]) => {
    if (sink !== 'mute' && sink !== undefined) sink().push(`${args.join(' ')}${end}`);
  };
  const chunk = (sink: Sink) => (data: string | Uint8Array) => {
    if (sink !== 'mute') sink().push(String(data));
    return true;
  };
  if (sinks.log !== undefined) jest.spyOn(console, 'log').mockImplementation(line(sinks.log));
  if (sinks.error !== undefined) jest.spyOn(console, 'error').mockImplementation(line(sinks.error, sinks.errorEnd));
  if (sinks.stdout !== undefined) jest.spyOn(process.stdout, 'write').mockImplementation(chunk(sinks.stdout));
  if (sinks.stderr !== undefined) jest.spyOn(process.stderr, 'write').mockImplementation(chunk(sinks.stderr));
}
