// Field resolvers of the directory's nodes. Each reads the facts of its node's government through the
// per-request loader (one load per government per request), then asks the domain; no SQL per field.
import { Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import {
  absenceOn,
  actingCover,
  assistIsValid,
  backupOf,
  coversActedBy,
  covers,
  departmentHistory,
  GOVERNMENT_LINE_KINDS,
  leaderHistory,
  leadershipTeam,
  linesForDepartment,
  linesForWorkArea,
  linesOfLeader,
  presidingOn,
  type AssignmentFact,
  type AssignmentKind,
  type DirectoryFacts,
} from '../../domain';
import type { Context } from '../../graphql/context';
import { roleAtLeast } from '../../auth/tokens';
import { ConnectionArgs, paginate, type ConnectionShape } from '../../graphql/connection';
import { AsOfArgs, PortfolioArgs } from './directory.inputs';
import { DirectoryService } from './directory.service';
import { Presenter } from './directory.present';
import {
  AbsenceNode,
  ActingCoverNode,
  AppointmentNode,
  BackupNode,
  DepartmentHead,
  DepartmentNode,
  JurisdictionNode,
  LeaderNode,
  PortfolioLineConnection,
  PortfolioLineNode,
  WorkAreaNode,
} from './directory.types';

interface Placed {
  readonly jurisdictionId: string;
  readonly asOf: string;
}

async function presenterFor(ctx: Context, node: Placed, asOf: string | undefined): Promise<Presenter> {
  const facts: DirectoryFacts = await new DirectoryService(ctx).facts(node.jurisdictionId);
  return new Presenter(facts, asOf ?? node.asOf);
}

function ofKinds(lines: readonly AssignmentFact[], kinds: readonly AssignmentKind[] | undefined): AssignmentFact[] {
  return kinds === undefined ? [...lines] : lines.filter((l) => kinds.includes(l.kind));
}

@Resolver(() => JurisdictionNode)
export class JurisdictionFieldResolver {
  @FieldResolver(() => JurisdictionNode, { nullable: true, description: 'The government one level up (市区一体: city → district).' })
  async parent(@Root() node: JurisdictionNode, @Ctx() ctx: Context): Promise<JurisdictionNode | null> {
    if (node.parentId === null) return null;
    const parent = await ctx.loaders.jurisdiction.load(node.parentId);
    return parent === null ? null : JurisdictionNode.of(parent);
  }
}

@Resolver(() => LeaderNode)
export class LeaderFieldResolver {
  @FieldResolver(() => JurisdictionNode)
  async jurisdiction(@Root() node: LeaderNode, @Ctx() ctx: Context): Promise<JurisdictionNode> {
    return (await presenterFor(ctx, node, undefined)).jurisdiction();
  }

  @FieldResolver(() => [AppointmentNode], { description: 'Posts held on the date.' })
  async posts(@Root() node: LeaderNode, @Args(() => AsOfArgs) { asOf }: AsOfArgs, @Ctx() ctx: Context): Promise<AppointmentNode[]> {
    const present = await presenterFor(ctx, node, asOf);
    const member = leadershipTeam(present.facts, present.asOf).find((m) => m.leader.id === node.id);
    return (member?.appointments ?? []).map(({ appointment, post }) => AppointmentNode.of(appointment, post));
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Position in the protocol order (排序) on the date; null when not on the team.' })
  async protocolRank(@Root() node: LeaderNode, @Args(() => AsOfArgs) { asOf }: AsOfArgs, @Ctx() ctx: Context): Promise<number | null> {
    const present = await presenterFor(ctx, node, asOf);
    return leadershipTeam(present.facts, present.asOf).find((m) => m.leader.id === node.id)?.rank ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'Presides (主持全面工作) on the date.' })
  async presides(@Root() node: LeaderNode, @Args(() => AsOfArgs) { asOf }: AsOfArgs, @Ctx() ctx: Context): Promise<boolean> {
    const present = await presenterFor(ctx, node, asOf);
    return presidingOn(present.facts, present.asOf)?.leaderId === node.id;
  }

  @FieldResolver(() => [PortfolioLineNode], { description: 'All his lines on the date, optionally of some kinds only.' })
  async portfolio(@Root() node: LeaderNode, @Args(() => PortfolioArgs) { asOf, kinds }: PortfolioArgs, @Ctx() ctx: Context): Promise<PortfolioLineNode[]> {
    const present = await presenterFor(ctx, node, asOf);
    return ofKinds(linesOfLeader(present.facts, node.id, present.asOf), kinds).map((l) => present.line(l));
  }

  @FieldResolver(() => [PortfolioLineNode], { description: '负责: work areas he is responsible for.' })
  async responsibleFor(@Root() node: LeaderNode, @Args(() => AsOfArgs) { asOf }: AsOfArgs, @Ctx() ctx: Context): Promise<PortfolioLineNode[]> {
    return this.portfolio(node, { asOf, kinds: ['RESPONSIBLE_FOR'] }, ctx);
  }

  @FieldResolver(() => [PortfolioLineNode], { description: '分管: units he supervises.' })
  async supervises(@Root() node: LeaderNode, @Args(() => AsOfArgs) { asOf }: AsOfArgs, @Ctx() ctx: Context): Promise<PortfolioLineNode[]> {
    return this.portfolio(node, { asOf, kinds: ['SUPERVISES'] }, ctx);
  }

  @FieldResolver(() => [PortfolioLineNode], { description: '联系: outside units he liaises with (coordination only).' })
  async liaisesWith(@Root() node: LeaderNode, @Args(() => AsOfArgs) { asOf }: AsOfArgs, @Ctx() ctx: Context): Promise<PortfolioLineNode[]> {
    return this.portfolio(node, { asOf, kinds: ['LIAISES_WITH'] }, ctx);
  }

  @FieldResolver(() => [PortfolioLineNode], { description: '协助: lines on which he assists a principal.' })
  async assists(@Root() node: LeaderNode, @Args(() => AsOfArgs) { asOf }: AsOfArgs, @Ctx() ctx: Context): Promise<PortfolioLineNode[]> {
    return this.portfolio(node, { asOf, kinds: ['ASSISTS'] }, ctx);
  }

  @FieldResolver(() => [PortfolioLineNode], { description: 'Lines on which others assist him (reverse of assists).' })
  async assistedBy(@Root() node: LeaderNode, @Args(() => AsOfArgs) { asOf }: AsOfArgs, @Ctx() ctx: Context): Promise<PortfolioLineNode[]> {
    const present = await presenterFor(ctx, node, asOf);
    return present.facts.assignments
      .filter((l) => l.kind === 'ASSISTS' && l.principalId === node.id && covers(l, present.asOf))
      .map((l) => present.line(l));
  }

  @FieldResolver(() => [PortfolioLineNode], { description: '牵头协调: cross-portfolio matters he coordinates.' })
  async coordinates(@Root() node: LeaderNode, @Args(() => AsOfArgs) { asOf }: AsOfArgs, @Ctx() ctx: Context): Promise<PortfolioLineNode[]> {
    return this.portfolio(node, { asOf, kinds: ['COORDINATES'] }, ctx);
  }

  @FieldResolver(() => BackupNode, { nullable: true, description: 'His B角: who stands in for him when he is away.' })
  async backedUpBy(@Root() node: LeaderNode, @Args(() => AsOfArgs) { asOf }: AsOfArgs, @Ctx() ctx: Context): Promise<BackupNode | null> {
    const present = await presenterFor(ctx, node, asOf);
    const backup = backupOf(present.facts, node.id, present.asOf);
    return backup === null ? null : BackupNode.of(backup, present.asOf);
  }

  @FieldResolver(() => [BackupNode], { description: 'Whom he is B角 for (reverse of backedUpBy).' })
  async backsUp(@Root() node: LeaderNode, @Args(() => AsOfArgs) { asOf }: AsOfArgs, @Ctx() ctx: Context): Promise<BackupNode[]> {
    const present = await presenterFor(ctx, node, asOf);
    return present.facts.backups.filter((b) => b.backupId === node.id && covers(b, present.asOf)).map((b) => BackupNode.of(b, present.asOf));
  }

  @FieldResolver(() => AbsenceNode, { nullable: true, description: 'His absence covering the date, if any.' })
  async absence(@Root() node: LeaderNode, @Args(() => AsOfArgs) { asOf }: AsOfArgs, @Ctx() ctx: Context): Promise<AbsenceNode | null> {
    const present = await presenterFor(ctx, node, asOf);
    const absence = absenceOn(present.facts, node.id, present.asOf);
    return absence === null ? null : AbsenceNode.of(absence, node.jurisdictionId, present.asOf);
  }

  @FieldResolver(() => ActingCoverNode, { nullable: true, description: 'When he is away on the date: who acts for him, and why.' })
  async coveredBy(@Root() node: LeaderNode, @Args(() => AsOfArgs) { asOf }: AsOfArgs, @Ctx() ctx: Context): Promise<ActingCoverNode | null> {
    const present = await presenterFor(ctx, node, asOf);
    const cover = actingCover(present.facts, node.id, present.asOf);
    return cover === null ? null : present.cover(cover);
  }

  @FieldResolver(() => [ActingCoverNode], { description: 'The absent leaders he acts for on the date.' })
  async actingFor(@Root() node: LeaderNode, @Args(() => AsOfArgs) { asOf }: AsOfArgs, @Ctx() ctx: Context): Promise<ActingCoverNode[]> {
    const present = await presenterFor(ctx, node, asOf);
    return coversActedBy(present.facts, node.id, present.asOf).map((c) => present.cover(c));
  }

  @FieldResolver(() => [AppointmentNode], { description: 'Every post he has held, oldest first.' })
  async appointmentHistory(@Root() node: LeaderNode, @Ctx() ctx: Context): Promise<AppointmentNode[]> {
    const present = await presenterFor(ctx, node, undefined);
    return leaderHistory(present.facts, node.id).appointments.map((a) => {
      const post = present.facts.posts.find((p) => p.id === a.postId);
      if (post === undefined) throw new Error(`Appointment ${a.id} names unknown post ${a.postId}`);
      return AppointmentNode.of(a, post);
    });
  }

  @FieldResolver(() => PortfolioLineConnection, { description: 'Every line he has ever held, oldest first (R12).' })
  async history(@Root() node: LeaderNode, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: Context): Promise<ConnectionShape<PortfolioLineNode>> {
    const present = await presenterFor(ctx, node, undefined);
    return paginate(leaderHistory(present.facts, node.id).assignments.map((l) => present.line(l)), args);
  }
}

@Resolver(() => DepartmentHead)
export class DepartmentHeadFieldResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Office contact; null unless the caller is EDITOR or ADMIN.' })
  contact(@Root() head: DepartmentHead, @Ctx() ctx: Context): string | null {
    return ctx.viewer !== null && roleAtLeast(ctx.viewer.role, 'EDITOR') ? head.contact : null;
  }
}

