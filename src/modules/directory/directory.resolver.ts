// Thin query resolvers: arguments → service (facts) → domain → presenter.
import { Arg, Args, Authorized, Ctx, ID, Query, Resolver, Subscription } from 'type-graphql';
import {
  canDirect,
  compareDepartments,
  coverage,
  DEPARTMENT_KINDS,
  leadershipTeam,
  portfolioMatrix,
  subtreeCoverage,
  whoCanDirect,
  whoOverseesAcross,
  covers,
} from '../../domain';
import type { Context } from '../../graphql/context';
import { TOPICS, type DirectoryChangedEvent } from '../../scope/events';
import { ALL_GOVERNMENTS } from '../../store/write-tracking';
import {
  connectionOf,
  decodeGovernmentCursor,
  DEFAULT_PAGE_SIZE,
  encodeGovernmentCursor,
  keysetConnection,
  pageWindow,
  paginate,
  type ConnectionShape,
} from '../../graphql/connection';
import {
  CanDirectArgs,
  DepartmentsArgs,
  IdArgs,
  JurisdictionArgs,
  JurisdictionsArgs,
  LeadershipTeamArgs,
  SubtreeCoverageArgs,
  WhoCanDirectArgs,
  WhoOverseesArgs,
} from './directory.inputs';
import { DirectoryService } from './directory.service';
import { Presenter } from './directory.present';
import { SubtreeService } from './subtree.service';
import { presentSubtreeCoverage } from './subtree.present';
import { SubtreeCoverageNode } from './subtree.types';
import {
  CoverageNode,
  DepartmentConnection,
  DepartmentNode,
  DirectionGrantConnection,
  DirectionGrantNode,
  DirectionVerdictNode,
  JurisdictionConnection,
  JurisdictionNode,
  LeaderConnection,
  LeaderNode,
  OversightMatchConnection,
  OversightMatchNode,
  PortfolioMatrixNode,
  WorkAreaNode,
} from './directory.types';

/** What whoOversees says beyond its page: how many governments it looked into, and whether candidates remain. */
type OversightMatches = ConnectionShape<OversightMatchNode> & { governmentsMatched: number; governmentsSearched: number; moreGovernments: boolean };

/**
 * Every query here reads the directory: VIEWER, or anyone when the server runs with public reads. Nested
 * fields need no guard of their own: they are reachable only through these root fields.
 */
@Authorized('VIEWER')
@Resolver()
export class DirectoryResolver {
  @Authorized('VIEWER')
  @Subscription(() => JurisdictionNode, {
    topics: TOPICS.directoryChanged,
    filter: ({ payload, args }: { payload: DirectoryChangedEvent; args: { jurisdictionId: string } }) => payload.jurisdictionId === args.jurisdictionId || payload.jurisdictionId === ALL_GOVERNMENTS,
    description:
      'The government, each time a committed write touches it — a re-division, an appointment or a unit’s life cycle, an absence, a meeting or decision, key work, an import — as it is after that write: refetch what you show.',
  })
  async directoryChanged(@Arg('jurisdictionId', () => ID) jurisdictionId: string, @Ctx() ctx: Context): Promise<JurisdictionNode> {
    return JurisdictionNode.of((await new DirectoryService(ctx).facts(jurisdictionId)).jurisdiction);
  }

  @Query(() => JurisdictionNode, { description: 'A government by id.' })
  async jurisdiction(@Args(() => IdArgs) { id }: IdArgs, @Ctx() ctx: Context): Promise<JurisdictionNode> {
    const facts = await new DirectoryService(ctx).facts(id);
    return JurisdictionNode.of(facts.jurisdiction);
  }

