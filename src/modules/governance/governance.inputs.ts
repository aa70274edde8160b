// Inputs for recording meetings and decisions, validated at the edge.
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { DecisionCategory, MeetingKind } from '../../domain';
import { DecisionCategoryEnum, MeetingKindEnum } from '../../graphql/enums';
import { LocalDateScalar } from '../../graphql/scalars';
import { ConnectionArgs } from '../../graphql/connection';
import type { RecordDecisionCommand, RecordMeetingCommand, SetGovernanceRulesCommand } from './governance.service';

@InputType()
export class AgendaItemInput {
  @Field()
  @Length(1, 500)
  title!: string;

  @Field(() => ID, { nullable: true, description: 'The team member who presents it.' })
  @IsOptional()
  @Length(1, 100)
  presenterId?: string;

  @Field(() => [ID], { defaultValue: [], description: 'Units the item concerns.' })
  @ArrayMaxSize(100)
  @Length(1, 100, { each: true })
  departmentIds!: string[];
}

@InputType()
export class RecordMeetingInput implements RecordMeetingCommand {
  @Field(() => ID)
  @Length(1, 100)
  jurisdictionId!: string;

  @Field(() => MeetingKindEnum)
  kind!: MeetingKind;

  @Field(() => String, { nullable: true, description: '第X次' })
  @IsOptional()
  @MaxLength(50)
  number?: string;

  @Field(() => LocalDateScalar)
  date!: string;

  @Field(() => [ID], { description: 'Team members present with a vote.' })
  @ArrayMaxSize(200)
  @Length(1, 100, { each: true })
  votingAttendeeIds!: string[];

  @Field(() => [String], { defaultValue: [], description: '列席: names of those present without a vote.' })
  @ArrayMaxSize(200)
  @Length(1, 100, { each: true })
  nonVotingAttendees!: string[];

  @Field(() => [AgendaItemInput], { defaultValue: [] })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  agenda!: AgendaItemInput[];
}

@InputType()
export class RecordDecisionInput implements RecordDecisionCommand {
  @Field(() => ID)
  @Length(1, 100)
  meetingId!: string;

  @Field(() => ID, { nullable: true, description: 'The agenda item decided, if recorded.' })
  @IsOptional()
  @Length(1, 100)
  agendaItemId?: string;

  @Field(() => DecisionCategoryEnum)
  category!: DecisionCategory;

  @Field()
  @Length(1, 5000)
  text!: string;

  @Field(() => String, { nullable: true, description: '纪要号' })
  @IsOptional()
  @MaxLength(100)
  minutesNumber?: string;

  @Field(() => String, { nullable: true, description: 'DIVISION_OF_LABOUR: the 文号 of the re-division it approved (原则同意…调整方案). A changeset citing this decision must carry it; only one may.' })
  @IsOptional()
  @Length(1, 100)
  approvesDocument?: string;
}

@ArgsType()
export class MeetingsArgs extends ConnectionArgs {
  @Field(() => ID)
  @Length(1, 100)
  jurisdictionId!: string;
}

@ArgsType()
export class DecisionsArgs extends MeetingsArgs {
  @Field(() => DecisionCategoryEnum, { nullable: true })
  @IsOptional()
  category?: DecisionCategory;
}

@InputType()
export class CategoryMeetingKindsInput {
  @Field(() => DecisionCategoryEnum)
  category!: DecisionCategory;

  @Field(() => [MeetingKindEnum])
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  meetingKinds!: MeetingKind[];
}

@InputType({ description: 'How often a kind of meeting is held, e.g. 常务会议 every 14 days.' })
export class MeetingCadenceInput {
  @Field(() => MeetingKindEnum)
  kind!: MeetingKind;

  @Field(() => Int, { description: 'Days between meetings, 1–366.' })
  @Min(1)
  @Max(366)
  everyDays!: number;

  @Field(() => String, { nullable: true, description: 'The rule it comes from.' })
  @IsOptional()
  @MaxLength(500)
  source?: string;
}

@InputType({ description: 'A government’s rules of procedure on collective decisions. ADMIN.' })
export class SetGovernanceRulesInput implements SetGovernanceRulesCommand {
  @Field(() => ID)
  @Length(1, 100)
  jurisdictionId!: string;

  @Field(() => Float, { description: 'At least 0.5: democratic centralism needs more than half; a government may require more (e.g. 2/3).' })
  @Min(0.5)
  @Max(0.99)
  quorumMoreThan!: number;

  @Field(() => [CategoryMeetingKindsInput], { defaultValue: [] })
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  meetingKindsByCategory!: CategoryMeetingKindsInput[];

  @Field(() => String, { nullable: true, description: 'The local rule, e.g. 《…人民政府工作规则》第二十一条.' })
  @IsOptional()
  @MaxLength(500)
  source?: string;

  @Field(() => Int, { defaultValue: 90, description: 'A decision older than this many days on the signing date is stale (DECISION_STALE).' })
  @Min(1)
  @Max(3650)
  decisionMaxAgeDays!: number;

  @Field(() => [MeetingCadenceInput], { defaultValue: [], description: 'R11: how often each kind of meeting is held (多长时间开一次).' })
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  cadences!: MeetingCadenceInput[];
}
