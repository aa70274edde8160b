// Pure: no I/O, no clock. The life cycle of units (机构改革): create, rename, merge, split, abolish — with lineage
// (predecessor → successor, like GOV.UK's and Wikidata's reorganisation lineage) and, in the same atomic change, the
// portfolio lines of the units that end: each moves to the successor(s) with the same leader, or ends with the unit;
// and the AB pairs whose exceptions name a unit that ends: each is re-opened with the successor(s) excepted instead.
import type { DepartmentKind, LineageKind } from './vocabulary';
import type { AssignmentFact, BackupFact, DepartmentFact, DirectoryFacts, IsoDate, LineageFact } from './facts';
import type { Refusal, ViolationCode } from './violation';
import { UnreachableCaseError } from './errors';
import { covers } from './interval';
import { compareText } from './order';
import { describeBackup, describeLine } from './describe';
import { lineShapeViolations } from './line-rules';
import { introducedFindings, type Continuity, type RecordedFinding } from './division-rules';

/** A new unit as a change names it. */
export interface NewUnit {
  readonly id: string;
  readonly name: string;
  readonly kind: DepartmentKind;
  readonly aliases: readonly string[];
}

/** A 机构改革 step; every step takes effect on `on` and cites its document (编委 / 党委 文件). */
export type DepartmentChange =
  | { readonly op: 'CREATE'; readonly unit: NewUnit; readonly on: IsoDate; readonly document: string | null }
  | { readonly op: 'RENAME'; readonly departmentId: string; readonly name: string; readonly on: IsoDate; readonly document: string | null }
  | {
      readonly op: 'MERGE';
      readonly departmentIds: readonly string[];
      /** A new unit, or an existing one that absorbs the others (并入). */
      readonly into: NewUnit | { readonly existingId: string };
      readonly on: IsoDate;
      readonly document: string | null;
    }
  | { readonly op: 'SPLIT'; readonly departmentId: string; readonly into: readonly NewUnit[]; readonly on: IsoDate; readonly document: string | null }
  | { readonly op: 'ABOLISH'; readonly departmentId: string; readonly transferToId: string | null; readonly on: IsoDate; readonly document: string | null };

/** What a step writes. */
export interface DepartmentPlan {
  readonly creates: readonly DepartmentFact[];
  /** Units ending on `on` (validTo set). */
  readonly closes: readonly DepartmentFact[];
  /** Renamed units as they will be (same id, new name, the old name among the aliases). */
  readonly renames: readonly DepartmentFact[];
  readonly lineage: readonly LineageFact[];
  /** Lines of ending units, closed on `on`. */
  readonly lineCloses: readonly AssignmentFact[];
  /** Their copies on the successors, from `on`, same leader, kind, principal and end. */
  readonly lineOpens: readonly AssignmentFact[];
  /** Which line of `lineCloses` each of `lineOpens` continues (by id). */
  readonly lineMoves: readonly { readonly openedId: string; readonly closedId: string }[];
  /** AB pairs in force on `on` whose exceptions name an ending unit, closed on `on`. */
  readonly backupCloses: readonly BackupFact[];
  /**
   * Their copies from `on` (same A, B, decision and end), the ending units among the exceptions replaced by their
   * successors (none for a unit abolished without an heir), without repeats, in their order (R5 exceptions follow the
   * lineage: what B must never hold for A, he does not hold in the unit that carries it on either).
   */
  readonly backupOpens: readonly BackupFact[];
  /** Which pair of `backupCloses` each of `backupOpens` continues (by id). */
  readonly backupMoves: readonly { readonly openedId: string; readonly closedId: string }[];
  readonly violations: readonly Refusal[];
}

function violation(code: ViolationCode, message: string, details: Record<string, unknown>): Refusal {
  return { itemIndex: null, code, message, details };
}

const EMPTY: Omit<DepartmentPlan, 'violations'> = {
  creates: [], closes: [], renames: [], lineage: [], lineCloses: [], lineOpens: [], lineMoves: [], backupCloses: [], backupOpens: [], backupMoves: [],
};

/** What a step mints ids for: lineage steps, moved lines, re-opened AB pairs. */
export type MintedKind = 'LINEAGE' | 'LINE' | 'BACKUP';

