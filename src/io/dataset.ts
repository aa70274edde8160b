// The directory as data: the shape of seeds/<name>/*.json and of bulk imports. Pure: reading files
// is left to the caller; this module checks that a dataset is well-formed and self-consistent.
import {
  ASSIGNMENT_KINDS,
  checkCollectiveDecision,
  checkMeetingAttendance,
  checkRecordedDivision,
  DECISION_CATEGORIES,
  decisionDateOf,
  pairDecisionDateOf,
  DEFAULT_GOVERNANCE_RULES,
  DEPARTMENT_KINDS,
  isIsoDate,
  JURISDICTION_LEVELS,
  LINEAGE_KINDS,
  MEETING_KINDS,
  POST_KINDS,
  type DirectoryFacts,
  type ErrorCode,
  type GovernanceRules,
  type JurisdictionFact,
  type LineageFact,
  type RecordedEntity,
} from '../domain';

/** A government as a dataset records it: with its own rules of procedure when it has any. */
export interface JurisdictionRecord extends JurisdictionFact {
  readonly rules?: GovernanceRules | null;
}

/** Any number of governments' facts side by side: what a dataset folder or a Popolo file holds (a file's lineage travels beside it). */
export type Dataset = Omit<DirectoryFacts, 'jurisdiction' | 'rules' | 'lineage'> & { readonly jurisdictions: readonly JurisdictionRecord[] };

/** The file each part of a dataset lives in, inside a dataset folder. */
export const DATASET_FILES: { readonly [K in keyof Dataset]: string } = {
  jurisdictions: 'jurisdictions.json',
  leaders: 'leaders.json',
  posts: 'posts.json',
  appointments: 'appointments.json',
  departments: 'departments.json',
  workAreas: 'work-areas.json',
  assignments: 'assignments.json',
  backups: 'backups.json',
  absences: 'absences.json',
  teamOrders: 'team-orders.json',
  meetings: 'meetings.json',
  decisions: 'decisions.json',
};

export interface DatasetProblem {
  /** Where: `<part>[<index>]` (e.g. `assignments[12]`). */
  readonly at: string;
  /**
   * BAD_USER_INPUT for a malformed file (enum values, dates, ids, dangling references); for a rule it breaks, the
   * code a changeset breaking it gets (TARGET_MISMATCH, OUTSIDE_GOVERNMENT_LINE, DUPLICATE_LINE, SUPERVISOR_LOST,
   * PRESIDES_NOT_UNIQUE, QUORUM_NOT_MET, …).
   */
  readonly code: ErrorCode;
  readonly message: string;
}

/**
 * Lists every problem that would make the dataset unsafe to load: unknown enum values, bad dates,
 * inverted intervals, duplicate ids, dangling references (all BAD_USER_INPUT).
 * An empty list means the dataset is well-formed; checkDatasetRules then applies the domain's rules.
 */
