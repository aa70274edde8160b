// Property-based fuzzing of the real server over HTTP on 127.0.0.1 (fast-check): operations built from the
// schema with random arguments and variables, by anonymous callers, readers and editors, and raw bodies of
// random bytes and junk JSON. Never a 5xx, never INTERNAL_SERVER_ERROR (or an error without a code) for a
// client's mistake, the server alive throughout, and never a change to the data when an operation is refused
// (a full dump before and after). Bounded: a fixed number of cases, sent a few at a time.
import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { createToken } from '../../src/auth/tokens';
import { createEvents } from '../../src/scope/events';
import { createSchema } from '../../src/graphql/schema';
import { startServer, type RunningServer } from '../../src/server';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { dumpAll } from '../support/dump';
import { buildOperation, internalErrors, rawBody, type Operation } from '../support/fuzz';

/** Cases in this file per run (see also fuzz-ws.test.ts and test/io/notice/properties.test.ts). */
export const HTTP_FUZZ = { readBatches: 120, batch: 8, editorMutations: 120, rawBatches: 100 } as const;

let db: TestDatabase;
let server: RunningServer;
let schema: GraphQLSchema;
const tokens: Record<'anonymous' | 'viewer' | 'editor', string | null> = { anonymous: null, viewer: null, editor: null };
const logged: unknown[][] = [];
let cases = 0;

beforeAll(async () => {
  db = await openTestDatabase('fuzz_http', {}, { demo: true });
  tokens.viewer = (await createToken(db.orm.em.fork(), '区财政局', 'VIEWER', new Date())).token;
  tokens.editor = (await createToken(db.orm.em.fork(), '区政府办公室', 'EDITOR', new Date())).token;
  schema = await createSchema(createEvents());
  server = await startServer(db.orm, 0, '127.0.0.1', {
    timeZone: 'Asia/Shanghai', publicReads: true, rateLimits: null, now: () => new Date('2026-11-28T02:00:00Z'),
    logger: { error: (...args: unknown[]) => logged.push(args) },
  });
});

afterAll(async () => {
  console.log(`fuzz-http: ${cases} cases`);
  await server?.stop();
  await db?.close();
});

interface Answer {
  readonly status: number;
  readonly body: any;
  readonly text: string;
}

async function post(body: Uint8Array | string, contentType: string, token: string | null): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (contentType !== '') headers['content-type'] = contentType;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  cases += 1;
  return { status: response.status, body: parsed, text };
}

const send = (operation: Operation, token: string | null) => post(JSON.stringify({ query: operation.query, variables: operation.variables }), 'application/json', token);

/** What every answer to a client must satisfy, whatever it sent. */
function expectClientAnswer(answer: Answer, sent: unknown): void {
  const context = { sent, status: answer.status, answer: answer.text.slice(0, 2000) };
  expect({ ...context, serverError: answer.status >= 500 }).toMatchObject({ serverError: false });
  expect({ ...context, internal: internalErrors(answer.body) }).toMatchObject({ internal: [] });
}

async function alive(): Promise<void> {
  const response = await fetch(`${server.url}/healthz`);
  expect(response.status).toBe(200);
}

const anyCaller = fc.constantFrom('anonymous' as const, 'viewer' as const, 'editor' as const);

