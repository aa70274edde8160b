// Pure: no I/O, no clock. The invariants of a division's state (R2 one presiding leader, R5 AB pairs, R10 coverage,
// and the team a line's holder belongs to), stated once and shared by changesets (the state after a change) and by
// every import (a recorded history: seeds, Popolo files), so that both are refused with the same codes and messages.
import type { AbsenceFact, AssignmentFact, BackupFact, DepartmentFact, DirectoryFacts, Interval, IsoDate } from './facts';
import { covers, overlaps } from './interval';
import { compareText } from './order';
import { describeAbsence, describeBackup, describeLine, leaderName } from './describe';
import { assistIsValid, isGovernmentLine, linesForDepartment, linesOn } from './portfolio';
import { partnerAbsenceConflicts } from './acting';
import { checkAbsence } from './absence-check';
import {
  holderViolations,
  isTeamMember,
  lineReferenceViolations,
  lineShapeViolations,
  ownDepartment,
  pairShapeViolations,
  type LineFinding,
} from './line-rules';

// ---------------------------------------------------------------------------------------------------------------
// The findings, worded once. A changeset says them of the state after it ("调整后…") and pins them on an item;
// an import says them of the file and pins them on a row.

/** The PRESIDES lines in force on `on`, by id. */
export function presidingLinesOn(facts: DirectoryFacts, on: IsoDate): AssignmentFact[] {
  return linesOn(facts, on).filter((l) => l.kind === 'PRESIDES');
}

/** The SUPERVISES lines to the unit in force on `on`. */
export function supervisingLinesOn(facts: DirectoryFacts, departmentId: string, on: IsoDate): AssignmentFact[] {
  return linesForDepartment(facts, departmentId, on).filter((l) => l.kind === 'SUPERVISES');
}

/** R2: "exactly one leader presides at any time" — nobody, or several (`presiding`), on `on`. */
export function presidesNotUnique(facts: DirectoryFacts, on: IsoDate, presiding: readonly AssignmentFact[]): LineFinding {
  const government = `${facts.jurisdiction.name}政府`;
  const state =
    presiding.length === 0
      ? `${on}无人主持${government}全面工作`
      : `${on}有${presiding.length}人同时主持${government}全面工作：${presiding.map((l) => leaderName(facts, l.leaderId)).join('、')}`;
  return {
    code: 'PRESIDES_NOT_UNIQUE',
    message: `${state}；主持全面工作的领导任何时候都有且只有一人`,
    details: { on, presidingLeaderIds: presiding.map((l) => l.leaderId) },
  };
}

/** R10: a government unit that had a supervising leader (by `endedLines`) has none from `on`. */
export function supervisorLost(department: DepartmentFact, on: IsoDate, endedLines: readonly AssignmentFact[]): LineFinding {
  return {
    code: 'SUPERVISOR_LOST',
    message: `${department.name}自${on}起没有分管领导：每个政府部门都要有分管领导（R10）`,
    details: { departmentId: department.id, on, endedLineIds: endedLines.map((l) => l.id) },
  };
}

/** 协助 is "valid only while the principal holds that target": on `on` he does not. */
export function assistOrphaned(facts: DirectoryFacts, line: AssignmentFact, on: IsoDate): LineFinding {
  const principal = line.principalId === null ? '' : leaderName(facts, line.principalId);
  return {
    code: 'ASSIST_ORPHANED',
    message: `“${describeLine(facts, line)}”在${on}失去依据：${principal}届时不负责该项工作，协助只在主责领导负责期间有效`,
    details: { lineId: line.id, principalId: line.principalId, on },
  };
}

/** The same line: same holder, kind and target (whatever its id, dates, 文号 or decision). */
export function isSameLine(a: AssignmentFact, b: AssignmentFact): boolean {
  return (
    a.leaderId === b.leaderId &&
    a.kind === b.kind &&
    a.departmentId === b.departmentId &&
    a.workAreaId === b.workAreaId &&
    a.principalId === b.principalId &&
    a.subject === b.subject
  );
}

/** A line that overlaps an identical one (`twin`). */
export function duplicateLine(facts: DirectoryFacts, line: AssignmentFact, twin: AssignmentFact): LineFinding {
  return {
    code: 'DUPLICATE_LINE',
    message: `“${describeLine(facts, line)}”与已有的同一分工重叠（自${twin.validFrom}起）`,
    details: { lineId: line.id, duplicateOfId: twin.id },
  };
}

