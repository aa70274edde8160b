// Pure: no I/O, no clock. The one statement of what a portfolio line may point at (docs/domain.md glossary) and R4
// (联系 is not direction), shared by changesets and by every import (seeds, Popolo files, notices).
import type { AssignmentKind } from './vocabulary';
import type { DepartmentFact } from './facts';
import type { ViolationCode, WarningCode } from './violation';
import { UnreachableCaseError } from './errors';
import { departmentKindLabel } from './describe';
import { isGovernmentLine } from './portfolio';

/** What makes a line the line it is: its kind, holder and target. */
export interface LineShape {
  readonly kind: AssignmentKind;
  readonly leaderId: string;
  readonly departmentId: string | null;
  readonly workAreaId: string | null;
  readonly principalId: string | null;
  readonly subject: string | null;
}

/** A finding about one line, before it is pinned on a changeset item or a dataset row. */
export interface LineFinding<C extends ViolationCode | WarningCode = ViolationCode> {
  readonly code: C;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** The target a line of this kind needs (docs/domain.md glossary), or null when it has one. */
export function lineTargetRequirement(target: LineShape): string | null {
  const hasUnit = target.departmentId !== null;
  const hasArea = target.workAreaId !== null;
  const hasPrincipal = target.principalId !== null;
  const hasSubject = target.subject !== null;
  switch (target.kind) {
    case 'PRESIDES':
      return !hasUnit && !hasArea && !hasPrincipal && !hasSubject ? null : '主持全面工作不指向具体部门、工作领域、主责领导或事项';
    case 'RESPONSIBLE_FOR':
      return hasArea && !hasUnit && !hasPrincipal && !hasSubject ? null : '“负责”须指向一个工作领域，且只指向工作领域';
    case 'SUPERVISES':
      return hasUnit !== hasArea && !hasPrincipal && !hasSubject ? null : '“分管”须指向一个部门或一个工作领域（二者选一），不带主责领导或事项';
    case 'LIAISES_WITH':
      return hasUnit && !hasArea && !hasPrincipal && !hasSubject ? null : '“联系”须指向一个单位，且只指向单位';
    case 'ASSISTS':
      return hasPrincipal && target.principalId !== target.leaderId && hasUnit !== hasArea && !hasSubject
        ? null
        : '“协助”须写明主责领导（不能是本人）和一个部门或工作领域（二者选一）';
    case 'COORDINATES':
      return target.subject !== null && target.subject.trim() !== '' && !hasPrincipal ? null : '“牵头协调”须写明协调事项，不带主责领导';
    default:
      throw new UnreachableCaseError(target.kind);
  }
}

/**
 * Refusals of a line's shape: TARGET_MISMATCH (the target does not fit the kind), then R4's OUTSIDE_GOVERNMENT_LINE
 * (分管 of a unit that is only liaised with: "VERTICAL / JUDICIAL / MASS_ORGANIZATION / STATE_ENTERPRISE units are
 * liaised with; R3 does not reach them"). `department` is the line's unit when known.
 *
 * @example lineShapeViolations({ kind: 'SUPERVISES', departmentId: 'dept:tax', … }, taxBureau)[0].code // 'OUTSIDE_GOVERNMENT_LINE'
 */
export function lineShapeViolations(target: LineShape, department: DepartmentFact | undefined): LineFinding[] {
  const requirement = lineTargetRequirement(target);
  if (requirement !== null) {
    return [
      {
        code: 'TARGET_MISMATCH',
        message: requirement,
        details: {
          kind: target.kind,
          departmentId: target.departmentId,
          workAreaId: target.workAreaId,
          principalId: target.principalId,
          subject: target.subject,
        },
      },
    ];
  }
  if (target.kind !== 'SUPERVISES' || department === undefined || isGovernmentLine(department.kind)) return [];
  return [
    {
      code: 'OUTSIDE_GOVERNMENT_LINE',
      message: `${department.name}是${departmentKindLabel(department.kind)}，不属于政府工作部门，只能联系、不能分管（R4）`,
      details: { departmentId: department.id, departmentKind: department.kind },
    },
  ];
}

/** docs/rules.md R4: 联系 of a unit the government directs is odd (it should be 分管) but not wrong: a warning, or null. */
export function lineShapeWarning(target: LineShape, department: DepartmentFact | undefined): LineFinding<WarningCode> | null {
  if (target.kind !== 'LIAISES_WITH' || department === undefined || !isGovernmentLine(department.kind)) return null;
  return {
    code: 'LIAISON_TO_GOVERNMENT_UNIT',
    message: `${department.name}是${departmentKindLabel(department.kind)}，通常由领导分管而不是联系（R4）`,
    details: { departmentId: department.id, departmentKind: department.kind },
  };
}
