// Pure: no I/O, no clock. Implements R7's 分工调整: a re-division planned as one unit, checked on the state after it (R4, R5, R10).
import type { AssignmentKind } from './vocabulary';
import type { AssignmentFact, BackupFact, DecisionUse, DirectoryFacts, Interval, IsoDate } from './facts';
import type { Refusal, ViolationCode, Warning } from './violation';
import { UnreachableCaseError } from './errors';
import { covers, overlaps } from './interval';
import { describeBackup, describeLine, leaderName, linePredicate } from './describe';
import { assistIsValid, isGovernmentLine, linesOn, principalLine } from './portfolio';
import { partnerAbsenceConflicts } from './acting';
import { checkCollectiveDecision } from './collective-decision';
import {
  holderViolations,
  lineReferenceViolations,
  lineShapeViolations,
  lineShapeWarning,
  ownDepartment,
  pairShapeViolations,
  type LineFinding,
} from './line-rules';
import {
  assistOrphaned,
  divisionDates,
  duplicateLine,
  duplicatePair,
  firstDayOffTeam,
  isSameLine,
  linesStillHeld,
  partnerAbsencesOverlap,
  presidesNotUnique,
  presidingLinesOn,
  supervisingLinesOn,
  supervisorLost,
} from './division-rules';

/**
 * One item of a re-division. ASSIGN opens a line; END closes one; MOVE closes one and opens a copy for another
 * leader (same kind, target and end date; the draft's 文号 and decision, since this notice makes the new line);
 * SET_BACKUP makes `backupId` the B of `leaderId` (replacing the B in force); END_BACKUP closes the AB pair with
 * that BackupFact id.
 */
export type ChangeItem =
  | {
      readonly op: 'ASSIGN';
      readonly kind: AssignmentKind;
      readonly leaderId: string;
      readonly departmentId: string | null;
      readonly workAreaId: string | null;
      readonly principalId: string | null;
      readonly subject: string | null;
      readonly validTo: IsoDate | null;
    }
  | { readonly op: 'END'; readonly lineId: string }
  | { readonly op: 'MOVE'; readonly lineId: string; readonly toLeaderId: string }
  | { readonly op: 'SET_BACKUP'; readonly leaderId: string; readonly backupId: string; readonly exceptTargetIds: readonly string[] }
  | { readonly op: 'END_BACKUP'; readonly backupId: string };

/** A re-division (分工调整) before it is applied: its 文号, the decision it cites, when it takes effect, its items. */
export interface ChangesetDraft {
  readonly jurisdictionId: string;
  readonly document: string | null;
  readonly decisionId: string | null;
  /** Any date, past or future: every change takes effect on it (validFrom / validTo = effectiveDate). */
  readonly effectiveDate: IsoDate;
  /** 签发人, checked by checkCollectiveDecision. */
  readonly issuedById: string | null;
  readonly items: readonly ChangeItem[];
}

/** The kinds of fact a changeset opens and closes. */
export type ChangeEntity = 'ASSIGNMENT' | 'BACKUP';

/**
 * One effect of one item. CLOSE: `before` is the fact as recorded, `after` the same fact ending on the effective
 * date. OPEN: `before` is null, `after` the new fact. `text` says it in Chinese, e.g. `自2026-12-01起，李明不再分管区财政局`.
 */
export interface DiffEntry {
  readonly itemIndex: number;
  readonly action: 'OPEN' | 'CLOSE';
  readonly entity: ChangeEntity;
  readonly id: string;
  readonly before: AssignmentFact | BackupFact | null;
  readonly after: AssignmentFact | BackupFact | null;
  readonly text: string;
}

/** What a changeset would do, what is wrong with it, and the facts as they would be after it. */
export interface ChangesetPlan {
  /** In item order; within an item, closes before opens. Items with a violation of their own contribute nothing. */
  readonly diff: readonly DiffEntry[];
  /** Refusals, ordered by itemIndex (null first); empty when the changeset may be applied. */
  readonly violations: readonly Refusal[];
  /** Things to tell the office that do not block the change. */
  readonly warnings: readonly Warning[];
  /** A new facts object with the diff applied; the input is never mutated. */
  readonly after: DirectoryFacts;
}

/** Mints the id of the fact an item opens (each item opens at most one). */
export type NewFactId = (entity: ChangeEntity, itemIndex: number) => string;

