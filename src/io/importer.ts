// Loads a dataset into the database in one transaction: all of it, or nothing.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import { BadInputError, cleanInput, INPUT_LIMITS, RuleViolationError, VIOLATION_CODES, type ViolationCode } from '../domain';
import {
  Absence,
  Appointment,
  Assignment,
  Backup,
  Decision,
  Department,
  Jurisdiction,
  Leader,
  Meeting,
  Post,
  TeamOrder,
  WorkArea,
} from '../entities';
import { checkDataset, checkDatasetRules, DATASET_FILES, type Dataset } from './dataset';

export async function readDataset(dir: string): Promise<Dataset> {
  const parts = await Promise.all(
    Object.entries(DATASET_FILES).map(async ([part, file]) => [part, JSON.parse(await readFile(path.join(dir, file), 'utf8'))] as const),
  );
  return Object.fromEntries(parts) as unknown as Dataset;
}

/** Rows per INSERT statement: well under SQLite's and PostgreSQL's limits on bound parameters. */
const INSERT_CHUNK = 500;

/** Parents before children, so foreign keys are satisfied row by row. */
function parentsFirst(data: Dataset): Dataset['jurisdictions'] {
  const byId = new Map(data.jurisdictions.map((j) => [j.id, j]));
  const placed = new Set<string>();
  const ordered: Dataset['jurisdictions'][number][] = [];
  const place = (id: string, seen: Set<string>) => {
    const j = byId.get(id);
    if (j === undefined || placed.has(id)) return;
    if (seen.has(id)) throw new BadInputError(`jurisdiction ${id} is its own ancestor`, { jurisdictionId: id });
    seen.add(id);
    if (j.parentId !== null) place(j.parentId, seen);
    placed.add(id);
    ordered.push(j);
  };
  for (const j of data.jurisdictions) place(j.id, new Set());
  return ordered;
}

/** A file's texts as any other input's: control characters refused, the rest normalised (src/domain/text.ts); its lists may be long. */
const FILE_LIMITS = { ...INPUT_LIMITS, maxListItems: Number.POSITIVE_INFINITY };

/**
 * Checks the dataset — its form (BAD_USER_INPUT listing every problem), then the same rules a changeset obeys
 * (checkDatasetRules: each line's, pair's and absence's, the whole history's invariants over all time — DUPLICATE_LINE,
 * PRESIDES_NOT_UNIQUE, SUPERVISOR_LOST, … — and R7: refused with the first problem's code, e.g.
 * OUTSIDE_GOVERNMENT_LINE, listing every problem with its own code and row) — and inserts it in one transaction.
 * Nothing is written when it is refused. Ids must be new: importing over existing rows fails and changes nothing.
 */
export async function importDataset(em: EntityManager, given: Dataset, onProgress?: (rows: number, total: number) => void): Promise<void> {
  const data = cleanInput(given, '', FILE_LIMITS) as Dataset;
  const malformed = checkDataset(data);
  if (malformed.length > 0) {
    throw new BadInputError(`数据集有 ${malformed.length} 处错误 (the dataset has ${malformed.length} problems)`, { problems: malformed });
  }
  const broken = checkDatasetRules(data);
  if (broken.length > 0) {
    const first = broken[0].code;
    const code: ViolationCode = (VIOLATION_CODES as readonly string[]).includes(first) ? (first as ViolationCode) : 'UNKNOWN_REFERENCE';
    throw new RuleViolationError(code, `数据集有 ${broken.length} 处不符合分工规则：${broken.slice(0, 5).map((p) => `${p.at} ${p.message}`).join('；')}`, { problems: broken });
  }
  await em.transactional((tx) => insertDataset(tx, data, onProgress));
}

/**
 * Inserts every row of an already-checked dataset with the given manager (the caller's transaction), parents
 * before children. Jurisdictions whose parent is not in the dataset must already exist in the database.
 */
