// Property-based fuzzing of the real server over WebSocket (graphql-transport-ws) on 127.0.0.1: the same
// schema-built operations as fuzz-http.test.ts, by anonymous callers, readers and editors, and raw messages
// after the handshake. Never an internal error or an uncoded one, never a close for an internal error (4500,
// 1011) or an abnormal one (1006), the server alive, and a full dump unchanged by every refused operation.
import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import WebSocket from 'ws';
import { createToken } from '../../src/auth/tokens';
import { createEvents } from '../../src/scope/events';
import { createSchema } from '../../src/graphql/schema';
import { WEBSOCKET_LIMITS } from '../../src/edge/websocket';
import { startServer, type RunningServer } from '../../src/server';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { dumpAll } from '../support/dump';
import { buildOperation, internalErrors, rawWsMessage } from '../support/fuzz';
import { connect, wsUrl, type WsConnection, type WsOutcome } from '../support/ws';

export const WS_FUZZ = { readBatches: 150, batch: 8, editorMutations: 120, rawConnections: 60, messagesPerConnection: 12 } as const;

let db: TestDatabase;
let server: RunningServer;
let schema: GraphQLSchema;
const tokens: Record<'anonymous' | 'viewer' | 'editor', string | null> = { anonymous: null, viewer: null, editor: null };
const connections = new Map<string, WsConnection>();
const logged: unknown[][] = [];
let cases = 0;

beforeAll(async () => {
  db = await openTestDatabase('fuzz_ws', {}, { demo: true });
  tokens.viewer = (await createToken(db.orm.em.fork(), '区财政局', 'VIEWER', new Date())).token;
  tokens.editor = (await createToken(db.orm.em.fork(), '区政府办公室', 'EDITOR', new Date())).token;
  schema = await createSchema(createEvents());
  server = await startServer(db.orm, 0, '127.0.0.1', {
    timeZone: 'Asia/Shanghai', publicReads: true, rateLimits: null, now: () => new Date('2026-11-28T02:00:00Z'),
    logger: { error: (...args: unknown[]) => logged.push(args) },
    // The connection limits have their own tests (transports.test.ts); here every message must reach the policy.
    webSocketLimits: { messagesPerSecond: 100_000, connectionsPerAddress: 1000, connectionsPerToken: 1000 },
  });
});

afterAll(async () => {
  console.log(`fuzz-ws: ${cases} cases`);
  for (const c of connections.values()) await c.close();
  await server?.stop();
  await db?.close();
});

type Caller = keyof typeof tokens;

/** One long-lived connection per caller, reopened if the server ever closed it. */
async function connection(caller: Caller): Promise<WsConnection> {
  const open = connections.get(caller);
  if (open !== undefined) return open;
  const token = tokens[caller];
  const made = await connect(wsUrl(server.url), token === null ? {} : { authorization: `Bearer ${token}` });
  connections.set(caller, made);
  void made.closed.then(() => connections.delete(caller));
  return made;
}

/** Whether an operation's message exceeds the payload limit, which closes its socket with 1009 (message too big). */
const oversize = (operation: { query: string; variables: unknown }) => Buffer.byteLength(JSON.stringify({ id: '1', type: 'subscribe', payload: operation })) > WEBSOCKET_LIMITS.maxPayloadBytes;

/** `tooBig`: a message on this socket exceeded the payload limit, so a close with 1009 is the expected answer. */
function expectClientOutcome(outcome: WsOutcome, sent: unknown, tooBig: boolean): void {
  expect({ sent, closed: outcome.closed }).toMatchObject({ closed: tooBig && outcome.closed !== null ? { code: 1009 } : null });
  expect({ sent, internal: internalErrors({ errors: outcome.errors ?? [] }) }).toMatchObject({ internal: [] });
  for (const result of outcome.results) expect({ sent, internal: internalErrors(result) }).toMatchObject({ internal: [] });
}

const anyCaller = fc.constantFrom<Caller>('anonymous', 'viewer', 'editor');

