// Thin resolvers of the write path: inputs → a changeset draft → ChangesService → nodes.
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { ChangeItem, ChangesetDraft, ChangesetPlan } from '../../domain';
import { BadInputError } from '../../domain';
import type { Changeset } from '../../entities';
import { LocalDateScalar } from '../../graphql/scalars';
import type { Context } from '../../graphql/context';
import { TOPICS, type PortfolioChangedEvent } from '../../scope/events';
import { connectionOf, pageWindow, type ConnectionShape } from '../../graphql/connection';
import { AbsenceNode, JurisdictionNode } from '../directory/directory.types';
import {
  ApplyChangesetInput,
  AssignPortfolioInput,
  ChangeAuthorityInput,
  ChangesArgs,
  ChangesetInput,
  EndAssignmentInput,
  MoveAssignmentInput,
  RecordAbsenceInput,
  SetBackupInput,
  toChangeItem,
  UpdateAbsenceInput,
} from './changes.inputs';
import { ChangesService } from './changes.service';
import { readAudit } from '../audit';
import { LifeCycleResolver } from './life-cycle.resolver';
import { DepartmentLifeCycleResolver, DepartmentLineageResolver } from './department-life-cycle.resolver';
import {
  AuditEventConnection,
  AuditEventNode,
  ChangesetNode,
  ChangesetPreviewNode,
  DiffEntryNode,
  PortfolioChangeNode,
  ViolationNode,
} from './changes.types';

function draftOf(input: ChangesetInput): ChangesetDraft {
  return {
    jurisdictionId: input.jurisdictionId,
    document: input.document ?? null,
    decisionId: input.decisionId ?? null,
    effectiveDate: input.effectiveDate,
    issuedById: input.issuedById ?? null,
    items: input.items.map((item, i) => toChangeItem(item, i)),
  };
}

function oneItem(jurisdictionId: string, authority: ChangeAuthorityInput, item: ChangeItem): ChangesetDraft {
  return {
    jurisdictionId,
    document: authority.document ?? null,
    decisionId: authority.decisionId ?? null,
    effectiveDate: authority.effectiveDate,
    issuedById: authority.issuedById ?? null,
    items: [item],
  };
}

function changesetNode(changeset: Changeset, plan: ChangesetPlan): ChangesetNode {
  return Object.assign(new ChangesetNode(), {
    id: changeset.id, document: changeset.document, decisionId: changeset.decisionId, effectiveDate: changeset.effectiveDate,
    version: changeset.version, appliedBy: changeset.appliedBy, appliedAt: changeset.appliedAt,
    diff: plan.diff.map((d) => DiffEntryNode.of(d)), warnings: plan.warnings.map((w) => ViolationNode.of(w)),
  });
}

@Resolver()
export class ChangesResolver {
  @Authorized('EDITOR')
  @Query(() => ChangesetPreviewNode, { description: 'Dry run of a re-division: the diff against the current division and every violation, with the item it comes from. Writes nothing. EDITOR.' })
  async previewChangeset(@Arg('input', () => ChangesetInput) input: ChangesetInput, @Ctx() ctx: Context): Promise<ChangesetPreviewNode> {
    const { plan, version } = await new ChangesService(ctx).preview(draftOf(input));
    return Object.assign(new ChangesetPreviewNode(), {
      valid: plan.violations.length === 0, version,
      diff: plan.diff.map((d) => DiffEntryNode.of(d)),
      violations: plan.violations.map((v) => ViolationNode.of(v)),
      warnings: plan.warnings.map((w) => ViolationNode.of(w)),
    });
  }

  @Authorized('EDITOR')
  @Mutation(() => ChangesetNode, { description: 'Applies a re-division atomically: all items or none, citing a collective decision (R7), against the version read. EDITOR.' })
  async applyChangeset(@Arg('input', () => ApplyChangesetInput) input: ApplyChangesetInput, @Ctx() ctx: Context): Promise<ChangesetNode> {
    const { changeset, plan } = await new ChangesService(ctx).apply(draftOf(input), input.expectedVersion);
    return changesetNode(changeset, plan);
  }

  @Authorized('EDITOR')
  @Mutation(() => ChangesetNode, { description: 'Opens one portfolio line (a one-item re-division). EDITOR.' })
  async assignPortfolio(@Arg('input', () => AssignPortfolioInput) input: AssignPortfolioInput, @Ctx() ctx: Context): Promise<ChangesetNode> {
    const service = new ChangesService(ctx);
    const item: ChangeItem = {
      op: 'ASSIGN', kind: input.kind, leaderId: input.leaderId, departmentId: input.departmentId ?? null, workAreaId: input.workAreaId ?? null,
      principalId: input.principalId ?? null, subject: input.subject ?? null, validTo: input.validTo ?? null,
    };
    const { changeset, plan } = await service.apply(oneItem(await service.jurisdictionOf('leader', input.leaderId), input, item), input.expectedVersion);
    return changesetNode(changeset, plan);
  }

  @Authorized('EDITOR')
  @Mutation(() => ChangesetNode, { description: 'Ends one portfolio line on the effective date (the interval is closed, never deleted). EDITOR.' })
  async endAssignment(@Arg('input', () => EndAssignmentInput) input: EndAssignmentInput, @Ctx() ctx: Context): Promise<ChangesetNode> {
    const service = new ChangesService(ctx);
    const draft = oneItem(await service.jurisdictionOf('line', input.lineId), input, { op: 'END', lineId: input.lineId });
    const { changeset, plan } = await service.apply(draft, input.expectedVersion);
    return changesetNode(changeset, plan);
  }

