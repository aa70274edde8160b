// Pure: no I/O, no clock. Chinese sentences for explanation chains (R6): names spelled out, ids never shown to people.
import type { ChainStep } from './verdict';
import type { DecisionCategory, DepartmentKind, MeetingKind } from './vocabulary';
import type {
  AbsenceFact,
  AppointmentFact,
  AssignmentFact,
  BackupFact,
  DepartmentFact,
  DirectoryFacts,
  MeetingFact,
} from './facts';
import { UnreachableCaseError } from './errors';

/** The leader's name, or his id when the facts do not name him. */
export function leaderName(facts: DirectoryFacts, leaderId: string): string {
  return facts.leaders.find((l) => l.id === leaderId)?.name ?? leaderId;
}

/** The department's name, or its id when unknown. */
export function departmentName(facts: DirectoryFacts, departmentId: string): string {
  return facts.departments.find((d) => d.id === departmentId)?.name ?? departmentId;
}

/** The work area's name, or its id when unknown. */
export function workAreaName(facts: DirectoryFacts, workAreaId: string): string {
  return facts.workAreas.find((w) => w.id === workAreaId)?.name ?? workAreaId;
}

/** The Chinese label of a department kind, e.g. 垂直管理单位. */
export function departmentKindLabel(kind: DepartmentKind): string {
  switch (kind) {
    case 'CONSTITUENT':
      return '政府组成部门';
    case 'AFFILIATED':
      return '政府直属机构';
    case 'AGENCY':
      return '政府派出机构';
    case 'SUBDISTRICT':
      return '街道（乡镇）';
    case 'VERTICAL':
      return '垂直管理单位';
    case 'JUDICIAL':
      return '审判、检察机关';
    case 'MASS_ORGANIZATION':
      return '人民团体';
    case 'STATE_ENTERPRISE':
      return '国有企业';
    default:
      throw new UnreachableCaseError(kind);
  }
}

function targetName(facts: DirectoryFacts, line: AssignmentFact): string {
  if (line.departmentId !== null) return departmentName(facts, line.departmentId);
  if (line.workAreaId !== null) return `${workAreaName(facts, line.workAreaId)}工作`;
  return line.subject ?? '';
}

/** A department's name, or a work area's name followed by 工作, for a department or work-area id. */
export function targetLabel(facts: DirectoryFacts, targetId: string): string {
  return facts.departments.some((d) => d.id === targetId) ? departmentName(facts, targetId) : `${workAreaName(facts, targetId)}工作`;
}

/** One portfolio line as a sentence, e.g. `王强分管区公安分局`, `李明协助张伟负责审计工作`. */
export function describeLine(facts: DirectoryFacts, line: AssignmentFact): string {
  return `${leaderName(facts, line.leaderId)}${linePredicate(facts, line)}`;
}

/** A portfolio line without its holder, e.g. `分管区公安分局`, `协助张伟负责审计工作` (for `王强不再分管…`). */
export function linePredicate(facts: DirectoryFacts, line: AssignmentFact): string {
  switch (line.kind) {
    case 'PRESIDES':
      return `主持${facts.jurisdiction.name}政府全面工作`;
    case 'RESPONSIBLE_FOR':
      return `负责${targetName(facts, line)}`;
    case 'SUPERVISES':
      return `分管${targetName(facts, line)}`;
    case 'LIAISES_WITH':
      return `联系${targetName(facts, line)}`;
    case 'ASSISTS': {
      const principal = line.principalId === null ? '' : leaderName(facts, line.principalId);
      const verb = line.workAreaId !== null && line.departmentId === null ? '负责' : '分管';
      return `协助${principal}${verb}${targetName(facts, line)}`;
    }
    case 'COORDINATES':
      return `牵头协调${line.subject ?? targetName(facts, line)}`;
    default:
      throw new UnreachableCaseError(line.kind);
  }
}

/** E.g. `张伟任代区长`. */
export function describeAppointment(facts: DirectoryFacts, appointment: AppointmentFact): string {
  const title = facts.posts.find((p) => p.id === appointment.postId)?.title ?? appointment.postId;
  return `${leaderName(facts, appointment.leaderId)}任${appointment.acting ? '代' : ''}${title}`;
}