/** What makes a line the line it is: its kind, holder and target. */
type Target = Omit<Extract<ChangeItem, { op: 'ASSIGN' }>, 'op' | 'validTo'>;

/** The state of a plan while its items are read one by one. */
interface Planner {
  readonly facts: DirectoryFacts;
  readonly draft: ChangesetDraft;
  readonly on: IsoDate;
  readonly newId: NewFactId;
  /** Fact id → index of the item that closed it. */
  readonly closedLines: Map<string, number>;
  readonly closedBackups: Map<string, number>;
  readonly openedLines: { readonly line: AssignmentFact; readonly itemIndex: number }[];
  readonly openedBackups: { readonly backup: BackupFact; readonly itemIndex: number }[];
  readonly diff: DiffEntry[];
  readonly violations: Refusal[];
  readonly warnings: Warning[];
}

/**
 * Plans a re-division as one atomic unit and validates it on the state after it (docs/rules.md R7: a re-division is
 * one changeset — 文号, decision, effective date — checked as a whole against R10's invariants on the state after
 * the change, then applied in one transaction). Nothing is overwritten: a change closes one interval on the
 * effective date and opens another from it, so history before that date is untouched and a future-dated changeset
 * is seen by asOf queries from its date on.
 *
 * Per item (itemIndex set): UNKNOWN_REFERENCE, UNIT_NOT_ACTIVE (a unit not in existence on the date), NOT_IN_TEAM,
 * LINE_NOT_ACTIVE (closing a fact that starts on or after the date, or that an earlier item already closed),
 * NO_CHANGE (an item that changes nothing: ending a line or pair that has ended already, a MOVE to the line's own
 * holder, SET_BACKUP of the B in force with the same exceptions), TARGET_MISMATCH and OUTSIDE_GOVERNMENT_LINE (the
 * line rules of line-rules.ts, R4), INVALID_INTERVAL, SELF_BACKUP; warning LIAISON_TO_GOVERNMENT_UNIT. An item with
 * such a violation is left out of the diff and of `after`, so one mistake is reported once.
 * On `after`, at the effective date and at every later date on which a line or a unit starts or ends (the state
 * after the change is checked over all time, each finding once, at its first date): PRESIDES_NOT_UNIQUE (exactly one presiding leader before, not after),
 * SUPERVISOR_LOST (R10 "every government department should have at least one supervising leader": a unit that had
 * one and has none; existing gaps are not this changeset's, but a stand-in it gives a unit nobody supervised leaves
 * one when his line ends with nobody after him), ASSIST_ORPHANED (协助 "valid only while the principal holds that
 * target"), DUPLICATE_LINE (a new line or AB pair overlapping an identical one), PARTNER_ABSENCES_OVERLAP (R5, for
 * the new pairs only), LINES_STILL_HELD (a new line or pair still in force after its holder, or a side, leaves the
 * team). The invariants and their words live in division-rules.ts, shared with every import, so that whatever an
 * accepted changeset leaves a file may hold. No items: EMPTY_CHANGESET. The cited decision is not checked here: see
 * validateChangeset.
 *
 * @example planChangeset(facts, { …, effectiveDate: '2026-12-01', items: [{ op: 'MOVE', lineId: 'line:li-ming-finance', toLeaderId: 'leader:zhao-min' }] }, mint).diff.map((d) => d.text)
 * // ['自2026-12-01起，李明不再分管区财政局', '自2026-12-01起，赵敏分管区财政局']
 */
export function planChangeset(facts: DirectoryFacts, draft: ChangesetDraft, newId: NewFactId): ChangesetPlan {
  const p: Planner = {
    facts,
    draft,
    on: draft.effectiveDate,
    newId,
    closedLines: new Map(),
    closedBackups: new Map(),
    openedLines: [],
    openedBackups: [],
    diff: [],
    violations: [],
    warnings: [],
  };
  if (draft.jurisdictionId !== facts.jurisdiction.id) {
    p.violations.push(wholeViolation('UNKNOWN_REFERENCE', `该分工调整属于另一政府（${draft.jurisdictionId}），不是${facts.jurisdiction.name}政府的`, {
      jurisdictionId: draft.jurisdictionId,
    }));
  } else if (draft.items.length === 0) {
    p.violations.push(wholeViolation('EMPTY_CHANGESET', '分工调整没有任何调整事项', {}));
  } else {
    draft.items.forEach((item, index) => planItem(p, item, index));
  }
  const after = applied(p);
  checkAfter(p, after);
  return {
    diff: p.diff,
    violations: [...p.violations].sort((a, b) => indexOrder(a.itemIndex) - indexOrder(b.itemIndex)),
    warnings: p.warnings,
    after,
  };
}

