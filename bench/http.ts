// `npm run bench`: the API over real HTTP (autocannon on 127.0.0.1, fixed connections and duration) against a
// hand-written baseline measured in the same run on the same database — node:http, one prepared SQL
// statement per query, JSON.stringify — reported as ratios (the machine is noisy; ratios are what count).
//
//   npm run bench                                   # SQLite, the demo district (S)
//   npm run bench -- --scale L --governments 3000   # plus a generated country of 3,000 districts (L), with the
//                                                   # demo alone (S) beside it in the same run: L/S per query
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/fengong_bench npm run bench   # PostgreSQL
//     (the named database is dropped and re-created: use one of its own)
//   options: --seconds N (per measurement, default 3), --connections N (default 10), --rounds N (default 3),
//     --no-response-cache (every request executes: what the response cache buys)
// It runs compiled (tsconfig.bench.json → dist-bench/), as the server runs in production: no TypeScript compiler
// in memory. The load generator runs in a worker thread, so the server under test has its thread to itself.
import 'reflect-metadata';
import http from 'node:http';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/core';
import { Pool } from 'pg';
import { createToken } from '../src/auth/tokens';
import { openDatabase } from '../src/db/database';
import { PROJECT_ROOT } from '../src/config';
import { seedDemoIfEmpty } from '../src/ops/seed';
import { startServer, type RunningServer } from '../src/server';
import { freshBenchDatabase, numberArgument } from './support';

// autocannon ships no types; this is the part of its result the table uses.
interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
  timeouts: number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

const TODAY = '2026-11-28';
const JURISDICTION = 'jur:qingchuan';
const DEPARTMENT = 'dept:education';

const QUERIES = {
  'Q1 Directory': `{ leadershipTeam(jurisdictionId: "${JURISDICTION}") { nodes { id name supervises { department { id name } } } } }`,
  'Q2 WhoOversees': `{ department(id: "${DEPARTMENT}") { supervisedBy { leader { id name } } } }`,
  'Q3 whoCanDirect': `{ whoCanDirect(departmentId: "${DEPARTMENT}") { nodes { leader { id name } basis } } }`,
  'Q4 portfolioMatrix': `{ portfolioMatrix(jurisdictionId: "${JURISDICTION}") { leaders { id name } departments { id name } cells { kind leader { id } department { id } } } }`,
  'Q5 coverage': `{ coverage(jurisdictionId: "${JURISDICTION}") { gaps { id } overlaps { department { id } } load { leader { id } total } } }`,
} as const;

const WRITE = `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }`;

/** The baseline's two statements: what a hand-written service would run for Q1 and Q2. */
const BASELINE_SQL = {
  q1: `select distinct l.id as leader_id, l.name as leader_name, d.id as department_id, d.name as department_name
    from leader l
    join appointment ap on ap.leader_id = l.id and ap.valid_from <= $2 and (ap.valid_to is null or ap.valid_to > $2)
    left join assignment a on a.leader_id = l.id and a.kind = 'SUPERVISES' and a.valid_from <= $2 and (a.valid_to is null or a.valid_to > $2)
    left join department d on d.id = a.department_id
    where l.jurisdiction_id = $1 order by l.id, d.id`,
  q2: `select l.id, l.name from assignment a join leader l on l.id = a.leader_id
    where a.department_id = $1 and a.kind = 'SUPERVISES' and a.valid_from <= $2 and (a.valid_to is null or a.valid_to > $2)`,
};

type Rows = Record<string, unknown>[];

