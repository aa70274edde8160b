// Pure: precision, recall and F1 of a parse against a hand-made expected parse, over (leader, field, item) triples.
import type { ExpectedLeader, ExpectedNotice, ParsedLeader, ParsedNotice } from './types';

export const SCORED_FIELDS = ['titles', 'responsibleFor', 'supervises', 'liaisesWith', 'assists', 'backup'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

/** One compared fact: leader `leader` has `item` in `field` (assists and backup are single items). */
export interface Triple {
  readonly leader: string;
  readonly field: ScoredField;
  readonly item: string;
}

export interface Score {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Expected, not produced. */
  readonly missing: Triple[];
  /** Produced, not expected. */
  readonly extra: Triple[];
}

type Comparable = Pick<ParsedLeader, ScoredField | 'name'> | ExpectedLeader;

/** Leaders are matched by name; unnamed leaders by their order among the unnamed ('#1', '#2' …). */
function triples(leaders: readonly Comparable[]): Triple[] {
  const out: Triple[] = [];
  let unnamed = 0;
  for (const l of leaders) {
    const leader = l.name ?? `#${++unnamed}`;
    for (const field of SCORED_FIELDS) {
      const v = l[field];
      const items = Array.isArray(v) ? v : v === null || v === undefined ? [] : [v];
      for (const item of items) out.push({ leader, field, item });
    }
  }
  return out;
}

const key = (t: Triple): string => `${t.leader}\u0000${t.field}\u0000${t.item}`;

/**
 * Compares the scored fields (titles, responsibleFor, supervises, liaisesWith, assists, backup) as sets of triples.
 * Both empty is a perfect score. The government is not scored here; compare it separately.
 *   scoreParse(parseNotice(text), expected).f1 === 1
 */
export function scoreParse(actual: Pick<ParsedNotice, 'leaders'>, expected: ExpectedNotice): Score {
  const got = new Map(triples(actual.leaders).map((t) => [key(t), t]));
  const want = new Map(triples(expected.leaders).map((t) => [key(t), t]));
  const extra = [...got.entries()].filter(([k]) => !want.has(k)).map(([, t]) => t);
  const missing = [...want.entries()].filter(([k]) => !got.has(k)).map(([, t]) => t);
  const hit = got.size - extra.length;
  const precision = got.size === 0 ? (want.size === 0 ? 1 : 0) : hit / got.size;
  const recall = want.size === 0 ? (got.size === 0 ? 1 : 0) : hit / want.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, missing, extra };
}
