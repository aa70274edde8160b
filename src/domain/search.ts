// Pure: no I/O, no clock. "Who oversees X" (谁分管/谁联系): Chinese keyword match over units and work areas (R1, R4, R5).
import type { AssignmentKind } from './vocabulary';
import type { DirectoryFacts, IsoDate } from './facts';
import { UnreachableCaseError } from './errors';
import { covers } from './interval';
import { compareBy, compareText } from './order';
import { compareByProtocol, protocolRanks } from './team';
import { assistIsValid, linesForDepartment, linesForWorkArea } from './portfolio';
import { actorForLine, isAway } from './acting';

const LEADING_WORDING = ['谁分管', '谁负责', '谁联系', '谁管', '分管', '负责', '联系'] as const;
const TRAILING_WORDING = ['工作', '的', '是谁', '?', '？'] as const;

/** Text as matched: NFKC (full-width → half-width) with all whitespace removed. */
function canonical(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/**
 * A search text reduced to its keyword: NFKC (full-width → half-width), trimmed, whitespace dropped, and question
 * wording dropped from the front (谁分管, 谁负责, 谁联系, 谁管, 分管, 负责, 联系) and the back (工作, 的, 是谁, ?, ？),
 * repeatedly.
 *
 * @example normalizeQuery(' 谁分管 教育工作？') // '教育'
 */
export function normalizeQuery(text: string): string {
  let query = canonical(text.trim());
  let changed = true;
  while (changed) {
    changed = false;
    for (const word of LEADING_WORDING) {
      if (query.startsWith(word)) {
        query = query.slice(word.length);
        changed = true;
      }
    }
    for (const word of TRAILING_WORDING) {
      if (query.endsWith(word)) {
        query = query.slice(0, query.length - word.length);
        changed = true;
      }
    }
  }
  return query;
}

/** A department or work area whose name or alias matches a search text. */
export interface TargetMatch {
  readonly targetType: 'DEPARTMENT' | 'WORK_AREA';
  readonly targetId: string;
  /** The name or alias that matched best. */
  readonly matchedName: string;
  /** 3 exact, 2 the name contains the query, 1 the query contains the name's core. */
  readonly score: number;
}

/** The name without one leading 区/县/市/省, e.g. 区财政局 → 财政局. */
function core(name: string): string {
  return /^[区县市省]/u.test(name) ? name.slice(1) : name;
}

function score(name: string, query: string): number {
  if (name === query) return 3;
  if (name.includes(query)) return 2;
  const nameCore = core(name);
  return nameCore.length >= 2 && query.includes(nameCore) ? 1 : 0;
}

/**
 * Departments active on `on` and work areas whose name or an alias matches the text: exact 3, name contains the
 * query 2, the query contains the name's core (the name less one leading 区/县/市/省) of at least two characters 1.
 * Best score per target; by score, then departments before work areas, then name. Empty query → [].
 *
 * @example matchTargets(facts, '财政', '2026-03-16').map((m) => m.targetId) // ['wa:finance', 'dept:finance']
 */
export function matchTargets(facts: DirectoryFacts, text: string, on: IsoDate): TargetMatch[] {
  const query = normalizeQuery(text);
  if (query.length === 0) return [];
  const candidates = [
    ...facts.departments
      .filter((d) => covers(d, on))
      .map((d) => ({ targetType: 'DEPARTMENT' as const, id: d.id, name: d.name, aliases: d.aliases })),
    ...facts.workAreas.map((w) => ({ targetType: 'WORK_AREA' as const, id: w.id, name: w.name, aliases: w.aliases })),
  ];
  const matches: (TargetMatch & { readonly name: string })[] = [];
  for (const candidate of candidates) {
    let best: { readonly matchedName: string; readonly score: number } | null = null;
    for (const name of [candidate.name, ...candidate.aliases]) {
      const s = score(canonical(name), query);
      if (s > 0 && (best === null || s > best.score)) best = { matchedName: name, score: s };
    }
    if (best !== null) {
      matches.push({ targetType: candidate.targetType, targetId: candidate.id, name: candidate.name, ...best });
    }
  }
  return matches
    .sort(
      (a, b) =>
        compareBy(
          b.score - a.score,
          Number(a.targetType === 'WORK_AREA') - Number(b.targetType === 'WORK_AREA'),
          compareText(a.name, b.name),
          compareText(a.targetId, b.targetId),
        ),
    )
    .map(({ targetType, targetId, matchedName, score: s }) => ({ targetType, targetId, matchedName, score: s }));
}

/** One leader who oversees a matched target on the date. */
export interface Overseer {
  readonly leaderId: string;
  readonly relation: AssignmentKind;
  /** True for LIAISES_WITH: coordination, not direction (R4). */
  readonly liaison: boolean;
  readonly lineId: string;
  readonly away: boolean;
  /** Set on the entry of a leader acting for the absent holder of the line (R5). */
  readonly actingForId: string | null;
}

/** A matched target and the leaders who oversee it on the date, acting leaders included. */
export interface OversightMatch extends TargetMatch {
  readonly overseers: readonly Overseer[];
}

function relationRank(kind: AssignmentKind): number {
  switch (kind) {
    case 'SUPERVISES':
    case 'RESPONSIBLE_FOR':
      return 0;
    case 'ASSISTS':
      return 1;
    case 'LIAISES_WITH':
      return 2;
    case 'PRESIDES':
    case 'COORDINATES':
      return 3;
    default:
      throw new UnreachableCaseError(kind);
  }
}

/**
 * "Who oversees X?" (谁分管/谁联系), seed: "就是要把责任明确到分管领导,明确到牵头单位,明确到责任主体,打板子找到人".
 * For each match of matchTargets: a department's SUPERVISES, valid ASSISTS and LIAISES_WITH lines (liaison: true,
 * R4); a work area's RESPONSIBLE_FOR, SUPERVISES and valid ASSISTS lines. A holder who is away is followed by the
 * leader acting for him (R5: same relation and line, actingForId = the holder). Order: SUPERVISES/RESPONSIBLE_FOR,
 * ASSISTS, LIAISES_WITH, then protocol rank.
 *
 * @example whoOversees(facts, '谁分管教育?', '2026-03-16')[0].overseers[0].leaderId // 'leader:zhao-min'
 */
export function whoOversees(facts: DirectoryFacts, text: string, on: IsoDate): OversightMatch[] {
  const byProtocol = compareByProtocol(protocolRanks(facts, on));
  return matchTargets(facts, text, on).map((match) => {
    const lines =
      match.targetType === 'DEPARTMENT'
        ? linesForDepartment(facts, match.targetId, on).filter(
            (l) => l.kind === 'SUPERVISES' || l.kind === 'LIAISES_WITH' || assistIsValid(facts, l, on),
          )
        : linesForWorkArea(facts, match.targetId, on).filter(
            (l) => l.kind === 'RESPONSIBLE_FOR' || l.kind === 'SUPERVISES' || assistIsValid(facts, l, on),
          );
    const overseers: Overseer[] = [];
    for (const line of lines.sort(
      (a, b) =>
        compareBy(relationRank(a.kind) - relationRank(b.kind), byProtocol(a.leaderId, b.leaderId), compareText(a.id, b.id)),
    )) {
      const liaison = line.kind === 'LIAISES_WITH';
      const away = isAway(facts, line.leaderId, on);
      overseers.push({ leaderId: line.leaderId, relation: line.kind, liaison, lineId: line.id, away, actingForId: null });
      const actor = actorForLine(facts, line, on);
      if (actor !== null && actor.actorId !== null) {
        overseers.push({
          leaderId: actor.actorId,
          relation: line.kind,
          liaison,
          lineId: line.id,
          away: false,
          actingForId: actor.actingForId,
        });
      }
    }
    return { ...match, overseers };
  });
}
