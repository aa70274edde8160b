// The response cache (src/edge/response-cache.ts) over real HTTP: an anonymous query that ran with no SQL is
// answered again from memory, byte for byte, while the facts it was made from are unchanged; a write, another
// day, a token or a query that reads the database each make it run; a repeat still pays its rate-limit points.
import http from 'node:http';
import { createToken } from '../../src/auth/tokens';
import { startServer, type RunningServer } from '../../src/server';
import { openTestDatabase, type TestDatabase } from '../support/database';

let clock = new Date('2026-11-28T02:00:00Z');
const options = { timeZone: 'Asia/Shanghai', publicReads: true, rateLimits: null, now: () => clock } as const;

let db: TestDatabase;
let server: RunningServer;
let editor: string;

beforeAll(async () => {
  db = await openTestDatabase('response-cache', {}, { demo: true });
  editor = (await createToken(db.orm.em.fork(), '区政府办公室', 'EDITOR', new Date())).token;
  server = await startServer(db.orm, 0, '127.0.0.1', options);
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

async function post(url: string, query: string, token?: string): Promise<{ status: number; type: string | null; retryAfter: string | null; text: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query }) });
  return { status: response.status, type: response.headers.get('content-type'), retryAfter: response.headers.get('retry-after'), text: await response.text() };
}

const TEAM = '{ leadershipTeam(jurisdictionId: "jur:qingchuan") { nodes { id name supervises { department { id name } } } } }';
const STATISTICS = '{ department(id: "dept:statistics") { name supervisedBy { leader { name } } } }';
const answered = () => server.responses!.stats.answered;

async function renameStatistics(name: string): Promise<void> {
  const version = JSON.parse((await post(server.url, '{ jurisdiction(id: "jur:qingchuan") { version } }')).text).data.jurisdiction.version as number;
  const mutation = `mutation { renameDepartment(input: { departmentId: "dept:statistics", name: "${name}", on: "2026-11-01", document: "青政发〔2026〕41号", expectedVersion: ${version} }) { name } }`;
  const result = JSON.parse((await post(server.url, mutation, editor)).text);
  expect(result.errors).toBeUndefined();
}

it('answers a repeat from memory with the same bytes and type once the query ran warm with no SQL', async () => {
  const cold = await post(server.url, TEAM); // loads the government: statements, so not kept
  const warm = await post(server.url, TEAM); // no statement: kept
  const before = answered();
  const repeat = await post(server.url, TEAM);
  expect(answered()).toBe(before + 1);
  expect(repeat).toEqual(warm);
  expect(repeat.text).toBe(cold.text);
  expect(repeat.type).toBe('application/json; charset=utf-8');
  expect(JSON.parse(repeat.text).data.leadershipTeam.nodes.length).toBeGreaterThan(5);
  // A repeat is logged and counted like any operation, and the cache's outcomes are on /metrics.
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  expect(metrics).toMatch(/fengong_response_cache_total\{outcome="answered"\} [1-9]/);
  expect(metrics).toMatch(/fengong_response_cache_total\{outcome="kept"\} [1-9]/);
  expect(metrics).toMatch(/fengong_operations_total\{transport="http",operation="query leadershipTeam",code="OK"\} 3/);
});

it('a write to the government makes the next read run again and show it', async () => {
  await post(server.url, STATISTICS);
  await post(server.url, STATISTICS);
  const before = answered();
  expect(JSON.parse((await post(server.url, STATISTICS)).text).data.department.name).toBe('区统计局');
  expect(answered()).toBe(before + 1);
  await renameStatistics('区统计局（缓存测试）');
  const after = answered();
  expect(JSON.parse((await post(server.url, STATISTICS)).text).data.department.name).toBe('区统计局（缓存测试）');
  expect(answered()).toBe(after);
  expect(server.responses!.stats.stale).toBeGreaterThan(0);
});

it('a caller with a token is never answered from the anonymous cache (contacts are EDITOR-only)', async () => {
  const contact = '{ department(id: "dept:education") { head { name contact } } }';
  const anonymous = JSON.parse((await post(server.url, contact)).text);
  await post(server.url, contact);
  const before = answered();
  const asEditor = JSON.parse((await post(server.url, contact, editor)).text);
  expect(answered()).toBe(before);
  expect(asEditor.errors).toBeUndefined();
  expect(asEditor.data.department.head.contact).not.toBeNull();
  expect(JSON.stringify(anonymous)).not.toContain(asEditor.data.department.head.contact);
});

it('another day is another key: an answer of yesterday is not served today', async () => {
  const onToday = '{ coverage(jurisdictionId: "jur:qingchuan") { asOf } }';
  await post(server.url, onToday);
  await post(server.url, onToday);
  expect(JSON.parse((await post(server.url, onToday)).text).data.coverage.asOf).toBe('2026-11-28');
  clock = new Date('2026-11-29T02:00:00Z');
  try {
    expect(JSON.parse((await post(server.url, onToday)).text).data.coverage.asOf).toBe('2026-11-29');
  } finally {
    clock = new Date('2026-11-28T02:00:00Z');
  }
});