/**
 * Plans one 机构改革 step. Refusals: DOCUMENT_REQUIRED; UNKNOWN_REFERENCE (a unit not of this government);
 * UNIT_NOT_ACTIVE (a unit that does not exist on `on`, or that began on it, or that has a line starting later, or
 * that an AB pair starting on `on` or later excepts — an ending unit must have no future lines, and no future pair may
 * name it); NAME_IN_USE (an id, or a name of a unit in existence on `on`, taken);
 * NO_CHANGE (a rename to its own name); BAD shapes (a merge of fewer than two units, a split into fewer than two)
 * as INVALID_INTERVAL-free TARGET_MISMATCH; and the line rules on the moved lines (R4: a 分管 line cannot move to a
 * unit outside the government's line — OUTSIDE_GOVERNMENT_LINE).
 * An AB pair in force on `on` that excepts an ending unit is closed on `on` and re-opened from it with the unit's
 * successors excepted instead (backupCloses, backupOpens): MERGE the successor, SPLIT every new unit, ABOLISH the heir
 * (or nothing, without one).
 * Then the state after the step (factsAfterStep) is checked as a changeset's is, over all time — on `on` and on every
 * later date on which a line or a unit starts or ends — against the invariants of division-rules.ts, the ones every
 * changeset and every import obeys: DUPLICATE_LINE (e.g. a moved line overlapping the same line that the successor
 * has from a later date), SUPERVISOR_LOST (e.g. successors that outlive the end their predecessor was to have, with
 * its lines ending then), ASSIST_ORPHANED (e.g. a 协助 line that moves while its principal's line does not, because
 * he holds the successor already, for a shorter time), PRESIDES_NOT_UNIQUE, LINES_STILL_HELD,
 * PARTNER_ABSENCES_OVERLAP — each finding the step introduces (introducedFindings: one the recorded past already had,
 * on the line a moved line continues or the unit a successor carries on, is not blamed on it), said of the state
 * after it ("调整后…"), for the whole step (itemIndex null). Nothing may be written when any is found.
 *
 * @example planDepartmentChange(facts, { op: 'MERGE', departmentIds: ['dept:grain', 'dept:development-reform'], into: { existingId: 'dept:development-reform' }, … }, mint).lineage
 */
export function planDepartmentChange(facts: DirectoryFacts, change: DepartmentChange, newId: (kind: MintedKind, n: number) => string): DepartmentPlan {
  const plan = planStep(facts, change, newId);
  return plan.violations.length > 0 ? plan : { ...plan, violations: stepViolations(facts, plan) };
}

/**
 * The facts as they will be once the step is written: units created, closed and renamed, lines and AB pairs closed and
 * opened, in the order the store reads them (recorded facts first, the new ones after). A new object; the input is not
 * mutated.
 */
export function factsAfterStep(facts: DirectoryFacts, plan: Omit<DepartmentPlan, 'violations'>): DirectoryFacts {
  const units = new Map<string, DepartmentFact>();
  for (const d of plan.renames) units.set(d.id, d);
  for (const d of plan.closes) units.set(d.id, { ...(units.get(d.id) ?? d), validTo: d.validTo });
  const lines = new Map(plan.lineCloses.map((l) => [l.id, l]));
  const pairs = new Map(plan.backupCloses.map((b) => [b.id, b]));
  return {
    ...facts,
    departments: [...facts.departments.map((d) => units.get(d.id) ?? d), ...plan.creates],
    assignments: [...facts.assignments.map((a) => lines.get(a.id) ?? a), ...plan.lineOpens],
    backups: [...facts.backups.map((b) => pairs.get(b.id) ?? b), ...plan.backupOpens],
  };
}

/** The lineage kinds through which lines move: a unit ends and others carry on its work. */
const CARRYING_KINDS: readonly LineageKind[] = ['MERGE', 'SPLIT', 'ABOLISH'];

/**
 * The line that `line` continues through the units' lineage (机构改革), or null: its unit is the successor of a
 * merge, split or abolition dated the line's validFrom, the predecessor unit ended that day, and it had a line with
 * the same leader, kind, principal, work area, subject, decision and 文号 ending that day — the line a step moves
 * (planDepartmentChange) continues the one it closes.
 *
 * @example continuedLine(after, plan.lineage, movedLine)?.id // 'line:zhao-min-health'
 */
