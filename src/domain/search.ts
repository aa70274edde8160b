// Pure: no I/O, no clock. "Who oversees X" (谁分管/谁联系) as people ask (R1, R4, R5): unit names, the data's
// aliases, the vocabulary's short forms and 三定 topics (search-vocabulary), sentences, traditional characters and
// pinyin (search-text), a leader's name (what he oversees) and a unit's head (…局长). Ranked best first, each
// match saying why it matched (MatchKind) and by which term.
import type { AssignmentFact, DirectoryFacts, IsoDate } from './facts';
import type { AssignmentKind, MatchKind } from './vocabulary';
import { UnreachableCaseError } from './errors';
import { covers } from './interval';
import { compareBy, compareText } from './order';
import { compareByProtocol, protocolRanks } from './team';
import { assistIsValid, isGovernmentLine, linesForDepartment, linesForWorkArea, linesOn } from './portfolio';
import { actorForLine, isAway } from './acting';
import { searchIndex, type IndexedPerson, type IndexedTarget, type IndexedTerm, type SearchIndex } from './search-index';
import { canonicalText, isPinyinQuery, pinyinOf, splitHeadTitle, stripLeaderQuestion, stripWording, subjectSpans } from './search-text';
import { UNIT_KINDS, unitKind } from './search-vocabulary';
import { rememberBounded } from './memo';

/**
 * A search text reduced to its keyword: canonical (NFKC full-width → half-width, traditional → simplified, lower
 * case, whitespace and punctuation dropped) and question wording dropped from both ends, repeatedly — 谁分管,
 * 哪位领导联系, 请问 … in front; 归谁管, 的分管领导是谁, 是谁, 工作, 的 … behind (src/vocabulary/wording.json).
 *
 * @example normalizeQuery(' 谁分管 教育工作？') // '教育'
 * @example normalizeQuery('殯葬歸誰管') // '殡葬'
 */
export function normalizeQuery(text: string): string {
  return stripWording(canonicalText(text));
}

/** A department or work area found by a search text. */
export interface TargetMatch {
  readonly targetType: 'DEPARTMENT' | 'WORK_AREA';
  readonly targetId: string;
  /** The term that matched: the unit's name, an alias, a short form, a topic, a leader's or a head's name. */
  readonly matchedName: string;
  /** How closely the term matched: 3 exact, 2 the term contains the query (a topic: starts with it), 1 the query contains the term. */
  readonly score: number;
  /** Why it matched. */
  readonly matchedBy: MatchKind;
  /** Order of relevance, higher first (see RANKS); compareMatches sorts by it. */
  readonly rank: number;
  /** LEADER (or PINYIN of a leader's name): the leader whose portfolio this target is in. */
  readonly leaderId: string | null;
  /** The target's name (for ordering and display). */
  readonly name: string;
  /** Order among equally ranked matches of one leader (his portfolio order); 0 otherwise. */
  readonly order: number;
  /** A department in the government line (R3), which a leader supervises, rather than one only liaised with (R4). */
  readonly governmentLine: boolean;
}

/**
 * Rank by kind and score [exact, the term contains the query, the query contains the term]: an exact unit name
 * before a short form before an alias, any of them before the name containing the query, before a topic, before
 * pinyin (in full, by initials, by its beginning). A leader's exact name is a question about him and comes first; "…局长" (HEAD) before everything.
 */
const RANKS: Record<Exclude<MatchKind, 'HEAD'>, readonly [number, number, number]> = {
  LEADER: [150, 150, 62],
  NAME: [100, 85, 60],
  SHORT_FORM: [95, 72, 58],
  ALIAS: [90, 75, 55],
  TOPIC: [70, 50, 45],
  PINYIN: [40, 35, 30],
};
/** "…局长": 200 plus the rank of the unit part's match. A head's own name: just below an exact unit name. */
const HEAD_BY_TITLE = 200;
const HEAD_BY_NAME = 96;
/** Pinyin of a short form, alias or topic ranks a little below the pinyin of a name. */
const PINYIN_OFFSET: Record<IndexedTerm['kind'], number> = { NAME: 0, SHORT_FORM: 1, ALIAS: 2, TOPIC: 4 };
/** Matches that only say "the query contains a vocabulary word or a name": dropped when anything matched better. */
const WEAK_WHEN_STRONG: ReadonlySet<MatchKind> = new Set(['SHORT_FORM', 'TOPIC', 'PINYIN', 'LEADER']);

