// Thin resolvers of key work: arguments → KeyWorkService / the domain → nodes. Reads go through the per-request
// loaders (facts, key work, notifications), so their cost does not grow with the number of tasks.
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import {
  accountability,
  compareBy,
  compareText,
  directiveStatusOn,
  isDirectiveOverdue,
  isTaskOverdue,
  taskStatus,
  workload,
  type Accountability,
  type DirectoryFacts,
  type KeyTaskFact,
} from '../../domain';
import type { Context } from '../../graphql/context';
import { SCOPED } from '../../graphql/auth-checker';
import { TOPICS, type DirectiveChangedEvent, type KeyTaskChangedEvent } from '../../scope/events';
import { paginate, type ConnectionShape } from '../../graphql/connection';
import { LocalDateScalar } from '../../graphql/scalars';
import { Presenter } from '../directory/directory.present';
import { DepartmentNode, JurisdictionNode, LeaderNode } from '../directory/directory.types';
import { DecisionNode } from '../governance/governance.types';
import { KeyWorkService } from './key-work.service';
import {
  CreateKeyTaskInput,
  DirectivesArgs,
  DistrictAssignmentInput,
  IssueDirectiveInput,
  KeyTasksArgs,
  NotificationsArgs,
  ReportTaskProgressInput,
  UpdateKeyTaskInput,
} from './key-work.inputs';
import {
  AccountabilityNode,
  DirectiveConnection,
  DirectiveNode,
  DirectiveStatusEnum,
  KeyTaskConnection,
  KeyTaskNode,
  NotificationConnection,
  NotificationNode,
  ProgressReportNode,
  SuggestedAttendanceNode,
  TasksByStatusNode,
  TaskStatusEnum,
  TaskStatusViewNode,
  WorkloadNode,
} from './key-work.types';

function presentAccountability(p: Presenter, a: Accountability): AccountabilityNode {
  const unit = (u: Accountability['leadUnit']) => ({ department: p.department(u.departmentId), role: u.role, headName: u.headName, active: u.active });
  return Object.assign(new AccountabilityNode(), {
    taskId: a.taskId,
    asOf: a.on,
    leader: {
      leader: p.leader(a.leader.leaderId), inTeam: a.leader.inTeam, away: a.leader.away, acting: p.optionalLeader(a.leader.actingLeaderId),
      actingBasis: a.leader.actingBasis, answerable: p.optionalLeader(a.leader.answerableId), chain: p.chain(a.leader.chain),
    },
    leadUnit: unit(a.leadUnit),
    responsibleUnits: a.responsibleUnits.map(unit),
    cooperatingUnits: a.cooperatingUnits.map(unit),
    flags: a.flags.map((f) => ({ ...f })),
  });
}

function sortTasks(tasks: readonly KeyTaskFact[]): KeyTaskFact[] {
  return [...tasks].sort((a, b) => compareBy(compareText(a.deadline, b.deadline), compareText(a.id, b.id)));
}

