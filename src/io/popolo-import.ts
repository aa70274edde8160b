// Importing a Popolo file into a directory that may already hold some of it: the file is checked against the
// target database (ids taken, parents, versions), not only against itself, and what it would do is planned per
// government before anything is written.
//
// Per government the file carries:
// - NEW: the directory does not have it → all its rows are inserted.
// - FILL_STUB: the directory has it only as a stub (a parent recorded by reference, no rows) → its record is
//   completed and its rows inserted.
// - UNCHANGED: the directory holds exactly what the file says → nothing is written (importing twice is a no-op).
// - CHANGESET: the file differs from the directory in portfolio lines and AB pairs (plus new meetings and
//   decisions, which are records) → the difference is applied as ONE changeset under R7, through the same
//   service the API uses: it must cite a decision approving its 文号, carry a 签发人, take effect on one date.
// Parents the file names but does not carry are RESOLVED (present) or created as a STUB (from the file's
// `fengong:reference` organizations). The units' lineage the file carries (`fengong:lineage`) is checked against the
// file (checkLineage), lets R7 measure a line a 机构改革 moved from the line it continues, and is inserted with a new
// government's rows.
// Anything else that differs is a problem with a code; nothing raw from the database reaches the caller.
import type { SqlEntityManager } from '@mikro-orm/knex';
import { DriverException } from '@mikro-orm/core';
import {
  ChangeRefusedError,
  DomainError,
  validateChangeset,
  type AssignmentFact,
  type BackupFact,
  type ChangeItem,
  type ChangesetDraft,
  type DirectoryFacts,
  type LineageFact,
} from '../domain';
import { DepartmentLineage, Jurisdiction } from '../entities';
import { scopeInTransaction } from '../scope/request-scope';
import type { Events } from '../scope/events';
import type { Viewer } from '../auth/tokens';
import { ChangesService, decisionUses } from '../modules/changes/changes.service';
import { insertLineage } from '../modules/changes/department-life-cycle.lineage';
import { loadDirectoryFacts } from '../store/load-facts';
import { DIRECTORY_ENTITIES } from '../store/rows';
import { checkDataset, checkDatasetRules, checkLineage, DATASET_FILES, factsByJurisdiction, mergeDatasets, type Dataset, type JurisdictionRecord } from './dataset';
import { datasetFromFacts } from './exporter';
import { insertDataset } from './importer';
import { fromPopolo, toPopolo, type PopoloImport } from './popolo';

/**
 * Why an import is refused. BAD_USER_INPUT and the rule codes (COLLECTIVE_DECISION_REQUIRED, SIGNATORY_REQUIRED,
 * DECISION_SCOPE_MISMATCH, …) as a changeset gets them; and, for the file against the target:
 * ID_TAKEN (a row's id belongs to another government in the target), UNKNOWN_PARENT (a parent neither carried,
 * referenced nor present), GOVERNMENT_DIFFERS (name, level, parent or rules differ from the target's),
 * RECORD_DIFFERS (a leader, post, appointment, unit, work area, absence, protocol order, meeting, decision or
 * lineage step the file and the target hold differently — only the division of labour is re-imported), HISTORY_DIFFERS (a line or
 * AB pair whose past the file tells otherwise, or one the target holds and the file lacks: a re-import never
 * rewrites or deletes history), NOT_ONE_CHANGESET (the difference takes effect on several dates or cites several
 * decisions), VERSION_CONFLICT (the target changed between the check and the write).
 */
export interface ImportProblem {
  /** Where: `jurisdictions[0]`, `assignments[12]`, `government jur:qingchuan`. */
  readonly at: string;
  readonly code: string;
  readonly message: string;
}

export type GovernmentAction = 'NEW' | 'FILL_STUB' | 'UNCHANGED' | 'CHANGESET';

export interface GovernmentPlan {
  readonly id: string;
  readonly name: string;
  readonly action: GovernmentAction;
  /** The target's directory version (null for a new government): a changeset is applied against it. */
  readonly version: number | null;
  /** CHANGESET: the difference in the directory's words (自…起，…分管…). */
  readonly diff: readonly string[];
  /** CHANGESET: meetings and decisions the file adds (records, inserted with the changeset). */
  readonly addedRecords: number;
}

