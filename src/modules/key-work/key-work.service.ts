// Use cases of key work (R8, R9): load the government's facts (ctx.loaders.facts) and key work, let the domain
// decide, then persist once — the rows, the notifications and the audit feed in one transaction, all or nothing.
// Events are published only after the commit.
import {
  checkCompleteKeyTask,
  checkDirectiveTransition,
  checkIssueDirective,
  checkKeyTask,
  checkProgressReport,
  ConflictError,
  currentDirectiveStatus,
  ForbiddenError,
  KeyWorkRefusedError,
  keyWorkProblem,
  NotFoundError,
  personOfActor,
  suggestedAttendees,
  type Actor,
  type DirectiveAction,
  type DirectiveFact,
  type DirectoryFacts,
  type KeyTaskDraft,
  type KeyTaskFact,
  type KeyWorkFacts,
  type KeyWorkProblem,
  type NotificationTarget,
  type ProgressReportDraft,
  type ProgressReportFact,
  type SuggestedAttendance,
} from '../../domain';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Department, Directive, DirectiveTransition, KeyTask, KeyTaskUnit, Leader, Meeting, Notification, ProgressReport, type NotificationKind } from '../../entities';
import type { RequestScope } from '../../scope/request-scope';
import { TOPICS } from '../../scope/events';
import { appendAudit, newId, type AuditEntry } from '../audit';

/** Who makes this write: a scoped token's leader or unit, else the office (recording for `onBehalfOfId`, if named). */
export function actorOf(ctx: RequestScope, onBehalfOfId: string | null = null): Actor {
  const scope = ctx.viewer?.scope ?? null;
  if (scope?.kind === 'LEADER') return { kind: 'LEADER', leaderId: scope.id };
  if (scope?.kind === 'DEPARTMENT') return { kind: 'DEPARTMENT', departmentId: scope.id };
  return { kind: 'OFFICE', onBehalfOfId };
}

function actorId(actor: Actor): string | null {
  return actor.kind === 'DEPARTMENT' ? actor.departmentId : personOfActor(actor);
}

/** A task as create/update gives it; absent fields of an update keep their recorded value. */
export type KeyTaskChanges = Partial<Omit<KeyTaskDraft, 'jurisdictionId' | 'createdOn' | 'parentTaskId'>>;

export interface KeyWorkServiceOptions {
  /**
   * False only for importing a dataset (the demo seed): like importDataset, an import is nobody's write and leaves
   * the audit feed alone. Every rule is still checked.
   */
  readonly audit?: boolean;
}

export class KeyWorkService {
  constructor(
    private readonly ctx: RequestScope,
    private readonly options: KeyWorkServiceOptions = {},
  ) {}

  /**
   * The domain sees one government's facts, so another government's unit or leader looks unknown to it: on the
   * refusal path only, look those ids up and say OTHER_JURISDICTION instead (one statement per kind).
   */
  private async refused(facts: DirectoryFacts, problems: readonly KeyWorkProblem[]): Promise<KeyWorkRefusedError> {
    const unknown = (key: 'departmentId' | 'leaderId') =>
      problems.filter((p) => p.code === 'UNKNOWN_REFERENCE' && typeof p.details[key] === 'string').map((p) => p.details[key] as string);
    const [units, leaders] = await Promise.all([
      unknown('departmentId').length === 0 ? [] : this.ctx.em.find(Department, { id: { $in: unknown('departmentId') } }, { fields: ['jurisdiction', 'name'], disableIdentityMap: true }),
      unknown('leaderId').length === 0 ? [] : this.ctx.em.find(Leader, { id: { $in: unknown('leaderId') } }, { fields: ['jurisdiction', 'name'], disableIdentityMap: true }),
    ]);
    const elsewhere = new Map<string, string>([...units, ...leaders].map((r) => [r.id, r.name]));
    return new KeyWorkRefusedError(
      problems.map((p) => {
        const id = (p.details.departmentId ?? p.details.leaderId) as string | undefined;
        if (p.code !== 'UNKNOWN_REFERENCE' || id === undefined || !elsewhere.has(id)) return p;
        return keyWorkProblem('OTHER_JURISDICTION', p.field, `${elsewhere.get(id)}不是${facts.jurisdiction.name}政府的`, { ...p.details });
      }),
    );
  }