@Resolver(() => DepartmentNode)
export class DepartmentFieldResolver {
  @FieldResolver(() => JurisdictionNode)
  async jurisdiction(@Root() node: DepartmentNode, @Ctx() ctx: Context): Promise<JurisdictionNode> {
    return (await presenterFor(ctx, node, undefined)).jurisdiction();
  }

  @FieldResolver(() => Boolean, { description: 'In the government line (may be directed); false for units that are only liaised with (R4).' })
  inGovernmentLine(@Root() node: DepartmentNode): boolean {
    return GOVERNMENT_LINE_KINDS.includes(node.kind);
  }

  private async lines(node: DepartmentNode, asOf: string | undefined, kind: AssignmentKind, ctx: Context): Promise<PortfolioLineNode[]> {
    const present = await presenterFor(ctx, node, asOf);
    return linesForDepartment(present.facts, node.id, present.asOf)
      .filter((l) => l.kind === kind && (kind !== 'ASSISTS' || assistIsValid(present.facts, l, present.asOf)))
      .map((l) => present.line(l));
  }

  @FieldResolver(() => [PortfolioLineNode], { description: '分管: the supervising leaders’ lines (reverse of Leader.supervises).' })
  supervisedBy(@Root() node: DepartmentNode, @Args(() => AsOfArgs) { asOf }: AsOfArgs, @Ctx() ctx: Context): Promise<PortfolioLineNode[]> {
    return this.lines(node, asOf, 'SUPERVISES', ctx);
  }