export interface ReferencePlan {
  readonly id: string;
  readonly name: string;
  readonly action: 'RESOLVED' | 'STUB';
}

export interface PopoloImportPlan {
  readonly governments: readonly GovernmentPlan[];
  readonly references: readonly ReferencePlan[];
  readonly problems: readonly ImportProblem[];
  readonly skipped: PopoloImport['skipped'];
  /** Whether applying would write anything. */
  readonly changes: boolean;
  /** What the write needs; not part of the report. */
  readonly writes: {
    readonly insert: Dataset;
    readonly stubs: readonly JurisdictionRecord[];
    readonly fill: readonly JurisdictionRecord[];
    readonly changesets: readonly { readonly draft: ChangesetDraft; readonly version: number; readonly records: Pick<Dataset, 'meetings' | 'decisions'> }[];
    /** The units' lineage of the governments inserted (`fengong:lineage`). */
    readonly lineage: readonly LineageFact[];
  };
}

export interface ImportOptions {
  /** 签发人 of the changesets a re-import applies (R7: required). */
  readonly issuedById?: string | null;
  /** The decision a changeset cites when the file's new lines do not name one (e.g. a changeset that only ends lines). */
  readonly decisionId?: string | null;
  /** The 文号 likewise. */
  readonly document?: string | null;
}

export interface ImportScope {
  /** The signing date: today in the directory's time zone. */
  readonly today: string;
  readonly now: Date;
  readonly viewer: Viewer | null;
  readonly events: Events;
}

const CHUNK = 500;

