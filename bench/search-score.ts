// The search query set (test/fixtures/search-queries.json) and how it is scored: top-1 and top-3 accuracy per
// class, over the demo district and a generated district without aliases. Used by `npm run bench:search`
// (bench/search.ts) and by test/domain/search-queries.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { whoOversees, type DirectoryFacts, type MatchKind, type OversightMatch } from '../src/domain';
import { DATASET_FILES, factsByJurisdiction, type Dataset } from '../src/io/dataset';
import { generateDistrict, type DistrictSpec } from '../src/io/generate';

const ROOT = path.join(__dirname, '..');

export interface SearchQuery {
  readonly class: string;
  readonly government: string;
  readonly text: string;
  /** Targets any of which is a right answer. */
  readonly expect: readonly string[];
  /** The right answer must also have matched this way. */
  readonly matchedBy?: MatchKind;
  /** The right answer is a match on this leader (LEADER, or PINYIN of his name). */
  readonly leader?: string;
}

export interface QuerySet {
  readonly asOf: string;
  readonly governments: Readonly<Record<string, GovernmentSource>>;
  readonly queries: readonly SearchQuery[];
}

export interface GovernmentSource {
  readonly seed?: string;
  readonly jurisdictionId?: string;
  readonly generate?: DistrictSpec;
  /** false: every alias is removed, as for a government imported from a notice that gives none. */
  readonly aliases?: boolean;
}

export const CLASSES = ['unit-names', 'short-forms', 'topics', 'sentences', 'traditional', 'pinyin', 'people'] as const;

export function loadQuerySet(file = path.join(ROOT, 'test/fixtures/search-queries.json')): QuerySet {
  return JSON.parse(readFileSync(file, 'utf8')) as QuerySet;
}

function readSeed(dir: string): Dataset {
  const parts = Object.entries(DATASET_FILES).map(([part, file]) => [part, JSON.parse(readFileSync(path.join(ROOT, dir, file), 'utf8'))]);
  return Object.fromEntries(parts) as Dataset;
}

/** The facts of each government the query set names: the demo seed, or a district generated afresh. */
export function governmentsOf(set: QuerySet): Map<string, DirectoryFacts> {
  const facts = new Map<string, DirectoryFacts>();
  for (const [name, source] of Object.entries(set.governments)) {
    const data = source.generate !== undefined ? generateDistrict(source.generate) : readSeed(source.seed as string);
    const id = source.generate?.id ?? (source.jurisdictionId as string);
    const one = factsByJurisdiction(data).get(id);
    if (one === undefined) throw new Error(`query set: no government ${id} for ${name}`);
    facts.set(
      name,
      source.aliases === false
        ? { ...one, departments: one.departments.map((d) => ({ ...d, aliases: [] })), workAreas: one.workAreas.map((w) => ({ ...w, aliases: [] })) }
        : one,
    );
  }
  return facts;
}

export function isRight(query: SearchQuery, match: OversightMatch): boolean {
  if (query.leader !== undefined) {
    return (match.matchedBy === 'LEADER' || match.matchedBy === 'PINYIN') && match.leaderId === query.leader;
  }
  return query.expect.includes(match.targetId) && (query.matchedBy === undefined || match.matchedBy === query.matchedBy);
}

export interface QueryOutcome {
  readonly query: SearchQuery;
  /** 1-based position of the first right answer; null when none of the results is right. */
  readonly position: number | null;
  readonly results: readonly OversightMatch[];
}

export function runQuery(facts: DirectoryFacts, query: SearchQuery, asOf: string): QueryOutcome {
  const results = whoOversees(facts, query.text, asOf);
  const i = results.findIndex((m) => isRight(query, m));
  return { query, position: i === -1 ? null : i + 1, results };
}

export interface ClassScore {
  readonly class: string;
  readonly queries: number;
  readonly top1: number;
  readonly top3: number;
}

/** Top-1 and top-3 accuracy per class, in CLASSES order, then over all queries. */
export function scoreOutcomes(outcomes: readonly QueryOutcome[]): ClassScore[] {
  const score = (name: string, rows: readonly QueryOutcome[]): ClassScore => ({
    class: name,
    queries: rows.length,
    top1: rows.filter((o) => o.position === 1).length / Math.max(rows.length, 1),
    top3: rows.filter((o) => o.position !== null && o.position <= 3).length / Math.max(rows.length, 1),
  });
  const classes = [...CLASSES, ...new Set(outcomes.map((o) => o.query.class).filter((c) => !(CLASSES as readonly string[]).includes(c)))];
  return [...classes.map((c) => score(c, outcomes.filter((o) => o.query.class === c))), score('all', outcomes)];
}
