// The transport: real HTTP against the real server. Bad requests are 4xx with a coded GraphQL error,
// never a 500 or a stack trace; good ones answer from the database.
import type { RunningServer } from '../../src/server';
import { startServer } from '../../src/server';
import { openTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
let server: RunningServer;
const logged: unknown[][] = [];

beforeAll(async () => {
  db = await openTestDatabase('http', {}, { demo: true });
  server = await startServer(db.orm, 0, '127.0.0.1', {
    timeZone: 'Asia/Shanghai', publicReads: true,
    now: () => new Date('2026-11-28T02:00:00Z'),
    logger: { error: (...args: unknown[]) => logged.push(args) },
  });
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

async function post(body: string, contentType = 'application/json'): Promise<{ status: number; json: any; text: string }> {
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': contentType }, body });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, json, text };
}

const query = (q: string, variables?: object) => JSON.stringify({ query: q, variables });

it('answers a query over HTTP, defaulting asOf to today in Asia/Shanghai', async () => {
  const { status, json } = await post(query('{ leader(id: "leader:zhou-ming") { name asOf } }'));
  expect(status).toBe(200);
  expect(json).toEqual({ data: { leader: { name: '周明', asOf: '2026-11-28' } } });
});

it('uses the local calendar date: 23:30 UTC is already the next day in Beijing', async () => {
  const late = await startServer(db.orm, 0, '127.0.0.1', { timeZone: 'Asia/Shanghai', publicReads: true, now: () => new Date('2026-11-27T23:30:00Z') });
  try {
    const response = await fetch(`${late.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: query('{ leader(id: "leader:zhou-ming") { asOf } }'),
    });
    expect(await response.json()).toEqual({ data: { leader: { asOf: '2026-11-28' } } });
  } finally {
    await late.stop();
  }
});

it.each([
  ['a syntax error', query('{ leader(id: '), 400, 'GRAPHQL_PARSE_FAILED'],
  ['too many tokens', query(`{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: __typename`).join(' ')} }`), 400, 'GRAPHQL_PARSE_FAILED'],
  ['a query nested too deep', query(`{ leader(id: "leader:zhou-ming") { ${'supervises { leader { '.repeat(7)}name${' } }'.repeat(7)} } }`), 400, 'BAD_USER_INPUT'],
  ['too many aliases', query(`{ ${Array.from({ length: 30 }, (_, i) => `l${i}: leader(id: "leader:zhou-ming") { name }`).join(' ')} }`), 400, 'BAD_USER_INPUT'],
  ['an unknown field', query('{ nothing }'), 400, 'GRAPHQL_VALIDATION_FAILED'],
  ['a bad date literal', query('{ leader(id: "leader:zhou-ming", asOf: "28/11/2026") { name } }'), 400, 'BAD_USER_INPUT'],
  ['a bad date variable', query('query($d: LocalDate) { leader(id: "leader:zhou-ming", asOf: $d) { name } }', { d: '2026-13-01' }), 400, 'BAD_USER_INPUT'],
  ['malformed JSON', '{"query": ', 400, 'BAD_REQUEST'],
  ['no query at all', '{}', 400, 'BAD_REQUEST'],
])('%s → HTTP %s with %s', async (_label, body, status, code) => {
  const response = await post(body);
  expect(response.status).toBe(status);
  expect(response.json.errors[0].extensions.code).toBe(code);
  expect(response.text).not.toMatch(/\bat \S+ \(|stacktrace|node_modules/);
});

it('reports a missing record as NOT_FOUND in a 200 response, with the path', async () => {
  const { status, json } = await post(query('{ department(id: "dept:nothing") { name } }'));
  expect(status).toBe(200);
  expect(json.errors[0]).toMatchObject({ path: ['department'], extensions: { code: 'NOT_FOUND' } });
});

it('masks an unexpected failure: no internal message reaches the client, and it is logged', async () => {
  const broken = await openTestDatabase('httpbroken');
  const brokenServer = await startServer(broken.orm, 0, '127.0.0.1', {
    timeZone: 'Asia/Shanghai', publicReads: true,
    logger: { error: (...args: unknown[]) => logged.push(args) },
  });
  try {
    await broken.orm.em.getConnection().execute('drop table team_order');
    const before = logged.length;
    const response = await fetch(`${brokenServer.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: query('{ jurisdictions { totalCount } leadershipTeam(jurisdictionId: "jur:x") { totalCount } }'),
    });
    const body = (await response.json()) as { errors: unknown[] };
    expect(body.errors[0]).toEqual({ message: 'Internal server error', locations: expect.any(Array), path: ['leadershipTeam'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(body)).not.toMatch(/team_order|no such table|does not exist/);
    expect(logged.length).toBeGreaterThan(before);
  } finally {
    await brokenServer.stop();
    await broken.close();
  }
});

it('answers a health check', async () => {
  const response = await fetch(`${server.url}/healthz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});
