// Several API instances on one database: a change made through one reaches subscribers of another when the
// instances share Redis (REDIS_URL), and does not when they do not (which is why Redis is there).
import Redis from 'ioredis';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createToken } from '../../src/auth/tokens';
import { startServer, type RunningServer } from '../../src/server';
import { isProbe, publishProbeChange, untilDelivered } from '../support/live';
import { openTestDatabase, type TestDatabase } from '../support/database';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisAnswers(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

let db: TestDatabase;
let editor: string;
const servers: RunningServer[] = [];
const clients: Client[] = [];
let reachable = false;

beforeAll(async () => {
  reachable = await redisAnswers();
  // CI starts Redis (.ci/run); elsewhere a machine without it skips this file, saying so.
  if (!reachable && process.env.CI === 'true') throw new Error(`Redis does not answer at ${REDIS_URL}`);
  if (!reachable) console.warn(`skipping multi-instance tests: no Redis at ${REDIS_URL}`);
  db = await openTestDatabase('instances', {}, { demo: true });
  editor = (await createToken(db.orm.em.fork(), '区政府办公室', 'EDITOR', new Date())).token;
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  for (const s of servers) await s.stop();
  await db?.close();
});

async function instance(redisUrl: string | null): Promise<RunningServer> {
  const server = await startServer(db.orm, 0, '127.0.0.1', { timeZone: 'Asia/Shanghai', publicReads: true, redisUrl, now: () => new Date('2026-11-28T02:00:00Z') });
  servers.push(server);
  return server;
}

/**
 * Subscribes on `server`; `live` resolves once a probe published on `server`'s own bus reached the subscriber
 * (through Redis when it has one), `first` with the first real event, or with null `ms` after `live`.
 */
function subscribeOn(server: RunningServer, ms: number): { live: Promise<void>; first: Promise<{ version: number } | null> } {
  const client = createClient({ url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, lazy: false });
  clients.push(client);
  let probed = false;
  let settle: (value: { version: number } | null) => void = () => undefined;
  const first = new Promise<{ version: number } | null>((resolve) => {
    settle = resolve;
    client.subscribe<{ portfolioChanged: { version: number } }>(
      { query: 'subscription { portfolioChanged(jurisdictionId: "jur:qingchuan") { version } }' },
      {
        next: (value) => {
          const change = value.data?.portfolioChanged ?? null;
          if (isProbe(change)) probed = true;
          else resolve(change);
        },
        error: () => resolve(null), complete: () => undefined,
      },
    );
  });
  const live = untilDelivered(publishProbeChange(server.events, 'jur:qingchuan'), () => probed).then(() => {
    setTimeout(() => settle(null), ms).unref();
  });
  return { live, first };
}

let documents = 40;

/** One re-division through `server`: a fresh decision of the demo's 第25次常务会议 approving it (R7: one decision, one change), then the move. */
async function moveThrough(server: RunningServer, lineId: string, toLeaderId: string): Promise<number> {
  const post = async (query: string, variables: object = {}) =>
    (await (await fetch(`${server.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}` }, body: JSON.stringify({ query, variables }),
    })).json()) as { data: any; errors?: unknown[] };
  const document = `青政发〔2026〕${(documents += 1)}号`;
  const decided = await post('mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }', {
    input: { meetingId: 'meeting:qingchuan-2026-11-20', category: 'DIVISION_OF_LABOUR', text: '同意调整分工', approvesDocument: document },
  });
  expect(decided.errors).toBeUndefined();
  const version = (await post('{ jurisdiction(id: "jur:qingchuan") { version } }')).data.jurisdiction.version as number;
  const moved = await post('mutation($input: MoveAssignmentInput!) { moveAssignment(input: $input) { version } }', {
    input: { lineId, toLeaderId, decisionId: decided.data.recordDecision.id, document, issuedById: 'leader:chen-yuanhang', effectiveDate: '2026-12-01', expectedVersion: version },
  });
  expect(moved.errors).toBeUndefined();
  return moved.data.moveAssignment.version as number;
}

it('tells subscribers of instance B about a change made through instance A, over Redis', async () => {
  if (!reachable) return;
  const a = await instance(REDIS_URL);
  const b = await instance(REDIS_URL);
  const seen = subscribeOn(b, 30_000);
  await seen.live; // a probe published by B went through Redis and back to B's subscriber
  const version = await moveThrough(a, 'line:wang-lihua-supervises-education', 'leader:li-xiaoyan');
  expect(await seen.first).toEqual({ version });
});

it('without Redis, instance B never hears of it', async () => {
  if (!reachable) return;
  const a = await instance(null);
  const b = await instance(null);
  const seen = subscribeOn(b, 1500);
  await seen.live;
  await moveThrough(a, 'line:he-zhiyuan-supervises-commerce', 'leader:sun-haitao');
  // An absence can only be waited for: B's subscription is known live, and 1.5 s after the commit nothing came.
  expect(await seen.first).toBeNull();
});
