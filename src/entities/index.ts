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

export { Absence, Appointment, Assignment, Backup, Department, Jurisdiction, Leader, Post, TeamOrder, WorkArea };

export const ENTITIES = [Jurisdiction, Leader, Post, Appointment, Department, WorkArea, Assignment, Backup, Absence, TeamOrder];