function rankOf(kind: Exclude<MatchKind, 'HEAD'>, score: number): number {
  return RANKS[kind][3 - score];
}

/**
 * Best first: rank, then a leader's portfolio order, departments before work areas, the supervised line (a
 * government department) before units only liaised with, name, id. Also orders the matches of several
 * governments in one list.
 */
export function compareMatches(a: TargetMatch, b: TargetMatch): number {
  return compareBy(
    b.rank - a.rank,
    a.order - b.order,
    Number(a.targetType === 'WORK_AREA') - Number(b.targetType === 'WORK_AREA'),
    Number(b.governmentLine) - Number(a.governmentLine),
    compareText(a.name, b.name),
    compareText(a.targetId, b.targetId),
  );
}

/** The part of a term a match needs (an IndexedTerm, or a vocabulary word shared by every government). */
type MatchedTerm = Pick<IndexedTerm, 'text' | 'display' | 'kind'>;
interface FoundTerm {
  readonly term: MatchedTerm;
  readonly score: number;
  readonly rank: number;
}

/** `candidate` when it ranks strictly higher than `best` (the first of equals stays, as in a scan in term order). */
function better(best: FoundTerm | null, candidate: FoundTerm | null): FoundTerm | null {
  return candidate !== null && (best === null || candidate.rank > best.rank) ? candidate : best;
}

/** A NAME or ALIAS term against the keyword: exact 3, the term contains it 2, it contains the term's core 1. */
function ownScore(term: IndexedTerm, keyword: string): number {
  if (term.text === keyword) return 3;
  if (term.text.includes(keyword)) return 2;
  return term.core.length >= 2 && keyword.includes(term.core) ? 1 : 0;
}

/** A SHORT_FORM or TOPIC word against each of the keys, the best: exact 3, contains (a topic: starts with) 2, inside a key 1. */
function vocabularyScore(text: string, kind: 'SHORT_FORM' | 'TOPIC', keys: readonly string[]): number {
  let score = 0;
  for (const key of keys) {
    let s = 0;
    if (text === key) s = 3;
    else if (key.length >= 2 && (kind === 'TOPIC' ? text.startsWith(key) : text.includes(key))) s = 2;
    else if (text.length >= 2 && key.includes(text)) s = 1;
    score = Math.max(score, s);
  }
  return score;
}

/**
 * The best SHORT_FORM (short forms, then standard names) or TOPIC word of each standard kind for one set of keys,
 * computed at first use. The vocabulary is the same in every government, so a country-wide search scores each
 * kind's words once, not once per unit of each of thousands of governments.
 */
class VocabularyScores {
  private readonly shortForms = new Map<string, FoundTerm | null>();
  private readonly topics = new Map<string, FoundTerm | null>();

  constructor(private readonly keys: readonly string[]) {}

  best(kindId: string, kind: 'SHORT_FORM' | 'TOPIC'): FoundTerm | null {
    const scored = kind === 'TOPIC' ? this.topics : this.shortForms;
    let found = scored.get(kindId);
    if (found === undefined) {
      const unit = unitKind(kindId);
      found = null;
      for (const text of kind === 'TOPIC' ? unit.topics : [...unit.shortForms, ...unit.names]) {
        const score = text.length === 0 ? 0 : vocabularyScore(text, kind, this.keys);
        if (score > 0) found = better(found, { term: { text, display: text, kind }, score, rank: rankOf(kind, score) });
      }
      scored.set(kindId, found);
    }
    return found;
  }
}

/** Scores by keys (joined), the most recently used kept: a search asks for the same keys in every government. */
const vocabularyScoresByKeys = new Map<string, VocabularyScores>();
const VOCABULARY_SCORES_KEPT = 256;

function vocabularyScoresOf(keys: readonly string[]): VocabularyScores {
  return rememberBounded(vocabularyScoresByKeys, keys.join('\u0000'), VOCABULARY_SCORES_KEPT, () => new VocabularyScores(keys));
}