  async facts(jurisdictionId: string): Promise<DirectoryFacts> {
    const facts = await this.ctx.loaders.facts.load(jurisdictionId);
    if (facts === null) throw new NotFoundError('Jurisdiction', jurisdictionId);
    return facts;
  }

  /** R11 for a recorded meeting: who should attend it by its agenda's units, with its government's facts. */
  async suggestedAttendance(meetingId: string): Promise<{ readonly facts: DirectoryFacts; readonly suggestion: SuggestedAttendance }> {
    const meeting = await this.ctx.em.findOne(Meeting, { id: meetingId }, { fields: ['jurisdiction', 'date'], disableIdentityMap: true });
    if (meeting === null) throw new NotFoundError('Meeting', meetingId);
    const facts = await this.facts(meeting.jurisdiction.id);
    const agenda = await this.ctx.loaders.agenda.load(meetingId);
    return { facts, suggestion: suggestedAttendees(facts, { date: meeting.date, departmentIds: agenda.flatMap((i) => i.departmentIds) }) };
  }

  keyWork(jurisdictionId: string): Promise<KeyWorkFacts> {
    return this.ctx.loaders.keyWork.load(jurisdictionId);
  }

  async task(id: string): Promise<KeyTaskFact | null> {
    const jurisdictionId = await this.ctx.loaders.taskJurisdiction.load(id);
    if (jurisdictionId === null) return null;
    return (await this.keyWork(jurisdictionId)).tasks.find((t) => t.id === id) ?? null;
  }

  async taskOrFail(id: string): Promise<KeyTaskFact> {
    const task = await this.task(id);
    if (task === null) throw new NotFoundError('KeyTask', id);
    return task;
  }

  async directive(id: string): Promise<DirectiveFact | null> {
    const jurisdictionId = await this.ctx.loaders.directiveJurisdiction.load(id);
    if (jurisdictionId === null) return null;
    return (await this.keyWork(jurisdictionId)).directives.find((d) => d.id === id) ?? null;
  }

  async directiveOrFail(id: string): Promise<DirectiveFact> {
    const directive = await this.directive(id);
    if (directive === null) throw new NotFoundError('Directive', id);
    return directive;
  }

  /** createKeyTask: created today (ctx.today); refused with every problem, nothing written. */
  async createKeyTask(draft: Omit<KeyTaskDraft, 'createdOn'>, onBehalfOfId: string | null, id?: string): Promise<KeyTaskFact> {
    const facts = await this.facts(draft.jurisdictionId);
    const full: KeyTaskDraft = { ...draft, createdOn: this.ctx.today };
    const actor = actorOf(this.ctx, onBehalfOfId);
    const problems = checkKeyTask(facts, full, { actor, on: this.ctx.today, existing: null });
    if (draft.parentTaskId !== null) problems.push(...(await this.parentProblems(facts, draft.parentTaskId)));
    if (problems.length > 0) throw await this.refused(facts, problems);
    const task: KeyTaskFact = { ...full, id: id ?? newId('task', this.ctx.today), completedOn: null };
    await this.ctx.em.transactional(async (tx) => {
      await this.insertTask(tx, task);
      await this.audit(tx, actor, [{ jurisdictionId: task.jurisdictionId, action: 'OPEN', entityType: 'KEY_TASK', entityId: task.id, decisionId: task.decisionId, changesetId: null, before: null, after: task }]);
    });
    this.taskChanged(task);
    return task;
  }

