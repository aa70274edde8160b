// What operators watch: /healthz, /readyz, /metrics and one structured log line per operation, which
// never carries a token or a variable's value.
import { createToken } from '../../src/auth/tokens';
import { startServer, type RunningServer } from '../../src/server';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { connect, wsUrl } from '../support/ws';

let db: TestDatabase;
let server: RunningServer;
let token: string;
const lines: { details: any; message: string }[] = [];

beforeAll(async () => {
  db = await openTestDatabase('observability', {}, { demo: true });
  token = (await createToken(db.orm.em.fork(), '区政府办公室', 'EDITOR', new Date())).token;
  server = await startServer(db.orm, 0, '127.0.0.1', {
    timeZone: 'Asia/Shanghai', publicReads: true, rateLimits: null, now: () => new Date('2026-11-28T02:00:00Z'),
    logger: { error: (details, message) => lines.push({ details, message }), info: (details, message) => lines.push({ details, message }) },
  });
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

it('is ready when the database answers and no migration is pending', async () => {
  const response = await fetch(`${server.url}/readyz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({
    status: 'ready',
    checks: [{ name: 'database', ok: true, detail: 'reachable' }, { name: 'migrations', ok: true, detail: 'current' }],
  });
});

it('logs one line per operation with request id, operation, duration and code — never the token or the variables', async () => {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': 'req-test-1' },
    body: JSON.stringify({ query: 'query($t: String!) { whoOversees(text: $t, jurisdictionId: "jur:qingchuan") { totalCount } }', variables: { t: '秘密的财政问题' } }),
  });
  expect(response.headers.get('x-request-id')).toBe('req-test-1');
  const line = lines.find((l) => l.details.requestId === 'req-test-1');
  expect(line).toMatchObject({ message: 'operation', details: { transport: 'http', operation: 'query whoOversees', code: 'OK', durationMs: expect.any(Number) } });
  const everything = JSON.stringify(lines);
  expect(everything).not.toContain(token);
  expect(everything).not.toContain('秘密的财政问题');
});

it('counts operations by transport and code, and open WebSocket connections, in Prometheus format', async () => {
  await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ nothing }' }) });
  const connection = await connect(wsUrl(server.url));
  await connection.run('{ jurisdiction(id: "jur:qingchuan") { name } }');
  expect((await fetch(`${server.url}/export/jur:qingchuan/matrix.csv`)).status).toBe(200);
  expect((await fetch(`${server.url}/export/jur:atlantis/matrix.csv`)).status).toBe(404);
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  await connection.close();
  expect(metrics).toMatch(/fengong_operations_total\{transport="http",operation="unknown",code="GRAPHQL_VALIDATION_FAILED"\} 1/);
  expect(metrics).toMatch(/fengong_operations_total\{transport="ws",operation="query jurisdiction",code="OK"\} 1/);
  expect(metrics).toMatch(/fengong_websocket_connections\{authenticated="false"\} 1/);
  // Downloads are operations too: one line and one count each, with their code.
  expect(metrics).toMatch(/fengong_operations_total\{transport="export",operation="export matrix.csv",code="OK"\} 1/);
  expect(metrics).toMatch(/fengong_operations_total\{transport="export",operation="export matrix.csv",code="NOT_FOUND"\} 1/);
  expect(metrics).toMatch(/fengong_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} 1/);
  expect(metrics).toMatch(/fengong_operation_duration_seconds_bucket/);
  expect(metrics).toMatch(/fengong_process_resident_memory_bytes/);
  expect(metrics).toMatch(/fengong_db_pool_connections\{state="used"\} \d+/);
  expect(metrics).toMatch(/fengong_db_pool_connections\{state="free"\} \d+/);
  expect(metrics).toMatch(/fengong_store_cache_total\{outcome="(hit|miss)"\} \d+/);
});
