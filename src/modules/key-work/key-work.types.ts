// GraphQL shapes of key work (R8, R9, R11): key tasks and their accountability, directives, notifications,
// suggested attendees, workload. Nodes keep their domain fact; field resolvers present the rest.
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  ACCOUNTABILITY_FLAGS,
  ACTOR_KINDS,
  ATTENDANCE_REASONS,
  DIRECTIVE_ACTIONS,
  DIRECTIVE_STATUSES,
  NOTIFICATION_BASES,
  TASK_SOURCES,
  TASK_STATUSES,
  TASK_UNIT_ROLES,
  type DirectiveFact,
  type KeyTaskFact,
  type MilestoneFact,
  type ProgressReportFact,
} from '../../domain';
import { NOTIFICATION_KINDS, type Notification } from '../../entities';
import { ActingBasisEnum, DirectionBasisEnum } from '../../graphql/enums';
import { LocalDateScalar } from '../../graphql/scalars';
import { Connection } from '../../graphql/connection';
import { ChainStepNode, DepartmentNode, LeaderNode } from '../directory/directory.types';

function enumObject<const K extends string>(values: readonly K[]): { [P in K]: P } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [P in K]: P };
}

export const TaskSourceEnum = enumObject(TASK_SOURCES);
export const TaskStatusEnum = enumObject(TASK_STATUSES);
export const DirectiveStatusEnum = enumObject(DIRECTIVE_STATUSES);
export const DirectiveActionEnum = enumObject(DIRECTIVE_ACTIONS);
export const TaskUnitRoleEnum = enumObject(TASK_UNIT_ROLES);
export const AccountabilityFlagCodeEnum = enumObject(ACCOUNTABILITY_FLAGS);
export const ActorKindEnum = enumObject(ACTOR_KINDS);
export const NotificationBasisEnum = enumObject(NOTIFICATION_BASES);
export const NotificationKindEnum = enumObject(NOTIFICATION_KINDS);
export const AttendanceReasonCodeEnum = enumObject(ATTENDANCE_REASONS);

registerEnumType(TaskSourceEnum, {
  name: 'TaskSource',
  description: 'Where a key task comes from.',
  valuesConfig: {
    CITY: { description: '市里交办' }, PARTY_COMMITTEE: { description: '区委' }, GOVERNMENT: { description: '区政府' },
    PEOPLES_CONGRESS: { description: '人大' }, CPPCC: { description: '政协' }, OTHER: { description: '其他' },
  },
});
registerEnumType(TaskStatusEnum, {
  name: 'TaskStatus',
  description: 'A key task’s status on a date, always derived (docs/key-work.md): OVERDUE is never stored stale.',
  valuesConfig: {
    NOT_STARTED: { description: '未报告进展' }, ON_TRACK: { description: '正常推进' }, AT_RISK: { description: '进度滞后或节点逾期' },
    OVERDUE: { description: '超过完成时限未办结' }, COMPLETED: { description: '已办结' },
  },
});
registerEnumType(DirectiveStatusEnum, {
  name: 'DirectiveStatus',
  description: 'R9: there is no rejected state. ESCALATED needs coordination and goes back to the issuer.',
  valuesConfig: {
    ISSUED: { description: '已交办' }, ACKNOWLEDGED: { description: '已签收' }, IN_PROGRESS: { description: '办理中' },
    COMPLETED: { description: '已办结' }, ESCALATED: { description: '已提请协调' },
  },
});
registerEnumType(DirectiveActionEnum, { name: 'DirectiveAction', description: '签收, 办理 (or resume after coordination), 办结, 提请协调.' });
registerEnumType(TaskUnitRoleEnum, { name: 'TaskUnitRole', description: '牵头单位 / 责任单位 / 配合单位.' });
registerEnumType(AccountabilityFlagCodeEnum, { name: 'AccountabilityFlagCode', description: 'What an accountability chain warns about (R8: flags, never refusals).' });
registerEnumType(ActorKindEnum, { name: 'ActorKind', description: 'Who made a write: the office (EDITOR token), a leader-scoped or a unit-scoped token.' });
registerEnumType(NotificationBasisEnum, { name: 'NotificationBasis', description: 'Why a leader is told: he supervises the unit, acts for its absent supervisor, presides, or issued the escalated directive.' });
registerEnumType(NotificationKindEnum, { name: 'NotificationKind', description: 'A cross-portfolio directive to a unit he answers for, or an escalation back to its issuer.' });
registerEnumType(AttendanceReasonCodeEnum, { name: 'AttendanceReasonCode', description: 'Why someone is suggested to attend (R11).' });

