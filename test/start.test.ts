// `npm start` on a fresh machine: creates the SQLite file as a copy of the build's demo template (npm ci made it),
// seeds the demo district once, and serves GraphQL at /graphql on PORT. Run as a real child process, the way a newcomer runs it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { SERVER_ARGS } from './support/server-process';

/** One start's bound: the test starts the server twice, and 2 × 45 s stays under jest's testTimeout (120 s). */
const START_WAIT_MS = 45_000;

interface Started {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  readonly output: () => string;
}

function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [...SERVER_ARGS], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1' },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), START_WAIT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /API at (http:\/\/\S+)\/graphql/.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

async function stop(started: Started): Promise<void> {
  const exited = new Promise((resolve) => started.child.once('exit', resolve));
  started.child.kill('SIGTERM');
  await exited;
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fengong-start-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('creates the database file, seeds once, and serves the demo district', async () => {
  const file = path.join(dir, 'nested', 'fengong.sqlite');
  const first = await start({ DATABASE_URL: file });
  try {
    expect(first.output()).toContain("seeded the demo district (青川区) into a new database");
    expect(first.output()).toContain("a copy of the build's demo template");
    expect((await stat(file)).size).toBeGreaterThan(0);
    const response = await fetch(`${first.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ leadershipTeam(jurisdictionId: "jur:qingchuan", asOf: "2026-11-28") { totalCount } }' }),
    });
    expect(await response.json()).toEqual({ data: { leadershipTeam: { totalCount: 9 } } });
  } finally {
    await stop(first);
  }
  const second = await start({ DATABASE_URL: file });
  try {
    expect(second.output()).not.toContain('seeded');
  } finally {
    await stop(second);
  }
});
