// The directory as data: the shape of seeds/<name>/*.json and of bulk imports. Pure: reading files
// is left to the caller; this module checks that a dataset is well-formed and self-consistent.
import {
  ASSIGNMENT_KINDS,
  checkCollectiveDecision,
  DECISION_CATEGORIES,
  DEFAULT_GOVERNANCE_RULES,
  DEPARTMENT_KINDS,
  isIsoDate,
  JURISDICTION_LEVELS,
  MEETING_KINDS,
  POST_KINDS,
  type AssignmentFact,
  type DirectoryFacts,
  type GovernanceRules,
  type JurisdictionFact,
} from '../domain';

/** A government as a dataset records it: with its own rules of procedure when it has any. */
export interface JurisdictionRecord extends JurisdictionFact {
  readonly rules?: GovernanceRules | null;
}

/** Any number of governments' facts side by side: what a dataset folder or a Popolo file holds. */
export type Dataset = Omit<DirectoryFacts, 'jurisdiction' | 'rules'> & { readonly jurisdictions: readonly JurisdictionRecord[] };

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
  readonly message: string;
}

/** Which target fields each line kind must have ('x' required, 'o' optional, '-' forbidden). */
const TARGETS: Record<AssignmentFact['kind'], { department: string; workArea: string; principal: string; subject: string }> = {
  PRESIDES: { department: '-', workArea: '-', principal: '-', subject: '-' },
  RESPONSIBLE_FOR: { department: '-', workArea: 'x', principal: '-', subject: '-' },
  SUPERVISES: { department: 'o', workArea: 'o', principal: '-', subject: '-' },
  LIAISES_WITH: { department: 'x', workArea: '-', principal: '-', subject: '-' },
  ASSISTS: { department: 'o', workArea: 'o', principal: 'x', subject: '-' },
  COORDINATES: { department: 'o', workArea: 'o', principal: '-', subject: 'x' },
};

/**
 * Lists every problem that would make the dataset unsafe to load: unknown enum values, bad dates,
 * inverted intervals, duplicate ids, dangling references, targets that do not fit the line kind.
 * An empty list means the dataset can be loaded. (The rules of the division itself are the domain's.)
 */
export function checkDataset(data: Dataset): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const report = (at: string, message: string) => problems.push({ at, message });
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
    const shape = TARGETS[a.kind];
    if (shape === undefined) {
      report(at, `kind ${String(a.kind)} is not one of ${ASSIGNMENT_KINDS.join(', ')}`);
      return;
    }
    const fields = [
      ['departmentId', a.departmentId, shape.department, sets.departments],
      ['workAreaId', a.workAreaId, shape.workArea, sets.workAreas],
      ['principalId', a.principalId, shape.principal, sets.leaders],
    ] as const;
    for (const [field, value, rule, set] of fields) {
      if (rule === '-' && value !== null) report(at, `${a.kind} takes no ${field}`);
      else if (rule !== '-') ref(at, field, value, set, rule === 'o');
    }
    if (shape.subject === 'x' && (a.subject === null || a.subject.trim() === '')) report(at, `${a.kind} needs a subject`);
    if (shape.subject === '-' && a.subject !== null) report(at, `${a.kind} takes no subject`);
    if ((a.kind === 'SUPERVISES' || a.kind === 'ASSISTS') && a.departmentId === null && a.workAreaId === null) {
      report(at, `${a.kind} needs a departmentId or a workAreaId`);
    }
  });
  each('backups', (b, at) => {
    ref(at, 'leaderId', b.leaderId, sets.leaders, false);
    ref(at, 'backupId', b.backupId, sets.leaders, false);
    if (b.leaderId === b.backupId) report(at, 'a leader cannot be his own backup');
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
 * Each government's facts as the dataset describes them (the shape the database loader produces), built in one
 * pass over the dataset so that a whole country costs time linear in its size.
 */
export function factsByJurisdiction(data: Dataset): Map<string, DirectoryFacts> {
  const leaderJurisdiction = new Map(data.leaders.map((l) => [l.id, l.jurisdictionId]));
  type Groups = { [K in Exclude<keyof DirectoryFacts, 'jurisdiction' | 'rules'>]: DirectoryFacts[K][number][] };
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
  for (const row of data.decisions) put('decisions', row.jurisdictionId, row);
  const facts = new Map<string, DirectoryFacts>();
  for (const j of data.jurisdictions) {
    facts.set(j.id, {
      jurisdiction: { id: j.id, name: j.name, level: j.level, parentId: j.parentId },
      ...(groups.get(j.id) as Groups),
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

/**
 * R7 holds for imported data too: every portfolio line and every AB pair must cite a decision on the division
 * of labour taken at a quorate meeting, on or before the day it took effect. (No path bypasses the rule.)
 * Run after checkDataset has found the dataset well-formed.
 */
export function checkDatasetDecisions(data: Dataset): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const factsOf = factsByJurisdiction(data);
  const check = (at: string, row: { jurisdictionId: string; decisionId: string | null; validFrom: string }) => {
    const facts = factsOf.get(row.jurisdictionId) as DirectoryFacts;
    const request = { decisionId: row.decisionId, category: 'DIVISION_OF_LABOUR' as const, effectiveDate: row.validFrom, issuedById: null };
    for (const violation of checkCollectiveDecision(facts, request)) problems.push({ at, message: `${violation.code}: ${violation.message}` });
  };
  data.assignments.forEach((a, i) => check(`assignments[${i}]`, a));
  data.backups.forEach((b, i) => check(`backups[${i}]`, b));
  return problems;
}
