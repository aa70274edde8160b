// Pure: turns a parsed notice into the items of a re-division of one government, by matching the names it
// uses to the directory's leaders, units and work areas. Names it cannot match are listed, never guessed;
// the caller refuses to import while any are left.
import {
  backupOf,
  covers,
  linesOn,
  leadershipTeam,
  type AssignmentFact,
  type AssignmentKind,
  type ChangeItem,
  type DirectoryFacts,
  type IsoDate,
} from '../domain';
import type { ParsedNotice } from './notice/types';

export interface UnmatchedName {
  /** The leader's block it comes from (null for a block without a name). */
  readonly leader: string | null;
  readonly field: 'name' | 'responsibleFor' | 'supervises' | 'liaisesWith' | 'coSupervises' | 'assists' | 'backup';
  readonly text: string;
  /** NO_MATCH, or AMBIGUOUS when several records fit equally. */
  readonly reason: 'NO_MATCH' | 'AMBIGUOUS';
  readonly candidates: readonly string[];
}

export interface NoticeImportPlan {
  readonly items: readonly ChangeItem[];
  readonly unmatched: readonly UnmatchedName[];
  /** Lines the notice states that are already in force (nothing to do). */
  readonly unchanged: number;
  /** Clauses that describe a role rather than a portfolio line (负责…常务工作 / 日常工作), kept out. */
  readonly informational: readonly { readonly leader: string; readonly text: string }[];
}

export interface NoticeImportOptions {
  readonly effectiveDate: IsoDate;
  /**
   * A delta notice (增加分管…) only adds lines. A full notice (the default) states each named leader's whole
   * portfolio: his lines in force that it does not mention are ended.
   */
  readonly delta: boolean;
}

const PRESIDING = /(主持|领导).*全面工作|全面工作/;
const ROLE_ONLY = /常务工作|日常工作|日常事务/;

/** The comparable core of a name: NFKC, no spaces, no parenthesised parts, no leading government name or 区/县/市/省, no trailing 工作. */
export function nameKey(name: string, governmentName: string): string {
  let key = name.normalize('NFKC').replace(/\s+/g, '').replace(/\([^()]*\)/g, '');
  const short = governmentName.replace(/(人民政府|政府)$/, '');
  if (short.length > 0 && key.startsWith(short)) key = key.slice(short.length);
  return key.replace(/^[区县市省]/, '').replace(/(等方面的工作|方面的工作|等方面工作|方面工作|等工作|工作)$/, '');
}

/** The parenthesised parts of a name (区财政局(区国资办) → 区国资办), tried when the core does not match. */
function aliasesIn(name: string): string[] {
  return [...name.normalize('NFKC').matchAll(/\(([^()]*)\)/g)].map((m) => m[1]);
}

interface Named {
  readonly id: string;
  readonly names: readonly string[];
}

function matcher(records: readonly Named[], government: string) {
  const byKey = new Map<string, Set<string>>();
  for (const r of records) {
    for (const n of r.names) {
      const key = nameKey(n, government);
      if (key.length === 0) continue;
      byKey.set(key, (byKey.get(key) ?? new Set()).add(r.id));
    }
  }
  return (text: string): { id: string | null; candidates: string[] } => {
    for (const form of [text, ...aliasesIn(text)]) {
      const ids = [...(byKey.get(nameKey(form, government)) ?? [])];
      if (ids.length === 1) return { id: ids[0], candidates: ids };
      if (ids.length > 1) return { id: null, candidates: ids.sort() };
    }
    return { id: null, candidates: [] };
  };
}

/** The part of a line that makes it "the same line": kind, leader and target. */
function lineKey(line: Pick<AssignmentFact, 'kind' | 'leaderId' | 'departmentId' | 'workAreaId' | 'principalId' | 'subject'>): string {
  return [line.kind, line.leaderId, line.departmentId ?? '', line.workAreaId ?? '', line.principalId ?? '', line.subject ?? ''].join('|');
}

