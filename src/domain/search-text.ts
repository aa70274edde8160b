// Pure: no I/O, no clock. How search text is read: normalisation (traditional → simplified, full-width →
// half-width, case, whitespace, punctuation), the question wording people put around a keyword, pinyin in full
// and by initials, and word segmentation of sentences. The text libraries (opencc-js, pinyin-pro, @node-rs/jieba)
// are loaded once, on first use.
import type * as PinyinPro from 'pinyin-pro';
import type { OpenCCModule } from '../types/opencc-js';
import wording from '../vocabulary/wording.json';
import { rememberBounded } from './memo';

/** Longest first, so 谁分管 is removed before 分管 and 的分管领导是谁 before 是谁. */
const byLengthDesc = (words: readonly string[]): readonly string[] => [...words].sort((a, b) => b.length - a.length);
const LEADING = byLengthDesc(wording.leading);
const TRAILING = byLengthDesc(wording.trailing);
const LEADER_QUESTIONS = byLengthDesc(wording.leaderQuestions);
const HEAD_TITLES = byLengthDesc(wording.headTitles);
const STOPWORDS: ReadonlySet<string> = new Set(wording.stopwords);

let toSimplified: ((text: string) => string) | null = null;

function simplified(text: string): string {
  if (toSimplified === null) {
    const opencc = require('opencc-js/t2cn') as OpenCCModule;
    toSimplified = opencc.Converter({ from: 't', to: 'cn' });
  }
  return toSimplified(text);
}

let pinyinPro: typeof PinyinPro | null = null;

/** A term's syllables without tones (pinyin-pro, loaded at the first term read: its dictionary is ~0.2 s of every start-up otherwise). */
function syllablesOf(term: string, asName: boolean): string[] {
  pinyinPro ??= require('pinyin-pro') as typeof PinyinPro;
  return pinyinPro.pinyin(term, { toneType: 'none', type: 'array', v: true, surname: asName ? 'head' : 'off', nonZh: 'consecutive' });
}

/** Only what is worth converting: plain ASCII needs no OpenCC pass. */
const HAS_NON_ASCII = /[^\x00-\x7f]/u;
/** Whitespace, punctuation, symbols and control characters: never part of a name. */
const NOISE = /[\s\p{P}\p{S}\p{C}]+/gu;

/**
 * Text as matched: NFKC (full-width → half-width), traditional → simplified, lower case, whitespace,
 * punctuation, symbols and control characters removed. Applied alike to the query and to every indexed term.
 *
 * @example canonicalText(' 審計局？') // '审计局'
 */
export function canonicalText(text: string): string {
  const nfkc = text.normalize('NFKC');
  const chinese = HAS_NON_ASCII.test(nfkc) ? simplified(nfkc) : nfkc;
  return chinese.toLowerCase().replace(NOISE, '');
}

function stripOnce(text: string, words: readonly string[], from: 'start' | 'end'): string | null {
  for (const word of words) {
    if (from === 'start' ? text.startsWith(word) : text.endsWith(word)) {
      return from === 'start' ? text.slice(word.length) : text.slice(0, text.length - word.length);
    }
  }
  return null;
}

/** Removes question wording from both ends, repeatedly, as long as some remains. */
export function stripWording(text: string): string {
  let query = text;
  for (;;) {
    const next = stripOnce(query, LEADING, 'start') ?? stripOnce(query, TRAILING, 'end');
    if (next === null) return query;
    query = next;
  }
}

/** "周明分管哪些工作" → "周明": the wording of a question about a person, or null when there is none. */
export function stripLeaderQuestion(keyword: string): string | null {
  let query = keyword;
  let stripped = false;
  for (;;) {
    const next = stripOnce(query, LEADER_QUESTIONS, 'end');
    if (next === null || next.length === 0) return stripped ? query : null;
    query = stripWording(next);
    stripped = true;
  }
}

