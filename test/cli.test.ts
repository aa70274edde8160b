// The administration CLI (`npm run cli -- …`) against a real database file: tokens are created once,
// stored only as a hash, usable at once, and revocable; bad usage exits 2, failures exit 1.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { authenticate, hashToken } from '../src/auth/tokens';
import { runCli } from '../src/cli/main';
import { openDatabase } from '../src/db/database';
import { seedDemoIfEmpty } from '../src/ops/seed';
import { ApiToken, Assignment, Jurisdiction } from '../src/entities';
import type { PopoloDocument } from '../src/io/popolo';
import { captureOutput, openCliDatabase, type CliDatabase } from './support/cli';

let db: CliDatabase;
let dir: string;
let file: string;
let out: string[];
let errors: string[];

beforeAll(async () => {
  db = await openCliDatabase('cli', { prefix: 'fengong-cli-', prepare: 'none' });
  ({ dir, url: file } = db);
});

afterAll(() => db.close());

beforeEach(() => {
  out = [];
  errors = [];
  captureOutput({ log: () => out, error: () => errors, stdout: () => out, stderr: 'mute' });
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

describe('exchange commands', () => {
  const json = () => JSON.parse(out.filter((l) => l.startsWith('{')).pop() as string);
  const counts = async () => {
    const orm = await openDatabase({ kind: 'sqlite', url: file });
    try {
      return [await orm.em.fork().count(Jurisdiction), await orm.em.fork().count(Assignment)];
    } finally {
      await orm.close();
    }
  };

  it('generates a small country, checks it in a dry run, imports it, and exports it again', async () => {
    const generated = path.join(dir, 'country.json');
    expect(await runCli(['generate', '--governments', '2', '--out', generated])).toBe(0);
    expect(json()).toMatchObject({ governments: 4, portfolioLines: expect.any(Number) });
    const lines = json().portfolioLines as number;

    out = [];
    expect(await runCli(['import-popolo', generated, '--dry-run'])).toBe(0);
    expect(json()).toMatchObject({ dryRun: true, governments: 4, portfolioLines: lines });
    expect(await counts()).toEqual([0, 0]);

    out = [];
    expect(await runCli(['import-popolo', generated])).toBe(0);
    expect(await counts()).toEqual([4, lines]);

    out = [];
    const exported = path.join(dir, 'exported.json');
    expect(await runCli(['export-popolo', '--jurisdiction', 'jur:district-00001', '--out', exported])).toBe(0);
    const doc = JSON.parse(await readFile(exported, 'utf8')) as PopoloDocument;
    expect(doc.organizations.filter((o) => o.classification === 'government' && o['fengong:reference'] !== true).map((o) => o.id)).toEqual(['jur:district-00001']);
    // Its parent travels as a reference only (id, name, level), so the file can be imported where the parent is missing.
    expect(doc.organizations.filter((o) => o['fengong:reference'] === true)).toEqual([
      { id: 'jur:city-00001', name: expect.any(String), classification: 'government', parent_id: null, 'fengong:level': 'CITY', 'fengong:reference': true },
    ]);

    out = [];
    const csv = path.join(dir, 'matrix.csv');
    expect(await runCli(['export-matrix', '--jurisdiction', 'jur:district-00001', '--as-of', '2026-06-01', '--format', 'csv', '--out', csv])).toBe(0);
    expect((await readFile(csv, 'utf8')).split('\r\n')[0]).toMatch(/^\uFEFF单位\/工作,类别,/);
  });

  it('refuses a file whose lines cite no decision (R7) with exit 1, writing nothing', async () => {
    const generated = path.join(dir, 'country2.json');
    expect(await runCli(['generate', '--governments', '1', '--out', generated])).toBe(0);
    const doc = JSON.parse(await readFile(generated, 'utf8')) as PopoloDocument;
    const renamed = JSON.stringify(doc).replace(/jur:(province|city|district)-/g, 'jur:other-$1-').replace(/"fengong:decisionId":"[^"]+"/g, '"fengong:decisionId":null');
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, renamed, 'utf8');
    const before = await counts();
    expect(await runCli(['import-popolo', broken])).toBe(1);
    expect(errors.join('\n')).toMatch(/assignments\[0\]: COLLECTIVE_DECISION_REQUIRED/);
    expect(errors.join('\n')).toMatch(/problems; nothing imported/);
    expect(await counts()).toEqual(before);
  });

  it.each([
    [['export-matrix', '--jurisdiction', 'jur:x', '--as-of', '2026-02-30', '--out', 'x.csv'], 2],
    [['export-matrix', '--jurisdiction', 'jur:x', '--format', 'pdf', '--out', 'x.pdf'], 2],
    [['generate', '--governments', '0', '--out', 'x.json'], 2],
    [['import-popolo', '/nonexistent/file.json'], 1],
    [['export-popolo', '--jurisdiction', 'jur:nothing', '--out', '/tmp/never-written.json'], 1],
  ])('`cli %j` exits %i', async (argv, code) => {
    expect(await runCli(argv)).toBe(code);
  });
});

describe('notice commands', () => {
  const NOTICE = path.join(__dirname, 'io', 'fixtures', 'qingchuan-2026-12.txt');
  let demoFile: string;

  beforeAll(async () => {
    demoFile = path.join(dir, 'demo.sqlite');
    const orm = await openDatabase({ kind: 'sqlite', url: demoFile });
    try {
      await seedDemoIfEmpty(orm);
    } finally {
      await orm.close();
    }
  });

  const supervisorOfEducation = async (asOf: string) => {
    const orm = await openDatabase({ kind: 'sqlite', url: demoFile });
    try {
      const lines = await orm.em.fork().find(Assignment, { department: 'dept:education', kind: 'SUPERVISES' }, { orderBy: { validFrom: 'asc' } });
      return lines.filter((l) => l.validFrom <= asOf && (l.validTo === null || asOf < l.validTo)).map((l) => l.leader.id);
    } finally {
      await orm.close();
    }
  };

  it.each(['05_shaanxi_2018_adjust', '07_shanghai_2026', '09_yancheng_ab_2023'])('parse-notice %s prints the expected parse', async (sample) => {
    const samples = path.join(__dirname, 'io', 'notice', 'samples');
    expect(await runCli(['parse-notice', path.join(samples, `${sample}.txt`)])).toBe(0);
    const parsed = JSON.parse(out.join('\n'));
    const expected = JSON.parse(await readFile(path.join(samples, `${sample}.expected.json`), 'utf8'));
    const compared = (l: Record<string, unknown>) => ({ name: l.name, titles: l.titles, responsibleFor: l.responsibleFor, supervises: l.supervises, liaisesWith: l.liaisesWith, assists: l.assists, backup: l.backup });
    expect(parsed.government).toBe(expected.government);
    expect(parsed.leaders.map(compared)).toEqual(expected.leaders.map(compared));
  });

  it('parse-notice prints the notice as JSON', async () => {
    expect(await runCli(['parse-notice', NOTICE])).toBe(0);
    const parsed = JSON.parse(out.join('\n'));
    expect(parsed.leaders.map((l: { name: string }) => l.name)).toEqual(['王丽华', '李晓燕']);
    expect(parsed.leaders[1].supervises).toContain('区教育局');
  });

  // The CLI signs on its today (R7: no back-dating; a user cannot set it, the test pins it in-process) and the notice
  // takes effect after it; the demo's decision of 2026-11-20 stands for 90 days, to 2027-02-18.
  const ON_28_NOVEMBER = () => new Date('2026-11-28T02:00:00Z');
  const EFFECTIVE = '2026-12-07';

  it('import-notice --dry-run shows the diff and changes nothing; without it, applies one changeset', async () => {
    process.env.DATABASE_URL = demoFile;
    try {
      const args = ['import-notice', NOTICE, '--jurisdiction', 'jur:qingchuan', '--decision', 'decision:qingchuan-2026-11-adjust', '--effective', EFFECTIVE, '--document', '青政发〔2026〕30号', '--issued-by', 'leader:chen-yuanhang'];
      expect(await runCli([...args, '--dry-run'], ON_28_NOVEMBER)).toBe(0);
      const preview = JSON.parse(out.join('\n'));
      expect(preview).toMatchObject({ dryRun: true, items: 4, unchanged: 19 });
      expect(preview.diff.join('\n')).toContain('李晓燕');
      expect(await supervisorOfEducation(EFFECTIVE)).toEqual(['leader:wang-lihua']);

      out = [];
      expect(await runCli(args, ON_28_NOVEMBER)).toBe(0);
      expect(JSON.parse(out.join('\n'))).toMatchObject({ version: 1, items: 4 });
      expect(await supervisorOfEducation(EFFECTIVE)).toEqual(['leader:li-xiaoyan']);
      expect(await supervisorOfEducation('2026-11-30')).toEqual(['leader:wang-lihua']);
    } finally {
      process.env.DATABASE_URL = file;
    }
  });

  it('import-notice refuses without a quorate decision (R7) and with unknown names, exit 1, nothing changed', async () => {
    process.env.DATABASE_URL = demoFile;
    try {
      const base = ['import-notice', NOTICE, '--jurisdiction', 'jur:qingchuan', '--effective', '2026-12-05'];
      expect(await runCli([...base, '--decision', 'decision:qingchuan-2026-11-budget'], ON_28_NOVEMBER)).toBe(1);
      expect(errors.join('\n')).toMatch(/DECISION_CATEGORY_MISMATCH|QUORUM_NOT_MET/);
      const unknown = path.join(dir, 'unknown.txt');
      await writeFile(unknown, (await readFile(NOTICE, 'utf8')).replace('区气象局', '区航天发射中心'), 'utf8');
      errors = [];
      expect(await runCli(['import-notice', unknown, '--jurisdiction', 'jur:qingchuan', '--decision', 'decision:qingchuan-2026-11-adjust', '--effective', '2026-12-05'], ON_28_NOVEMBER)).toBe(1);
      expect(errors.join('\n')).toContain('unknown liaisesWith: 区航天发射中心');
      expect(await runCli(['import-notice', NOTICE, '--jurisdiction', 'jur:qingchuan', '--effective', '2026-12-05'], ON_28_NOVEMBER)).toBe(2);
    } finally {
      process.env.DATABASE_URL = file;
    }
  });
});
