// Read replicas against real PostgreSQL 15 streaming standbys. The test builds its own servers in a temporary directory
// — a throwaway primary on 127.0.0.1:55432 (initdb) and two standbys of it on 55433 and 55434 (pg_basebackup -R), or the
// next free ports — so
// the shared server on 5432 is never reconfigured (its pg_hba.conf has no `replication` entry, and pg_basebackup
// against it is refused). Shows: reads served by the standby, writes and their transactions by the primary,
// read-your-writes while the standby is held back — within a request, and across a client's requests (its session
// key) —, a standby that falls behind left out as lagging, and reads falling back to the primary when the standby goes
// away, with no error reaching the client. Runs on PostgreSQL only (TEST_DATABASE_URL); skipped on SQLite; the
// bookkeeping of sessions and lag (src/db/read-your-writes.ts) is tested on its own first, on any database.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Client } from 'pg';
import { loadConfig, replicaUrlsFrom } from '../../src/config';
import { checkReadiness, openDatabase } from '../../src/db/database';
import { formatLsn, parseLsn, PrimaryTimeline, replicaTuning, SessionMarks } from '../../src/db/read-your-writes';
import { forkRequest, readConnectionType, ReadYourWritesEntityManager, ReplicatedPostgreSqlDriver } from '../../src/db/replicas';
import { Department, Jurisdiction, Leader } from '../../src/entities';
import { seedDemoIfEmpty } from '../../src/ops/seed';
import { createRequestScope } from '../../src/scope/request-scope';
import { createTestApi, EDITOR, type TestApi } from '../support/api';
import { ON_POSTGRES } from '../support/database';

const run = promisify(execFile);
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
/** Three free local ports, 55432–55434 when nobody uses them (several runs on one machine get others). */
async function freePorts(): Promise<[number, number, number]> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const server = createServer().once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  const found: number[] = [];
  for (let port = 55432; found.length < 3 && port < 55632; port += 1) if (await free(port)) found.push(port);
  return [found[0], found[1], found[2]];
}
let PRIMARY_PORT = 0;
let STANDBY_PORT = 0;
let SECOND_PORT = 0;
let PRIMARY_URL = '';
let STANDBY_URL = '';
let SECOND_URL = '';

/** Runs a PostgreSQL binary as the postgres OS user (from root through runuser; as anyone else, directly). */
async function pg(binary: string, args: readonly string[]): Promise<string> {
  const file = path.join(BIN, binary);
  const [cmd, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, [...args]];
  const { stdout } = await run(cmd, argv, { timeout: 30_000 });
  return stdout;
}

async function sql<T = Record<string, unknown>>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

