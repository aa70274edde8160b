// kill -9 during changesets (issue #11, item 6): the real server as a child process on 127.0.0.1, on an SQLite
// file under tmp/ (or, with TEST_DATABASE_URL, a PostgreSQL database of its own), with editors applying
// re-divisions concurrently. The process is killed with SIGKILL while writes are in flight; afterwards every
// changeset is whole or absent: the directory version moved exactly once per changeset row, each move's new
// line exists, SQLite's integrity check passes, and a restarted server serves and writes again.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { createToken } from '../../src/auth/tokens';
import { PROJECT_ROOT, type DatabaseConfig } from '../../src/config';
import { openDatabase } from '../../src/db/database';
import { seedDemoIfEmpty } from '../../src/ops/seed';
import { ON_POSTGRES, openTestDatabase, type TestDatabase } from '../support/database';
import { SERVER_ARGS } from '../support/server-process';

/** One start's bound; this test starts the server twice, and 2 × 45 s stays under jest's testTimeout (120 s). */
const START_WAIT_MS = 45_000;
const WRITERS = 4;
const APPLIED_BEFORE_KILL = 6;
const MAX_ATTEMPTS = 400;

const LINES = [
  'line:wang-lihua-supervises-education', 'line:he-zhiyuan-supervises-industry', 'line:zhou-ming-supervises-statistics', 'line:sun-haitao-supervises-transport',
  'line:li-xiaoyan-supervises-water', 'line:zhao-wenbin-supervises-veterans', 'line:wang-lihua-supervises-culture-tourism', 'line:zhou-ming-supervises-data',
  'line:sun-haitao-supervises-housing', 'line:li-xiaoyan-supervises-ecology', 'line:zhao-wenbin-supervises-justice', 'line:zhou-ming-supervises-emergency',
];
const LEADERS = ['leader:chen-yuanhang', 'leader:he-zhiyuan', 'leader:li-xiaoyan', 'leader:sun-haitao', 'leader:wang-lihua', 'leader:zhao-wenbin', 'leader:zhou-ming'];

let dir: string;
let pg: TestDatabase | null = null;
let database: DatabaseConfig;

beforeAll(async () => {
  await mkdir(path.join(PROJECT_ROOT, 'tmp'), { recursive: true });
  dir = await mkdtemp(path.join(PROJECT_ROOT, 'tmp', 'kill9-'));
  if (ON_POSTGRES) {
    pg = await openTestDatabase('kill9');
    database = pg.config;
    await pg.orm.close(true); // the child owns the database; the test opens it again only to check it
  } else {
    database = { kind: 'sqlite', url: path.join(dir, 'fengong.sqlite') };
  }
});

afterAll(async () => {
  await pg?.close(); // drops the database (its ORM is closed already; closing twice is harmless)
  await rm(dir, { recursive: true, force: true });
});

function start(): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  const child = spawn(process.execPath, [...SERVER_ARGS], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: database.url, PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_POINTS: '0', LOG_LEVEL: 'warn', SEED_DEMO: 'false' },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), START_WAIT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /API at (http:\/\/127\.0\.0\.1:\d+)\/graphql/.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
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

interface Counts {
  readonly version: number;
  readonly changesets: number;
  readonly lines: number;
}

async function counts(orm: MikroORM): Promise<Counts> {
  const knex = (orm.em as SqlEntityManager).getKnex();
  const one = async (query: Promise<unknown[]>) => Number(Object.values((await query)[0] as Record<string, unknown>)[0]);
  return {
    version: await one(knex('jurisdiction').where({ id: 'jur:qingchuan' }).select('version')),
    changesets: await one(knex('changeset').count({ n: '*' })),
    lines: await one(knex('assignment').count({ n: '*' })),
  };
}

it('leaves every changeset whole or absent when the server is killed mid-write, and restarts cleanly', async () => {
  let token: string;
  let before: Counts;
  {
    const orm = await openDatabase(database);
    await seedDemoIfEmpty(orm);
    token = (await createToken(orm.em.fork(), '区政府办公室', 'EDITOR', new Date())).token;
    before = await counts(orm);
    await orm.close(true);
  }

  const server = await start();
  const killed = new Promise<NodeJS.Signals | null>((resolve) => server.child.once('exit', (_code, signal) => resolve(signal)));
  let dead = false;
  void killed.then(() => (dead = true));
  const post = async (query: string, variables: object = {}) => {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  };
  let attempts = 0;
  let applied = 0;
  let document = 100;
  const writer = async (w: number) => {
    for (let i = w; !dead && attempts < MAX_ATTEMPTS; i += WRITERS) {
      attempts += 1;
      try {
        const approves = `青政发〔2027〕${(document += 1)}号`;
        const decided = await post('mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }', {
          input: { meetingId: 'meeting:qingchuan-2026-11-20', category: 'DIVISION_OF_LABOUR', text: '同意调整分工', approvesDocument: approves },
        });
        const version = (await post('{ jurisdiction(id: "jur:qingchuan") { version } }')).data.jurisdiction.version as number;
        const moved = await post('mutation($input: MoveAssignmentInput!) { moveAssignment(input: $input) { version } }', {
          input: {
            lineId: LINES[i % LINES.length], toLeaderId: LEADERS[(i * 3 + 1) % LEADERS.length], decisionId: decided.data?.recordDecision?.id ?? 'decision:none',
            document: approves, issuedById: 'leader:chen-yuanhang', effectiveDate: '2027-01-01', expectedVersion: version,
          },
        });
        if (moved.data?.moveAssignment?.version !== undefined) applied += 1;
        // Kill while the other writers are mid-request: right after a commit, with writes still arriving.
        if (applied >= APPLIED_BEFORE_KILL && !dead) server.child.kill('SIGKILL');
      } catch {
        return; // the connection died with the process
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  expect(await killed).toBe('SIGKILL');
  expect(applied).toBeGreaterThanOrEqual(APPLIED_BEFORE_KILL);

  const orm = await openDatabase(database);
  try {
    if (database.kind === 'sqlite') expect(await orm.em.getConnection().execute('pragma integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const after = await counts(orm);
    const changesets = after.changesets - before.changesets;
    // Each move is one transaction: the version bump, the ended line, the new line and the changeset row.
    expect(changesets).toBeGreaterThanOrEqual(applied);
    expect(after.version - before.version).toBe(changesets);
    expect(after.lines - before.lines).toBe(changesets);
  } finally {
    await orm.close(true);
  }

  // The killed server's database opens, migrates (nothing pending) and serves writes again.
  const again = await start();
  try {
    const version = (await (await fetch(`${again.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ jurisdiction(id: "jur:qingchuan") { version } }' }) })).json()) as { data: { jurisdiction: { version: number } } };
    expect(version.data.jurisdiction.version).toBeGreaterThan(before.version);
    expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
  } finally {
    const exited = new Promise((resolve) => again.child.once('exit', resolve));
    again.child.kill('SIGTERM');
    await exited;
  }
});
