// Inputs of the team's life cycle (任免, 排序), validated at the edge.
import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { PostKind } from '../../domain';
import { PostKindEnum } from '../../graphql/enums';
import { LocalDateScalar } from '../../graphql/scalars';
import { ChangeBasisInput, ChangeItemInput } from './changes.inputs';

const ID_LENGTH = [1, 100] as const;

@InputType({ description: '任命: a new person (name) or a recorded one (leaderId) takes a post, cited by the 任免 document of the people’s congress or party committee. EDITOR.' })
export class AppointLeaderInput {
  @Field(() => ID)
  @Length(...ID_LENGTH)
  jurisdictionId!: string;

  @Field(() => ID, { nullable: true, description: 'An existing leader (e.g. the 代区长 confirmed as 区长); omit and give name for a new person.' })
  @IsOptional()
  @Length(...ID_LENGTH)
  leaderId?: string;

  @Field(() => String, { nullable: true, description: 'A new person’s name.' })
  @IsOptional()
  @Length(1, 100)
  name?: string;

  @Field(() => PostKindEnum)
  postKind!: PostKind;

  @Field({ description: 'As written, e.g. 副区长, 区长.' })
  @Length(1, 100)
  title!: string;

  @Field({ defaultValue: false, description: 'True for an acting holder (代区长).' })
  acting!: boolean;

  @Field(() => LocalDateScalar)
  validFrom!: string;

  @Field({ description: 'The 任免 document, e.g. 青人常任〔2026〕8号.' })
  @Length(1, 100)
  document!: string;

  @Field(() => Int, { description: 'The directory version read (Jurisdiction.version); a stale version → CONFLICT.' })
  @Min(0)
  @Max(2_000_000_000)
  expectedVersion!: number;
}

@InputType({ description: 'The same change ends or moves the leaving leader’s lines: a re-division citing its own decision (R7).' })
export class LineChangesInput extends ChangeBasisInput {
  @Field(() => [ChangeItemInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  items!: ChangeItemInput[];
}

@InputType({ description: '免职: an appointment ends (exclusive validTo), cited by its 任免 document. EDITOR.' })
export class EndAppointmentInput {
  @Field(() => ID)
  @Length(...ID_LENGTH)
  appointmentId!: string;

  @Field(() => LocalDateScalar, { description: 'The first day he no longer holds the post.' })
  validTo!: string;

  @Field()
  @Length(1, 100)
  document!: string;

  @Field(() => LineChangesInput, { nullable: true, description: 'Ends or moves his lines in the same atomic change; its effective date is validTo.' })
  @IsOptional()
  @ValidateNested()
  lineChanges?: LineChangesInput;

  @Field(() => Int)
  @Min(0)
  @Max(2_000_000_000)
  expectedVersion!: number;
}

@InputType({ description: '排序: the protocol order of the team from validFrom (it orders listings; it confers no authority). EDITOR.' })
export class SetTeamOrderInput {
  @Field(() => ID)
  @Length(...ID_LENGTH)
  jurisdictionId!: string;

  @Field(() => LocalDateScalar)
  validFrom!: string;

  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @Length(1, 100, { each: true })
  leaderIds!: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  document?: string;

  @Field(() => Int)
  @Min(0)
  @Max(2_000_000_000)
  expectedVersion!: number;
}