it('operations built from the schema, as anyone: never a 5xx or an internal error; refused writes change nothing', async () => {
  const before = await dumpAll(db.orm);
  // Reads by anyone, and writes by callers who may not write (anonymous, VIEWER): all must leave the data alone.
  const readOrRefused = fc.record({ seed: fc.integer(), caller: anyCaller, mutation: fc.boolean() }).map(({ seed, caller, mutation }) => ({
    operation: buildOperation(schema, seed, mutation ? 'mutation' : 'query'),
    caller: mutation && caller === 'editor' ? ('viewer' as const) : caller,
  }));
  await fc.assert(
    fc.asyncProperty(fc.array(readOrRefused, { minLength: HTTP_FUZZ.batch, maxLength: HTTP_FUZZ.batch }), async (batch) => {
      const answers = await Promise.all(batch.map(({ operation, caller }) => send(operation, tokens[caller])));
      answers.forEach((answer, i) => {
        expectClientAnswer(answer, batch[i]);
        if (batch[i].operation.kind === 'mutation') expect({ sent: batch[i], data: answer.body?.data ?? null }).toMatchObject({ data: null });
      });
    }),
    { numRuns: HTTP_FUZZ.readBatches },
  );
  await alive();
  expect(await dumpAll(db.orm)).toEqual(before);
  // Nothing reached the 'Unexpected error' log: every refusal was an expected, coded one.
  expect(logged.map(([details, message]) => `${message}: ${String((details as { err?: unknown }).err)}`)).toEqual([]);
});

it('writes built from the schema, as an editor: a refused write leaves a full dump unchanged', async () => {
  let before = await dumpAll(db.orm);
  let applied = 0;
  await fc.assert(
    fc.asyncProperty(fc.integer(), async (seed) => {
      const operation = buildOperation(schema, seed, 'mutation');
      const answer = await send(operation, tokens.editor);
      expectClientAnswer(answer, operation);
      const after = await dumpAll(db.orm);
      const refused = answer.body?.data === null || answer.body?.data === undefined || Object.values(answer.body.data).every((v) => v === null);
      if (refused) expect({ operation, answer: answer.body, changed: JSON.stringify(after) !== JSON.stringify(before) }).toMatchObject({ changed: false });
      else applied += 1;
      before = after;
    }),
    { numRuns: HTTP_FUZZ.editorMutations },
  );
  console.log(`fuzz-http: ${applied} of ${HTTP_FUZZ.editorMutations} random writes were valid and applied`);
  await alive();
});

it('raw bodies — random bytes, junk JSON, batches, odd content types: never a 5xx, the data unchanged', async () => {
  const before = await dumpAll(db.orm);
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(rawBody, anyCaller), { minLength: HTTP_FUZZ.batch, maxLength: HTTP_FUZZ.batch }), async (batch) => {
      const answers = await Promise.all(batch.map(([raw, caller]) => post(raw.body, raw.contentType, tokens[caller])));
      answers.forEach((answer, i) => {
        const [raw] = batch[i];
        expectClientAnswer(answer, { contentType: raw.contentType, body: typeof raw.body === 'string' ? raw.body.slice(0, 500) : Buffer.from(raw.body).toString('base64') });
      });
    }),
    { numRuns: HTTP_FUZZ.rawBatches },
  );
  // Also GET with random query strings (Apollo answers GET queries; mutations over GET are refused).
  await fc.assert(
    fc.asyncProperty(fc.record({ query: fc.string({ maxLength: 100 }), variables: fc.string({ maxLength: 50 }), extra: fc.string({ maxLength: 20 }) }), async (params) => {
      const response = await fetch(`${server.url}/graphql?${new URLSearchParams(params).toString()}`, { headers: { 'apollo-require-preflight': 'true' } });
      cases += 1;
      const text = await response.text();
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
      expectClientAnswer({ status: response.status, body, text }, params);
    }),
    { numRuns: 200 },
  );
  await alive();
  expect(await dumpAll(db.orm)).toEqual(before);
});

// What the fuzzing found, kept as fixed cases: each was an INTERNAL_SERVER_ERROR before.
it.each([
  ['a subscription over HTTP (it would run as a query with no root value)', { query: 'subscription { portfolioChanged(jurisdictionId: "jur:qingchuan") { version } }' }, 400, 'BAD_REQUEST'],
  ['a persisted-query hash that does not match the query', { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }, 400, 'BAD_REQUEST'],
])('%s: %i %s', async (_label, body, status, code) => {
  const answer = await post(JSON.stringify(body), 'application/json', null);
  expect({ status: answer.status, code: answer.body?.errors?.[0]?.extensions?.code }).toEqual({ status, code });
});