/**
 * The best term of a target for a keyword, or null: its own names and aliases, then its kinds' short forms, then
 * their topics — the highest rank, the first of equals. `vocabulary`: the scores of the keyword and its spellings
 * without the region (vocabularyKeysOf).
 */
function bestTerm(target: IndexedTarget, keyword: string, vocabulary: VocabularyScores): FoundTerm | null {
  let best: FoundTerm | null = null;
  for (const term of target.ownTerms) {
    const score = ownScore(term, keyword);
    if (score > 0) best = better(best, { term, score, rank: rankOf(term.kind, score) });
  }
  for (const kindId of target.shortFormKinds) best = better(best, vocabulary.best(kindId, 'SHORT_FORM'));
  for (const kindId of target.unitKinds) best = better(best, vocabulary.best(kindId, 'TOPIC'));
  return best;
}

function bestPinyin(target: IndexedTarget, keyword: string): FoundTerm | null {
  let best: FoundTerm | null = null;
  for (const term of target.terms) {
    for (const forms of term.pinyin) {
      // In full (3), by initials (2), or the beginning of the full pinyin, as typed so far (2, ranked lowest).
      let score = 0;
      let rank = 0;
      if (forms.full === keyword) [score, rank] = [3, RANKS.PINYIN[0]];
      else if (term.kind !== 'TOPIC' && forms.initials === keyword) [score, rank] = [2, RANKS.PINYIN[1]];
      else if (keyword.length >= 4 && forms.full.startsWith(keyword)) [score, rank] = [2, RANKS.PINYIN[2]];
      if (score === 0) continue;
      rank -= PINYIN_OFFSET[term.kind];
      if (best === null || rank > best.rank) best = { term, score, rank };
    }
  }
  return best;
}

/** The keyword and its spellings without the government's name or a leading 区/县/市/省 (区人社局 → 人社局). */
function vocabularyKeysOf(keyword: string, index: SearchIndex): string[] {
  const keys = new Set([keyword]);
  for (const prefix of [...index.regionPrefixes, '区', '县', '市', '省']) {
    if (keyword.startsWith(prefix) && keyword.length - prefix.length >= 2) keys.add(keyword.slice(prefix.length));
  }
  return [...keys];
}

/** The targets of a leader's lines on the date (his own, then those he acts for), in portfolio order. */
function portfolioTargets(facts: DirectoryFacts, leaderId: string, on: IsoDate): { targetType: 'DEPARTMENT' | 'WORK_AREA'; id: string }[] {
  const own: AssignmentFact[] = [];
  const acting: AssignmentFact[] = [];
  for (const line of linesOn(facts, on)) {
    if (line.kind === 'PRESIDES' || line.kind === 'COORDINATES') continue;
    if (line.departmentId === null && line.workAreaId === null) continue;
    if (line.kind === 'ASSISTS' && !assistIsValid(facts, line, on)) continue;
    if (line.leaderId === leaderId) own.push(line);
    else if (isAway(facts, line.leaderId, on) && actorForLine(facts, line, on)?.actorId === leaderId) acting.push(line);
  }
  const byRelation = (a: AssignmentFact, b: AssignmentFact): number =>
    compareBy(relationRank(a.kind) - relationRank(b.kind), Number(a.departmentId === null) - Number(b.departmentId === null), compareText(a.id, b.id));
  const targets: { targetType: 'DEPARTMENT' | 'WORK_AREA'; id: string }[] = [];
  for (const line of [...own.sort(byRelation), ...acting.sort(byRelation)]) {
    const target = line.departmentId !== null ? { targetType: 'DEPARTMENT' as const, id: line.departmentId } : { targetType: 'WORK_AREA' as const, id: line.workAreaId as string };
    if (!targets.some((t) => t.id === target.id)) targets.push(target);
  }
  return targets;
}

function inGovernmentLine(target: IndexedTarget): boolean {
  return target.department !== null && isGovernmentLine(target.department.kind);
}

class Candidates {
  private readonly best = new Map<string, TargetMatch>();

  constructor(
    private readonly facts: DirectoryFacts,
    private readonly on: IsoDate,
    private readonly targets: ReadonlyMap<string, IndexedTarget>,
  ) {}