@ObjectType('Milestone', { description: '节点: due on its last day, done or not yet.' })
export class MilestoneNode {
  @Field()
  title!: string;

  @Field(() => LocalDateScalar)
  dueOn!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  doneOn!: string | null;

  static of(m: MilestoneFact): MilestoneNode {
    return Object.assign(new MilestoneNode(), { title: m.title, dueOn: m.dueOn, doneOn: m.doneOn });
  }
}

@ObjectType('KeyTask', { description: '重点工作 (R8): exactly one supervising leader, exactly one lead unit, any number of responsible and cooperating units.' })
export class KeyTaskNode {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => TaskSourceEnum)
  source!: KeyTaskFact['source'];

  @Field(() => String, { nullable: true, description: 'A free classification such as 民生工程 or 安全生产.' })
  category!: string | null;

  @Field(() => [String])
  tags!: string[];

  @Field({ description: '三重一大: created or changed only by citing a quorate decision (R7).' })
  majorMatter!: boolean;

  @Field(() => LocalDateScalar)
  createdOn!: string;

  @Field(() => LocalDateScalar, { description: 'The last day of the task.' })
  deadline!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  completedOn!: string | null;

  @Field(() => [MilestoneNode])
  milestones!: MilestoneNode[];

  fact!: KeyTaskFact;
  jurisdictionId!: string;

  static of(fact: KeyTaskFact): KeyTaskNode {
    return Object.assign(new KeyTaskNode(), {
      id: fact.id, title: fact.title, description: fact.description, source: fact.source, category: fact.category, tags: [...fact.tags],
      majorMatter: fact.majorMatter, createdOn: fact.createdOn, deadline: fact.deadline, completedOn: fact.completedOn,
      milestones: fact.milestones.map((m) => MilestoneNode.of(m)), fact, jurisdictionId: fact.jurisdictionId,
    });
  }
}

@ObjectType('ProgressReport', { description: '进展情况: a date, a text, a percent 0–100 and who reported.' })
export class ProgressReportNode {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  taskId!: string;

  @Field(() => LocalDateScalar)
  reportedOn!: string;

  @Field()
  text!: string;

  @Field(() => Int)
  percent!: number;

  @Field(() => ActorKindEnum)
  reporterKind!: string;

  @Field(() => ID, { nullable: true, description: 'The leader or unit that reported; for the office, whom it recorded for.' })
  reporterId!: string | null;

  static of(fact: ProgressReportFact): ProgressReportNode {
    const r = fact.reporter;
    const reporterId = r.kind === 'LEADER' ? r.leaderId : r.kind === 'DEPARTMENT' ? r.departmentId : r.onBehalfOfId;
    return Object.assign(new ProgressReportNode(), {
      id: fact.id, taskId: fact.taskId, reportedOn: fact.reportedOn, text: fact.text, percent: fact.percent, reporterKind: r.kind, reporterId,
    });
  }
}

@ObjectType('TaskStatusView', { description: 'A task’s derived status on a date and what it was derived from.' })
export class TaskStatusViewNode {
  @Field(() => TaskStatusEnum)
  status!: string;

  @Field(() => Int, { description: 'The latest reported percent on or before the date (0 when none).' })
  percent!: number;

  @Field(() => Int, { description: 'The even pace: the elapsed share of the task’s period, in percent.' })
  expectedPercent!: number;

  @Field()
  reason!: string;
}

@ObjectType('AccountableLeader', { description: 'The supervising leader, and who answers for the task today (R5).' })
export class AccountableLeaderNode {
  @Field(() => LeaderNode)
  leader!: LeaderNode;

  @Field()
  inTeam!: boolean;

  @Field()
  away!: boolean;

  @Field(() => LeaderNode, { nullable: true, description: 'Who acts for him today, when he is away.' })
  acting!: LeaderNode | null;

  @Field(() => ActingBasisEnum, { nullable: true })
  actingBasis!: string | null;

  @Field(() => LeaderNode, { nullable: true, description: 'The named person who answers today; null when nobody can.' })
  answerable!: LeaderNode | null;

  @Field(() => [ChainStepNode])
  chain!: ChainStepNode[];
}

@ObjectType('AccountableUnit', { description: 'A unit of the chain and its head (主要负责人).' })
export class AccountableUnitNode {
  @Field(() => DepartmentNode)
  department!: DepartmentNode;

  @Field(() => TaskUnitRoleEnum)
  role!: string;

  @Field(() => String, { nullable: true, description: '主要负责人 by name; null when unknown (flag UNIT_HEAD_UNKNOWN).' })
  headName!: string | null;

  @Field()
  active!: boolean;
}

