// The country-wide name index (src/store/name-index.ts) on a real database: it names the governments the LIKE scans
// name; it is built in one statement and answers warm with none; a committed write re-reads only its governments (one
// statement), ALL_GOVERNMENTS and the maximum age rebuild it, an announcement through Redis reaches another index, and
// a Redis that does not answer is never answered for.
import type { SqlEntityManager } from '@mikro-orm/knex';
import Redis from 'ioredis';
import { searchKeywords } from '../../src/domain';
import { Department } from '../../src/entities';
import { FactsStore } from '../../src/store/facts-store';
import { announceNameChanges, governmentsMatchingInDatabase, NameIndex } from '../../src/store/name-index';
import { ALL_GOVERNMENTS, onCommittedWrites } from '../../src/store/write-tracking';
import { openTestDatabase, type TestDatabase } from '../support/database';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const statements: string[] = [];
let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase('name_index', { debug: ['query'], logger: (message: string) => statements.push(message) }, { demo: true });
});

afterAll(async () => {
  await db?.close();
});

const em = () => db.orm.em.fork() as SqlEntityManager;

async function counted<T>(action: () => Promise<T>): Promise<{ value: T; statements: number }> {
  const before = statements.length;
  const value = await action();
  return { value, statements: statements.length - before };
}

/** Renames a unit with raw SQL: a write nobody announces (another process without Redis would do this). */
async function renameQuietly(id: string, name: string): Promise<void> {
  await db.orm.em.getConnection().execute('update department set name = ? where id = ?', [name, id]);
}

it('names the governments the LIKE scans name, built in one statement, then answering with none', async () => {
  const index = new NameIndex();
  const texts = ['财政', '区府办', '吴斌', '应急', '殡葬', 'shenji', '谁分管税务?', '教育局长', '周明', '月球探测', '局'];
  const built = await counted(() => index.matching(em(), searchKeywords(texts[0])));
  expect(built.statements).toBe(1);
  for (const text of texts) {
    const keywords = searchKeywords(text);
    const found = await counted(() => index.matching(em(), keywords));
    expect(found.statements).toBe(0);
    expect(found.value).toEqual(await governmentsMatchingInDatabase(em(), keywords));
  }
  expect(await index.matching(em(), searchKeywords('局'))).toEqual(['jur:jiangzhou', 'jur:linjiang', 'jur:qingchuan']);
  expect(await index.matching(em(), [])).toEqual([]);
  const { stats } = index;
  expect(stats).toMatchObject({ governments: 3, builds: 1, refreshes: 0 });
  expect(stats.entries).toBeGreaterThan(100);
  expect(stats.bytes).toBeGreaterThan(stats.characters);
});

it('a committed write marks its government dirty: the next search re-reads it alone, in one statement', async () => {
  const index = new NameIndex();
  const stop = onCommittedWrites(db.orm.config, (ids) => index.touched(ids));
  try {
    expect(await index.matching(em(), ['量子'])).toEqual([]);
    await em().nativeUpdate(Department, { id: 'dept:finance', jurisdiction: 'jur:qingchuan' }, { name: '区量子财政局' });
    const refreshed = await counted(() => index.matching(em(), ['量子']));
    expect(refreshed).toEqual({ value: ['jur:qingchuan'], statements: 1 });
    expect(index.stats).toMatchObject({ builds: 1, refreshes: 1 });
    // The old name is gone from the index, the other governments untouched.
    expect(await index.matching(em(), ['区财政局'])).toEqual(await governmentsMatchingInDatabase(em(), ['区财政局']));
    await em().nativeUpdate(Department, { id: 'dept:finance', jurisdiction: 'jur:qingchuan' }, { name: '区财政局' });
    expect(await index.matching(em(), ['量子'])).toEqual([]);
    expect(await index.matching(em(), ['区财政局'])).toContain('jur:qingchuan');
    expect(index.stats).toMatchObject({ builds: 1, refreshes: 2 });
  } finally {
    stop();
  }
});

it('ALL_GOVERNMENTS rebuilds it', async () => {
  const index = new NameIndex();
  expect(await index.matching(em(), ['星河'])).toEqual([]);
  await renameQuietly('dept:finance', '区星河财政局');
  try {
    expect(await index.matching(em(), ['星河'])).toEqual([]);
    index.touched(new Set([ALL_GOVERNMENTS]));
    const rebuilt = await counted(() => index.matching(em(), ['星河']));
    expect(rebuilt).toEqual({ value: ['jur:qingchuan'], statements: 1 });
    expect(index.stats).toMatchObject({ builds: 2, refreshes: 0 });
  } finally {
    await renameQuietly('dept:finance', '区财政局');
  }
});