  /** assignKeyTaskToDistricts: a CITY task of a city government becomes a child task of each district (市区一体). */
  async assignToDistricts(
    taskId: string,
    assignments: readonly { readonly id?: string; readonly districtId: string; readonly supervisingLeaderId: string; readonly leadUnitId: string; readonly responsibleUnitIds: readonly string[]; readonly deadline: string | null }[],
    onBehalfOfId: string | null,
  ): Promise<KeyTaskFact[]> {
    const parent = await this.taskOrFail(taskId);
    const actor = actorOf(this.ctx, onBehalfOfId);
    const children: KeyTaskFact[] = [];
    const problems = [];
    const existing = await this.ctx.loaders.childTasks.load(taskId);
    for (const [i, a] of assignments.entries()) {
      const facts = await this.ctx.loaders.facts.load(a.districtId);
      if (facts === null) {
        problems.push(keyWorkProblem('UNKNOWN_REFERENCE', `assignments[${i}].districtId`, `找不到政府：${a.districtId}`, { jurisdictionId: a.districtId }));
        continue;
      }
      problems.push(...(await this.parentProblems(facts, taskId)).map((p) => ({ ...p, field: `assignments[${i}].districtId` })));
      if (existing.some((c) => c.jurisdictionId === a.districtId) || assignments.findIndex((b) => b.districtId === a.districtId) !== i) {
        problems.push(keyWorkProblem('BAD_USER_INPUT', `assignments[${i}].districtId`, `${facts.jurisdiction.name}已承接该项工作`, { jurisdictionId: a.districtId }));
      }
      const draft: KeyTaskDraft = {
        jurisdictionId: a.districtId, title: parent.title, description: parent.description, source: 'CITY', category: parent.category,
        tags: parent.tags, majorMatter: false, supervisingLeaderId: a.supervisingLeaderId, leadUnitId: a.leadUnitId,
        responsibleUnitIds: a.responsibleUnitIds, cooperatingUnitIds: [], createdOn: this.ctx.today, deadline: a.deadline ?? parent.deadline,
        milestones: parent.milestones.map((m) => ({ ...m, doneOn: null })), decisionId: null, parentTaskId: taskId,
      };
      // The office records the assignment; the district's own checks apply to the child task.
      const found = checkKeyTask(facts, draft, { actor, on: this.ctx.today, existing: null });
      problems.push(...found.map((p) => ({ ...p, field: p.field === null ? `assignments[${i}]` : `assignments[${i}].${p.field}` })));
      children.push({ ...draft, id: a.id ?? newId('task', this.ctx.today), completedOn: null });
    }
    if (assignments.length === 0) problems.push(keyWorkProblem('BAD_USER_INPUT', 'assignments', '至少分解到一个区县', { field: 'assignments' }));
    if (problems.length > 0) throw new KeyWorkRefusedError(problems);
    await this.ctx.em.transactional(async (tx) => {
      for (const child of children) await this.insertTask(tx, child);
      await this.audit(tx, actor, children.map((c) => ({
        jurisdictionId: c.jurisdictionId, action: 'OPEN' as const, entityType: 'KEY_TASK', entityId: c.id, decisionId: null, changesetId: null, before: null, after: c,
      })));
    });
    this.ctx.loaders.childTasks.clear(taskId);
    for (const c of children) this.taskChanged(c);
    return children;
  }

  /** A child task's parent must be a CITY task of the district's parent government (the service holds both facts). */
  private async parentProblems(facts: DirectoryFacts, parentTaskId: string) {
    const parent = await this.task(parentTaskId);
    if (parent === null) return [keyWorkProblem('UNKNOWN_REFERENCE', 'parentTaskId', `找不到上级交办的重点工作：${parentTaskId}`, { parentTaskId })];
    if (parent.source !== 'CITY' || facts.jurisdiction.parentId !== parent.jurisdictionId) {
      return [
        keyWorkProblem('OTHER_JURISDICTION', 'parentTaskId', `「${parent.title}」不是${facts.jurisdiction.name}的上级政府交办的市级任务`, {
          parentTaskId, parentJurisdictionId: parent.jurisdictionId,
        }),
      ];
    }
    return [];
  }

  /** updateKeyTask under optimistic concurrency (`expectedVersion`, when given, must still be the task's). */
  async updateKeyTask(taskId: string, changes: KeyTaskChanges, expectedVersion: number | null, onBehalfOfId: string | null): Promise<KeyTaskFact> {
    const existing = await this.taskOrFail(taskId);
    const facts = await this.facts(existing.jurisdictionId);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const draft: KeyTaskDraft = { ...existing, ...defined };
    const actor = actorOf(this.ctx, onBehalfOfId);
    const problems = checkKeyTask(facts, draft, { actor, on: this.ctx.today, existing });
    if (problems.length > 0) throw await this.refused(facts, problems);
    const after: KeyTaskFact = { ...draft, id: existing.id, completedOn: existing.completedOn };
    await this.ctx.em.transactional(async (tx) => {
      const version = await this.bumpTask(tx, taskId, expectedVersion);
      await tx.nativeUpdate(KeyTask, { id: taskId }, {
        title: after.title, description: after.description, source: after.source, category: after.category, tags: [...after.tags],
        majorMatter: after.majorMatter, supervisingLeaderId: after.supervisingLeaderId, deadline: after.deadline,
        milestones: after.milestones.map((m) => ({ ...m })), decisionId: after.decisionId,
      });
      await tx.nativeDelete(KeyTaskUnit, { taskId });
      await tx.insertMany(KeyTaskUnit, unitRows(after));
      await this.audit(tx, actor, [{ jurisdictionId: after.jurisdictionId, action: 'RECORD', entityType: 'KEY_TASK', entityId: taskId, decisionId: after.decisionId, changesetId: null, before: existing, after: { ...after, version } }]);
    });
    this.taskChanged(after);
    return after;
  }

