// GraphQL read models of 市区一体: a city or province with the governments under it, each government's coverage in
// short, and totals; and the key tasks each government was assigned by its parent government, with their status.
import { Ctx, Field, Float, Int, ObjectType } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { LocalDateScalar } from '../../graphql/scalars';
import { KeyTaskNode, TaskStatusEnum } from '../key-work/key-work.types';
import { DepartmentNode, JurisdictionNode, LeaderNode } from './directory.types';
import { SubtreeService, type TaskStatusCounts } from './subtree.service';

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

@ObjectType('TaskStatusCounts', { description: 'Key tasks by their status on the date (derived, as KeyTask.status is).' })
export class TaskStatusCountsNode {
  @Field(() => Int) total!: number;
  @Field(() => Int, { description: '未报告进展' }) notStarted!: number;
  @Field(() => Int, { description: '正常推进' }) onTrack!: number;
  @Field(() => Int, { description: '进度滞后或节点逾期' }) atRisk!: number;
  @Field(() => Int, { description: '超过完成时限未办结' }) overdue!: number;
  @Field(() => Int, { description: '已办结' }) completed!: number;

  static of(c: TaskStatusCounts): TaskStatusCountsNode {
    return Object.assign(new TaskStatusCountsNode(), {
      total: c.total, notStarted: c.NOT_STARTED, onTrack: c.ON_TRACK, atRisk: c.AT_RISK, overdue: c.OVERDUE, completed: c.COMPLETED,
    });
  }
}

@ObjectType('AssignedTask', { description: 'A key task the parent government assigned (市里交办, assignKeyTaskToDistricts), with its status on the subtree’s date.' })
export class AssignedTaskNode {
  @Field(() => KeyTaskNode, { description: 'The government’s own (child) task; parentTask is the assigning government’s task.' })
  task!: KeyTaskNode;

  @Field(() => TaskStatusEnum, { description: 'On the subtree’s date (KeyTask.status(asOf) of that date).' })
  status!: string;

  @Field(() => Int, { description: 'The latest reported percent on or before the date (0 when none).' })
  progress!: number;

  @Field(() => Int, { description: 'The even pace on the date: the elapsed share of the task’s time, in percent.' })
  expectedProgress!: number;
}

@ObjectType('GovernmentAssignedTasks', { description: 'One government of a subtree: the key tasks its parent government assigned to it, by status.' })
export class GovernmentAssignedTasksNode {
  @Field(() => JurisdictionNode)
  jurisdiction!: JurisdictionNode;

  @Field(() => Int, { description: 'As in governments: 0 for the root, 1 for the governments directly under it, and so on.' })
  depth!: number;

  @Field(() => TaskStatusCountsNode)
  counts!: TaskStatusCountsNode;

  @Field(() => [AssignedTaskNode], { description: 'Tasks that exist on the date; most urgent first (OVERDUE, AT_RISK, NOT_STARTED, ON_TRACK, COMPLETED), then the nearer deadline.' })
  tasks!: AssignedTaskNode[];
}

@ObjectType('SubtreeAssignedTasks', { description: '市区一体 交办: the tasks each government of a subtree was assigned by its parent government, and their status on the date.' })
export class SubtreeAssignedTasksNode {
  @Field(() => [GovernmentAssignedTasksNode], { description: 'Every government of the subtree, in the order of SubtreeCoverage.governments (the root too: its tasks come from its own parent, if any).' })
  governments!: GovernmentAssignedTasksNode[];

  @Field(() => TaskStatusCountsNode, { description: 'Over every government of the subtree.' })
  totals!: TaskStatusCountsNode;
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

  /**
   * Resolved only when asked for: one batch of the key-work loader for the whole subtree (one statement per key-work
   * table), rows of the subtree's governments only. The nodes' facts are already loaded for the coverage.
   */
  @Field(() => SubtreeAssignedTasksNode, {
    description:
      '市区一体 交办: for each government, the key tasks its parent government assigned to it (a city’s tasks assigned to its districts), with their status on asOf and counts by status.',
  })
  async assignedTasks(@Ctx() ctx: Context): Promise<SubtreeAssignedTasksNode> {
    const answer = await new SubtreeService(ctx).assignedTasks(this.governments.map((g) => g.jurisdiction.id), this.asOf);
    return Object.assign(new SubtreeAssignedTasksNode(), {
      governments: answer.governments.map((g, i) =>
        Object.assign(new GovernmentAssignedTasksNode(), {
          jurisdiction: this.governments[i].jurisdiction,
          depth: this.governments[i].depth,
          counts: TaskStatusCountsNode.of(g.counts),
          tasks: g.tasks.map((t) =>
            Object.assign(new AssignedTaskNode(), { task: KeyTaskNode.of(t.task), status: t.status.status, progress: t.status.percent, expectedProgress: t.status.expectedPercent }),
          ),
        }),
      ),
      totals: TaskStatusCountsNode.of(answer.totals),
    });
  }
}