it('a write nobody announced is seen once the index is older than maxAgeMs and renewed (in the background: no search waits for it)', async () => {
  let clock = 1_000_000;
  const index = new NameIndex({ maxAgeMs: 1_000, now: () => clock });
  expect(await index.matching(em(), ['晨星'])).toEqual([]);
  await renameQuietly('dept:finance', '区晨星财政局');
  try {
    clock += 999;
    expect(await index.matching(em(), ['晨星'])).toEqual([]);
    expect(index.renewing).toBeNull();
    clock += 1;
    // The search that finds the index old answers from it as it is, and starts the renewal.
    expect(await index.matching(em(), ['晨星'])).toEqual([]);
    expect(index.renewing).not.toBeNull();
    await index.renewing;
    expect(await index.matching(em(), ['晨星'])).toEqual(['jur:qingchuan']);
    expect(index.stats.builds).toBe(2);
    clock += 500;
    expect((await counted(() => index.matching(em(), ['晨星']))).statements).toBe(0);
  } finally {
    await renameQuietly('dept:finance', '区财政局');
  }
});

it('a write heard while a renewal reads keeps its government dirty, so the renewal’s older snapshot never hides it', async () => {
  let clock = 1_000_000;
  const index = new NameIndex({ maxAgeMs: 1_000, now: () => clock });
  expect(await index.matching(em(), ['暮光'])).toEqual([]);
  clock += 1_000;
  expect(await index.matching(em(), ['暮光'])).toEqual([]);
  const renewal = index.renewing;
  expect(renewal).not.toBeNull();
  // Committed after the renewal's statement was sent (its snapshot may or may not hold it), heard while it runs, and
  // read by a search meanwhile: whatever the order, the index must hold it once the renewal is done.
  await renameQuietly('dept:finance', '区暮光财政局');
  index.touched(new Set(['jur:qingchuan']));
  try {
    await index.matching(em(), ['暮光']);
    await renewal;
    expect(await index.matching(em(), ['暮光'])).toEqual(['jur:qingchuan']);
  } finally {
    await renameQuietly('dept:finance', '区财政局');
  }
});

it('a store prepares the index before any search (a server does once it listens): the first search then runs no SQL', async () => {
  const store = new FactsStore(db.orm, { maxGovernments: 10 });
  try {
    const prepared = await counted(() => store.prepareNameIndex(em()));
    expect(prepared.statements).toBe(1);
    expect(store.names.stats).toMatchObject({ governments: 3, builds: 1 });
    const keywords = searchKeywords('财政');
    const first = await counted(() => store.governmentsMatching(em(), keywords));
    expect(first).toEqual({ value: await governmentsMatchingInDatabase(em(), keywords), statements: 0 });
  } finally {
    await store.close();
  }
});

it('a failed preparation is reported, and the first search builds the index instead', async () => {
  const errors: unknown[] = [];
  const store = new FactsStore(db.orm, { maxGovernments: 10, onError: (error) => errors.push(error) });
  const closed = await openTestDatabase('name_index_closed');
  await closed.close();
  try {
    await store.prepareNameIndex(closed.orm.em.fork() as SqlEntityManager);
    expect(errors.length).toBe(1);
    expect(store.names.stats.builds).toBe(1);
    const built = await counted(() => store.governmentsMatching(em(), searchKeywords('财政')));
    expect(built.statements).toBe(1);
    expect(store.names.stats).toMatchObject({ governments: 3, builds: 2 });
  } finally {
    await store.close();
  }
});

describe('with Redis', () => {
  let redis: Redis | null = null;

  beforeAll(async () => {
    const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    const reachable = await probe.connect().then(() => true, () => false);
    probe.disconnect();
    if (!reachable && process.env.CI === 'true') throw new Error(`Redis does not answer at ${REDIS_URL}`);
    if (reachable) redis = new Redis(REDIS_URL);
  });

  afterAll(async () => {
    await redis?.quit();
  });

  it('a write another instance announced is re-read by the next search here', async () => {
    if (redis === null) return;
    const index = new NameIndex({ redis });
    expect(await index.matching(em(), ['极光'])).toEqual([]);
    await renameQuietly('dept:finance', '区极光财政局');
    try {
      expect(await index.matching(em(), ['极光'])).toEqual([]);
      const announcement = redis.multi();
      announceNameChanges(announcement, ['jur:qingchuan']);
      await announcement.exec();
      const refreshed = await counted(() => index.matching(em(), ['极光']));
      expect(refreshed).toEqual({ value: ['jur:qingchuan'], statements: 1 });
      expect((await counted(() => index.matching(em(), ['极光']))).statements).toBe(0);
    } finally {
      await renameQuietly('dept:finance', '区财政局');
    }
  });

  it('a Redis that does not answer is never answered for: the index says so, and the store asks the database', async () => {
    const dead = new Redis('redis://127.0.0.1:9', { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    dead.on('error', () => undefined);
    const errors: unknown[] = [];
    const index = new NameIndex({ redis: dead, onError: (error) => errors.push(error) });
    expect(await index.matching(em(), ['财政'])).toBeNull();
    expect(errors.length).toBe(1);
    dead.disconnect();
    const store = new FactsStore(db.orm, { maxGovernments: 10, redisUrl: 'redis://127.0.0.1:9', onError: () => undefined });
    try {
      const keywords = searchKeywords('财政');
      expect(await store.governmentsMatching(em(), keywords)).toEqual(await governmentsMatchingInDatabase(em(), keywords));
    } finally {
      await store.close();
      // The store's client times its commands out after a second; its timer is let run out, so jest exits cleanly.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
    }
  });
});