export function checkDataset(data: Dataset): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const report = (at: string, message: string) => problems.push({ at, code: 'BAD_USER_INPUT', message });
  const ids = new Map<string, string>();
  const sets = {
    jurisdictions: new Set(data.jurisdictions.map((j) => j.id)),
    leaders: new Set(data.leaders.map((l) => l.id)),
    posts: new Set(data.posts.map((p) => p.id)),
    departments: new Set(data.departments.map((d) => d.id)),
    workAreas: new Set(data.workAreas.map((w) => w.id)),
    meetings: new Set(data.meetings.map((m) => m.id)),
  };
  const each = <K extends keyof Dataset>(part: K, check: (row: Dataset[K][number], at: string) => void) => {
    (data[part] as readonly Dataset[K][number][]).forEach((row, i) => {
      const at = `${part}[${i}]`;
      const id = (row as { id: unknown }).id;
      if (typeof id !== 'string' || id.length === 0 || id.length > 100) report(at, 'id must be a string of 1–100 characters');
      else if (ids.has(id)) report(at, `duplicate id ${id} (also ${ids.get(id)})`);
      else ids.set(id, at);
      check(row, at);
    });
  };
  const ref = (at: string, field: string, value: string | null, set: Set<string>, nullable: boolean) => {
    if (value === null || value === undefined) {
      if (!nullable) report(at, `${field} is required`);
    } else if (!set.has(value)) report(at, `${field} ${value} does not exist`);
  };
  const interval = (at: string, row: { validFrom: string; validTo: string | null }) => {
    if (!isIsoDate(row.validFrom)) report(at, `validFrom ${String(row.validFrom)} is not a date YYYY-MM-DD`);
    if (row.validTo !== null && !isIsoDate(row.validTo)) report(at, `validTo ${String(row.validTo)} is not a date YYYY-MM-DD`);
    else if (row.validTo !== null && row.validTo <= row.validFrom) report(at, `validTo ${row.validTo} must be after validFrom ${row.validFrom}`);
  };
  const oneOf = (at: string, field: string, value: string, allowed: readonly string[]) => {
    if (!allowed.includes(value)) report(at, `${field} ${value} is not one of ${allowed.join(', ')}`);
  };

  each('jurisdictions', (j, at) => {
    oneOf(at, 'level', j.level, JURISDICTION_LEVELS);
    ref(at, 'parentId', j.parentId, sets.jurisdictions, true);
  });
  each('leaders', (l, at) => ref(at, 'jurisdictionId', l.jurisdictionId, sets.jurisdictions, false));
  each('posts', (p, at) => {
    ref(at, 'jurisdictionId', p.jurisdictionId, sets.jurisdictions, false);
    oneOf(at, 'kind', p.kind, POST_KINDS);
  });
  each('appointments', (a, at) => {
    ref(at, 'leaderId', a.leaderId, sets.leaders, false);
    ref(at, 'postId', a.postId, sets.posts, false);
    interval(at, a);
  });
  each('departments', (d, at) => {
    ref(at, 'jurisdictionId', d.jurisdictionId, sets.jurisdictions, false);
    oneOf(at, 'kind', d.kind, DEPARTMENT_KINDS);
    interval(at, d);
  });
  each('workAreas', (w, at) => ref(at, 'jurisdictionId', w.jurisdictionId, sets.jurisdictions, false));
  each('assignments', (a, at) => {
    ref(at, 'jurisdictionId', a.jurisdictionId, sets.jurisdictions, false);
    ref(at, 'leaderId', a.leaderId, sets.leaders, false);
    interval(at, a);
    if (!ASSIGNMENT_KINDS.includes(a.kind)) {
      report(at, `kind ${String(a.kind)} is not one of ${ASSIGNMENT_KINDS.join(', ')}`);
      return;
    }
    ref(at, 'departmentId', a.departmentId, sets.departments, true);
    ref(at, 'workAreaId', a.workAreaId, sets.workAreas, true);
    ref(at, 'principalId', a.principalId, sets.leaders, true);
  });
  each('backups', (b, at) => {
    ref(at, 'leaderId', b.leaderId, sets.leaders, false);
    ref(at, 'backupId', b.backupId, sets.leaders, false);
    for (const target of b.exceptTargetIds) {
      if (!sets.departments.has(target) && !sets.workAreas.has(target)) report(at, `excepted target ${target} does not exist`);
    }
    interval(at, b);
  });
  each('absences', (a, at) => {
    ref(at, 'leaderId', a.leaderId, sets.leaders, false);
    ref(at, 'designatedActorId', a.designatedActorId, sets.leaders, true);
    interval(at, a);
  });
  each('teamOrders', (o, at) => {
    ref(at, 'jurisdictionId', o.jurisdictionId, sets.jurisdictions, false);
    o.leaderIds.forEach((id, i) => ref(at, `leaderIds[${i}]`, id, sets.leaders, false));
    interval(at, o);
  });
  each('meetings', (m, at) => {
    ref(at, 'jurisdictionId', m.jurisdictionId, sets.jurisdictions, false);
    oneOf(at, 'kind', m.kind, MEETING_KINDS);
    if (!isIsoDate(m.date)) report(at, `date ${String(m.date)} is not a date YYYY-MM-DD`);
    m.votingAttendeeIds.forEach((id, i) => ref(at, `votingAttendeeIds[${i}]`, id, sets.leaders, false));
  });
  each('decisions', (d, at) => {
    ref(at, 'jurisdictionId', d.jurisdictionId, sets.jurisdictions, false);
    ref(at, 'meetingId', d.meetingId, sets.meetings, false);
    oneOf(at, 'category', d.category, DECISION_CATEGORIES);
  });
  return problems;
}

