// Pure: no I/O, no clock. The vocabulary that ships with the product (src/vocabulary/*.json): standard kinds of
// units with their standard names, short forms, work-area names and 三定 topics, and how a government's own unit
// and work-area names are matched to those kinds (region prefixes, 分局 / 委员会 / 办公室 variants, 挂牌 names).
import governmentUnits from '../vocabulary/government-units.json';
import outsideUnits from '../vocabulary/outside-units.json';
import { canonicalText, registerSegmenterWords } from './search-text';

/** One standard kind of unit, its words already in canonical form (see canonicalText). */
export interface UnitKind {
  readonly id: string;
  readonly label: string;
  /** Standard full names at any level, without a region: 民政局, 民政厅. */
  readonly names: readonly string[];
  readonly shortForms: readonly string[];
  /** Work-area names that mean this kind's work: 民政, 人社. */
  readonly areas: readonly string[];
  /** The main work its 三定 gives it: 殡葬, 婚姻登记 … */
  readonly topics: readonly string[];
  readonly patterns: readonly RegExp[];
}

interface RawKind {
  readonly id: string;
  readonly label: string;
  readonly names: readonly string[];
  readonly shortForms: readonly string[];
  readonly areas: readonly string[];
  readonly topics: readonly string[];
  readonly patterns?: readonly string[];
}

const canonicalAll = (words: readonly string[]): string[] => [...new Set(words.map(canonicalText).filter((w) => w.length > 0))];

function load(raw: RawKind): UnitKind {
  return {
    id: raw.id,
    label: raw.label,
    names: canonicalAll(raw.names),
    shortForms: canonicalAll(raw.shortForms),
    areas: canonicalAll(raw.areas),
    topics: canonicalAll(raw.topics),
    patterns: (raw.patterns ?? []).map((p) => new RegExp(p, 'u')),
  };
}

/** Every standard kind: government line first (government-units.json), then outside units (outside-units.json). */
export const UNIT_KINDS: readonly UnitKind[] = [...governmentUnits.kinds, ...outsideUnits.kinds].map(load);

const KIND_BY_ID: ReadonlyMap<string, UnitKind> = new Map(UNIT_KINDS.map((k) => [k.id, k]));

export function unitKind(id: string): UnitKind {
  const kind = KIND_BY_ID.get(id);
  if (kind === undefined) throw new RangeError(`no unit kind ${id}`);
  return kind;
}

/** Suffixes that identify a kind (its names and short forms), longest first. */
const SUFFIXES: readonly { readonly text: string; readonly kindId: string }[] = UNIT_KINDS.flatMap((k) =>
  [...k.names, ...k.shortForms].map((text) => ({ text, kindId: k.id })),
).sort((a, b) => b.text.length - a.text.length);

/** Unit-name endings that make a work-area stem: 民政局 → 民政, 卫生健康委员会 → 卫生健康. */
const STEM_ENDINGS = ['委员会', '办公室', '局', '厅', '委'];

const KINDS_BY_AREA: ReadonlyMap<string, readonly string[]> = (() => {
  const index = new Map<string, string[]>();
  const add = (area: string, kindId: string): void => {
    if (area.length < 2) return;
    const ids = index.get(area) ?? [];
    if (!ids.includes(kindId)) ids.push(kindId);
    index.set(area, ids);
  };
  for (const kind of UNIT_KINDS) {
    for (const area of kind.areas) add(area, kind.id);
  }
  // Stems of the standard names come after the explicit areas, so an explicit area decides first.
  for (const kind of UNIT_KINDS) {
    for (const name of kind.names) {
      const ending = STEM_ENDINGS.find((e) => name.endsWith(e));
      if (ending !== undefined) add(name.slice(0, name.length - ending.length), kind.id);
    }
  }
  return index;
})();

registerSegmenterWords([...new Set(UNIT_KINDS.flatMap((k) => [...k.names, ...k.shortForms, ...k.topics]))]);

/**
 * The spellings of a unit name that are compared with the standard names: canonical, without trailing digits,
 * 人民政府 read as 政府, 分局 read as 局 and "X局Y分局" (a city bureau's branch) read as X局.
 */
export function unitNameVariants(name: string): string[] {
  const base = canonicalText(name).replace(/\d+$/u, '');
  const variants = new Set([base]);
  if (base.includes('人民政府')) variants.add(base.replace(/人民政府/gu, '政府'));
  const branch = /^(.*[局厅委])[^局厅委]{1,8}分局$/u.exec(base);
  if (branch !== null) variants.add(branch[1]);
  if (base.endsWith('分局')) variants.add(`${base.slice(0, -2)}局`);
  return [...variants];
}

/**
 * The standard kinds a unit name belongs to, best first: the kinds whose standard name or short form ends the
 * name (longest ending wins; 区市场监督管理局 → market-regulation), or whose pattern it matches (共青团…委员会).
 * [] when it is of no standard kind (a subdistrict, a company of its own).
 *
 * @example kindsOfUnitName('江州市自然资源和规划局青川分局') // ['natural-resources']
 */
export function kindsOfUnitName(name: string): string[] {
  const variants = unitNameVariants(name);
  let best: { length: number; ids: string[] } = { length: 0, ids: [] };
  for (const variant of variants) {
    for (const suffix of SUFFIXES) {
      if (suffix.text.length < best.length) break;
      if (variant.endsWith(suffix.text)) {
        if (suffix.text.length > best.length) best = { length: suffix.text.length, ids: [suffix.kindId] };
        else if (!best.ids.includes(suffix.kindId)) best.ids.push(suffix.kindId);
      }
    }
  }
  if (best.ids.length > 0) return best.ids;
  return UNIT_KINDS.filter((k) => k.patterns.some((p) => variants.some((v) => p.test(v)))).map((k) => k.id);
}

/** The standard kinds whose work a work-area name means exactly (财政 → finance; 旅游推介 → none). */
export function kindsOfWorkAreaName(name: string): readonly string[] {
  return KINDS_BY_AREA.get(canonicalText(name)) ?? [];
}