  async reportProgress(taskId: string, report: ProgressReportDraft, id?: string): Promise<ProgressReportFact> {
    const task = await this.taskOrFail(taskId);
    const facts = await this.facts(task.jurisdictionId);
    const actor = actorOf(this.ctx);
    const problems = checkProgressReport(facts, task, report, actor);
    if (report.reportedOn > this.ctx.today) {
      problems.push(keyWorkProblem('BAD_USER_INPUT', 'reportedOn', `报告日期${report.reportedOn}晚于今天（${this.ctx.today}）`, { field: 'reportedOn', today: this.ctx.today }));
    }
    if (problems.length > 0) throw new KeyWorkRefusedError(problems);
    const fact: ProgressReportFact = { id: id ?? newId('report', report.reportedOn), taskId, ...report, reporter: actor };
    await this.ctx.em.transactional(async (tx) => {
      await this.bumpTask(tx, taskId, null);
      await tx.insert(ProgressReport, {
        id: fact.id, jurisdictionId: task.jurisdictionId, taskId, reportedOn: fact.reportedOn, text: fact.text, percent: fact.percent,
        reporterKind: actor.kind, reporterId: actorId(actor), tokenId: this.ctx.viewer?.tokenId ?? null, recordedAt: this.ctx.now.toISOString(),
      });
      await this.audit(tx, actor, [{ jurisdictionId: task.jurisdictionId, action: 'RECORD', entityType: 'PROGRESS_REPORT', entityId: fact.id, decisionId: null, changesetId: null, before: null, after: fact }]);
    });
    this.taskChanged(task);
    return fact;
  }

  async completeKeyTask(taskId: string, onBehalfOfId: string | null): Promise<KeyTaskFact> {
    const task = await this.taskOrFail(taskId);
    const facts = await this.facts(task.jurisdictionId);
    const actor = actorOf(this.ctx, onBehalfOfId);
    const problems = checkCompleteKeyTask(facts, task, actor, this.ctx.today);
    if (problems.length > 0) throw new KeyWorkRefusedError(problems);
    const after: KeyTaskFact = { ...task, completedOn: this.ctx.today };
    await this.ctx.em.transactional(async (tx) => {
      await this.bumpTask(tx, taskId, null);
      await tx.nativeUpdate(KeyTask, { id: taskId, completedOn: null }, { completedOn: this.ctx.today });
      await this.audit(tx, actor, [{ jurisdictionId: task.jurisdictionId, action: 'CLOSE', entityType: 'KEY_TASK', entityId: taskId, decisionId: null, changesetId: null, before: task, after }]);
    });
    this.taskChanged(after);
    return after;
  }

  /** issueDirective: exactly when canDirect allows it; cross-portfolio ones notify the unit's supervising leader(s). */
  async issueDirective(draft: { issuerId: string; departmentId: string; subject: string; deadline: string | null; decisionId: string | null }, id?: string): Promise<DirectiveFact> {
    const issuer = await this.ctx.em.findOne(Leader, { id: draft.issuerId }, { fields: ['jurisdiction'], disableIdentityMap: true });
    if (issuer === null) {
      throw new KeyWorkRefusedError([keyWorkProblem('UNKNOWN_REFERENCE', 'issuerId', `找不到领导：${draft.issuerId}`, { leaderId: draft.issuerId })]);
    }
    const jurisdictionId = issuer.jurisdiction.id;
    const facts = await this.facts(jurisdictionId);
    const actor = actorOf(this.ctx, draft.issuerId);
    const verdict = checkIssueDirective(facts, draft, actor, this.ctx.today);
    if (!verdict.allowed) throw await this.refused(facts, verdict.problems);
    const directive: DirectiveFact = {
      id: id ?? newId('directive', this.ctx.today), jurisdictionId, issuerId: draft.issuerId, departmentId: draft.departmentId, subject: draft.subject,
      issuedOn: this.ctx.today, deadline: draft.deadline, decisionId: draft.decisionId, basis: verdict.basis, crossPortfolio: verdict.crossPortfolio, transitions: [],
    };
    await this.ctx.em.transactional(async (tx) => {
      await tx.insert(Directive, {
        id: directive.id, jurisdictionId, issuerId: directive.issuerId, departmentId: directive.departmentId, subject: directive.subject,
        issuedOn: directive.issuedOn, deadline: directive.deadline, decisionId: directive.decisionId, basis: directive.basis, actingForId: verdict.actingForId,
        crossPortfolio: directive.crossPortfolio, status: 'ISSUED', version: 1, tokenId: this.ctx.viewer?.tokenId ?? null, recordedAt: this.ctx.now.toISOString(),
      });
      const notes = await this.notify(tx, directive, 'DIRECTIVE_CROSS_PORTFOLIO', verdict.notify);
      await this.audit(tx, actor, [
        { jurisdictionId, action: 'OPEN', entityType: 'DIRECTIVE', entityId: directive.id, decisionId: directive.decisionId, changesetId: null, before: null, after: { ...directive, reason: verdict.reason } },
        ...notes,
      ]);
    });
    this.directiveChanged(directive, verdict.notify);
    return directive;
  }

