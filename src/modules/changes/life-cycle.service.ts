// Use cases of the team's life cycle: 任命 (appointLeader), 免职 (endAppointment, atomic with the re-division that
// ends or moves the leaver's lines) and 排序 (setTeamOrder). Load facts → domain plan → persist once, with the
// version bump (optimistic concurrency) and the audit feed in the same transaction.
import {
  ChangeRefusedError,
  checkEndAppointment,
  ConflictError,
  NotFoundError,
  planAppointment,
  planTeamOrder,
  type AppointmentFact,
  type AppointmentRequest,
  type ChangesetDraft,
  type DirectoryFacts,
} from '../../domain';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Appointment, Jurisdiction, Leader, Post, TeamOrder } from '../../entities';
import type { RequestScope } from '../../scope/request-scope';
import { appendAudit, newId } from '../audit';
import { ChangesService } from './changes.service';

export class LifeCycleService {
  private readonly changes: ChangesService;

  constructor(private readonly ctx: RequestScope) {
    this.changes = new ChangesService(ctx);
  }

  /** Moves the directory version from the one read, or fails with CONFLICT having changed nothing. */
  private async bump(tx: SqlEntityManager, jurisdictionId: string, expectedVersion: number): Promise<number> {
    const bumped = await tx.nativeUpdate(Jurisdiction, { id: jurisdictionId, version: expectedVersion }, { version: expectedVersion + 1 });
    if (bumped === 0) {
      const row = await tx.findOne(Jurisdiction, { id: jurisdictionId }, { fields: ['version'], disableIdentityMap: true });
      if (row === null) throw new NotFoundError('Jurisdiction', jurisdictionId);
      throw new ConflictError(`分工已被他人修改：当前版本 ${row.version}，提交所据版本 ${expectedVersion} (the directory changed since you read it)`, {
        expectedVersion, currentVersion: row.version,
      });
    }
    return expectedVersion + 1;
  }

  // No portfolioChanged event: its payload names a changeset and a decision, which a 任免 or 排序 has not.
  private done(jurisdictionId: string): void {
    this.ctx.loaders.facts.clear(jurisdictionId);
    this.ctx.loaders.version.clear(jurisdictionId);
  }

  /** 任命: returns the leader's id (new or existing). */
  async appointLeader(jurisdictionId: string, request: AppointmentRequest, expectedVersion: number): Promise<{ leaderId: string; appointmentId: string }> {
    const ids = { leader: newId('leader', request.validFrom), post: newId('post', request.validFrom), appointment: newId('appt', request.validFrom) };
    const result = await this.ctx.em.transactional(async (tx) => {
      await this.bump(tx, jurisdictionId, expectedVersion);
      const facts = await this.changes.factsIn(tx, jurisdictionId);
      const plan = planAppointment(facts, request, ids);
      if (plan.violations.length > 0 || plan.leader === null || plan.post === null || plan.opens === null) throw new ChangeRefusedError(plan.violations);
      const audit = [];
      const entry = (action: 'OPEN' | 'CLOSE' | 'RECORD', entityType: string, entityId: string, before: unknown, after: unknown) =>
        ({ jurisdictionId, action, entityType, entityId, decisionId: null, changesetId: null, before, after });
      if (plan.leader.created) {
        await tx.insert(Leader, { id: plan.leader.id, jurisdiction: jurisdictionId, name: plan.leader.name });
        audit.push(entry('RECORD', 'LEADER', plan.leader.id, null, { id: plan.leader.id, name: plan.leader.name }));
      }
      if (plan.postCreated) {
        await tx.insert(Post, { id: plan.post.id, jurisdiction: jurisdictionId, kind: plan.post.kind, title: plan.post.title });
        audit.push(entry('RECORD', 'POST', plan.post.id, null, plan.post));
      }
      for (const closed of plan.closes) {
        const before = facts.appointments.find((a) => a.id === closed.id) as AppointmentFact;
        const updated = await tx.nativeUpdate(Appointment, { id: closed.id, validTo: before.validTo }, { validTo: closed.validTo });
        if (updated !== 1) throw new ConflictError(`${closed.id} 已被修改 (changed concurrently)`, { id: closed.id });
        audit.push(entry('CLOSE', 'APPOINTMENT', closed.id, before, closed));
      }
      const a = plan.opens;
      await tx.insert(Appointment, {
        id: a.id, jurisdiction: jurisdictionId, leader: a.leaderId, post: a.postId, acting: a.acting, validFrom: a.validFrom, validTo: a.validTo,
        document: a.document ?? null,
      });
      audit.push(entry('OPEN', 'APPOINTMENT', a.id, null, a));
      await appendAudit(tx, this.ctx.viewer, this.ctx.now, audit);
      return { leaderId: plan.leader.id, appointmentId: a.id };
    });
    this.done(jurisdictionId);
    return result;
  }

