// Thin resolvers for meetings and decisions: arguments → service → nodes.
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { compareBy, compareText, nextMeetingDue, NotFoundError, quorumOf } from '../../domain';
import type { Context } from '../../graphql/context';
import { TOPICS, type DecisionRecordedEvent } from '../../scope/events';
import { paginate, type ConnectionShape } from '../../graphql/connection';
import { DirectoryService } from '../directory/directory.service';
import { Presenter } from '../directory/directory.present';
import { DepartmentNode, JurisdictionNode, LeaderNode } from '../directory/directory.types';
import { ViolationNode } from '../changes/changes.types';
import { GovernanceService, setGovernanceRules } from './governance.service';
import { DecisionsArgs, MeetingsArgs, RecordDecisionInput, RecordMeetingInput, SetGovernanceRulesInput } from './governance.inputs';
import {
  AgendaItemNode,
  DecisionConnection,
  DecisionNode,
  GovernanceRulesNode,
  MeetingConnection,
  MeetingNode,
  QuorumNode,
} from './governance.types';

@Resolver()
export class GovernanceResolver {
  @Authorized('VIEWER')
  @Query(() => MeetingConnection, { description: 'Meetings of a government, newest first.' })
  async meetings(@Args(() => MeetingsArgs) args: MeetingsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<MeetingNode> & Pick<MeetingConnection, 'nextDue'>> {
    const facts = await new DirectoryService(ctx).facts(args.jurisdictionId);
    const meetings = [...facts.meetings].sort((a, b) => compareBy(compareText(b.date, a.date), compareText(a.id, b.id)));
    const nextDue = (facts.rules.cadences ?? []).map((c) => ({ kind: c.kind, ...nextMeetingDue(facts, c, ctx.today) }));
    return { ...paginate(meetings.map((m) => MeetingNode.of(m)), args), nextDue };
  }

  @Authorized('VIEWER')
  @Query(() => DecisionConnection, { description: 'Decisions of a government, newest meeting first; optionally of one category.' })
  async decisions(@Args(() => DecisionsArgs) args: DecisionsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<DecisionNode>> {
    const facts = await new DirectoryService(ctx).facts(args.jurisdictionId);
    const dateOf = new Map(facts.meetings.map((m) => [m.id, m.date]));
    const decisions = facts.decisions
      .filter((d) => args.category === undefined || d.category === args.category)
      .sort((a, b) => compareBy(compareText(dateOf.get(b.meetingId) ?? '', dateOf.get(a.meetingId) ?? ''), compareText(a.id, b.id)));
    return paginate(decisions.map((d) => DecisionNode.of(d)), args);
  }

  @Authorized('EDITOR')
  @Mutation(() => MeetingNode, { description: 'Records a meeting, its voting attendees, 列席 and agenda. EDITOR.' })
  async recordMeeting(@Arg('input', () => RecordMeetingInput) input: RecordMeetingInput, @Ctx() ctx: Context): Promise<MeetingNode> {
    return MeetingNode.of(await new GovernanceService(ctx).recordMeeting(input));
  }

  @Authorized('EDITOR')
  @Mutation(() => DecisionNode, { description: 'Records a decision of a meeting (决定, 纪要号). EDITOR.' })
  async recordDecision(@Arg('input', () => RecordDecisionInput) input: RecordDecisionInput, @Ctx() ctx: Context): Promise<DecisionNode> {
    return DecisionNode.of(await new GovernanceService(ctx).recordDecision(input));
  }

  @Authorized('ADMIN')
  @Mutation(() => GovernanceRulesNode, { description: 'Sets a government’s rules of procedure on collective decisions (quorum, which meeting kinds decide what). ADMIN.' })
  async setGovernanceRules(@Arg('input', () => SetGovernanceRulesInput) input: SetGovernanceRulesInput, @Ctx() ctx: Context): Promise<GovernanceRulesNode> {
    return GovernanceRulesNode.of(await setGovernanceRules(ctx, input));
  }

  @Authorized('VIEWER')
  @Subscription(() => DecisionNode, {
    topics: TOPICS.decisionRecorded,
    filter: ({ payload, args }: { payload: DecisionRecordedEvent; args: { jurisdictionId: string } }) => payload.jurisdictionId === args.jurisdictionId,
    description: 'Each decision recorded for a government, as it is recorded.',
  })
  async decisionRecorded(
    @Root() event: DecisionRecordedEvent,
    @Arg('jurisdictionId', () => ID) _jurisdictionId: string,
    @Ctx() ctx: Context,
  ): Promise<DecisionNode> {
    const facts = await new DirectoryService(ctx).facts(event.jurisdictionId);
    const decision = facts.decisions.find((d) => d.id === event.decisionId);
    if (decision === undefined) throw new NotFoundError('Decision', event.decisionId);
    return DecisionNode.of(decision);
  }
}

@Resolver(() => JurisdictionNode)
export class JurisdictionRulesResolver {
  @FieldResolver(() => GovernanceRulesNode, { description: 'Its rules of procedure on collective decisions (defaults: more than half, any meeting kind).' })
  async rules(@Root() node: JurisdictionNode, @Ctx() ctx: Context): Promise<GovernanceRulesNode> {
    return GovernanceRulesNode.of((await new DirectoryService(ctx).facts(node.id)).rules);
  }
}

@Resolver(() => MeetingNode)
export class MeetingFieldResolver {
  @FieldResolver(() => [LeaderNode], { description: 'Team members present with a vote.' })
  async votingAttendees(@Root() node: MeetingNode, @Ctx() ctx: Context): Promise<LeaderNode[]> {
    const present = new Presenter(await new DirectoryService(ctx).facts(node.jurisdictionId), node.date);
    return node.fact.votingAttendeeIds.map((id) => present.leader(id));
  }

  @FieldResolver(() => QuorumNode, { description: 'Present voting members against the team on the meeting date.' })
  async quorum(@Root() node: MeetingNode, @Ctx() ctx: Context): Promise<QuorumNode> {
    return quorumOf(await new DirectoryService(ctx).facts(node.jurisdictionId), node.fact);
  }

  @FieldResolver(() => [AgendaItemNode])
  async agenda(@Root() node: MeetingNode, @Ctx() ctx: Context): Promise<AgendaItemNode[]> {
    const items = await ctx.loaders.agenda.load(node.id);
    return items.map((i) =>
      Object.assign(new AgendaItemNode(), {
        id: i.id, position: i.position, title: i.title, presenterId: i.presenter?.id ?? null, departmentIds: i.departmentIds,
        jurisdictionId: node.jurisdictionId, asOf: node.date,
      }),
    );
  }

  @FieldResolver(() => [DecisionNode])
  async decisions(@Root() node: MeetingNode, @Ctx() ctx: Context): Promise<DecisionNode[]> {
    const facts = await new DirectoryService(ctx).facts(node.jurisdictionId);
    return facts.decisions.filter((d) => d.meetingId === node.id).map((d) => DecisionNode.of(d));
  }
}

@Resolver(() => AgendaItemNode)
export class AgendaItemFieldResolver {
  @FieldResolver(() => LeaderNode, { nullable: true })
  async presenter(@Root() node: AgendaItemNode, @Ctx() ctx: Context): Promise<LeaderNode | null> {
    const present = new Presenter(await new DirectoryService(ctx).facts(node.jurisdictionId), node.asOf);
    return present.optionalLeader(node.presenterId);
  }

  @FieldResolver(() => [DepartmentNode])
  async departments(@Root() node: AgendaItemNode, @Ctx() ctx: Context): Promise<DepartmentNode[]> {
    const present = new Presenter(await new DirectoryService(ctx).facts(node.jurisdictionId), node.asOf);
    return node.departmentIds.map((id) => present.department(id));
  }
}

@Resolver(() => DecisionNode)
export class DecisionFieldResolver {
  @FieldResolver(() => MeetingNode)
  async meeting(@Root() node: DecisionNode, @Ctx() ctx: Context): Promise<MeetingNode> {
    const facts = await new DirectoryService(ctx).facts(node.jurisdictionId);
    const meeting = facts.meetings.find((m) => m.id === node.fact.meetingId);
    if (meeting === undefined) throw new NotFoundError('Meeting', node.fact.meetingId);
    return MeetingNode.of(meeting);
  }

  @FieldResolver(() => [ViolationNode], {
    description: 'Why this decision cannot carry a collective matter today (no quorum, a meeting kind that may not decide it, a meeting not yet held, stale, no proposal approved, already used); empty when it can.',
  })
  async problems(@Root() node: DecisionNode, @Ctx() ctx: Context): Promise<ViolationNode[]> {
    return (await new GovernanceService(ctx).problems(node.fact)).map((v) => ViolationNode.of(v));
  }
}

export const GOVERNANCE_RESOLVERS = [
  GovernanceResolver,
  JurisdictionRulesResolver,
  MeetingFieldResolver,
  AgendaItemFieldResolver,
  DecisionFieldResolver,
] as const;
