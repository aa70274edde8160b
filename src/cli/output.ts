// How the CLI prints a result. On a terminal (stdout is a TTY): human-readable tables. With `--json`: JSON,
// always. Otherwise (a pipe, a script, a test): what each command has always printed — JSON for every command,
// tab-separated lines for `token list`, one line for `token revoke` — so that scripts keep working.
// Widths count East Asian wide characters (汉字, full-width punctuation) as two columns, as terminals show them.

export type OutputMode = 'table' | 'json' | 'legacy';

export function outputMode(options: { json?: boolean }, stdout: { isTTY?: boolean } = process.stdout): OutputMode {
  if (options.json === true) return 'json';
  return stdout.isTTY === true ? 'table' : 'legacy';
}

/** Terminal columns a character takes: 2 for wide East Asian characters, 0 for combining marks, else 1. */
function columns(char: string): number {
  const code = char.codePointAt(0) as number;
  if (code === 0) return 0;
  if ((code >= 0x300 && code <= 0x36f) || code === 0x200b || code === 0xfe0f) return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += columns(char);
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(cell).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).replace(/\s*\n\s*/g, ' ');
}

/** A table with a header row and a rule under it; `headers` maps each column key to its heading. */
export function table(rows: readonly Record<string, unknown>[], headers: Readonly<Record<string, string>>): string {
  const keys = Object.keys(headers);
  if (rows.length === 0) return '（无）';
  const text = rows.map((row) => keys.map((k) => cell(row[k])));
  const widths = keys.map((k, i) => Math.max(displayWidth(headers[k]), ...text.map((r) => displayWidth(r[i]))));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]))).join('  ').trimEnd();
  return [line(keys.map((k) => headers[k])), widths.map((w) => '─'.repeat(w)).join('  '), ...text.map(line)].join('\n');
}

/** Label: value lines, labels aligned. */
export function fields(entries: readonly (readonly [string, unknown])[]): string {
  const width = Math.max(...entries.map(([label]) => displayWidth(label)));
  return entries.map(([label, value]) => `${pad(label, width)}  ${cell(value)}`).join('\n');
}

/**
 * Prints a command's result: `json` (as the command always printed it: `compact` for one-line JSON), or the
 * human form from `human()` on a terminal. `legacy` lets a command keep a non-JSON script format.
 */
export function emit(mode: OutputMode, result: unknown, human: () => string, options: { compact?: boolean; legacy?: () => string } = {}): void {
  if (mode === 'table') console.log(human());
  else if (mode === 'legacy' && options.legacy !== undefined) console.log(options.legacy());
  else console.log(options.compact === true ? JSON.stringify(result) : JSON.stringify(result, null, 2));
}

/** The first line of an error's message: a CLI failure is reported in one line. */
export function oneLine(error: unknown): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { message?: unknown; code?: unknown; path?: unknown; syscall?: unknown };
  // A file that cannot be read or written: say which and why, without the Node wording around it.
  if (typeof e.code === 'string' && typeof e.path === 'string' && /^E[A-Z]+$/.test(e.code)) {
    return `cannot ${e.syscall === 'open' || e.syscall === undefined ? 'open' : String(e.syscall)} ${e.path}: ${e.code}`;
  }
  const message = typeof e.message === 'string' ? e.message : String(error);
  const first = message.split('\n').find((l) => l.trim() !== '') ?? 'failed';
  return first.trim();
}