  offer(candidate: TargetMatch): void {
    const current = this.best.get(candidate.targetId);
    if (current === undefined || candidate.rank > current.rank) this.best.set(candidate.targetId, candidate);
  }

  offerTerm(target: IndexedTarget, found: FoundTerm, matchedBy: MatchKind): void {
    this.offer({
      targetType: target.targetType, targetId: target.id, name: target.name, matchedName: found.term.display,
      score: found.score, matchedBy, rank: found.rank, leaderId: null, order: 0, governmentLine: inGovernmentLine(target),
    });
  }

  /** Everything the leader oversees on the date, as matches of `matchedBy` with the leader's name as the term. */
  offerLeader(leader: IndexedPerson, score: number, matchedBy: MatchKind, rank: number): void {
    portfolioTargets(this.facts, leader.id, this.on).forEach((t, order) => {
      const target = this.targets.get(t.id);
      if (target === undefined) return;
      this.offer({
        targetType: target.targetType, targetId: target.id, name: target.name, matchedName: leader.name, score, matchedBy, rank,
        leaderId: leader.id, order, governmentLine: inGovernmentLine(target),
      });
    });
  }

  get size(): number {
    return this.best.size;
  }

  list(): TargetMatch[] {
    const all = [...this.best.values()];
    const strong = all.some((c) => c.score >= 2);
    return all.filter((c) => !strong || c.score >= 2 || !WEAK_WHEN_STRONG.has(c.matchedBy)).sort(compareMatches);
  }
}

function matchKeyword(candidates: Candidates, targets: readonly IndexedTarget[], index: SearchIndex, keyword: string, strongOnly: boolean): void {
  const vocabulary = vocabularyScoresOf(vocabularyKeysOf(keyword, index));
  for (const target of targets) {
    const found = bestTerm(target, keyword, vocabulary);
    if (found !== null && (!strongOnly || found.score >= 2)) candidates.offerTerm(target, found, found.term.kind);
  }
  for (const leader of index.leaders) {
    if (leader.text === keyword) candidates.offerLeader(leader, 3, 'LEADER', rankOf('LEADER', 3));
    else if (!strongOnly && leader.text.length >= 2 && keyword.includes(leader.text)) candidates.offerLeader(leader, 1, 'LEADER', rankOf('LEADER', 1));
  }
  const byId = new Map(targets.map((t) => [t.id, t]));
  for (const head of index.heads) {
    const target = byId.get(head.id);
    if (target !== undefined && head.text === keyword) {
      candidates.offer({
        targetType: 'DEPARTMENT', targetId: target.id, name: target.name, matchedName: head.name, score: 3, matchedBy: 'HEAD',
        rank: HEAD_BY_NAME, leaderId: null, order: 0, governmentLine: inGovernmentLine(target),
      });
    }
  }
}

/**
 * Departments active on `on` and work areas a search text finds, best first (compareMatches), one match per
 * target with the best term that found it:
 * - the keyword (normalizeQuery) against each target's names and aliases — exact 3, the name contains the query 2,
 *   the query contains the name's core (less one leading 区/县/市/省) of at least two characters 1 — and against
 *   the short forms, standard names and topics of the standard kinds its names belong to (a topic matches exactly,
 *   by its beginning, or inside the query);
 * - a leader's name: every unit and work area he oversees (or acts for) on the date (LEADER); a unit head's name
 *   or "…局长 / …主任 / …院长" (HEAD);
 * - a Latin-letter query as pinyin, in full or by initials (PINYIN);
 * - when nothing matches at all, the sentence is segmented and each run of words is matched on its own — unless it
 *   is exactly a person's name (a leader's, a head's): then nothing matching is the answer.
 * When anything matches by at least containment, vocabulary and pinyin matches that only appear inside the
 * query are dropped. Empty query → [].
 *
 * @example matchTargets(facts, '财政', '2026-03-16').map((m) => m.targetId) // ['wa:finance', 'dept:finance']
 * @example matchTargets(facts, '殯葬歸誰管', '2026-11-28')[0] // { targetId: 'dept:civil-affairs', matchedBy: 'TOPIC', matchedName: '殡葬', … }
 */
