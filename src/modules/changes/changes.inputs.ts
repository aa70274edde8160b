// Inputs of the write path, validated at the edge. GraphQL has no input unions, so a changeset item is one
// flat input whose `op` says which fields it needs; toChangeItem() turns it into the domain's ChangeItem.
import { ArgsType, Field, ID, InputType, Int, type ClassType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { BadInputError, type AssignmentKind, type ChangeItem, type ChangeOp } from '../../domain';
import { AssignmentKindEnum, ChangeOpEnum } from '../../graphql/enums';
import { LocalDateScalar } from '../../graphql/scalars';
import { ConnectionArgs } from '../../graphql/connection';

const ID_LENGTH = [1, 100] as const;

/**
 * Adds the target of a new portfolio line (unit, work area, principal, subject, end) to an input: shared by a
 * changeset item and assignPortfolio (type-graphql's mixin pattern; the trait itself never reaches the schema).
 */
function WithLineTarget<TBase extends ClassType>(Base: TBase) {
  @InputType()
  class LineTargetTrait extends Base {
    @Field(() => ID, { nullable: true })
    @IsOptional()
    @Length(...ID_LENGTH)
    departmentId?: string;

    @Field(() => ID, { nullable: true })
    @IsOptional()
    @Length(...ID_LENGTH)
    workAreaId?: string;

    @Field(() => ID, { nullable: true, description: 'ASSIGN of kind ASSISTS: the leader assisted.' })
    @IsOptional()
    @Length(...ID_LENGTH)
    principalId?: string;

    @Field(() => String, { nullable: true, description: 'ASSIGN of kind COORDINATES: the matter.' })
    @IsOptional()
    @Length(1, 500)
    subject?: string;

    @Field(() => LocalDateScalar, { nullable: true, description: 'ASSIGN: when the line ends (exclusive); open-ended when omitted.' })
    @IsOptional()
    validTo?: string;
  }
  return LineTargetTrait;
}

class NoFields {}

@InputType({ description: 'One item of a re-division. ASSIGN: kind, leaderId and the target fields; END: lineId; MOVE: lineId, toLeaderId; SET_BACKUP: leaderId, backupId, exceptTargetIds; END_BACKUP: backupId.' })
export class ChangeItemInput extends WithLineTarget(NoFields) {
  @Field(() => ChangeOpEnum)
  op!: ChangeOp;

  @Field(() => AssignmentKindEnum, { nullable: true })
  @IsOptional()
  kind?: AssignmentKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Length(...ID_LENGTH)
  leaderId?: string;

  @Field(() => ID, { nullable: true, description: 'END / MOVE: the line.' })
  @IsOptional()
  @Length(...ID_LENGTH)
  lineId?: string;

  @Field(() => ID, { nullable: true, description: 'MOVE: the leader who takes the line over.' })
  @IsOptional()
  @Length(...ID_LENGTH)
  toLeaderId?: string;

  @Field(() => ID, { nullable: true, description: 'SET_BACKUP: the B角; END_BACKUP: the id of the pair.' })
  @IsOptional()
  @Length(...ID_LENGTH)
  backupId?: string;

  @Field(() => [ID], { nullable: true, description: 'SET_BACKUP: units and work areas never handed to B.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @Length(1, 100, { each: true })
  exceptTargetIds?: string[];
}

function required<T>(value: T | undefined, field: string, op: ChangeOp, index: number): T {
  if (value === undefined) throw new BadInputError(`第 ${index + 1} 项 (${op}) 缺少 ${field} (item ${index}: ${op} needs ${field})`, { itemIndex: index, field });
  return value;
}

/** The domain item for an input item; BAD_USER_INPUT naming the item when a field its op needs is missing. */
export function toChangeItem(input: ChangeItemInput, index: number): ChangeItem {
  const need = <T>(value: T | undefined, field: string) => required(value, field, input.op, index);
  switch (input.op) {
    case 'ASSIGN':
      return {
        op: 'ASSIGN', kind: need(input.kind, 'kind'), leaderId: need(input.leaderId, 'leaderId'),
        departmentId: input.departmentId ?? null, workAreaId: input.workAreaId ?? null, principalId: input.principalId ?? null,
        subject: input.subject ?? null, validTo: input.validTo ?? null,
      };
    case 'END':
      return { op: 'END', lineId: need(input.lineId, 'lineId') };
    case 'MOVE':
      return { op: 'MOVE', lineId: need(input.lineId, 'lineId'), toLeaderId: need(input.toLeaderId, 'toLeaderId') };
    case 'SET_BACKUP':
      return { op: 'SET_BACKUP', leaderId: need(input.leaderId, 'leaderId'), backupId: need(input.backupId, 'backupId'), exceptTargetIds: input.exceptTargetIds ?? [] };
    case 'END_BACKUP':
      return { op: 'END_BACKUP', backupId: need(input.backupId, 'backupId') };
    default:
      throw new BadInputError(`未知操作 ${String(input.op)}`, { itemIndex: index });
  }
}

@InputType({ description: 'Where a change comes from: the decision that made it, when it takes effect, its document and signatory.' })
export class ChangeBasisInput {
  @Field(() => ID, { nullable: true, description: 'The decision of a quorate meeting that approved this change (R7): held, fresh (decisionMaxAgeDays), not used by another changeset. Required to apply.' })
  @IsOptional()
  @Length(...ID_LENGTH)
  decisionId?: string;

  @Field(() => LocalDateScalar, { description: 'When it takes effect: today or later (it is signed today; no back-dating).' })
  effectiveDate!: string;

  @Field(() => String, { nullable: true, description: '文号, e.g. 青政发〔2026〕20号: the one the cited decision approved (Decision.approvesDocument).' })
  @IsOptional()
  @MaxLength(100)
  document?: string;

  @Field(() => ID, { nullable: true, description: '签发人: the leader who presides in his own right and is at his post on the signing date (today). Required to apply; one only acting for another may not sign (ACTING_POWERS_EXCLUDED).' })
  @IsOptional()
  @Length(...ID_LENGTH)
  issuedById?: string;
}

@InputType({ description: 'A re-division (分工调整): a document, the decision that made it, the date it takes effect, and its items.' })
export class ChangesetInput extends ChangeBasisInput {
  @Field(() => ID)
  @Length(...ID_LENGTH)
  jurisdictionId!: string;

  @Field(() => [ChangeItemInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  items!: ChangeItemInput[];
}

const EXPECTED_VERSION = 'The directory version the change was prepared against (Jurisdiction.version). A stale version → CONFLICT.';

@InputType()
export class ApplyChangesetInput extends ChangesetInput {
  @Field(() => Int, { description: EXPECTED_VERSION })
  @Min(0)
  @Max(2_000_000_000)
  expectedVersion!: number;
}

@InputType({ description: 'Records that a leader is away (AB角 cover follows). EDITOR.' })
export class RecordAbsenceInput {
  @Field(() => ID)
  @Length(...ID_LENGTH)
  leaderId!: string;

  @Field(() => LocalDateScalar)
  validFrom!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day back (exclusive end); open-ended when omitted.' })
  @IsOptional()
  validTo?: string;

  @Field()
  @Length(1, 500)
  reason!: string;

  @Field(() => ID, { nullable: true, description: 'The person the government office designates to act, if any.' })
  @IsOptional()
  @Length(...ID_LENGTH)
  designatedActorId?: string;
}

@InputType({ description: 'Changes a recorded absence: extend or shorten it, designate who acts, correct the reason. Omitted fields stay as they are. EDITOR.' })
export class UpdateAbsenceInput {
  @Field(() => ID)
  @Length(...ID_LENGTH)
  absenceId!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The new first day back (exclusive end); null = not yet known.' })
  @IsOptional()
  validTo?: string | null;

  @Field(() => ID, { nullable: true, description: 'The person the government office designates to act; null = nobody.' })
  @IsOptional()
  @Length(...ID_LENGTH)
  designatedActorId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 500)
  reason?: string;
}

@ArgsType()
export class ChangesArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only this government’s changes.' })
  @IsOptional()
  @Length(...ID_LENGTH)
  jurisdictionId?: string;

  @Field(() => String, { nullable: true, description: 'Only changes at or after this moment (ISO 8601, e.g. 2026-11-28T00:00:00Z).' })
  @IsOptional()
  @MaxLength(40)
  since?: string;
}

@InputType({ description: 'What every one-item change carries: its basis and the version read.' })
export class ChangeAuthorityInput extends ChangeBasisInput {
  @Field(() => Int, { description: EXPECTED_VERSION })
  @Min(0)
  @Max(2_000_000_000)
  expectedVersion!: number;
}

@InputType()
export class AssignPortfolioInput extends WithLineTarget(ChangeAuthorityInput) {
  @Field(() => AssignmentKindEnum)
  kind!: AssignmentKind;

  @Field(() => ID)
  @Length(...ID_LENGTH)
  leaderId!: string;
}

@InputType()
export class EndAssignmentInput extends ChangeAuthorityInput {
  @Field(() => ID)
  @Length(...ID_LENGTH)
  lineId!: string;
}

@InputType()
export class MoveAssignmentInput extends EndAssignmentInput {
  @Field(() => ID)
  @Length(...ID_LENGTH)
  toLeaderId!: string;
}

@InputType()
export class SetBackupInput extends ChangeAuthorityInput {
  @Field(() => ID, { description: 'A: the leader stood in for.' })
  @Length(...ID_LENGTH)
  leaderId!: string;

  @Field(() => ID, { description: 'B: the leader who stands in.' })
  @Length(...ID_LENGTH)
  backupId!: string;

  @Field(() => [ID], { defaultValue: [], description: 'Units and work areas never handed to B (they pass to the presiding leader).' })
  @ArrayMaxSize(100)
  @Length(1, 100, { each: true })
  exceptTargetIds!: string[];
}
