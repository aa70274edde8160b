// Use cases of changing the division of labour. Every change goes through one path: a changeset, validated
// as a whole by the domain (R7 collective decision + the invariants on the state after the change), applied
// in one transaction that also bumps the directory version (optimistic concurrency) and appends the audit
// feed — all of it, or nothing. Events are published only after the commit.
import {
  checkAbsence,
  ChangeRefusedError,
  ConflictError,
  NotFoundError,
  planAbsenceUpdate,
  planEndAbsence,
  recordedDecisionUses,
  validateChangeset,
  type AbsenceUpdate,
  type AbsenceFact,
  type DecisionUse,
  type AssignmentFact,
  type BackupFact,
  type ChangesetDraft,
  type ChangesetPlan,
  type DirectoryFacts,
  type Refusal,
} from '../../domain';
import { Absence, Assignment, Backup, Changeset, Jurisdiction, Leader } from '../../entities';
import type { RequestScope } from '../../scope/request-scope';
import { TOPICS } from '../../scope/events';
import { appendAudit, newId, type AuditEntry } from '../audit';
import { DirectoryService } from '../directory/directory.service';
import { loadDirectoryFacts } from '../../store/load-facts';
import { raw } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';

/**
 * Every use of a decision so far (R7: a decision authorizes one change): the recorded lines and pairs that cite
 * one, and the applied changesets (one statement).
 */
export async function decisionUses(em: SqlEntityManager, facts: DirectoryFacts): Promise<DecisionUse[]> {
  return decisionUsesOf(facts, await appliedChangesets(em, [facts.jurisdiction.id]).then((by) => by.get(facts.jurisdiction.id) ?? []));
}

/** Each government's applied changesets as decision uses (which decision each cited, for which document). */
export async function appliedChangesets(em: SqlEntityManager, jurisdictionIds: readonly string[]): Promise<Map<string, DecisionUse[]>> {
  const rows = await em.find(Changeset, { jurisdiction: { $in: [...jurisdictionIds] } }, { fields: ['id', 'jurisdiction', 'decisionId', 'document'], disableIdentityMap: true });
  const by = new Map<string, DecisionUse[]>(jurisdictionIds.map((id) => [id, []]));
  for (const c of rows) by.get(c.jurisdiction.id)?.push({ changesetId: c.id, decisionId: c.decisionId, document: c.document });
  return by;
}

/** The decision uses of a government: its applied changesets, then the recorded lines citing other decisions. */
export function decisionUsesOf(facts: DirectoryFacts, applied: readonly DecisionUse[]): DecisionUse[] {
  const cited = new Set(applied.map((u) => u.decisionId));
  // Lines a changeset opened cite its decision too: name the changeset, not its lines, for those.
  return [...applied, ...recordedDecisionUses(facts).filter((u) => !cited.has(u.decisionId))];
}

/** A write that goes with a changeset in the same transaction (e.g. a 免职 whose lines the changeset moves). */
export interface AlongsideChange {
  /** Refusals of the alongside write, given the facts before and as they will be after the changeset. */
  check(before: DirectoryFacts, after: DirectoryFacts): Refusal[];
  write(tx: SqlEntityManager, changesetId: string): Promise<void>;
}

export interface AppliedChangeset {
  readonly changeset: Changeset;
  readonly plan: ChangesetPlan;
}

function lineIdsFor(changesetId: string) {
  const suffix = changesetId.replace(/^changeset:/, '');
  return (entity: 'ASSIGNMENT' | 'BACKUP', itemIndex: number) => `${entity === 'ASSIGNMENT' ? 'line' : 'backup'}:${suffix}-${itemIndex + 1}`;
}

export class ChangesService {
  constructor(private readonly ctx: RequestScope) {}

  /** A dry run against the current directory: the diff and every violation, nothing written. */
  async preview(draft: ChangesetDraft): Promise<{ plan: ChangesetPlan; version: number }> {
    const facts = await new DirectoryService(this.ctx).facts(draft.jurisdictionId);
    const version = await this.version(this.ctx.em, draft.jurisdictionId);
    const uses = await decisionUses(this.ctx.em, facts);
    return { plan: validateChangeset(facts, draft, lineIdsFor('changeset:preview'), { signedOn: this.ctx.today, uses }), version };
  }

