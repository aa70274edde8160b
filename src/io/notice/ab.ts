// Pure: AB角 pairs (backups) from their many wordings — '甲、乙同志互为AB角', '安排甲同志与乙同志,丙同志与丁同志
// 互为“AB角”', 'A岗/B岗', '互为替补', '相互补位' (mutual) and '由乙顶岗' (one way).
import { nameIn } from './names';
import { splitOutside, squeezeHan, sub, trim, type Span } from './text';

/** 'a' and 'b' back each other up. */
export interface Pair {
  readonly a: string;
  readonly b: string;
  readonly span: Span;
}

/** `backup` stands in for `absent` (one way). */
export interface Cover {
  readonly absent: string;
  readonly backup: string;
  readonly span: Span;
}

const MUTUAL_RE =
  /互为\s*[“"'‘]?\s*(?:A\s*[、,]?\s*B|AB)\s*[”"'’]?\s*[角岗][”"'’]?|互为替补|互为补位|相互补位|互相补位|互为B角|互相顶岗|相互顶岗|互为替岗/;
const LABEL_A_RE = /(?<![A-Za-z])A\s*[岗角]/g;
const LABEL_B_RE = /(?<![A-Za-z])B\s*[岗角]/g;
const COVER_RE = /由([^,;。由]{2,20}?)(?:同志)?(?:顶岗|补位|代行|代为|暂代|代理)/;
const DASH_PAIR_RE = /^([^—\-–─~↔⇄/]{2,16}?)\s*(?:—+|-+|–+|─+|~|<->|↔|⇄|\/)\s*([^—\-–─~↔⇄/]{2,16})$/;

/** Whether a line speaks of AB pairs at all (so it is not read as a leader's clause). */
export function hasAbMarker(text: string): boolean {
  LABEL_A_RE.lastIndex = 0;
  LABEL_B_RE.lastIndex = 0;
  return MUTUAL_RE.test(text) || COVER_RE.test(text) || (LABEL_A_RE.test(text) && LABEL_B_RE.test(text));
}

/** Whether a line announces an AB list ('AB角安排:', '二、AB角工作补位安排'), so that 'X—Y' lines after it are pairs. */
export function opensAbContext(text: string): boolean {
  return /AB\s*[角岗]|A\s*[、,]\s*B\s*[角岗]|替补|补位|顶岗/.test(text);
}

interface Mention {
  readonly name: string;
  readonly at: number;
  readonly end: number;
}