  @FieldResolver(() => [PortfolioLineNode], { description: '联系: the liaising leaders’ lines (reverse of Leader.liaisesWith).' })
  liaisedBy(@Root() node: DepartmentNode, @Args(() => AsOfArgs) { asOf }: AsOfArgs, @Ctx() ctx: Context): Promise<PortfolioLineNode[]> {
    return this.lines(node, asOf, 'LIAISES_WITH', ctx);
  }

  @FieldResolver(() => [PortfolioLineNode], { description: '协助: assisting leaders’ lines that hold on the date (principal still holds the unit).' })
  assistedBy(@Root() node: DepartmentNode, @Args(() => AsOfArgs) { asOf }: AsOfArgs, @Ctx() ctx: Context): Promise<PortfolioLineNode[]> {
    return this.lines(node, asOf, 'ASSISTS', ctx);
  }

  @FieldResolver(() => [PortfolioLineNode], { description: '牵头协调 lines that name this unit.' })
  coordinatedBy(@Root() node: DepartmentNode, @Args(() => AsOfArgs) { asOf }: AsOfArgs, @Ctx() ctx: Context): Promise<PortfolioLineNode[]> {
    return this.lines(node, asOf, 'COORDINATES', ctx);
  }

  @FieldResolver(() => PortfolioLineConnection, { description: 'Every line that has ever named this unit, oldest first (R12).' })
  async history(@Root() node: DepartmentNode, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: Context): Promise<ConnectionShape<PortfolioLineNode>> {
    const present = await presenterFor(ctx, node, undefined);
    return paginate(departmentHistory(present.facts, node.id).map((l) => present.line(l)), args);
  }
}