export function continuedLine(facts: DirectoryFacts, lineage: readonly LineageFact[], line: AssignmentFact): AssignmentFact | null {
  if (line.departmentId === null) return null;
  for (const step of lineage) {
    if (step.successorId !== line.departmentId || step.date !== line.validFrom || step.predecessorId === step.successorId || !CARRYING_KINDS.includes(step.kind)) continue;
    const predecessor = facts.departments.find((d) => d.id === step.predecessorId);
    if (predecessor === undefined || predecessor.validTo !== step.date) continue;
    const continued = facts.assignments.find(
      (a) =>
        a.departmentId === step.predecessorId && a.validTo === step.date && a.leaderId === line.leaderId && a.kind === line.kind &&
        a.principalId === line.principalId && a.workAreaId === line.workAreaId && a.subject === line.subject &&
        a.decisionId === line.decisionId && a.document === line.document && a.jurisdictionId === line.jurisdictionId,
    );
    if (continued !== undefined) return continued;
  }
  return null;
}

/**
 * The day R7 measures a recorded line's decision to (its age, the presiding leader's mandate, its timing): the line's
 * validFrom, or — for a line carried over by the units' lineage (continuedLine) — the validFrom of the line it
 * continues, through every step of the chain. A 机构改革 moves a line without a new meeting: the line is the one the
 * decision made.
 *
 * @example decisionDateOf(after, plan.lineage, movedLine) // '2026-04-01', the day the moved line's original began
 */
export function decisionDateOf(facts: DirectoryFacts, lineage: readonly LineageFact[], line: AssignmentFact): IsoDate {
  return firstOfChain(line, (l) => continuedLine(facts, lineage, l));
}

/**
 * The AB pair that `pair` continues through the units' lineage, or null: a merge, split or abolition dated the pair's
 * validFrom ended a unit that day, and a pair of the same A, B and decision ended that day excepting that unit, which
 * `pair` no longer excepts — the pair a step re-opens (planDepartmentChange, backupOpens) continues the one it closes.
 *
 * @example continuedPair(after, plan.lineage, plan.backupOpens[0])?.id // 'backup:wang-zhao'
 */
export function continuedPair(facts: DirectoryFacts, lineage: readonly LineageFact[], pair: BackupFact): BackupFact | null {
  for (const step of lineage) {
    if (step.date !== pair.validFrom || step.predecessorId === step.successorId || !CARRYING_KINDS.includes(step.kind)) continue;
    if (pair.exceptTargetIds.includes(step.predecessorId) || facts.departments.find((d) => d.id === step.predecessorId)?.validTo !== step.date) continue;
    const continued = facts.backups.find(
      (b) =>
        b.validTo === step.date && b.leaderId === pair.leaderId && b.backupId === pair.backupId && b.decisionId === pair.decisionId &&
        b.jurisdictionId === pair.jurisdictionId && b.exceptTargetIds.includes(step.predecessorId),
    );
    if (continued !== undefined) return continued;
  }
  return null;
}

/**
 * The day R7 measures a recorded AB pair's decision to: as decisionDateOf for a line, the validFrom of the pair a
 * 机构改革 re-opened it from (continuedPair), through every step of the chain.
 *
 * @example pairDecisionDateOf(after, plan.lineage, plan.backupOpens[0]) // '2026-01-01'
 */
export function pairDecisionDateOf(facts: DirectoryFacts, lineage: readonly LineageFact[], pair: BackupFact): IsoDate {
  return firstOfChain(pair, (b) => continuedPair(facts, lineage, b));
}

/** The validFrom of the first fact of the chain `previous` walks back from `fact` (each fact once). */
function firstOfChain<F extends { readonly id: string; readonly validFrom: IsoDate }>(fact: F, previous: (f: F) => F | null): IsoDate {
  let current = fact;
  const seen = new Set<string>([fact.id]);
  for (let before = previous(current); before !== null && !seen.has(before.id); before = previous(current)) {
    seen.add(before.id);
    current = before;
  }
  return current.validFrom;
}

