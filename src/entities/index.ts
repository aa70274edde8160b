// The persistence model: every entity the ORM knows, listed explicitly (no folder discovery).
import { Absence } from './absence.entity';
import { Appointment } from './appointment.entity';
import { Assignment } from './assignment.entity';
import { Backup } from './backup.entity';
import { Department } from './department.entity';
import { Jurisdiction } from './jurisdiction.entity';
import { Leader } from './leader.entity';
import { Post } from './post.entity';
import { TeamOrder } from './team-order.entity';
import { WorkArea } from './work-area.entity';
import { Meeting } from './meeting.entity';
import { AgendaItem } from './agenda-item.entity';
import { Decision } from './decision.entity';
import { Changeset } from './changeset.entity';
import { AuditEvent } from './audit-event.entity';
import { ApiToken, ROLES, TOKEN_SCOPES, type Role, type TokenScope } from './api-token.entity';
import { DepartmentLineage } from './department-lineage.entity';
import { KeyTask } from './key-task.entity';
import { KeyTaskUnit } from './key-task-unit.entity';
import { ProgressReport } from './progress-report.entity';
import { Directive } from './directive.entity';
import { DirectiveTransition } from './directive-transition.entity';
import { Notification, NOTIFICATION_KINDS, type NotificationKind } from './notification.entity';

export {
  Absence, AgendaItem, ApiToken, Appointment, Assignment, AuditEvent, Backup, Changeset, Decision, Department, DepartmentLineage, Jurisdiction,
  Leader, Meeting, Post, TeamOrder, WorkArea, ROLES, type Role,
  KeyTask, KeyTaskUnit, ProgressReport, Directive, DirectiveTransition, Notification, NOTIFICATION_KINDS, type NotificationKind,
  TOKEN_SCOPES, type TokenScope,
};

export const ENTITIES = [
  Jurisdiction, Leader, Post, Appointment, Department, WorkArea, Assignment, Backup, Absence, TeamOrder,
  Meeting, AgendaItem, Decision, Changeset, AuditEvent, ApiToken, DepartmentLineage,
  KeyTask, KeyTaskUnit, ProgressReport, Directive, DirectiveTransition, Notification,
];
