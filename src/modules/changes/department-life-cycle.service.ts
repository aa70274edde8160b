// Use cases of the units' life cycle (机构改革): load facts → the domain's plan → persist once (units, lineage, the
// lines that move or end, the AB pairs whose exceptions follow the units, the version bump and the audit feed, all in
// one transaction).
import { ChangeRefusedError, ConflictError, NotFoundError, planDepartmentChange, unitLineage, type DepartmentChange, type DepartmentPlan, type MintedKind, type UnitLineage } from '../../domain';
import type { EntityData, EntityName, FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Assignment, Backup, Department, Jurisdiction } from '../../entities';
import type { RequestScope } from '../../scope/request-scope';
import { appendAudit, newId, type AuditEntry } from '../audit';
import { DirectoryService } from '../directory/directory.service';
import { ChangesService } from './changes.service';
import { insertLineage } from './department-life-cycle.lineage';

export class DepartmentLifeCycleService {
  constructor(private readonly ctx: RequestScope) {}

  /** The government a unit belongs to. */
  async jurisdictionOf(departmentId: string): Promise<string> {
    const row = await this.ctx.em.findOne(Department, { id: departmentId }, { fields: ['jurisdiction'] });
    if (row === null) throw new NotFoundError('Department', departmentId);
    return row.jurisdiction.id;
  }

  /** A unit's lineage (机构改革), from its government's facts. */
  async lineage(jurisdictionId: string, unitId: string): Promise<UnitLineage> {
    return unitLineage(await new DirectoryService(this.ctx).facts(jurisdictionId), unitId);
  }

  async apply(jurisdictionId: string, change: DepartmentChange, expectedVersion: number): Promise<DepartmentPlan> {
    const stem = newId('reorg', change.on).replace(/^reorg:/, '');
    const prefix: Record<MintedKind, string> = { LINEAGE: 'lineage', LINE: 'line', BACKUP: 'backup' };
    const mint = (kind: MintedKind, n: number) => `${prefix[kind]}:${stem}-${n}`;
    const plan = await this.ctx.em.transactional(async (tx) => {
      await this.bump(tx, jurisdictionId, expectedVersion);
      const facts = await new ChangesService(this.ctx).factsIn(tx, jurisdictionId);
      const planned = planDepartmentChange(facts, change, mint);
      if (planned.violations.length > 0) throw new ChangeRefusedError(planned.violations);
      await this.persist(tx, jurisdictionId, planned, facts);
      return planned;
    });
    this.ctx.loaders.facts.clear(jurisdictionId);
    this.ctx.loaders.version.clear(jurisdictionId);
    return plan;
  }

  private async bump(tx: SqlEntityManager, jurisdictionId: string, expectedVersion: number): Promise<void> {
    const bumped = await tx.nativeUpdate(Jurisdiction, { id: jurisdictionId, version: expectedVersion }, { version: expectedVersion + 1 });
    if (bumped === 1) return;
    const row = await tx.findOne(Jurisdiction, { id: jurisdictionId }, { fields: ['version'], disableIdentityMap: true });
    if (row === null) throw new NotFoundError('Jurisdiction', jurisdictionId);
    throw new ConflictError(`分工已被他人修改：当前版本 ${row.version}，提交所据版本 ${expectedVersion} (the directory changed since you read it)`, {
      expectedVersion, currentVersion: row.version,
    });
  }

  private async persist(
    tx: SqlEntityManager,
    jurisdictionId: string,
    plan: DepartmentPlan,
    recorded: {
      readonly departments: readonly { id: string; validTo: string | null; name: string; aliases: readonly string[] }[];
      readonly assignments: readonly { id: string; validTo: string | null }[];
      readonly backups: readonly { id: string; validTo: string | null }[];
    },
  ): Promise<void> {
    const { departments } = recorded;
    const audit: AuditEntry[] = [];
    const entry = (action: AuditEntry['action'], entityType: string, entityId: string, before: unknown, after: unknown): AuditEntry =>
      ({ jurisdictionId, action, entityType, entityId, decisionId: null, changesetId: null, before, after });
    const guarded = async (update: Promise<number>, id: string) => {
      if ((await update) !== 1) throw new ConflictError(`${id} 已被修改 (changed concurrently)`, { id });
    };
    type Interval = { readonly id: string; readonly validTo: string | null };
    // Ends each interval on the day the plan gives, guarded by the end it had when read; never deletes.
    const closeAll = async <T extends object>(entity: EntityName<T>, entityType: string, closes: readonly Interval[], rows: readonly Interval[]) => {
      for (const closed of closes) {
        const before = rows.find((x) => x.id === closed.id);
        const where = { id: closed.id, validTo: before?.validTo ?? null } as FilterQuery<T>;
        await guarded(tx.nativeUpdate(entity, where, { validTo: closed.validTo } as EntityData<T>), closed.id);
        audit.push(entry('CLOSE', entityType, closed.id, before, closed));
      }
    };
    for (const d of plan.creates) {
      await tx.insert(Department, {
        id: d.id, jurisdiction: jurisdictionId, name: d.name, kind: d.kind, aliases: [...d.aliases], headName: d.headName, headContact: d.headContact,
        validFrom: d.validFrom, validTo: d.validTo,
      });
      audit.push(entry('OPEN', 'DEPARTMENT', d.id, null, d));
    }
    for (const d of plan.renames) {
      const before = departments.find((x) => x.id === d.id);
      await guarded(tx.nativeUpdate(Department, { id: d.id, name: before?.name }, { name: d.name, aliases: [...d.aliases] }), d.id);
      audit.push(entry('RECORD', 'DEPARTMENT', d.id, before, d));
    }
    await closeAll(Department, 'DEPARTMENT', plan.closes, departments);
    await closeAll(Assignment, 'ASSIGNMENT', plan.lineCloses, recorded.assignments);
    for (const a of plan.lineOpens) {
      await tx.insert(Assignment, {
        id: a.id, jurisdiction: a.jurisdictionId, leader: a.leaderId, kind: a.kind, department: a.departmentId, workArea: a.workAreaId,
        principal: a.principalId, subject: a.subject, document: a.document, decisionId: a.decisionId, validFrom: a.validFrom, validTo: a.validTo,
      });
      audit.push(entry('OPEN', 'ASSIGNMENT', a.id, null, a));
    }
    await closeAll(Backup, 'BACKUP', plan.backupCloses, recorded.backups);
    for (const b of plan.backupOpens) {
      await tx.insert(Backup, {
        id: b.id, jurisdiction: b.jurisdictionId, leader: b.leaderId, backup: b.backupId, exceptTargetIds: [...b.exceptTargetIds],
        decisionId: b.decisionId, validFrom: b.validFrom, validTo: b.validTo,
      });
      audit.push(entry('OPEN', 'BACKUP', b.id, null, b));
    }
    await insertLineage(tx, plan.lineage);
    for (const l of plan.lineage) audit.push(entry('RECORD', 'DEPARTMENT_LINEAGE', l.id, null, l));
    await appendAudit(tx, this.ctx.viewer, this.ctx.now, audit);
  }
}
