// Text hygiene: what a piece of text a person entered must look like before it is matched or stored.
// One definition, used by every edge (GraphQL over HTTP and WebSocket, HTTP exports, imports, the CLI).
import { BadInputError } from './errors';

/**
 * Control characters no clerk types: C0 controls other than tab, line feed and carriage return, DEL, the
 * C1 block, and lone UTF-16 surrogates (which cannot be stored as UTF-8). A NUL byte also breaks both
 * databases' text columns.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first forbidden character in `text` as U+XXXX with its index, or null when the text is clean. */
export function findControlCharacter(text: string): { readonly index: number; readonly codePoint: string } | null {
  const match = FORBIDDEN.exec(text);
  if (match === null) return null;
  return { index: match.index, codePoint: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` };
}

/** Unicode spaces that are not the ASCII space (ideographic space U+3000, no-break spaces, thin spaces …). */
const WIDE_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** Full-width digits and Latin letters (０–９, Ａ–Ｚ, ａ–ｚ); full-width punctuation is proper Chinese and stays. */
const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
/** Zero-width characters and the byte-order mark, invisible in any field. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * The stored and compared form of a piece of text: full-width digits and letters become half-width,
 * any Unicode space becomes an ASCII space, invisible characters go, line ends become \n, runs of spaces
 * and tabs inside a line become one space, and each line is trimmed (as is the whole text). Idempotent.
 */
export function normalizeText(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(WIDE_SPACES, ' ')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .trim();
}

/** Bounds on any one request's input, whatever the field: longer texts or lists are refused, never cut. */
export const INPUT_LIMITS = { maxTextLength: 100_000, maxListItems: 1_000, maxNesting: 16 } as const;

export interface InputLimits {
  readonly maxTextLength: number;
  readonly maxListItems: number;
  readonly maxNesting: number;
}

/**
 * Any input — a request's variables, an imported file — as it will be matched and stored: every string
 * normalised (normalizeText). Refuses (BadInputError naming the path, e.g. `$input.subject` or
 * `leaders[3].name`) a control character, an over-long string or list, or nesting deeper than the limits.
 */
export function cleanInput(value: unknown, path: string, limits: InputLimits = INPUT_LIMITS): unknown {
  const walk = (item: unknown, at: string, depth: number): unknown => {
    if (depth > limits.maxNesting) throw new BadInputError(`输入嵌套过深：${at} (input nested too deeply)`, { path: at });
    if (typeof item === 'string') {
      const bad = findControlCharacter(item);
      if (bad !== null) throw new BadInputError(`${at} 含不允许的控制字符 ${bad.codePoint} (control character in a string)`, { path: at, codePoint: bad.codePoint });
      if (item.length > limits.maxTextLength) throw new BadInputError(`${at} 过长：最多 ${limits.maxTextLength} 个字符 (text too long)`, { path: at });
      return normalizeText(item);
    }
    if (Array.isArray(item)) {
      if (item.length > limits.maxListItems) throw new BadInputError(`${at} 过长：最多 ${limits.maxListItems} 项 (list too long)`, { path: at });
      return item.map((element, i) => walk(element, `${at}[${i}]`, depth + 1));
    }
    if (item !== null && typeof item === 'object') {
      return Object.fromEntries(Object.entries(item).map(([key, element]) => [key, walk(element, at === '' ? key : `${at}.${key}`, depth + 1)]));
    }
    return item;
  };
  return walk(value, path, 0);
}
