// GraphQL read models of meetings and decisions (集体决策).
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { DecisionFact, GovernanceRules, MeetingFact } from '../../domain';
import { DecisionCategoryEnum, MeetingKindEnum } from '../../graphql/enums';
import { LocalDateScalar } from '../../graphql/scalars';
import { Connection } from '../../graphql/connection';

@ObjectType('Quorum', { description: 'Whether a meeting could decide collectively: present voting members against the team.' })
export class QuorumNode {
  @Field(() => Int, { description: 'Team members present with a vote.' })
  present!: number;

  @Field(() => Int, { description: 'Voting members needed (more than the government’s quorum fraction of the team).' })
  required!: number;

  @Field(() => Int, { description: 'The team’s size on the meeting date.' })
  teamSize!: number;

  @Field()
  met!: boolean;
}

@ObjectType('AgendaItem', { description: '议题: an item on a meeting’s agenda.' })
export class AgendaItemNode {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  position!: number;

  @Field()
  title!: string;

  presenterId!: string | null;
  departmentIds!: string[];
  jurisdictionId!: string;
  asOf!: string;
}

@ObjectType('Meeting', { description: '常务会议 / 全体会议 / 党组会议 and who attended.' })
export class MeetingNode {
  @Field(() => ID)
  id!: string;

  @Field(() => MeetingKindEnum)
  kind!: MeetingFact['kind'];

  @Field(() => String, { nullable: true, description: '第X次, as written.' })
  number!: string | null;

  @Field(() => LocalDateScalar)
  date!: string;

  @Field(() => [String], { description: '列席: present without a vote.' })
  nonVotingAttendees!: string[];

  fact!: MeetingFact;
  jurisdictionId!: string;

  static of(fact: MeetingFact): MeetingNode {
    return Object.assign(new MeetingNode(), {
      id: fact.id, kind: fact.kind, number: fact.number, date: fact.date, nonVotingAttendees: [...fact.nonVotingAttendees],
      fact, jurisdictionId: fact.jurisdictionId,
    });
  }
}

@ObjectType('Decision', { description: '决定: what a meeting decided.' })
export class DecisionNode {
  @Field(() => ID)
  id!: string;

  @Field(() => DecisionCategoryEnum)
  category!: DecisionFact['category'];

  @Field()
  text!: string;

  @Field(() => String, { nullable: true, description: '纪要号' })
  minutesNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'The 文号 of the one re-division this decision approved; a changeset citing it must carry that 文号, and only one may (R7).' })
  approvesDocument!: string | null;

  fact!: DecisionFact;
  jurisdictionId!: string;

  static of(fact: DecisionFact): DecisionNode {
    return Object.assign(new DecisionNode(), {
      id: fact.id, category: fact.category, text: fact.text, minutesNumber: fact.minutesNumber, approvesDocument: fact.approvesDocument,
      fact, jurisdictionId: fact.jurisdictionId,
    });
  }
}

@ObjectType()
export class MeetingConnection extends Connection(MeetingNode, 'Meeting') {
  @Field(() => [NextMeetingDueNode], { description: 'R11: when the next meeting of each kind with a cadence is due, as of today.' })
  nextDue!: NextMeetingDueNode[];
}
@ObjectType()
export class DecisionConnection extends Connection(DecisionNode, 'Decision') {}

@ObjectType('CategoryMeetingKinds', { description: 'Which meeting kinds may decide one category.' })
export class CategoryMeetingKindsNode {
  @Field(() => DecisionCategoryEnum)
  category!: DecisionFact['category'];

  @Field(() => [MeetingKindEnum])
  meetingKinds!: MeetingFact['kind'][];
}

@ObjectType('MeetingCadence', { description: 'How often a kind of meeting is held, from the government’s rules.' })
export class MeetingCadenceNode {
  @Field(() => MeetingKindEnum)
  kind!: string;

  @Field(() => Int)
  everyDays!: number;

  @Field(() => String, { nullable: true })
  source!: string | null;
}

@ObjectType('NextMeetingDue', { description: 'When the next meeting of a kind is due: the last one held plus the cadence; overdue after that day.' })
export class NextMeetingDueNode {
  @Field(() => MeetingKindEnum)
  kind!: string;

  @Field(() => ID, { nullable: true })
  lastMeetingId!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  lastDate!: string | null;

  @Field(() => LocalDateScalar)
  dueOn!: string;

  @Field(() => Int, { description: 'Negative when overdue.' })
  daysUntilDue!: number;

  @Field()
  overdue!: boolean;

  @Field()
  text!: string;
}

@ObjectType('GovernanceRules', { description: 'A government’s own rules of procedure on collective decisions (工作规则).' })
export class GovernanceRulesNode {
  @Field(() => Float, { description: 'Present voting members must be more than this fraction of the team (0.5 = more than half).' })
  quorumMoreThan!: number;

  @Field(() => [CategoryMeetingKindsNode], { description: 'Categories limited to some meeting kinds; a category not listed may be decided by any kind.' })
  meetingKindsByCategory!: CategoryMeetingKindsNode[];

  @Field(() => String, { nullable: true, description: 'The local rule these come from.' })
  source!: string | null;

  @Field(() => Int, { description: 'A decision older than this many days on the signing date is stale (DECISION_STALE); default 90.' })
  decisionMaxAgeDays!: number;

  @Field(() => [MeetingCadenceNode], { description: 'R11: how often each kind of meeting is held (多长时间开一次).' })
  cadences!: MeetingCadenceNode[];

  static of(rules: GovernanceRules): GovernanceRulesNode {
    return Object.assign(new GovernanceRulesNode(), {
      cadences: (rules.cadences ?? []).map((c) => Object.assign(new MeetingCadenceNode(), { ...c })),
      quorumMoreThan: rules.quorumMoreThan,
      meetingKindsByCategory: Object.entries(rules.meetingKindsByCategory).map(([category, meetingKinds]) => ({ category, meetingKinds: [...(meetingKinds ?? [])] })),
      source: rules.source,
      decisionMaxAgeDays: rules.decisionMaxAgeDays,
    });
  }
}