  @Query(() => JurisdictionConnection, { description: 'Governments, by id; optionally only those under a parent.' })
  async jurisdictions(@Args(() => JurisdictionsArgs) args: JurisdictionsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<JurisdictionNode>> {
    const { offset, size } = pageWindow(args);
    const { items, totalCount } = await new DirectoryService(ctx).jurisdictions({ parentId: args.parentId }, { offset, size });
    return connectionOf(items.map((j) => JurisdictionNode.of(j)), offset, size, totalCount);
  }

  @Query(() => LeaderConnection, { description: 'The leadership team on a date, in protocol order (排序), with posts and portfolios.' })
  async leadershipTeam(@Args(() => LeadershipTeamArgs) args: LeadershipTeamArgs, @Ctx() ctx: Context): Promise<ConnectionShape<LeaderNode>> {
    const asOf = args.asOf ?? ctx.today;
    const facts = await new DirectoryService(ctx).facts(args.jurisdictionId);
    const present = new Presenter(facts, asOf);
    return paginate(leadershipTeam(facts, asOf).map((m) => present.leader(m.leader.id)), args);
  }

  @Query(() => LeaderNode, { description: 'A leader by id; NOT_FOUND when there is none.' })
  async leader(@Args(() => IdArgs) { id, asOf }: IdArgs, @Ctx() ctx: Context): Promise<LeaderNode> {
    const { fact } = await new DirectoryService(ctx).leader(id);
    return LeaderNode.of(fact, asOf ?? ctx.today);
  }

  @Query(() => DepartmentNode, { description: 'A unit by id; NOT_FOUND when there is none.' })
  async department(@Args(() => IdArgs) { id, asOf }: IdArgs, @Ctx() ctx: Context): Promise<DepartmentNode> {
    const { fact } = await new DirectoryService(ctx).department(id);
    return DepartmentNode.of(fact, asOf ?? ctx.today);
  }

  @Query(() => WorkAreaNode, { description: 'A work area by id; NOT_FOUND when there is none.' })
  async workArea(@Args(() => IdArgs) { id, asOf }: IdArgs, @Ctx() ctx: Context): Promise<WorkAreaNode> {
    const { fact } = await new DirectoryService(ctx).workArea(id);
    return WorkAreaNode.of(fact, asOf ?? ctx.today);
  }

  @Query(() => DepartmentConnection, { description: 'The units of a government that exist on a date: government line first, then by kind and name.' })
  async departments(@Args(() => DepartmentsArgs) args: DepartmentsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<DepartmentNode>> {
    const asOf = args.asOf ?? ctx.today;
    const facts = await new DirectoryService(ctx).facts(args.jurisdictionId);
    const kinds = args.kinds ?? DEPARTMENT_KINDS;
    const units = facts.departments.filter((d) => covers(d, asOf) && kinds.includes(d.kind)).sort(compareDepartments);
    return paginate(units.map((d) => DepartmentNode.of(d, asOf)), args);
  }

  @Query(() => OversightMatchConnection, {
    description:
      'Who oversees X? Search as people ask — unit names, short forms, topics of work, sentences, traditional characters, pinyin, leaders, heads — best first, each match with why it matched and its leaders.',
  })
  async whoOversees(@Args(() => WhoOverseesArgs) args: WhoOverseesArgs, @Ctx() ctx: Context): Promise<OversightMatches> {
    const asOf = args.asOf ?? ctx.today;
    const governments = await new SubtreeService(ctx).governmentsToSearch(args);
    if (governments === null) return this.whoOverseesCountry(args, asOf, ctx);
    const presenters = new Map(governments.map((facts) => [facts.jurisdiction.id, new Presenter(facts, asOf)]));
    const matches = whoOverseesAcross(governments, args.text, asOf);
    const page = paginate(matches.map(({ jurisdictionId, match }) => (presenters.get(jurisdictionId) as Presenter).match(match)), args);
    return { ...page, governmentsMatched: governments.length, governmentsSearched: governments.length, moreGovernments: false };
  }

  /** Naming no government: every candidate of the name index, by government then rank, with keyset cursors. */
  private async whoOverseesCountry(args: WhoOverseesArgs, asOf: string, ctx: Context): Promise<OversightMatches> {
    const after = args.after === undefined || args.after === null ? null : decodeGovernmentCursor(args.after);
    const page = await new DirectoryService(ctx).searchCountry(args.text, asOf, { after, size: args.first ?? DEFAULT_PAGE_SIZE });
    const presenters = new Map<string, Presenter>();
    const edges = page.matches.map((m) => {
      let present = presenters.get(m.jurisdictionId);
      if (present === undefined) presenters.set(m.jurisdictionId, (present = new Presenter(m.facts, asOf)));
      return { cursor: encodeGovernmentCursor(m), node: present.match(m.match) };
    });
    const { governmentsMatched, governmentsSearched, moreGovernments } = page;
    const endCursor = page.resumeAfter === null ? null : encodeGovernmentCursor(page.resumeAfter);
    return keysetConnection(edges, { hasNextPage: page.hasNextPage, hasPreviousPage: after !== null, endCursor }, () => page.totalCount(), { governmentsMatched, governmentsSearched, moreGovernments });
  }

  @Query(() => DirectionVerdictNode, { description: 'May this leader direct this unit on this date? Allowed with its basis and proof, or refused with a code.' })
  async canDirect(@Args(() => CanDirectArgs) args: CanDirectArgs, @Ctx() ctx: Context): Promise<DirectionVerdictNode> {
    const asOf = args.asOf ?? ctx.today;
    const service = new DirectoryService(ctx);
    const [{ facts }, unit] = await Promise.all([service.leader(args.leaderId), service.department(args.departmentId)]);
    const verdict = canDirect(facts, args.leaderId, args.departmentId, asOf);
    return new Presenter(facts, asOf).verdict(verdict, args.leaderId, DepartmentNode.of(unit.fact, asOf));
  }

  @Query(() => DirectionGrantConnection, { description: 'Every leader who may direct this unit on this date, the primary (分管) line first.' })
  async whoCanDirect(@Args(() => WhoCanDirectArgs) args: WhoCanDirectArgs, @Ctx() ctx: Context): Promise<ConnectionShape<DirectionGrantNode>> {
    const asOf = args.asOf ?? ctx.today;
    const { facts } = await new DirectoryService(ctx).department(args.departmentId);
    const present = new Presenter(facts, asOf);
    return paginate(whoCanDirect(facts, args.departmentId, asOf).map((g) => present.grant(g)), args);
  }

  @Query(() => PortfolioMatrixNode, { description: 'Leaders × units and work areas on a date, with 分管 / 联系 / 协助 told apart.' })
  async portfolioMatrix(@Args(() => JurisdictionArgs) args: JurisdictionArgs, @Ctx() ctx: Context): Promise<PortfolioMatrixNode> {
    const asOf = args.asOf ?? ctx.today;
    const facts = await new DirectoryService(ctx).facts(args.jurisdictionId);
    return new Presenter(facts, asOf).matrix(portfolioMatrix(facts, asOf));
  }

  @Query(() => CoverageNode, { description: 'Coverage on a date: gaps, overlaps, load per leader, absences and who acts.' })
  async coverage(@Args(() => JurisdictionArgs) args: JurisdictionArgs, @Ctx() ctx: Context): Promise<CoverageNode> {
    const asOf = args.asOf ?? ctx.today;
    const facts = await new DirectoryService(ctx).facts(args.jurisdictionId);
    return new Presenter(facts, asOf).coverage(coverage(facts, asOf));
  }

  @Query(() => SubtreeCoverageNode, {
    description:
      '市区一体: coverage of a city or province and of every government under it on a date — each one’s gaps, overlaps, absences without cover and load spread, and totals.',
  })
  async subtreeCoverage(@Args(() => SubtreeCoverageArgs) args: SubtreeCoverageArgs, @Ctx() ctx: Context): Promise<SubtreeCoverageNode> {
    const asOf = args.asOf ?? ctx.today;
    const { members, facts } = await new SubtreeService(ctx).load(args.jurisdictionId, args.maxDepth);
    return presentSubtreeCoverage(subtreeCoverage(members, facts, asOf), facts, asOf);
  }
}