  /** acknowledge / start / complete / escalate: the state machine decides; the status row moves with a transition row. */
  async transition(directiveId: string, action: DirectiveAction, text: string | null): Promise<DirectiveFact> {
    const directive = await this.directiveOrFail(directiveId);
    const facts = await this.facts(directive.jurisdictionId);
    const actor = actorOf(this.ctx);
    const check = checkDirectiveTransition(facts, directive, { action, actor, on: this.ctx.today, text });
    if (!check.allowed) throw new KeyWorkRefusedError(check.problems);
    const seq = directive.transitions.length + 1;
    const transition = { id: `${directiveId.replace(/^directive:/, 'transition:')}-${seq}`, action, from: check.from, to: check.to, on: this.ctx.today, actor, text };
    const after: DirectiveFact = { ...directive, transitions: [...directive.transitions, transition] };
    await this.ctx.em.transactional(async (tx) => {
      const moved = await tx.nativeUpdate(Directive, { id: directiveId, version: seq, status: currentDirectiveStatus(directive) }, { status: check.to, version: seq + 1 });
      if (moved !== 1) throw new ConflictError(`交办事项${directiveId}已被他人办理 (changed concurrently)`, { directiveId });
      await tx.insert(DirectiveTransition, {
        id: transition.id, jurisdictionId: directive.jurisdictionId, directiveId, seq, action, fromStatus: check.from, toStatus: check.to, on: this.ctx.today,
        actorKind: actor.kind, actorId: actorId(actor), tokenId: this.ctx.viewer?.tokenId ?? null, text, recordedAt: this.ctx.now.toISOString(),
      });
      const notes = await this.notify(tx, after, 'DIRECTIVE_ESCALATED', check.notify);
      await this.audit(tx, actor, [
        { jurisdictionId: directive.jurisdictionId, action: 'RECORD', entityType: 'DIRECTIVE', entityId: directiveId, decisionId: null, changesetId: null, before: { status: check.from }, after: { status: check.to, transition } },
        ...notes,
      ]);
    });
    this.directiveChanged(after, check.notify);
    return after;
  }

  /** markNotificationRead: by the office, or by a token scoped to the leader it is addressed to. */
  async markNotificationRead(id: string): Promise<Notification> {
    const row = await this.ctx.em.findOne(Notification, { id }, { disableIdentityMap: true });
    if (row === null) throw new NotFoundError('Notification', id);
    const actor = actorOf(this.ctx);
    if (actor.kind === 'DEPARTMENT' || (actor.kind === 'LEADER' && actor.leaderId !== row.leaderId)) {
      throw new ForbiddenError('只有收到该通知的领导本人（或区政府办公室）能标记已读 (only its leader or the office may mark it read)', { notificationId: id });
    }
    if (row.readAt !== null) return row;
    const readAt = this.ctx.now.toISOString();
    await this.ctx.em.transactional(async (tx) => {
      await tx.nativeUpdate(Notification, { id, readAt: null }, { readAt });
      await this.audit(tx, actor, [{ jurisdictionId: row.jurisdictionId, action: 'RECORD', entityType: 'NOTIFICATION', entityId: id, decisionId: null, changesetId: null, before: { readAt: null }, after: { readAt } }]);
    });
    return Object.assign(row, { readAt });
  }