/** The names a piece mentions, in order: known leaders first by containment, the rest read token by token. */
export function mentions(text: string, known: readonly string[]): Mention[] {
  const found: Mention[] = [];
  const taken = new Array<boolean>(text.length).fill(false);
  for (const k of [...known].sort((x, y) => y.length - x.length)) {
    let from = 0;
    for (let at = text.indexOf(k, from); at !== -1; at = text.indexOf(k, from)) {
      from = at + k.length;
      if (taken.slice(at, at + k.length).some(Boolean)) continue;
      for (let i = at; i < at + k.length; i++) taken[i] = true;
      found.push({ name: k, at, end: at + k.length });
    }
  }
  const masked = [...text].map((ch, i) => (taken[i] ? '、' : ch)).join('');
  const re = /[^、与和及,;:\s()“”"]+/g;
  for (let m = re.exec(masked); m !== null; m = re.exec(masked)) {
    // '同志' ends a name: '徐静同志不在岗时' / '徐静同志由吴斌同志补位' mention 徐静.
    const token = m[0].replace(/^(?:安排|确定|明确|实行|其中|即|由|请|对|将|同时|并)+/, '').replace(/同志.*$/, '');
    const name = nameIn(token, []);
    if (name !== null && token.endsWith(name)) found.push({ name, at: m.index, end: m.index + m[0].length });
  }
  return found.sort((x, y) => x.at - y.at);
}

/** Pairs named in one group of a mutual wording: two names, or an even list read two by two. */
function pairsIn(group: Span, known: readonly string[], blockLeader: string | null): Pair[] {
  const names = mentions(group.text, known).map((m) => m.name);
  if (names.length === 1 && blockLeader !== null && names[0] !== blockLeader) return [{ a: blockLeader, b: names[0], span: group }];
  if (names.length < 2 || names.length % 2 !== 0) return [];
  const out: Pair[] = [];
  for (let i = 0; i < names.length; i += 2) out.push({ a: names[i], b: names[i + 1], span: group });
  return out;
}

/** The name a label belongs to: 'X(A岗)' before it, or 'A岗:X' after it. */
function labelled(piece: string, re: RegExp, found: readonly Mention[]): string | null {
  re.lastIndex = 0;
  const m = re.exec(piece);
  if (m === null) return null;
  if (piece[m.index - 1] === '(') {
    const before = found.filter((f) => f.end <= m.index);
    return before.length > 0 ? before[before.length - 1].name : null;
  }
  const after = found.find((f) => f.at >= m.index + m[0].length);
  return after?.name ?? null;
}

/**
 * The pairs and one-way covers of an AB passage (one line or sentence).
 *   readAb(span('勾凤诚、王连春同志互为AB角;吴本辉、谢继步同志互为AB角'), []) → pairs 勾凤诚–王连春, 吴本辉–谢继步
 */
export function readAb(passage: Span, known: readonly string[], blockLeader: string | null = null): { pairs: Pair[]; covers: Cover[] } {
  const pairs: Pair[] = [];
  const covers: Cover[] = [];
  for (const piece of splitOutside(passage, ';。')) {
    // '甲与乙互为AB角,丙与丁互为AB角,戊由己补位': each marker closes the groups since the previous one; what follows
    // the last marker is read like a piece of its own (labels, one-way covers).
    let p = piece.span;
    const marker = new RegExp(MUTUAL_RE.source, 'g');
    let from = 0;
    for (let m = marker.exec(piece.span.text); m !== null; m = marker.exec(piece.span.text)) {
      const before = sub(piece.span, from, m.index);
      for (const g of splitOutside(before, ',:')) pairs.push(...pairsIn(g.span, known, blockLeader));
      from = m.index + m[0].length;
    }
    if (from > 0) {
      p = trim(sub(piece.span, from));
      if (p.text.replace(/^[,:、\s]+/, '').length === 0) continue;
    }
    const found = mentions(p.text, known);
    const a = labelled(p.text, LABEL_A_RE, found);
    const b = labelled(p.text, LABEL_B_RE, found);
    if (a !== null && b !== null && a !== b) {
      pairs.push({ a, b, span: p });
      continue;
    }
    const cover = COVER_RE.exec(p.text);
    if (cover !== null) {
      const backup = mentions(cover[1], known)[0]?.name ?? null;
      const absent = blockLeader ?? found.find((f) => f.at < cover.index)?.name ?? null;
      if (backup !== null && absent !== null && backup !== absent) covers.push({ absent, backup, span: p });
    }
  }
  return { pairs, covers };
}

/** The one name a table cell holds ('秦　朗', '区长 孟繁星'), or null. */
function cellName(cell: string, known: readonly string[]): string | null {
  const found = mentions(squeezeHan(cell.trim()), known);
  return found.length === 1 ? found[0].name : null;
}

/**
 * 'X—Y' / 'X - Y' lines of an AB list, and the rows of an AB table laid out in columns ('孟繁星　　　秦　朗' under
 * 'A角　　B角'; a leading row number and trailing remark columns are ignored).
 */
export function readDashPair(line: Span, known: readonly string[]): Pair | null {
  const text = line.text.trim();
  const m = DASH_PAIR_RE.exec(text);
  if (m !== null) {
    const a = mentions(m[1], known)[0]?.name;
    const b = mentions(m[2], known)[0]?.name;
    return a !== undefined && b !== undefined && a !== b ? { a, b, span: line } : null;
  }
  const row = text.replace(/^\d{1,3}[.、]?\s+/, '');
  // Columns are separated by runs of spaces; a padded name ('秦 朗') has single spaces inside.
  const cells = row.split(/\s{2,}/);
  if (cells.length >= 2) {
    const a = cellName(cells[0], known);
    const b = cellName(cells[1], known);
    return a !== null && b !== null && a !== b ? { a, b, span: line } : null;
  }
  // Single spaces only: the one way to cut the row into two names.
  const parts = row.split(/\s+/);
  const cuts: Pair[] = [];
  for (let k = 1; k < parts.length; k++) {
    const a = cellName(parts.slice(0, k).join(''), known);
    const b = cellName(parts.slice(k).join(''), known);
    if (a !== null && b !== null && a !== b) cuts.push({ a, b, span: line });
  }
  return cuts.length === 1 ? cuts[0] : null;
}
