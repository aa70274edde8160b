// `npm run cli -- export-notice` against a real database file: the demo's division as a notice in text and .docx,
// read back by parse-notice; a changeset's adjustment notice; bad input exits non-zero with a one-line reason.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runCli } from '../src/cli/main';
import { captureOutput, openCliDatabase, type CliDatabase } from './support/cli';

let db: CliDatabase;
let dir: string;
let out: string[];
let errors: string[];

beforeAll(async () => {
  db = await openCliDatabase('demo', { prefix: 'fengong-cli-notice-', prepare: 'demo' });
  dir = db.dir;
});

afterAll(() => db.close());

beforeEach(() => {
  out = [];
  errors = [];
  captureOutput({ log: () => out, error: () => errors, stdout: () => out, stderr: () => errors });
});

afterEach(() => jest.restoreAllMocks());

it('writes the division as a text notice that parse-notice reads back without a warning', async () => {
  const txt = path.join(dir, '分工.txt');
  expect(await runCli(['export-notice', '--jurisdiction', 'jur:qingchuan', '--as-of', '2026-11-28', '--format', 'txt', '--out', txt])).toBe(0);
  expect(JSON.parse(out.join('\n'))).toEqual({
    out: txt, jurisdictionId: 'jur:qingchuan', kind: 'DIVISION', asOf: '2026-11-28', format: 'txt', title: '青川区人民政府关于区政府领导班子成员工作分工的通知', leaders: 9,
  });
  const text = await readFile(txt, 'utf8');
  expect(text).toContain('　　代区长陈远航：主持区政府全面工作；负责审计、机构编制工作；分管区审计局。\n');

  out = [];
  expect(await runCli(['parse-notice', txt])).toBe(0);
  expect(errors).toEqual([]);
  const parsed = JSON.parse(out.join('\n'));
  expect(parsed.government).toBe('青川区人民政府');
  expect(parsed.leaders.map((l: { name: string }) => l.name)).toEqual(['陈远航', '周明', '孙海涛', '李晓燕', '王丽华', '赵文斌', '何志远', '徐静', '吴斌']);
  expect(parsed.leaders[5]).toMatchObject({ name: '赵文斌', supervises: ['区公安分局', '区司法局', '区退役军人事务局', '区信访局'], backup: '王丽华' });
});

it('writes the division as a .docx (a ZIP with word/document.xml)', async () => {
  const docx = path.join(dir, '分工.docx');
  expect(await runCli(['export-notice', '--jurisdiction', 'jur:qingchuan', '--as-of', '2025-06-01', '--format', 'docx', '--out', docx])).toBe(0);
  expect(JSON.parse(out.join('\n'))).toMatchObject({ kind: 'DIVISION', asOf: '2025-06-01', format: 'docx', leaders: 9 });
  const bytes = await readFile(docx);
  expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
});

it('writes the adjustment notice of a changeset applied by import-notice', async () => {
  const NOTICE = path.join(__dirname, 'io', 'fixtures', 'qingchuan-2026-12.txt');
  // The CLI signs on the real today (R7: no back-dating), so the change takes effect after it.
  const applied = ['import-notice', NOTICE, '--jurisdiction', 'jur:qingchuan', '--decision', 'decision:qingchuan-2026-11-adjust', '--effective', '2027-01-04', '--document', '青政发〔2026〕30号', '--issued-by', 'leader:chen-yuanhang'];
  expect(await runCli(applied)).toBe(0);
  const changeset: string = JSON.parse(out.join('\n')).applied;
  expect(changeset).toMatch(/^changeset:/);

  out = [];
  const adjusted = path.join(dir, '调整.txt');
  expect(await runCli(['export-notice', '--jurisdiction', 'jur:qingchuan', '--changeset', changeset, '--out', adjusted])).toBe(0);
  expect(JSON.parse(out.join('\n'))).toMatchObject({ kind: 'ADJUSTMENT', asOf: '2027-01-04', format: 'txt' });
  const text = await readFile(adjusted, 'utf8');
  expect(text).toContain('青政发〔2026〕30号');
  expect(text).toContain('自2027年1月4日起');
  expect(text).toMatch(/李晓燕同志：[^\n]*增加分管[^\n]*区教育局/);
  expect(text).toMatch(/王丽华同志：不再[^\n]*区教育局/);
  expect(text).not.toContain('赵文斌'); // only what changed

  out = [];
  expect(await runCli(['parse-notice', adjusted])).toBe(0);
  expect(errors).toEqual([]);
  const parsed = JSON.parse(out.join('\n'));
  expect(parsed.leaders.find((l: { name: string }) => l.name === '王丽华').ends).toContain('区教育局');
  expect(parsed.leaders.find((l: { name: string }) => l.name === '李晓燕').supervises).toContain('区教育局');
});

it.each([
  ['an unknown government', 1, ['--jurisdiction', 'jur:atlantis', '--out', 'x.txt'], /^error: 找不到Jurisdiction：jur:atlantis$/],
  ['an unknown changeset', 1, ['--jurisdiction', 'jur:qingchuan', '--changeset', 'changeset:nope', '--out', 'x.txt'], /^error: 找不到Changeset：changeset:nope$/],
  ['a bad date', 2, ['--jurisdiction', 'jur:qingchuan', '--as-of', '2026-02-30', '--out', 'x.txt'], /expected a date YYYY-MM-DD/],
  ['a bad format', 2, ['--jurisdiction', 'jur:qingchuan', '--format', 'pdf', '--out', 'x.txt'], /Allowed choices are txt, docx/],
  ['no --out', 2, ['--jurisdiction', 'jur:qingchuan'], /required option '--out <file>'/],
] as const)('refuses %s with exit %i and a one-line reason', async (_label, code, args, reason) => {
  const target = path.join(dir, 'refused.txt');
  expect(await runCli(['export-notice', ...args.map((a) => (a === 'x.txt' ? target : a))])).toBe(code);
  const first = errors.join('').split('\n').find((l) => l.trim().length > 0) ?? '';
  expect(first).toMatch(reason);
  await expect(readFile(target)).rejects.toMatchObject({ code: 'ENOENT' });
});