@Resolver(() => WorkAreaNode)
export class WorkAreaFieldResolver {
  @FieldResolver(() => [PortfolioLineNode], { description: 'Lines on this work area on the date (负责, 分管, valid 协助).' })
  async heldBy(@Root() node: WorkAreaNode, @Args(() => AsOfArgs) { asOf }: AsOfArgs, @Ctx() ctx: Context): Promise<PortfolioLineNode[]> {
    const present = await presenterFor(ctx, node, asOf);
    return linesForWorkArea(present.facts, node.id, present.asOf)
      .filter((l) => l.kind !== 'ASSISTS' || assistIsValid(present.facts, l, present.asOf))
      .map((l) => present.line(l));
  }
}

@Resolver(() => PortfolioLineNode)
export class PortfolioLineFieldResolver {
  private async present(node: PortfolioLineNode, ctx: Context): Promise<Presenter> {
    return presenterFor(ctx, { jurisdictionId: node.fact.jurisdictionId, asOf: node.asOf }, undefined);
  }

  @FieldResolver(() => LeaderNode)
  async leader(@Root() node: PortfolioLineNode, @Ctx() ctx: Context): Promise<LeaderNode> {
    return (await this.present(node, ctx)).leader(node.fact.leaderId);
  }

  @FieldResolver(() => DepartmentNode, { nullable: true })
  async department(@Root() node: PortfolioLineNode, @Ctx() ctx: Context): Promise<DepartmentNode | null> {
    return node.fact.departmentId === null ? null : (await this.present(node, ctx)).department(node.fact.departmentId);
  }

