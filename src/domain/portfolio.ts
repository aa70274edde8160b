// Pure: no I/O, no clock. Portfolio lines (分管/协助/联系/负责) in force on a date, and the validity of 协助 lines.
import { DEPARTMENT_KINDS, GOVERNMENT_LINE_KINDS } from './vocabulary';
import type { DepartmentKind } from './vocabulary';
import type { AssignmentFact, DepartmentFact, DirectoryFacts, IsoDate } from './facts';
import { covers } from './interval';
import { compareBy, compareText } from './order';
import { indexBy, memoOn } from './memo';

/** Every portfolio line covering `on`, by id (R12: the date is an argument, any date). */
export function linesOn(facts: DirectoryFacts, on: IsoDate): readonly AssignmentFact[] {
  return memoOn(facts, 'linesOn', on, () => facts.assignments.filter((a) => covers(a, on)).sort((a, b) => compareText(a.id, b.id)));
}

/** The leader's lines covering `on`, by id ("what does leader Y oversee"). */
export function linesOfLeader(facts: DirectoryFacts, leaderId: string, on: IsoDate): readonly AssignmentFact[] {
  return memoOn(facts, 'linesByLeader', on, () => indexBy(linesOn(facts, on), (a) => a.leaderId)).get(leaderId) ?? [];
}

/** Every line of any kind whose target is the department, covering `on`. */
export function linesForDepartment(facts: DirectoryFacts, departmentId: string, on: IsoDate): readonly AssignmentFact[] {
  return memoOn(facts, 'linesByDepartment', on, () => indexBy(linesOn(facts, on), (a) => a.departmentId)).get(departmentId) ?? [];
}

/** Every line of any kind whose target is the work area, covering `on`. */
export function linesForWorkArea(facts: DirectoryFacts, workAreaId: string, on: IsoDate): readonly AssignmentFact[] {
  return memoOn(facts, 'linesByWorkArea', on, () => indexBy(linesOn(facts, on), (a) => a.workAreaId)).get(workAreaId) ?? [];
}

/** The department or work area a line points at; null for PRESIDES and for a COORDINATES line with only a subject. */
export function lineTargetId(line: AssignmentFact): string | null {
  return line.departmentId ?? line.workAreaId;
}

/** True for the kinds a leader may direct (R3); the others are only liaised with (R4). */
export function isGovernmentLine(kind: DepartmentKind): boolean {
  return GOVERNMENT_LINE_KINDS.includes(kind);
}

/** Department listing order: government line first, then by DEPARTMENT_KINDS order, then name, then id. */
export function compareDepartments(a: DepartmentFact, b: DepartmentFact): number {
  return compareBy(
    Number(!isGovernmentLine(a.kind)) - Number(!isGovernmentLine(b.kind)),
    DEPARTMENT_KINDS.indexOf(a.kind) - DEPARTMENT_KINDS.indexOf(b.kind),
    compareText(a.name, b.name),
    compareText(a.id, b.id),
  );
}

/**
 * The principal's own line to the same target, if he holds one on `on` (a line of any kind but ASSISTS).
 * 协助 (docs/domain.md glossary, docs/rules.md R10): e.g. 协助区长分管审计工作; holds only while the principal himself
 * holds that target.
 */
export function principalLine(facts: DirectoryFacts, line: AssignmentFact, on: IsoDate): AssignmentFact | undefined {
  if (line.kind !== 'ASSISTS' || line.principalId === null || lineTargetId(line) === null) return undefined;
  return linesOfLeader(facts, line.principalId, on).find(
    (p) =>
      p.kind !== 'ASSISTS' &&
      (line.departmentId === null ? p.workAreaId === line.workAreaId : p.departmentId === line.departmentId),
  );
}

/**
 * An ASSISTS line holds on `on` only while it covers `on` and its principal holds the same department or
 * work area by a line of his own covering `on` (协助, docs/rules.md R10: an assist under an assist does not count).
 * Lines of other kinds are not assists: false.
 *
 * @example assistIsValid(facts, sunLiAssistsOnDevelopmentReform, '2026-03-16') // true: 李明 still 分管 it
 * @example assistIsValid(facts, sunLiAssistsOnDevelopmentReform, '2026-04-15') // false: 李明's line ended
 */
export function assistIsValid(facts: DirectoryFacts, line: AssignmentFact, on: IsoDate): boolean {
  return line.kind === 'ASSISTS' && covers(line, on) && principalLine(facts, line, on) !== undefined;
}

/** ASSISTS lines covering `on` whose principal no longer holds their target (shown by coverage, R10). */
export function orphanedAssists(facts: DirectoryFacts, on: IsoDate): AssignmentFact[] {
  return linesOn(facts, on).filter((a) => a.kind === 'ASSISTS' && !assistIsValid(facts, a, on));
}