/** The baseline server: node:http, one prepared statement per request, JSON.stringify. */
async function startBaseline(orm: MikroORM, postgresUrl: string | null): Promise<{ url: string; close(): Promise<void> }> {
  const pool = postgresUrl === null ? null : new Pool({ connectionString: postgresUrl, max: 10 });
  const run = async (name: 'q1' | 'q2', params: string[]): Promise<Rows> => {
    if (pool !== null) return (await pool.query({ name, text: BASELINE_SQL[name], values: params })).rows as Rows;
    // SQLite takes positional `?`: each $n, in the order it appears, becomes the n-th parameter.
    const sql = BASELINE_SQL[name];
    const ordered = [...sql.matchAll(/\$(\d)/g)].map((m) => params[Number(m[1]) - 1]);
    return (await orm.em.getConnection().execute(sql.replace(/\$\d/g, '?'), ordered)) as Rows;
  };
  const server = http.createServer((req, res) => {
    const answer = async () => {
      if (req.url === '/q1') {
        const rows = await run('q1', [JURISDICTION, TODAY]);
        const leaders = new Map<string, { id: unknown; name: unknown; supervises: { department: { id: unknown; name: unknown } }[] }>();
        for (const row of rows) {
          const id = String(row.leader_id);
          if (!leaders.has(id)) leaders.set(id, { id: row.leader_id, name: row.leader_name, supervises: [] });
          if (row.department_id !== null) leaders.get(id)?.supervises.push({ department: { id: row.department_id, name: row.department_name } });
        }
        return { data: { leadershipTeam: { nodes: [...leaders.values()] } } };
      }
      const rows = await run('q2', [DEPARTMENT, TODAY]);
      return { data: { department: { supervisedBy: rows.map((r) => ({ leader: { id: r.id, name: r.name } })) } } };
    };
    answer().then(
      (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await pool?.end();
    },
  };
}

interface Measured {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly failures: number;
}

/**
 * One measurement. The load generator runs in a worker thread of its own (autocannon's `workers`), so the server
 * under test — ours or the baseline — has this thread to itself, as it would behind any real client.
 */
async function load(url: string, connections: number, seconds: number, body: string | null, requests?: unknown[]): Promise<Measured> {
  const result = await autocannon({
    url, connections, duration: seconds, workers: 1, method: body === null ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' }, ...(body === null ? {} : { body }), ...(requests === undefined ? {} : { requests }),
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failures: result.errors + result.non2xx + result.timeouts };
}

/** A fresh SQLite file under tmp/ (the process that fills it and the servers each open it). */
async function freshSqliteFile(name: string): Promise<string> {
  const dir = join(PROJECT_ROOT, 'tmp');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${name}.sqlite`);
  await rm(file, { force: true });
  return file;
}

/** A full collection when node runs with --expose-gc (npm run bench does); nothing otherwise. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One database with our server and the baseline on it, measured side by side with the others of the run. */
interface Side {
  readonly label: string;
  readonly orm: MikroORM;
  readonly kind: string;
  readonly ours: RunningServer;
  readonly baseline: Awaited<ReturnType<typeof startBaseline>>;
  readonly perRequest: Map<string, { cold: number; warm: number; bytes: number }>;
  readonly ourRuns: Map<string, Measured[]>;
  readonly baseRuns: Map<string, Measured[]>;
  readonly token: string;
}

/** A database (the demo, plus a generated country when `governments` > 0) with our server and the baseline on it. */
async function openSide(label: string, suffix: string, governments: number, responseCache: boolean, started: Side[]): Promise<Side> {
  const statements: string[] = [];
  // A country is imported by a child process into a database both can open (SQLite: a file of its own).
  const database = await freshBenchDatabase(governments > 0 ? await freshSqliteFile(`bench-l${suffix}`) : ':memory:', suffix);
  if (governments > 0) {
    process.stderr.write(`generating and importing a country of ${governments} districts…\n`);
    await new Promise<void>((resolve, reject) => {
      const child = fork(join(__dirname, 'fill-country.js'), [], { stdio: 'inherit' });
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the import process exited with ${code}`))));
      child.send({ database, governments });
    });
  }
  const orm = await openDatabase(database, { debug: ['query'], logger: (message: string) => statements.push(message) });
  await seedDemoIfEmpty(orm);
  const token = (await createToken(orm.em.fork(), 'bench', 'EDITOR', new Date())).token;
  const ours = await startServer(orm, 0, '127.0.0.1', { timeZone: 'Asia/Shanghai', publicReads: true, rateLimits: null, now: () => new Date(`${TODAY}T04:00:00Z`), logger: { error: () => undefined }, ...(responseCache ? {} : { responseCache: null }) });
  const baseline = await startBaseline(orm, database.kind === 'postgresql' ? database.url : null);
  const side: Side = { label, orm, kind: database.kind, ours, baseline, perRequest: new Map(), ourRuns: new Map(), baseRuns: new Map(), token };
  started.push(side);
  // SQL statements per request: cold (the store emptied by a write-free eviction) and warm.
  const ask = (query: string) => fetch(`${ours.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }).then((r) => r.text());
  for (const [name, query] of Object.entries(QUERIES)) {
    ours.store.clear();
    const before = statements.length;
    const text = await ask(query);
    if (text.includes('"errors"')) throw new Error(`${name} failed: ${text}`);
    const cold = statements.length - before;
    await ask(query);
    const warmStart = statements.length;
    await ask(query);
    side.perRequest.set(name, { cold, warm: statements.length - warmStart, bytes: Buffer.byteLength(text) });
  }
  return side;
}

const push = (into: Map<string, Measured[]>, name: string, m: Measured) => into.set(name, [...(into.get(name) ?? []), m]);
const medianRps = (runs: readonly Measured[] | undefined) => (runs === undefined ? null : median(runs.map((r) => r.rps)));

function printSide(side: Side, small: Side | null): void {
  console.log(`\n${side.label}\n`);
  console.log(`| query | req/s | p50 ms | p99 ms | baseline req/s | baseline p99 ms | ours / baseline | SQL/req cold | SQL/req warm | bytes | failures |${small === null ? '' : ' L/S req/s |'}`);
  console.log(`|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|${small === null ? '' : '---:|'}`);
  for (const [name, runs] of side.ourRuns) {
    const rps = medianRps(runs) as number;
    const baseRps = medianRps(side.baseRuns.get(name));
    const sql = side.perRequest.get(name);
    const smallRps = small === null ? null : medianRps(small.ourRuns.get(name));
    const baseP99 = side.baseRuns.get(name) === undefined ? null : median((side.baseRuns.get(name) as Measured[]).map((r) => r.p99));
    console.log(`| ${name} | ${rps.toFixed(0)} | ${median(runs.map((r) => r.p50)).toFixed(1)} | ${median(runs.map((r) => r.p99)).toFixed(1)} | ${baseRps === null ? '—' : baseRps.toFixed(0)} | ${baseP99 === null ? '—' : baseP99.toFixed(1)} | ${baseRps === null ? '—' : `${(rps / baseRps).toFixed(2)}×`} | ${sql?.cold ?? '—'} | ${sql?.warm ?? '—'} | ${sql?.bytes ?? '—'} | ${runs.reduce((n, r) => n + r.failures, 0)} |${smallRps === null ? '' : ` ${(rps / smallRps).toFixed(2)} |`}`);
  }
}

async function main(): Promise<void> {
  const scale = process.argv.includes('--scale') ? process.argv[process.argv.indexOf('--scale') + 1] : 'S';
  if (scale !== 'S' && scale !== 'L') throw new Error('--scale takes S or L');
  const governments = numberArgument('governments', 3000, 1);
  const seconds = numberArgument('seconds', 3, 1);
  const connections = numberArgument('connections', 10, 1);
  const rounds = numberArgument('rounds', 3, 1);
  const responseCache = !process.argv.includes('--no-response-cache');
  const sides: Side[] = [];
  try {
    // At L the demo alone (S) is measured in the same run, round by round, on a database of its own: L/S is a
    // same-run ratio, not a comparison of two runs on a noisy machine.
    const small = await openSide('S: the demo district', scale === 'L' ? '_s' : '', 0, responseCache, sides);
    const large = scale === 'L' ? await openSide(`L: the demo + ${governments} generated districts`, '', governments, responseCache, sides) : null;
    // Whatever setting up left behind is garbage, not the servers' memory: collect it before measuring (npm run
    // bench runs node with --expose-gc).
    collectGarbage();
    const mixedFor = (side: Side) => [
      ...Array.from({ length: 99 }, () => ({ method: 'POST', body: JSON.stringify({ query: QUERIES['Q1 Directory'] }) })),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${side.token}` },
        body: JSON.stringify({ query: WRITE, variables: { input: { jurisdictionId: JURISDICTION, kind: 'STANDING', date: TODAY, number: '压测第__N__次', votingAttendeeIds: ['leader:zhou-ming'] } } }),
        // A file, not a function: the load generator's worker thread loads it (bench/mixed-write.ts).
        setupRequest: join(__dirname, 'mixed-write.js'),
      },
    ];
    // Warm-up: fills pools and compiles the hot paths for every server.
    for (const side of sides) {
      await load(`${side.ours.url}/graphql`, connections, 1, JSON.stringify({ query: QUERIES['Q1 Directory'] }));
      await load(`${side.baseline.url}/q1`, connections, 1, null);
    }
    for (let round = 1; round <= rounds; round += 1) {
      process.stderr.write(`round ${round}/${rounds}\n`);
      // Which side goes first alternates from round to round, and ours and the baseline trade places too, so that
      // neither L/S nor ours/baseline carries the order's bias (what ran just before, a collection it left).
      const inOrder = round % 2 === 1 ? sides : [...sides].reverse();
      for (const [name, query] of Object.entries(QUERIES)) {
        for (const side of inOrder) {
          const baselinePath = name === 'Q1 Directory' ? 'q1' : name === 'Q2 WhoOversees' ? 'q2' : null;
          const baselineFirst = baselinePath !== null && round % 2 === 0;
          if (baselineFirst) push(side.baseRuns, name, await load(`${side.baseline.url}/${baselinePath}`, connections, seconds, null));
          push(side.ourRuns, name, await load(`${side.ours.url}/graphql`, connections, seconds, JSON.stringify({ query })));
          if (baselinePath !== null && !baselineFirst) push(side.baseRuns, name, await load(`${side.baseline.url}/${baselinePath}`, connections, seconds, null));
        }
      }
      for (const side of inOrder) push(side.ourRuns, 'Mixed (1 % writes)', await load(`${side.ours.url}/graphql`, connections, seconds, null, mixedFor(side)));
    }

    console.log(`\n分工名录 HTTP benchmark — ${small.kind}, scale ${scale}`);
    console.log(`${connections} connections, ${seconds} s per measurement, median of ${rounds} alternating rounds; response cache ${responseCache ? 'on' : 'off'}; node ${process.version}, ${require('node:os').cpus().length} cores`);
    printSide(small, null);
    if (large !== null) printSide(large, small);
    const held = sides.map((side) => `${side.label.split(':')[0]} ${side.ours.store.size}`).join(', ');
    collectGarbage();
    const memory = process.memoryUsage();
    console.log(`\nRSS after the run: ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB (this process: ${sides.length === 1 ? 'the server' : 'both servers'}, the baseline and the load generator's worker thread; after a full collection); governments held by the store: ${held}`);
  } finally {
    for (const side of sides) {
      await side.ours.stop();
      await side.baseline.close();
      await side.orm.close(true);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