  /**
   * Applies a changeset if `expectedVersion` is still the directory's version and the domain finds nothing
   * against it. The version row is updated first, inside the transaction: concurrent writers queue on it,
   * and all but the first find the version moved and fail with CONFLICT, having changed nothing.
   */
  async apply(draft: ChangesetDraft, expectedVersion: number, also?: AlongsideChange): Promise<AppliedChangeset> {
    const changesetId = newId('changeset', draft.effectiveDate);
    const applied = await this.ctx.em.transactional(async (tx) => {
      const bumped = await tx.nativeUpdate(Jurisdiction, { id: draft.jurisdictionId, version: expectedVersion }, { version: expectedVersion + 1 });
      if (bumped === 0) {
        const current = await this.version(tx, draft.jurisdictionId);
        throw new ConflictError(`分工已被他人修改：当前版本 ${current}，提交所据版本 ${expectedVersion} (the directory changed since you read it)`, {
          expectedVersion,
          currentVersion: current,
        });
      }
      const facts = await this.factsIn(tx, draft.jurisdictionId);
      const plan = validateChangeset(facts, draft, lineIdsFor(changesetId), { signedOn: this.ctx.today, uses: await decisionUses(tx, facts) });
      const alongside = also === undefined ? [] : also.check(facts, plan.after);
      if (plan.violations.length > 0 || alongside.length > 0) throw new ChangeRefusedError([...plan.violations, ...alongside]);
      await this.persist(tx, draft, plan, changesetId);
      if (also !== undefined) await also.write(tx, changesetId);
      const changeset = tx.create(Changeset, {
        id: changesetId, jurisdiction: draft.jurisdictionId, document: draft.document, decisionId: draft.decisionId as string,
        effectiveDate: draft.effectiveDate, issuedById: draft.issuedById, items: [...draft.items], version: expectedVersion + 1,
        appliedBy: this.ctx.viewer === null ? 'anonymous' : this.ctx.viewer.name, appliedAt: this.ctx.now.toISOString(),
      });
      await tx.flush();
      return { changeset, plan };
    });
    this.ctx.loaders.facts.clear(draft.jurisdictionId);
    this.ctx.events.publish(TOPICS.portfolioChanged, {
      jurisdictionId: draft.jurisdictionId, changesetId, version: applied.changeset.version,
      effectiveDate: draft.effectiveDate, decisionId: applied.changeset.decisionId,
    });
    return applied;
  }

  /** The government a portfolio line, a leader or an AB pair belongs to (for the one-item mutations). */
  async jurisdictionOf(entity: 'line' | 'leader' | 'backup', id: string): Promise<string> {
    const row =
      entity === 'line'
        ? await this.ctx.em.findOne(Assignment, { id }, { fields: ['jurisdiction'] })
        : entity === 'leader'
          ? await this.ctx.em.findOne(Leader, { id }, { fields: ['jurisdiction'] })
          : await this.ctx.em.findOne(Backup, { id }, { fields: ['jurisdiction'] });
    if (row === null) throw new NotFoundError(entity === 'line' ? 'PortfolioLine' : entity === 'leader' ? 'Leader' : 'Backup', id);
    return row.jurisdiction.id;
  }

  /**
   * Records an absence (not a re-division: no decision needed) after the domain's checks; audited. It moves
   * the directory version too — who acts for whom has changed — and that row lock serializes it with other
   * writers, so two partners' absences recorded at the same moment cannot both pass the overlap check.
   */
  async recordAbsence(input: Omit<AbsenceFact, 'id'>): Promise<AbsenceFact> {
    const jurisdictionId = await this.jurisdictionOf('leader', input.leaderId);
    const absence: AbsenceFact = { id: newId('absence', input.validFrom), ...input };
    await this.ctx.em.transactional(async (tx) => {
      await tx.nativeUpdate(Jurisdiction, { id: jurisdictionId }, { version: raw('version + 1') });
      const violations = checkAbsence(await this.factsIn(tx, jurisdictionId), input);
      if (violations.length > 0) throw new ChangeRefusedError(violations);
      tx.create(Absence, {
        id: absence.id, jurisdiction: jurisdictionId, leader: absence.leaderId, reason: absence.reason,
        designatedActor: absence.designatedActorId, validFrom: absence.validFrom, validTo: absence.validTo,
      });
      await tx.flush();
      await appendAudit(tx, this.ctx.viewer, this.ctx.now, [
        { jurisdictionId, action: 'RECORD', entityType: 'ABSENCE', entityId: absence.id, decisionId: null, changesetId: null, before: null, after: absence },
      ]);
    });
    this.ctx.loaders.facts.clear(jurisdictionId);
    return absence;
  }