/** What applying a re-division adds to its draft: the day it is signed, and the re-divisions already applied. */
export interface SigningContext {
  /** 签发日期: today when applying or previewing; null to check recorded data without a signing step. */
  readonly signedOn: IsoDate | null;
  /** Every applied re-division that cited a decision (a decision authorizes one change: R7). */
  readonly uses: readonly DecisionUse[];
}

/**
 * planChangeset with R7's collective-decision check in front: the draft's decision must be a quorate, fresh
 * DIVISION_OF_LABOUR decision of a meeting already held, approving this draft's 文号 and not used before, taken no
 * later than the effective date; its signatory must preside in his own right on the signing date (R5), which is
 * no later than the effective date. Seed: "要坚持“集体领导、民主集中、个别酝酿、会议决定”来进行集体决策,不搞一言堂,不搞个人说了算。"
 *
 * @example validateChangeset(facts, { …, decisionId: null }, mint, { signedOn: '2026-11-28', uses: [] }).violations[0].code // 'COLLECTIVE_DECISION_REQUIRED'
 */
export function validateChangeset(facts: DirectoryFacts, draft: ChangesetDraft, newId: NewFactId, signing: SigningContext): ChangesetPlan {
  const plan = planChangeset(facts, draft, newId);
  const collective = checkCollectiveDecision(facts, {
    decisionId: draft.decisionId,
    category: 'DIVISION_OF_LABOUR',
    effectiveDate: draft.effectiveDate,
    issuedById: draft.issuedById,
    signedOn: signing.signedOn,
    document: draft.document,
    uses: signing.uses,
  });
  return { ...plan, violations: [...collective, ...plan.violations] };
}

function indexOrder(itemIndex: number | null): number {
  return itemIndex === null ? -1 : itemIndex;
}

function wholeViolation(code: ViolationCode, message: string, details: Record<string, unknown>): Refusal {
  return { itemIndex: null, code, message, details };
}

function itemViolation(itemIndex: number, code: ViolationCode, message: string, details: Record<string, unknown>): Refusal {
  return { itemIndex, code, message: `第${itemIndex + 1}项：${message}`, details };
}

function planItem(p: Planner, item: ChangeItem, index: number): void {
  switch (item.op) {
    case 'ASSIGN':
      planAssign(p, item, index);
      return;
    case 'END':
      planEnd(p, item.lineId, index);
      return;
    case 'MOVE':
      planMove(p, item.lineId, item.toLeaderId, index);
      return;
    case 'SET_BACKUP':
      planSetBackup(p, item, index);
      return;
    case 'END_BACKUP':
      planEndBackup(p, item.backupId, index);
      return;
    default:
      throw new UnreachableCaseError(item);
  }
}

function planAssign(p: Planner, item: Extract<ChangeItem, { op: 'ASSIGN' }>, index: number): void {
  const found = [
    ...leaderViolations(p, index, item.leaderId, 'leaderId'),
    ...referenceViolations(p, index, item),
    ...shapeViolations(p, index, item),
  ];
  if (item.validTo !== null && item.validTo <= p.on) {
    found.push(
      itemViolation(index, 'INVALID_INTERVAL', `终止日期${item.validTo}须晚于生效日期${p.on}`, { validFrom: p.on, validTo: item.validTo }),
    );
  }
  liaisonWarning(p, index, item);
  if (found.length > 0) {
    p.violations.push(...found);
    return;
  }
  open(p, index, {
    id: p.newId('ASSIGNMENT', index),
    jurisdictionId: p.facts.jurisdiction.id,
    leaderId: item.leaderId,
    kind: item.kind,
    departmentId: item.departmentId,
    workAreaId: item.workAreaId,
    principalId: item.principalId,
    subject: item.subject,
    document: p.draft.document,
    decisionId: p.draft.decisionId,
    validFrom: p.on,
    validTo: item.validTo,
  });
}

