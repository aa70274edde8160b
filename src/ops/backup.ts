// Backup and restore (issue #11, item 8), for `npm run cli -- backup --out FILE` and `restore FILE`.
//   SQLite:     an online backup with `VACUUM INTO` (a consistent copy while the server runs); restore checks the
//               file (SQLite's header, integrity_check, our migrations table), brings a copy up to the current
//               migrations, then moves it over the database file (rename: all or nothing).
//   PostgreSQL: `pg_dump --format=custom`; restore checks the archive (`pg_restore --list`), then
//               `pg_restore --clean --if-exists --single-transaction` (all or nothing), then migrates.
// A backup is written to a temporary name and renamed, so a failed one never leaves a half file at FILE.
// Errors are BackupError with a code; the CLI prints them on one line and exits 1.
import { execFile } from 'node:child_process';
import { access, copyFile, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { MikroORM } from '@mikro-orm/core';
import type { DatabaseConfig } from '../config';
import { openDatabase } from '../db/database';
import { ormConfig } from '../db/mikro-orm.config';

const run = promisify(execFile);

export type BackupErrorCode = 'BACKUP_EXISTS' | 'BACKUP_NOT_FOUND' | 'BACKUP_INVALID' | 'BACKUP_FAILED' | 'RESTORE_FAILED';

export class BackupError extends Error {
  constructor(readonly code: BackupErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = 'BackupError';
  }
}

export interface BackupResult {
  readonly kind: DatabaseConfig['kind'];
  readonly file: string;
  readonly bytes: number;
  readonly seconds: number;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** pg_dump's custom format starts with these five bytes. */
const PG_CUSTOM_HEADER = Buffer.from('PGDMP', 'latin1');

/** The first line of an error or a tool's stderr, for a one-line message. */
function firstLine(error: unknown): string {
  const stderr = (error as { stderr?: unknown }).stderr;
  const text = typeof stderr === 'string' && stderr.trim() !== '' ? stderr : error instanceof Error ? error.message : String(error);
  const line = text.trim().split('\n')[0];
  // MikroORM's driver errors read "<the SQL> - <the database's message>": the message is what helps.
  return (line.includes(' - ') ? line.slice(line.lastIndexOf(' - ') + 3) : line).slice(0, 300);
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

async function header(file: string, length: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Writes a backup of `database` to `out` (which must not exist yet). */
export async function backup(database: DatabaseConfig, out: string): Promise<BackupResult> {
  const started = Date.now();
  const file = path.resolve(out);
  if (await exists(file)) throw new BackupError('BACKUP_EXISTS', `${out} exists already; choose a new file`);
  if (!(await exists(path.dirname(file)))) throw new BackupError('BACKUP_FAILED', `no directory ${path.dirname(out)}`);
  const partial = `${file}.partial-${process.pid}`;
  try {
    if (database.kind === 'sqlite') {
      if (database.url === ':memory:') throw new BackupError('BACKUP_FAILED', 'an in-memory database cannot be backed up');
      if (!(await exists(database.url))) throw new BackupError('BACKUP_FAILED', `no database file ${database.url}`);
      // No migrations run here: a backup copies what is, and never changes the database it copies.
      const orm = MikroORM.initSync(ormConfig(database));
      try {
        await orm.connect();
        await orm.em.getConnection().execute(`vacuum into ${sqlString(partial)}`);
      } finally {
        await orm.close(true);
      }
    } else {
      await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, database.url], { maxBuffer: 16 * 1024 * 1024 });
    }
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError('BACKUP_FAILED', firstLine(error));
  }
  return { kind: database.kind, file, bytes: (await stat(file)).size, seconds: (Date.now() - started) / 1000 };
}

/** Replaces the contents of `database` with the backup in `file`; checks the file first and changes nothing if it is bad. */
export async function restore(database: DatabaseConfig, file: string): Promise<BackupResult> {
  const started = Date.now();
  const source = path.resolve(file);
  if (!(await exists(source))) throw new BackupError('BACKUP_NOT_FOUND', `no file ${file}`);
  if (database.kind === 'sqlite') await restoreSqlite(database, source, file);
  else await restorePostgres(database, source, file);
  return { kind: database.kind, file: source, bytes: (await stat(source)).size, seconds: (Date.now() - started) / 1000 };
}

async function restoreSqlite(database: DatabaseConfig, source: string, shown: string): Promise<void> {
  if (database.url === ':memory:') throw new BackupError('RESTORE_FAILED', 'cannot restore into an in-memory database');
  if (!(await header(source, SQLITE_HEADER.length)).equals(SQLITE_HEADER)) {
    throw new BackupError('BACKUP_INVALID', `${shown} is not an SQLite backup${(await header(source, 5)).equals(PG_CUSTOM_HEADER) ? ' (it is a PostgreSQL one)' : ''}`);
  }
  const target = path.resolve(database.url);
  const staged = `${target}.restoring-${process.pid}`;
  await copyFile(source, staged);
  try {
    const candidate: DatabaseConfig = { kind: 'sqlite', url: staged };
    // initSync, then connect inside the try: a damaged file fails on connecting, and its handle is closed still.
    const probe = MikroORM.initSync(ormConfig(candidate));
    try {
      await probe.connect();
      const connection = probe.em.getConnection();
      const [check] = await connection.execute<{ integrity_check: string }[]>('pragma integrity_check');
      if (check?.integrity_check !== 'ok') throw new BackupError('BACKUP_INVALID', `${shown} is damaged: ${String(check?.integrity_check)}`);
      const tables = await connection.execute<{ name: string }[]>("select name from sqlite_master where type = 'table' and name in ('mikro_orm_migrations', 'jurisdiction')");
      if (tables.length < 2) throw new BackupError('BACKUP_INVALID', `${shown} is an SQLite file but not a 分工名录 database`);
    } finally {
      await probe.close(true);
    }
    // An older backup is brought up to the current migrations before it replaces anything.
    await (await openDatabase(candidate)).close(true);
    for (const suffix of ['-wal', '-shm', '-journal']) await rm(`${target}${suffix}`, { force: true });
    await rename(staged, target);
  } catch (error) {
    await rm(staged, { force: true });
    for (const suffix of ['-wal', '-shm', '-journal']) await rm(`${staged}${suffix}`, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError('BACKUP_INVALID', `${shown}: ${firstLine(error)}`);
  }
}

async function restorePostgres(database: DatabaseConfig, source: string, shown: string): Promise<void> {
  if (!(await header(source, PG_CUSTOM_HEADER.length)).equals(PG_CUSTOM_HEADER)) {
    throw new BackupError('BACKUP_INVALID', `${shown} is not a PostgreSQL backup (pg_dump --format=custom)${(await header(source, SQLITE_HEADER.length)).equals(SQLITE_HEADER) ? ' (it is an SQLite one)' : ''}`);
  }
  try {
    const { stdout } = await run('pg_restore', ['--list', source], { maxBuffer: 64 * 1024 * 1024 });
    if (!/TABLE public mikro_orm_migrations /.test(stdout) || !/TABLE public jurisdiction /.test(stdout)) {
      throw new BackupError('BACKUP_INVALID', `${shown} is a PostgreSQL backup but not of a 分工名录 database`);
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError('BACKUP_INVALID', `${shown}: ${firstLine(error)}`);
  }
  try {
    // One transaction: a restore that fails half way leaves the database as it was.
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${database.url}`, source], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    throw new BackupError('RESTORE_FAILED', firstLine(error));
  }
  await (await openDatabase(database)).close(true);
}
