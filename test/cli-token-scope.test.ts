// `token create --leader <id>` / `--department <id>`: scoped tokens, stored with their scope, authenticate as it,
// and act only within it over HTTP-less GraphQL (a scoped token outside its scope → FORBIDDEN); the audit feed names
// both the token and the person.
import { authenticate } from '../src/auth/tokens';
import { runCli } from '../src/cli/main';
import { openDatabase } from '../src/db/database';
import { AuditEvent } from '../src/entities';
import { createTestApi } from './support/api';
import { captureOutput, openCliDatabase, type CliDatabase } from './support/cli';

let db: CliDatabase;
let out: string[];

beforeAll(async () => {
  db = await openCliDatabase('scope', { prefix: 'fengong-scope-', prepare: 'demo' });
});

afterAll(() => db.close());

beforeEach(() => {
  out = [];
  captureOutput({ log: () => out, error: 'mute', stdout: 'mute', stderr: 'mute' });
});

afterEach(() => jest.restoreAllMocks());

async function create(args: string[]): Promise<{ id: string; token: string; role: string; scope: unknown }> {
  expect(await runCli(['token', 'create', ...args])).toBe(0);
  return JSON.parse(out.join('\n'));
}

it('creates leader- and unit-scoped tokens that authenticate with their scope and act only within it', async () => {
  const leader = await create(['--name', '孙海涛', '--leader', 'leader:sun-haitao']);
  expect(leader).toMatchObject({ role: 'EDITOR', scope: { kind: 'LEADER', id: 'leader:sun-haitao' } });
  out = [];
  const unit = await create(['--name', '区教育局', '--department', 'dept:education']);
  const orm = await openDatabase({ kind: 'sqlite', url: process.env.DATABASE_URL as string });
  try {
    const sun = await authenticate(orm.em.fork(), `Bearer ${leader.token}`);
    const education = await authenticate(orm.em.fork(), `Bearer ${unit.token}`);
    expect(sun).toEqual({ tokenId: leader.id, name: '孙海涛', role: 'EDITOR', scope: { kind: 'LEADER', id: 'leader:sun-haitao' } });
    expect(education?.scope).toEqual({ kind: 'DEPARTMENT', id: 'dept:education' });
    const api = await createTestApi(orm);
    const ISSUE = `mutation($issuer: ID!) { issueDirective(input: { issuerId: $issuer, departmentId: "dept:education", subject: "校园安全检查" }) { id crossPortfolio } }`;
    expect(await api.errorCode(ISSUE, { issuer: 'leader:wang-lihua' }, { viewer: sun })).toBe('FORBIDDEN');
    expect(await api.errorCode(ISSUE, { issuer: 'leader:sun-haitao' }, { viewer: education })).toBe('FORBIDDEN');
    const issued = await api.data(ISSUE, { issuer: 'leader:sun-haitao' }, { viewer: sun });
    const ACK = `mutation($id: ID!) { acknowledgeDirective(directiveId: $id) { status } }`;
    expect(await api.errorCode(ACK, { id: issued.issueDirective.id }, { viewer: sun })).toBe('FORBIDDEN');
    expect((await api.data(ACK, { id: issued.issueDirective.id }, { viewer: education })).acknowledgeDirective.status).toBe('ACKNOWLEDGED');
    // A scoped token cannot use the office's other writes.
    expect(await api.errorCode(`mutation { endAbsence(absenceId: "absence:zhao-wenbin-party-school-2026", on: "2026-12-01") { id } }`, {}, { viewer: sun })).toBe('FORBIDDEN');
    const feed = await orm.em.fork().find(AuditEvent, { entityType: 'DIRECTIVE' }, { orderBy: { seq: 'asc' } });
    expect(feed.map((e) => [e.tokenId, e.personId])).toEqual([[leader.id, 'leader:sun-haitao'], [unit.id, 'dept:education']]);
    await api.stop();
  } finally {
    await orm.close();
  }
  out = [];
  expect(await runCli(['token', 'list'])).toBe(0);
  expect(out.join('\n')).toContain(`${leader.id}\tEDITOR\tactive\t孙海涛\tleader leader:sun-haitao`);
});

it.each([
  [['--name', 'x', '--leader', 'leader:nobody'], 1],
  [['--name', 'x', '--department', 'dept:nowhere'], 1],
  [['--name', 'x', '--leader', 'leader:sun-haitao', '--department', 'dept:education'], 2],
  [['--name', 'x', '--leader', 'leader:sun-haitao', '--role', 'ADMIN'], 2],
  [['--name', 'x'], 2],
])('token create %j exits %i', async (args, code) => {
  expect(await runCli(['token', 'create', ...(args as string[])])).toBe(code);
});
