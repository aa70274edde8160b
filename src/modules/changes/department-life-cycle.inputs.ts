// Inputs of the units' life cycle (机构改革), validated at the edge.
import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import type { DepartmentKind } from '../../domain';
import { DepartmentKindEnum } from '../../graphql/enums';
import { LocalDateScalar } from '../../graphql/scalars';

const ID_LENGTH = [1, 100] as const;

@InputType({ description: 'A unit a change creates.' })
export class NewDepartmentInput {
  @Field(() => ID, { nullable: true, description: 'A stable id (e.g. dept:data); one is minted when omitted.' })
  @IsOptional()
  @Length(...ID_LENGTH)
  id?: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field(() => DepartmentKindEnum)
  kind!: DepartmentKind;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  @Length(1, 200, { each: true })
  aliases!: string[];
}

@InputType({ description: 'What every 机构改革 step carries: when, on what document, against which version.' })
export class ReorganisationInput {
  @Field(() => LocalDateScalar, { description: 'The day it takes effect.' })
  on!: string;

  @Field({ description: '文号 of the 机构改革 decision (机构编制部门 / 党委).' })
  @Length(1, 100)
  document!: string;

  @Field(() => Int, { description: 'The directory version read (Jurisdiction.version); a stale version → CONFLICT.' })
  @Min(0)
  @Max(2_000_000_000)
  expectedVersion!: number;
}

@InputType({ description: 'Creates a unit from `on`. EDITOR.' })
export class CreateDepartmentInput extends ReorganisationInput {
  @Field(() => ID)
  @Length(...ID_LENGTH)
  jurisdictionId!: string;

  @Field(() => NewDepartmentInput)
  @ValidateNested()
  department!: NewDepartmentInput;
}

@InputType({ description: 'Renames a unit: same id and history; the old name becomes an alias. EDITOR.' })
export class RenameDepartmentInput extends ReorganisationInput {
  @Field(() => ID)
  @Length(...ID_LENGTH)
  departmentId!: string;

  @Field()
  @Length(1, 200)
  name!: string;
}

@InputType({ description: 'Merges units into a new one (into) or into an existing one (intoDepartmentId, 并入); their lines move with their leaders. EDITOR.' })
export class MergeDepartmentsInput extends ReorganisationInput {
  @Field(() => [ID])
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @Length(1, 100, { each: true })
  departmentIds!: string[];

  @Field(() => NewDepartmentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  into?: NewDepartmentInput;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Length(...ID_LENGTH)
  intoDepartmentId?: string;
}

@InputType({ description: 'Splits a unit into new ones; its lines are copied to each with the same leader (adjust them by changeset). EDITOR.' })
export class SplitDepartmentInput extends ReorganisationInput {
  @Field(() => ID)
  @Length(...ID_LENGTH)
  departmentId!: string;

  @Field(() => [NewDepartmentInput])
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  into!: NewDepartmentInput[];
}

@InputType({ description: 'Abolishes a unit from `on`; its lines end, or move to transferToId when its work is transferred. EDITOR.' })
export class AbolishDepartmentInput extends ReorganisationInput {
  @Field(() => ID)
  @Length(...ID_LENGTH)
  departmentId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Length(...ID_LENGTH)
  transferToId?: string;
}
