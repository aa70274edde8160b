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
import { ApiToken, ROLES, type Role } from './api-token.entity';
import { DepartmentLineage } from './department-lineage.entity';

export {
  Absence, AgendaItem, ApiToken, Appointment, Assignment, AuditEvent, Backup, Changeset, Decision, Department, DepartmentLineage, Jurisdiction,
  Leader, Meeting, Post, TeamOrder, WorkArea, ROLES, type Role,
};

export const ENTITIES = [
  Jurisdiction, Leader, Post, Appointment, Department, WorkArea, Assignment, Backup, Absence, TeamOrder,
  Meeting, AgendaItem, Decision, Changeset, AuditEvent, ApiToken, DepartmentLineage,
];
