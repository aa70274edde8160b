// One policy, two transports: every query limit, input check and error case gives the same code over
// HTTP (Apollo) and over WebSocket (graphql-ws), which runs none of Apollo's pipeline by itself.
import { createToken } from '../../src/auth/tokens';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { connect, firstCode, wsUrl } from '../support/ws';

let db: TestDatabase;
let server: RunningServer;
let editorToken: string;
const logged: unknown[][] = [];
const baseOptions: ServerOptions = {
  timeZone: 'Asia/Shanghai', publicReads: true, rateLimits: null,
  now: () => new Date('2026-11-28T02:00:00Z'),
  logger: { error: (...args: unknown[]) => logged.push(args) },
};

beforeAll(async () => {
  db = await openTestDatabase('transports', {}, { demo: true });
  editorToken = (await createToken(db.orm.em.fork(), '区政府办公室', 'EDITOR', new Date())).token;
  server = await startServer(db.orm, 0, '127.0.0.1', baseOptions);
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

interface Answer {
  readonly status: number | null;
  readonly code: unknown;
  readonly body: any;
}

async function overHttp(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as any;
  return { status: response.status, code: body.errors?.[0]?.extensions?.code ?? 'OK', body };
}

async function overWs(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<Answer> {
  const connection = await connect(wsUrl(url), token === undefined ? {} : { authorization: `Bearer ${token}` });
  try {
    const outcome = await connection.run(query, variables);
    const body = outcome.errors !== null ? { errors: outcome.errors } : outcome.results[0];
    return { status: null, code: firstCode(outcome) ?? 'OK', body };
  } finally {
    await connection.close();
  }
}

const TRANSPORTS = [['HTTP', overHttp], ['WebSocket', overWs]] as const;

const nested = (depth: number) => `{ jurisdiction(id: "jur:qingchuan") { ${'parent { '.repeat(depth)}id${' }'.repeat(depth)} } }`;
const WHO = 'query($t: String!) { whoOversees(text: $t, jurisdictionId: "jur:qingchuan") { totalCount } }';

const CASES: readonly [label: string, code: string, query: string, variables?: Record<string, unknown>][] = [
  ['31 aliases', 'BAD_USER_INPUT', `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: jurisdiction(id: "jur:qingchuan") { id }`).join(' ')} }`],
  ['depth 16', 'BAD_USER_INPUT', nested(16)],
  ['6,000 tokens', 'GRAPHQL_PARSE_FAILED', `{ ${'__typename '.repeat(6000)}}`],
  ['21 directives', 'BAD_USER_INPUT', `{ __typename ${'@include(if: true) '.repeat(21)}}`],
  ['a cost over the limit', 'BAD_USER_INPUT', `{ ${Array.from({ length: 20 }, (_, i) => `j${i}: jurisdictions(first: 100) { nodes { ${'parent { '.repeat(9)}id name level${' }'.repeat(9)} } }`).join(' ')} }`],
  ['a syntax error', 'GRAPHQL_PARSE_FAILED', '{ leadershipTeam('],
  ['an unknown field', 'GRAPHQL_VALIDATION_FAILED', '{ noSuchField }'],
  ['a NUL byte in a variable', 'BAD_USER_INPUT', WHO, { t: '财\u0000政' }],
  ['a NUL byte in a literal', 'BAD_USER_INPUT', '{ whoOversees(text: "财\\u0000政", jurisdictionId: "jur:qingchuan") { totalCount } }'],
  ['an escape character in a variable', 'BAD_USER_INPUT', WHO, { t: '\u001b[31m财政' }],
  ['a variable of the wrong type', 'BAD_USER_INPUT', WHO, { t: 12 }],
  ['a list variable over the bound', 'BAD_USER_INPUT', 'mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }',
    { input: { jurisdictionId: 'jur:qingchuan', kind: 'STANDING', date: '2026-11-20', votingAttendeeIds: Array.from({ length: 1001 }, (_, i) => `x${i}`) } }],
  ['an unknown record', 'NOT_FOUND', '{ department(id: "dept:nothing") { name } }'],
  ['a well-formed read', 'OK', nested(3)],
  ['an explicit null for an optional argument', 'OK', '{ whoOversees(text: "2026-11-28T00:00:00Z", jurisdictionId: null) { totalCount } }'],
];

describe.each(TRANSPORTS)('over %s', (_name, send) => {
  // A rest parameter: jest would take a fourth named parameter for a `done` callback on three-item rows.
  it.each(CASES)('%s → %s', async (...[, code, query, variables]) => {
    const answer = await send(server.url, query, variables);
    expect(answer.code).toBe(code);
    expect(JSON.stringify(answer.body)).not.toMatch(/stacktrace|at [A-Za-z]+ \(|\/src\//);
  });

  it('normalises text before storing it: full-width digits, ideographic spaces', async () => {
    const answer = await send(server.url,
      'mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { number nonVotingAttendees } }',
      { input: { jurisdictionId: 'jur:qingchuan', kind: 'STANDING', date: '2026-11-20', number: '  第１２次 ', votingAttendeeIds: ['leader:zhou-ming'], nonVotingAttendees: ['区财政局局长\u3000\u3000蒋文华'] } },
      editorToken);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.recordMeeting).toEqual({ number: '第12次', nonVotingAttendees: ['区财政局局长 蒋文华'] });
  });

  it('masks an unexpected failure: no SQL or internal message reaches the client, and it is logged', async () => {
    const broken = await openTestDatabase(`broken${_name === 'HTTP' ? 'h' : 'w'}`);
    const brokenServer = await startServer(broken.orm, 0, '127.0.0.1', baseOptions);
    try {
      await broken.orm.em.getConnection().execute('drop table team_order');
      const before = logged.length;
      const answer = await send(brokenServer.url, '{ leadershipTeam(jurisdictionId: "jur:x") { totalCount } }');
      expect(answer.body.errors[0]).toEqual({ message: 'Internal server error', locations: expect.any(Array), path: ['leadershipTeam'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(JSON.stringify(answer.body)).not.toMatch(/team_order|no such table|does not exist|select/i);
      expect(logged.length).toBeGreaterThan(before);
    } finally {
      await brokenServer.stop();
      await broken.close();
    }
  });
});

describe('private reads (PUBLIC_READS=false)', () => {
  let closed: RunningServer;
  beforeAll(async () => {
    closed = await startServer(db.orm, 0, '127.0.0.1', { ...baseOptions, publicReads: false });
  });
  afterAll(() => closed.stop());
  const INTROSPECT = '{ __schema { queryType { name } } }';

  it('refuses anonymous introspection over HTTP with 401 UNAUTHENTICATED', async () => {
    const answer = await overHttp(closed.url, INTROSPECT);
    expect(answer.status).toBe(401);
    expect(answer.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(answer.body)).not.toContain('Query');
  });

  it('refuses an anonymous WebSocket connection (4403) before any operation', async () => {
    await expect(connect(wsUrl(closed.url))).rejects.toMatchObject({ code: 4403 });
  });

  it.each(TRANSPORTS)('answers introspection with a token over %s', async (_name, send) => {
    const answer = await send(closed.url, INTROSPECT, undefined, editorToken);
    expect(answer.code).toBe('OK');
    expect(answer.body.data.__schema.queryType.name).toBe('Query');
  });
});

describe('production switches (introspection and the explorer off)', () => {
  let production: RunningServer;
  beforeAll(async () => {
    production = await startServer(db.orm, 0, '127.0.0.1', { ...baseOptions, introspection: false, explorer: false });
  });
  afterAll(() => production.stop());

  it.each(TRANSPORTS)('refuses introspection over %s, and suggests no field names', async (_name, send) => {
    expect((await send(production.url, '{ __schema { types { name } } }')).code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await send(production.url, '{ leadershipTeem(jurisdictionId: "jur:qingchuan") { totalCount } }');
    expect(typo.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.body.errors[0].message).not.toMatch(/Did you mean|leadershipTeam/);
  });

  it('serves no explorer, but still the dashboard', async () => {
    expect((await fetch(`${production.url}/graphiql`)).status).toBe(404);
    expect((await fetch(`${production.url}/dashboard`)).status).toBe(200);
  });
});

describe('rate limits (points per window, per token and per IP)', () => {
  let limited: RunningServer;
  beforeAll(async () => {
    limited = await startServer(db.orm, 0, '127.0.0.1', { ...baseOptions, rateLimits: { tokenPoints: 4, anonymousPoints: 3, windowSeconds: 600 } });
  });
  afterAll(() => limited.stop());

  it('refuses the anonymous caller once his budget is spent: 429, RATE_LIMITED, Retry-After — and the WebSocket draws on the same budget', async () => {
    for (let i = 0; i < 3; i += 1) expect((await overHttp(limited.url, '{ __typename }')).code).toBe('OK');
    const response = await fetch(`${limited.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await response.json()) as any).errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await overWs(limited.url, '{ __typename }')).code).toBe('RATE_LIMITED');
    const download = await fetch(`${limited.url}/export/jur:qingchuan/matrix.csv`);
    expect(download.status).toBe(429);
    expect(Number(download.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await download.json()) as any).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
  });

  it('gives a token its own budget', async () => {
    expect((await overHttp(limited.url, '{ __typename }', undefined, editorToken)).code).toBe('OK');
  });
});