  /**
   * 免职, with the re-division that ends or moves his lines when he leaves the team (its effective date is the
   * day the appointment ends; it cites its own decision, R7). Refused with LINES_STILL_HELD otherwise.
   */
  async endAppointment(
    request: { appointmentId: string; validTo: string; document: string },
    lineChanges: Omit<ChangesetDraft, 'jurisdictionId' | 'effectiveDate'> | null,
    expectedVersion: number,
  ): Promise<{ leaderId: string; jurisdictionId: string; changesetId?: string }> {
    const row = await this.ctx.em.findOne(Appointment, { id: request.appointmentId }, { fields: ['jurisdiction', 'leader'] });
    if (row === null) throw new NotFoundError('Appointment', request.appointmentId);
    const jurisdictionId = row.jurisdiction.id;
    const leaderId = row.leader.id;
    const write = async (tx: SqlEntityManager, facts: DirectoryFacts, changesetId: string | null) => {
      const before = facts.appointments.find((a) => a.id === request.appointmentId) as AppointmentFact;
      const after = { ...before, validTo: request.validTo };
      const updated = await tx.nativeUpdate(Appointment, { id: before.id, validTo: before.validTo }, { validTo: request.validTo });
      if (updated !== 1) throw new ConflictError(`${before.id} 已被修改 (changed concurrently)`, { id: before.id });
      await appendAudit(tx, this.ctx.viewer, this.ctx.now, [
        { jurisdictionId, action: 'CLOSE', entityType: 'APPOINTMENT', entityId: before.id, decisionId: lineChanges?.decisionId ?? null, changesetId, before, after: { ...after, endedBy: request.document } },
      ]);
    };
    if (lineChanges !== null) {
      let before: DirectoryFacts | null = null;
      const { changeset } = await this.changes.apply({ ...lineChanges, jurisdictionId, effectiveDate: request.validTo }, expectedVersion, {
        check: (facts, after) => {
          before = facts;
          return [...checkEndAppointment(facts, request, after).violations];
        },
        write: (tx, changesetId) => write(tx, before as DirectoryFacts, changesetId),
      });
      this.ctx.loaders.version.clear(jurisdictionId);
      return { leaderId, jurisdictionId, changesetId: changeset.id };
    }
    await this.ctx.em.transactional(async (tx) => {
      await this.bump(tx, jurisdictionId, expectedVersion);
      const facts = await this.changes.factsIn(tx, jurisdictionId);
      const checked = checkEndAppointment(facts, request);
      if (checked.violations.length > 0) throw new ChangeRefusedError(checked.violations);
      await write(tx, facts, null);
    });
    this.done(jurisdictionId);
    return { leaderId, jurisdictionId };
  }

  /** 排序 from a date. */
  async setTeamOrder(jurisdictionId: string, validFrom: string, leaderIds: readonly string[], expectedVersion: number): Promise<void> {
    const id = newId('order', validFrom);
    await this.ctx.em.transactional(async (tx) => {
      await this.bump(tx, jurisdictionId, expectedVersion);
      const facts = await this.changes.factsIn(tx, jurisdictionId);
      const plan = planTeamOrder(facts, { validFrom, leaderIds }, id);
      if (plan.violations.length > 0 || plan.opens === null) throw new ChangeRefusedError(plan.violations);
      const audit = [];
      for (const closed of plan.closes) {
        const before = facts.teamOrders.find((o) => o.id === closed.id);
        await tx.nativeUpdate(TeamOrder, { id: closed.id }, { validTo: closed.validTo });
        audit.push({ jurisdictionId, action: 'CLOSE' as const, entityType: 'TEAM_ORDER', entityId: closed.id, decisionId: null, changesetId: null, before, after: closed });
      }
      const o = plan.opens;
      await tx.insert(TeamOrder, { id: o.id, jurisdiction: jurisdictionId, leaderIds: [...o.leaderIds], validFrom: o.validFrom, validTo: o.validTo });
      audit.push({ jurisdictionId, action: 'OPEN' as const, entityType: 'TEAM_ORDER', entityId: o.id, decisionId: null, changesetId: null, before: null, after: o });
      await appendAudit(tx, this.ctx.viewer, this.ctx.now, audit);
    });
    this.done(jurisdictionId);
  }
}