async function until(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const SERVER = '-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=16MB -c max_connections=40';

describe('read-your-writes bookkeeping (src/db/read-your-writes.ts)', () => {
  it('WAL positions compare as numbers', () => {
    expect(parseLsn('0/3000148')).toBe(0x3000148n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
    expect(formatLsn(parseLsn('16/B374D848'))).toBe('16/B374D848');
    expect(() => parseLsn('nonsense')).toThrow('not a WAL position');
  });

  it("a session's mark only moves forward, lapses after its time, and the least recently written sessions go first beyond the bound", () => {
    const marks = new SessionMarks({ sessionTtlMs: 1_000, maxSessions: 3 });
    marks.mark('A', 100n, 0);
    marks.mark('A', 50n, 10); // an earlier position seen later does not take A back
    expect(marks.get('A', 10)).toBe(100n);
    expect(marks.get('A', 1_009)).toBe(100n); // the later mark renewed its time
    expect(marks.get('A', 1_010)).toBeNull();
    for (const [i, session] of ['A', 'B', 'C', 'D'].entries()) marks.mark(session, BigInt(200 + i), 2_000 + i);
    expect(marks.size).toBe(3);
    expect(marks.get('A', 2_010)).toBeNull();
    expect(marks.get('D', 2_010)).toBe(203n);
    marks.settle('B', 999n); // not B's mark: kept
    expect(marks.get('B', 2_010)).toBe(201n);
    marks.settle('B', 201n);
    expect(marks.get('B', 2_010)).toBeNull();
    // Sweeping drops what every replica has replayed (from the oldest) and what has lapsed.
    marks.sweep(2_010, 202n);
    expect(marks.size).toBe(1);
    marks.sweep(5_000);
    expect(marks.size).toBe(0);
    // The mark outlives the lag bound twice over at least, so a standby still behind it is out as lagging by then.
    expect(replicaTuning({ maxLagMs: 40_000, sessionTtlMs: 1_000 }).sessionTtlMs).toBe(80_000);
  });

  it("a standby's lag is the time since the primary was last seen at a position it has replayed, 0 once it has everything", () => {
    const timeline = new PrimaryTimeline({ maxLagMs: 1_000 });
    expect(timeline.lagOf(5n, 0)).toBe(0); // nothing seen of the primary yet
    timeline.note(100n, 1_000);
    timeline.note(100n, 1_500); // the same position later: the primary was there since 1 000
    timeline.note(200n, 2_000);
    timeline.note(300n, 3_000);
    expect(timeline.lagOf(300n, 3_100)).toBe(0);
    expect(timeline.lagOf(250n, 3_100)).toBe(1_100); // it had caught up with 2 000's position; 3 000's it has not
    expect(timeline.lagOf(100n, 3_100)).toBe(2_100);
    expect(timeline.lagOf(50n, 3_100)).toBe(2_100); // behind everything seen: since the first sample
    // Samples older than twice the bound go, but for the last one before that window.
    timeline.note(400n, 6_000);
    expect(timeline.length).toBe(2);
    expect(timeline.lagOf(350n, 6_000)).toBe(3_000);
  });
});

const describePg = ON_POSTGRES && existsSync(path.join(BIN, 'pg_basebackup')) ? describe : describe.skip;
if (ON_POSTGRES && !existsSync(path.join(BIN, 'pg_basebackup'))) {
  // On PostgreSQL the binaries are expected (README, Deployment); say why the test did not run rather than pass quietly.
  throw new Error(`PostgreSQL binaries not found under ${BIN} (set PG_BIN)`);
}

describePg('read replicas (PostgreSQL 15 streaming standbys made with pg_basebackup)', () => {
  let dir = '';
  let orm: MikroORM;
  let database: ReturnType<typeof loadConfig>['database'];
  let api: TestApi;
  const log: string[] = [];
  const primaryDir = () => path.join(dir, 'primary');
  const standbyDir = () => path.join(dir, 'standby');
  const secondDir = () => path.join(dir, 'standby2');
  const ctl = (data: string, ...args: string[]) => pg('pg_ctl', ['-D', data, ...args]);
  /** The statements logged since `from`, colour codes stripped, with the connection MikroORM says ran each. */
  const statements = (from: number) =>
    log.slice(from).map((s) => s.replace(/\x1b\[\d+m/g, '')).filter((s) => /^\[query\] (select|insert|update|delete|with)\b/i.test(s));
  const via = (from: number, type: 'read' | 'write') => statements(from).filter((s) => s.includes(`(via ${type} connection`)).length;
  /** The replicas a statement since `from` ran on, by name. */
  const replicasUsed = (from: number) => new Set(statements(from).map((s) => /\(via read connection '([^']+)'\)/.exec(s)?.[1]).filter((n) => n !== undefined));
  /**
   * A read of `em` as MikroORM's own reads are made (with the request's logger context, which carries its route):
   * where it ran, and the name of a government there.
   */
  const readName = async (em: EntityManager, id: string) =>
    ((await (em as SqlEntityManager).getConnection('read').execute(
      'select name, pg_is_in_recovery() as standby, inet_server_port() as port from jurisdiction where id = ?', [id], 'all', undefined, em.getLoggerContext(),
    )) as { name: string; standby: boolean; port: number }[])[0];
  /**
   * Holds the standbys' replay back, from a known point: each has first replayed all the primary has written, so that
   * what a test reads as "the standby's older data" is the state just before its own writes, not a previous test's.
   */
  const pauseReplay = async () => {
    const [{ lsn }] = await sql<{ lsn: string }>(PRIMARY_URL, 'select pg_current_wal_lsn()::text as lsn');
    for (const url of [STANDBY_URL, SECOND_URL]) {
      await until('the standby to replay all the primary has written', async () =>
        (await sql<{ done: boolean }>(url, `select pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn as done`))[0].done === true);
      await sql(url, 'select pg_wal_replay_pause()');
    }
  };
  const resumeReplay = async () => {
    for (const url of [STANDBY_URL, SECOND_URL]) await sql(url, 'select pg_wal_replay_resume()');
  };

  beforeAll(async () => {
    [PRIMARY_PORT, STANDBY_PORT, SECOND_PORT] = await freePorts();
    PRIMARY_URL = `postgresql://postgres@127.0.0.1:${PRIMARY_PORT}/fengong`;
    STANDBY_URL = `postgresql://postgres@127.0.0.1:${STANDBY_PORT}/fengong`;
    SECOND_URL = `postgresql://postgres@127.0.0.1:${SECOND_PORT}/fengong`;
    dir = mkdtempSync(path.join(tmpdir(), 'fengong-replica-'));
    if (process.getuid?.() === 0) {
      const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
      const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
      chownSync(dir, uid, gid);
    }
    // A primary of our own: initdb's pg_hba.conf trusts local replication connections; wal_level=replica is the default.
    await pg('initdb', ['-D', primaryDir(), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await ctl(primaryDir(), '-l', path.join(dir, 'primary.log'), '-w', '-t', '20', '-o', `-p ${PRIMARY_PORT} -k ${dir} ${SERVER}`, 'start');
    await sql(`postgresql://postgres@127.0.0.1:${PRIMARY_PORT}/postgres`, 'create database fengong');
    const primary = await openDatabase({ kind: 'postgresql', url: PRIMARY_URL });
    await seedDemoIfEmpty(primary);
    await primary.close(true);
    // Two standbys: base backups streaming the WAL, -R writing standby.signal and primary_conninfo.
    for (const [data, port, url] of [[standbyDir(), STANDBY_PORT, STANDBY_URL], [secondDir(), SECOND_PORT, SECOND_URL]] as const) {
      await pg('pg_basebackup', ['-h', '127.0.0.1', '-p', String(PRIMARY_PORT), '-U', 'postgres', '-D', data, '-R', '-X', 'stream', '--no-sync', '-c', 'fast']);
      await ctl(data, '-l', `${data}.log`, '-w', '-t', '20', '-o', `-p ${port} -k ${dir} ${SERVER} -c hot_standby=on`, 'start');
      await until('the standby to stream', async () => (await sql(url, 'select pg_is_in_recovery() as r'))[0].r === true);
    }

    // The application, configured as in production: DATABASE_URL and DATABASE_REPLICA_URLS. But for the lag bound:
    // these tests hold replay back on purpose and expect other clients to read the standbys' older data meanwhile,
    // which a busy machine may stretch past the production bound (REPLICA_MAX_LAG_MS); the lag test has its own ORM.
    const config = loadConfig({ DATABASE_URL: PRIMARY_URL, DATABASE_REPLICA_URLS: ` ${STANDBY_URL} ,${SECOND_URL}` });
    expect(config.database).toEqual({ kind: 'postgresql', url: PRIMARY_URL, replicaUrls: [STANDBY_URL, SECOND_URL] });
    database = config.database;
    orm = await openDatabase(config.database, {
      debug: ['query'], logger: (m: string) => log.push(m), driver: ReplicatedPostgreSqlDriver.withTuning({ maxLagMs: 60_000 }),
    });
    api = await createTestApi(orm);
  });

  afterAll(async () => {
    await api?.stop();
    await orm?.close(true);
    for (const data of [standbyDir(), secondDir(), primaryDir()]) {
      if (dir !== '' && existsSync(path.join(data, 'postmaster.pid'))) await ctl(data, '-m', 'immediate', '-w', 'stop').catch(() => undefined);
    }
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('configuration: DATABASE_REPLICA_URLS is a comma-separated list of postgresql:// URLs, for a PostgreSQL primary only', () => {
    expect(replicaUrlsFrom('', { kind: 'postgresql', url: PRIMARY_URL })).toEqual([]);
    expect(() => replicaUrlsFrom('postgresql://a/b', { kind: 'sqlite', url: ':memory:' })).toThrow('needs a PostgreSQL DATABASE_URL');
    expect(() => replicaUrlsFrom('mysql://a/b', { kind: 'postgresql', url: PRIMARY_URL })).toThrow('postgresql:// URLs');
    expect(orm.em).toBeInstanceOf(ReadYourWritesEntityManager);
    expect(orm.em.getDriver()).toBeInstanceOf(ReplicatedPostgreSqlDriver);
  });

  it('reads go to the standby (in recovery, on its own port), writes to the primary', async () => {
    const em = orm.em.fork();
    const ask = 'select pg_is_in_recovery() as standby, inet_server_port() as port';
    const read = (await em.getConnection('read').execute(ask)) as { standby: boolean; port: number }[];
    expect(read).toEqual([{ standby: true, port: expect.any(Number) }]);
    expect([STANDBY_PORT, SECOND_PORT]).toContain(read[0].port);
    expect(await em.getConnection('write').execute(ask)).toEqual([{ standby: false, port: PRIMARY_PORT }]);

    // Every statement of a request runs on one standby (the request's), and requests spread over both.
    const used = new Set<string>();
    for (let i = 0; i < 12; i += 1) {
      const from = log.length;
      const { coverage } = await api.data('{ coverage(jurisdictionId: "jur:qingchuan") { gaps { name } load { leader { name } total } } }');
      expect(coverage.load.length).toBeGreaterThan(5);
      expect(via(from, 'read')).toBeGreaterThanOrEqual(1);
      expect(via(from, 'write')).toBe(0);
      const names = replicasUsed(from);
      expect(names.size).toBe(1);
      used.add([...names][0] as string);
    }
    // At the level of the entity manager: every read of a request's fork (and of forks of it), whatever makes it.
    for (let i = 0; i < 4; i += 1) {
      const from = log.length;
      const em = orm.em.fork() as unknown as SqlEntityManager;
      await em.find(Jurisdiction, {});
      await em.find(Department, { jurisdiction: 'jur:qingchuan' });
      await em.fork().count(Leader, {});
      await em.createQueryBuilder(Department).select('id').where({ jurisdiction: 'jur:qingchuan' }).execute();
      expect((await readName(em, 'jur:qingchuan')).standby).toBe(true);
      expect(via(from, 'read')).toBe(5);
      expect(replicasUsed(from).size).toBe(1);
    }
    // 12 requests, each on one of two standbys at random: both used, but for a chance of 2 in 4,096.
    expect([...used].sort()).toEqual(['replica-1', 'replica-2']);
    expect((await checkReadiness(orm, null)).find((c) => c.name === 'replicas')).toMatchObject({
      ok: true, detail: expect.stringMatching(/^replica-1 in use, \d+ served, 0 failed over; replica-2 in use, \d+ served/),
    });
  });

  it('a write and the transaction around it run on the primary; the writing request reads its own write while the standby is held back', async () => {
    const { jurisdiction } = await api.data('{ jurisdiction(id: "jur:qingchuan") { version } }');
    // Hold the standbys back: they keep receiving WAL but replay none of it.
    for (const url of [STANDBY_URL, SECOND_URL]) await sql(url, 'select pg_wal_replay_pause()');
    try {
      const from = log.length;
      const { renameDepartment } = await api.data(
        'mutation($input: RenameDepartmentInput!) { renameDepartment(input: $input) { id name } }',
        { input: { departmentId: 'dept:statistics', name: '区统计局（区普查中心）', on: '2026-11-01', document: '青政发〔2026〕40号', expectedVersion: jurisdiction.version } },
        { viewer: EDITOR },
      );
      // The answer was read after the write, in the same request: from the primary, so it shows the new name.
      expect(renameDepartment).toEqual({ id: 'dept:statistics', name: '区统计局（区普查中心）' });
      const written = statements(from);
      const firstWrite = written.findIndex((s) => /^\[query\] (insert|update|delete)\b/i.test(s));
      expect(firstWrite).toBeGreaterThanOrEqual(0);
      expect(written.filter((s) => /^\[query\] (insert|update|delete)\b/i.test(s)).every((s) => s.includes('(via write connection'))).toBe(true);
      expect(written.slice(firstWrite).every((s) => s.includes('(via write connection'))).toBe(true);

      // Another request (no write of its own) reads the standby, which has not replayed the rename yet.
      const stale = await api.data('{ department(id: "dept:statistics", asOf: "2026-11-28") { name } }');
      expect(stale.department.name).toBe('区统计局');

      // Read-your-writes at the level of the entity manager: after a write in a request's scope, its reads go to the primary.
      const ctx = createRequestScope(orm.em, { today: '2026-11-28', now: new Date(), viewer: null, publicReads: true, events: api.events });
      expect((await ctx.loaders.facts.load('jur:qingchuan'))?.departments.find((d) => d.id === 'dept:statistics')?.name).toBe('区统计局');
      await ctx.em.transactional(async (tx) => {
        await tx.getConnection().execute("update jurisdiction set name = '江州市（测试）' where id = 'jur:jiangzhou'", [], 'run', tx.getTransactionContext());
      });
      ctx.loaders.facts.clearAll();
      const after = await ctx.loaders.facts.load('jur:jiangzhou');
      expect(after?.jurisdiction.name).toBe('江州市（测试）');
    } finally {
      for (const url of [STANDBY_URL, SECOND_URL]) await sql(url, 'select pg_wal_replay_resume()');
    }
    // Once replayed, every request sees the write on the standbys too.
    for (const url of [STANDBY_URL, SECOND_URL]) {
      await until('the standbys to replay', async () => (await sql<{ name: string }>(url, "select name from department where id = 'dept:statistics'"))[0].name === '区统计局（区普查中心）');
    }
    for (let i = 0; i < 4; i += 1) {
      expect((await api.data('{ department(id: "dept:statistics", asOf: "2026-11-28") { name } }')).department.name).toBe('区统计局（区普查中心）');
    }
  });

  it("a client's next requests read its write (session key): from the primary until a standby has replayed it; other clients read the standby", async () => {
    const driver = orm.em.getDriver() as unknown as ReplicatedPostgreSqlDriver;
    const sessions = driver.readYourWrites!;
    const id = 'jur:jiangzhou';
    const renamed = '江州市（会话 A）';
    const [{ name: before }] = await sql<{ name: string }>(PRIMARY_URL, `select name from jurisdiction where id = '${id}'`);
    expect(before).not.toBe(renamed);
    // Reads start the position checks (one per replica per REPLICA_POSITION_TTL_MS, in the background).
    await until("both standbys' positions", async () => {
      await readName(orm.em.fork(), id);
      return driver.replicaStatus().every((r) => r.replayLsn !== null && r.available);
    });
    await pauseReplay();
    try {
      // Client A writes in one request (flush of a request's fork made with its session key)...
      const write = forkRequest(orm.em, { sessionKey: 'A' });
      expect((write as unknown as ReadYourWritesEntityManager).sessionKey).toBe('A');
      const jurisdiction = await write.findOneOrFail(Jurisdiction, id);
      jurisdiction.name = renamed;
      await write.flush();
      expect(sessions.sessionMark('A')).not.toBeNull();
      expect(sessions.sessionMark('B')).toBeNull();

      // ...and its next requests read it: from the primary, every read of them.
      for (let i = 0; i < 3; i += 1) {
        const from = log.length;
        const next = forkRequest(orm.em, { sessionKey: 'A' });
        expect((await next.findOneOrFail(Jurisdiction, id)).name).toBe(renamed);
        expect(await readName(next, id)).toEqual({ name: renamed, standby: false, port: PRIMARY_PORT });
        expect(readConnectionType(next)).toBe('write'); // what hand-written reads (without the route) are told
        expect(via(from, 'read')).toBe(0);
        expect(via(from, 'write')).toBe(2);
      }
      // Client B, and an anonymous caller, read a standby, which has not replayed A's write.
      for (const other of [forkRequest(orm.em, { sessionKey: 'B' }), forkRequest(orm.em), orm.em.fork()]) {
        const from = log.length;
        expect((await other.findOneOrFail(Jurisdiction, id)).name).toBe(before);
        expect(await readName(other, id)).toMatchObject({ name: before, standby: true });
        expect(readConnectionType(other)).toBe('read');
        expect(via(from, 'write')).toBe(0);
      }
    } finally {
      await resumeReplay();
    }
    // Once the standbys have replayed it, A's requests read them again, and A's mark is gone.
    for (const url of [STANDBY_URL, SECOND_URL]) {
      await until('the standbys to replay', async () => (await sql<{ name: string }>(url, `select name from jurisdiction where id = '${id}'`))[0].name === renamed);
    }
    await until('session A to read a standby again', async () => {
      const row = await readName(forkRequest(orm.em, { sessionKey: 'A' }), id);
      return row.standby && row.name === renamed;
    }, 30_000);
    await until("A's mark to be settled", async () => {
      await readName(orm.em.fork(), id);
      return sessions.sessionMark('A') === null;
    }, 30_000);
    expect(readConnectionType(forkRequest(orm.em, { sessionKey: 'A' }))).toBe('read');
    // A write inside a transaction marks the session when the transaction commits, not before.
    const tx = forkRequest(orm.em, { sessionKey: 'C' });
    await tx.transactional(async (inner) => {
      await inner.nativeUpdate(Jurisdiction, { id }, { name: before });
      expect(sessions.sessionMark('C')).toBeNull();
    });
    expect(sessions.sessionMark('C')).not.toBeNull();
  });

  it('a standby whose replay falls behind the lag bound is left out as lagging: reads go to the primary with no error, and it is back once it catches up', async () => {
    // An ORM of its own with a lag bound of one second (the others' is not meant to be reached).
    const lagging = await openDatabase(database, { driver: ReplicatedPostgreSqlDriver.withTuning({ maxLagMs: 1_000 }) });
    const driver = lagging.em.getDriver() as unknown as ReplicatedPostgreSqlDriver;
    const errors: unknown[] = [];
    const read = async () => {
      try {
        const em = lagging.em.fork();
        expect((await em.find(Jurisdiction, {})).length).toBeGreaterThan(1);
        return await readName(em, 'jur:qingchuan');
      } catch (error) {
        errors.push(error);
        throw error;
      }
    };
    try {
      await until('both standbys checked and in use', async () => (await read()).standby && driver.replicaStatus().every((r) => r.replayLsn !== null && r.available));
      await pauseReplay();
      try {
        // A write the standbys receive but do not replay: from now on they fall behind.
        await sql(PRIMARY_URL, "update jurisdiction set name = name where id = 'jur:qingchuan'");
        await until('both standbys to count as lagging', async () => {
          await read();
          return driver.replicaStatus().every((r) => r.lagging);
        }, 30_000);
        expect(driver.replicaStatus()).toEqual([
          expect.objectContaining({ name: 'replica-1', available: false, lagging: true, lagMs: expect.any(Number) }),
          expect.objectContaining({ name: 'replica-2', available: false, lagging: true, lagMs: expect.any(Number) }),
        ]);
        expect(driver.replicaStatus().every((r) => (r.lagMs ?? 0) > 1_000)).toBe(true);
        // Meanwhile every read is answered, by the primary.
        for (let i = 0; i < 4; i += 1) expect(await read()).toMatchObject({ standby: false, port: PRIMARY_PORT });
        expect(await lagging.em.fork().getConnection('read').execute('select pg_is_in_recovery() as standby')).toEqual([{ standby: false }]);
        // /readyz stays ready and says why they are out.
        const readiness = await checkReadiness(lagging, null);
        expect(readiness.every((c) => c.ok)).toBe(true);
        expect(readiness.find((c) => c.name === 'replicas')?.detail).toMatch(
          /^replica-1 out \(reads on the primary\): lagging: replay .+ behind the primary \(bound 1000 ms\).*; replica-2 out \(reads on the primary\): lagging/,
        );
      } finally {
        await resumeReplay();
      }
      // Replayed, they are back in the rotation.
      await until('both standbys back in the rotation', async () => {
        await read();
        return driver.replicaStatus().every((r) => !r.lagging && r.available);
      }, 30_000);
      await until('a read on a standby again', async () => (await read()).standby);
      expect(errors).toEqual([]);
    } finally {
      await lagging.close(true);
    }
  });

  it('when the standbys go away, reads fall back to the primary and no error reaches the client', async () => {
    await ctl(standbyDir(), '-m', 'fast', '-w', 'stop');
    // With one standby gone, requests keep being answered (by the other standby, or the primary).
    for (let i = 0; i < 6; i += 1) expect((await api.run('{ coverage(jurisdictionId: "jur:qingchuan") { gaps { name } } }')).errors).toBeUndefined();
    await ctl(secondDir(), '-m', 'fast', '-w', 'stop');
    // Each standby is found out by the first read that reaches it; a slow machine may have let the first one's
    // retry window (REPLICA_RETRY_MS) pass while the second stopped, so ask until both are out at once.
    const driver = orm.em.getDriver() as unknown as ReplicatedPostgreSqlDriver;
    for (let i = 0; i < 20 && driver.replicaStatus().some((r) => r.available); i += 1) {
      expect((await api.run('{ coverage(jurisdictionId: "jur:qingchuan") { gaps { name } } jurisdictions { totalCount } }')).errors).toBeUndefined();
    }
    const from = log.length;
    const result = await api.run('{ coverage(jurisdictionId: "jur:qingchuan") { gaps { name } load { leader { name } total } } department(id: "dept:statistics") { name } }');
    expect(result.errors).toBeUndefined();
    expect((result.data as any).department.name).toBe('区统计局（区普查中心）');
    expect((result.data as any).coverage.load.length).toBeGreaterThan(5);
    // The failed attempts are logged as errors on the read connection; every answer came from the primary.
    expect(via(from, 'write')).toBeGreaterThanOrEqual(1);
    expect(via(from, 'read')).toBe(0);
    const status = driver.replicaStatus();
    expect(status).toEqual([
      expect.objectContaining({ name: 'replica-1', available: false }),
      expect.objectContaining({ name: 'replica-2', available: false }),
    ]);
    expect(status.every((r) => r.failedOver > 0)).toBe(true);
    // While it is out, the read connection is the primary itself.
    expect(await orm.em.fork().getConnection('read').execute('select pg_is_in_recovery() as standby')).toEqual([{ standby: false }]);
    // /readyz stays ready and says the replica is out.
    const readiness = await checkReadiness(orm, null);
    expect(readiness.every((c) => c.ok)).toBe(true);
    expect(readiness.find((c) => c.name === 'replicas')?.detail).toMatch(/^replica-1 out \(reads on the primary\).*; replica-2 out/);
    // And later requests keep working.
    expect((await api.run('{ jurisdictions { totalCount } }')).errors).toBeUndefined();
  });
});

if (!ON_POSTGRES) {
  it.skip('read replicas: PostgreSQL only (set TEST_DATABASE_URL)', () => undefined);
}