export async function insertDataset(tx: EntityManager, data: Dataset, onProgress?: (rows: number, total: number) => void): Promise<void> {
  const leaderJurisdiction = new Map(data.leaders.map((l) => [l.id, l.jurisdictionId]));
  const jurisdictionOf = (leaderId: string) => leaderJurisdiction.get(leaderId) as string;
  const total = Object.values(data).reduce((sum: number, rows: readonly unknown[]) => sum + rows.length, 0);
  let inserted = 0;
  {
    // In chunks: one statement per table would exceed the drivers' limits on bound parameters for a country.
    const insert = async <T extends object>(entity: new () => T, rows: readonly object[]) => {
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const chunk = rows.slice(i, i + INSERT_CHUNK);
        await tx.insertMany(entity, chunk as never[]);
        inserted += chunk.length;
        onProgress?.(inserted, total);
      }
    };
    await insert(Jurisdiction, parentsFirst(data).map((j) => ({ id: j.id, name: j.name, level: j.level, parent: j.parentId, rules: j.rules ?? null })));
    await insert(Leader, data.leaders.map((l) => ({ id: l.id, jurisdiction: l.jurisdictionId, name: l.name })));
    await insert(Meeting, data.meetings.map((m) => ({
      id: m.id, jurisdiction: m.jurisdictionId, kind: m.kind, number: m.number, date: m.date,
      votingAttendeeIds: [...m.votingAttendeeIds], nonVotingAttendees: [...m.nonVotingAttendees],
    })));
    await insert(Decision, data.decisions.map((d) => ({
      id: d.id, jurisdiction: d.jurisdictionId, meeting: d.meetingId, category: d.category, text: d.text, minutesNumber: d.minutesNumber,
      approvesDocument: d.approvesDocument ?? null,
    })));
    await insert(Post, data.posts.map((p) => ({ id: p.id, jurisdiction: p.jurisdictionId, kind: p.kind, title: p.title })));
    await insert(Appointment, data.appointments.map((a) => ({
      id: a.id, jurisdiction: jurisdictionOf(a.leaderId), leader: a.leaderId, post: a.postId, acting: a.acting,
      validFrom: a.validFrom, validTo: a.validTo, document: a.document ?? null,
    })));
    await insert(Department, data.departments.map((d) => ({
      id: d.id, jurisdiction: d.jurisdictionId, name: d.name, kind: d.kind, aliases: [...d.aliases], headName: d.headName,
      headContact: d.headContact, validFrom: d.validFrom, validTo: d.validTo,
    })));
    await insert(WorkArea, data.workAreas.map((w) => ({ id: w.id, jurisdiction: w.jurisdictionId, name: w.name, aliases: [...w.aliases] })));
    await insert(Assignment, data.assignments.map((a) => ({
      id: a.id, jurisdiction: a.jurisdictionId, leader: a.leaderId, kind: a.kind, department: a.departmentId,
      workArea: a.workAreaId, principal: a.principalId, subject: a.subject, document: a.document, decisionId: a.decisionId,
      validFrom: a.validFrom, validTo: a.validTo,
    })));
    await insert(Backup, data.backups.map((b) => ({
      id: b.id, jurisdiction: b.jurisdictionId, leader: b.leaderId, backup: b.backupId, exceptTargetIds: [...b.exceptTargetIds],
      decisionId: b.decisionId, validFrom: b.validFrom, validTo: b.validTo,
    })));
    await insert(Absence, data.absences.map((a) => ({
      id: a.id, jurisdiction: jurisdictionOf(a.leaderId), leader: a.leaderId, reason: a.reason,
      designatedActor: a.designatedActorId, validFrom: a.validFrom, validTo: a.validTo,
    })));
    await insert(TeamOrder, data.teamOrders.map((o) => ({
      id: o.id, jurisdiction: o.jurisdictionId, leaderIds: [...o.leaderIds], validFrom: o.validFrom, validTo: o.validTo,
    })));
  }
}
