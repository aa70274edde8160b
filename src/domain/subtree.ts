// Pure: no I/O, no clock. 市区一体: a city or province seen together with the governments under it — each one's
// coverage (R10) in short, totals over all of them, and "who oversees X" across them all (R1, R4, R5).
import type { DirectoryFacts, IsoDate, JurisdictionFact } from './facts';
import { BadInputError } from './errors';
import { compareText } from './order';
import { coverage, type Coverage, type LeaderLoad } from './coverage';
import { compareMatches, whoOversees, type OversightMatch } from './search';

/** One government of a subtree, where it sits. */
export interface SubtreeMember {
  readonly jurisdiction: JurisdictionFact;
  /** 0 for the root, 1 for its direct children, and so on. */
  readonly depth: number;
}

/**
 * The root and every government under it, parents before children and siblings by name then id (depth first), down
 * to `maxDepth` levels below the root (all when omitted). `jurisdictions` may hold more than the subtree (they are
 * ignored) and must hold the root. Each government has one parent, so each is visited once: a cycle in the parent
 * links cannot loop (the root's own parent is never followed; a cycle away from the root is not reachable from it).
 *
 * @example subtreeMembers(all, 'jur:jiangzhou').map((m) => m.jurisdiction.id) // ['jur:jiangzhou', 'jur:qingchuan']
 */
export function subtreeMembers(jurisdictions: readonly JurisdictionFact[], rootId: string, maxDepth?: number): SubtreeMember[] {
  if (maxDepth !== undefined && (!Number.isInteger(maxDepth) || maxDepth < 0)) {
    throw new BadInputError(`maxDepth 须为非负整数：${maxDepth}`, { maxDepth });
  }
  const root = jurisdictions.find((j) => j.id === rootId);
  if (root === undefined) throw new BadInputError(`子树的根不在所给政府中：${rootId}`, { rootId });
  const children = new Map<string, JurisdictionFact[]>();
  for (const j of jurisdictions) {
    if (j.parentId === null || j.id === rootId) continue;
    const siblings = children.get(j.parentId);
    if (siblings === undefined) children.set(j.parentId, [j]);
    else siblings.push(j);
  }
  for (const siblings of children.values()) siblings.sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
  const members: SubtreeMember[] = [];
  const visit = (j: JurisdictionFact, depth: number): void => {
    members.push({ jurisdiction: j, depth });
    if (maxDepth !== undefined && depth >= maxDepth) return;
    for (const child of children.get(j.id) ?? []) visit(child, depth + 1);
  };
  visit(root, 0);
  return members;
}

/** How portfolio lines spread over a team on the date: the lightest and heaviest member, mean and spread. */
export interface LoadSpread {
  /** Team members counted. */
  readonly leaders: number;
  /** Lines in force, all members together. */
  readonly lines: number;
  readonly min: number;
  readonly max: number;
  /** lines / leaders, rounded to two decimals; 0 for an empty team. */
  readonly mean: number;
  /** max − min. */
  readonly spread: number;
  /** The first member (protocol order) with the most lines, and with the fewest; null for an empty team. */
  readonly heaviestLeaderId: string | null;
  readonly lightestLeaderId: string | null;
}

/** The spread of `loads` (coverage's load, in protocol order). */
export function loadSpread(loads: readonly LeaderLoad[]): LoadSpread {
  if (loads.length === 0) {
    return { leaders: 0, lines: 0, min: 0, max: 0, mean: 0, spread: 0, heaviestLeaderId: null, lightestLeaderId: null };
  }
  let heaviest = loads[0];
  let lightest = loads[0];
  let lines = 0;
  for (const load of loads) {
    lines += load.total;
    if (load.total > heaviest.total) heaviest = load;
    if (load.total < lightest.total) lightest = load;
  }
  return {
    leaders: loads.length,
    lines,
    min: lightest.total,
    max: heaviest.total,
    mean: Math.round((lines / loads.length) * 100) / 100,
    spread: heaviest.total - lightest.total,
    heaviestLeaderId: heaviest.leaderId,
    lightestLeaderId: lightest.leaderId,
  };
}

/** One government's coverage (R10) on the date, in short. */
export interface CoverageSummary {
  readonly jurisdictionId: string;
  readonly depth: number;
  /** Government-line units with no supervising leader. */
  readonly gapDepartmentIds: readonly string[];
  readonly overlapCount: number;
  readonly absenceCount: number;
  /** Absent members not covered by a present AB partner (coverage's absentWithoutCover), by leader id. */
  readonly absentWithoutCoverLeaderIds: readonly string[];
  readonly unliaisedExternalCount: number;
  readonly orphanedAssistCount: number;
  readonly load: LoadSpread;
}

