// `npm run soak -- --minutes 10`: a long run of mixed reads and writes against the real server on 127.0.0.1,
// to see what only time shows — errors that come with load, latency that creeps, memory that grows. Bounded
// in time (--minutes or --seconds) and in count (--max-requests). Reports requests, errors by code, latency
// percentiles by kind and RSS/heap drift; exits 1 if any error was unexpected (a 5xx, INTERNAL_SERVER_ERROR,
// an uncoded error, a broken connection). Refusals the domain gives under concurrency (CONFLICT when two
// editors race, NO_CHANGE, …) are expected and counted apart.
//
//   npm run soak -- --minutes 10                 # SQLite file under tmp/, 8 clients
//   npm run soak -- --seconds 30 --clients 4     # what CI runs (.ci/run)
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/fengong_soak npm run soak -- --minutes 10
//     (PostgreSQL: the named database is dropped and re-created; use one of its own)
import 'reflect-metadata';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createToken } from '../src/auth/tokens';
import { PROJECT_ROOT } from '../src/config';
import { openDatabase } from '../src/db/database';
import { seedDemoIfEmpty } from '../src/ops/seed';
import { startServer } from '../src/server';
import { freshBenchDatabase, numberArgument } from './support';

const READS: Record<string, string> = {
  leadershipTeam: '{ leadershipTeam(jurisdictionId: "jur:qingchuan") { totalCount nodes { name portfolio { kind department { name } } } } }',
  whoOversees: '{ whoOversees(text: "教育", jurisdictionId: "jur:qingchuan") { totalCount nodes { target { ... on Department { id name } } } } }',
  portfolioMatrix: '{ portfolioMatrix(jurisdictionId: "jur:qingchuan") { leaders { name } cells { kind leader { id } department { id } } } }',
  coverage: '{ coverage(jurisdictionId: "jur:qingchuan") { gaps { id } load { leader { id } total } } }',
  changes: '{ changes(jurisdictionId: "jur:qingchuan", first: 20) { totalCount nodes { seq at } } }',
};
/**
 * Faults. Anything else is the domain answering correctly under concurrent editors (CONFLICT when two race for
 * one version, NO_CHANGE for a move to the line's own holder, a rule's code) and is counted, not failed. The
 * soak's own operations are valid, so a parse, validation or input error is a fault here too.
 */
const UNEXPECTED = new Set(['INTERNAL_SERVER_ERROR', 'DATABASE_UNAVAILABLE', 'UNCODED', 'HTTP_5XX', 'NETWORK', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'RATE_LIMITED']);

