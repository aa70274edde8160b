// The four real notices and three held-out notices written by hand (expected parse written before the parser ran):
// exact on the compared fields, F1 = 1 for the real ones, F1 ≥ 0.95 for the held-out ones, full-width or ASCII alike.
import { parseNotice, scoreParse } from '../../../src/io/notice';
import { comparedNotice, readSample, restoreFullWidth } from './support';

// 梁园区's page never names its government; the importer knows it from the site the page came from.
const OPTIONS: Record<string, { government?: string }> = {
  '11_liangyuan_district_leader': { government: '商丘市梁园区人民政府' },
};

const samples = ['05_shaanxi_2018_adjust', '07_shanghai_2026', '09_yancheng_ab_2023', '11_liangyuan_district_leader'].map((f) =>
  readSample('samples', f),
);

describe('the real samples', () => {
  it.each(samples.map((s) => [s.file, s] as const))('%s reproduces its expected parse', (_, s) => {
    const parsed = parseNotice(s.text, OPTIONS[s.file]);
    expect(comparedNotice(parsed)).toEqual(comparedNotice(s.expected));
    const score = scoreParse(parsed, s.expected);
    expect(score).toMatchObject({ precision: 1, recall: 1, f1: 1, missing: [], extra: [] });
  });

  it.each(samples.map((s) => [s.file, s] as const))('%s with full-width punctuation restored parses the same', (_, s) => {
    const fullWidth = restoreFullWidth(s.text);
    expect(fullWidth).not.toEqual(s.text);
    expect(comparedNotice(parseNotice(fullWidth, OPTIONS[s.file]))).toEqual(comparedNotice(s.expected));
  });

  it('reports the cut-off copies where they stop, and nothing in the complete ones', () => {
    const at = (file: string) => parseNotice(samples.find((s) => s.file === file)!.text).warnings.map((w) => [w.line, w.column, w.text]);
    expect(at('05_shaanxi_2018_adjust')).toEqual([]);
    expect(at('07_shanghai_2026')).toEqual([[35, 1, '分管']]);
    expect(at('09_yancheng_ab_2023')).toEqual([[17, 13, '根据工作需要适时']]);
    expect(at('11_liangyuan_district_leader')).toEqual([]);
  });

  it('notes that the Shaanxi notice adds to portfolios (增加分管)', () => {
    const parsed = parseNotice(samples[0].text);
    expect(parsed.notes).toBe('delta notice: 增加分管 adds to the existing portfolio, it does not replace it');
    expect(parsed.leaders.map((l) => l.notes)).toEqual(['增加分管', '增加分管', '增加分管', '增加分管']);
  });

  it('keeps co-supervision (协助分管) out of supervises and in coSupervises', () => {
    const wu = parseNotice(samples[1].text).leaders[1];
    expect(wu.coSupervises).toEqual(['财政', '审计', '市财政局', '市审计局']);
    const liangyuan = parseNotice(samples[3].text).leaders[0];
    expect(liangyuan.coSupervises).toEqual(['审计']);
  });
});

describe('held-out notices (written by hand before the parser ran)', () => {
  const heldOut = ['h1_pingchuan_county_2024', 'h2_jiangzhou_news_repost_2025', 'h3_yunling_city_2023'].map((f) => readSample('held-out', f));

  it.each(heldOut.map((s) => [s.file, s] as const))('%s scores F1 ≥ 0.95 and names its government', (_, s) => {
    const parsed = parseNotice(s.text);
    const score = scoreParse(parsed, s.expected);
    expect({ f1: score.f1 >= 0.95, missing: score.missing, extra: score.extra }).toEqual({ f1: true, missing: [], extra: [] });
    expect(parsed.government).toBe(s.expected.government);
    expect(parsed.leaders.map((l) => l.name)).toEqual(s.expected.leaders.map((l) => l.name));
  });

  it.each(heldOut.map((s) => [s.file, s] as const))('%s reads without warnings', (_, s) => {
    expect(parseNotice(s.text).warnings).toEqual([]);
  });
});