export function matchTargets(facts: DirectoryFacts, text: string, on: IsoDate): TargetMatch[] {
  const keyword = normalizeQuery(text);
  if (keyword.length === 0) return [];
  const index = searchIndex(facts);
  const targets = index.targets.filter((t) => t.department === null || covers(t.department, on));
  const candidates = new Candidates(facts, on, new Map(targets.map((t) => [t.id, t])));

  matchKeyword(candidates, targets, index, keyword, false);
  // "周明副区长分管哪些工作" → 周明; "分管教育的副区长" → 教育.
  const person = stripLeaderQuestion(keyword);
  if (person !== null && person !== keyword) matchKeyword(candidates, targets, index, person, false);

  const head = splitHeadTitle(keyword);
  if (head !== null) {
    const vocabulary = vocabularyScoresOf(vocabularyKeysOf(head.unit, index));
    for (const target of targets) {
      if (target.targetType !== 'DEPARTMENT') continue;
      const found = bestTerm(target, head.unit, vocabulary);
      if (found !== null && found.score >= 2) {
        candidates.offer({
          targetType: 'DEPARTMENT', targetId: target.id, name: target.name, matchedName: found.term.display, score: found.score,
          matchedBy: 'HEAD', rank: HEAD_BY_TITLE + found.rank, leaderId: null, order: 0, governmentLine: inGovernmentLine(target),
        });
      }
    }
  }

  if (isPinyinQuery(keyword)) {
    for (const target of targets) {
      const found = bestPinyin(target, keyword);
      if (found !== null) candidates.offerTerm(target, found, 'PINYIN');
    }
    for (const leader of index.leaders) {
      if (leader.pinyin.full === keyword) candidates.offerLeader(leader, 3, 'PINYIN', rankOf('PINYIN', 3));
    }
  }

  // A person's exact name asks about that person: when he oversees nothing on the date, the answer is nothing, not
  // what fragments of his name would find (王教育, who holds no line, is no question about 区教育局).
  if (candidates.size === 0 && !namesPerson(index, keyword) && (person === null || !namesPerson(index, person))) {
    for (const span of subjectSpans(keyword)) matchKeyword(candidates, targets, index, span, true);
  }

  return candidates.list();
}

/** Whether `text` is exactly the name of one of the government's leaders or of a unit's head. */
function namesPerson(index: SearchIndex, text: string): boolean {
  return index.leaders.some((l) => l.text === text) || index.heads.some((h) => h.text === text);
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
    for (const line of [...lines].sort(
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

/** How many words searchKeywords gives at most. */
const SEARCH_KEYWORD_LIMIT = 12;

/**
 * The words whose presence in a government's unit names, aliases, heads, work areas or leaders makes it worth
 * searching when a search names no government: the keyword, the person or unit a question is about, and for
 * vocabulary terms (topics, short forms, their pinyin) the stems of the kinds they belong to (殡葬 → 民政).
 *
 * @example searchKeywords('殡葬归谁管') // ['殡葬', '民政']
 */
export function searchKeywords(text: string): string[] {
  const keyword = normalizeQuery(text);
  if (keyword.length === 0) return [];
  const words = new Set([keyword]);
  const person = stripLeaderQuestion(keyword);
  if (person !== null && person.length > 0) words.add(person);
  const head = splitHeadTitle(keyword);
  if (head !== null) words.add(head.unit);
  const pinyinQuery = isPinyinQuery(keyword);
  for (const kind of UNIT_KINDS) {
    const terms = [...kind.names, ...kind.shortForms, ...kind.topics, ...kind.areas];
    const found = [...words].some((word) =>
      terms.some((t) => {
        if (t === word || (word.length >= 2 && t.startsWith(word)) || (t.length >= 2 && word.includes(t))) return true;
        if (!pinyinQuery) return false;
        const forms = pinyinOf(t);
        return forms.full === word || (kind.topics.includes(t) ? false : forms.initials === word);
      }),
    );
    if (found) for (const stem of kind.areas.slice(0, 2)) words.add(stem);
  }
  return [...words].slice(0, SEARCH_KEYWORD_LIMIT);
}

export { canonicalText } from './search-text';
export { kindsOfUnitName, kindsOfWorkAreaName, UNIT_KINDS, type UnitKind } from './search-vocabulary';
export { searchIndex, type SearchIndex } from './search-index';