@Resolver()
export class KeyWorkResolver {
  @Authorized('VIEWER')
  @Query(() => KeyTaskNode, { nullable: true, description: 'One key task; null for an unknown id.' })
  async keyTask(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<KeyTaskNode | null> {
    const task = await new KeyWorkService(ctx).task(id);
    return task === null ? null : KeyTaskNode.of(task);
  }

  @Authorized('VIEWER')
  @Query(() => KeyTaskConnection, { description: 'Key tasks of a government, by deadline; status and overdueAsOf are derived on the date.' })
  async keyTasks(@Args(() => KeyTasksArgs) args: KeyTasksArgs, @Ctx() ctx: Context): Promise<ConnectionShape<KeyTaskNode>> {
    const service = new KeyWorkService(ctx);
    await service.facts(args.jurisdictionId);
    const work = await service.keyWork(args.jurisdictionId);
    const f = args.filter ?? {};
    const on = f.overdueAsOf ?? ctx.today;
    const tasks = sortTasks(work.tasks).filter(
      (t) =>
        (f.leaderId === undefined || t.supervisingLeaderId === f.leaderId) &&
        (f.unitId === undefined || t.leadUnitId === f.unitId || t.responsibleUnitIds.includes(f.unitId) || t.cooperatingUnitIds.includes(f.unitId)) &&
        (f.source === undefined || t.source === f.source) &&
        (f.status === undefined || taskStatus(t, work.progressReports, on).status === f.status) &&
        (f.overdueAsOf === undefined || isTaskOverdue(t, f.overdueAsOf)),
    );
    return paginate(tasks.map((t) => KeyTaskNode.of(t)), args);
  }

  @Authorized('VIEWER')
  @Query(() => AccountabilityNode, { description: 'R8: who answers for the task on the date (default today), each a named person, with flags.' })
  async accountability(
    @Arg('taskId', () => ID) taskId: string,
    @Arg('asOf', () => LocalDateScalar, { nullable: true }) asOf: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<AccountabilityNode> {
    const service = new KeyWorkService(ctx);
    const task = await service.taskOrFail(taskId);
    const on = asOf ?? ctx.today;
    const facts = await service.facts(task.jurisdictionId);
    return presentAccountability(new Presenter(facts, on), accountability(task, facts, on));
  }

  @Authorized('VIEWER')
  @Query(() => DirectiveConnection, { description: 'Directives of a government, newest first.' })
  async directives(@Args(() => DirectivesArgs) args: DirectivesArgs, @Ctx() ctx: Context): Promise<ConnectionShape<DirectiveNode>> {
    const service = new KeyWorkService(ctx);
    await service.facts(args.jurisdictionId);
    const work = await service.keyWork(args.jurisdictionId);
    const f = args.filter ?? {};
    const on = f.overdueAsOf ?? ctx.today;
    const list = [...work.directives]
      .sort((a, b) => compareBy(compareText(b.issuedOn, a.issuedOn), compareText(a.id, b.id)))
      .filter(
        (d) =>
          (f.issuerId === undefined || d.issuerId === f.issuerId) &&
          (f.departmentId === undefined || d.departmentId === f.departmentId) &&
          (f.status === undefined || directiveStatusOn(d, on) === f.status) &&
          (f.crossPortfolio === undefined || d.crossPortfolio === f.crossPortfolio) &&
          (f.withoutDecision === undefined || (d.decisionId === null) === f.withoutDecision) &&
          (f.overdueAsOf === undefined || isDirectiveOverdue(d, f.overdueAsOf)),
      );
    return paginate(list.map((d) => DirectiveNode.of(d)), args);
  }

  @Authorized('VIEWER')
  @Query(() => DirectiveNode, { nullable: true })
  async directive(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DirectiveNode | null> {
    const d = await new KeyWorkService(ctx).directive(id);
    return d === null ? null : DirectiveNode.of(d);
  }

  @Authorized('VIEWER')
  @Query(() => NotificationConnection, { description: 'What a leader has been told, newest first.' })
  async notifications(@Args(() => NotificationsArgs) args: NotificationsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<NotificationNode>> {
    const rows = await ctx.loaders.notificationsOfLeader.load(args.leaderId);
    return paginate(rows.filter((r) => !args.unreadOnly || r.readAt === null).map((r) => NotificationNode.of(r)), args);
  }

  @Authorized('VIEWER')
  @Query(() => WorkloadNode, { description: 'Per leader and per unit: tasks by derived status, open and overdue directives, cross-portfolio directives.' })
  async workload(
    @Arg('jurisdictionId', () => ID) jurisdictionId: string,
    @Arg('asOf', () => LocalDateScalar, { nullable: true }) asOf: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<WorkloadNode> {
    const service = new KeyWorkService(ctx);
    const on = asOf ?? ctx.today;
    const facts = await service.facts(jurisdictionId);
    const w = workload(facts, await service.keyWork(jurisdictionId), on);
    const p = new Presenter(facts, on);
    return Object.assign(new WorkloadNode(), {
      asOf: on,
      leaders: w.leaders.map((l) => ({ ...l, leader: p.leader(l.leaderId), tasksByStatus: TasksByStatusNode.of(l.tasksByStatus) })),
      units: w.units.map((u) => ({
        ...u, department: p.department(u.departmentId), ledTasksByStatus: TasksByStatusNode.of(u.ledTasksByStatus),
        responsibleTasksByStatus: TasksByStatusNode.of(u.responsibleTasksByStatus),
      })),
    });
  }

  @Authorized('VIEWER')
  @Query(() => SuggestedAttendanceNode, { description: 'R11: who should attend the meeting, by its agenda units, each with the reason.' })
  async suggestedAttendees(@Arg('meetingId', () => ID) meetingId: string, @Ctx() ctx: Context): Promise<SuggestedAttendanceNode> {
    const { facts, suggestion: s } = await new KeyWorkService(ctx).suggestedAttendance(meetingId);
    const p = new Presenter(facts, s.date);
    const reason = (r: (typeof s.heads)[number]['reason']) => ({
      code: r.code, text: r.text, department: r.departmentId === null ? null : p.department(r.departmentId), actingFor: p.optionalLeader(r.actingForId),
    });
    return Object.assign(new SuggestedAttendanceNode(), {
      date: s.date,
      leaders: s.leaders.map((l) => ({ leader: p.leader(l.leaderId), reasons: l.reasons.map(reason) })),
      heads: s.heads.map((h) => ({ department: p.department(h.departmentId), headName: h.headName, reason: reason(h.reason) })),
      away: s.awayLeaderIds.map((id) => p.leader(id)),
      quorum: { ...s.quorum },
      unknownDepartmentIds: [...s.unknownDepartmentIds],
    });
  }

  @Authorized('EDITOR', SCOPED)
  @Mutation(() => KeyTaskNode, { description: 'Creates a key task (today). The office, or a leader token with standing (R8). 三重一大 needs a quorate decision.' })
  async createKeyTask(@Arg('input', () => CreateKeyTaskInput) input: CreateKeyTaskInput, @Ctx() ctx: Context): Promise<KeyTaskNode> {
    const task = await new KeyWorkService(ctx).createKeyTask(
      {
        jurisdictionId: input.jurisdictionId, title: input.title ?? '', description: input.description ?? '', source: input.source ?? 'GOVERNMENT',
        category: input.category ?? null, tags: input.tags ?? [], majorMatter: input.majorMatter ?? false, supervisingLeaderId: input.supervisingLeaderId ?? '',
        leadUnitId: input.leadUnitId ?? '', responsibleUnitIds: input.responsibleUnitIds ?? [], cooperatingUnitIds: input.cooperatingUnitIds ?? [],
        deadline: input.deadline ?? '', milestones: (input.milestones ?? []).map((m) => ({ title: m.title, dueOn: m.dueOn, doneOn: m.doneOn ?? null })),
        decisionId: input.decisionId ?? null, parentTaskId: input.parentTaskId ?? null,
      },
      input.onBehalfOfId ?? null,
    );
    return KeyTaskNode.of(task);
  }

  @Authorized('EDITOR', SCOPED)
  @Mutation(() => KeyTaskNode, { description: 'Changes a key task; omitted fields keep their value.' })
  async updateKeyTask(@Arg('input', () => UpdateKeyTaskInput) input: UpdateKeyTaskInput, @Ctx() ctx: Context): Promise<KeyTaskNode> {
    const { taskId, expectedVersion, onBehalfOfId, milestones, ...rest } = input;
    const changes = {
      ...rest,
      ...(milestones === undefined ? {} : { milestones: milestones.map((m) => ({ title: m.title, dueOn: m.dueOn, doneOn: m.doneOn ?? null })) }),
    };
    return KeyTaskNode.of(await new KeyWorkService(ctx).updateKeyTask(taskId, changes, expectedVersion ?? null, onBehalfOfId ?? null));
  }

  @Authorized('EDITOR', SCOPED)
  @Mutation(() => ProgressReportNode, { description: 'Reports progress: the office, a leader with standing, or a unit token of the lead or a responsible unit.' })
  async reportTaskProgress(@Arg('input', () => ReportTaskProgressInput) input: ReportTaskProgressInput, @Ctx() ctx: Context): Promise<ProgressReportNode> {
    const fact = await new KeyWorkService(ctx).reportProgress(input.taskId, { reportedOn: input.reportedOn ?? ctx.today, text: input.text, percent: input.percent });
    return ProgressReportNode.of(fact);
  }

  @Authorized('EDITOR', SCOPED)
  @Mutation(() => KeyTaskNode, { description: 'Marks a key task completed (办结) today.' })
  async completeKeyTask(
    @Arg('taskId', () => ID) taskId: string,
    @Arg('onBehalfOfId', () => ID, { nullable: true }) onBehalfOfId: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<KeyTaskNode> {
    return KeyTaskNode.of(await new KeyWorkService(ctx).completeKeyTask(taskId, onBehalfOfId ?? null));
  }

  @Authorized('EDITOR')
  @Mutation(() => [KeyTaskNode], { description: '市区一体: assigns a CITY task of a city government to its districts as child tasks. The office.' })
  async assignKeyTaskToDistricts(
    @Arg('taskId', () => ID) taskId: string,
    @Arg('assignments', () => [DistrictAssignmentInput]) assignments: DistrictAssignmentInput[],
    @Ctx() ctx: Context,
  ): Promise<KeyTaskNode[]> {
    const children = await new KeyWorkService(ctx).assignToDistricts(
      taskId,
      assignments.map((a) => ({ ...a, deadline: a.deadline ?? null })),
      null,
    );
    return children.map((c) => KeyTaskNode.of(c));
  }

  @Authorized('EDITOR', SCOPED)
  @Mutation(() => DirectiveNode, { description: 'R9: issues a directive exactly when canDirect allows it (refused with its code); cross-portfolio ones notify.' })
  async issueDirective(@Arg('input', () => IssueDirectiveInput) input: IssueDirectiveInput, @Ctx() ctx: Context): Promise<DirectiveNode> {
    const d = await new KeyWorkService(ctx).issueDirective({
      issuerId: input.issuerId, departmentId: input.departmentId, subject: input.subject, deadline: input.deadline ?? null, decisionId: input.decisionId ?? null,
    });
    return DirectiveNode.of(d);
  }

  @Authorized('EDITOR', SCOPED)
  @Mutation(() => DirectiveNode, { description: '签收: the unit (or the office).' })
  async acknowledgeDirective(@Arg('directiveId', () => ID) directiveId: string, @Ctx() ctx: Context): Promise<DirectiveNode> {
    return DirectiveNode.of(await new KeyWorkService(ctx).transition(directiveId, 'ACKNOWLEDGE', null));
  }

  @Authorized('EDITOR', SCOPED)
  @Mutation(() => DirectiveNode, { description: '办理 (also resumes an escalated directive once coordinated): the unit (or the office).' })
  async startDirective(@Arg('directiveId', () => ID) directiveId: string, @Ctx() ctx: Context): Promise<DirectiveNode> {
    return DirectiveNode.of(await new KeyWorkService(ctx).transition(directiveId, 'START', null));
  }

  @Authorized('EDITOR', SCOPED)
  @Mutation(() => DirectiveNode, { description: '办结 with the report: the unit (or the office).' })
  async completeDirective(
    @Arg('directiveId', () => ID) directiveId: string,
    @Arg('report', () => String) report: string,
    @Ctx() ctx: Context,
  ): Promise<DirectiveNode> {
    return DirectiveNode.of(await new KeyWorkService(ctx).transition(directiveId, 'COMPLETE', report));
  }

  @Authorized('EDITOR', SCOPED)
  @Mutation(() => DirectiveNode, { description: '提请协调: back to the issuer with the reason; by the unit’s supervising leader (or his stand-in) or the office.' })
  async escalateDirective(
    @Arg('directiveId', () => ID) directiveId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ): Promise<DirectiveNode> {
    return DirectiveNode.of(await new KeyWorkService(ctx).transition(directiveId, 'ESCALATE', reason));
  }

  @Authorized('EDITOR', SCOPED)
  @Mutation(() => NotificationNode, { description: 'Marks a notification read: its leader’s token, or the office.' })
  async markNotificationRead(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<NotificationNode> {
    return NotificationNode.of(await new KeyWorkService(ctx).markNotificationRead(id));
  }

  @Authorized('VIEWER')
  @Subscription(() => KeyTaskNode, {
    topics: TOPICS.keyTaskChanged,
    filter: ({ payload, args }: { payload: KeyTaskChangedEvent; args: { jurisdictionId: string } }) => payload.jurisdictionId === args.jurisdictionId,
    description: 'Each key task of a government as it is created, changed, reported on or completed (after the commit).',
  })
  async keyTaskChanged(@Root() event: KeyTaskChangedEvent, @Arg('jurisdictionId', () => ID) _jurisdictionId: string, @Ctx() ctx: Context): Promise<KeyTaskNode> {
    return KeyTaskNode.of(await new KeyWorkService(ctx).taskOrFail(event.taskId));
  }

  @Authorized('VIEWER')
  @Subscription(() => DirectiveNode, {
    topics: TOPICS.directiveChanged,
    filter: ({ payload, args }: { payload: DirectiveChangedEvent; args: { jurisdictionId: string } }) => payload.jurisdictionId === args.jurisdictionId,
    description: 'Each directive of a government as it is issued or moved (after the commit); `notified` says who was told.',
  })
  async directiveChanged(@Root() event: DirectiveChangedEvent, @Arg('jurisdictionId', () => ID) _jurisdictionId: string, @Ctx() ctx: Context): Promise<DirectiveNode> {
    return DirectiveNode.of(await new KeyWorkService(ctx).directiveOrFail(event.directiveId));
  }
}

async function presenterFor(ctx: Context, jurisdictionId: string, asOf: string): Promise<{ facts: DirectoryFacts; p: Presenter }> {
  const facts = await new KeyWorkService(ctx).facts(jurisdictionId);
  return { facts, p: new Presenter(facts, asOf) };
}

@Resolver(() => KeyTaskNode)
export class KeyTaskFieldResolver {
  @FieldResolver(() => JurisdictionNode)
  async jurisdiction(@Root() node: KeyTaskNode, @Ctx() ctx: Context): Promise<JurisdictionNode> {
    return (await presenterFor(ctx, node.jurisdictionId, ctx.today)).p.jurisdiction();
  }

  @FieldResolver(() => LeaderNode, { description: '分管领导' })
  async supervisingLeader(@Root() node: KeyTaskNode, @Ctx() ctx: Context): Promise<LeaderNode> {
    return (await presenterFor(ctx, node.jurisdictionId, ctx.today)).p.leader(node.fact.supervisingLeaderId);
  }

  @FieldResolver(() => DepartmentNode, { description: '牵头单位' })
  async leadUnit(@Root() node: KeyTaskNode, @Ctx() ctx: Context): Promise<DepartmentNode> {
    return (await presenterFor(ctx, node.jurisdictionId, ctx.today)).p.department(node.fact.leadUnitId);
  }

  @FieldResolver(() => [DepartmentNode], { description: '责任单位' })
  async responsibleUnits(@Root() node: KeyTaskNode, @Ctx() ctx: Context): Promise<DepartmentNode[]> {
    const { p } = await presenterFor(ctx, node.jurisdictionId, ctx.today);
    return node.fact.responsibleUnitIds.map((id) => p.department(id));
  }

  @FieldResolver(() => [DepartmentNode], { description: '配合单位' })
  async cooperatingUnits(@Root() node: KeyTaskNode, @Ctx() ctx: Context): Promise<DepartmentNode[]> {
    const { p } = await presenterFor(ctx, node.jurisdictionId, ctx.today);
    return node.fact.cooperatingUnitIds.map((id) => p.department(id));
  }

  @FieldResolver(() => DecisionNode, { nullable: true, description: 'The decision it cites (required for 三重一大).' })
  async decision(@Root() node: KeyTaskNode, @Ctx() ctx: Context): Promise<DecisionNode | null> {
    if (node.fact.decisionId === null) return null;
    const { facts } = await presenterFor(ctx, node.jurisdictionId, ctx.today);
    const d = facts.decisions.find((x) => x.id === node.fact.decisionId);
    return d === undefined ? null : DecisionNode.of(d);
  }

  @FieldResolver(() => TaskStatusEnum, { description: 'Derived on the date (default today), never stored.' })
  async status(@Root() node: KeyTaskNode, @Arg('asOf', () => LocalDateScalar, { nullable: true }) asOf: string | undefined, @Ctx() ctx: Context): Promise<string> {
    return taskStatus(node.fact, (await ctx.loaders.keyWork.load(node.jurisdictionId)).progressReports, asOf ?? ctx.today).status;
  }

  @FieldResolver(() => TaskStatusViewNode, { description: 'The status with what it was derived from.' })
  async statusView(@Root() node: KeyTaskNode, @Arg('asOf', () => LocalDateScalar, { nullable: true }) asOf: string | undefined, @Ctx() ctx: Context): Promise<TaskStatusViewNode> {
    const v = taskStatus(node.fact, (await ctx.loaders.keyWork.load(node.jurisdictionId)).progressReports, asOf ?? ctx.today);
    return Object.assign(new TaskStatusViewNode(), { status: v.status, percent: v.percent, expectedPercent: v.expectedPercent, reason: v.reason });
  }

  @FieldResolver(() => Int, { description: 'The latest reported percent on or before the date (0 when none).' })
  async progress(@Root() node: KeyTaskNode, @Arg('asOf', () => LocalDateScalar, { nullable: true }) asOf: string | undefined, @Ctx() ctx: Context): Promise<number> {
    return taskStatus(node.fact, (await ctx.loaders.keyWork.load(node.jurisdictionId)).progressReports, asOf ?? ctx.today).percent;
  }

  @FieldResolver(() => [ProgressReportNode], { description: 'Progress reports, oldest first.' })
  async reports(@Root() node: KeyTaskNode, @Ctx() ctx: Context): Promise<ProgressReportNode[]> {
    const work = await ctx.loaders.keyWork.load(node.jurisdictionId);
    return work.progressReports.filter((r) => r.taskId === node.id).map((r) => ProgressReportNode.of(r));
  }

  @FieldResolver(() => AccountabilityNode)
  async accountability(@Root() node: KeyTaskNode, @Arg('asOf', () => LocalDateScalar, { nullable: true }) asOf: string | undefined, @Ctx() ctx: Context): Promise<AccountabilityNode> {
    const on = asOf ?? ctx.today;
    const { facts, p } = await presenterFor(ctx, node.jurisdictionId, on);
    return presentAccountability(p, accountability(node.fact, facts, on));
  }

  @FieldResolver(() => KeyTaskNode, { nullable: true, description: 'The city task it was assigned from.' })
  async parentTask(@Root() node: KeyTaskNode, @Ctx() ctx: Context): Promise<KeyTaskNode | null> {
    if (node.fact.parentTaskId === null) return null;
    const parent = await new KeyWorkService(ctx).task(node.fact.parentTaskId);
    return parent === null ? null : KeyTaskNode.of(parent);
  }

  @FieldResolver(() => [KeyTaskNode], { description: 'The districts’ tasks assigned from this one (市区一体).' })
  async childTasks(@Root() node: KeyTaskNode, @Ctx() ctx: Context): Promise<KeyTaskNode[]> {
    const children = await ctx.loaders.childTasks.load(node.id);
    const works = await Promise.all(children.map((c) => ctx.loaders.keyWork.load(c.jurisdictionId)));
    return children.flatMap((c, i) => works[i].tasks.filter((t) => t.id === c.id).map((t) => KeyTaskNode.of(t)));
  }

  @FieldResolver(() => Int, { description: 'Name it as expectedVersion when you update.' })
  async version(@Root() node: KeyTaskNode, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.keyWork.load(node.jurisdictionId)).taskVersions.get(node.id) ?? 0;
  }
}

@Resolver(() => DirectiveNode)
export class DirectiveFieldResolver {
  @FieldResolver(() => JurisdictionNode)
  async jurisdiction(@Root() node: DirectiveNode, @Ctx() ctx: Context): Promise<JurisdictionNode> {
    return (await presenterFor(ctx, node.jurisdictionId, ctx.today)).p.jurisdiction();
  }

  @FieldResolver(() => LeaderNode)
  async issuer(@Root() node: DirectiveNode, @Ctx() ctx: Context): Promise<LeaderNode> {
    return (await presenterFor(ctx, node.jurisdictionId, node.issuedOn)).p.leader(node.fact.issuerId);
  }

  @FieldResolver(() => DepartmentNode)
  async department(@Root() node: DirectiveNode, @Ctx() ctx: Context): Promise<DepartmentNode> {
    return (await presenterFor(ctx, node.jurisdictionId, node.issuedOn)).p.department(node.fact.departmentId);
  }

  @FieldResolver(() => DecisionNode, { nullable: true, description: 'The decision that studied it beforehand, if cited.' })
  async decision(@Root() node: DirectiveNode, @Ctx() ctx: Context): Promise<DecisionNode | null> {
    if (node.fact.decisionId === null) return null;
    const { facts } = await presenterFor(ctx, node.jurisdictionId, ctx.today);
    const d = facts.decisions.find((x) => x.id === node.fact.decisionId);
    return d === undefined ? null : DecisionNode.of(d);
  }

  @FieldResolver(() => DirectiveStatusEnum, { nullable: true, description: 'On the date (default today): the last transition by then; null before it was issued.' })
  status(@Root() node: DirectiveNode, @Arg('asOf', () => LocalDateScalar, { nullable: true }) asOf: string | undefined, @Ctx() ctx: Context): string | null {
    return directiveStatusOn(node.fact, asOf ?? ctx.today);
  }

  @FieldResolver(() => Boolean, { description: 'Open with its deadline passed on the date (default today).' })
  overdue(@Root() node: DirectiveNode, @Arg('asOf', () => LocalDateScalar, { nullable: true }) asOf: string | undefined, @Ctx() ctx: Context): boolean {
    return isDirectiveOverdue(node.fact, asOf ?? ctx.today);
  }

  @FieldResolver(() => [NotificationNode], { description: 'Who was told of it (its cross-portfolio notice, escalations).' })
  async notified(@Root() node: DirectiveNode, @Ctx() ctx: Context): Promise<NotificationNode[]> {
    return (await ctx.loaders.notificationsOfDirective.load(node.id)).map((r) => NotificationNode.of(r));
  }
}

@Resolver(() => NotificationNode)
export class NotificationFieldResolver {
  @FieldResolver(() => LeaderNode)
  async leader(@Root() node: NotificationNode, @Ctx() ctx: Context): Promise<LeaderNode> {
    return (await presenterFor(ctx, node.jurisdictionId, ctx.today)).p.leader(node.leaderId);
  }

  @FieldResolver(() => LeaderNode, { nullable: true, description: 'With ACTING_FOR: the absent supervisor.' })
  async actingFor(@Root() node: NotificationNode, @Ctx() ctx: Context): Promise<LeaderNode | null> {
    return (await presenterFor(ctx, node.jurisdictionId, ctx.today)).p.optionalLeader(node.actingForId);
  }

  @FieldResolver(() => DirectiveNode)
  async directive(@Root() node: NotificationNode, @Ctx() ctx: Context): Promise<DirectiveNode> {
    return DirectiveNode.of(await new KeyWorkService(ctx).directiveOrFail(node.directiveId));
  }
}

export const KEY_WORK_RESOLVERS = [KeyWorkResolver, KeyTaskFieldResolver, DirectiveFieldResolver, NotificationFieldResolver] as const;