  private async insertTask(tx: SqlEntityManager, task: KeyTaskFact): Promise<void> {
    await tx.insert(KeyTask, {
      id: task.id, jurisdictionId: task.jurisdictionId, title: task.title, description: task.description, source: task.source, category: task.category,
      tags: [...task.tags], majorMatter: task.majorMatter, supervisingLeaderId: task.supervisingLeaderId, createdOn: task.createdOn, deadline: task.deadline,
      milestones: task.milestones.map((m) => ({ ...m })), decisionId: task.decisionId, parentTaskId: task.parentTaskId, completedOn: task.completedOn, version: 1,
    });
    await tx.insertMany(KeyTaskUnit, unitRows(task));
  }

  /** Moves the task's version (writers of one task queue on its row); CONFLICT when `expected` is stale. */
  private async bumpTask(tx: SqlEntityManager, taskId: string, expected: number | null): Promise<number> {
    const row = await tx.findOne(KeyTask, { id: taskId }, { fields: ['version'], disableIdentityMap: true });
    if (row === null) throw new NotFoundError('KeyTask', taskId);
    const from = expected ?? row.version;
    const moved = await tx.nativeUpdate(KeyTask, { id: taskId, version: from }, { version: from + 1 });
    if (moved !== 1) throw new ConflictError(`重点工作已被他人修改：当前版本 ${row.version}，提交所据版本 ${from} (the task changed since you read it)`, { expectedVersion: from, currentVersion: row.version });
    return from + 1;
  }

  private async notify(tx: SqlEntityManager, directive: DirectiveFact, kind: NotificationKind, targets: readonly NotificationTarget[]): Promise<AuditEntry[]> {
    if (targets.length === 0) return [];
    const rows = targets.map((t, i) => ({
      id: `${directive.id.replace(/^directive:/, 'notification:')}-${directive.transitions.length}-${i + 1}`, jurisdictionId: directive.jurisdictionId,
      leaderId: t.leaderId, kind, basis: t.basis, actingForId: t.actingForId, directiveId: directive.id,
      text: `${t.reason}：${directive.subject}`, createdAt: this.ctx.now.toISOString(), readAt: null,
    }));
    await tx.insertMany(Notification, rows);
    return rows.map((r) => ({ jurisdictionId: r.jurisdictionId, action: 'OPEN' as const, entityType: 'NOTIFICATION', entityId: r.id, decisionId: null, changesetId: null, before: null, after: r, personId: r.leaderId }));
  }

  private async audit(tx: SqlEntityManager, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
    if (this.options.audit === false) return;
    const person = actorId(actor);
    await appendAudit(tx, this.ctx.viewer, this.ctx.now, entries.map((e) => ({ ...e, personId: e.personId ?? person })));
  }

  private taskChanged(task: KeyTaskFact): void {
    this.ctx.loaders.keyWork.clear(task.jurisdictionId);
    this.ctx.loaders.taskJurisdiction.clear(task.id);
    this.ctx.events.publish(TOPICS.keyTaskChanged, { jurisdictionId: task.jurisdictionId, taskId: task.id });
  }

  private directiveChanged(directive: DirectiveFact, notified: readonly NotificationTarget[]): void {
    this.ctx.loaders.keyWork.clear(directive.jurisdictionId);
    this.ctx.loaders.directiveJurisdiction.clear(directive.id);
    this.ctx.loaders.notificationsOfDirective.clear(directive.id);
    for (const n of notified) this.ctx.loaders.notificationsOfLeader.clear(n.leaderId);
    this.ctx.events.publish(TOPICS.directiveChanged, {
      jurisdictionId: directive.jurisdictionId, directiveId: directive.id, notifiedLeaderIds: notified.map((n) => n.leaderId),
    });
  }
}

function unitRows(task: KeyTaskFact) {
  return [
    { taskId: task.id, departmentId: task.leadUnitId, jurisdictionId: task.jurisdictionId, role: 'LEAD' as const, position: 0 },
    ...task.responsibleUnitIds.map((d, i) => ({ taskId: task.id, departmentId: d, jurisdictionId: task.jurisdictionId, role: 'RESPONSIBLE' as const, position: i + 1 })),
    ...task.cooperatingUnitIds.map((d, i) => ({
      taskId: task.id, departmentId: d, jurisdictionId: task.jurisdictionId, role: 'COOPERATING' as const, position: task.responsibleUnitIds.length + i + 1,
    })),
  ];
}