describe('WebSocket connection limits', () => {
  let strict: RunningServer;
  beforeAll(async () => {
    strict = await startServer(db.orm, 0, '127.0.0.1', {
      ...baseOptions,
      webSocketLimits: { connectionsPerAddress: 2, messagesPerSecond: 5, maxPayloadBytes: 4096, idleTimeoutMs: 400 },
    });
  });
  afterAll(() => strict.stop());

  it('closes a connection over the per-address limit with 4429', async () => {
    const first = await connect(wsUrl(strict.url));
    const second = await connect(wsUrl(strict.url));
    try {
      await expect(connect(wsUrl(strict.url))).rejects.toMatchObject({ code: 4429 });
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('closes a connection that sends a server-only message (next) with 4400, a protocol error, not 4500', async () => {
    const connection = await connect(wsUrl(strict.url));
    connection.sendRaw(JSON.stringify({ id: '1', type: 'next', payload: {} }));
    expect((await connection.closed).code).toBe(4400);
  });

  it('closes a flooding connection with 4430', async () => {
    const connection = await connect(wsUrl(strict.url));
    for (let i = 0; i < 20; i += 1) connection.sendRaw(JSON.stringify({ type: 'ping' }));
    expect((await connection.closed).code).toBe(4430);
  });

  it('closes a connection whose message exceeds the payload limit with 1009', async () => {
    const connection = await connect(wsUrl(strict.url));
    connection.sendRaw(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `{ __typename } # ${'x'.repeat(8000)}` } }));
    expect((await connection.closed).code).toBe(1009);
  });

  it('closes an idle connection with 4408, but not one with an open subscription', async () => {
    const idle = await connect(wsUrl(strict.url));
    const busy = await connect(wsUrl(strict.url));
    const listening = busy.run('subscription { portfolioChanged(jurisdictionId: "jur:qingchuan") { version } }');
    expect((await idle.closed).code).toBe(4408);
    const stillOpen = await Promise.race([busy.closed.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 1200))]);
    expect(stillOpen).toBe(true);
    await busy.close();
    await listening;
  });
});