/** An AB pair that overlaps another pair of the same A (`twin`): A has one B at a time. */
export function duplicatePair(facts: DirectoryFacts, backup: BackupFact, twin: BackupFact): LineFinding {
  return {
    code: 'DUPLICATE_LINE',
    message: `${leaderName(facts, backup.leaderId)}同期已有B角：${describeBackup(facts, twin)}（自${twin.validFrom}起）`,
    details: { backupId: backup.id, duplicateOfId: twin.id },
  };
}

/** R5: "partners' absences must not overlap (refused unless a third person is designated)". */
export function partnerAbsencesOverlap(facts: DirectoryFacts, backup: BackupFact, absenceIds: readonly string[]): LineFinding {
  const absences = facts.absences.filter((x) => absenceIds.includes(x.id)).map((x) => describeAbsence(facts, x));
  return {
    code: 'PARTNER_ABSENCES_OVERLAP',
    message: `${describeBackup(facts, backup)}，但两人不在岗时间重叠且未指定第三人代行：${absences.join('；')}（R5）`,
    details: { backupId: backup.id, absenceIds },
  };
}

/**
 * A leader off the team from `on` who would still hold `lines` or be a side of `pairs` then (an appointment ends,
 * his lines and pairs must end or pass to someone else with it).
 */
export function linesStillHeld(
  facts: DirectoryFacts,
  leaderId: string,
  on: IsoDate,
  lines: readonly AssignmentFact[],
  pairs: readonly BackupFact[],
): LineFinding {
  const named = [...lines.map((l) => `“${describeLine(facts, l)}”`), ...(pairs.length > 0 ? [`${pairs.length}项AB角安排`] : [])];
  return {
    code: 'LINES_STILL_HELD',
    message: `${leaderName(facts, leaderId)}自${on}起不再是${facts.jurisdiction.name}政府班子成员，但仍承担${named.join('、')}：须在同一调整中终止或移交（经会议集体研究决定）`,
    details: { leaderId, lineIds: lines.map((l) => l.id), backupIds: pairs.map((b) => b.id) },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// When to look.

/**
 * The dates on which a division's invariants can change: every date on which one of the government's lines or units
 * starts or ends, in order. With `from`, that date and the later ones only ("from the effective date on").
 */
export function divisionDates(facts: DirectoryFacts, from: IsoDate | null = null): IsoDate[] {
  const dates = new Set<IsoDate>(from === null ? [] : [from]);
  const add = (i: Interval) => {
    if (from === null || i.validFrom > from) dates.add(i.validFrom);
    if (i.validTo !== null && (from === null || i.validTo > from)) dates.add(i.validTo);
  };
  for (const a of facts.assignments) if (a.jurisdictionId === facts.jurisdiction.id) add(a);
  for (const d of facts.departments) if (d.jurisdictionId === facts.jurisdiction.id) add(d);
  return [...dates].sort();
}

/**
 * The first day within `held` (a line's or pair's interval, its first day included) on which the leader is not on
 * the team, or null when he is on it throughout. Only the days his appointments start or end can change it.
 */
export function firstDayOffTeam(facts: DirectoryFacts, leaderId: string, held: Interval): IsoDate | null {
  const within = (d: IsoDate | null): d is IsoDate => d !== null && d > held.validFrom && (held.validTo === null || d < held.validTo);
  const dates = new Set<IsoDate>([held.validFrom]);
  for (const a of facts.appointments) {
    if (a.leaderId !== leaderId) continue;
    if (within(a.validFrom)) dates.add(a.validFrom);
    if (within(a.validTo)) dates.add(a.validTo);
  }
  return [...dates].sort().find((d) => !isTeamMember(facts, leaderId, d)) ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// A recorded history, checked as a changeset checks the state after it.

/** What a finding about recorded facts concerns: the line, pair or absence to blame. */
export type RecordedEntity = 'ASSIGNMENT' | 'BACKUP' | 'ABSENCE';

/** A finding about one recorded fact (a dataset row, a Popolo membership). */
export interface RecordedFinding extends LineFinding {
  readonly entity: RecordedEntity;
  readonly factId: string;
}

/**
 * Every rule a changeset applies, applied to a government's facts as recorded — the history a file (a seed, a Popolo
 * file) brings — so that a file cannot hold what no changeset could make. The file's facts are all new: each is
 * checked as a changeset checks the facts it opens, and its state is checked over all time, at every date on which a
 * line or a unit starts or ends, against the state on the date before (as a changeset's state after it against the
 * state before it).
 *
 * Per line (its first day is its effective date): UNKNOWN_REFERENCE (a holder, unit, work area or principal that is
 * not this government's), NOT_IN_TEAM (the holder is not on the team that day), UNIT_NOT_ACTIVE, TARGET_MISMATCH,
 * OUTSIDE_GOVERNMENT_LINE (R4: a file cannot make a deputy 分管 the tax bureau). Per AB pair: UNKNOWN_REFERENCE,
 * NOT_IN_TEAM (A or B), SELF_BACKUP, an unknown excepted target. Per absence, as recordAbsence checks it against the
 * absences recorded before it: UNKNOWN_REFERENCE, NOT_IN_TEAM (the absent leader or the designated person),
 * ABSENCE_OVERLAP. A line or pair with a violation of its own is left out of what follows, so one mistake is reported
 * once.
 * Over the whole state: DUPLICATE_LINE (a line overlapping an identical one, a pair overlapping another of the same
 * A: the later one is blamed); at every date, PRESIDES_NOT_UNIQUE (two or more presiding, or nobody presiding where
 * one presided the date before), SUPERVISOR_LOST (a government unit supervised the date before and not now; a unit
 * never supervised is a gap coverage shows, not a violation), ASSIST_ORPHANED (a 协助 line whose principal does
 * not hold its target); LINES_STILL_HELD (a line or pair in force after its holder, or a side, left the team);
 * PARTNER_ABSENCES_OVERLAP (partners away together with nobody designated). Each finding once, at its first date.
 * Messages are a changeset's, without "调整后" and the item number.
 *
 * @example checkRecordedDivision({ ...facts, assignments: [...facts.assignments, { ...financeLine, id: 'line:copy' }] })[0].code // 'DUPLICATE_LINE'
 */
export function checkRecordedDivision(facts: DirectoryFacts): RecordedFinding[] {
  const found: RecordedFinding[] = [];
  const seen = new Set<string>();
  const report = (entity: RecordedEntity, factId: string, finding: LineFinding, once = false) => {
    const key = `${finding.code}|${factId}|${String(finding.details.departmentId ?? '')}`;
    if (once && seen.has(key)) return;
    seen.add(key);
    found.push({ ...finding, entity, factId });
  };
  const government = facts.jurisdiction.id;
  const flawed = new Set<string>();

  for (const line of facts.assignments) {
    if (line.jurisdictionId !== government) continue;
    const department = line.departmentId === null ? undefined : ownDepartment(facts, line.departmentId);
    const own = [
      ...holderViolations(facts, line.leaderId, line.validFrom, 'leaderId'),
      ...lineReferenceViolations(facts, line, line.validFrom),
      ...lineShapeViolations(line, department),
    ];
    if (own.length > 0) flawed.add(line.id);
    for (const f of own) report('ASSIGNMENT', line.id, f);
  }
  for (const pair of facts.backups) {
    if (pair.jurisdictionId !== government) continue;
    const own = [
      ...holderViolations(facts, pair.leaderId, pair.validFrom, 'leaderId'),
      ...holderViolations(facts, pair.backupId, pair.validFrom, 'backupId'),
      ...pairShapeViolations(facts, pair),
    ];
    if (own.length > 0) flawed.add(pair.id);
    for (const f of own) report('BACKUP', pair.id, f);
  }
  absenceFindings(facts, (absence, f) => report('ABSENCE', absence.id, f));

  const sound: DirectoryFacts =
    flawed.size === 0
      ? facts
      : { ...facts, assignments: facts.assignments.filter((a) => !flawed.has(a.id)), backups: facts.backups.filter((b) => !flawed.has(b.id)) };
  const lines = sound.assignments.filter((a) => a.jurisdictionId === government);
  const pairs = sound.backups.filter((b) => b.jurisdictionId === government);

  const lineKey = (l: AssignmentFact) => [l.leaderId, l.kind, l.departmentId ?? '', l.workAreaId ?? '', l.principalId ?? '', l.subject ?? ''].join('\u0000');
  duplicates(lines, lineKey, (line, twin) => report('ASSIGNMENT', line.id, duplicateLine(sound, line, twin)));
  duplicates(pairs, (b) => b.leaderId, (pair, twin) => report('BACKUP', pair.id, duplicatePair(sound, pair, twin)));

  let before: { presiding: readonly AssignmentFact[]; supervising: ReadonlyMap<string, readonly AssignmentFact[]> } | null = null;
  for (const on of divisionDates(sound)) {
    const presiding = presidingLinesOn(sound, on);
    if (presiding.length > 1) {
      const latest = [...presiding].sort((a, b) => compareText(b.validFrom, a.validFrom) || lines.indexOf(b) - lines.indexOf(a))[0];
      report('ASSIGNMENT', latest.id, presidesNotUnique(sound, on, presiding), true);
    } else if (presiding.length === 0 && before?.presiding.length === 1) {
      report('ASSIGNMENT', before.presiding[0].id, presidesNotUnique(sound, on, presiding), true);
    }
    const supervising = new Map<string, readonly AssignmentFact[]>();
    for (const department of sound.departments) {
      if (department.jurisdictionId !== government || !isGovernmentLine(department.kind) || !covers(department, on)) continue;
      const now = supervisingLinesOn(sound, department.id, on);
      supervising.set(department.id, now);
      const earlier = before?.supervising.get(department.id) ?? [];
      if (now.length === 0 && earlier.length > 0) {
        report('ASSIGNMENT', lastOf(earlier, lines).id, supervisorLost(department, on, earlier), true);
      }
    }
    for (const line of linesOn(sound, on)) {
      if (line.kind === 'ASSISTS' && line.jurisdictionId === government && !assistIsValid(sound, line, on)) {
        report('ASSIGNMENT', line.id, assistOrphaned(sound, line, on), true);
      }
    }
    before = { presiding, supervising };
  }

  for (const line of lines) {
    const off = firstDayOffTeam(sound, line.leaderId, line);
    if (off !== null) report('ASSIGNMENT', line.id, linesStillHeld(sound, line.leaderId, off, [line], []));
  }
  for (const pair of pairs) {
    for (const side of [pair.leaderId, pair.backupId]) {
      const off = firstDayOffTeam(sound, side, pair);
      if (off !== null) report('BACKUP', pair.id, linesStillHeld(sound, side, off, [], [pair]), true);
    }
  }
  const byId = new Map(pairs.map((p) => [p.id, p]));
  for (const conflict of partnerAbsenceConflicts(sound)) {
    const pair = byId.get(conflict.backupId);
    if (pair !== undefined) report('BACKUP', pair.id, partnerAbsencesOverlap(sound, pair, conflict.absenceIds));
  }
  return found;
}

/** Each fact that overlaps an earlier one with the same key (isSameLine's, for lines), with the first such twin. */
function duplicates<F extends Interval>(facts: readonly F[], key: (fact: F) => string, found: (fact: F, twin: F) => void): void {
  const earlier = new Map<string, F[]>();
  for (const fact of facts) {
    const k = key(fact);
    const same = earlier.get(k);
    if (same === undefined) {
      earlier.set(k, [fact]);
      continue;
    }
    const twin = same.find((other) => overlaps(other, fact));
    if (twin !== undefined) found(fact, twin);
    same.push(fact);
  }
}

/** The one of `candidates` recorded last. */
function lastOf(candidates: readonly AssignmentFact[], order: readonly AssignmentFact[]): AssignmentFact {
  return [...candidates].sort((a, b) => order.indexOf(b) - order.indexOf(a))[0];
}

/**
 * recordAbsence's rules for each recorded absence, against the absences recorded before it: UNKNOWN_REFERENCE,
 * NOT_IN_TEAM, ABSENCE_OVERLAP. Partners away together are reported on their pair (PARTNER_ABSENCES_OVERLAP), as a
 * changeset setting the pair is; a malformed interval is the file's form, checked before.
 */
function absenceFindings(facts: DirectoryFacts, found: (absence: AbsenceFact, finding: LineFinding) => void): void {
  const leaders = new Set(facts.leaders.filter((l) => l.jurisdictionId === facts.jurisdiction.id).map((l) => l.id));
  const absences = facts.absences.filter((a) => leaders.has(a.leaderId));
  absences.forEach((absence, i) => {
    const earlier: DirectoryFacts = { ...facts, absences: absences.slice(0, i) };
    for (const v of checkAbsence(earlier, absence)) {
      if (v.code === 'PARTNER_ABSENCES_OVERLAP' || v.code === 'INVALID_INTERVAL') continue;
      found(absence, { code: v.code, message: v.message, details: v.details });
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// A step from one recorded state to another (a 机构改革 step): what it introduces.

/** The invariants of a division's whole state over all time (R2, R5, R10, the team), as checkRecordedDivision states them. */
export const DIVISION_INVARIANT_CODES = [
  'DUPLICATE_LINE',
  'PRESIDES_NOT_UNIQUE',
  'SUPERVISOR_LOST',
  'ASSIST_ORPHANED',
  'LINES_STILL_HELD',
  'PARTNER_ABSENCES_OVERLAP',
] as const;

/**
 * What the state after a step carries on from the state before it under other ids: a line moved to a successor
 * continues the line it was copied from; an AB pair re-opened with its exceptions moved to the successors continues
 * the pair it replaces; a successor unit carries on the work of its predecessors.
 */
export interface Continuity {
  /** A line of the state after → the line of the state before that it continues. */
  readonly lines: ReadonlyMap<string, string>;
  /** A unit of the state after → the units of the state before whose work it carries on (itself not included). */
  readonly units: ReadonlyMap<string, readonly string[]>;
  /** An AB pair of the state after → the pair of the state before that it continues. */
  readonly backups: ReadonlyMap<string, string>;
}

/**
 * The invariant findings (DIVISION_INVARIANT_CODES) of checkRecordedDivision on `after` — over all time, at every date
 * on which a line or a unit starts or ends — that the step from `before` introduces: a finding the recorded past
 * already had, on the fact that `continuity` says the finding's fact continues, is not the step's doing. Compared by
 * what a finding is about, never by its wording or by the ids a step mints:
 * PRESIDES_NOT_UNIQUE by its date; SUPERVISOR_LOST of a unit on a date is inherited only when that unit, or a unit it
 * carries on, lost its supervisor on that date before and none of them was supervised then before (a step that
 * drops a line which kept one of them supervised is blamed); ASSIST_ORPHANED of a line on a date is inherited when the
 * line it continues was orphaned on that date before; DUPLICATE_LINE by the two lines (or pairs) it names,
 * LINES_STILL_HELD by the line or pair and the leader, PARTNER_ABSENCES_OVERLAP by the pair and the absences — a line
 * or pair named by what it continues.
 *
 * @example introducedFindings(world, afterMerge, { lines: new Map([['line:new-1', 'line:zhao-min-health']]), units: new Map(), backups: new Map() }).map((f) => f.code) // []
 */
export function introducedFindings(before: DirectoryFacts, after: DirectoryFacts, continuity: Continuity): RecordedFinding[] {
  const invariant = (f: RecordedFinding) => (DIVISION_INVARIANT_CODES as readonly string[]).includes(f.code);
  const line = (id: string) => continuity.lines.get(id) ?? id;
  const fact = (id: string) => continuity.lines.get(id) ?? continuity.backups.get(id) ?? id;
  const units = (id: string) => [id, ...(continuity.units.get(id) ?? [])];
  const text = (value: unknown) => String(value ?? '');
  const keys = (f: RecordedFinding): string[] => {
    switch (f.code) {
      case 'PRESIDES_NOT_UNIQUE':
        return [`${f.code}|${text(f.details.on)}`];
      case 'SUPERVISOR_LOST':
        return units(text(f.details.departmentId)).map((unit) => `${f.code}|${unit}|${text(f.details.on)}`);
      case 'DUPLICATE_LINE':
        return [`${f.code}|${[fact(f.factId), fact(text(f.details.duplicateOfId))].sort().join('|')}`];
      case 'LINES_STILL_HELD':
        return [`${f.code}|${fact(f.factId)}|${text(f.details.leaderId)}`];
      case 'PARTNER_ABSENCES_OVERLAP':
        return [`${f.code}|${fact(f.factId)}|${[...((f.details.absenceIds as readonly string[] | undefined) ?? [])].sort().join('|')}`];
      default:
        return [`${f.code}|${line(f.factId)}|${text(f.details.on)}`];
    }
  };
  const recorded = new Set(checkRecordedDivision(before).filter(invariant).flatMap(keys));
  const inherited = (f: RecordedFinding): boolean => {
    const on = text(f.details.on);
    if (f.code === 'SUPERVISOR_LOST') {
      const carried = units(text(f.details.departmentId));
      return keys(f).some((k) => recorded.has(k)) && carried.every((unit) => supervisingLinesOn(before, unit, on).length === 0);
    }
    if (f.code === 'ASSIST_ORPHANED') {
      const continued = before.assignments.find((a) => a.id === line(f.factId));
      return continued !== undefined && covers(continued, on) && !assistIsValid(before, continued, on);
    }
    return keys(f).some((k) => recorded.has(k));
  };
  return checkRecordedDivision(after).filter((f) => invariant(f) && !inherited(f));
}
