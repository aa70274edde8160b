// Pure: telling a person's name from the titles around it ('常务副市长吴伟', '吴   伟 常务副市长',
// '王芳:县委副书记、县长'). The title vocabulary is in vocabulary.ts.
import { COMPOUND_SURNAMES, NAME_FINAL_FORBIDDEN, NOT_A_NAME, SURNAMES, TITLE_RE } from './vocabulary';
import { squeezeHan } from './text';

const HAN_NAME = /^[\u3400-\u9fff]{2,4}$/;
/** Transliterated Mongolian/Tibetan names run to six characters (乌云其其格); accepted only in strong positions. */
const LONG_HAN_NAME = /^[\u3400-\u9fff]{5,6}$/;
const DOTTED_NAME = /^[\u3400-\u9fff]{1,10}(?:[·•・.][\u3400-\u9fff]{1,10})+$/;

/**
 * Whether `token` reads as a person's name. `strict` asks for a known surname (weak positions: prose, AB lists);
 * strong header positions pass `strict = false`. Four-character names need a compound surname when strict.
 *   isName('勾凤诚', true) === true; isName('公安工作', true) === false
 */
export function isName(token: string, strict: boolean): boolean {
  const t = squeezeHan(token.trim());
  if (DOTTED_NAME.test(t)) return !/长|主席|书记|委员|常委|成员|主任|助理/.test(t.split(/[·•・.]/)[0]);
  // A long token is a name only if it has no title at either end ('副州长马骏' is a title and a name).
  const long = !strict && LONG_HAN_NAME.test(t) && ![...t].some((_, i) => i >= 2 && (TITLE_RE.test(t.slice(0, i)) || TITLE_RE.test(t.slice(t.length - i))));
  if ((!HAN_NAME.test(t) && !long) || NOT_A_NAME.test(t) || NAME_FINAL_FORBIDDEN.test(t)) return false;
  // A title is never a name: '旗长', '副州长', '镇长' (the level words outside 市省县区 are not in NOT_A_NAME).
  if (TITLE_RE.test(t)) return false;
  if (!strict) return true;
  const compound = COMPOUND_SURNAMES.some((s) => t.startsWith(s));
  if (t.length === 4) return compound;
  return compound || SURNAMES.has(t[0]);
}

/** A name as recorded: no spaces, no 同志. */
export function cleanName(token: string): string {
  return squeezeHan(token.trim()).replace(/\s+/g, '').replace(/同志$/, '');
}

/**
 * The titles of a title list, or null unless every part is a title. Splits on 、 and , and before 兼/兼任,
 * which is dropped: '副市长兼市公安局局长' → ['副市长', '市公安局局长'].
 */
