// GraphQL read models of 市区一体: a city or province with the governments under it, each government's coverage in
// short, and totals.
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars';
import { DepartmentNode, JurisdictionNode, LeaderNode } from './directory.types';

@ObjectType('LoadSpread', { description: 'How portfolio lines spread over team members on the date.' })
export class LoadSpreadNode {
  @Field(() => Int, { description: 'Team members counted.' }) leaders!: number;
  @Field(() => Int, { description: 'Lines in force, all of them together.' }) lines!: number;
  @Field(() => Int) min!: number;
  @Field(() => Int) max!: number;
  @Field(() => Float, { description: 'lines / leaders, two decimals.' }) mean!: number;
  @Field(() => Int, { description: 'max − min.' }) spread!: number;
  @Field(() => LeaderNode, { nullable: true, description: 'The first member (protocol order, tree order) with the most lines.' })
  heaviest!: LeaderNode | null;
  @Field(() => LeaderNode, { nullable: true, description: 'The first member with the fewest lines.' })
  lightest!: LeaderNode | null;
}

@ObjectType('GovernmentCoverage', { description: 'One government of a subtree: its coverage on the date, in short.' })
export class GovernmentCoverageNode {
  @Field(() => JurisdictionNode)
  jurisdiction!: JurisdictionNode;

  @Field(() => Int, { description: '0 for the root, 1 for the governments directly under it, and so on.' })
  depth!: number;

  @Field(() => [DepartmentNode], { description: 'Government departments with no supervising leader.' })
  gaps!: DepartmentNode[];

  @Field(() => Int, { description: 'Units with more than one supervising leader.' })
  overlapCount!: number;

  @Field(() => Int, { description: 'Team members away on the date.' })
  absenceCount!: number;

  @Field(() => [LeaderNode], { description: 'Absent members their AB partner cannot cover (see coverage.absentWithoutCover for who acts).' })
  absentWithoutCover!: LeaderNode[];

  @Field(() => Int, { description: 'Outside units nobody liaises with.' })
  unliaisedExternalUnitCount!: number;

  @Field(() => Int, { description: 'ASSISTS lines whose principal no longer holds the target.' })
  orphanedAssistCount!: number;

  @Field(() => LoadSpreadNode)
  load!: LoadSpreadNode;
}

@ObjectType('SubtreeCoverageTotals', { description: 'Totals over every government of a subtree.' })
export class SubtreeCoverageTotalsNode {
  @Field(() => Int) governments!: number;
  @Field(() => Int, { description: 'Governments with a gap or an absence without cover.' }) governmentsNeedingAttention!: number;
  @Field(() => Int) gaps!: number;
  @Field(() => Int) overlaps!: number;
  @Field(() => Int) absences!: number;
  @Field(() => Int) absentWithoutCover!: number;
  @Field(() => Int) unliaisedExternalUnits!: number;
  @Field(() => Int) orphanedAssists!: number;
  @Field(() => LoadSpreadNode, { description: 'Over every team member of every government.' }) load!: LoadSpreadNode;
  @Field(() => Int, { description: 'The widest spread within one team.' }) widestSpread!: number;
  @Field(() => JurisdictionNode, { nullable: true, description: 'The first government (tree order) with the widest spread.' })
  widestSpreadJurisdiction!: JurisdictionNode | null;
}

@ObjectType('SubtreeCoverage', { description: '市区一体: a city or province and every government under it, coverage on a date.' })
export class SubtreeCoverageNode {
  @Field(() => JurisdictionNode)
  root!: JurisdictionNode;

  @Field(() => LocalDateScalar)
  asOf!: string;

  @Field(() => [GovernmentCoverageNode], { description: 'The root first, then the governments under it, parents before children, siblings by name.' })
  governments!: GovernmentCoverageNode[];

  @Field(() => SubtreeCoverageTotalsNode)
  totals!: SubtreeCoverageTotalsNode;
}