function planEnd(p: Planner, lineId: string, index: number): void {
  const line = closableLine(p, lineId, index);
  if (line !== null) close(p, index, line);
}

function planMove(p: Planner, lineId: string, toLeaderId: string, index: number): void {
  const found: Refusal[] = [];
  const line = closableLine(p, lineId, index, found);
  found.push(...leaderViolations(p, index, toLeaderId, 'toLeaderId'));
  if (line !== null && line.leaderId === toLeaderId) {
    found.push(
      itemViolation(index, 'NO_CHANGE', `“${describeLine(p.facts, line)}”本来就由${leaderName(p.facts, toLeaderId)}承担：本项不改变任何分工`, {
        lineId: line.id,
        toLeaderId,
      }),
    );
  }
  if (line === null || found.length > 0) {
    p.violations.push(...found);
    return;
  }
  const copy: AssignmentFact = {
    ...line,
    id: p.newId('ASSIGNMENT', index),
    leaderId: toLeaderId,
    document: p.draft.document,
    decisionId: p.draft.decisionId,
    validFrom: p.on,
  };
  const shape = shapeViolations(p, index, copy);
  if (shape.length > 0) {
    p.violations.push(...shape);
    return;
  }
  close(p, index, line);
  open(p, index, copy);
}

function planSetBackup(p: Planner, item: Extract<ChangeItem, { op: 'SET_BACKUP' }>, index: number): void {
  const found = [
    ...leaderViolations(p, index, item.leaderId, 'leaderId'),
    ...leaderViolations(p, index, item.backupId, 'backupId'),
    ...pairShapeViolations(p.facts, item).map((f) => atItemFinding(index, f)),
  ];
  if (found.length > 0) {
    p.violations.push(...found);
    return;
  }
  // The B in force on the date is replaced: its pair ends where the new one begins.
  const replaced = p.facts.backups.find(
    (b) => b.leaderId === item.leaderId && !p.closedBackups.has(b.id) && isClosable(b, p.on) && b.jurisdictionId === p.facts.jurisdiction.id,
  );
  const sameExceptions = (b: BackupFact) =>
    new Set(b.exceptTargetIds).size === new Set(item.exceptTargetIds).size && item.exceptTargetIds.every((t) => b.exceptTargetIds.includes(t));
  if (replaced !== undefined && replaced.backupId === item.backupId && replaced.validTo === null && sameExceptions(replaced)) {
    p.violations.push(
      itemViolation(index, 'NO_CHANGE', `${describeBackup(p.facts, replaced)}，本项不改变任何安排`, { backupId: replaced.id }),
    );
    return;
  }
  if (replaced !== undefined) closeBackup(p, index, replaced);
  const backup: BackupFact = {
    id: p.newId('BACKUP', index),
    jurisdictionId: p.facts.jurisdiction.id,
    leaderId: item.leaderId,
    backupId: item.backupId,
    exceptTargetIds: item.exceptTargetIds,
    decisionId: p.draft.decisionId,
    validFrom: p.on,
    validTo: null,
  };
  p.openedBackups.push({ backup, itemIndex: index });
  p.diff.push({
    itemIndex: index,
    action: 'OPEN',
    entity: 'BACKUP',
    id: backup.id,
    before: null,
    after: backup,
    text: `自${p.on}起，${describeBackup(p.facts, backup)}`,
  });
}

function planEndBackup(p: Planner, backupId: string, index: number): void {
  const backup = p.facts.backups.find((b) => b.id === backupId && b.jurisdictionId === p.facts.jurisdiction.id);
  if (backup === undefined) {
    p.violations.push(itemViolation(index, 'UNKNOWN_REFERENCE', `找不到AB角：${backupId}`, { backupId }));
    return;
  }
  const notActive = notActiveViolation(p, index, backup, describeBackup(p.facts, backup), p.closedBackups.get(backup.id));
  if (notActive !== null) {
    p.violations.push(notActive);
    return;
  }
  closeBackup(p, index, backup);
}

/** True when closing the fact on `on` leaves a non-empty interval: it started before `on` and is still in force on it. */
function isClosable(fact: Interval, on: IsoDate): boolean {
  return fact.validFrom < on && covers(fact, on);
}