/** The invariants the step would break (introducedFindings on the state after it), said of that state for the whole step. */
function stepViolations(facts: DirectoryFacts, plan: DepartmentPlan): Refusal[] {
  const after = factsAfterStep(facts, plan);
  const lines = new Map(plan.lineMoves.map((m) => [m.openedId, m.closedId]));
  const units = new Map<string, string[]>();
  for (const step of plan.lineage) {
    if (step.successorId === null || step.successorId === step.predecessorId) continue;
    units.set(step.successorId, [...(units.get(step.successorId) ?? []), step.predecessorId]);
  }
  const backups = new Map(plan.backupMoves.map((m) => [m.openedId, m.closedId]));
  const continuity: Continuity = { lines, units, backups };
  // A finding about a moved line (not about a unit or the presidency, which name the lines that ended) names the line it continues.
  const aboutLine = (f: RecordedFinding) => f.entity === 'ASSIGNMENT' && f.code !== 'SUPERVISOR_LOST' && f.code !== 'PRESIDES_NOT_UNIQUE' && lines.has(f.factId);
  const continues = (f: RecordedFinding) =>
    aboutLine(f) ? { continuesLineId: lines.get(f.factId) } : f.entity === 'BACKUP' && backups.has(f.factId) ? { continuesBackupId: backups.get(f.factId) } : {};
  return introducedFindings(facts, after, continuity).map((f) => violation(f.code, `调整后${f.message}`, { ...f.details, ...continues(f) }));
}

