// The administration CLI (`npm run cli -- …`) against a real database file: tokens are created once,
// stored only as a hash, usable at once, and revocable; bad usage exits 2, failures exit 1.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { authenticate, hashToken } from '../src/auth/tokens';
import { runCli } from '../src/cli/main';
import { openDatabase } from '../src/db/database';
import { ApiToken } from '../src/entities';

let dir: string;
let file: string;
let out: string[];
const saved = process.env.DATABASE_URL;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fengong-cli-'));
  file = path.join(dir, 'cli.sqlite');
  process.env.DATABASE_URL = file;
});

afterAll(async () => {
  if (saved === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved;
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  out = [];
  jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

afterEach(() => jest.restoreAllMocks());

it('creates a token, stores only its hash, and the token authenticates with its role', async () => {
  expect(await runCli(['token', 'create', '--name', '区政府办公室', '--role', 'editor'])).toBe(0);
  const created = JSON.parse(out.join('\n')) as { id: string; token: string; role: string };
  expect(created.role).toBe('EDITOR');
  expect(created.token).toMatch(/^fgml_[A-Za-z0-9_-]{43}$/);
  const orm = await openDatabase({ kind: 'sqlite', url: file });
  try {
    const row = await orm.em.fork().findOneOrFail(ApiToken, { id: created.id });
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(await authenticate(orm.em.fork(), `Bearer ${created.token}`)).toEqual({ tokenId: created.id, name: '区政府办公室', role: 'EDITOR' });
  } finally {
    await orm.close();
  }

  out = [];
  expect(await runCli(['token', 'revoke', created.id])).toBe(0);
  const again = await openDatabase({ kind: 'sqlite', url: file });
  try {
    await expect(authenticate(again.em.fork(), `Bearer ${created.token}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  } finally {
    await again.close();
  }
  out = [];
  expect(await runCli(['token', 'list'])).toBe(0);
  expect(out.join('\n')).toMatch(new RegExp(`${created.id}\\tEDITOR\\trevoked`));
});

it.each([
  [['token', 'create', '--name', 'x'], 2],
  [['token', 'create', '--name', 'x', '--role', 'OWNER'], 2],
  [['token', 'frobnicate'], 2],
  [['token', 'revoke', 'token:unknown'], 1],
  [['--help'], 0],
  [['token', 'create', '--help'], 0],
])('`cli %j` exits %i', async (argv, code) => {
  expect(await runCli(argv)).toBe(code);
});