/** E.g. `王强自2026-02-02起不在岗（出差），2026-02-06返岗` (validTo is the first day back). */
export function describeAbsence(facts: DirectoryFacts, absence: AbsenceFact): string {
  const back = absence.validTo === null ? '返岗日期未定' : `${absence.validTo}返岗`;
  return `${leaderName(facts, absence.leaderId)}自${absence.validFrom}起不在岗（${absence.reason}），${back}`;
}

/** E.g. `王强的B角为赵敏（区公安分局除外）`. */
export function describeBackup(facts: DirectoryFacts, backup: BackupFact): string {
  const base = `${leaderName(facts, backup.leaderId)}的B角为${leaderName(facts, backup.backupId)}`;
  if (backup.exceptTargetIds.length === 0) return base;
  return `${base}（${backup.exceptTargetIds.map((id) => targetLabel(facts, id)).join('、')}除外）`;
}

/** The Chinese name of a meeting kind: 常务会议, 全体会议, 党组会议. */
export function meetingKindLabel(kind: MeetingKind): string {
  switch (kind) {
    case 'STANDING':
      return '常务会议';
    case 'PLENARY':
      return '全体会议';
    case 'PARTY_GROUP':
      return '党组会议';
    default:
      throw new UnreachableCaseError(kind);
  }
}

/** The Chinese name of a decision category, e.g. 分工调整, 重大决策 (三重一大). */
export function decisionCategoryLabel(category: DecisionCategory): string {
  switch (category) {
    case 'DIVISION_OF_LABOUR':
      return '分工调整';
    case 'MAJOR_DECISION':
      return '重大决策';
    case 'KEY_APPOINTMENT':
      return '重要人事任免';
    case 'MAJOR_PROJECT':
      return '重大项目安排';
    case 'LARGE_FUND':
      return '大额资金使用';
    case 'ROUTINE':
      return '日常工作';
    default:
      throw new UnreachableCaseError(category);
  }
}

/** E.g. `青山区政府第三次常务会议（2026-03-20）`; the number is printed as recorded. */
export function describeMeeting(facts: DirectoryFacts, meeting: MeetingFact): string {
  return `${facts.jurisdiction.name}政府${meeting.number ?? ''}${meetingKindLabel(meeting.kind)}（${meeting.date}）`;
}

/** A chain step citing an appointment, e.g. `张伟任代区长`. */
export function appointmentStep(facts: DirectoryFacts, appointment: AppointmentFact): ChainStep {
  return { kind: 'APPOINTMENT', factId: appointment.id, text: describeAppointment(facts, appointment) };
}

/** A chain step citing a portfolio line, with an optional note appended. */
export function lineStep(facts: DirectoryFacts, line: AssignmentFact, note = ''): ChainStep {
  return { kind: 'ASSIGNMENT', factId: line.id, text: `${describeLine(facts, line)}${note}` };
}

/** A chain step citing an absence, with an optional note appended. */
export function absenceStep(facts: DirectoryFacts, absence: AbsenceFact, note = ''): ChainStep {
  return { kind: 'ABSENCE', factId: absence.id, text: `${describeAbsence(facts, absence)}${note}` };
}

/** A chain step citing an AB pair and its exceptions. */
export function backupStep(facts: DirectoryFacts, backup: BackupFact): ChainStep {
  return { kind: 'BACKUP', factId: backup.id, text: describeBackup(facts, backup) };
}

/** A chain step citing a unit and its kind, e.g. `国家税务总局青山区税务局是垂直管理单位`. */
export function departmentStep(department: DepartmentFact): ChainStep {
  return { kind: 'DEPARTMENT', factId: department.id, text: `${department.name}是${departmentKindLabel(department.kind)}` };
}

/** A chain step citing a rule (no fact id). */
export function ruleStep(text: string): ChainStep {
  return { kind: 'RULE', factId: null, text };
}