/**
 * The form of the units' lineage a file carries (Popolo's `fengong:lineage`), against the dataset it comes with, as
 * `lineage[<index>]` (BAD_USER_INPUT): a unique id; a government of the dataset; a kind of LINEAGE_KINDS; a real date;
 * a predecessor that is a unit of that government, and a successor that is one too (null only for ABOLISH; the unit
 * itself for RENAME, and for RENAME only).
 */
export function checkLineage(data: Dataset, lineage: readonly LineageFact[]): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const jurisdictions = new Set(data.jurisdictions.map((j) => j.id));
  const units = new Map(data.departments.map((d) => [d.id, d.jurisdictionId]));
  const ids = new Set<string>();
  lineage.forEach((l, i) => {
    const report = (message: string) => problems.push({ at: `lineage[${i}]`, code: 'BAD_USER_INPUT', message });
    if (typeof l.id !== 'string' || l.id.length === 0 || l.id.length > 100) report('id must be a string of 1–100 characters');
    else if (ids.has(l.id)) report(`duplicate id ${l.id}`);
    else ids.add(l.id);
    if (!jurisdictions.has(l.jurisdictionId)) report(`jurisdictionId ${l.jurisdictionId} does not exist`);
    if (!(LINEAGE_KINDS as readonly string[]).includes(l.kind)) report(`kind ${String(l.kind)} is not one of ${LINEAGE_KINDS.join(', ')}`);
    if (!isIsoDate(l.date)) report(`date ${String(l.date)} is not a date YYYY-MM-DD`);
    const unit = (field: string, id: string | null) => {
      if (id !== null && units.get(id) !== l.jurisdictionId) report(`${field} ${id} is not a unit of ${l.jurisdictionId}`);
    };
    unit('predecessorId', l.predecessorId);
    unit('successorId', l.successorId);
    if (l.successorId === null && l.kind !== 'ABOLISH') report(`a ${l.kind} step needs a successorId`);
    if ((l.kind === 'RENAME') !== (l.successorId === l.predecessorId)) report('successorId is the predecessor itself for a RENAME, and only for it');
  });
  return problems;
}

/**
 * Each government's facts as the dataset describes them (the shape the database loader produces), built in one
 * pass over the dataset so that a whole country costs time linear in its size.
 */
