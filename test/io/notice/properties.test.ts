// Properties: parseNotice never throws, and every warning points inside the text (offset, line, column, text agree),
// for arbitrary strings and for damaged copies of the real samples and held-outs (cut, duplicated, punctuation swapped).
import { readdirSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { parseNotice } from '../../../src/io/notice';
import { readSample } from './support';

const samples = [
  ...['05_shaanxi_2018_adjust', '07_shanghai_2026', '09_yancheng_ab_2023', '11_liangyuan_district_leader'].map((f) => readSample('samples', f).text),
  // The held-out notices too: more header forms, AB tables, news furniture.
  ...readdirSync(join(__dirname, 'held-out'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readSample('held-out', f.replace(/\.txt$/, '')).text),
];

/** Line and column of an offset, counting \r\n, \r, \n, U+2028 and U+2029 as one line break each. */
function reference(text: string, offset: number): { line: number; column: number } {
  const re = /\r\n|\r|\n|\u2028|\u2029/g;
  let line = 1;
  let start = 0;
  for (let m = re.exec(text); m !== null && m.index < offset; m = re.exec(text)) {
    line++;
    start = m.index + m[0].length;
  }
  return { line, column: offset - start + 1 };
}

function wellPlaced(text: string): void {
  const r = parseNotice(text);
  for (const w of r.warnings) {
    expect(w.offset >= 0 && w.offset < text.length).toBe(true);
    expect(w.text.length).toBeGreaterThan(0);
    expect(text.slice(w.offset, w.offset + w.text.length)).toBe(w.text);
    expect({ line: w.line, column: w.column }).toEqual(reference(text, w.offset));
    expect(w.message.length).toBeGreaterThan(0);
  }
  for (const l of r.leaders) {
    expect(l.name === null || l.name.length > 0).toBe(true);
    for (const list of [l.titles, l.responsibleFor, l.supervises, l.liaisesWith, l.coSupervises, l.coordinates]) {
      expect(list.every((item) => item.length > 0)).toBe(true);
    }
  }
}

const GENRE = [
  ...'市长副省区县张王李陈赵同志负责分管联系协助主持领导全面工作等单位部门局委办及和与互为AB角岗顶补位兼任常务秘书助理党组成员'.split(''),
  ...':,;、。()（），：；“”《》 \n\r\t\u3000—-1.一二'.split(''),
];
const genreText = fc.array(fc.constantFrom(...GENRE), { maxLength: 200 }).map((cs) => cs.join(''));

const PUNCT = [',', ':', ';', '、', '。', '(', ')', '（', '）', '，', '：', '；', '\n', ' ', '“', '”'];
type Mutation = (t: string) => string;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((n): Mutation => (t) => t.slice(0, n % (t.length + 1))),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (t) => {
    const i = a % (t.length + 1);
    const j = Math.min(t.length, i + (b % 200));
    return t.slice(0, j) + t.slice(i, j) + t.slice(j);
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...PUNCT)).map(([a, p]): Mutation => (t) => {
    const idx = [...t].map((ch, i) => (PUNCT.includes(ch) ? i : -1)).filter((i) => i >= 0);
    if (idx.length === 0) return t;
    const i = idx[a % idx.length];
    return t.slice(0, i) + p + t.slice(i + 1);
  }),
  fc.nat().map((n): Mutation => (t) => t.slice(n % (t.length + 1))),
  fc.nat().map((n): Mutation => (t) => {
    const i = n % (t.length + 1);
    return t.slice(0, i) + t.slice(i + 1);
  }),
);

describe('parseNotice is total and places its warnings inside the text', () => {
  it('for arbitrary strings', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 })), wellPlaced), { numRuns: 300 });
  });

  it('never throws on random text: any code point, graphemes, long lines and the genre’s words mixed (2,000 cases)', () => {
    const random = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 400 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)), maxLength: 300 }),
      fc.array(fc.oneof(genreText, fc.string({ maxLength: 20 }), fc.constantFrom('\n', '\r\n', '\u2028', '\u0000', '\ufeff', '\ud800')), { maxLength: 30 }).map((parts) => parts.join('')),
    );
    fc.assert(fc.property(random, wellPlaced), { numRuns: 2000 });
  });

  it('for strings made of the genre’s characters', () => {
    fc.assert(fc.property(genreText, wellPlaced), { numRuns: 400 });
  });

  it('for damaged copies of the samples (cut, duplicated, punctuation swapped, characters dropped)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(mutation, { minLength: 1, maxLength: 4 }), (text, ms) => {
        wellPlaced(ms.reduce((t, m) => m(t), text));
      }),
      { numRuns: 300 },
    );
  });
});
