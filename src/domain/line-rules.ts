// Pure: no I/O, no clock. The one statement of what a portfolio line or an AB pair may point at (docs/domain.md
// glossary), who may hold it and R4 (联系 is not direction), shared by changesets and by every import (seeds, Popolo
// files, notices).
import type { AssignmentKind } from './vocabulary';
import type { DepartmentFact, DirectoryFacts, IsoDate } from './facts';
import type { ViolationCode, WarningCode } from './violation';
import { UnreachableCaseError } from './errors';
import { departmentKindLabel, leaderName } from './describe';
import { covers } from './interval';
import { isGovernmentLine } from './portfolio';
import { leadershipTeam } from './team';

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

/** The government's own unit by that id (a unit of another government is unknown here). */
export function ownDepartment(facts: DirectoryFacts, departmentId: string): DepartmentFact | undefined {
  return facts.departments.find((d) => d.id === departmentId && d.jurisdictionId === facts.jurisdiction.id);
}

/** True when the leader holds an appointment of the government on `on` (he is on its team). */
export function isTeamMember(facts: DirectoryFacts, leaderId: string, on: IsoDate): boolean {
  return leadershipTeam(facts, on).some((m) => m.leader.id === leaderId);
}

/**
 * Who may hold a line or a side of an AB pair on `on` (its first day): a leader of this government
 * (UNKNOWN_REFERENCE) on its team that day (NOT_IN_TEAM). `field` names the input he comes from (leaderId, backupId, …).
 */
export function holderViolations(facts: DirectoryFacts, leaderId: string, on: IsoDate, field: string): LineFinding[] {
  if (!facts.leaders.some((l) => l.id === leaderId && l.jurisdictionId === facts.jurisdiction.id)) {
    return [{ code: 'UNKNOWN_REFERENCE', message: `找不到领导：${leaderId}`, details: { [field]: leaderId } }];
  }
  if (isTeamMember(facts, leaderId, on)) return [];
  return [
    {
      code: 'NOT_IN_TEAM',
      message: `${leaderName(facts, leaderId)}在${on}不是${facts.jurisdiction.name}政府班子成员`,
      details: { [field]: leaderId, on },
    },
  ];
}

/**
 * What a line names must be this government's: its unit, work area and principal (UNKNOWN_REFERENCE), and its unit
 * must exist on `on`, the line's first day (UNIT_NOT_ACTIVE).
 */
export function lineReferenceViolations(facts: DirectoryFacts, target: LineShape, on: IsoDate): LineFinding[] {
  const found: LineFinding[] = [];
  if (target.departmentId !== null) {
    const department = ownDepartment(facts, target.departmentId);
    if (department === undefined) {
      found.push({ code: 'UNKNOWN_REFERENCE', message: `找不到部门：${target.departmentId}`, details: { departmentId: target.departmentId } });
    } else if (!covers(department, on)) {
      found.push({ code: 'UNIT_NOT_ACTIVE', message: `${department.name}在${on}未设立或已撤销`, details: { departmentId: department.id, on } });
    }
  }
  const workAreaId = target.workAreaId;
  if (workAreaId !== null && !facts.workAreas.some((w) => w.id === workAreaId && w.jurisdictionId === facts.jurisdiction.id)) {
    found.push({ code: 'UNKNOWN_REFERENCE', message: `找不到工作领域：${workAreaId}`, details: { workAreaId } });
  }
  const principalId = target.principalId;
  if (principalId !== null && !facts.leaders.some((l) => l.id === principalId && l.jurisdictionId === facts.jurisdiction.id)) {
    found.push({ code: 'UNKNOWN_REFERENCE', message: `找不到主责领导：${principalId}`, details: { principalId } });
  }
  return found;
}

/** What makes an AB pair the pair it is: A, his B and what B does not take over. */
export interface PairShape {
  readonly leaderId: string;
  readonly backupId: string;
  readonly exceptTargetIds: readonly string[];
}

/**
 * Refusals of an AB pair's shape (R5): SELF_BACKUP (a leader as his own B), then UNKNOWN_REFERENCE for an excepted
 * unit or work area that is not this government's. Who holds it: holderViolations, for A and for B.
 */
export function pairShapeViolations(facts: DirectoryFacts, pair: PairShape): LineFinding[] {
  const found: LineFinding[] = [];
  if (pair.leaderId === pair.backupId) {
    found.push({ code: 'SELF_BACKUP', message: `${leaderName(facts, pair.leaderId)}不能做自己的B角`, details: { leaderId: pair.leaderId } });
  }
  for (const targetId of pair.exceptTargetIds) {
    const known =
      ownDepartment(facts, targetId) !== undefined ||
      facts.workAreas.some((w) => w.id === targetId && w.jurisdictionId === facts.jurisdiction.id);
    if (!known) found.push({ code: 'UNKNOWN_REFERENCE', message: `找不到除外的部门或工作领域：${targetId}`, details: { exceptTargetId: targetId } });
  }
  return found;
}