/** A question for a unit's head: "教育局长" → { unit: '教育局', title: '局长' }; null when it is not one. */
export function splitHeadTitle(keyword: string): { readonly unit: string; readonly title: string } | null {
  for (const title of HEAD_TITLES) {
    if (keyword.length > title.length + 1 && keyword.endsWith(title)) {
      let unit = stripWording(keyword.slice(0, keyword.length - title.length));
      // 教育局长 is 教育局 + 局长; 教育局局长 already names the bureau.
      if (title === '局长' && !unit.endsWith('局')) unit += '局';
      if (title === '厅长' && !unit.endsWith('厅')) unit += '厅';
      return unit.length >= 2 ? { unit, title } : null;
    }
  }
  return null;
}

/** True for a query typed in Latin letters: read as pinyin. */
export function isPinyinQuery(keyword: string): boolean {
  return /^[a-z]{2,}$/u.test(keyword);
}

export interface PinyinForms {
  /** Full pinyin without tones or spaces, ü typed as v: 审计局 → shenjiju, 绿 → lv. */
  readonly full: string;
  /** First letters: 审计局 → sjj. */
  readonly initials: string;
}

const pinyinCache = new Map<string, PinyinForms>();
/** The cache is shared by every government (unit names repeat); bounded so a country's names cannot fill memory. */
const PINYIN_CACHE_LIMIT = 50_000;

/** Pinyin of a canonical term (names: surname readings, e.g. 曾 zeng, 单 shan). Non-Chinese characters are kept. */
export function pinyinOf(term: string, asName = false): PinyinForms {
  const key = `${asName ? 'n' : 't'}|${term}`;
  const cached = pinyinCache.get(key);
  if (cached !== undefined) return cached;
  const syllables = syllablesOf(term, asName);
  const forms = {
    full: syllables.join('').replace(/[^a-z0-9]/gu, ''),
    initials: syllables.map((s) => s.charAt(0)).join('').replace(/[^a-z0-9]/gu, ''),
  };
  if (pinyinCache.size >= PINYIN_CACHE_LIMIT) pinyinCache.clear();
  pinyinCache.set(key, forms);
  return forms;
}

interface JiebaInstance {
  cut(sentence: string, hmm?: boolean): string[];
  loadDict(dict: Uint8Array): void;
}

let jieba: JiebaInstance | null = null;
let extraWords: readonly string[] = [];

/** Words the segmenter must keep whole (the vocabulary's names, short forms and topics); set before first use. */
export function registerSegmenterWords(words: readonly string[]): void {
  extraWords = words;
}

function segmenter(): JiebaInstance {
  if (jieba === null) {
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): JiebaInstance } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    const instance = Jieba.withDict(dict);
    if (extraWords.length > 0) {
      instance.loadDict(Buffer.from(extraWords.map((w) => `${w} 100000 n`).join('\n'), 'utf8'));
    }
    jieba = instance;
  }
  return jieba;
}

/**
 * The runs of words of a sentence that may name a subject, longest first: the sentence is segmented, stopwords
 * (谁, 的, 分管, 领导, 部门 …) split it, and every run of up to four adjacent words between them is offered.
 *
 * @example subjectSpans('我想问一下非遗保护找哪个部门') // ['非遗保护', '非遗', '保护']
 */
export function subjectSpans(sentence: string): readonly string[] {
  return rememberBounded(spansBySentence, sentence, SPANS_KEPT, () => spansOf(sentence));
}

/** Segmenting costs more than the rest of a government's search: a country-wide search asks once per government (the most recent kept). */
const spansBySentence = new Map<string, readonly string[]>();
const SPANS_KEPT = 256;

function spansOf(sentence: string): string[] {
  const words = segmenter().cut(sentence, false);
  const spans: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    for (let size = Math.min(4, run.length); size >= 1; size -= 1) {
      for (let i = 0; i + size <= run.length; i += 1) spans.push(run.slice(i, i + size).join(''));
    }
    run = [];
  };
  for (const word of words) {
    if (STOPWORDS.has(word)) flush();
    else run.push(word);
  }
  flush();
  return [...new Set(spans)].filter((s) => s.length >= 2).sort((a, b) => b.length - a.length);
}
