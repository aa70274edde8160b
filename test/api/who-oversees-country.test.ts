// whoOversees across the whole country (no jurisdictionId, no withinJurisdictionId): every candidate government the
// store's name index names (src/store/name-index.ts), never capped; matches by government (id order), then by rank,
// paged with keyset cursors of their own; totalCount only when asked; the index kept current by writes on this
// instance and, through Redis, on another; answers never kept by the response cache.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import Redis from 'ioredis';
import { createToken } from '../../src/auth/tokens';
import { PROJECT_ROOT } from '../../src/config';
import { openDatabase } from '../../src/db/database';
import { searchKeywords } from '../../src/domain';
import { importDataset } from '../../src/io/importer';
import { mergeDatasets } from '../../src/io/dataset';
import { generateCountry } from '../../src/io/generate';
import { COUNTRY_BATCH_LIMIT, DirectoryService, type CountryPosition } from '../../src/modules/directory/directory.service';
import { createRequestScope } from '../../src/scope/request-scope';
import { createEvents } from '../../src/scope/events';
import { startServer, type RunningServer } from '../../src/server';
import { governmentsMatchingInDatabase } from '../../src/store/name-index';
import { ON_POSTGRES, openTestDatabase, type TestDatabase } from '../support/database';
import { createTestApi, type TestApi } from '../support/api';

jest.setTimeout(180_000);

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TODAY = '2026-11-28';
const options = { timeZone: 'Asia/Shanghai', publicReads: true, rateLimits: null, now: () => new Date(`${TODAY}T02:00:00Z`) } as const;
const statements: string[] = [];
const counting = { debug: ['query'] as ['query'], logger: (message: string) => statements.push(message) };

let db: TestDatabase;
let api: TestApi;
let server: RunningServer;
let editor: string;

beforeAll(async () => {
  db = await openTestDatabase('oversees_country', counting);
  // 30 districts with their cities and province: every government has an education bureau.
  await importDataset(db.orm.em.fork(), mergeDatasets(generateCountry({ governments: 30, validFrom: '2026-01-01' })));
  api = await createTestApi(db.orm);
  editor = (await createToken(db.orm.em.fork(), '区政府办公室', 'EDITOR', new Date())).token;
  server = await startServer(db.orm, 0, '127.0.0.1', options);
});

afterAll(async () => {
  await server?.stop();
  await api?.stop();
  await db?.close();
});

