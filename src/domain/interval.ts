// Pure: no I/O, no clock. Half-open validity intervals [validFrom, validTo) over ISO calendar dates (R12).
import type { Interval, IsoDate } from './facts';

/**
 * True when `on` lies in the half-open interval [validFrom, validTo); validTo null means "still in force" (R12).
 * ISO dates compare as strings, so no Date object is needed.
 *
 * @example covers({ validFrom: '2026-01-01', validTo: '2026-04-01' }, '2026-04-01') // false: validTo is exclusive
 */
export function covers(i: Interval, on: IsoDate): boolean {
  return i.validFrom <= on && (i.validTo === null || on < i.validTo);
}

/**
 * True when at least one date lies in both intervals (R5: absences of AB partners must not overlap).
 * An empty interval (validFrom === validTo) covers no date and so overlaps nothing.
 *
 * @example overlaps({ validFrom: '2026-03-02', validTo: '2026-03-07' }, { validFrom: '2026-03-06', validTo: null }) // true
 */
export function overlaps(a: Interval, b: Interval): boolean {
  if (isEmpty(a) || isEmpty(b)) return false;
  return (b.validTo === null || a.validFrom < b.validTo) && (a.validTo === null || b.validFrom < a.validTo);
}

function isEmpty(i: Interval): boolean {
  return i.validTo !== null && i.validTo <= i.validFrom;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True for a strict 'YYYY-MM-DD' string naming a real day of the proleptic Gregorian calendar.
 *
 * @example isIsoDate('2028-02-29') // true
 * @example isIsoDate('2026-02-30') // false
 */
export function isIsoDate(s: string): boolean {
  const match = ISO_DATE.exec(s);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier); both are ISO calendar dates, so no time zone
 * enters. Used for R7's age limit on decisions.
 *
 * @example daysBetween('2026-11-20', '2027-02-18') // 90
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
