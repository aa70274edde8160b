// Pure: no I/O, no clock. Deterministic ordering helpers shared by every listing (stable output, R6/R12).

/** Code-point order: deterministic on every platform, unlike locale collation. */
export function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/**
 * The first non-zero comparison, or 0: sort keys in priority order without relying on number truthiness.
 *
 * @example list.sort((a, b) => compareBy(a.rank - b.rank, compareText(a.name, b.name)))
 */
export function compareBy(...comparisons: readonly number[]): number {
  return comparisons.find((c) => c !== 0) ?? 0;
}
