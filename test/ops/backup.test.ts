// `npm run cli -- backup --out FILE` and `restore FILE` (issue #11, item 8), on the database the suite runs on
// (an SQLite file under tmp/, or a PostgreSQL database of its own): a round trip gives back exactly the data
// of the moment of the backup (full dumps compared), and bad input is refused on one coded line, exit 1 (bad
// usage exit 2), with the database unchanged.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { createToken } from '../../src/auth/tokens';
import { runCli } from '../../src/cli/main';
import { PROJECT_ROOT, type DatabaseConfig } from '../../src/config';
import { openDatabase } from '../../src/db/database';
import { ApiToken, Assignment } from '../../src/entities';
import { captureOutput, openCliDatabase, type CliDatabase } from '../support/cli';
import { dumpAll } from '../support/dump';

let db: CliDatabase;
let dir: string;
let database: DatabaseConfig;
let errors: string[];
let out: string[];

beforeAll(async () => {
  // On PostgreSQL the seeding session is closed: pg_restore --clean wants no session of ours in the way.
  db = await openCliDatabase('backup', { prefix: 'backup-', root: path.join(PROJECT_ROOT, 'tmp'), postgres: true, prepare: 'demo', file: 'fengong.sqlite' });
  ({ dir, config: database } = db);
});

afterAll(() => db.close());

beforeEach(() => {
  out = [];
  errors = [];
  captureOutput({ log: () => out, error: () => errors });
});

afterEach(() => jest.restoreAllMocks());

async function withOrm<T>(action: (orm: MikroORM) => Promise<T>): Promise<T> {
  const orm = await openDatabase(database);
  try {
    return await action(orm);
  } finally {
    await orm.close(true);
  }
}

it('restores exactly the data backed up, after changes made in between', async () => {
  // Some writes first, so the backup holds more than the seed: a token, and a line ended.
  await withOrm(async (orm) => {
    await createToken(orm.em.fork(), '区政府办公室', 'EDITOR', new Date('2026-11-28T02:00:00Z'));
  });
  const backedUp = await withOrm(dumpAll);
  const file = path.join(dir, `round-trip.${database.kind === 'sqlite' ? 'sqlite' : 'dump'}`);
  expect(await runCli(['backup', '--out', file])).toBe(0);
  expect(JSON.parse(out.join('\n'))).toMatchObject({ kind: database.kind, file, bytes: expect.any(Number) });

  // After the backup: more writes and deletions the restore must undo.
  await withOrm(async (orm) => {
    const em = orm.em.fork();
    await createToken(em, '区财政局', 'VIEWER', new Date('2026-11-29T02:00:00Z'));
    await em.nativeDelete(Assignment, { id: 'line:wang-lihua-supervises-education' });
  });
  expect(await withOrm(dumpAll)).not.toEqual(backedUp);

  out = [];
  expect(await runCli(['restore', file])).toBe(0);
  expect(errors).toEqual([]);
  const restored = await withOrm(dumpAll);
  expect(restored).toEqual(backedUp);
  expect(await withOrm((orm) => orm.em.fork().count(ApiToken))).toBe(1);
});

it('backs up online: while another connection is open on the database', async () => {
  const orm = await openDatabase(database);
  try {
    const file = path.join(dir, `online.${database.kind === 'sqlite' ? 'sqlite' : 'dump'}`);
    expect(await runCli(['backup', '--out', file])).toBe(0);
    await orm.em.fork().count(Assignment); // the open connection still works
  } finally {
    await orm.close(true);
  }
});

describe('bad input: one coded line, a non-zero exit, the database unchanged', () => {
  const junk = async (name: string, content: string | Uint8Array) => {
    const file = path.join(dir, name);
    await writeFile(file, content);
    return file;
  };

  it.each([
    ['a file that does not exist', async () => ['restore', path.join(dir, 'missing.dump')], 1, /^error: BACKUP_NOT_FOUND: /],
    ['random bytes', async () => ['restore', await junk('random.bin', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251))], 1, /^error: BACKUP_INVALID: /],
    ['an empty file', async () => ['restore', await junk('empty.dump', '')], 1, /^error: BACKUP_INVALID: /],
    ['a backup of the other kind of database', async () => ['restore', await junk('other.bin', database.kind === 'sqlite' ? 'PGDMP\u0001\u000e\u0000' : 'SQLite format 3\u0000')], 1, /^error: BACKUP_INVALID: .*(PostgreSQL|SQLite)/],
    ['a backup file that exists already', async () => ['backup', '--out', await junk('taken.dump', 'x')], 1, /^error: BACKUP_EXISTS: /],
    ['a directory that does not exist', async () => ['backup', '--out', path.join(dir, 'no', 'such', 'dir.dump')], 1, /^error: BACKUP_FAILED: /],
  ] as const)('%s', async (_label, argv, code, message) => {
    const before = await withOrm(dumpAll);
    expect(await runCli(await argv())).toBe(code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
    expect(await withOrm(dumpAll)).toEqual(before);
  });

  it('a damaged SQLite backup (a real one, cut short) or a damaged PostgreSQL one is refused before anything changes', async () => {
    const good = path.join(dir, `to-damage.${database.kind}`);
    expect(await runCli(['backup', '--out', good])).toBe(0);
    const bytes = await readFile(good);
    const damaged = await junk(`damaged.${database.kind}`, bytes.subarray(0, Math.floor(bytes.length / 3)));
    const before = await withOrm(dumpAll);
    errors = [];
    expect(await runCli(['restore', damaged])).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^error: (BACKUP_INVALID|RESTORE_FAILED): /);
    expect(await withOrm(dumpAll)).toEqual(before);
  });

  it.each([[['backup']], [['restore']]])('`cli %j` is bad usage: exit 2', async (argv) => {
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await runCli(argv)).toBe(2);
  });
});
