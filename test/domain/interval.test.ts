import { covers, isIsoDate, overlaps } from '../../src/domain';

describe('covers: half-open [validFrom, validTo), validTo null = still in force', () => {
  it.each([
    ['2026-01-01', '2026-04-01', '2026-01-01', true], // validFrom is inclusive
    ['2026-01-01', '2026-04-01', '2026-03-31', true], // the last day
    ['2026-01-01', '2026-04-01', '2026-04-01', false], // validTo is exclusive
    ['2026-01-01', '2026-04-01', '2025-12-31', false], // before
    ['2026-01-01', null, '2099-12-31', true], // open-ended
    ['2026-01-01', '2026-01-01', '2026-01-01', false], // an empty interval covers nothing
  ] as const)('[%s, %s) covers %s → %s', (validFrom, validTo, on, expected) => {
    expect(covers({ validFrom, validTo }, on)).toBe(expected);
  });
});

describe('overlaps: at least one common day (checked both ways)', () => {
  it.each([
    ['2026-01-01', '2026-04-01', '2026-03-31', null, true], // one common day
    ['2026-01-01', '2026-04-01', '2026-04-01', null, false], // touching: validTo is exclusive
    ['2026-01-01', null, '2026-05-01', null, true], // both open-ended
    ['2026-03-01', '2026-03-01', '2026-01-01', null, false], // an empty interval overlaps nothing
    ['2026-05-01', '2026-06-01', '2026-01-01', '2026-04-01', false], // disjoint
    ['2026-01-01', '2026-12-31', '2026-03-01', '2026-03-02', true], // one inside the other
  ] as const)('[%s, %s) × [%s, %s) → %s', (aFrom, aTo, bFrom, bTo, expected) => {
    const a = { validFrom: aFrom, validTo: aTo };
    const b = { validFrom: bFrom, validTo: bTo };
    expect([overlaps(a, b), overlaps(b, a)]).toEqual([expected, expected]);
  });
});

describe('isIsoDate: strict YYYY-MM-DD naming a real day', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false], // 2026 is not a leap year
    ['2028-02-29', true], // 2028 is
    ['1900-02-29', false], // centuries are not, unless divisible by 400
    ['2000-02-29', true],
    ['2026-02-30', false],
    ['2026-04-30', true],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-1', false], // not zero-padded
    ['20260101', false],
    ['2026-01-01T00:00', false], // a timestamp is not a date
    [' 2026-01-01', false],
    ['２０２６-01-01', false], // full-width digits
    ['', false],
  ] as const)('%j → %s', (s, expected) => {
    expect(isIsoDate(s)).toBe(expected);
  });
});
