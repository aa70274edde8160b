// Pure: no I/O, no clock. The search index of one government: every unit and work area with the terms it can
// be found by (its names, the data's aliases, and — through the standard kinds its names belong to — the
// vocabulary's short forms and topics), each term with its pinyin; the team's leaders and the units' heads by
// name. Built once per facts object (facts are immutable) and held as long as the facts are.
import type { DepartmentFact, DirectoryFacts } from './facts';
import type { MatchKind } from './vocabulary';
import { memoOn } from './memo';
import { canonicalText, pinyinOf, type PinyinForms } from './search-text';
import { kindsOfUnitName, kindsOfWorkAreaName, unitKind } from './search-vocabulary';

/** The kinds of term a unit or work area is indexed by. */
export type TermKind = Extract<MatchKind, 'NAME' | 'ALIAS' | 'SHORT_FORM' | 'TOPIC'>;

export interface IndexedTerm {
  /** Canonical form (canonicalText), compared with the query. */
  readonly text: string;
  /** As shown: the unit's own name for every spelling of it, the alias, the short form or the topic. */
  readonly display: string;
  readonly kind: TermKind;
  /** NAME and ALIAS: the text less one leading 区/县/市/省 (old "core" rule for containment). */
  readonly core: string;
  /** Pinyin forms of the term (several for a name: with and without its region). */
  readonly pinyin: readonly PinyinForms[];
}

export interface IndexedTarget {
  readonly targetType: 'DEPARTMENT' | 'WORK_AREA';
  readonly id: string;
  readonly name: string;
  readonly department: DepartmentFact | null;
  /** Standard kinds (search-vocabulary) the target was matched to, best first: their topics are TOPIC terms. */
  readonly unitKinds: readonly string[];
  /** The kinds whose short forms and standard names are SHORT_FORM terms: a unit's unitKinds; none for a work area. */
  readonly shortFormKinds: readonly string[];
  /** Every term, in order: NAME, ALIAS, then SHORT_FORM and TOPIC (of the kinds in order). */
  readonly terms: readonly IndexedTerm[];
  /** The NAME and ALIAS terms, the target's own (the rest are its kinds' vocabulary, the same in every government). */
  readonly ownTerms: readonly IndexedTerm[];
}

export interface IndexedPerson {
  readonly id: string;
  readonly name: string;
  readonly text: string;
  readonly pinyin: PinyinForms;
}

export interface SearchIndex {
  readonly targets: readonly IndexedTarget[];
  readonly leaders: readonly IndexedPerson[];
  /** Units' heads by name (id: the department's id). */
  readonly heads: readonly IndexedPerson[];
  /** Spellings of the government's own name a query may start with: 青川区, 青川. */
  readonly regionPrefixes: readonly string[];
}

const LEVEL_ENDINGS = /(自治县|自治州|自治区|新区|区|县|市|省|旗|州|镇|乡|街道)$/u;

function core(text: string): string {
  return /^[区县市省]/u.test(text) ? text.slice(1) : text;
}

class TermSet {
  private readonly terms: IndexedTerm[] = [];
  private readonly seen = new Set<string>();

  add(text: string, display: string, kind: TermKind, pinyinOfTexts: readonly string[] = [text]): void {
    if (text.length === 0 || this.seen.has(`${kind}|${text}`)) return;
    this.seen.add(`${kind}|${text}`);
    const pinyin = [...new Set(pinyinOfTexts)].filter((t) => /[\u4e00-\u9fff]/u.test(t)).map((t) => pinyinOf(t));
    this.terms.push({ text, display, kind, core: core(text), pinyin });
  }

  list(): readonly IndexedTerm[] {
    return this.terms;
  }
}

