// Pure: length-preserving normalisation and offset-carrying spans. Every offset here indexes the caller's
// original string, because normalisation maps each UTF-16 unit to exactly one unit.

/** A piece of the normalised document and where it starts. */
export interface Span {
  readonly text: string;
  readonly offset: number;
}

const ONE_TO_ONE: Readonly<Record<string, string>> = {
  '，': ',', '：': ':', '；': ';', '（': '(', '）': ')', '！': '!', '？': '?', '．': '.', '［': '[', '］': ']',
  '﹐': ',', '﹔': ';', '﹕': ':', '｡': '。', '\u3000': ' ', '\u00a0': ' ', '\t': ' ', '\u200b': ' ', '\ufeff': ' ',
  '\r': '\n', '\u2028': '\n', '\u2029': '\n', '\u000b': '\n', '\u000c': '\n',
};

/**
 * Full-width punctuation to ASCII (，：；（）！？．), ideographic and odd spaces to ' ', every line break to '\n',
 * full-width digits and Latin letters to ASCII. Keeps 、 。 “ ” 《 》. The result has the input's length.
 *   normalise('分管：市财政局（市国资委）') === '分管:市财政局(市国资委)'
 */
export function normalise(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = text.charCodeAt(i);
    const mapped = ONE_TO_ONE[ch];
    if (mapped !== undefined) out += mapped;
    else if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xfee0);
    else if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) out += String.fromCharCode(code - 0xfee0);
    else out += ch;
  }
  return out;
}

export function span(text: string, offset = 0): Span {
  return { text, offset };
}

/** The part [start, end) of a span, offsets kept. */
export function sub(s: Span, start: number, end = s.text.length): Span {
  const a = Math.max(0, Math.min(start, s.text.length));
  const b = Math.max(a, Math.min(end, s.text.length));
  return { text: s.text.slice(a, b), offset: s.offset + a };
}

/** Without surrounding whitespace. */
export function trim(s: Span): Span {
  const lead = s.text.length - s.text.trimStart().length;
  return sub(s, lead, lead + s.text.trim().length);
}

/** The document's lines (without '\n'), each with its offset. */
export function linesOf(doc: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= doc.length; i++) {
    if (i === doc.length || doc[i] === '\n') {
      out.push({ text: doc.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  return out;
}

const OPEN = '([《“‘〔【「{';
const CLOSE = ')]》”’〕】」}';

/**
 * For each index, whether it lies inside a matched bracket or quote pair (the pair's own characters included).
 * An opener that is never closed protects nothing, so a cut-off "(…" cannot swallow the rest of a line.
 */
export function protectedMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  const stack: { ch: number; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const o = OPEN.indexOf(text[i]);
    const c = CLOSE.indexOf(text[i]);
    if (o !== -1) stack.push({ ch: o, at: i });
    else if (c !== -1) {
      const j = findLast(stack, (e) => e.ch === c);
      if (j !== -1) {
        const from = stack[j].at;
        stack.length = j;
        for (let k = from; k <= i; k++) mask[k] = true;
      }
    }
  }
  return mask;
}

function findLast<T>(xs: readonly T[], p: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (p(xs[i])) return i;
  return -1;
}

/** A piece produced by `splitOutside` and the separator that ended it ('' at the end). */
export interface Piece {
  readonly span: Span;
  readonly sep: string;
}

/**
 * Splits on any character of `seps` that is not inside brackets or quotes.
 *   splitOutside(span('发展和改革(能源、物价)、应急管理'), '、') → ['发展和改革(能源、物价)', '应急管理']
 */
export function splitOutside(s: Span, seps: string): Piece[] {
  const mask = protectedMask(s.text);
  const out: Piece[] = [];
  let start = 0;
  for (let i = 0; i < s.text.length; i++) {
    if (!mask[i] && seps.includes(s.text[i])) {
      out.push({ span: sub(s, start, i), sep: s.text[i] });
      start = i + 1;
    }
  }
  out.push({ span: sub(s, start), sep: '' });
  return out;
}

/** 1-based line and column of an offset. */
export function locate(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n') || text[i] === '\u2028' || text[i] === '\u2029') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Removes whitespace between Han characters (padded names: '龚   正' → '龚正'). */
export function squeezeHan(text: string): string {
  return text.replace(/([\u3400-\u9fff·])\s+(?=[\u3400-\u9fff·])/g, '$1');
}