export function factsByJurisdiction(data: Dataset): Map<string, DirectoryFacts> {
  const leaderJurisdiction = new Map(data.leaders.map((l) => [l.id, l.jurisdictionId]));
  type Groups = { [K in Exclude<keyof DirectoryFacts, 'jurisdiction' | 'rules' | 'lineage'>]: DirectoryFacts[K][number][] };
  const groups = new Map<string, Groups>();
  for (const j of data.jurisdictions) {
    groups.set(j.id, { leaders: [], posts: [], appointments: [], departments: [], workAreas: [], assignments: [], backups: [], absences: [], teamOrders: [], meetings: [], decisions: [] });
  }
  const put = (part: keyof Groups, jurisdictionId: string | undefined, row: unknown) => {
    const group = jurisdictionId === undefined ? undefined : groups.get(jurisdictionId);
    if (group !== undefined) (group[part] as unknown[]).push(row);
  };
  for (const row of data.leaders) put('leaders', row.jurisdictionId, row);
  for (const row of data.posts) put('posts', row.jurisdictionId, row);
  for (const row of data.appointments) put('appointments', leaderJurisdiction.get(row.leaderId), row);
  for (const row of data.departments) put('departments', row.jurisdictionId, row);
  for (const row of data.workAreas) put('workAreas', row.jurisdictionId, row);
  for (const row of data.assignments) put('assignments', row.jurisdictionId, row);
  for (const row of data.backups) put('backups', row.jurisdictionId, row);
  for (const row of data.absences) put('absences', leaderJurisdiction.get(row.leaderId), row);
  for (const row of data.teamOrders) put('teamOrders', row.jurisdictionId, row);
  for (const row of data.meetings) put('meetings', row.jurisdictionId, row);
  for (const row of data.decisions) put('decisions', row.jurisdictionId, { ...row, approvesDocument: row.approvesDocument ?? null });
  const facts = new Map<string, DirectoryFacts>();
  for (const j of data.jurisdictions) {
    facts.set(j.id, {
      jurisdiction: { id: j.id, name: j.name, level: j.level, parentId: j.parentId },
      ...(groups.get(j.id) as Groups),
      lineage: [],
      rules: { ...DEFAULT_GOVERNANCE_RULES, ...(j.rules ?? {}) },
    });
  }
  return facts;
}

/** Concatenates datasets (e.g. the governments of a generated country) into one. */
export function mergeDatasets(parts: Iterable<Dataset>): Dataset {
  const merged = Object.fromEntries(Object.keys(DATASET_FILES).map((k) => [k, [] as unknown[]])) as Record<keyof Dataset, unknown[]>;
  for (const part of parts) {
    for (const key of Object.keys(DATASET_FILES) as (keyof Dataset)[]) {
      for (const row of part[key]) merged[key].push(row);
    }
  }
  return merged as unknown as Dataset;
}

/** Where each part's rows come in a report: a dataset's problems are listed by where they are, like a changeset's by item. */
const PART_ORDER = [...Object.keys(DATASET_FILES), 'lineage'];
const ENTITY_PART: { readonly [E in RecordedEntity]: keyof Dataset } = { ASSIGNMENT: 'assignments', BACKUP: 'backups', ABSENCE: 'absences' };

/**
 * One rule source: imported data obeys the rules a changeset obeys, with the same codes and messages.
 * Per government, every rule of the division as the domain states it for recorded facts (checkRecordedDivision, the
 * rules changesets apply, from line-rules.ts and division-rules.ts): each line's holder, references and target
 * (UNKNOWN_REFERENCE, NOT_IN_TEAM, UNIT_NOT_ACTIVE, TARGET_MISMATCH, and R4's OUTSIDE_GOVERNMENT_LINE: a file cannot
 * make a deputy 分管 the tax bureau), each AB pair's (SELF_BACKUP, …), each absence's (ABSENCE_OVERLAP, …), and the
 * whole state over all time, at every date a line or a unit starts or ends (DUPLICATE_LINE, PRESIDES_NOT_UNIQUE,
 * SUPERVISOR_LOST, ASSIST_ORPHANED, LINES_STILL_HELD, PARTNER_ABSENCES_OVERLAP). Per meeting: its voting attendees
 * are on the team and not away that day (ATTENDEE_NOT_IN_TEAM, ATTENDEE_ABSENT). R7 for every line and AB pair: it
 * must cite a decision on the division of labour taken at a quorate meeting (absent attendees do not count), no
 * later than the day it took effect, not stale on that day, approving the line's 文号 (DECISION_SCOPE_MISMATCH
 * otherwise; an AB pair carries no 文号 of its own).
 * A line carried over by the units' lineage (a 机构改革 moved it to a successor from the step's date: decisionDateOf,
 * continuedLine) is the line its decision made: its decision is measured to the validFrom of the line it continues;
 * likewise an AB pair a step re-opened with its exceptions moved to the successors (pairDecisionDateOf, continuedPair).
 * Each problem names its row (`assignments[12]`); they are listed by part and row, the first one's code is the
 * import's. `held`: governments the target directory already holds (a Popolo re-import), whose division is not
 * checked here — what the file changes in it is checked as a changeset (validateChangeset) instead. `lineage`: the
 * units' lineage the file carries (checked by checkLineage first).
 * Run after checkDataset has found the dataset well-formed.
 */