/** The line an END or MOVE closes, or null after recording (in `sink`, else in the plan) why it cannot be closed. */
function closableLine(p: Planner, lineId: string, index: number, sink: Refusal[] = p.violations): AssignmentFact | null {
  const line = p.facts.assignments.find((a) => a.id === lineId && a.jurisdictionId === p.facts.jurisdiction.id);
  if (line === undefined) {
    sink.push(itemViolation(index, 'UNKNOWN_REFERENCE', `找不到分工：${lineId}`, { lineId }));
    return null;
  }
  const notActive = notActiveViolation(p, index, line, describeLine(p.facts, line), p.closedLines.get(line.id));
  if (notActive !== null) {
    sink.push(notActive);
    return null;
  }
  return line;
}

function notActiveViolation(
  p: Planner,
  index: number,
  fact: Interval & { readonly id: string },
  described: string,
  closedBy: number | undefined,
): Refusal | null {
  if (closedBy !== undefined) {
    return itemViolation(index, 'LINE_NOT_ACTIVE', `“${described}”已由第${closedBy + 1}项终止`, { factId: fact.id, closedByItemIndex: closedBy });
  }
  if (isClosable(fact, p.on)) return null;
  if (fact.validTo !== null && fact.validTo <= p.on && fact.validFrom < p.on) {
    return itemViolation(index, 'NO_CHANGE', `“${described}”已于${fact.validTo}终止，无需再终止：本项不改变任何分工`, {
      factId: fact.id,
      validTo: fact.validTo,
    });
  }
  const reason =
    fact.validFrom >= p.on
      ? `自${fact.validFrom}起才生效，不能自${p.on}起终止`
      : `已于${fact.validTo ?? ''}终止，${p.on}时不在有效期内`;
  return itemViolation(index, 'LINE_NOT_ACTIVE', `“${described}”${reason}`, {
    factId: fact.id,
    validFrom: fact.validFrom,
    validTo: fact.validTo,
  });
}

/** A finding of the shared rules (line-rules.ts, division-rules.ts) pinned on an item. */
function atItemFinding(index: number, f: LineFinding): Refusal {
  return itemViolation(index, f.code, f.message, f.details);
}

/** UNKNOWN_REFERENCE, NOT_IN_TEAM on the effective date (line-rules.ts, shared with every import). */
function leaderViolations(p: Planner, index: number, leaderId: string, field: string): Refusal[] {
  return holderViolations(p.facts, leaderId, p.on, field).map((f) => atItemFinding(index, f));
}

/** Unknown units, areas and principals; units not in existence on the date (line-rules.ts). */
function referenceViolations(p: Planner, index: number, target: Target): Refusal[] {
  return lineReferenceViolations(p.facts, target, p.on).map((f) => atItemFinding(index, f));
}

/** TARGET_MISMATCH, and R4: 分管 reaches only the government's own line (the rule lives in line-rules.ts). */
function shapeViolations(p: Planner, index: number, target: Target): Refusal[] {
  const department = target.departmentId === null ? undefined : ownDepartment(p.facts, target.departmentId);
  return lineShapeViolations(target, department).map((f) => atItemFinding(index, f));
}

function liaisonWarning(p: Planner, index: number, target: Target): void {
  const department = target.departmentId === null ? undefined : ownDepartment(p.facts, target.departmentId);
  const warning = lineShapeWarning(target, department);
  if (warning === null) return;
  p.warnings.push({ itemIndex: index, code: warning.code, message: `第${index + 1}项：${warning.message}`, details: warning.details });
}

function open(p: Planner, index: number, line: AssignmentFact): void {
  p.openedLines.push({ line, itemIndex: index });
  const until = line.validTo === null ? '' : `（${line.validTo}起终止）`;
  p.diff.push({
    itemIndex: index,
    action: 'OPEN',
    entity: 'ASSIGNMENT',
    id: line.id,
    before: null,
    after: line,
    text: `自${p.on}起，${describeLine(p.facts, line)}${until}`,
  });
}

function close(p: Planner, index: number, line: AssignmentFact): void {
  p.closedLines.set(line.id, index);
  p.diff.push({
    itemIndex: index,
    action: 'CLOSE',
    entity: 'ASSIGNMENT',
    id: line.id,
    before: line,
    after: { ...line, validTo: p.on },
    text: `自${p.on}起，${leaderName(p.facts, line.leaderId)}不再${linePredicate(p.facts, line)}`,
  });
}