@ObjectType('AccountabilityFlag', { description: 'A warning about the chain; never a refusal.' })
export class AccountabilityFlagNode {
  @Field(() => AccountabilityFlagCodeEnum)
  code!: string;

  @Field(() => ID, { nullable: true })
  leaderId!: string | null;

  @Field(() => ID, { nullable: true })
  departmentId!: string | null;

  @Field()
  message!: string;
}

@ObjectType('Accountability', { description: 'R8 打板子找到人: supervising leader → lead unit and its head → responsible units and their heads, on a date.' })
export class AccountabilityNode {
  @Field(() => ID)
  taskId!: string;

  @Field(() => LocalDateScalar)
  asOf!: string;

  @Field(() => AccountableLeaderNode)
  leader!: AccountableLeaderNode;

  @Field(() => AccountableUnitNode)
  leadUnit!: AccountableUnitNode;

  @Field(() => [AccountableUnitNode])
  responsibleUnits!: AccountableUnitNode[];

  @Field(() => [AccountableUnitNode], { description: 'Listed, not accountable.' })
  cooperatingUnits!: AccountableUnitNode[];

  @Field(() => [AccountabilityFlagNode])
  flags!: AccountabilityFlagNode[];
}

@ObjectType('DirectiveTransition', { description: 'One move of a directive, in order.' })
export class DirectiveTransitionNode {
  @Field(() => ID)
  id!: string;

  @Field(() => DirectiveActionEnum)
  action!: string;

  @Field(() => DirectiveStatusEnum)
  from!: string;

  @Field(() => DirectiveStatusEnum)
  to!: string;

  @Field(() => LocalDateScalar)
  on!: string;

  @Field(() => ActorKindEnum)
  actorKind!: string;

  @Field(() => ID, { nullable: true, description: 'The leader or unit that made it; for the office, whom it recorded for.' })
  actorId!: string | null;

  @Field(() => String, { nullable: true, description: 'The escalation’s reason or the completion report.' })
  text!: string | null;
}

@ObjectType('Directive', { description: '交办事项 (R9): issued exactly when canDirect allows it; cannot be refused, only escalated for coordination.' })
export class DirectiveNode {
  @Field(() => ID)
  id!: string;

  @Field()
  subject!: string;

  @Field(() => LocalDateScalar)
  issuedOn!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  deadline!: string | null;

  @Field({ description: 'The issuer does not supervise (分管) the unit: its supervising leader was told.' })
  crossPortfolio!: boolean;

  @Field(() => DirectionBasisEnum, { description: 'canDirect’s basis, recorded when issued.' })
  basis!: string;

  @Field(() => [DirectiveTransitionNode])
  transitions!: DirectiveTransitionNode[];

  fact!: DirectiveFact;
  jurisdictionId!: string;

  static of(fact: DirectiveFact): DirectiveNode {
    return Object.assign(new DirectiveNode(), {
      id: fact.id, subject: fact.subject, issuedOn: fact.issuedOn, deadline: fact.deadline, crossPortfolio: fact.crossPortfolio, basis: fact.basis,
      transitions: fact.transitions.map((t) =>
        Object.assign(new DirectiveTransitionNode(), {
          id: t.id, action: t.action, from: t.from, to: t.to, on: t.on, actorKind: t.actor.kind, text: t.text,
          actorId: t.actor.kind === 'LEADER' ? t.actor.leaderId : t.actor.kind === 'DEPARTMENT' ? t.actor.departmentId : t.actor.onBehalfOfId,
        }),
      ),
      fact, jurisdictionId: fact.jurisdictionId,
    });
  }
}

@ObjectType('Notification', { description: 'What a leader is told (R9): never silent.' })
export class NotificationNode {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKindEnum)
  kind!: string;

  @Field(() => NotificationBasisEnum)
  basis!: string;

  @Field()
  text!: string;

  @Field({ description: 'ISO 8601, UTC.' })
  createdAt!: string;

  @Field(() => String, { nullable: true })
  readAt!: string | null;

  @Field()
  read!: boolean;

  leaderId!: string;
  actingForId!: string | null;
  directiveId!: string;
  jurisdictionId!: string;

  static of(row: Notification): NotificationNode {
    return Object.assign(new NotificationNode(), {
      id: row.id, kind: row.kind, basis: row.basis, text: row.text, createdAt: row.createdAt, readAt: row.readAt, read: row.readAt !== null,
      leaderId: row.leaderId, actingForId: row.actingForId, directiveId: row.directiveId, jurisdictionId: row.jurisdictionId,
    });
  }
}

@ObjectType('AttendanceReason')
export class AttendanceReasonNode {
  @Field(() => AttendanceReasonCodeEnum)
  code!: string;