function secondsArgument(): number {
  const minutes = process.argv.indexOf('--minutes');
  if (minutes !== -1) {
    const value = Number(process.argv[minutes + 1]);
    if (!(value > 0 && value <= 24 * 60)) throw new Error('--minutes takes a number from 0 to 1440');
    return value * 60;
  }
  return numberArgument('seconds', 60, 1);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function main(): Promise<void> {
  const seconds = secondsArgument();
  const clients = numberArgument('clients', 8, 1);
  const maxRequests = numberArgument('max-requests', Math.ceil(seconds * 400), 1);
  const writeShare = numberArgument('write-percent', 10, 0) / 100;

  await mkdir(path.join(PROJECT_ROOT, 'tmp'), { recursive: true });
  const sqliteFile = path.join(PROJECT_ROOT, 'tmp', `soak-${process.pid}.sqlite`);
  const database = await freshBenchDatabase(sqliteFile);
  const orm = await openDatabase(database);
  await seedDemoIfEmpty(orm);
  const token = (await createToken(orm.em.fork(), '区政府办公室 (soak)', 'EDITOR', new Date())).token;
  const server = await startServer(orm, 0, '127.0.0.1', { timeZone: 'Asia/Shanghai', publicReads: true, rateLimits: null, logger: { error: () => undefined } });

  const latencies = new Map<string, number[]>();
  const codes = new Map<string, number>();
  let requests = 0;
  let document = 0;
  const count = (code: string) => codes.set(code, (codes.get(code) ?? 0) + 1);

  const post = async (kind: string, query: string, variables: object = {}): Promise<{ data?: any; code: string }> => {
    requests += 1;
    const started = performance.now();
    let code = 'OK';
    let data: any;
    try {
      const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
      data = body.data;
      if (response.status >= 500) code = 'HTTP_5XX';
      else if (body.errors !== undefined && body.errors.length > 0) code = body.errors[0].extensions?.code ?? 'UNCODED';
    } catch {
      code = 'NETWORK';
    }
    const list = latencies.get(kind) ?? [];
    list.push(performance.now() - started);
    latencies.set(kind, list);
    count(code);
    return { data, code };
  };

  const readNames = Object.keys(READS);
  // A write: a decision of its own (R7: one decision, one change), then one of the lines held on the day moved
  // to another leader. Each write takes effect a day after the last, so moves do not collide on one date.
  let writes = 0;
  const write = async () => {
    const day = new Date(Date.UTC(2027, 0, 1 + (writes += 1))).toISOString().slice(0, 10);
    const approves = `青政发〔2030〕${(document += 1)}号`;
    const decided = await post('recordDecision', 'mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }', {
      input: { meetingId: 'meeting:qingchuan-2026-11-20', category: 'DIVISION_OF_LABOUR', text: '同意调整分工（浸泡测试）', approvesDocument: approves },
    });
    const team = await post('team', 'query($day: LocalDate!) { jurisdiction(id: "jur:qingchuan") { version } leadershipTeam(jurisdictionId: "jur:qingchuan", asOf: $day) { nodes { id portfolio(asOf: $day, kinds: [SUPERVISES]) { id } } } }', { day });
    const leaders = (team.data?.leadershipTeam?.nodes ?? []) as { id: string; portfolio: { id: string }[] }[];
    const holders = leaders.filter((l) => l.portfolio.length > 0);
    if (holders.length === 0 || leaders.length < 2) return;
    const from = holders[Math.floor(Math.random() * holders.length)];
    const others = leaders.filter((l) => l.id !== from.id);
    await post('moveAssignment', 'mutation($input: MoveAssignmentInput!) { moveAssignment(input: $input) { version } }', {
      input: {
        lineId: from.portfolio[Math.floor(Math.random() * from.portfolio.length)].id, toLeaderId: others[Math.floor(Math.random() * others.length)].id,
        decisionId: decided.data?.recordDecision?.id ?? 'decision:none', document: approves, issuedById: 'leader:chen-yuanhang',
        effectiveDate: day, expectedVersion: team.data?.jurisdiction?.version ?? 0,
      },
    });
  };

  // Warm up (JIT, caches) before the memory baseline is taken.
  for (const name of readNames) for (let i = 0; i < 5; i++) await post('warm-up', READS[name]);
  global.gc?.(); // `npm run soak` runs node with --expose-gc, so the drift is of live memory, not garbage
  const baseline = process.memoryUsage();
  const samples: { at: number; rss: number; heap: number }[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    samples.push({ at: Math.round((performance.now() - started) / 1000), rss: mb(m.rss), heap: mb(m.heapUsed) });
  }, Math.max(1000, (seconds * 1000) / 20));

  let next = 0;
  const client = async () => {
    while (performance.now() < deadline && requests < maxRequests) {
      const i = (next += 1);
      if (Math.random() < writeShare) await write();
      else {
        const name = readNames[i % readNames.length];
        await post(name, READS[name]);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  clearInterval(sampler);
  const elapsed = (performance.now() - started) / 1000;
  global.gc?.();
  const end = process.memoryUsage();

  await server.stop();
  await orm.close();
  if (database.kind === 'sqlite') for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(`${sqliteFile}${suffix}`, { force: true });

  codes.set('OK', (codes.get('OK') ?? 0) - readNames.length * 5); // the warm-up is not part of the run
  const unexpected = [...codes].filter(([code]) => UNEXPECTED.has(code)).reduce((n, [, c]) => n + c, 0);
  const byKind = Object.fromEntries([...latencies].filter(([kind]) => kind !== 'warm-up').map(([kind, list]) => {
    const sorted = [...list].sort((a, b) => a - b);
    const r = (x: number) => Math.round(x * 10) / 10;
    return [kind, { n: sorted.length, p50: r(percentile(sorted, 50)), p90: r(percentile(sorted, 90)), p99: r(percentile(sorted, 99)), max: r(sorted[sorted.length - 1] ?? 0) }];
  }));
  const report = {
    database: database.kind, seconds: Math.round(elapsed * 10) / 10, clients, requests: requests - readNames.length * 5,
    perSecond: Math.round((requests - readNames.length * 5) / elapsed),
    codes: Object.fromEntries([...codes].sort()), unexpected,
    latencyMs: byKind,
    memoryMb: { rssStart: mb(baseline.rss), rssEnd: mb(end.rss), rssDrift: mb(end.rss - baseline.rss), heapStart: mb(baseline.heapUsed), heapEnd: mb(end.heapUsed), heapDrift: mb(end.heapUsed - baseline.heapUsed) },
    samples,
  };
  console.log(JSON.stringify(report, null, 2));
  console.log(`soak: ${report.requests} requests in ${report.seconds} s (${report.perSecond}/s), ${unexpected} unexpected errors, RSS ${report.memoryMb.rssStart} → ${report.memoryMb.rssEnd} MB (drift ${report.memoryMb.rssDrift} MB)`);
  process.exitCode = unexpected === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