function closeBackup(p: Planner, index: number, backup: BackupFact): void {
  p.closedBackups.set(backup.id, index);
  p.diff.push({
    itemIndex: index,
    action: 'CLOSE',
    entity: 'BACKUP',
    id: backup.id,
    before: backup,
    after: { ...backup, validTo: p.on },
    text: `自${p.on}起，${leaderName(p.facts, backup.leaderId)}的B角不再为${leaderName(p.facts, backup.backupId)}`,
  });
}

/** The facts with every close and open of the plan applied: a new object; unchanged collections are shared. */
function applied(p: Planner): DirectoryFacts {
  const ended = <T extends Interval & { readonly id: string }>(fact: T, closed: ReadonlyMap<string, number>): T =>
    closed.has(fact.id) ? { ...fact, validTo: p.on } : fact;
  return {
    ...p.facts,
    assignments: [...p.facts.assignments.map((a) => ended(a, p.closedLines)), ...p.openedLines.map((o) => o.line)],
    backups: [...p.facts.backups.map((b) => ended(b, p.closedBackups)), ...p.openedBackups.map((o) => o.backup)],
  };
}

/**
 * The whole-state checks on `after`, at every date from the effective date on where an interval starts or ends
 * (not only on the effective date: a line that ends later must not leave a gap then). Each finding is reported once,
 * at the first date it occurs.
 */
