// Read use cases of the directory: find the government a request is about, load its facts once
// (per request, through the facts loader), and let the domain answer. No rule is decided here.
import {
  NotFoundError,
  searchKeywords,
  whoOversees,
  type DepartmentFact,
  type DirectoryFacts,
  type IsoDate,
  type JurisdictionFact,
  type LeaderFact,
  type OversightMatch,
  type WorkAreaFact,
} from '../../domain';
import { Jurisdiction } from '../../entities';
import type { RequestScope } from '../../scope/request-scope';

export interface InJurisdiction<T> {
  readonly fact: T;
  readonly facts: DirectoryFacts;
}

/** The most candidate governments a country-wide search loads at once; the first batch is the page size + 1, then each doubles. */
export const COUNTRY_BATCH_LIMIT = 128;
/**
 * How many candidate governments one country-wide page of `size` searches at most: twice what a page needs when every
 * candidate has a match (`size` + 1), at least 16, at most 128. A text many governments hold but few match (a leader
 * without a portfolio is in every district's team) would otherwise search the whole country for one page; a page
 * that reaches its share before `size` + 1 matches ends there, and says where the next one resumes.
 */
export function countryPageGovernments(size: number): number {
  return Math.min(128, Math.max(16, 2 * (size + 1)));
}

/** Where a country-wide page resumes: after the `index`-th match (0-based, by rank) of that government (Infinity: after all of them). */
export interface CountryPosition {
  readonly jurisdictionId: string;
  readonly index: number;
}

/** A match of a country-wide search: its government's facts, and its place among that government's matches. */
export interface CountryMatch extends CountryPosition {
  readonly facts: DirectoryFacts;
  readonly match: OversightMatch;
}

export interface CountrySearchPage {
  /** At most the page size, by government (id order), then by rank. */
  readonly matches: readonly CountryMatch[];
  /** More matches follow, or may (the page reached COUNTRY_PAGE_GOVERNMENTS with candidates left). */
  readonly hasNextPage: boolean;
  /** Where the next page resumes when that is not after the last match (a page that reached its governments); else null. */
  readonly resumeAfter: CountryPosition | null;
  /** The candidate governments the name index named (all of them). */
  readonly governmentsMatched: number;
  /** The candidates this page searched. */
  readonly governmentsSearched: number;
  /** Candidates remain after those this page searched. */
  readonly moreGovernments: boolean;
  /** Every match in every candidate: searches each candidate (the costly part; call only when asked). */
  totalCount(): Promise<number>;
}