it('a query that reads the database (the list of governments) is never kept', async () => {
  const list = '{ jurisdictions { totalCount } }';
  const kept = server.responses!.stats.kept;
  for (let i = 0; i < 3; i += 1) expect(JSON.parse((await post(server.url, list)).text).errors).toBeUndefined();
  expect(server.responses!.stats.kept).toBe(kept);
});

it('a repeat pays the rate limit like any request: RATE_LIMITED with Retry-After once the budget is spent', async () => {
  const limited = await startServer(db.orm, 0, '127.0.0.1', { ...options, rateLimits: { tokenPoints: 100, anonymousPoints: 4, windowSeconds: 600 } });
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await post(limited.url, TEAM)).status);
    expect(limited.responses!.stats.answered).toBeGreaterThan(0);
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    const refused = await post(limited.url, TEAM);
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.text).errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
  } finally {
    await limited.stop();
  }
});

/** A POST over node:http: with its length (the path that answers repeats before the framework) or in chunks (the framework's). */
function send(url: string, body: string, framing: 'length' | 'chunked', headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const bytes = Buffer.from(body, 'utf8');
    const request = http.request(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(framing === 'length' ? { 'content-length': String(bytes.length) } : { 'transfer-encoding': 'chunked' }), ...headers },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    if (framing === 'length') request.end(bytes);
    else {
      request.write(bytes.subarray(0, 7));
      request.end(bytes.subarray(7));
    }
  });
}

describe('repeats answered before the framework (src/edge/repeats.ts)', () => {
  const body = JSON.stringify({ query: TEAM });

  it('a repeat is the same answer whether its body comes with a length or in chunks, and keeps the caller’s request id', async () => {
    await send(server.url, body, 'length');
    const executed = await send(server.url, body, 'chunked');
    const before = answered();
    const early = await send(server.url, body, 'length', { 'x-request-id': 'dashboard-42' });
    const late = await send(server.url, body, 'chunked', { 'x-request-id': 'dashboard-43' });
    expect(answered()).toBe(before + 2);
    expect(early.text).toBe(executed.text);
    expect(late.text).toBe(executed.text);
    expect(early.headers['x-request-id']).toBe('dashboard-42');
    expect(late.headers['x-request-id']).toBe('dashboard-43');
    expect(early.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(early.headers['content-length'])).toBe(Buffer.byteLength(executed.text));
  });

  it.each([
    ['not JSON', '{"query": '],
    ['JSON but not an object (the body parser is strict)', '123'],
    ['a string', '"{ jurisdictions { totalCount } }"'],
  ])('a body that is %s is a 400 BAD_REQUEST on both paths, in GraphQL’s error shape', async (_name, malformed) => {
    for (const framing of ['length', 'chunked'] as const) {
      const answer = await send(server.url, malformed, framing);
      expect({ framing, status: answer.status }).toEqual({ framing, status: 400 });
      expect(JSON.parse(answer.text)).toEqual({ errors: [{ message: '请求格式错误 (malformed request)', extensions: { code: 'BAD_REQUEST' } }] });
    }
  });

  it('a body read early that is no repeat executes as if it had never been read: variables, errors and writes', async () => {
    const withVariables = JSON.stringify({ query: 'query($id: ID!) { department(id: $id) { name } }', variables: { id: 'dept:education' } });
    expect(JSON.parse((await send(server.url, withVariables, 'length')).text).data.department.name).toBe('区教育局');
    const invalid = JSON.parse((await send(server.url, JSON.stringify({ query: '{ nope }' }), 'length')).text);
    expect(invalid.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const meeting = JSON.stringify({ query: 'mutation { recordMeeting(input: { jurisdictionId: "jur:qingchuan", kind: STANDING, date: "2026-11-20", number: "缓存路径测试", votingAttendeeIds: [] }) { id } }' });
    const anonymousWrite = await send(server.url, meeting, 'length');
    expect(JSON.parse(anonymousWrite.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('with private reads an anonymous repeat is refused before any answer (401 UNAUTHENTICATED), on both paths', async () => {
    const closed = await startServer(db.orm, 0, '127.0.0.1', { ...options, publicReads: false });
    try {
      for (const framing of ['length', 'chunked'] as const) {
        const refused = await send(closed.url, body, framing);
        expect({ framing, status: refused.status }).toEqual({ framing, status: 401 });
        expect(JSON.parse(refused.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      }
      expect(closed.responses!.stats.answered).toBe(0);
    } finally {
      await closed.stop();
    }
  });
});