function checkAfter(p: Planner, after: DirectoryFacts): void {
  const seen = new Set<string>();
  const once = (found: Refusal[]) =>
    found.filter((v) => {
      const key = `${v.code}|${JSON.stringify(v.details.departmentId ?? v.details.lineId ?? '')}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  // The effective date and every later date on which a line or a unit starts or ends (division-rules.ts).
  let previous: IsoDate | null = null;
  for (const on of divisionDates(after, p.on)) {
    p.violations.push(
      ...once(presidingViolations(p, after, on)),
      ...once(supervisorLostViolations(p, after, on, previous)),
      ...once(orphanedAssistViolations(p, after, on)),
    );
    previous = on;
  }
  p.violations.push(...duplicateViolations(p, after), ...stillHeldViolations(p, after), ...partnerAbsenceViolations(p, after));
}

/** A finding of division-rules.ts said of the state after the change. */
function afterChange(itemIndex: number | null, f: LineFinding): Refusal {
  return atItem(itemIndex, f.code, `调整后${f.message}`, f.details);
}

function presidingViolations(p: Planner, after: DirectoryFacts, on: IsoDate): Refusal[] {
  const before = presidingLinesOn(p.facts, on);
  const now = presidingLinesOn(after, on);
  if (before.length !== 1 || now.length === 1) return [];
  const opened = p.openedLines.filter((o) => o.line.kind === 'PRESIDES').map((o) => o.itemIndex);
  const closed = lastItem(before, p.closedLines);
  const touching = closed === null ? opened : [...opened, closed];
  return [afterChange(touching.length === 0 ? null : Math.max(...touching), presidesNotUnique(after, on, now))];
}

/** The last item that closed one of these facts, or null when none did. */
function lastItem(facts: readonly { readonly id: string }[], closed: ReadonlyMap<string, number>): number | null {
  const indices = facts.flatMap((f) => {
    const index = closed.get(f.id);
    return index === undefined ? [] : [index];
  });
  return indices.length === 0 ? null : Math.max(...indices);
}

function atItem(itemIndex: number | null, code: ViolationCode, message: string, details: Record<string, unknown>): Refusal {
  return itemIndex === null ? wholeViolation(code, message, details) : itemViolation(itemIndex, code, message, details);
}

/**
 * A unit supervised on `on` before the change and not after it; or one that a line this change opens supervised on
 * the date before (`previous`, a date checked already) and nobody supervises from `on`: a stand-in who leaves leaves
 * a gap, even in a unit nobody supervised before him (the same rule as for recorded data, division-rules.ts).
 */
function supervisorLostViolations(p: Planner, after: DirectoryFacts, on: IsoDate, previous: IsoDate | null): Refusal[] {
  const found: Refusal[] = [];
  for (const department of p.facts.departments) {
    if (department.jurisdictionId !== p.facts.jurisdiction.id || !isGovernmentLine(department.kind) || !covers(department, on)) continue;
    if (supervisingLinesOn(after, department.id, on).length > 0) continue;
    const before = supervisingLinesOn(p.facts, department.id, on);
    if (before.length > 0) {
      found.push(afterChange(lastItem(before, p.closedLines), supervisorLost(department, on, before)));
      continue;
    }
    const stoodIn = previous === null ? [] : supervisingLinesOn(after, department.id, previous);
    const opened = p.openedLines.filter((o) => stoodIn.includes(o.line));
    if (opened.length > 0) {
      found.push(afterChange(Math.max(...opened.map((o) => o.itemIndex)), supervisorLost(department, on, stoodIn)));
    }
  }
  return found;
}

function orphanedAssistViolations(p: Planner, after: DirectoryFacts, on: IsoDate): Refusal[] {
  const found: Refusal[] = [];
  for (const line of linesOn(after, on)) {
    if (line.kind !== 'ASSISTS' || assistIsValid(after, line, on)) continue;
    const opened = p.openedLines.find((o) => o.line === line);
    // A recorded assist that was already orphaned (or not yet begun) before the change is not this changeset's doing.
    if (opened === undefined && !(covers(line, on) && assistIsValid(p.facts, line, on))) continue;
    const held = opened === undefined ? principalLine(p.facts, line, on) : undefined;
    found.push(
      afterChange(
        opened === undefined ? lastItem(held === undefined ? [] : [held], p.closedLines) : opened.itemIndex,
        assistOrphaned(after, line, on),
      ),
    );
  }
  return found;
}

/** A new line or pair that overlaps an identical one, recorded or opened by an earlier item. */
function duplicateViolations(p: Planner, after: DirectoryFacts): Refusal[] {
  const found: Refusal[] = [];
  const openedLineIndex = new Map(p.openedLines.map((o) => [o.line, o.itemIndex]));
  for (const { line, itemIndex } of p.openedLines) {
    const twin = after.assignments.find((other) => {
      const otherIndex = openedLineIndex.get(other);
      return other !== line && (otherIndex === undefined || otherIndex < itemIndex) && isSameLine(other, line) && overlaps(other, line);
    });
    if (twin !== undefined) found.push(atItemFinding(itemIndex, duplicateLine(after, line, twin)));
  }
  const openedBackupIndex = new Map(p.openedBackups.map((o) => [o.backup, o.itemIndex]));
  for (const { backup, itemIndex } of p.openedBackups) {
    const twin = after.backups.find((other) => {
      const otherIndex = openedBackupIndex.get(other);
      return other !== backup && (otherIndex === undefined || otherIndex < itemIndex) && other.leaderId === backup.leaderId && overlaps(other, backup);
    });
    if (twin !== undefined) found.push(atItemFinding(itemIndex, duplicatePair(after, backup, twin)));
  }
  return found;
}

/**
 * A line or AB pair the change opens that would still be in force after its holder (or a side of the pair) leaves
 * the team (LINES_STILL_HELD, the rule endAppointment keeps: his lines end or pass on with his appointment).
 */
function stillHeldViolations(p: Planner, after: DirectoryFacts): Refusal[] {
  const found: Refusal[] = [];
  for (const { line, itemIndex } of p.openedLines) {
    const off = firstDayOffTeam(after, line.leaderId, line);
    if (off !== null) found.push(atItemFinding(itemIndex, linesStillHeld(after, line.leaderId, off, [line], [])));
  }
  for (const { backup, itemIndex } of p.openedBackups) {
    const side = [backup.leaderId, backup.backupId].find((id) => firstDayOffTeam(after, id, backup) !== null);
    if (side !== undefined) {
      found.push(atItemFinding(itemIndex, linesStillHeld(after, side, firstDayOffTeam(after, side, backup) as IsoDate, [], [backup])));
    }
  }
  return found;
}

/** R5: "Partners' absences must not overlap (refused unless a third person is designated)", for the new pairs. */
function partnerAbsenceViolations(p: Planner, after: DirectoryFacts): Refusal[] {
  const opened = new Map(p.openedBackups.map((o) => [o.backup.id, o]));
  const found: Refusal[] = [];
  for (const conflict of partnerAbsenceConflicts(after)) {
    const pair = opened.get(conflict.backupId);
    if (pair !== undefined) found.push(atItemFinding(pair.itemIndex, partnerAbsencesOverlap(after, pair.backup, conflict.absenceIds)));
  }
  return found;
}