/** The first position in `sorted` whose id is not before `id`. */
function lowerBound(sorted: readonly string[], id: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < id) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class DirectoryService {
  constructor(private readonly ctx: RequestScope) {}

  /** Governments by id (those under `parentId` when given), one page: a country has thousands. */
  async jurisdictions(filter: { parentId?: string }, page: { offset: number; size: number }): Promise<{ readonly items: readonly JurisdictionFact[]; readonly totalCount: number }> {
    const where = filter.parentId === undefined ? {} : { parent: filter.parentId };
    const [rows, totalCount] = await this.ctx.em.findAndCount(Jurisdiction, where, { orderBy: { id: 'asc' }, limit: page.size, offset: page.offset });
    return { items: rows.map((j) => ({ id: j.id, name: j.name, level: j.level, parentId: j.parent?.id ?? null })), totalCount };
  }

  /** The facts of one government; NOT_FOUND for an unknown id. */
  async facts(jurisdictionId: string): Promise<DirectoryFacts> {
    const facts = await this.ctx.loaders.facts.load(jurisdictionId);
    if (facts === null) throw new NotFoundError('Jurisdiction', jurisdictionId);
    return facts;
  }

  async leader(id: string): Promise<InJurisdiction<LeaderFact>> {
    const owner = await this.ctx.loaders.owner.load(`Leader|${id}`);
    if (owner === null) throw new NotFoundError('Leader', id);
    const facts = await this.facts(owner);
    return { fact: this.find(facts.leaders, id, 'Leader'), facts };
  }

  async department(id: string): Promise<InJurisdiction<DepartmentFact>> {
    const owner = await this.ctx.loaders.owner.load(`Department|${id}`);
    if (owner === null) throw new NotFoundError('Department', id);
    const facts = await this.facts(owner);
    return { fact: this.find(facts.departments, id, 'Department'), facts };
  }

  async workArea(id: string): Promise<InJurisdiction<WorkAreaFact>> {
    const owner = await this.ctx.loaders.owner.load(`WorkArea|${id}`);
    if (owner === null) throw new NotFoundError('WorkArea', id);
    const facts = await this.facts(owner);
    return { fact: this.find(facts.workAreas, id, 'WorkArea'), facts };
  }

  /**
   * 全国: "who oversees X" in every government, paged by government. The candidates are the governments whose units,
   * work areas or leaders hold one of the text's keywords (searchKeywords), all of them, in id order, from the store's
   * name index; matches come by government (in that order), then by rank within it (whoOversees). A page resumes
   * after `after` — at that government, by binary search in the candidates, so a changed list resumes where it would
   * be — and loads candidates in order in batches (one statement each, none warm) until `size` + 1 matches are found
   * or it has searched `governments` candidates (countryPageGovernments(size) by default).
   */
  async searchCountry(
    text: string,
    asOf: IsoDate,
    page: { readonly after: CountryPosition | null; readonly size: number; readonly governments?: number },
  ): Promise<CountrySearchPage> {
    const budget = Math.max(1, page.governments ?? countryPageGovernments(page.size));
    const candidates = await this.ctx.reader.governmentsMatching(this.ctx.em, searchKeywords(text));
    let next = 0;
    let skip = 0;
    if (page.after !== null) {
      next = lowerBound(candidates, page.after.jurisdictionId);
      if (candidates[next] === page.after.jurisdictionId) skip = page.after.index + 1;
    }
    const found: CountryMatch[] = [];
    const counts = new Map<string, number>();
    let searched = 0;
    let batch = Math.min(COUNTRY_BATCH_LIMIT, page.size + 1);
    while (next < candidates.length && found.length <= page.size && searched < budget) {
      const ids = candidates.slice(next, next + Math.min(batch, budget - searched));
      const loaded = await this.loadFacts(ids);
      for (const [i, facts] of loaded.entries()) {
        if (found.length > page.size) break;
        next += 1;
        searched += 1;
        const matches = facts === null ? [] : whoOversees(facts, text, asOf);
        counts.set(ids[i], matches.length);
        for (let index = skip; index < matches.length && facts !== null; index += 1) found.push({ jurisdictionId: ids[i], index, facts, match: matches[index] });
        skip = 0;
      }
      batch = Math.min(COUNTRY_BATCH_LIMIT, batch * 2);
    }
    // Stopped by the budget, not by a full page: the next page resumes after the last government searched.
    const stopped = found.length <= page.size && next < candidates.length;
    return {
      matches: found.slice(0, page.size),
      hasNextPage: found.length > page.size || stopped,
      resumeAfter: stopped ? { jurisdictionId: candidates[next - 1], index: Number.POSITIVE_INFINITY } : null,
      governmentsMatched: candidates.length,
      governmentsSearched: searched,
      moreGovernments: next < candidates.length,
      totalCount: async () => {
        let total = 0;
        for (let at = 0; at < candidates.length; at += COUNTRY_BATCH_LIMIT) {
          const ids = candidates.slice(at, at + COUNTRY_BATCH_LIMIT);
          const unknown = ids.filter((id) => !counts.has(id));
          const loaded = await this.loadFacts(unknown);
          unknown.forEach((id, i) => counts.set(id, loaded[i] === null ? 0 : whoOversees(loaded[i] as DirectoryFacts, text, asOf).length));
          for (const id of ids) total += counts.get(id) ?? 0;
        }
        return total;
      },
    };
  }

  /** Facts of each of `ids` in order (null for a government gone since), through the facts loader: one batch. */
  private async loadFacts(ids: readonly string[]): Promise<(DirectoryFacts | null)[]> {
    if (ids.length === 0) return [];
    const loaded = await this.ctx.loaders.facts.loadMany(ids);
    return loaded.map((f) => {
      if (f instanceof Error) throw f;
      return f;
    });
  }

  private find<T extends { id: string }>(rows: readonly T[], id: string, entity: string): T {
    const found = rows.find((r) => r.id === id);
    if (found === undefined) throw new NotFoundError(entity, id);
    return found;
  }
}
