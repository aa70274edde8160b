// The CLI's output: tables on a terminal (stdout is a TTY), JSON with --json, and — for scripts, pipes and these
// tests — what each command has always printed when stdout is not a terminal. Every command exits non-zero with
// a one-line reason on bad input. Against a real database (an SQLite file, or PostgreSQL under TEST_DATABASE_URL).
import path from 'node:path';
import { runCli } from '../src/cli/main';
import { displayWidth, outputMode, table } from '../src/cli/output';
import { captureOutput, openCliDatabase, type CliDatabase } from './support/cli';

let db: CliDatabase;
let dir: string;
let stdout: string[];
let stderr: string[];
const tty = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');

beforeAll(async () => {
  db = await openCliDatabase('cli_output', { prefix: 'fengong-cli-output-', postgres: true, prepare: 'demo', file: 'output.sqlite' });
  dir = db.dir;
});

afterAll(() => db.close());

const setTty = (value: boolean) => Object.defineProperty(process.stdout, 'isTTY', { value, configurable: true, writable: true });

beforeEach(() => {
  stdout = [];
  stderr = [];
  captureOutput({ log: () => stdout, error: () => stderr, errorEnd: '\n', stdout: () => stdout, stderr: () => stderr });
  setTty(false);
});

afterEach(() => {
  jest.restoreAllMocks();
  if (tty === undefined) delete (process.stdout as { isTTY?: boolean }).isTTY;
  else Object.defineProperty(process.stdout, 'isTTY', tty);
});

const lines = (chunks: string[]) => chunks.join('').split('\n').filter((l) => l.trim() !== '');

describe('output format', () => {
  it('chooses tables on a terminal, JSON with --json, the script format otherwise', () => {
    expect(outputMode({}, { isTTY: true })).toBe('table');
    expect(outputMode({ json: true }, { isTTY: true })).toBe('json');
    expect(outputMode({}, { isTTY: false })).toBe('legacy');
    expect(outputMode({}, {})).toBe('legacy');
  });

  it('aligns columns by terminal width: a Chinese character takes two columns', () => {
    expect(displayWidth('区长')).toBe(4);
    expect(displayWidth('abc')).toBe(3);
    const text = table([{ name: '周明', n: 1 }, { name: 'Li', n: 22 }], { name: '姓名', n: 'n' }).split('\n');
    expect(text).toEqual(['姓名  n', '────  ──', '周明  1', 'Li    22']);
  });

  it('token create and list: a table on a terminal, JSON with --json, tab-separated lines in a pipe', async () => {
    expect(await runCli(['token', 'create', '--name', '区政府办公室', '--role', 'viewer'])).toBe(0);
    const created = JSON.parse(stdout.join('\n')) as { id: string };

    stdout = [];
    expect(await runCli(['token', 'list'])).toBe(0);
    expect(lines(stdout)).toContainEqual(expect.stringMatching(new RegExp(`^${created.id}\\tVIEWER\\tactive\\t区政府办公室$`)));

    stdout = [];
    setTty(true);
    expect(await runCli(['token', 'list'])).toBe(0);
    const shown = lines(stdout);
    expect(shown[0]).toMatch(/^id\s+role\s+status\s+name\s+scope$/);
    expect(shown[1]).toMatch(/^─+( +─+)+$/);
    expect(shown.find((l) => l.startsWith(created.id))).toMatch(new RegExp(`^${created.id}\\s+VIEWER\\s+active\\s+区政府办公室\\s+—$`));

    stdout = [];
    expect(await runCli(['token', 'list', '--json'])).toBe(0);
    expect(JSON.parse(stdout.join(''))).toContainEqual({ id: created.id, role: 'VIEWER', status: 'active', name: '区政府办公室', scope: null });

    stdout = [];
    expect(await runCli(['--json', 'token', 'create', '--name', 'x', '--role', 'viewer'])).toBe(0);
    expect(JSON.parse(stdout.join(''))).toMatchObject({ name: 'x', role: 'VIEWER', token: expect.stringMatching(/^fgml_/) });
    stdout = [];
    expect(await runCli(['token', 'create', '--name', 'y', '--role', 'viewer'])).toBe(0);
    expect(lines(stdout)).toEqual([expect.stringMatching(/^id\s+token:/), expect.stringMatching(/^name\s+y$/), expect.stringMatching(/^role\s+VIEWER$/), expect.stringMatching(/^scope\s+—$/), expect.stringMatching(/^token\s+fgml_/)]);
  });

  it('import-popolo --dry-run on a terminal: the plan as a table', async () => {
    const file = path.join(dir, 'qingchuan.json');
    expect(await runCli(['export-popolo', '--jurisdiction', 'jur:qingchuan', '--out', file])).toBe(0);
    expect(JSON.parse(stdout.join(''))).toMatchObject({ governments: 1, references: ['jur:jiangzhou'] });
    stdout = [];
    setTty(true);
    expect(await runCli(['import-popolo', file, '--dry-run'])).toBe(0);
    const shown = lines(stdout);
    expect(shown[0]).toBe('dry run: nothing to change');
    expect(shown).toContainEqual(expect.stringMatching(/^政府\s+动作\s+版本\s+变化$/));
    expect(shown).toContainEqual(expect.stringMatching(/^jur:qingchuan\s+UNCHANGED\s+0\s+—$/));
    expect(shown).toContainEqual(expect.stringMatching(/^jur:jiangzhou\s+江州市\s+RESOLVED$/));
  });

  it('parse-notice on a terminal: one row per leader', async () => {
    setTty(true);
    expect(await runCli(['parse-notice', path.join(__dirname, 'io', 'fixtures', 'qingchuan-2026-12.txt')])).toBe(0);
    const shown = lines(stdout);
    expect(shown).toContainEqual(expect.stringMatching(/^姓名\s+职务\s+负责\s+分管\s+联系\s+协助\s+B角$/));
    expect(shown).toContainEqual(expect.stringMatching(/^李晓燕\s.*区教育局/));
  });
});

