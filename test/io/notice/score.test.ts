// scoreParse: precision, recall and F1 over (leader, field, item) triples; leaders by name, unnamed ones by order.
import { scoreParse, type ExpectedNotice } from '../../../src/io/notice';
import { leader } from './support';

const expected: ExpectedNotice = {
  government: '临江市人民政府',
  leaders: [
    // 4 triples: title, one responsibility, two supervised units
    { ...leader('程立新', ['市长'], { responsibleFor: ['市政府全面工作'], supervises: ['市审计局', '市统计局'] }) },
    // 3 triples: title, backup, assists
    { ...leader('马晓东', ['副市长'], { backup: '程立新', assists: '程立新' }) },
  ],
};
const asParsed = (ls: ReturnType<typeof leader>[]) => ({ leaders: ls.map((l) => ({ ...l, coSupervises: [], coordinates: [] })) });

describe('scoreParse', () => {
  it('a perfect parse', () => {
    expect(scoreParse(asParsed(expected.leaders), expected)).toEqual({ precision: 1, recall: 1, f1: 1, missing: [], extra: [] });
  });

  it('a missing unit and a wrong backup', () => {
    const s = scoreParse(
      asParsed([
        leader('程立新', ['市长'], { responsibleFor: ['市政府全面工作'], supervises: ['市审计局'] }),
        leader('马晓东', ['副市长'], { backup: '何平', assists: '程立新' }),
      ]),
      expected,
    );
    expect(s.missing).toEqual([
      { leader: '程立新', field: 'supervises', item: '市统计局' },
      { leader: '马晓东', field: 'backup', item: '程立新' },
    ]);
    expect(s.extra).toEqual([{ leader: '马晓东', field: 'backup', item: '何平' }]);
    expect([s.precision, s.recall]).toEqual([5 / 6, 5 / 7]);
    expect(s.f1).toBeCloseTo((2 * (5 / 6) * (5 / 7)) / (5 / 6 + 5 / 7), 10);
  });

  it('matches unnamed leaders by their order among the unnamed', () => {
    const e: ExpectedNotice = { government: null, leaders: [leader(null, [], { supervises: ['区财政局'] }), leader(null, [], { supervises: ['区审计局'] })] };
    expect(scoreParse(asParsed(e.leaders), e).f1).toBe(1);
    expect(scoreParse(asParsed([...e.leaders].reverse()), e).f1).toBe(0);
  });

  it('an item under another leader counts as both missing and extra', () => {
    const s = scoreParse(asParsed([leader('马晓东', ['市长'])]), { government: null, leaders: [leader('程立新', ['市长'])] });
    expect([s.precision, s.recall, s.f1]).toEqual([0, 0, 0]);
  });

  it('nothing expected and nothing found is perfect; something found for nothing expected is not', () => {
    expect(scoreParse({ leaders: [] }, { government: null, leaders: [] }).f1).toBe(1);
    expect(scoreParse(asParsed([leader('程立新', ['市长'])]), { government: null, leaders: [] })).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});