  /**
   * Changes a recorded absence — an early return (`endAbsence`), an extension, a designated stand-in — after the
   * domain's checks (the same overlap rules as a new absence); moves the version (who acts has changed) and is
   * audited with before → after. Nothing is written when it is refused.
   */
  async updateAbsence(update: AbsenceUpdate, endOn?: string): Promise<{ absence: AbsenceFact; jurisdictionId: string }> {
    const row = await this.ctx.em.findOne(Absence, { id: update.absenceId }, { fields: ['jurisdiction'] });
    if (row === null) throw new NotFoundError('Absence', update.absenceId);
    const jurisdictionId = row.jurisdiction.id;
    const absence = await this.ctx.em.transactional(async (tx) => {
      await tx.nativeUpdate(Jurisdiction, { id: jurisdictionId }, { version: raw('version + 1') });
      const facts = await this.factsIn(tx, jurisdictionId);
      const plan = endOn === undefined ? planAbsenceUpdate(facts, update) : planEndAbsence(facts, update.absenceId, endOn);
      if (plan.violations.length > 0 || plan.before === null || plan.after === null) throw new ChangeRefusedError(plan.violations);
      const { before, after } = plan;
      const changed = await tx.nativeUpdate(
        Absence,
        { id: before.id, validTo: before.validTo },
        { validTo: after.validTo, designatedActor: after.designatedActorId, reason: after.reason },
      );
      if (changed !== 1) throw new ConflictError(`${before.id} 已被修改 (changed concurrently)`, { id: before.id });
      await appendAudit(tx, this.ctx.viewer, this.ctx.now, [
        { jurisdictionId, action: endOn === undefined ? 'RECORD' : 'CLOSE', entityType: 'ABSENCE', entityId: before.id, decisionId: null, changesetId: null, before, after },
      ]);
      return after;
    });
    this.ctx.loaders.facts.clear(jurisdictionId);
    this.ctx.loaders.version.clear(jurisdictionId);
    return { absence, jurisdictionId };
  }

  private async version(em: SqlEntityManager, jurisdictionId: string): Promise<number> {
    const row = await em.findOne(Jurisdiction, { id: jurisdictionId }, { fields: ['version'], disableIdentityMap: true });
    if (row === null) throw new NotFoundError('Jurisdiction', jurisdictionId);
    return row.version;
  }

  async factsIn(tx: SqlEntityManager, jurisdictionId: string): Promise<DirectoryFacts> {
    const facts = (await loadDirectoryFacts(tx, [jurisdictionId])).get(jurisdictionId);
    if (facts === undefined) throw new NotFoundError('Jurisdiction', jurisdictionId);
    return facts;
  }

  /** Writes the plan: closes intervals (never deletes), inserts the new ones, appends the audit feed. */
  private async persist(tx: SqlEntityManager, draft: ChangesetDraft, plan: ChangesetPlan, changesetId: string): Promise<void> {
    const audit: AuditEntry[] = [];
    for (const entry of plan.diff) {
      const common = { jurisdictionId: draft.jurisdictionId, entityType: entry.entity, entityId: entry.id, decisionId: draft.decisionId, changesetId };
      if (entry.action === 'CLOSE') {
        const closed = entry.after as AssignmentFact | BackupFact;
        const entity = entry.entity === 'ASSIGNMENT' ? Assignment : Backup;
        const before = entry.before as AssignmentFact | BackupFact;
        const updated = await tx.nativeUpdate(entity, { id: entry.id, validTo: before.validTo }, { validTo: closed.validTo });
        if (updated !== 1) throw new ConflictError(`${entry.id} 已被修改 (changed concurrently)`, { id: entry.id });
        audit.push({ ...common, action: 'CLOSE', before: entry.before, after: entry.after });
      } else if (entry.entity === 'ASSIGNMENT') {
        const a = entry.after as AssignmentFact;
        await tx.insert(Assignment, {
          id: a.id, jurisdiction: a.jurisdictionId, leader: a.leaderId, kind: a.kind, department: a.departmentId, workArea: a.workAreaId,
          principal: a.principalId, subject: a.subject, document: a.document, decisionId: a.decisionId, validFrom: a.validFrom, validTo: a.validTo,
        });
        audit.push({ ...common, action: 'OPEN', before: null, after: a });
      } else {
        const b = entry.after as BackupFact;
        await tx.insert(Backup, {
          id: b.id, jurisdiction: b.jurisdictionId, leader: b.leaderId, backup: b.backupId, exceptTargetIds: [...b.exceptTargetIds],
          decisionId: draft.decisionId, validFrom: b.validFrom, validTo: b.validTo,
        });
        audit.push({ ...common, action: 'OPEN', before: null, after: b });
      }
    }
    await appendAudit(tx, this.ctx.viewer, this.ctx.now, audit);
  }
}