describe('bad input: a non-zero exit and a one-line reason', () => {
  it.each([
    [['frobnicate'], 2, /^error: unknown command 'frobnicate' \(see --help\)$/],
    [['token', 'create', '--name', 'x', '--role', 'OWNER'], 2, /^error: option '--role <role>' argument 'OWNER' is invalid\. role must be one of/],
    [['token', 'revoke', 'token:unknown'], 1, /^error: no active token token:unknown$/],
    [['parse-notice', '/nonexistent/notice.txt'], 1, /^error: cannot open \/nonexistent\/notice\.txt: ENOENT$/],
    [['export-matrix', '--jurisdiction', 'jur:qingchuan', '--format', 'csv', '--out', '/nonexistent/dir/x.csv'], 1, /^error: cannot open \/nonexistent\/dir\/x\.csv: ENOENT$/],
    [['import-notice', 'x.txt', '--jurisdiction', 'jur:qingchuan', '--decision', 'd', '--effective', '2026-13-01'], 2, /^error: option '--effective <date>' argument '2026-13-01' is invalid\. expected a date YYYY-MM-DD/],
    [['import-popolo', '/nonexistent/file.json'], 1, /^error: cannot read \/nonexistent\/file\.json: ENOENT$/],
    [['import-popolo'], 2, /^error: missing required argument 'file' \(see --help\)$/],
    [['export-popolo', '--jurisdiction', 'jur:nothing', '--out', '/tmp/never-written.json'], 1, /^error: no such government$/],
    [['export-matrix', '--jurisdiction', 'jur:nothing', '--format', 'csv', '--out', '/tmp/never.csv'], 1, /^error: 找不到Jurisdiction：jur:nothing$/],
    [['export-matrix', '--jurisdiction', 'jur:qingchuan', '--format', 'pdf', '--out', 'x.pdf'], 2, /^error: option '--format <format>' argument 'pdf' is invalid/],
    [['export-notice', '--jurisdiction', 'jur:nothing', '--as-of', '2026-11-28', '--out', '/tmp/never.txt'], 1, /^error: .*jur:nothing/],
    [['export-notice', '--jurisdiction', 'jur:qingchuan', '--format', 'pdf', '--out', 'x'], 2, /^error: option '--format <format>' argument 'pdf' is invalid/],
    [['generate', '--governments', '0', '--out', 'x.json'], 2, /^error: option '--governments <n>' argument '0' is invalid\. expected a whole number ≥ 1/],
  ])('`cli %j` exits %i with one line', async (argv, code, reason) => {
    expect(await runCli(argv)).toBe(code);
    const said = lines(stderr);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(reason);
    expect(stdout.join('')).toBe('');
  });
});