/** JSON with object keys sorted: two rows are the same fact when their canonical forms are equal. */
function canon(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** Both sides through the same mapping, so that what Popolo does not carry (e.g. an appointment's 文号) is compared on neither. */
function normalized(data: Dataset): Dataset {
  return fromPopolo(JSON.parse(JSON.stringify(toPopolo(data)))).dataset;
}

type Part = keyof Dataset;
const ENTITY: { readonly [K in Part]: new () => object } = DIRECTORY_ENTITIES;

/** The government each row of the file belongs to. */
function governmentOf(data: Dataset): (part: Part, row: { id: string }) => string {
  const leaderJurisdiction = new Map(data.leaders.map((l) => [l.id, l.jurisdictionId]));
  return (part, row) => {
    if (part === 'jurisdictions') return row.id;
    if (part === 'appointments' || part === 'absences') return leaderJurisdiction.get((row as unknown as { leaderId: string }).leaderId) ?? '';
    return (row as unknown as { jurisdictionId: string }).jurisdictionId;
  };
}

/** Which of `ids` the target holds in `part`, with the government each belongs to. */
async function owners(em: SqlEntityManager, part: Part, ids: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = (await em.find(ENTITY[part] as never, { id: { $in: chunk } } as never, {
      fields: (part === 'jurisdictions' ? ['id'] : ['id', 'jurisdiction']) as never,
      disableIdentityMap: true,
    })) as unknown as { id: string; jurisdiction?: { id: string } }[];
    for (const r of rows) found.set(r.id, part === 'jurisdictions' ? r.id : (r.jurisdiction?.id ?? ''));
  }
  return found;
}

const isEmpty = (f: DirectoryFacts) =>
  [f.leaders, f.posts, f.appointments, f.departments, f.workAreas, f.assignments, f.backups, f.absences, f.teamOrders, f.meetings, f.decisions].every((rows) => rows.length === 0);

/** What makes a line the line it is, whatever id it got: two directories mint different ids for the same changeset. */
const lineKey = (a: AssignmentFact) => canon([a.kind, a.leaderId, a.departmentId, a.workAreaId, a.principalId, a.subject, a.validFrom, a.document, a.decisionId]);
const backupKey = (b: BackupFact) => canon([b.leaderId, b.backupId, [...b.exceptTargetIds].sort(), b.validFrom]);

interface Difference {
  readonly items: { readonly item: ChangeItem; readonly on: string; readonly decisionId: string | null; readonly document: string | null }[];
  readonly problems: ImportProblem[];
}

/** Pairs the file's facts with the target's (by id, else by what they say) and lists what the file changes. */
function differenceOf<F extends { id: string; validFrom: string; validTo: string | null }>(
  at: string,
  label: string,
  file: readonly F[],
  target: readonly F[],
  key: (f: F) => string,
  same: (a: F, b: F) => boolean,
  open: (f: F) => Difference['items'][number] | ImportProblem,
  close: (t: F, on: string) => Difference['items'][number],
): Difference {
  const items: Difference['items'][number][] = [];
  const problems: ImportProblem[] = [];
  const byId = new Map(target.map((t) => [t.id, t]));
  const byKey = new Map<string, F[]>();
  for (const t of target) byKey.set(key(t), [...(byKey.get(key(t)) ?? []), t]);
  const matched = new Set<string>();
  for (const f of file) {
    let t = byId.get(f.id);
    if (t !== undefined && !same(f, t)) {
      problems.push({ at, code: 'HISTORY_DIFFERS', message: `${label} ${f.id}：文件与目标目录记载的内容不同，导入不改写历史 (the file tells this ${label} otherwise than the target)` });
      matched.add(t.id);
      continue;
    }
    t ??= (byKey.get(key(f)) ?? []).find((c) => !matched.has(c.id) && !file.some((o) => o.id === c.id));
    if (t === undefined) {
      const opened = open(f);
      if ('code' in opened) problems.push(opened);
      else items.push(opened);
      continue;
    }
    matched.add(t.id);
    if (t.validTo === f.validTo) continue;
    if (t.validTo === null && f.validTo !== null) items.push(close(t, f.validTo));
    else problems.push({ at, code: 'HISTORY_DIFFERS', message: `${label} ${f.id}：文件记其止于 ${f.validTo ?? '（未止）'}，目标目录记其止于 ${t.validTo ?? '（未止）'}，导入不改写历史` });
  }
  for (const t of target) {
    if (!matched.has(t.id)) problems.push({ at, code: 'HISTORY_DIFFERS', message: `${label} ${t.id}：目标目录有而文件没有，导入从不删除 (the target holds it, the file does not)` });
  }
  return { items, problems };
}

/** The file's difference from the target for one government, as the items of one changeset. */
function changesetFor(fileFacts: DirectoryFacts, target: DirectoryFacts, options: ImportOptions): { draft: ChangesetDraft | null; problems: ImportProblem[] } {
  const at = `government ${target.jurisdiction.id}`;
  const lines = differenceOf<AssignmentFact>(
    at, '分工条目 line', fileFacts.assignments, target.assignments, lineKey,
    (a, b) => lineKey(a) === lineKey(b),
    (f) => ({
      item: { op: 'ASSIGN', kind: f.kind, leaderId: f.leaderId, departmentId: f.departmentId, workAreaId: f.workAreaId, principalId: f.principalId, subject: f.subject, validTo: f.validTo },
      on: f.validFrom, decisionId: f.decisionId, document: f.document,
    }),
    (t, on) => ({ item: { op: 'END', lineId: t.id }, on, decisionId: null, document: null }),
  );
  const opened = new Set<string>();
  const backups = differenceOf<BackupFact>(
    at, 'AB角 backup', fileFacts.backups, target.backups, backupKey,
    (a, b) => backupKey(a) === backupKey(b),
    (f) => {
      if (f.validTo !== null) return { at, code: 'HISTORY_DIFFERS', message: `AB角 ${f.id}：目标目录没有这一已结束的AB角，导入不补写历史` };
      opened.add(`${f.leaderId}|${f.validFrom}`);
      return { item: { op: 'SET_BACKUP', leaderId: f.leaderId, backupId: f.backupId, exceptTargetIds: [...f.exceptTargetIds] }, on: f.validFrom, decisionId: f.decisionId, document: null };
    },
    (t, on) => ({ item: { op: 'END_BACKUP', backupId: t.id }, on, decisionId: null, document: null }),
  );
  // A new B for the same A on the same day replaces the old pair: SET_BACKUP closes it.
  const backupItems = backups.items.filter((i) => !(i.item.op === 'END_BACKUP' && opened.has(`${target.backups.find((b) => b.id === (i.item as { backupId: string }).backupId)?.leaderId}|${i.on}`)));
  const items = [...lines.items, ...backupItems];
  const problems = [...lines.problems, ...backups.problems];
  if (items.length === 0 || problems.length > 0) return { draft: null, problems };
  const dates = [...new Set(items.map((i) => i.on))];
  const decisions = [...new Set(items.map((i) => i.decisionId).filter((d): d is string => d !== null))];
  const documents = [...new Set(items.map((i) => i.document).filter((d): d is string => d !== null))];
  if (dates.length > 1) problems.push({ at, code: 'NOT_ONE_CHANGESET', message: `文件中的变化分别自 ${dates.join('、')} 起生效：一次导入只能作为一次分工调整（同一生效日期）` });
  if (decisions.length > 1) problems.push({ at, code: 'NOT_ONE_CHANGESET', message: `文件中的变化引用了不同的会议决定（${decisions.join('、')}）：一次分工调整只能依据一项决定` });
  if (documents.length > 1) problems.push({ at, code: 'NOT_ONE_CHANGESET', message: `文件中的变化有不同的文号（${documents.join('、')}）：一次分工调整只有一个文号` });
  if (problems.length > 0) return { draft: null, problems };
  return {
    draft: {
      jurisdictionId: target.jurisdiction.id, effectiveDate: dates[0], decisionId: decisions[0] ?? options.decisionId ?? null,
      document: documents[0] ?? options.document ?? null, issuedById: options.issuedById ?? null, items: items.map((i) => i.item),
    },
    problems,
  };
}

/** Compares the records a re-import does not change (everything but lines and AB pairs) and lists new meetings and decisions. */
function recordsFor(fileFacts: DirectoryFacts, target: DirectoryFacts, fileRecord: JurisdictionRecord, targetRecord: JurisdictionRecord) {
  const at = `government ${target.jurisdiction.id}`;
  const problems: ImportProblem[] = [];
  if (canon({ ...fileRecord, rules: fileRecord.rules ?? null }) !== canon({ ...targetRecord, rules: targetRecord.rules ?? null })) {
    problems.push({ at, code: 'GOVERNMENT_DIFFERS', message: `${target.jurisdiction.name}（${target.jurisdiction.id}）的名称、层级、上级或议事规则与目标目录不同，导入不修改政府本身` });
  }
  const added: { meetings: Dataset['meetings'][number][]; decisions: Dataset['decisions'][number][] } = { meetings: [], decisions: [] };
  const parts = ['leaders', 'posts', 'appointments', 'departments', 'workAreas', 'absences', 'teamOrders', 'meetings', 'decisions'] as const;
  for (const part of parts) {
    const theirs = new Map((target[part] as readonly { id: string }[]).map((r) => [r.id, r]));
    const ours = new Set<string>();
    for (const row of fileFacts[part] as readonly { id: string }[]) {
      ours.add(row.id);
      const t = theirs.get(row.id);
      if (t === undefined && (part === 'meetings' || part === 'decisions')) (added[part] as unknown[]).push(row);
      else if (t === undefined) problems.push({ at, code: 'RECORD_DIFFERS', message: `${part} ${row.id}：文件有而目标目录没有；重新导入只调整分工（分工条目、AB角），人员、职务、单位等须在目标目录中办理` });
      else if (canon(t) !== canon(row)) problems.push({ at, code: 'RECORD_DIFFERS', message: `${part} ${row.id}：文件与目标目录记载不同；重新导入只调整分工` });
    }
    for (const id of theirs.keys()) {
      if (!ours.has(id)) problems.push({ at, code: 'RECORD_DIFFERS', message: `${part} ${id}：目标目录有而文件没有；导入从不删除` });
    }
  }
  return { problems, added };
}

/** The lineage a file and the target hold differently for a government the target holds (RECORD_DIFFERS: a re-import changes the division only). */
function lineageDifferences(jurisdictionId: string, file: readonly LineageFact[], target: readonly LineageFact[]): ImportProblem[] {
  const at = `government ${jurisdictionId}`;
  const theirs = new Map(target.map((l) => [l.id, l]));
  const ours = file.filter((l) => l.jurisdictionId === jurisdictionId);
  const problems: ImportProblem[] = [];
  for (const l of ours) {
    const t = theirs.get(l.id);
    if (t === undefined) problems.push({ at, code: 'RECORD_DIFFERS', message: `lineage ${l.id}：文件有而目标目录没有；机构改革须在目标目录中办理` });
    else if (canon(t) !== canon(l)) problems.push({ at, code: 'RECORD_DIFFERS', message: `lineage ${l.id}：文件与目标目录记载不同；重新导入只调整分工` });
  }
  for (const id of theirs.keys()) {
    if (!ours.some((l) => l.id === id)) problems.push({ at, code: 'RECORD_DIFFERS', message: `lineage ${id}：目标目录有而文件没有；导入从不删除` });
  }
  return problems;
}

/**
 * Checks a parsed Popolo file against the target database and plans the import. Writes nothing: the plan is the
 * `--dry-run` report; applyPopoloImport writes it.
 */
export async function planPopoloImport(em: SqlEntityManager, parsed: PopoloImport, options: ImportOptions, scope: ImportScope): Promise<PopoloImportPlan> {
  const { dataset, skipped } = parsed;
  const problems: ImportProblem[] = [];
  const carried = new Set(dataset.jurisdictions.map((j) => j.id));
  const referenced = new Map(parsed.references.filter((r) => !carried.has(r.id)).map((r) => [r.id, r]));
  const parentIds = [...new Set(dataset.jurisdictions.map((j) => j.parentId).filter((id): id is string => id !== null && !carried.has(id)))];
  const present = await owners(em, 'jurisdictions', [...carried, ...parentIds]);

  // Parents the file does not carry: present in the target, or a reference to record as a stub.
  const references: ReferencePlan[] = [];
  const placeholders: JurisdictionRecord[] = [];
  for (const id of parentIds) {
    const ref = referenced.get(id);
    if (present.has(id)) references.push({ id, name: ref?.name ?? id, action: 'RESOLVED' });
    else if (ref !== undefined) references.push({ id, name: ref.name, action: 'STUB' });
    else {
      dataset.jurisdictions.forEach((j, i) => {
        if (j.parentId === id) problems.push({ at: `jurisdictions[${i}]`, code: 'UNKNOWN_PARENT', message: `上级政府 ${id} 既不在文件中，也不在目标目录中 (parent ${id} is neither in the file nor in the target)` });
      });
    }
    placeholders.push({ id, name: ref?.name ?? id, level: ref?.level ?? 'PROVINCE', parentId: null, rules: null });
  }

  // The file on its own: its form, then the rules (R4, R7, attendance), with parents standing in as empty governments.
  const whole: Dataset = { ...dataset, jurisdictions: [...dataset.jurisdictions, ...placeholders] };
  const malformed = [...checkDataset(whole), ...checkLineage(whole, parsed.lineage)];
  problems.push(...malformed);

  // The file against the target: which governments it already holds, and as what.
  const existing = [...carried].filter((id) => present.has(id));
  const targetFacts = existing.length === 0 ? new Map<string, DirectoryFacts>() : await loadDirectoryFacts(em, existing);
  const stubs = new Set(existing.filter((id) => isEmpty(targetFacts.get(id) as DirectoryFacts)));
  const incoming = new Set([...carried].filter((id) => !present.has(id) || stubs.has(id)));
  // The rules a changeset obeys, for the whole history of each government the file brings; a government the target
  // holds already gets only the difference, as a changeset checked below (its recorded past is not the file's doing).
  if (malformed.length === 0) problems.push(...checkDatasetRules(whole, new Set(existing.filter((id) => !stubs.has(id))), parsed.lineage));

  const ownerOf = governmentOf(dataset);
  for (const part of Object.keys(DATASET_FILES) as Part[]) {
    if (part === 'jurisdictions') continue;
    const rows = dataset[part] as readonly { id: string }[];
    const taken = await owners(em, part, rows.map((r) => r.id));
    rows.forEach((row, i) => {
      const holder = taken.get(row.id);
      if (holder === undefined) return;
      const mine = ownerOf(part, row);
      if (incoming.has(mine) || holder !== mine) {
        problems.push({ at: `${part}[${i}]`, code: 'ID_TAKEN', message: `编号 ${row.id} 在目标目录中已属于${holder === mine ? '该政府' : `另一政府（${holder}）`} (id ${row.id} is taken in the target)` });
      }
    });
  }

  // The lineage's ids likewise; a government the target holds must hold the same lineage (a re-import changes the division only).
  const lineageIds = parsed.lineage.map((l) => l.id);
  const lineageTaken = lineageIds.length === 0 ? [] : await em.find(DepartmentLineage, { id: { $in: lineageIds } }, { fields: ['id', 'jurisdiction'], disableIdentityMap: true });
  const lineageOwner = new Map(lineageTaken.map((l) => [l.id, l.jurisdiction.id]));
  parsed.lineage.forEach((l, i) => {
    const holder = lineageOwner.get(l.id);
    if (holder !== undefined && (incoming.has(l.jurisdictionId) || holder !== l.jurisdictionId)) {
      problems.push({ at: `lineage[${i}]`, code: 'ID_TAKEN', message: `编号 ${l.id} 在目标目录中已属于${holder === l.jurisdictionId ? '该政府' : `另一政府（${holder}）`} (id ${l.id} is taken in the target)` });
    }
  });

  const fileFacts = malformed.length === 0 ? factsByJurisdiction(whole) : new Map<string, DirectoryFacts>();
  const governments: GovernmentPlan[] = [];
  const changesets: PopoloImportPlan['writes']['changesets'][number][] = [];
  for (const j of dataset.jurisdictions) {
    const target = targetFacts.get(j.id);
    if (target === undefined || stubs.has(j.id)) {
      governments.push({ id: j.id, name: j.name, action: target === undefined ? 'NEW' : 'FILL_STUB', version: null, diff: [], addedRecords: 0 });
      continue;
    }
    const version = (await em.findOneOrFail(Jurisdiction, { id: j.id }, { fields: ['version'], disableIdentityMap: true })).version;
    const ours = fileFacts.get(j.id);
    if (ours === undefined) {
      governments.push({ id: j.id, name: j.name, action: 'UNCHANGED', version, diff: [], addedRecords: 0 });
      continue;
    }
    // Both sides through the same mapping before they are compared.
    const theirsData = normalized(datasetFromFacts(target));
    const theirs = factsByJurisdiction(theirsData).get(j.id) as DirectoryFacts;
    const oursNormalized = factsByJurisdiction(normalized(mergeDatasets([datasetFromFacts(ours)]))).get(j.id) as DirectoryFacts;
    const targetRecord = theirsData.jurisdictions[0];
    const records = recordsFor(oursNormalized, theirs, { ...j, rules: j.rules ?? null }, targetRecord);
    const change = changesetFor(oursNormalized, theirs, options);
    problems.push(...records.problems, ...lineageDifferences(j.id, parsed.lineage, target.lineage), ...change.problems);
    const addedRecords = records.added.meetings.length + records.added.decisions.length;
    if (change.draft === null) {
      if (addedRecords > 0 && change.problems.length === 0) {
        problems.push({ at: `government ${j.id}`, code: 'RECORD_DIFFERS', message: '文件只多出会议或决定而分工未变：会议和决定须在目标目录中登记' });
      }
      governments.push({ id: j.id, name: j.name, action: 'UNCHANGED', version, diff: [], addedRecords: 0 });
      continue;
    }
    // The changeset as the API would check it, on the target's facts plus the file's new meetings and decisions.
    const withRecords: DirectoryFacts = { ...target, meetings: [...target.meetings, ...records.added.meetings], decisions: [...target.decisions, ...records.added.decisions] };
    const plan = validateChangeset(withRecords, change.draft, (entity, i) => `${entity === 'ASSIGNMENT' ? 'line' : 'backup'}:import-${i + 1}`, {
      signedOn: scope.today, uses: await decisionUses(em, target),
    });
    for (const v of plan.violations) problems.push({ at: `government ${j.id}${v.itemIndex === null ? '' : ` item ${v.itemIndex}`}`, code: v.code, message: v.message });
    governments.push({ id: j.id, name: j.name, action: 'CHANGESET', version, diff: plan.diff.map((d) => d.text), addedRecords });
    changesets.push({ draft: change.draft, version, records: records.added });
  }

  const insertIds = new Set(governments.filter((g) => g.action === 'NEW' || g.action === 'FILL_STUB').map((g) => g.id));
  const insert = Object.fromEntries(
    (Object.keys(DATASET_FILES) as Part[]).map((part) => [
      part,
      part === 'jurisdictions'
        ? dataset.jurisdictions.filter((j) => insertIds.has(j.id) && !stubs.has(j.id))
        : (dataset[part] as readonly { id: string }[]).filter((row) => insertIds.has(ownerOf(part, row))),
    ]),
  ) as unknown as Dataset;
  const stubRecords = references.filter((r) => r.action === 'STUB').map((r) => placeholders.find((p) => p.id === r.id) as JurisdictionRecord);
  const fill = dataset.jurisdictions.filter((j) => stubs.has(j.id));
  return {
    governments,
    references,
    problems,
    skipped,
    changes: insertIds.size > 0 || stubRecords.length > 0 || changesets.length > 0,
    writes: { insert, stubs: stubRecords, fill, changesets, lineage: parsed.lineage.filter((l) => insertIds.has(l.jurisdictionId)) },
  };
}

export interface ImportResult {
  readonly changed: boolean;
  /** The changesets applied, one per changed government. */
  readonly changesets: readonly { readonly jurisdictionId: string; readonly id: string; readonly version: number }[];
}

/** A refused import: every problem, with its code. */
export class ImportRefusedError extends Error {
  constructor(readonly problems: readonly ImportProblem[]) {
    super(`${problems.length} problems; nothing imported`);
  }
}

/**
 * Writes a plan that has no problems, all of it or nothing, in one transaction: stubs, new governments' rows,
 * then each changed government's new meetings and decisions and its changeset (through ChangesService, which
 * re-checks it against the version read by the plan). A database refusal (the target changed meanwhile) is
 * reported as a problem, never as SQL.
 */
export async function applyPopoloImport(
  em: SqlEntityManager,
  plan: PopoloImportPlan,
  scope: ImportScope,
  onProgress?: (rows: number, total: number) => void,
): Promise<ImportResult> {
  if (plan.problems.length > 0) throw new ImportRefusedError(plan.problems);
  if (!plan.changes) return { changed: false, changesets: [] };
  const applied: { jurisdictionId: string; id: string; version: number }[] = [];
  try {
    await em.transactional(async (tx) => {
      for (const stub of plan.writes.stubs) await tx.insert(Jurisdiction, { id: stub.id, name: stub.name, level: stub.level, parent: null, rules: null });
      for (const j of plan.writes.fill) {
        await tx.nativeUpdate(Jurisdiction, { id: j.id }, { name: j.name, level: j.level, parent: j.parentId, rules: j.rules ?? null });
      }
      await insertDataset(tx, plan.writes.insert, onProgress);
      await insertLineage(tx, plan.writes.lineage);
      for (const change of plan.writes.changesets) {
        await insertDataset(tx, { ...emptyDataset(), ...change.records });
        const done = await new ChangesService(scopeInTransaction(tx, { ...scope, publicReads: true })).apply(change.draft, change.version);
        applied.push({ jurisdictionId: change.draft.jurisdictionId, id: done.changeset.id, version: done.changeset.version });
      }
    });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT') {
      throw new ImportRefusedError([{ at: 'target', code: 'VERSION_CONFLICT', message: `目标目录在检查之后被修改，未导入任何内容：${error.message}` }]);
    }
    if (error instanceof ChangeRefusedError) {
      throw new ImportRefusedError(error.violations.map((v) => ({ at: 'changeset', code: v.code, message: v.message })));
    }
    if (error instanceof DriverException) {
      throw new ImportRefusedError([{ at: 'target', code: 'VERSION_CONFLICT', message: '目标目录在检查之后被修改（编号冲突），未导入任何内容；请重新检查 (the target changed meanwhile; run the import again)' }]);
    }
    throw error;
  }
  return { changed: true, changesets: applied };
}

function emptyDataset(): Dataset {
  return Object.fromEntries(Object.keys(DATASET_FILES).map((k) => [k, []])) as unknown as Dataset;
}