  @FieldResolver(() => WorkAreaNode, { nullable: true })
  async workArea(@Root() node: PortfolioLineNode, @Ctx() ctx: Context): Promise<WorkAreaNode | null> {
    return node.fact.workAreaId === null ? null : (await this.present(node, ctx)).workArea(node.fact.workAreaId);
  }

  @FieldResolver(() => LeaderNode, { nullable: true, description: 'For ASSISTS: the leader assisted.' })
  async principal(@Root() node: PortfolioLineNode, @Ctx() ctx: Context): Promise<LeaderNode | null> {
    return (await this.present(node, ctx)).optionalLeader(node.fact.principalId);
  }

  @FieldResolver(() => Boolean, { description: 'In force on the date asked about.' })
  current(@Root() node: PortfolioLineNode): boolean {
    return covers(node.fact, node.asOf);
  }

  @FieldResolver(() => Boolean, { description: 'An ASSISTS line whose principal does not hold the target on the date (it then confers nothing).' })
  async orphaned(@Root() node: PortfolioLineNode, @Ctx() ctx: Context): Promise<boolean> {
    if (node.fact.kind !== 'ASSISTS' || !covers(node.fact, node.asOf)) return false;
    return !assistIsValid((await this.present(node, ctx)).facts, node.fact, node.asOf);
  }
}

@Resolver(() => AbsenceNode)
export class AbsenceFieldResolver {
  @FieldResolver(() => LeaderNode)
  async leader(@Root() node: AbsenceNode, @Ctx() ctx: Context): Promise<LeaderNode> {
    return (await presenterFor(ctx, node, undefined)).leader(node.fact.leaderId);
  }

  @FieldResolver(() => LeaderNode, { nullable: true, description: 'The person the government office designated to act, if any.' })
  async designatedActor(@Root() node: AbsenceNode, @Ctx() ctx: Context): Promise<LeaderNode | null> {
    return (await presenterFor(ctx, node, undefined)).optionalLeader(node.fact.designatedActorId);
  }
}

@Resolver(() => BackupNode)
export class BackupFieldResolver {
  @FieldResolver(() => LeaderNode, { description: 'A: the leader stood in for.' })
  async leader(@Root() node: BackupNode, @Ctx() ctx: Context): Promise<LeaderNode> {
    return (await presenterFor(ctx, node, undefined)).leader(node.fact.leaderId);
  }

  @FieldResolver(() => LeaderNode, { description: 'B: the leader who stands in.' })
  async backup(@Root() node: BackupNode, @Ctx() ctx: Context): Promise<LeaderNode> {
    return (await presenterFor(ctx, node, undefined)).leader(node.fact.backupId);
  }

  @FieldResolver(() => [DepartmentNode], { description: 'Units never handed to B (they pass to the presiding leader).' })
  async exceptedDepartments(@Root() node: BackupNode, @Ctx() ctx: Context): Promise<DepartmentNode[]> {
    const present = await presenterFor(ctx, node, undefined);
    return present.facts.departments.filter((d) => node.fact.exceptTargetIds.includes(d.id)).map((d) => present.department(d.id));
  }

  @FieldResolver(() => [WorkAreaNode], { description: 'Work areas never handed to B.' })
  async exceptedWorkAreas(@Root() node: BackupNode, @Ctx() ctx: Context): Promise<WorkAreaNode[]> {
    const present = await presenterFor(ctx, node, undefined);
    return present.facts.workAreas.filter((w) => node.fact.exceptTargetIds.includes(w.id)).map((w) => present.workArea(w.id));
  }
}

export const NODE_RESOLVERS = [
  JurisdictionFieldResolver,
  LeaderFieldResolver,
  DepartmentFieldResolver,
  DepartmentHeadFieldResolver,
  WorkAreaFieldResolver,
  PortfolioLineFieldResolver,
  AbsenceFieldResolver,
  BackupFieldResolver,
] as const;
