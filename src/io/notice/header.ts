// Pure: leader headers at the start of a line — '职务姓名:', '职务姓名同志,', '姓名职务,', '姓名 职务',
// '职务姓名' glued to the first verb, '姓名:职务、职务,' (numbered lists strip their number first), '职务:姓名'.
import { startsWithVerb } from './clauses';
import { isName, parseTitles, parseWho, parseWhoNameFirst, type Who } from './names';
import { protectedMask, sub, trim, type Span } from './text';

export interface Header {
  readonly who: Who;
  /** What follows the header on its line: the first clauses, or nothing. */
  readonly rest: Span;
  /** False when the name was only found glued to a verb ('副市长王五负责…'): a block that says nothing known is dropped. */
  readonly strong: boolean;
}

const MAX_HEADER = 48;

/** The first position (from 2) where a clause verb starts, within the header's reach. */
function verbPosition(text: string): number {
  for (let k = 2; k < Math.min(text.length, MAX_HEADER); k++) if (startsWithVerb(text.slice(k))) return k;
  return -1;
}

/** The first ':' ',' '。' ';' outside brackets, looked for only where a header can be (long lines stay linear). */
function firstDelimiter(text: string): number {
  const head = text.slice(0, 4 * MAX_HEADER);
  const mask = protectedMask(head);
  for (let i = 0; i < head.length; i++) if (!mask[i] && ':,。;'.includes(head[i])) return i;
  return -1;
}

/** Skips one ':' or ',' and whitespace. */
function after(line: Span, at: number): Span {
  let i = at;
  while (i < line.text.length && /\s/.test(line.text[i])) i++;
  if (':,'.includes(line.text[i] ?? '')) i++;
  return trim(sub(line, i));
}

/**
 * A header at the start of `line` (numbering already removed), or null. A name with no title is a header only when
 * a clause verb follows ('张三同志,负责…'), so biographies ('张三,男,汉族…') are not headers.
 *   matchHeader(span('副省长魏增军同志,增加分管省教育厅')) → who { name: '魏增军', titles: ['副省长'] }, rest '增加分管省教育厅'
 */
export function matchHeader(line: Span): Header | null {
  const text = line.text;
  if (startsWithVerb(text)) return null;
  const label = /^姓名\s*:\s*([^,;。]{2,12})$/.exec(text);
  if (label !== null && isName(label[1], false)) return { who: { name: parseWho(label[1])?.name ?? label[1].trim(), titles: [] }, rest: sub(line, text.length), strong: true };

  const delim = firstDelimiter(text);
  const verb = verbPosition(text);
  const ends = [verb, delim, delim === -1 ? text.length : -1]
    .filter((e) => e >= 2 && e <= MAX_HEADER && (delim === -1 || e <= delim))
    .sort((a, b) => a - b);
  for (const e of [...new Set(ends)]) {
    const phrase = text.slice(0, e).replace(/\s*同志\s*$/, '').replace(/\([^()]{1,8}\)\s*$/, '');
    const read = parseWho(phrase);
    // In header position a clause follows, so a title-only reading means the name hides in the title's prefix.
    const who = read !== null && read.name === null && text[e] !== ':' ? (parseWhoNameFirst(phrase) ?? read) : read;
    if (who === null) continue;
    if (who.name !== null) {
      let titles = who.titles;
      let rest = e === verb ? trim(sub(line, e)) : after(line, e);
      if (titles.length === 0 && text[e] === ':') {
        // '姓名:职务、职务,clauses'
        const tail = rest.text;
        const stop = [firstDelimiter(tail), verbPosition(tail), tail.length].filter((k) => k >= 0).sort((a, b) => a - b)[0];
        const t = parseTitles(tail.slice(0, stop));
        if (t !== null) {
          titles = t;
          rest = stop === tail.length ? sub(rest, stop) : after(rest, stop);
        }
      }
      if (titles.length === 0 && !(rest.text.length > 0 && startsWithVerb(rest.text))) continue;
      return { who: { name: who.name, titles }, rest, strong: e !== verb };
    }
    if (who.titles.length > 0 && text[e] === ':') {
      // '职务:姓名' alone on its line
      const rest = after(line, e);
      if (isName(rest.text, false)) return { who: { name: parseWho(rest.text)?.name ?? rest.text, titles: who.titles }, rest: sub(rest, rest.text.length), strong: true };
    }
  }
  return null;
}

/** Titles at the start of a line after a name-alone line ('市委副书记、市长,领导…'), and what follows them. */
export function leadingTitles(line: Span): { titles: string[]; rest: Span } | null {
  const text = line.text;
  const delim = firstDelimiter(text);
  const verb = verbPosition(text);
  for (const e of [verb, delim, text.length].filter((k) => k >= 2).sort((a, b) => a - b)) {
    const titles = parseTitles(text.slice(0, e));
    if (titles !== null) return { titles, rest: e === verb ? trim(sub(line, e)) : after(line, e) };
  }
  return null;
}