function planStep(facts: DirectoryFacts, change: DepartmentChange, newId: (kind: MintedKind, n: number) => string): DepartmentPlan {
  const refuse = (...violations: Refusal[]): DepartmentPlan => ({ ...EMPTY, violations });
  if (change.document === null || change.document.trim() === '') {
    return refuse(violation('DOCUMENT_REQUIRED', '机构设立、更名、合并、分设和撤销须写明机构编制部门或党委的文件文号', { field: 'document' }));
  }
  const on = change.on;
  const mine = (id: string) => facts.departments.find((d) => d.id === id && d.jurisdictionId === facts.jurisdiction.id);
  const found: Refusal[] = [];
  const active = (id: string, role: string): DepartmentFact | null => {
    const unit = mine(id);
    if (unit === undefined) {
      found.push(violation('UNKNOWN_REFERENCE', `找不到${role}：${id}`, { departmentId: id }));
      return null;
    }
    if (!covers(unit, on)) {
      found.push(violation('UNIT_NOT_ACTIVE', `${unit.name}在${on}未设立或已撤销`, { departmentId: id, on }));
      return null;
    }
    return unit;
  };
  const ending = (id: string): DepartmentFact | null => {
    const unit = active(id, '部门');
    if (unit === null) return null;
    if (unit.validFrom === on) {
      found.push(violation('UNIT_NOT_ACTIVE', `${unit.name}自${on}起才设立，不能同日撤并`, { departmentId: id, on }));
      return null;
    }
    // A line that starts on the day or later would outlive its unit (it cannot be closed on the day it starts).
    const later = facts.assignments.filter((a) => a.departmentId === id && a.validFrom >= on);
    if (later.length > 0) {
      found.push(
        violation('UNIT_NOT_ACTIVE', `${unit.name}自${on}起撤并，但有${on}当日或以后才开始的分工：${later.map((a) => `“${describeLine(facts, a)}”`).join('、')}`, {
          departmentId: id, lineIds: later.map((a) => a.id),
        }),
      );
    }
    // A pair that starts on the day or later cannot be closed on it: its exception is for the pair's own re-division to move.
    const laterPairs = facts.backups.filter((b) => b.exceptTargetIds.includes(id) && b.validFrom >= on);
    if (laterPairs.length > 0) {
      found.push(
        violation('UNIT_NOT_ACTIVE', `${unit.name}自${on}起撤并，但有${on}起或以后才开始、将其除外的AB角安排：${laterPairs.map((b) => `“${describeBackup(facts, b)}”`).join('、')}`, {
          departmentId: id, backupIds: laterPairs.map((b) => b.id),
        }),
      );
    }
    return later.length > 0 || laterPairs.length > 0 ? null : unit;
  };
  const fresh = (unit: NewUnit, taken: Set<string>): DepartmentFact | null => {
    const name = unit.name.trim();
    const clash =
      facts.departments.find((d) => d.id === unit.id) ??
      facts.departments.find((d) => d.jurisdictionId === facts.jurisdiction.id && d.name === name && covers(d, on) && !taken.has(d.id));
    if (clash !== undefined) {
      found.push(violation('NAME_IN_USE', `${clash.id === unit.id ? `编号${unit.id}` : `名称“${name}”`}已被${clash.name}使用`, { departmentId: clash.id }));
      return null;
    }
    return {
      id: unit.id, jurisdictionId: facts.jurisdiction.id, name, kind: unit.kind, aliases: [...unit.aliases], headName: null, headContact: null,
      validFrom: on, validTo: null,
    };
  };
  let lineageCount = 0;
  const lineage = (kind: LineageKind, predecessorId: string, successorId: string | null, formerName: string | null = null): LineageFact => ({
    id: newId('LINEAGE', (lineageCount += 1)), jurisdictionId: facts.jurisdiction.id, kind, predecessorId, successorId, date: on,
    document: change.document, formerName,
  });

  switch (change.op) {
    case 'CREATE': {
      const unit = fresh(change.unit, new Set());
      if (unit === null) return refuse(...found);
      return { ...EMPTY, creates: [unit], violations: [] };
    }
    case 'RENAME': {
      const unit = active(change.departmentId, '部门');
      if (unit === null) return refuse(...found);
      const name = change.name.trim();
      if (name === unit.name) return refuse(violation('NO_CHANGE', `${unit.name}的名称未变`, { departmentId: unit.id }));
      const clash = facts.departments.find((d) => d.id !== unit.id && d.jurisdictionId === facts.jurisdiction.id && d.name === name && covers(d, on));
      if (clash !== undefined) return refuse(violation('NAME_IN_USE', `名称“${name}”已被${clash.id}使用`, { departmentId: clash.id }));
      const renamed: DepartmentFact = { ...unit, name, aliases: [...unit.aliases.filter((a) => a !== name && a !== unit.name), unit.name] };
      return { ...EMPTY, renames: [renamed], lineage: [lineage('RENAME', unit.id, unit.id, unit.name)], violations: [] };
    }
    case 'MERGE': {
      if (new Set(change.departmentIds).size < 2) {
        return refuse(violation('TARGET_MISMATCH', '合并须至少涉及两个不同的部门', { departmentIds: change.departmentIds }));
      }
      const absorbing = 'existingId' in change.into ? active(change.into.existingId, '并入的部门') : null;
      const absorbingId = 'existingId' in change.into ? change.into.existingId : null;
      const predecessors = change.departmentIds.filter((id) => id !== absorbingId).map(ending);
      const successor = 'existingId' in change.into ? absorbing : fresh(change.into, new Set(change.departmentIds));
      if (found.length > 0 || successor === null) return refuse(...found);
      const units = predecessors as DepartmentFact[];
      return withLines(facts, on, units, [successor], {
        ...EMPTY,
        creates: 'existingId' in change.into ? [] : [successor],
        closes: units.map((u) => ({ ...u, validTo: on })),
        lineage: units.map((u) => lineage('MERGE', u.id, successor.id)),
      }, newId);
    }
    case 'SPLIT': {
      if (change.into.length < 2) return refuse(violation('TARGET_MISMATCH', '分设须至少分为两个部门', { into: change.into.map((u) => u.id) }));
      const unit = ending(change.departmentId);
      const taken = new Set([change.departmentId]);
      const successors = change.into.map((u) => fresh(u, taken));
      if (new Set(change.into.map((u) => u.id)).size !== change.into.length || new Set(change.into.map((u) => u.name.trim())).size !== change.into.length) {
        found.push(violation('NAME_IN_USE', '分设后的部门编号和名称须各不相同', { into: change.into.map((u) => u.id) }));
      }
      if (found.length > 0 || unit === null) return refuse(...found);
      const created = successors as DepartmentFact[];
      return withLines(facts, on, [unit], created, {
        ...EMPTY,
        creates: created,
        closes: [{ ...unit, validTo: on }],
        lineage: created.map((s) => lineage('SPLIT', unit.id, s.id)),
      }, newId);
    }
    case 'ABOLISH': {
      const unit = ending(change.departmentId);
      const heir = change.transferToId === null ? null : active(change.transferToId, '承接职能的部门');
      if (change.transferToId !== null && change.transferToId === change.departmentId) {
        found.push(violation('TARGET_MISMATCH', '撤销的部门不能承接自己的职能', { departmentId: change.departmentId }));
      }
      if (found.length > 0 || unit === null) return refuse(...found);
      return withLines(facts, on, [unit], heir === null ? [] : [heir], {
        ...EMPTY,
        closes: [{ ...unit, validTo: on }],
        lineage: [lineage('ABOLISH', unit.id, heir === null ? null : heir.id)],
      }, newId);
    }
    default:
      throw new UnreachableCaseError(change);
  }
}

