// The store of facts: warm reads run no SQL, a miss loads the government once, and every write is visible
// in the very next read — on the instance that wrote and, through Redis, on another instance with its own
// database connection and its own store.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import Redis from 'ioredis';
import { createToken } from '../../src/auth/tokens';
import { PROJECT_ROOT } from '../../src/config';
import { openDatabase } from '../../src/db/database';
import { seedDemoIfEmpty } from '../../src/ops/seed';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { startServer, type RunningServer } from '../../src/server';
import { Department, DepartmentLineage } from '../../src/entities';
import { FactsStore } from '../../src/store/facts-store';
import type { VersionedFacts } from '../../src/store/load-facts';
import { ON_POSTGRES, openTestDatabase, type TestDatabase } from '../support/database';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const statements: string[] = [];
const counting = { debug: ['query'] as ['query'], logger: (message: string) => statements.push(message) };
const options = { timeZone: 'Asia/Shanghai', publicReads: true, rateLimits: null, now: () => new Date('2026-11-28T02:00:00Z') } as const;

let db: TestDatabase;
let server: RunningServer;
let editor: string;

beforeAll(async () => {
  db = await openTestDatabase('store', counting, { demo: true });
  editor = (await createToken(db.orm.em.fork(), '区政府办公室', 'EDITOR', new Date())).token;
  server = await startServer(db.orm, 0, '127.0.0.1', options);
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

async function graphql(url: string, query: string, variables?: object, token?: string): Promise<any> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as any;
  expect(body.errors).toBeUndefined();
  return body.data;
}

async function sqlDuring(action: () => Promise<unknown>): Promise<number> {
  const before = statements.length;
  await action();
  return statements.length - before;
}

const TEAM = '{ leadershipTeam(jurisdictionId: "jur:qingchuan") { nodes { id name supervises { department { id name } } } } }';
const SUPERVISORS = '{ department(id: "dept:education") { supervisedBy { leader { id name } } } }';
const absenceOn = (date: string) => `{ leader(id: "leader:zhou-ming") { absence(asOf: "${date}") { reason } } }`;
const RECORD_ABSENCE = `mutation($input: RecordAbsenceInput!) { recordAbsence(input: $input) { id } }`;

it('answers a warm read with no SQL at all, and a cold one with a fixed number of statements', async () => {
  expect(server.store.size).toBe(0);
  const cold = await sqlDuring(() => graphql(server.url, TEAM));
  expect(cold).toBeGreaterThan(0);
  expect(cold).toBeLessThanOrEqual(3); // the bound; one statement today (src/store/load-facts.ts)
  expect(await sqlDuring(() => graphql(server.url, TEAM))).toBe(0);
  expect(await sqlDuring(() => graphql(server.url, SUPERVISORS))).toBe(0);
  expect(await sqlDuring(() => fetch(`${server.url}/export/jur:qingchuan/matrix.csv`).then((r) => r.text()))).toBe(0);
});

it('answers popolo warm with no SQL, the units\' lineage included, and shows a lineage step in the very next read', async () => {
  const POPOLO = '{ popolo(jurisdictionId: "jur:qingchuan") }';
  const lineageOf = async () => ((await graphql(server.url, POPOLO)).popolo['fengong:lineage'] ?? []).map((l: { id: string }) => l.id);
  await lineageOf();
  expect(await sqlDuring(() => graphql(server.url, POPOLO))).toBe(0);
  expect(await sqlDuring(() => fetch(`${server.url}/export/jur:qingchuan/popolo.json`).then((r) => r.text()))).toBe(0);
  const before = await lineageOf();
  await db.orm.em.fork().insert(DepartmentLineage, { id: 'lineage:store-test', jurisdiction: 'jur:qingchuan', kind: 'RENAME', predecessor: 'dept:education', successor: 'dept:education', date: '2027-06-01', formerName: '教育体育局' });
  expect(await lineageOf()).toEqual([...before, 'lineage:store-test']);
  expect(await sqlDuring(() => graphql(server.url, POPOLO))).toBe(0);
});

it('shows a write in the very next read on the same instance', async () => {
  expect((await graphql(server.url, absenceOn('2027-03-02'))).leader.absence).toBeNull();
  await graphql(server.url, RECORD_ABSENCE, { input: { leaderId: 'leader:zhou-ming', validFrom: '2027-03-01', validTo: '2027-03-05', reason: '赴省参加财政工作会议' } }, editor);
  expect((await graphql(server.url, absenceOn('2027-03-02'))).leader.absence).toEqual({ reason: '赴省参加财政工作会议' });
});

it('reads of a government being loaded wait for that load: ten at once cost one statement, and reads begun after a write see it', async () => {
  const store = new FactsStore(db.orm, { maxGovernments: 10 });
  const load = () => store.load(db.orm.em.fork() as SqlEntityManager, ['jur:qingchuan', 'jur:jiangzhou']);
  const financeName = (loaded: Map<string, VersionedFacts>) => loaded.get('jur:qingchuan')?.facts.departments.find((d) => d.id === 'dept:finance')?.name;
  try {
    expect(await sqlDuring(() => Promise.all(Array.from({ length: 10 }, load)))).toBe(1);
    const held = await load();
    // Five reads on their way, then a write through the ORM (the store hears of its commit), then five more.
    const early = Array.from({ length: 5 }, load);
    await db.orm.em.fork().nativeUpdate(Department, { id: 'dept:finance', jurisdiction: 'jur:qingchuan' }, { name: '区并发财政局' });
    const late = await Promise.all(Array.from({ length: 5 }, load));
    await Promise.all(early);
    expect(late.map(financeName)).toEqual(Array(5).fill('区并发财政局'));
    // The five begun after the commit share one load (one facts object); jiangzhou was held throughout.
    expect(new Set(late.map((m) => m.get('jur:qingchuan'))).size).toBe(1);
    expect(new Set([...late, held].map((m) => m.get('jur:jiangzhou'))).size).toBe(1);
  } finally {
    await db.orm.em.fork().nativeUpdate(Department, { id: 'dept:finance', jurisdiction: 'jur:qingchuan' }, { name: '区财政局' });
    await store.close();
  }
});

it('sees a write nobody announced (raw SQL, as another process without Redis would) once the held facts are older than maxAgeMs', async () => {
  const store = new FactsStore(db.orm, { maxGovernments: 10, maxAgeMs: 200 });
  try {
    const name = async () => (await store.load(db.orm.em.fork() as SqlEntityManager, ['jur:qingchuan'])).get('jur:qingchuan')?.facts.jurisdiction.name;
    expect(await name()).toBe('青川区');
    await db.orm.em.getConnection().execute("update jurisdiction set name = '青川区（改）' where id = 'jur:qingchuan'");
    expect(await name()).toBe('青川区');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await name()).toBe('青川区（改）');
  } finally {
    await db.orm.em.getConnection().execute("update jurisdiction set name = '青川区' where id = 'jur:qingchuan'");
    await store.close();
  }
});