export function planNoticeImport(facts: DirectoryFacts, notice: ParsedNotice, options: NoticeImportOptions): NoticeImportPlan {
  const on = options.effectiveDate;
  const government = facts.jurisdiction.name;
  const team = leadershipTeam(facts, on).map((m) => m.leader);
  const findLeader = matcher(team.map((l) => ({ id: l.id, names: [l.name] })), government);
  const findUnit = matcher(
    facts.departments.filter((d) => covers(d, on)).map((d) => ({ id: d.id, names: [d.name, ...d.aliases] })),
    government,
  );
  const findArea = matcher(facts.workAreas.map((w) => ({ id: w.id, names: [w.name, ...w.aliases] })), government);

  const unmatched: UnmatchedName[] = [];
  const informational: { leader: string; text: string }[] = [];
  const stated: ChangeItem[] = [];
  const miss = (leader: string | null, field: UnmatchedName['field'], text: string, candidates: string[]) =>
    unmatched.push({ leader, field, text, reason: candidates.length > 1 ? 'AMBIGUOUS' : 'NO_MATCH', candidates });
  const assign = (kind: AssignmentKind, leaderId: string, target: Partial<Pick<ChangeItem & { op: 'ASSIGN' }, 'departmentId' | 'workAreaId' | 'principalId' | 'subject'>>): void => {
    stated.push({ op: 'ASSIGN', kind, leaderId, departmentId: null, workAreaId: null, principalId: null, subject: null, validTo: null, ...target });
  };

  let unchangedPairs = 0;
  const leaderIds = new Map<string, string>();
  for (const block of notice.leaders) {
    if (block.name === null) {
      miss(null, 'name', '(无姓名)', []);
      continue;
    }
    const found = findLeader(block.name);
    if (found.id === null) miss(block.name, 'name', block.name, found.candidates);
    else leaderIds.set(block.name, found.id);
  }

  for (const block of notice.leaders) {
    const leaderId = block.name === null ? undefined : leaderIds.get(block.name);
    if (leaderId === undefined || block.name === null) continue;
    const who = block.name;
    for (const text of block.responsibleFor) {
      if (PRESIDING.test(text)) assign('PRESIDES', leaderId, {});
      else if (ROLE_ONLY.test(text)) informational.push({ leader: who, text });
      else {
        const area = findArea(text);
        if (area.id !== null) assign('RESPONSIBLE_FOR', leaderId, { workAreaId: area.id });
        else miss(who, 'responsibleFor', text, area.candidates);
      }
    }
    for (const text of block.supervises) {
      const unit = findUnit(text);
      const area = unit.id === null ? findArea(text) : { id: null, candidates: [] };
      if (unit.id !== null) assign('SUPERVISES', leaderId, { departmentId: unit.id });
      else if (area.id !== null) assign('SUPERVISES', leaderId, { workAreaId: area.id });
      else miss(who, 'supervises', text, [...unit.candidates, ...area.candidates]);
    }
    for (const text of block.liaisesWith) {
      const unit = findUnit(text);
      if (unit.id !== null) assign('LIAISES_WITH', leaderId, { departmentId: unit.id });
      else miss(who, 'liaisesWith', text, unit.candidates);
    }
    for (const text of block.coordinates) assign('COORDINATES', leaderId, { subject: text });
    if (block.backup !== null) {
      const partner = leaderIds.get(block.backup) ?? findLeader(block.backup).id;
      if (partner === null) miss(who, 'backup', block.backup, []);
      else if (backupOf(facts, leaderId, on)?.backupId === partner) unchangedPairs += 1;
      else stated.push({ op: 'SET_BACKUP', leaderId, backupId: partner, exceptTargetIds: [] });
    }
  }

  // 协助…: the principal is the head the notice names, else whoever holds the target (in the notice, or now).
  const holders = (target: { departmentId?: string | null; workAreaId?: string | null }) => [
    ...stated.filter((i) => i.op === 'ASSIGN' && i.kind !== 'ASSISTS' && (target.departmentId != null ? i.departmentId === target.departmentId : i.workAreaId === target.workAreaId)).map((i) => (i as { leaderId: string }).leaderId),
    ...linesOn(facts, on).filter((l) => l.kind !== 'ASSISTS' && (target.departmentId != null ? l.departmentId === target.departmentId : l.workAreaId === target.workAreaId)).map((l) => l.leaderId),
  ];
  for (const block of notice.leaders) {
    const leaderId = block.name === null ? undefined : leaderIds.get(block.name);
    if (leaderId === undefined || block.name === null) continue;
    const named = block.assists === null ? undefined : leaderIds.get(block.assists);
    if (block.assists !== null && named === undefined) miss(block.name, 'assists', block.assists, []);
    for (const text of block.coSupervises) {
      const unit = findUnit(text);
      const area = unit.id === null ? findArea(text) : { id: null, candidates: [] };
      const target = unit.id !== null ? { departmentId: unit.id } : area.id !== null ? { workAreaId: area.id } : null;
      if (target === null) {
        miss(block.name, 'coSupervises', text, [...unit.candidates, ...area.candidates]);
        continue;
      }
      const principalId = named ?? holders(target).find((id) => id !== leaderId);
      if (principalId === undefined) miss(block.name, 'coSupervises', text, []);
      else assign('ASSISTS', leaderId, { ...target, principalId });
    }
  }

  const current = linesOn(facts, on);
  const inForce = new Set(current.map(lineKey));
  const statedKeys = new Set<string>();
  const items: ChangeItem[] = [];
  let unchanged = unchangedPairs;
  for (const item of stated) {
    if (item.op !== 'ASSIGN') {
      items.push(item);
      continue;
    }
    const key = lineKey(item);
    if (statedKeys.has(key)) continue;
    statedKeys.add(key);
    if (inForce.has(key)) unchanged += 1;
    else items.push(item);
  }
  if (!options.delta) {
    const named = new Set(leaderIds.values());
    for (const line of current) {
      if (named.has(line.leaderId) && !statedKeys.has(lineKey(line))) items.unshift({ op: 'END', lineId: line.id });
    }
  }
  return { items, unmatched, unchanged, informational };
}