/** Spellings of a unit's own name: canonical, less the government's name, 办事处 / 人民政府 dropped. */
function ownNameSpellings(name: string, regionPrefixes: readonly string[]): string[] {
  const canonical = canonicalText(name);
  const spellings = new Set([canonical]);
  for (const prefix of regionPrefixes) {
    if (canonical.startsWith(prefix) && canonical.length - prefix.length >= 2) spellings.add(canonical.slice(prefix.length));
  }
  for (const s of [...spellings]) {
    if (s.endsWith('办事处') && s.length > 5) spellings.add(s.slice(0, -3));
    if (s.includes('人民政府')) spellings.add(s.replace(/人民政府/gu, '政府'));
  }
  return [...spellings];
}

function regionPrefixesOf(facts: DirectoryFacts): string[] {
  const name = canonicalText(facts.jurisdiction.name);
  const bare = name.replace(LEVEL_ENDINGS, '');
  return [...new Set([name, bare])].filter((p) => p.length >= 2).sort((a, b) => b.length - a.length);
}

function termLists(terms: TermSet): { terms: readonly IndexedTerm[]; ownTerms: readonly IndexedTerm[] } {
  const all = terms.list();
  return { terms: all, ownTerms: all.filter((t) => t.kind === 'NAME' || t.kind === 'ALIAS') };
}

function departmentTarget(d: DepartmentFact, regionPrefixes: readonly string[]): IndexedTarget {
  const terms = new TermSet();
  for (const spelling of ownNameSpellings(d.name, regionPrefixes)) {
    terms.add(spelling, d.name, 'NAME', [spelling, core(spelling)]);
  }
  for (const alias of d.aliases) terms.add(canonicalText(alias), alias, 'ALIAS');
  // The unit's own name decides its kind first; its aliases (挂牌 names: 区人防办 on 区住建局) add theirs.
  const kinds: string[] = [];
  for (const name of [d.name, ...d.aliases]) {
    for (const id of kindsOfUnitName(name)) if (!kinds.includes(id)) kinds.push(id);
  }
  for (const id of kinds) {
    const kind = unitKind(id);
    for (const form of [...kind.shortForms, ...kind.names]) terms.add(form, form, 'SHORT_FORM');
  }
  for (const id of kinds) for (const topic of unitKind(id).topics) terms.add(topic, topic, 'TOPIC');
  return { targetType: 'DEPARTMENT', id: d.id, name: d.name, department: d, unitKinds: kinds, shortFormKinds: kinds, ...termLists(terms) };
}

function person(id: string, name: string): IndexedPerson {
  const text = canonicalText(name);
  return { id, name, text, pinyin: pinyinOf(text, true) };
}

function build(facts: DirectoryFacts): SearchIndex {
  const regionPrefixes = regionPrefixesOf(facts);
  const departments = facts.departments.map((d) => departmentTarget(d, regionPrefixes));
  const workAreas = facts.workAreas.map((w): IndexedTarget => {
    const terms = new TermSet();
    terms.add(canonicalText(w.name), w.name, 'NAME');
    for (const alias of w.aliases) terms.add(canonicalText(alias), alias, 'ALIAS');
    // A work area inherits only the topics of the kinds its name means (财政 → 预算 …), never their short forms:
    // 审计局 names the bureau, not the work area 审计.
    const kinds = [...new Set([w.name, ...w.aliases].flatMap((n) => kindsOfWorkAreaName(n)))];
    for (const id of kinds) for (const topic of unitKind(id).topics) terms.add(topic, topic, 'TOPIC');
    return { targetType: 'WORK_AREA', id: w.id, name: w.name, department: null, unitKinds: kinds, shortFormKinds: [], ...termLists(terms) };
  });
  return {
    targets: [...departments, ...workAreas],
    leaders: facts.leaders.map((l) => person(l.id, l.name)),
    heads: facts.departments.filter((d) => d.headName !== null && d.headName.trim() !== '').map((d) => person(d.id, d.headName as string)),
    regionPrefixes,
  };
}

/** The index of a government's facts, built on first use and kept with the facts object (memo.ts). */
export function searchIndex(facts: DirectoryFacts): SearchIndex {
  return memoOn(facts, 'search-index', '*', () => build(facts));
}