  @Field(() => DepartmentNode, { nullable: true })
  department!: DepartmentNode | null;

  @Field(() => LeaderNode, { nullable: true, description: 'The absent leader he stands in for.' })
  actingFor!: LeaderNode | null;

  @Field()
  text!: string;
}

@ObjectType('SuggestedLeader')
export class SuggestedLeaderNode {
  @Field(() => LeaderNode)
  leader!: LeaderNode;

  @Field(() => [AttendanceReasonNode])
  reasons!: AttendanceReasonNode[];
}

@ObjectType('SuggestedHead', { description: 'An agenda unit’s head, attending without a vote (列席).' })
export class SuggestedHeadNode {
  @Field(() => DepartmentNode)
  department!: DepartmentNode;

  @Field(() => String, { nullable: true })
  headName!: string | null;

  @Field(() => AttendanceReasonNode)
  reason!: AttendanceReasonNode;
}

@ObjectType('SuggestedQuorum')
export class SuggestedQuorumNode {
  @Field(() => Int)
  present!: number;

  @Field(() => Int)
  required!: number;

  @Field(() => Int)
  teamSize!: number;

  @Field()
  met!: boolean;
}

@ObjectType('SuggestedAttendance', { description: 'R11: who should attend a meeting about its agenda units, each with why.' })
export class SuggestedAttendanceNode {
  @Field(() => LocalDateScalar)
  date!: string;

  @Field(() => [SuggestedLeaderNode])
  leaders!: SuggestedLeaderNode[];

  @Field(() => [SuggestedHeadNode])
  heads!: SuggestedHeadNode[];

  @Field(() => [LeaderNode], { description: 'Leaders the agenda concerns who are away that day.' })
  away!: LeaderNode[];

  @Field(() => SuggestedQuorumNode)
  quorum!: SuggestedQuorumNode;

  @Field(() => [ID], { description: 'Agenda ids that are no unit of this government on the date.' })
  unknownDepartmentIds!: string[];
}

@ObjectType('TasksByStatus')
export class TasksByStatusNode {
  @Field(() => Int) notStarted!: number;
  @Field(() => Int) onTrack!: number;
  @Field(() => Int) atRisk!: number;
  @Field(() => Int) overdue!: number;
  @Field(() => Int) completed!: number;

  static of(c: Readonly<Record<string, number>>): TasksByStatusNode {
    return Object.assign(new TasksByStatusNode(), {
      notStarted: c.NOT_STARTED, onTrack: c.ON_TRACK, atRisk: c.AT_RISK, overdue: c.OVERDUE, completed: c.COMPLETED,
    });
  }
}

@ObjectType('LeaderWorkload')
export class LeaderWorkloadNode {
  @Field(() => LeaderNode) leader!: LeaderNode;
  @Field(() => Int) unitsSupervised!: number;
  @Field(() => TasksByStatusNode) tasksByStatus!: TasksByStatusNode;
  @Field(() => Int) openDirectivesIssued!: number;
  @Field(() => Int) openDirectivesReceived!: number;
  @Field(() => Int) overdueItems!: number;
  @Field(() => Int) crossPortfolioIssued!: number;
  @Field(() => Int) crossPortfolioIssuedWithoutDecision!: number;
  @Field(() => Int) crossPortfolioReceived!: number;
}

@ObjectType('UnitWorkload')
export class UnitWorkloadNode {
  @Field(() => DepartmentNode) department!: DepartmentNode;
  @Field(() => TasksByStatusNode) ledTasksByStatus!: TasksByStatusNode;
  @Field(() => TasksByStatusNode) responsibleTasksByStatus!: TasksByStatusNode;
  @Field(() => Int) openDirectives!: number;
  @Field(() => Int) overdueItems!: number;
  @Field(() => Int) crossPortfolioReceived!: number;
  @Field(() => Int) crossPortfolioReceivedWithoutDecision!: number;
}

@ObjectType('Workload', { description: 'The work dashboards’ numbers on a date, per leader and per unit.' })
export class WorkloadNode {
  @Field(() => LocalDateScalar) asOf!: string;
  @Field(() => [LeaderWorkloadNode]) leaders!: LeaderWorkloadNode[];
  @Field(() => [UnitWorkloadNode]) units!: UnitWorkloadNode[];
}

@ObjectType()
export class KeyTaskConnection extends Connection(KeyTaskNode, 'KeyTask') {}
@ObjectType()
export class DirectiveConnection extends Connection(DirectiveNode, 'Directive') {}
@ObjectType()
export class NotificationConnection extends Connection(NotificationNode, 'Notification') {}