describe('two instances, each with its own connection and store, sharing Redis', () => {
  let otherOrm: MikroORM;
  let firstOrm: MikroORM | null = null;
  let first: RunningServer;
  let second: RunningServer;
  let sqliteFile: string | null = null;
  let reachable = true;

  beforeAll(async () => {
    const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    reachable = await probe.connect().then(() => true, () => false);
    probe.disconnect();
    if (!reachable && process.env.CI === 'true') throw new Error(`Redis does not answer at ${REDIS_URL}`);
    if (!reachable) return;
    // Two ORMs on one database: PostgreSQL is shared as it is; SQLite needs a file rather than memory.
    if (ON_POSTGRES) {
      otherOrm = await openDatabase(db.config);
    } else {
      sqliteFile = path.join(PROJECT_ROOT, 'tmp', `store-${process.pid}.sqlite`);
      rmSync(sqliteFile, { force: true });
      firstOrm = await openDatabase({ kind: 'sqlite', url: sqliteFile });
      await seedDemoIfEmpty(firstOrm);
      await createToken(firstOrm.em.fork(), '区政府办公室', 'EDITOR', new Date());
      otherOrm = await openDatabase({ kind: 'sqlite', url: sqliteFile });
    }
    first = await startServer(firstOrm ?? db.orm, 0, '127.0.0.1', { ...options, redisUrl: REDIS_URL });
    second = await startServer(otherOrm, 0, '127.0.0.1', { ...options, redisUrl: REDIS_URL });
    if (firstOrm !== null) editor = (await createToken(firstOrm.em.fork(), '区政府办公室', 'EDITOR', new Date())).token;
  });

  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await otherOrm?.close(true);
    await firstOrm?.close(true);
    if (sqliteFile !== null) rmSync(sqliteFile, { force: true });
  });

  it('a write on one instance is seen by the other instance’s very next read', async () => {
    if (!reachable) return;
    expect((await graphql(second.url, absenceOn('2027-05-11'))).leader.absence).toBeNull();
    expect((await graphql(second.url, absenceOn('2027-05-11'))).leader.absence).toBeNull();
    await graphql(first.url, RECORD_ABSENCE, { input: { leaderId: 'leader:zhou-ming', validFrom: '2027-05-10', validTo: '2027-05-12', reason: '赴市里汇报保供稳价工作' } }, editor);
    expect((await graphql(second.url, absenceOn('2027-05-11'))).leader.absence).toEqual({ reason: '赴市里汇报保供稳价工作' });
  });
});
