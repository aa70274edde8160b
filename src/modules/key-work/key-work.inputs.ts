// Inputs of key work, bounded at the edge with the domain's own limits (KEY_WORK_TEXT_LIMITS); the domain then
// gives every problem a code (empty texts, dates, references, percent) and nothing is written.
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, MaxLength, ValidateNested } from 'class-validator';
import { KEY_WORK_TEXT_LIMITS as L, type DirectiveStatus, type TaskSource, type TaskStatus } from '../../domain';
import { LocalDateScalar } from '../../graphql/scalars';
import { ConnectionArgs } from '../../graphql/connection';
import { DirectiveStatusEnum, TaskSourceEnum, TaskStatusEnum } from './key-work.types';

const ID_LENGTH = 100;

@InputType()
export class MilestoneInput {
  @Field()
  @MaxLength(L.milestoneTitle)
  title!: string;

  @Field(() => LocalDateScalar)
  dueOn!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  doneOn?: string | null;
}

@InputType({ description: 'A key task as written; on update, omitted fields keep their recorded value.' })
export class KeyTaskFieldsInput {
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(L.title)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(L.description)
  description?: string;

  @Field(() => TaskSourceEnum, { nullable: true })
  @IsOptional()
  source?: TaskSource;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(L.category)
  category?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(L.tags)
  @MaxLength(L.tag, { each: true })
  tags?: string[];

  @Field({ nullable: true, description: '三重一大: needs decisionId citing a quorate decision (R7).' })
  @IsOptional()
  majorMatter?: boolean;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(ID_LENGTH)
  supervisingLeaderId?: string;

  @Field(() => ID, { nullable: true, description: '牵头单位: exactly one.' })
  @IsOptional()
  @MaxLength(ID_LENGTH)
  leadUnitId?: string;

  @Field(() => [ID], { nullable: true, description: '责任单位' })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(ID_LENGTH, { each: true })
  responsibleUnitIds?: string[];

  @Field(() => [ID], { nullable: true, description: '配合单位' })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(ID_LENGTH, { each: true })
  cooperatingUnitIds?: string[];

  @Field(() => LocalDateScalar, { nullable: true, description: 'The last day of the task; not before its creation.' })
  @IsOptional()
  deadline?: string;

  @Field(() => [MilestoneInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(L.milestones)
  @ValidateNested({ each: true })
  milestones?: MilestoneInput[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(ID_LENGTH)
  decisionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Office tokens: the leader this is recorded for (the audit feed names him).' })
  @IsOptional()
  @MaxLength(ID_LENGTH)
  onBehalfOfId?: string;
}

@InputType()
export class CreateKeyTaskInput extends KeyTaskFieldsInput {
  @Field(() => ID)
  @Length(1, ID_LENGTH)
  jurisdictionId!: string;

  @Field(() => ID, { nullable: true, description: 'The city task this district task is assigned from (市区一体).' })
  @IsOptional()
  @MaxLength(ID_LENGTH)
  parentTaskId?: string;
}

@InputType()
export class UpdateKeyTaskInput extends KeyTaskFieldsInput {
  @Field(() => ID)
  @Length(1, ID_LENGTH)
  taskId!: string;

  @Field(() => Int, { nullable: true, description: 'The task version you read (KeyTask.version); CONFLICT when it moved.' })
  @IsOptional()
  expectedVersion?: number;
}

@InputType()
export class ReportTaskProgressInput {
  @Field(() => ID)
  @Length(1, ID_LENGTH)
  taskId!: string;

  @Field()
  @MaxLength(L.progressText)
  text!: string;

  @Field(() => Int, { description: '0–100' })
  percent!: number;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Default: today.' })
  @IsOptional()
  reportedOn?: string;
}

@InputType({ description: 'One district’s share of a city task.' })
export class DistrictAssignmentInput {
  @Field(() => ID)
  @Length(1, ID_LENGTH)
  districtId!: string;

  @Field(() => ID)
  @Length(1, ID_LENGTH)
  supervisingLeaderId!: string;

  @Field(() => ID)
  @Length(1, ID_LENGTH)
  leadUnitId!: string;

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(100)
  @MaxLength(ID_LENGTH, { each: true })
  responsibleUnitIds!: string[];

  @Field(() => LocalDateScalar, { nullable: true, description: 'Default: the city task’s deadline.' })
  @IsOptional()
  deadline?: string;
}

@InputType()
export class IssueDirectiveInput {
  @Field(() => ID)
  @Length(1, ID_LENGTH)
  issuerId!: string;

  @Field(() => ID)
  @Length(1, ID_LENGTH)
  departmentId!: string;

  @Field()
  @MaxLength(L.subject)
  subject!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  deadline?: string;

  @Field(() => ID, { nullable: true, description: 'The decision that studied it beforehand (事先集体研究过).' })
  @IsOptional()
  @MaxLength(ID_LENGTH)
  decisionId?: string;
}

@InputType()
export class KeyTaskFilter {
  @Field(() => ID, { nullable: true, description: 'Its supervising leader.' })
  @IsOptional()
  @MaxLength(ID_LENGTH)
  leaderId?: string;

  @Field(() => ID, { nullable: true, description: 'A unit of the task (lead, responsible or cooperating).' })
  @IsOptional()
  @MaxLength(ID_LENGTH)
  unitId?: string;

  @Field(() => TaskStatusEnum, { nullable: true, description: 'The derived status on overdueAsOf (default today).' })
  @IsOptional()
  status?: TaskStatus;

  @Field(() => TaskSourceEnum, { nullable: true })
  @IsOptional()
  source?: TaskSource;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Only tasks overdue on this date.' })
  @IsOptional()
  overdueAsOf?: string;
}

@ArgsType()
export class KeyTasksArgs extends ConnectionArgs {
  @Field(() => ID)
  @Length(1, ID_LENGTH)
  jurisdictionId!: string;

  @Field(() => KeyTaskFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: KeyTaskFilter;
}

@InputType()
export class DirectiveFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(ID_LENGTH)
  issuerId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(ID_LENGTH)
  departmentId?: string;

  @Field(() => DirectiveStatusEnum, { nullable: true, description: 'The status on overdueAsOf (default today).' })
  @IsOptional()
  status?: DirectiveStatus;

  @Field({ nullable: true })
  @IsOptional()
  crossPortfolio?: boolean;

  @Field({ nullable: true, description: 'Only directives citing no decision (事先集体研究过 not recorded).' })
  @IsOptional()
  withoutDecision?: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Only directives overdue on this date.' })
  @IsOptional()
  overdueAsOf?: string;
}

@ArgsType()
export class DirectivesArgs extends ConnectionArgs {
  @Field(() => ID)
  @Length(1, ID_LENGTH)
  jurisdictionId!: string;

  @Field(() => DirectiveFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: DirectiveFilter;
}

@ArgsType()
export class NotificationsArgs extends ConnectionArgs {
  @Field(() => ID)
  @Length(1, ID_LENGTH)
  leaderId!: string;

  @Field({ nullable: true, defaultValue: false })
  @IsOptional()
  unreadOnly?: boolean;
}
