// Pure: no I/O, no clock. The life cycle of units (机构改革): create, rename, merge, split, abolish — with lineage
// (predecessor → successor, like GOV.UK's and Wikidata's reorganisation lineage) and, in the same atomic change, the
// portfolio lines of the units that end: each moves to the successor(s) with the same leader, or ends with the unit.
import type { DepartmentKind, LineageKind } from './vocabulary';
import type { AssignmentFact, DepartmentFact, DirectoryFacts, IsoDate } from './facts';
import type { Refusal, ViolationCode } from './violation';
import { UnreachableCaseError } from './errors';
import { covers } from './interval';
import { describeLine } from './describe';
import { lineShapeViolations } from './line-rules';

/** One step of a unit's lineage: on `date` the predecessor became (part of) the successor. */
export interface LineageFact {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly kind: LineageKind;
  readonly predecessorId: string;
  /** Null for an abolished unit whose work nobody takes over; the unit itself for a RENAME. */
  readonly successorId: string | null;
  readonly date: IsoDate;
  readonly document: string | null;
  /** RENAME: the name before. */
  readonly formerName: string | null;
}

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
  readonly violations: readonly Refusal[];
}

function violation(code: ViolationCode, message: string, details: Record<string, unknown>): Refusal {
  return { itemIndex: null, code, message, details };
}

const EMPTY: Omit<DepartmentPlan, 'violations'> = { creates: [], closes: [], renames: [], lineage: [], lineCloses: [], lineOpens: [] };

/**
 * Plans one 机构改革 step. Refusals: DOCUMENT_REQUIRED; UNKNOWN_REFERENCE (a unit not of this government);
 * UNIT_NOT_ACTIVE (a unit that does not exist on `on`, or that began on it, or that has a line starting later — an
 * ending unit must have no future lines); NAME_IN_USE (an id, or a name of a unit in existence on `on`, taken);
 * NO_CHANGE (a rename to its own name); BAD shapes (a merge of fewer than two units, a split into fewer than two)
 * as INVALID_INTERVAL-free TARGET_MISMATCH; and the line rules on the moved lines (R4: a 分管 line cannot move to a
 * unit outside the government's line — OUTSIDE_GOVERNMENT_LINE).
 *
 * @example planDepartmentChange(facts, { op: 'MERGE', departmentIds: ['dept:grain', 'dept:development-reform'], into: { existingId: 'dept:development-reform' }, … }, mint).lineage
 */
export function planDepartmentChange(facts: DirectoryFacts, change: DepartmentChange, newId: (kind: 'LINEAGE' | 'LINE', n: number) => string): DepartmentPlan {
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
    const later = facts.assignments.filter((a) => a.departmentId === id && a.validFrom > on);
    if (later.length > 0) {
      found.push(
        violation('UNIT_NOT_ACTIVE', `${unit.name}自${on}起撤并，但有${on}以后才开始的分工：${later.map((a) => `“${describeLine(facts, a)}”`).join('、')}`, {
          departmentId: id, lineIds: later.map((a) => a.id),
        }),
      );
      return null;
    }
    return unit;
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
  newId: (kind: 'LINEAGE' | 'LINE', n: number) => string,
): DepartmentPlan {
  const endingIds = new Set(ending.map((u) => u.id));
  const lineCloses = facts.assignments
    .filter((a) => a.departmentId !== null && endingIds.has(a.departmentId) && covers(a, on) && a.validFrom < on)
    .map((a) => ({ ...a, validTo: on }));
  const violations: Refusal[] = [];
  const lineOpens: AssignmentFact[] = [];
  const seen = new Set<string>();
  let n = 0;
  for (const closed of lineCloses) {
    const original = facts.assignments.find((a) => a.id === closed.id) as AssignmentFact;
    for (const successor of successors) {
      const key = `${original.leaderId}|${original.kind}|${original.principalId ?? ''}|${successor.id}`;
      const already = facts.assignments.some(
        (a) => a.departmentId === successor.id && a.leaderId === original.leaderId && a.kind === original.kind && a.principalId === original.principalId && covers(a, on),
      );
      if (seen.has(key) || already) continue;
      seen.add(key);
      const copy: AssignmentFact = { ...original, id: newId('LINE', (n += 1)), departmentId: successor.id, validFrom: on, validTo: original.validTo };
      for (const f of lineShapeViolations(copy, successor)) {
        violations.push(violation(f.code, `“${describeLine(facts, original)}”不能转到${successor.name}：${f.message}`, { ...f.details, lineId: original.id }));
      }
      lineOpens.push(copy);
    }
  }
  return { ...plan, lineCloses, lineOpens, violations };
}