/** Totals over every government of a subtree. */
export interface SubtreeTotals {
  readonly governments: number;
  /** Governments with at least one gap, or an absence without cover: the ones the city office should call. */
  readonly governmentsNeedingAttention: number;
  readonly gaps: number;
  readonly overlaps: number;
  readonly absences: number;
  readonly absentWithoutCover: number;
  readonly unliaisedExternal: number;
  readonly orphanedAssists: number;
  /** Spread of the load over every team member of every government. */
  readonly load: LoadSpread;
  /** Largest per-government spread (max − min within one team), and the first government (tree order) showing it. */
  readonly widestSpread: number;
  readonly widestSpreadJurisdictionId: string | null;
}

export interface SubtreeCoverage {
  readonly rootId: string;
  readonly on: IsoDate;
  /** The root first, then every government under it, in subtreeMembers order. */
  readonly governments: readonly CoverageSummary[];
  readonly totals: SubtreeTotals;
}

/** coverage(facts, on) in short, for a government `depth` levels below a subtree's root. */
export function coverageSummary(facts: DirectoryFacts, on: IsoDate, depth = 0): CoverageSummary {
  return summarize(facts.jurisdiction.id, depth, coverage(facts, on));
}

function summarize(jurisdictionId: string, depth: number, c: Coverage): CoverageSummary {
  return {
    jurisdictionId,
    depth,
    gapDepartmentIds: c.gapDepartmentIds,
    overlapCount: c.overlaps.length,
    absenceCount: c.absences.length,
    absentWithoutCoverLeaderIds: c.absentWithoutCover.map((a) => a.absentLeaderId),
    unliaisedExternalCount: c.unliaisedExternalDepartmentIds.length,
    orphanedAssistCount: c.orphanedAssistIds.length,
    load: loadSpread(c.load),
  };
}

/**
 * Coverage of a city or province and every government under it on `on` (市区一体), seed: "就是要把责任明确到分管领导,
 * 明确到牵头单位,明确到责任主体,打板子找到人" — for each government its gaps, overlaps, absences without cover and load
 * spread (R10, coverage), and totals over all. `members` is subtreeMembers' answer; `factsOf` holds each member's facts
 * (a member without facts is refused: the caller loaded the wrong set).
 *
 * @example subtreeCoverage(members, factsOf, '2026-04-15').totals.gaps // 1
 */
export function subtreeCoverage(
  members: readonly SubtreeMember[],
  factsOf: ReadonlyMap<string, DirectoryFacts>,
  on: IsoDate,
): SubtreeCoverage {
  if (members.length === 0) throw new BadInputError('子树为空', {});
  const governments = members.map((m) => {
    const facts = factsOf.get(m.jurisdiction.id);
    if (facts === undefined) throw new BadInputError(`缺少该政府的事实：${m.jurisdiction.id}`, { jurisdictionId: m.jurisdiction.id });
    const c = coverage(facts, on);
    return { summary: summarize(m.jurisdiction.id, m.depth, c), loads: c.load };
  });
  const summaries = governments.map((g) => g.summary);
  const sum = (f: (s: CoverageSummary) => number) => summaries.reduce((n, s) => n + f(s), 0);
  let widest: CoverageSummary | null = null;
  for (const s of summaries) if (widest === null || s.load.spread > widest.load.spread) widest = s;
  return {
    rootId: members[0].jurisdiction.id,
    on,
    governments: summaries,
    totals: {
      governments: summaries.length,
      governmentsNeedingAttention: summaries.filter((s) => s.gapDepartmentIds.length > 0 || s.absentWithoutCoverLeaderIds.length > 0).length,
      gaps: sum((s) => s.gapDepartmentIds.length),
      overlaps: sum((s) => s.overlapCount),
      absences: sum((s) => s.absenceCount),
      absentWithoutCover: sum((s) => s.absentWithoutCoverLeaderIds.length),
      unliaisedExternal: sum((s) => s.unliaisedExternalCount),
      orphanedAssists: sum((s) => s.orphanedAssistCount),
      load: loadSpread(governments.flatMap((g) => g.loads)),
      widestSpread: widest?.load.spread ?? 0,
      widestSpreadJurisdictionId: widest?.jurisdictionId ?? null,
    },
  };
}

/** A match of a search over several governments, with the government it was found in. */
export interface SubtreeMatch {
  readonly jurisdictionId: string;
  readonly match: OversightMatch;
}

/**
 * "Who oversees X" in several governments at once ("who oversees 应急 in every district of 江州市?"): whoOversees in
 * each, merged in one ranking (compareMatches: the same order whoOversees gives within one government; ties between
 * governments go by the order of `governments`, e.g. subtreeMembers' tree order).
 *
 * @example whoOverseesAcross([city, district], '应急', '2026-11-28').map((m) => m.jurisdictionId) // ['jur:city', 'jur:district']
 */
export function whoOverseesAcross(governments: readonly DirectoryFacts[], text: string, on: IsoDate): SubtreeMatch[] {
  return governments
    .flatMap((facts, position) => whoOversees(facts, text, on).map((match) => ({ jurisdictionId: facts.jurisdiction.id, match, position })))
    .sort((a, b) => compareMatches(a.match, b.match) || a.position - b.position)
    .map(({ jurisdictionId, match }) => ({ jurisdictionId, match }));
}
