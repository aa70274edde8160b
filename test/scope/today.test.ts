// todayIn keeps the last date it formatted per zone for the rest of that UTC minute: it must agree with a fresh
// formatter at every instant, across each zone's midnight, whatever order the instants come in.
import fc from 'fast-check';
import { todayIn } from '../../src/scope/request-scope';

const ZONES = ['Asia/Shanghai', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham', 'Europe/London', 'America/New_York', 'UTC'];

function fresh(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The instant of local midnight starting `date` in `timeZone`, found by stepping minutes (offsets are whole minutes). */
function midnightOf(timeZone: string, date: string): number {
  let t = Date.parse(`${date}T00:00:00Z`) - 15 * 3_600_000;
  while (fresh(timeZone, new Date(t)) < date) t += 60_000;
  return t;
}

describe('todayIn', () => {
  it.each(ZONES)('turns the date exactly at midnight in %s (the millisecond before is still yesterday)', (zone) => {
    for (const date of ['2026-03-08', '2026-03-29', '2026-11-01', '2026-12-02']) {
      const midnight = midnightOf(zone, date);
      expect(todayIn(zone, new Date(midnight - 1))).toBe(fresh(zone, new Date(midnight - 1)));
      expect(todayIn(zone, new Date(midnight))).toBe(date);
      expect(todayIn(zone, new Date(midnight - 1))).not.toBe(date);
    }
  });

  it('agrees with a fresh formatter for any sequence of instants and zones (fast-check)', () => {
    const instant = fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2032-12-31T23:59:59Z') });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ZONES), instant, fc.integer({ min: -120_000, max: 120_000 })), { minLength: 1, maxLength: 30 }), (steps) => {
        for (const [zone, at, jitter] of steps) {
          for (const t of [at, at + jitter]) expect(todayIn(zone, new Date(t))).toBe(fresh(zone, new Date(t)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
