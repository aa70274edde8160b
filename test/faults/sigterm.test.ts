// SIGTERM under load (issue #11, item 6): the real server (`src/main.ts`) as a child process on a free port of
// 127.0.0.1, with an SQLite file under tmp/, and clients keeping keep-alive connections busy. Every request sent
// before the signal is answered in full, no request already sent is reset (after the signal a new connection
// may only be refused), and the process exits 0. Bounded: a few hundred requests, waits on events.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import http from 'node:http';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { SERVER_ARGS } from '../support/server-process';

/** The start's bound, under jest's testTimeout (120 s) with room for the load and the drain. */
const START_WAIT_MS = 60_000;
const LOOPS = 6;
const BEFORE_SIGNAL = 120; // requests answered before SIGTERM is sent
const MAX_REQUESTS = 3000; // a bound on the whole run, whatever happens

let dir: string;

beforeAll(async () => {
  await mkdir(path.join(PROJECT_ROOT, 'tmp'), { recursive: true });
  dir = await mkdtemp(path.join(PROJECT_ROOT, 'tmp', 'sigterm-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function start(file: string): Promise<{ child: ChildProcessWithoutNullStreams; port: number; output: () => string }> {
  const child = spawn(process.execPath, [...SERVER_ARGS], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: file, PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_POINTS: '0', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), START_WAIT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /API at http:\/\/127\.0\.0\.1:(\d+)\/graphql/.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]), output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

interface Outcome {
  /** When the request's bytes were handed to the socket, relative to the signal (negative: before it). */
  readonly sentBeforeSignal: boolean;
  readonly status: number | null;
  readonly error: string | null;
  readonly complete: boolean;
  /** Sent on a kept-alive socket (else on a new connection). */
  readonly reused: boolean;
}

const QUERY = JSON.stringify({
  query: '{ leadershipTeam(jurisdictionId: "jur:qingchuan", asOf: "2026-11-28") { totalCount nodes { name } } whoOversees(text: "教育", jurisdictionId: "jur:qingchuan", asOf: "2026-11-28") { totalCount } }',
});

it('finishes what is in flight, closes keep-alive connections cleanly and exits 0', async () => {
  const server = await start(path.join(dir, 'fengong.sqlite'));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => server.child.once('exit', (code, signal) => resolve({ code, signal })));
  const agent = new http.Agent({ keepAlive: true, maxSockets: LOOPS });
  let signalled = false;
  let answered = 0;
  const outcomes: Outcome[] = [];
  let signal!: () => void;
  const signalSent = new Promise<void>((resolve) => {
    signal = () => {
      if (signalled) return;
      signalled = true;
      server.child.kill('SIGTERM');
      resolve();
    };
  });

  const once = () => new Promise<Outcome>((resolve) => {
    let sentBeforeSignal = false;
    const request = http.request({ host: '127.0.0.1', port: server.port, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(QUERY) } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        let complete = false;
        try {
          complete = (JSON.parse(body) as { data?: { leadershipTeam?: { totalCount?: number } } }).data?.leadershipTeam?.totalCount === 9;
        } catch {
          complete = false;
        }
        resolve({ sentBeforeSignal, status: response.statusCode ?? null, error: null, complete, reused: request.reusedSocket });
      });
      response.on('error', (error: NodeJS.ErrnoException) => resolve({ sentBeforeSignal, status: response.statusCode ?? null, error: error.code ?? error.message, complete: false, reused: request.reusedSocket }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ sentBeforeSignal, status: null, error: error.code ?? error.message, complete: false, reused: request.reusedSocket }));
    request.end(QUERY, () => {
      sentBeforeSignal = !signalled;
    });
  });

  const loop = async () => {
    while (outcomes.length < MAX_REQUESTS) {
      const outcome = await once();
      outcomes.push(outcome);
      if (outcome.complete) answered += 1;
      if (answered >= BEFORE_SIGNAL) signal();
      if (outcome.error === 'ECONNREFUSED') return; // the server no longer listens: done
      if (outcome.error !== null) return; // recorded; checked below
    }
  };
  const loops = Promise.all(Array.from({ length: LOOPS }, loop));
  await signalSent;
  const [exit] = await Promise.all([exited, loops]);
  agent.destroy();

  const before = outcomes.filter((o) => o.sentBeforeSignal);
  const after = outcomes.filter((o) => !o.sentBeforeSignal);
  expect(before.length).toBeGreaterThanOrEqual(BEFORE_SIGNAL);
  // Everything sent before the signal: answered in full, with 200.
  expect(before.filter((o) => !(o.status === 200 && o.complete))).toEqual([]);
  // After it: answered in full, or a new connection refused — never a reset or a hang-up of a request already sent.
  expect(after.filter((o) => !((o.status === 200 && o.complete) || o.error === 'ECONNREFUSED'))).toEqual([]);
  expect(after.some((o) => o.error === 'ECONNREFUSED')).toBe(true);
  expect(exit).toEqual({ code: 0, signal: null });
  expect(server.output()).toContain('SIGTERM: stopping');
});