it('operations built from the schema, as anyone: no internal error, the socket kept, refused writes change nothing', async () => {
  const before = await dumpAll(db.orm);
  const readOrRefused = fc.record({ seed: fc.integer(), caller: anyCaller, mutation: fc.boolean() }).map(({ seed, caller, mutation }) => ({
    operation: buildOperation(schema, seed, mutation ? 'mutation' : 'query'),
    caller: mutation && caller === 'editor' ? ('viewer' as const) : caller,
  }));
  await fc.assert(
    fc.asyncProperty(fc.array(readOrRefused, { minLength: WS_FUZZ.batch, maxLength: WS_FUZZ.batch }), async (batch) => {
      const outcomes = await Promise.all(batch.map(async ({ operation, caller }) => (await connection(caller)).run(operation.query, operation.variables)));
      cases += batch.length;
      outcomes.forEach((outcome, i) => {
        expectClientOutcome(outcome, batch[i], batch.some((b) => b.caller === batch[i].caller && oversize(b.operation)));
        if (batch[i].operation.kind === 'mutation') expect({ sent: batch[i], data: outcome.results[0]?.data ?? null }).toMatchObject({ data: null });
      });
    }),
    { numRuns: WS_FUZZ.readBatches },
  );
  expect(await dumpAll(db.orm)).toEqual(before);
  expect(logged.map(([details, message]) => `${message}: ${String((details as { err?: unknown }).err)}`)).toEqual([]);
});

it('writes built from the schema, as an editor: a refused write leaves a full dump unchanged', async () => {
  let before = await dumpAll(db.orm);
  await fc.assert(
    fc.asyncProperty(fc.integer(), async (seed) => {
      const operation = buildOperation(schema, seed, 'mutation');
      const outcome = await (await connection('editor')).run(operation.query, operation.variables);
      cases += 1;
      expectClientOutcome(outcome, operation, oversize(operation));
      const after = await dumpAll(db.orm);
      const data = outcome.results[0]?.data;
      const refused = data === null || data === undefined || Object.values(data).every((v) => v === null);
      if (refused) expect({ operation, outcome, changed: JSON.stringify(after) !== JSON.stringify(before) }).toMatchObject({ changed: false });
      before = after;
    }),
    { numRuns: WS_FUZZ.editorMutations },
  );
});

it('raw messages after the handshake: closed with a protocol code at worst, never an internal or abnormal close', async () => {
  const before = await dumpAll(db.orm);
  await fc.assert(
    fc.asyncProperty(anyCaller, fc.array(rawWsMessage, { minLength: 1, maxLength: WS_FUZZ.messagesPerConnection }), async (caller, messages) => {
      const token = tokens[caller];
      const socket = await connect(wsUrl(server.url), token === null ? {} : { authorization: `Bearer ${token}` });
      for (const text of messages) {
        if (await Promise.race([socket.closed.then(() => true), Promise.resolve(false)])) break;
        socket.sendRaw(text);
      }
      cases += messages.length;
      // A well-formed operation on the same socket settles it: answered, or the socket already closed.
      const outcome = await socket.run('{ __typename }');
      expect({ messages, outcome }).toMatchObject(outcome.closed === null ? { outcome: { results: [{ data: { __typename: 'Query' } }] } } : {});
      if (outcome.closed !== null) expect({ messages, close: outcome.closed.code, internal: [1006, 1011, 4500].includes(outcome.closed.code) }).toMatchObject({ internal: false });
      await socket.close();
    }),
    { numRuns: WS_FUZZ.rawConnections },
  );
  // Raw frames that are not text at all, and a handshake that never happens.
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 256 }), async (bytes) => {
      const socket = new WebSocket(wsUrl(server.url), 'graphql-transport-ws');
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      });
      socket.send(bytes, { binary: true });
      socket.send(JSON.stringify({ type: 'connection_init' }));
      cases += 1;
      // The server either closes the socket (4400: not a valid message) or answers the handshake.
      const acked = new Promise<number>((resolve) => socket.on('message', () => resolve(0)));
      const code = await Promise.race([closed, acked]);
      if (socket.readyState === WebSocket.OPEN) socket.close(1000);
      expect({ bytes: Buffer.from(bytes).toString('base64'), code, internal: [1006, 1011, 4500].includes(code) }).toMatchObject({ internal: false });
      await closed;
    }),
    { numRuns: 100 },
  );
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  expect(await dumpAll(db.orm)).toEqual(before);
});