export function checkDatasetRules(data: Dataset, held: ReadonlySet<string> = new Set(), lineage: readonly LineageFact[] = []): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const factsOf = factsByJurisdiction(data);
  const position = new Map<string, number>();
  for (const part of Object.values(ENTITY_PART)) (data[part] as readonly { id: string }[]).forEach((row, i) => position.set(row.id, i));
  for (const facts of factsOf.values()) {
    if (held.has(facts.jurisdiction.id)) continue;
    for (const f of checkRecordedDivision(facts)) {
      problems.push({ at: `${ENTITY_PART[f.entity]}[${position.get(f.factId) ?? -1}]`, code: f.code, message: f.message });
    }
  }
  data.meetings.forEach((m, i) => {
    const facts = factsOf.get(m.jurisdictionId) as DirectoryFacts;
    for (const v of checkMeetingAttendance(facts, m)) problems.push({ at: `meetings[${i}]`, code: v.code, message: v.message });
  });
  const check = (at: string, row: { jurisdictionId: string; decisionId: string | null }, effectiveDate: string, document: string | null | undefined) => {
    const facts = factsOf.get(row.jurisdictionId) as DirectoryFacts;
    const approved = facts.decisions.find((d) => d.id === row.decisionId)?.approvesDocument ?? null;
    const request = {
      decisionId: row.decisionId, category: 'DIVISION_OF_LABOUR' as const, effectiveDate, issuedById: null, signedOn: null,
      document: document === undefined ? approved : document, uses: [],
    };
    for (const violation of checkCollectiveDecision(facts, request)) problems.push({ at, code: violation.code, message: violation.message });
  };
  const lineageOf = new Map<string, LineageFact[]>();
  for (const l of lineage) lineageOf.set(l.jurisdictionId, [...(lineageOf.get(l.jurisdictionId) ?? []), l]);
  data.assignments.forEach((a, i) => {
    const steps = lineageOf.get(a.jurisdictionId);
    const from = steps === undefined ? a.validFrom : decisionDateOf(factsOf.get(a.jurisdictionId) as DirectoryFacts, steps, a);
    check(`assignments[${i}]`, a, from, a.document);
  });
  data.backups.forEach((b, i) => {
    const steps = lineageOf.get(b.jurisdictionId);
    const from = steps === undefined ? b.validFrom : pairDecisionDateOf(factsOf.get(b.jurisdictionId) as DirectoryFacts, steps, b);
    check(`backups[${i}]`, b, from, undefined);
  });
  return sortByPlace(problems);
}

/** Stable: by part (in the order of DATASET_FILES), then row; the problems of one row in the order they were found. */
function sortByPlace(problems: readonly DatasetProblem[]): DatasetProblem[] {
  const place = (p: DatasetProblem): [number, number] => {
    const m = /^(\w+)\[(\d+)\]/.exec(p.at);
    return m === null ? [-1, -1] : [PART_ORDER.indexOf(m[1]), Number(m[2])];
  };
  return problems
    .map((p, i) => ({ p, i, at: place(p) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.i - b.i)
    .map((x) => x.p);
}

/** The rules half of a dataset check, under its former name (R7 and the line rules). */
export const checkDatasetDecisions = checkDatasetRules;
