// The write path over real transports: bearer tokens over HTTP, 50 truly concurrent conflicting edits,
// and graphql-ws subscriptions that see a change the moment it commits.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createToken } from '../../src/auth/tokens';
import { AuditEvent } from '../../src/entities';
import { startServer, type RunningServer } from '../../src/server';
import { TOPICS } from '../../src/scope/events';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { isProbe, publishProbeChange, untilDelivered } from '../support/live';

let db: TestDatabase;
let server: RunningServer;
/** The server's clock: 2026-11-28 unless a test moves it (and puts it back). */
let clock = new Date('2026-11-28T02:00:00Z');
let editorToken: string;
let viewerToken: string;

beforeAll(async () => {
  db = await openTestDatabase('live', {}, { demo: true });
  server = await startServer(db.orm, 0, '127.0.0.1', { timeZone: 'Asia/Shanghai', publicReads: false, now: () => clock });
  editorToken = (await createToken(db.orm.em.fork(), '区政府办公室', 'EDITOR', new Date())).token;
  viewerToken = (await createToken(db.orm.em.fork(), '区财政局', 'VIEWER', new Date())).token;
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

async function graphql(query: string, variables: object = {}, token?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

const VERSION = `{ jurisdiction(id: "jur:qingchuan") { version } }`;
const MOVE = `mutation($input: MoveAssignmentInput!) { moveAssignment(input: $input) { id version } }`;

describe('bearer tokens over HTTP', () => {
  it.each([
    // Private reads: an anonymous request is refused as a whole, before its body is parsed.
    ['no token on a private server', undefined, 401],
    // The token itself is bad: the whole request is refused before execution.
    ['an unknown token', 'fgml_not-a-real-token', 401],
  ])('refuses %s with UNAUTHENTICATED (token %s, HTTP %s)', async (_label, token, status) => {
    const response = await graphql(VERSION, {}, token);
    expect(response.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(response.status).toBe(status);
  });

  it('answers a VIEWER’s read and refuses his write with FORBIDDEN', async () => {
    const read = await graphql(VERSION, {}, viewerToken);
    expect(read.body.data.jurisdiction.version).toBe(0);
    const write = await graphql(MOVE, { input: { lineId: 'line:he-zhiyuan-supervises-commerce', toLeaderId: 'leader:sun-haitao', decisionId: 'decision:qingchuan-2026-11-adjust', effectiveDate: '2026-12-01', expectedVersion: 0 } }, viewerToken);
    expect(write.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('rejects a malformed Authorization header with 401', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Basic abc' }, body: JSON.stringify({ query: VERSION }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('optimistic concurrency under real parallel requests', () => {
  it('applies exactly one of 50 concurrent conflicting edits; the other 49 get CONFLICT; the feed holds one change', async () => {
    const before = (await graphql(VERSION, {}, editorToken)).body.data.jurisdiction.version as number;
    const auditBefore = await db.orm.em.fork().count(AuditEvent, { jurisdictionId: 'jur:qingchuan' });
    const toLeaders = ['leader:sun-haitao', 'leader:li-xiaoyan', 'leader:wang-lihua', 'leader:zhou-ming', 'leader:he-zhiyuan'];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        graphql(MOVE, {
          input: {
            lineId: 'line:zhao-wenbin-supervises-veterans', toLeaderId: toLeaders[i % toLeaders.length],
            decisionId: 'decision:qingchuan-2026-11-adjust', document: '青政发〔2026〕30号', issuedById: 'leader:chen-yuanhang',
            effectiveDate: '2026-12-01', expectedVersion: before,
          },
        }, editorToken),
      ),
    );
    const applied = results.filter((r) => r.body.data?.moveAssignment !== undefined && r.body.data.moveAssignment !== null);
    const conflicts = results.filter((r) => r.body.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(applied).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect((await graphql(VERSION, {}, editorToken)).body.data.jurisdiction.version).toBe(before + 1);
    const events = await db.orm.em.fork().find(AuditEvent, { jurisdictionId: 'jur:qingchuan', seq: { $gt: 0 } }, { orderBy: { seq: 'asc' } });
    expect(events.length - auditBefore).toBe(2); // one CLOSE and one OPEN: the one change
    expect(new Set(events.slice(auditBefore).map((e) => e.changesetId)).size).toBe(1);
  });
});

describe('subscriptions over graphql-ws', () => {
  let client: Client;

  afterEach(async () => {
    await client?.dispose();
  });

  /** Subscribes; `live()` resolves once a probe event got through, `next` with the first value `wanted` accepts. */
  function subscribe<T>(query: string, token: string, probe: () => void, isProbeValue: (value: T) => boolean): { live: () => Promise<void>; next: Promise<T> } {
    client = createClient({ url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, lazy: false });
    let probed = false;
    const next = new Promise<T>((resolve, reject) => {
      client.subscribe<T>({ query }, {
        next: (value) => {
          if (isProbeValue(value.data as T)) probed = true;
          else resolve(value.data as T);
        },
        error: reject, complete: () => undefined,
      });
    });
    return { next, live: () => untilDelivered(probe, () => probed) };
  }

  it('tells a dashboard the moment a re-division commits', async () => {
    const { next, live } = subscribe<{ portfolioChanged: { version: number; decisionId: string } }>(
      `subscription { portfolioChanged(jurisdictionId: "jur:qingchuan") { changesetId version effectiveDate decisionId } }`,
      viewerToken,
      publishProbeChange(server.events, 'jur:qingchuan'),
      (value) => isProbe(value.portfolioChanged),
    );
    await live(); // the subscription is registered: a probe event reached it
    // The demo's decision authorized one change already (above); this one has a decision of its own (R7).
    const decided = await graphql(
      `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }`,
      { input: { meetingId: 'meeting:qingchuan-2026-11-20', category: 'DIVISION_OF_LABOUR', text: '同意区商务局改由孙海涛同志分管', approvesDocument: '青政发〔2026〕32号' } },
      editorToken,
    );
    const decisionId = decided.body.data.recordDecision.id as string;
    const version = (await graphql(VERSION, {}, editorToken)).body.data.jurisdiction.version as number;
    const write = await graphql(MOVE, {
      input: {
        lineId: 'line:he-zhiyuan-supervises-commerce', toLeaderId: 'leader:sun-haitao', decisionId, document: '青政发〔2026〕32号',
        issuedById: 'leader:chen-yuanhang', effectiveDate: '2026-12-02', expectedVersion: version,
      },
    }, editorToken);
    expect(write.body.errors).toBeUndefined();
    const event = await next;
    expect(event.portfolioChanged).toMatchObject({ version: version + 1, decisionId });
  });

  it('tells a dashboard when a decision is recorded', async () => {
    // The probe is a recorded decision announced again: the subscriber resolves it like any other, and the
    // real one recorded after it is found too (store-backed loaders only batch, so a subscription sees new facts).
    const probeDecision = 'decision:qingchuan-2024-01-division';
    const { next, live } = subscribe<{ decisionRecorded: { id: string; category: string; text: string } }>(
      `subscription { decisionRecorded(jurisdictionId: "jur:qingchuan") { id category text } }`,
      viewerToken,
      () => server.events.publish(TOPICS.decisionRecorded, { jurisdictionId: 'jur:qingchuan', decisionId: probeDecision }),
      (value) => value.decisionRecorded.id === probeDecision,
    );
    await live();
    const recorded = await graphql(
      `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }`,
      { input: { meetingId: 'meeting:qingchuan-2026-11-20', category: 'MAJOR_PROJECT', text: '同意实施老旧小区改造二期工程' } },
      editorToken,
    );
    expect(recorded.body.errors).toBeUndefined();
    expect((await next).decisionRecorded).toMatchObject({ category: 'MAJOR_PROJECT', text: '同意实施老旧小区改造二期工程' });
  });

  it('tells a dashboard of every other committed write too: an appointment arrives as directoryChanged', async () => {
    // The probe announces the government as it is; the appointment's event shows it one version later.
    const before = (await graphql(VERSION, {}, editorToken)).body.data.jurisdiction.version as number;
    const { next, live } = subscribe<{ directoryChanged: { id: string; version: number } }>(
      `subscription { directoryChanged(jurisdictionId: "jur:qingchuan") { id version } }`,
      viewerToken,
      () => server.events.publish(TOPICS.directoryChanged, { jurisdictionId: 'jur:qingchuan' }),
      (value) => value.directoryChanged.version === before,
    );
    await live();
    const appointed = await graphql(
      `mutation($input: AppointLeaderInput!) { appointLeader(input: $input) { id } }`,
      { input: { jurisdictionId: 'jur:qingchuan', name: '马骏', postKind: 'DEPUTY', title: '副区长', validFrom: '2026-11-28', document: '青人常任〔2026〕9号', expectedVersion: before } },
      editorToken,
    );
    expect(appointed.body.errors).toBeUndefined();
    expect((await next).directoryChanged).toEqual({ id: 'jur:qingchuan', version: before + 1 });
  });

  it('answers each event of a long subscription from a fresh scope: the second report of a task shows its new percent', async () => {
    const probeTask = 'task:qingchuan-2026-petitions';
    const seen: { id: string; progress: number }[] = [];
    let arrived: () => void = () => undefined;
    client = createClient({ url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${viewerToken}` }, lazy: false });
    client.subscribe<{ keyTaskChanged: { id: string; progress: number } }>({ query: 'subscription { keyTaskChanged(jurisdictionId: "jur:qingchuan") { id progress } }' }, {
      next: (value) => {
        seen.push(value.data!.keyTaskChanged);
        arrived();
      },
      error: () => undefined, complete: () => undefined,
    });
    await untilDelivered(() => server.events.publish(TOPICS.keyTaskChanged, { jurisdictionId: 'jur:qingchuan', taskId: probeTask }), () => seen.some((t) => t.id === probeTask));
    const real = () => seen.filter((t) => t.id !== probeTask);
    const waitFor = (count: number) => new Promise<void>((resolve) => {
      arrived = () => real().length >= count && resolve();
      arrived();
    });
    const created = await graphql(
      'mutation($input: CreateKeyTaskInput!) { createKeyTask(input: $input) { id } }',
      { input: { jurisdictionId: 'jur:qingchuan', title: '冬季供暖保障', source: 'GOVERNMENT', supervisingLeaderId: 'leader:zhou-ming', leadUnitId: 'dept:emergency', deadline: '2027-02-28' } },
      editorToken,
    );
    expect(created.body.errors).toBeUndefined();
    const taskId = created.body.data.createKeyTask.id as string;
    await waitFor(1);
    // An event carries ids; its answer is read when it is delivered. So each report, a day after the last, waits
    // for its own event.
    try {
      for (const [i, percent] of [30, 60].entries()) {
        clock = new Date(Date.parse('2026-11-29T02:00:00Z') + i * 86_400_000);
        const reported = await graphql('mutation($input: ReportTaskProgressInput!) { reportTaskProgress(input: $input) { percent } }', { input: { taskId, text: `已完成${percent}%`, percent } }, editorToken);
        expect(reported.body.errors).toBeUndefined();
        await waitFor(i + 2);
      }
    } finally {
      clock = new Date('2026-11-28T02:00:00Z');
    }
    expect(real()).toEqual([{ id: taskId, progress: 0 }, { id: taskId, progress: 30 }, { id: taskId, progress: 60 }]);
  });

  it('refuses a subscription without a valid token: the socket closes with 4403 Forbidden', async () => {
    const refused = new Promise<{ code?: number }>((resolve) => {
      const bad = createClient({ url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: 'Bearer fgml_nope' }, retryAttempts: 0 });
      bad.subscribe({ query: 'subscription { portfolioChanged(jurisdictionId: "jur:qingchuan") { version } }' }, {
        next: () => undefined, error: (e) => { resolve(e as { code?: number }); void bad.dispose(); }, complete: () => undefined,
      });
    });
    expect((await refused).code).toBe(4403);
  });
});