  @Authorized('EDITOR')
  @Mutation(() => ChangesetNode, { description: 'Hands one portfolio line to another leader from the effective date. EDITOR.' })
  async moveAssignment(@Arg('input', () => MoveAssignmentInput) input: MoveAssignmentInput, @Ctx() ctx: Context): Promise<ChangesetNode> {
    const service = new ChangesService(ctx);
    const draft = oneItem(await service.jurisdictionOf('line', input.lineId), input, { op: 'MOVE', lineId: input.lineId, toLeaderId: input.toLeaderId });
    const { changeset, plan } = await service.apply(draft, input.expectedVersion);
    return changesetNode(changeset, plan);
  }

  @Authorized('EDITOR')
  @Mutation(() => ChangesetNode, { description: 'Sets (or replaces) a leader’s B角 from the effective date. EDITOR.' })
  async setBackup(@Arg('input', () => SetBackupInput) input: SetBackupInput, @Ctx() ctx: Context): Promise<ChangesetNode> {
    const service = new ChangesService(ctx);
    const item: ChangeItem = { op: 'SET_BACKUP', leaderId: input.leaderId, backupId: input.backupId, exceptTargetIds: input.exceptTargetIds };
    const { changeset, plan } = await service.apply(oneItem(await service.jurisdictionOf('leader', input.leaderId), input, item), input.expectedVersion);
    return changesetNode(changeset, plan);
  }

  @Authorized('EDITOR')
  @Mutation(() => AbsenceNode, { description: 'Records that a leader is away; his B角 acts for him (R5). EDITOR.' })
  async recordAbsence(@Arg('input', () => RecordAbsenceInput) input: RecordAbsenceInput, @Ctx() ctx: Context): Promise<AbsenceNode> {
    const service = new ChangesService(ctx);
    const absence = await service.recordAbsence({
      leaderId: input.leaderId, validFrom: input.validFrom, validTo: input.validTo ?? null, reason: input.reason,
      designatedActorId: input.designatedActorId ?? null,
    });
    return AbsenceNode.of(absence, await service.jurisdictionOf('leader', input.leaderId), input.validFrom);
  }

  @Authorized('EDITOR')
  @Mutation(() => AbsenceNode, { description: 'Ends an absence early: the leader is back at his post from `on` (the first day back); his B角 stops acting then (R5). Audited. EDITOR.' })
  async endAbsence(
    @Arg('absenceId', () => ID) absenceId: string,
    @Arg('on', () => LocalDateScalar) on: string,
    @Ctx() ctx: Context,
  ): Promise<AbsenceNode> {
    const { absence, jurisdictionId } = await new ChangesService(ctx).updateAbsence({ absenceId }, on);
    return AbsenceNode.of(absence, jurisdictionId, absence.validFrom);
  }

  @Authorized('EDITOR')
  @Mutation(() => AbsenceNode, { description: 'Changes a recorded absence (extend it, designate who acts, correct the reason) under the same rules as recording one (R5). Audited. EDITOR.' })
  async updateAbsence(@Arg('input', () => UpdateAbsenceInput) input: UpdateAbsenceInput, @Ctx() ctx: Context): Promise<AbsenceNode> {
    const { absence, jurisdictionId } = await new ChangesService(ctx).updateAbsence({
      absenceId: input.absenceId, validTo: input.validTo, designatedActorId: input.designatedActorId, reason: input.reason ?? undefined,
    });
    return AbsenceNode.of(absence, jurisdictionId, absence.validFrom);
  }

  @Authorized('VIEWER')
  @Query(() => AuditEventConnection, { description: 'The audit feed, oldest first: every write with actor, time, decision and before → after. Nothing in it is ever changed or deleted.' })
  async changes(@Args(() => ChangesArgs) args: ChangesArgs, @Ctx() ctx: Context): Promise<ConnectionShape<AuditEventNode>> {
    if (args.since !== undefined && Number.isNaN(Date.parse(args.since))) {
      throw new BadInputError(`since 应为 ISO 8601 时间 (since must be an ISO 8601 moment), got "${args.since}"`, { argument: 'since' });
    }
    const { offset, size } = pageWindow(args);
    const { events, totalCount } = await readAudit(ctx, { jurisdictionId: args.jurisdictionId, since: args.since }, { offset, size });
    const nodes = events.map((e) =>
      Object.assign(new AuditEventNode(), {
        seq: String(e.seq), jurisdictionId: e.jurisdictionId, at: e.at, actor: e.actor, tokenId: e.tokenId, personId: e.personId, action: e.action, entityType: e.entityType,
        entityId: e.entityId, decisionId: e.decisionId, changesetId: e.changesetId, before: e.before, after: e.after,
      }),
    );
    return connectionOf(nodes, offset, size, totalCount);
  }

  @Authorized('VIEWER')
  @Subscription(() => PortfolioChangeNode, {
    topics: TOPICS.portfolioChanged,
    filter: ({ payload, args }: { payload: PortfolioChangedEvent; args: { jurisdictionId: string } }) => payload.jurisdictionId === args.jurisdictionId,
    description: 'Each re-division applied to a government, as it commits: refetch what you show.',
  })
  portfolioChanged(@Root() event: PortfolioChangedEvent, @Arg('jurisdictionId', () => ID) _jurisdictionId: string): PortfolioChangeNode {
    return Object.assign(new PortfolioChangeNode(), event);
  }
}

@Resolver(() => JurisdictionNode)
export class JurisdictionVersionResolver {
  @FieldResolver(() => Int, { description: 'The directory’s version: name it as expectedVersion when you write.' })
  async version(@Root() node: JurisdictionNode, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.version.load(node.id)) ?? 0;
  }
}

export const CHANGES_RESOLVERS = [
  ChangesResolver, JurisdictionVersionResolver, LifeCycleResolver, DepartmentLifeCycleResolver, DepartmentLineageResolver,
] as const;