async function post(url: string, query: string, variables?: object, token?: string): Promise<any> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const send = () => fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  // A kept-alive socket the server closed as it was reused (after a long pause): a read is sent again, once.
  const response = await send().catch((error: unknown) => {
    if (query.trimStart().startsWith('mutation') || (error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
    return send();
  });
  return response.json();
}

async function graphql(url: string, query: string, variables?: object, token?: string): Promise<any> {
  const body = await post(url, query, variables, token);
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** What `action` answers, with the number of SQL statements it ran. */
async function measured<T>(action: () => Promise<T>): Promise<{ value: T; sql: number }> {
  const before = statements.length;
  const value = await action();
  return { value, sql: statements.length - before };
}

const ASK = 'query($text: String!, $within: ID) { whoOversees(text: $text, withinJurisdictionId: $within, first: 5) { totalCount governmentsMatched governmentsSearched moreGovernments nodes { jurisdiction { id } } } }';
const PAGE = `query($t: String!, $n: Int, $after: String, $asOf: LocalDate) { whoOversees(text: $t, first: $n, after: $after, asOf: $asOf) {
  governmentsMatched governmentsSearched moreGovernments
  pageInfo { hasNextPage hasPreviousPage endCursor }
  edges { cursor node { jurisdiction { id } matchedName target { __typename ... on Department { id } ... on WorkArea { id } } } }
} }`;
const COUNT = 'query($t: String!) { whoOversees(text: $t, first: 1) { totalCount governmentsMatched } }';
const ONE = 'query($t: String!, $j: ID!, $asOf: LocalDate) { whoOversees(text: $t, jurisdictionId: $j, first: 100, asOf: $asOf) { totalCount nodes { jurisdiction { id } matchedName target { __typename ... on Department { id } ... on WorkArea { id } } } } }';

type Node = { jurisdiction: { id: string }; matchedName: string; target: { __typename: string; id: string } };
const key = (n: Node) => `${n.jurisdiction.id}|${n.target.__typename}|${n.target.id}|${n.matchedName}`;

/** Every government's id, in JavaScript's string order (the order of the candidates). */
async function governmentIds(): Promise<string[]> {
  const { jurisdictions } = await api.data('{ jurisdictions(first: 100) { totalCount nodes { id } } }');
  expect(jurisdictions.totalCount).toBeLessThanOrEqual(100);
  return (jurisdictions.nodes as { id: string }[]).map((j) => j.id).sort();
}

/** What each government's own search finds, government after government in id order: the country-wide order. */
async function expectedOrder(text: string, asOf = TODAY): Promise<{ nodes: string[]; governments: number }> {
  const nodes: string[] = [];
  let governments = 0;
  for (const j of await governmentIds()) {
    const { whoOversees } = await api.data(ONE, { t: text, j, asOf });
    expect(whoOversees.totalCount).toBeLessThanOrEqual(100);
    if (whoOversees.nodes.length > 0) governments += 1;
    nodes.push(...(whoOversees.nodes as Node[]).map(key));
  }
  return { nodes, governments };
}

interface Paged {
  readonly nodes: string[];
  readonly pages: any[];
}

/** Follows endCursor from the first page to the last. */
async function pageThrough(fetchPage: (after: string | null) => Promise<any>): Promise<Paged> {
  const nodes: string[] = [];
  const pages: any[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 1000; guard += 1) {
    const page = await fetchPage(after);
    pages.push(page);
    nodes.push(...(page.edges as { node: Node }[]).map((e) => key(e.node)));
    if (!page.pageInfo.hasNextPage) return { nodes, pages };
    after = page.pageInfo.endCursor;
  }
  throw new Error('more than 1000 pages');
}

const viaServer = (text: string, first: number, asOf = TODAY) => async (after: string | null) =>
  (await graphql(server.url, PAGE, { t: text, n: first, after, asOf })).whoOversees;

const likeCandidates = async (text: string) => governmentsMatchingInDatabase(db.orm.em.fork() as SqlEntityManager, searchKeywords(text));

it('a country-wide search names every candidate government, searches only what its page needs, and says candidates remain', async () => {
  const { whoOversees } = await api.data(ASK, { text: '教育局' });
  expect(whoOversees.governmentsMatched).toBe((await likeCandidates('教育局')).length);
  expect(whoOversees.governmentsMatched).toBe((await governmentIds()).length);
  expect(whoOversees.governmentsSearched).toBeGreaterThanOrEqual(1);
  expect(whoOversees.governmentsSearched).toBeLessThanOrEqual(5);
  expect(whoOversees.moreGovernments).toBe(true);
  expect(whoOversees.totalCount).toBeGreaterThan(whoOversees.governmentsMatched);
  expect(whoOversees.nodes).toHaveLength(5);
});

it('a search within one city is complete: every government of it searched, nothing more to say', async () => {
  const { jurisdictions } = await api.data('{ jurisdictions(first: 100) { nodes { id level } } }');
  const city = (jurisdictions.nodes as { id: string; level: string }[]).find((j) => j.level === 'CITY')!.id;
  const { whoOversees } = await api.data(ASK, { text: '教育局', within: city });
  expect(whoOversees.moreGovernments).toBe(false);
  expect(whoOversees.governmentsSearched).toBeGreaterThan(1);
  expect(whoOversees.governmentsMatched).toBe(whoOversees.governmentsSearched);
});

it('a text no government matches searches none', async () => {
  const { whoOversees } = await api.data(ASK, { text: '月球探测局' });
  expect(whoOversees).toMatchObject({ totalCount: 0, governmentsMatched: 0, governmentsSearched: 0, moreGovernments: false });
  const cold = (await graphql(server.url, ASK, { text: '月球探测局' })).whoOversees;
  expect(cold).toMatchObject({ totalCount: 0, governmentsMatched: 0, governmentsSearched: 0, moreGovernments: false, nodes: [] });
});

describe('paging through a text every government holds', () => {
  const TEXTS = ['教育局', 'shenji'] as const;

  it.each(TEXTS)('"%s": every match exactly once, by government then rank, on the server (the index) and without it (SQL)', async (text) => {
    const expected = await expectedOrder(text);
    expect(expected.nodes.length).toBeGreaterThan(30);
    const paged = await pageThrough(viaServer(text, 7));
    expect(paged.nodes).toEqual(expected.nodes);
    expect(new Set(paged.nodes).size).toBe(paged.nodes.length);
    const candidates = await likeCandidates(text);
    for (const [i, page] of paged.pages.entries()) {
      const last = i === paged.pages.length - 1;
      expect(page.governmentsMatched).toBe(candidates.length);
      expect(page.pageInfo.hasPreviousPage).toBe(i > 0);
      expect(page.pageInfo.hasNextPage).toBe(!last);
      if (!last) expect(page.edges).toHaveLength(7);
      // A page searches what it needs: never a cap, and the last page says nothing remains.
      expect(page.governmentsSearched).toBeLessThanOrEqual(8);
      if (last) expect(page.moreGovernments).toBe(false);
      else if (page.moreGovernments === false) expect(paged.pages.slice(i + 1).every((p) => p.moreGovernments === false)).toBe(true);
    }
    expect(paged.pages[0].moreGovernments).toBe(true);
    // totalCount, asked for, is the sum of every government's own count.
    const { whoOversees } = await graphql(server.url, COUNT, { t: text });
    expect(whoOversees.totalCount).toBe(expected.nodes.length);
    // The store's reader and the database's (the CLI's, a transaction's) page alike.
    const direct = await pageThrough(async (after) => (await api.data(PAGE, { t: text, n: 40, after })).whoOversees);
    expect(direct.nodes).toEqual(expected.nodes);
    expect((await api.data(COUNT, { t: text })).whoOversees.totalCount).toBe(expected.nodes.length);
  });

  it('a cursor resumes right after its match, again and again; a page of 100 is the same list', async () => {
    const all = await pageThrough(viaServer('教育局', 100));
    const first = await viaServer('教育局', 30)(null);
    for (const i of [0, 4, 13, 29]) {
      const resumed = await viaServer('教育局', 5)(first.edges[i].cursor);
      expect(resumed.edges.map((e: { node: Node }) => key(e.node))).toEqual(all.nodes.slice(i + 1, i + 6));
      expect(resumed.pageInfo.hasPreviousPage).toBe(true);
    }
    // The same cursor twice: the same page.
    expect(await viaServer('教育局', 5)(first.edges[13].cursor)).toEqual(await viaServer('教育局', 5)(first.edges[13].cursor));
  });

  it('a cursor whose government is no candidate (any more) resumes at the next one', async () => {
    const all = await pageThrough(viaServer('教育局', 100));
    const cursor = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
    const firstOf = (j: string) => all.nodes.findIndex((n) => n.startsWith(`${j}|`));
    // Between jur:district-00010 and jur:district-00011; and past every match of jur:district-00010 (* says so).
    for (const after of [cursor('gov:jur:district-000105:0'), cursor('gov:jur:district-00010:999'), cursor('gov:jur:district-00010:*')]) {
      const page = await viaServer('教育局', 3)(after);
      expect(page.edges.map((e: { node: Node }) => key(e.node))).toEqual(all.nodes.slice(firstOf('jur:district-00011'), firstOf('jur:district-00011') + 3));
    }
    // Past the last candidate: an empty last page.
    const end = await viaServer('教育局', 3)(cursor('gov:jur:zzz:0'));
    expect(end).toMatchObject({ edges: [], governmentsSearched: 0, moreGovernments: false, pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it.each([
    ['garbage', 'bm90LWEtY3Vyc29y'],
    ['an offset cursor', Buffer.from('offset:3', 'utf8').toString('base64url')],
    ['no index', Buffer.from('gov:jur:district-00001:', 'utf8').toString('base64url')],
    ['a negative index', Buffer.from('gov:jur:district-00001:-1', 'utf8').toString('base64url')],
    ['no government', Buffer.from('gov::3', 'utf8').toString('base64url')],
  ])('%s as a country-wide cursor → BAD_USER_INPUT', async (_label, after) => {
    const body = await post(server.url, PAGE, { t: '教育局', n: 5, after });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a country-wide cursor given to a search of one government → BAD_USER_INPUT (its cursors are offsets)', async () => {
    const { whoOversees } = await graphql(server.url, PAGE, { t: '教育局', n: 2 });
    const body = await post(server.url, 'query($a: String) { whoOversees(text: "教育局", jurisdictionId: "jur:district-00001", after: $a) { totalCount } }', { a: whoOversees.pageInfo.endCursor });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('statements', () => {
  /** How many batches of facts a page that searched `searched` candidates loaded at most. */
  const batches = (first: number, searched: number) => {
    let n = 0;
    let loaded = 0;
    for (let size = Math.min(COUNTRY_BATCH_LIMIT, first + 1); loaded < searched; loaded += size, size = Math.min(COUNTRY_BATCH_LIMIT, size * 2)) n += 1;
    return { n, loaded };
  };

  it.each([
    ['教育局', 5],
    ['审计', 100],
    ['shenji', 30],
  ])('"%s", first %i: cold, at most 3 + one per batch of governments; warm and repeated, none', async (text, first) => {
    server.store.clear();
    const { value: page, sql: cold } = await measured(() => viaServer(text, first)(null));
    expect(cold).toBeGreaterThan(0);
    expect(cold).toBeLessThanOrEqual(3 + batches(first, page.governmentsSearched).n);
    // Only the governments the page needed were loaded: totalCount, not selected, searched nothing.
    expect(server.store.size).toBeLessThanOrEqual(batches(first, page.governmentsSearched).loaded);
    expect((await measured(() => viaServer(text, first)(null))).sql).toBe(0);
    const resumed = await measured(() => viaServer(text, first)(page.pageInfo.endCursor));
    expect(resumed.sql).toBeLessThanOrEqual(batches(first, resumed.value.governmentsSearched).n);
    expect((await measured(() => viaServer(text, first)(page.pageInfo.endCursor))).sql).toBe(0);
  });
});

/** Creates a unit named `name` in `jurisdictionId` through the API of `url`, in effect from 2026-12-01. */
async function createUnit(url: string, token: string, jurisdictionId: string, id: string, name: string): Promise<void> {
  const { jurisdiction } = await graphql(url, 'query($j: ID!) { jurisdiction(id: $j) { version } }', { j: jurisdictionId });
  await graphql(url, 'mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }', {
    input: { jurisdictionId, department: { id, name, kind: 'AFFILIATED' }, on: '2026-12-01', document: '合成政发〔2026〕9号', expectedVersion: jurisdiction.version },
  }, token);
}

const targetsOf = (page: any) => (page.edges as { node: Node }[]).map((e) => `${e.node.jurisdiction.id}|${e.node.target.id}`);

it('a write through the API on this instance is found by the very next country-wide search', async () => {
  const before = await viaServer('星火孵化', 10, '2026-12-02')(null);
  expect(before).toMatchObject({ edges: [], governmentsMatched: 0 });
  await createUnit(server.url, editor, 'jur:district-00022', 'dept:district-00022-spark', '合成22区星火孵化中心');
  const after = await viaServer('星火孵化', 10, '2026-12-02')(null);
  expect(targetsOf(after)).toEqual(['jur:district-00022|dept:district-00022-spark']);
  expect(after).toMatchObject({ governmentsMatched: 1, governmentsSearched: 1, moreGovernments: false });
  // The refresh read only the government written (one statement); then nothing again.
  await createUnit(server.url, editor, 'jur:district-00007', 'dept:district-00007-spark', '合成7区星火孵化中心');
  const refreshed = await measured(() => viaServer('星火孵化', 10, '2026-12-02')(null));
  expect(targetsOf(refreshed.value)).toEqual(['jur:district-00007|dept:district-00007-spark', 'jur:district-00022|dept:district-00022-spark']);
  expect(refreshed.sql).toBeLessThanOrEqual(2);
  expect((await measured(() => viaServer('星火孵化', 10, '2026-12-02')(null))).sql).toBe(0);
});

it('a page searches at most its share of governments: a text every district holds but few match ends pages early, and resuming visits every match once', async () => {
  // The secretary-general (the last seat) has no portfolio, and every generated district's has the same name.
  const { leader } = await graphql(server.url, '{ leader(id: "leader:district-00001-11") { name } }');
  await createUnit(server.url, editor, 'jur:district-00020', 'dept:district-00020-studio', `合成20区${leader.name}工作室`);
  await createUnit(server.url, editor, 'jur:district-00025', 'dept:district-00025-studio', `合成25区${leader.name}工作室`);
  const asOf = '2026-12-02';
  const expected = (await expectedOrder(leader.name, asOf)).nodes.map((k) => k.split('|').filter((_, i) => i !== 1).join('|'));
  expect(expected.some((k) => k.startsWith('jur:district-00020|'))).toBe(true);
  const scope = () => createRequestScope(db.orm.em, { today: TODAY, now: new Date(), viewer: null, publicReads: true, events: createEvents() }, server.store);
  const seen: string[] = [];
  let after: CountryPosition | null = null;
  let early = 0;
  for (let guard = 0; guard < 100; guard += 1) {
    const page = await new DirectoryService(scope()).searchCountry(leader.name, asOf, { after, size: 3, governments: 10 });
    expect(page.governmentsSearched).toBeLessThanOrEqual(10);
    expect(page.governmentsMatched).toBeGreaterThanOrEqual(30);
    seen.push(...page.matches.map((m) => `${m.jurisdictionId}|${m.match.targetId}|${m.match.matchedName}`));
    if (page.matches.length < 3 && page.hasNextPage) early += 1;
    if (!page.hasNextPage) {
      expect(page.moreGovernments).toBe(false);
      break;
    }
    const last = page.matches[page.matches.length - 1];
    after = page.resumeAfter ?? { jurisdictionId: last.jurisdictionId, index: last.index };
  }
  expect(seen).toEqual(expected);
  expect(early).toBeGreaterThan(2);
  // Over the API (its share is larger than this country): the same list.
  const paged = await pageThrough(viaServer(leader.name, 3, asOf));
  expect(paged.nodes.map((k) => k.split('|').filter((_, i) => i !== 1).join('|'))).toEqual(expected);
});

it('the response cache keeps no country-wide answer: a write in a government it did not read adds a match to the next', async () => {
  const QUERY = '{ whoOversees(text: "晨曦驿站", asOf: "2026-12-02") { governmentsMatched nodes { jurisdiction { id } target { ... on Department { id } } } } }';
  await createUnit(server.url, editor, 'jur:district-00003', 'dept:district-00003-dawn', '合成3区晨曦驿站');
  const once = await post(server.url, QUERY);
  const answered = server.responses!.stats.answered;
  const twice = await post(server.url, QUERY);
  expect(twice).toEqual(once);
  expect(once.data.whoOversees.nodes.map((n: any) => n.jurisdiction.id)).toEqual(['jur:district-00003']);
  await createUnit(server.url, editor, 'jur:district-00028', 'dept:district-00028-dawn', '合成28区晨曦驿站');
  const third = await post(server.url, QUERY);
  expect(third.data.whoOversees.nodes.map((n: any) => n.jurisdiction.id)).toEqual(['jur:district-00003', 'jur:district-00028']);
  expect(server.responses!.stats.answered).toBe(answered);
});

/** Whether Redis answers at REDIS_URL: CI must have it; elsewhere the tests that need it say so and pass. */
async function redisAnswers(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  const answers = await probe.connect().then(() => true, () => false);
  probe.disconnect();
  if (!answers && process.env.CI === 'true') throw new Error(`Redis does not answer at ${REDIS_URL}`);
  return answers;
}

/**
 * Two ORMs on one database, neither hearing the other's writes in-process: on PostgreSQL the test database and a
 * second connection to it; on SQLite (memory is one process's) a file both open, with a small country of its own.
 */
async function twoOrms(): Promise<{ orms: [MikroORM, MikroORM]; token: string; close(): Promise<void> }> {
  if (ON_POSTGRES) {
    const other = await openDatabase(db.config);
    return { orms: [db.orm, other], token: editor, close: () => other.close(true) };
  }
  const file = path.join(PROJECT_ROOT, 'tmp', `oversees-country-${process.pid}.sqlite`);
  rmSync(file, { force: true });
  const one = await openDatabase({ kind: 'sqlite', url: file });
  await importDataset(one.em.fork(), mergeDatasets(generateCountry({ governments: 10, validFrom: '2026-01-01' })));
  const token = (await createToken(one.em.fork(), '区政府办公室', 'EDITOR', new Date())).token;
  const two = await openDatabase({ kind: 'sqlite', url: file });
  return {
    orms: [one, two], token,
    close: async () => {
      await Promise.all([one.close(true), two.close(true)]);
      rmSync(file, { force: true });
    },
  };
}

describe('two instances, each with its own connection, store and index, sharing Redis', () => {
  let shared: Awaited<ReturnType<typeof twoOrms>> | null = null;
  let first: RunningServer;
  let second: RunningServer;
  let firstEditor = '';
  let reachable = false;

  beforeAll(async () => {
    reachable = await redisAnswers();
    if (!reachable) return;
    shared = await twoOrms();
    firstEditor = shared.token;
    [first, second] = await Promise.all(shared.orms.map((orm) => startServer(orm, 0, '127.0.0.1', { ...options, redisUrl: REDIS_URL })));
  });

  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await shared?.close();
  });

  it('a write on one instance is found by the other instance’s very next country-wide search', async () => {
    if (!reachable) return;
    const search = async (url: string) => targetsOf((await graphql(url, PAGE, { t: '云帆服务', n: 10, asOf: '2026-12-02' })).whoOversees);
    expect(await search(second.url)).toEqual([]);
    expect(await search(second.url)).toEqual([]);
    await createUnit(first.url, firstEditor, 'jur:district-00005', 'dept:district-00005-sail', '合成5区云帆服务站');
    expect(await search(second.url)).toEqual(['jur:district-00005|dept:district-00005-sail']);
    await createUnit(first.url, firstEditor, 'jur:district-00002', 'dept:district-00002-sail', '合成2区云帆服务站');
    expect(await search(second.url)).toEqual(['jur:district-00002|dept:district-00002-sail', 'jur:district-00005|dept:district-00005-sail']);
    expect(await search(first.url)).toEqual(['jur:district-00002|dept:district-00002-sail', 'jur:district-00005|dept:district-00005-sail']);
  });
});
