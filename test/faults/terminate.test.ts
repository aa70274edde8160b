// Database connections terminated under load (issue #11, item 6), PostgreSQL only: while editors write and
// readers read over HTTP on 127.0.0.1, every backend of the server's database is killed with
// pg_terminate_backend. The server does not crash; a write caught by it fails with a coded error (never a
// masked INTERNAL_SERVER_ERROR) and leaves nothing half-written; and writes succeed again at once — no write
// fails after the pool has dropped the connections the kill closed.
import { Client } from 'pg';
import { createToken } from '../../src/auth/tokens';
import { startServer, type RunningServer } from '../../src/server';
import { ON_POSTGRES, openTestDatabase, type TestDatabase } from '../support/database';

const suite = ON_POSTGRES ? describe : describe.skip;
if (!ON_POSTGRES) console.warn('test/faults/terminate.test.ts: SKIPPED on SQLite — pg_terminate_backend is PostgreSQL’s; CI runs it on PostgreSQL');

const LINES = ['line:wang-lihua-supervises-education', 'line:he-zhiyuan-supervises-industry', 'line:zhou-ming-supervises-statistics', 'line:sun-haitao-supervises-transport', 'line:li-xiaoyan-supervises-water', 'line:zhao-wenbin-supervises-veterans'];
const LEADERS = ['leader:chen-yuanhang', 'leader:he-zhiyuan', 'leader:li-xiaoyan', 'leader:sun-haitao', 'leader:wang-lihua', 'leader:zhao-wenbin', 'leader:zhou-ming'];
const ROUNDS = 3;

suite('pg_terminate_backend under load', () => {
  let db: TestDatabase;
  let server: RunningServer;
  let token: string;
  let admin: Client;
  const logged: unknown[][] = [];

  beforeAll(async () => {
    db = await openTestDatabase('terminate', {}, { demo: true });
    token = (await createToken(db.orm.em.fork(), '区政府办公室', 'EDITOR', new Date())).token;
    server = await startServer(db.orm, 0, '127.0.0.1', {
      timeZone: 'Asia/Shanghai', publicReads: true, rateLimits: null, now: () => new Date('2026-11-28T02:00:00Z'),
      logger: { error: (...args: unknown[]) => logged.push(args) },
    });
    admin = new Client({ connectionString: db.config.url });
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    await server?.stop();
    await db?.close();
  });

  const post = async (query: string, variables: object = {}) => {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
  };

  const counts = async () => {
    const row = (await admin.query(`select (select version from jurisdiction where id = 'jur:qingchuan') as version, (select count(*) from changeset) as changesets, (select count(*) from assignment) as lines`)).rows[0];
    return { version: Number(row.version), changesets: Number(row.changesets), lines: Number(row.lines) };
  };

  let document = 500;
  /** One re-division: a decision of its own (R7), the version read, the move. */
  const move = async (i: number) => {
    const approves = `青政发〔2028〕${(document += 1)}号`;
    const decided = await post('mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }', {
      input: { meetingId: 'meeting:qingchuan-2026-11-20', category: 'DIVISION_OF_LABOUR', text: '同意调整分工', approvesDocument: approves },
    });
    const read = await post('{ jurisdiction(id: "jur:qingchuan") { version } }');
    const moved = await post('mutation($input: MoveAssignmentInput!) { moveAssignment(input: $input) { version } }', {
      input: {
        lineId: LINES[i % LINES.length], toLeaderId: LEADERS[(i * 3 + 1) % LEADERS.length], decisionId: decided.body.data?.recordDecision?.id ?? 'decision:none',
        document: approves, issuedById: 'leader:chen-yuanhang', effectiveDate: '2027-01-01', expectedVersion: read.body.data?.jurisdiction?.version ?? 0,
      },
    });
    return [decided, read, moved];
  };

  it('writes fail with a code and no partial write, the server stays up and recovers at once', async () => {
    const before = await counts();
    const answers: Awaited<ReturnType<typeof post>>[] = [];
    let stop = false;
    const load = async (w: number) => {
      for (let i = w; !stop && i < 240; i += 4) answers.push(...(await move(i)));
    };
    const loads = Promise.all([0, 1, 2, 3].map(load));
    const recoveries: { ms: number; attempts: number; killed: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await new Promise((resolve) => setTimeout(resolve, 150)); // let the load run between the kills
      const killed = Number((await admin.query('select count(pg_terminate_backend(pid)) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()')).rows[0].n);
      expect(killed).toBeGreaterThan(0);
      // Recovery: from the kill to the first write that commits again (a decision recorded: it always can).
      const killedAt = Date.now();
      let attempts = 0;
      for (; attempts < 100; ) {
        attempts += 1;
        const decided = await post('mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }', {
          input: { meetingId: 'meeting:qingchuan-2026-11-20', category: 'MAJOR_PROJECT', text: `恢复检查 ${round}-${attempts}` },
        });
        answers.push(decided);
        if (decided.body.data?.recordDecision?.id !== undefined) break;
      }
      recoveries.push({ ms: Date.now() - killedAt, attempts, killed });
    }
    stop = true;
    await loads;

    const codes = new Set(answers.flatMap((a) => (a.body.errors ?? []).map((e) => e.extensions?.code)));
    console.log(`terminate: ${answers.length} answers, codes ${[...codes].join(', ')}, recoveries ${recoveries.map((r) => `${r.ms} ms (${r.attempts} attempts, ${r.killed} killed)`).join(', ')}`);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    // Every answer is GraphQL's shape with a code; a broken connection is the server's trouble, said plainly.
    expect([...codes].filter((c) => c === undefined)).toEqual([]);
    expect(answers.filter((a) => a.status >= 500 && a.status !== 503)).toEqual([]);
    const unexpected = logged.filter(([, message]) => String(message).startsWith('Unexpected')).map(([details]) => String((details as { err?: Error }).err?.stack ?? '').split('\n').slice(0, 4).join(' | '));
    expect(unexpected).toEqual([]);
    const failures = answers.flatMap((a) => (a.body.errors ?? []).filter((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR'));
    expect(failures).toEqual([]);
    // Nothing half-written: each changeset moved the version once and added its one line.
    const after = await counts();
    expect(after.version - before.version).toBe(after.changesets - before.changesets);
    expect(after.lines - before.lines).toBe(after.changesets - before.changesets);
    expect(after.changesets - before.changesets).toBeGreaterThan(0);
    // Each recovery: the first write after the kill that commits. A write that fails has met one of the connections
    // the kill closed (the pool drops it), so at most one write per killed backend fails before one commits — counted
    // in attempts, not in milliseconds, which a busy machine stretches (the time is printed above).
    for (const { attempts, killed } of recoveries) expect(attempts).toBeLessThanOrEqual(killed + 1);
  });

  // The store is emptied first, so each read has to go to the database through the terminated connections.
  it('reads meeting a terminated connection are retried on a fresh connection and succeed', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      server.store.clear();
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
      const reads = await Promise.all(Array.from({ length: 8 }, () => post('{ leadershipTeam(jurisdictionId: "jur:qingchuan", asOf: "2026-11-28") { totalCount } }')));
      expect(reads.map((r) => r.body.errors ?? r.body.data.leadershipTeam.totalCount)).toEqual(Array(8).fill(9));
    }
  });
});