/** Closes the lines of the ending units on `on` and opens their copies on every successor (once per leader, kind, principal). */
function withLines(
  facts: DirectoryFacts,
  on: IsoDate,
  ending: readonly DepartmentFact[],
  successors: readonly DepartmentFact[],
  plan: Omit<DepartmentPlan, 'violations'>,
  newId: (kind: MintedKind, n: number) => string,
): DepartmentPlan {
  const endingIds = new Set(ending.map((u) => u.id));
  const lineCloses = facts.assignments
    .filter((a) => a.departmentId !== null && endingIds.has(a.departmentId) && covers(a, on) && a.validFrom < on)
    .map((a) => ({ ...a, validTo: on }));
  const violations: Refusal[] = [];
  const lineOpens: AssignmentFact[] = [];
  const lineMoves: { openedId: string; closedId: string }[] = [];
  const seen = new Set<string>();
  let n = 0;
  // Of the lines a leader holds alike in several ending units, the one that runs longest moves (it covers the others).
  const until = (a: AssignmentFact) => a.validTo ?? '9999-12-31';
  const originals = lineCloses
    .map((closed) => facts.assignments.find((a) => a.id === closed.id) as AssignmentFact)
    .sort((a, b) => compareText(until(b), until(a)));
  const alike = (a: AssignmentFact, b: AssignmentFact) =>
    a.leaderId === b.leaderId && a.kind === b.kind && a.principalId === b.principalId && a.workAreaId === b.workAreaId && a.subject === b.subject;
  for (const original of originals) {
    for (const successor of successors) {
      const key = `${original.leaderId}|${original.kind}|${original.principalId ?? ''}|${original.workAreaId ?? ''}|${original.subject ?? ''}|${successor.id}`;
      const already = facts.assignments.some((a) => a.departmentId === successor.id && alike(a, original) && covers(a, on));
      if (seen.has(key) || already) continue;
      seen.add(key);
      const copy: AssignmentFact = { ...original, id: newId('LINE', (n += 1)), departmentId: successor.id, validFrom: on, validTo: original.validTo };
      for (const f of lineShapeViolations(copy, successor)) {
        violations.push(violation(f.code, `“${describeLine(facts, original)}”不能转到${successor.name}：${f.message}`, { ...f.details, lineId: original.id }));
      }
      lineOpens.push(copy);
      lineMoves.push({ openedId: copy.id, closedId: original.id });
    }
  }
  return { ...plan, lineCloses, lineOpens, lineMoves, ...withExceptions(facts, on, endingIds, successors.map((s) => s.id), newId), violations };
}

/**
 * Closes on `on` the AB pairs in force then (begun before it) whose exceptions name an ending unit, and opens their
 * copies from `on` with each ending unit replaced by the successors (R5: the exception follows the unit's lineage).
 */
function withExceptions(
  facts: DirectoryFacts,
  on: IsoDate,
  endingIds: ReadonlySet<string>,
  successorIds: readonly string[],
  newId: (kind: MintedKind, n: number) => string,
): Pick<DepartmentPlan, 'backupCloses' | 'backupOpens' | 'backupMoves'> {
  const named = facts.backups.filter((b) => covers(b, on) && b.validFrom < on && b.exceptTargetIds.some((t) => endingIds.has(t)));
  const backupOpens = named.map((b, i): BackupFact => ({
    ...b,
    id: newId('BACKUP', i + 1),
    exceptTargetIds: [...new Set(b.exceptTargetIds.flatMap((t) => (endingIds.has(t) ? successorIds : [t])))],
    validFrom: on,
  }));
  return {
    backupCloses: named.map((b) => ({ ...b, validTo: on })),
    backupOpens,
    backupMoves: backupOpens.map((b, i) => ({ openedId: b.id, closedId: named[i].id })),
  };
}

/** A unit's lineage: the units it continues and the units that continue it, each distinct, in step order (date, then id). */
export interface UnitLineage {
  readonly predecessorIds: readonly string[];
  readonly successorIds: readonly string[];
}

/** The lineage of `unitId` from its government's recorded steps (a RENAME, which continues the unit itself, names neither). */
export function unitLineage(facts: DirectoryFacts, unitId: string): UnitLineage {
  const distinct = (ids: readonly string[]) => [...new Set(ids)];
  return {
    predecessorIds: distinct(facts.lineage.filter((l) => l.successorId === unitId && l.predecessorId !== unitId).map((l) => l.predecessorId)),
    successorIds: distinct(facts.lineage.flatMap((l) => (l.predecessorId === unitId && l.successorId !== null && l.successorId !== unitId ? [l.successorId] : []))),
  };
}