export function parseTitles(text: string): string[] | null {
  const parts = text
    .replace(/\s+/g, '')
    .split(/[、,]|(?<!\()(?=兼任?)/)
    .map((p) => p.replace(/^兼任?/, ''))
    .filter((p) => p.length > 0);
  if (parts.length === 0) return null;
  return parts.every((p) => TITLE_RE.test(p)) ? parts : null;
}

/** Who a header phrase names, and with which titles. */
export interface Who {
  readonly name: string | null;
  readonly titles: string[];
}

/** '副市长王长江' → titles ['副市长'], name '王长江': the shortest title prefix whose remainder is a name. */
function titleThenName(seg: string, strict: boolean): { title: string; name: string } | null {
  // A known surname first, so '省长助理王五' is 省长助理 + 王五, not 省长 + 助理王五.
  if (!strict) return titleThenName(seg, true) ?? titleThenNameLoose(seg);
  for (let i = 2; i <= seg.length - 2; i++) {
    const title = seg.slice(0, i);
    const name = seg.slice(i);
    if (TITLE_RE.test(title) && isName(name, true)) return { title, name };
  }
  return null;
}

function titleThenNameLoose(seg: string): { title: string; name: string } | null {
  const strict = false;
  for (let i = 2; i <= seg.length - 2; i++) {
    const title = seg.slice(0, i);
    const name = seg.slice(i);
    if (TITLE_RE.test(title) && isName(name, strict)) return { title, name };
  }
  return null;
}

/** '王五副县长' → name '王五', title '副县长': the longest name whose remainder is a title. */
function nameThenTitle(seg: string, strict: boolean): { title: string; name: string } | null {
  if (!strict) {
    const sure = nameThenTitle(seg, true);
    if (sure !== null) return sure;
  }
  for (let n = Math.min(4, seg.length - 2); n >= 2; n--) {
    const name = seg.slice(0, n);
    const rest = seg.slice(n);
    if (isName(name, strict) && parseTitles(rest) !== null) return { title: rest, name };
  }
  return null;
}

/**
 * Reads a header phrase (no ':' or ',' inside; 同志 already removed) as titles and a name, in either order,
 * with or without spaces between them. Returns null when it is not such a phrase.
 *   parseWho('龚   正 市长') → { name: '龚正', titles: ['市长'] }
 *   parseWho('市委常委、副市长王五') → { name: '王五', titles: ['市委常委', '副市长'] }
 */
export function parseWho(phrase: string, strict = false): Who | null {
  const raw = phrase.trim().replace(/同志$/, '').trim();
  if (raw.length < 2 || raw.length > 60) return null;
  // Spaces are a strong hint: the title list is the first or last space-separated chunk.
  const chunks = raw.split(/\s+/);
  if (chunks.length > 1) {
    const last = parseTitles(chunks[chunks.length - 1]);
    const front = chunks.slice(0, -1).join('');
    if (last !== null && isName(front, strict)) return { name: cleanName(front), titles: last };
    const first = parseTitles(chunks[0]);
    const back = chunks.slice(1).join('');
    if (first !== null && isName(back, strict)) return { name: cleanName(back), titles: first };
  }
  const glued = raw.replace(/\s+/g, '');
  if (isName(glued, strict)) return { name: cleanName(glued), titles: [] };
  const onlyTitles = parseTitles(glued);
  if (onlyTitles !== null) return { name: null, titles: onlyTitles };
  const segs = glued.split('、');
  // Titles first, the name glued to the last title: '市委常委、副市长王五'.
  const head = segs.slice(0, -1);
  if (head.every((s) => parseTitles(s) !== null)) {
    const tn = titleThenName(segs[segs.length - 1], strict);
    if (tn !== null) {
      const titles = [...head.flatMap((s) => parseTitles(s) ?? []), ...(parseTitles(tn.title) ?? [])];
      return { name: cleanName(tn.name), titles };
    }
  }
  // The name first, glued to the first title: '王五县委副书记、县长'.
  const tail = segs.slice(1);
  if (tail.every((s) => parseTitles(s) !== null)) {
    const nt = nameThenTitle(segs[0], strict);
    if (nt !== null) {
      const titles = [...(parseTitles(nt.title) ?? []), ...tail.flatMap((s) => parseTitles(s) ?? [])];
      return { name: cleanName(nt.name), titles };
    }
  }
  return null;
}

/**
 * A phrase read name-first with a known surname, for headers whose place-like title prefix could have swallowed
 * the name: '陈静县政府党组成员' is 陈静 + 县政府党组成员 in a header (parseWho alone reads it as one title).
 */
export function parseWhoNameFirst(phrase: string): Who | null {
  const segs = phrase.trim().replace(/同志$/, '').replace(/\s+/g, '').split('、');
  const tail = segs.slice(1);
  if (!tail.every((s) => parseTitles(s) !== null)) return null;
  const nt = nameThenTitle(segs[0], true);
  if (nt === null) return null;
  return { name: cleanName(nt.name), titles: [...(parseTitles(nt.title) ?? []), ...tail.flatMap((s) => parseTitles(s) ?? [])] };
}

/**
 * The name a token mentions, for AB lists and 协助 clauses: a known leader's name it contains (first match wins),
 * else the token read as titles + name, else null.
 *   nameIn('常务副市长李四同志', []) === '李四'; nameIn('张文学习期间', ['张文']) === '张文'
 */
export function nameIn(token: string, known: readonly string[]): string | null {
  const t = squeezeHan(token).replace(/\s+/g, '');
  let best: { name: string; at: number } | null = null;
  for (const k of known) {
    const at = t.indexOf(k);
    if (at !== -1 && (best === null || at < best.at || (at === best.at && k.length > best.name.length))) best = { name: k, at };
  }
  if (best !== null) return best.name;
  const stripped = t
    .replace(/^(?:并|安排|确定|明确|实行|其中|即|由|请|对|将|同时)+/, '')
    .replace(/\([^()]*\)$/, '')
    .replace(/同志$/, '');
  const who = parseWho(stripped, true);
  return who?.name ?? null;
}
