// Argument shapes of the read API, validated at the edge (class-validator). Legitimacy is the domain's job.
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { ConnectionArgs } from '../../graphql/connection';
import { LocalDateScalar } from '../../graphql/scalars';
import { AssignmentKindEnum, DepartmentKindEnum } from '../../graphql/enums';
import type { AssignmentKind, DepartmentKind } from '../../domain';

const ID_LENGTH = [1, 100] as const;
const AS_OF = 'The date to answer for (YYYY-MM-DD); today when omitted.';

@ArgsType()
export class AsOfArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: AS_OF })
  asOf?: string;
}

@ArgsType()
export class IdArgs extends AsOfArgs {
  @Field(() => ID)
  @Length(...ID_LENGTH)
  id!: string;
}

@ArgsType()
export class JurisdictionArgs extends AsOfArgs {
  @Field(() => ID)
  @Length(...ID_LENGTH)
  jurisdictionId!: string;
}

@ArgsType()
export class LeadershipTeamArgs extends ConnectionArgs {
  @Field(() => ID)
  @Length(...ID_LENGTH)
  jurisdictionId!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: AS_OF })
  asOf?: string;
}

@ArgsType()
export class JurisdictionsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only the governments directly under this one.' })
  @IsOptional()
  @Length(...ID_LENGTH)
  parentId?: string;
}

@ArgsType()
export class DepartmentsArgs extends LeadershipTeamArgs {
  @Field(() => [DepartmentKindEnum], { nullable: true, description: 'Only units of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(8)
  kinds?: DepartmentKind[];
}

@ArgsType()
export class CanDirectArgs extends AsOfArgs {
  @Field(() => ID)
  @Length(...ID_LENGTH)
  leaderId!: string;

  @Field(() => ID)
  @Length(...ID_LENGTH)
  departmentId!: string;
}

@ArgsType()
export class WhoCanDirectArgs extends ConnectionArgs {
  @Field(() => ID)
  @Length(...ID_LENGTH)
  departmentId!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: AS_OF })
  asOf?: string;
}

@ArgsType()
export class WhoOverseesArgs extends ConnectionArgs {
  @Field({
    description:
      'What people ask: a unit, short form, topic of work, leader or "…局长", in simplified or traditional characters or pinyin, alone or in a sentence (财政, 人社局, 殡葬, 審計, shenji, 谁分管税务?, 教育局长).',
  })
  @Length(1, 50)
  @Matches(/^[^\p{Cc}]*$/u, { message: 'text must not contain control characters' })
  text!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: AS_OF })
  asOf?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'Search this government only. Omitted (and no withinJurisdictionId): every government of the country whose units, work areas or leaders hold one of the text’s keywords, matches by government (id order) then by rank, paged with cursors of their own.',
  })
  @IsOptional()
  @Length(...ID_LENGTH)
  jurisdictionId?: string;

  @Field(() => ID, {
    nullable: true,
    description: '市区一体: search this government and every government under it (a city and its districts); not with jurisdictionId.',
  })
  @IsOptional()
  @Length(...ID_LENGTH)
  withinJurisdictionId?: string;
}

@ArgsType()
export class SubtreeCoverageArgs extends JurisdictionArgs {
  @Field(() => Int, { nullable: true, description: 'Only this many levels below the government (1: its direct children); all when omitted.' })
  @IsOptional()
  @Min(0)
  @Max(6)
  maxDepth?: number;
}

@ArgsType()
export class PortfolioArgs extends AsOfArgs {
  @Field(() => [AssignmentKindEnum], { nullable: true, description: 'Only lines of these kinds; all when omitted.' })
  @IsOptional()
  @ArrayMaxSize(6)
  kinds?: AssignmentKind[];
}
