// Key work in a dataset directory (seeds/<name>/key-work.json): a journal of dated writes — tasks created,
// progress reported, directives issued and moved, city tasks assigned to districts — replayed in date order
// through KeyWorkService with "today" set to each entry's date, so every rule checks the seed exactly as it would
// have checked the write on that day. Like importDataset, an import leaves the audit feed alone.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import type { Viewer } from '../../auth/tokens';
import { isIsoDate, type DirectiveAction, type KeyTaskDraft, type MilestoneFact, type TaskSource } from '../../domain';
import { createRequestScope } from '../../scope/request-scope';
import { createEvents } from '../../scope/events';
import { KeyWorkService } from './key-work.service';

export const KEY_WORK_FILE = 'key-work.json';

/** Who made a journal entry: the office (default, optionally for a leader), a leader, a unit. */
export type SeedActor = { readonly kind: 'OFFICE'; readonly onBehalfOfId?: string } | { readonly kind: 'LEADER' | 'DEPARTMENT'; readonly id: string };

interface SeedTask {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly title: string;
  readonly description?: string;
  readonly source: TaskSource;
  readonly category?: string | null;
  readonly tags?: string[];
  readonly majorMatter?: boolean;
  readonly supervisingLeaderId: string;
  readonly leadUnitId: string;
  readonly responsibleUnitIds?: string[];
  readonly cooperatingUnitIds?: string[];
  readonly deadline: string;
  readonly milestones?: { title: string; dueOn: string; doneOn?: string | null }[];
  readonly decisionId?: string | null;
  readonly parentTaskId?: string | null;
}

export type KeyWorkSeedEntry = { readonly on: string; readonly by?: SeedActor } & (
  | { readonly createKeyTask: SeedTask }
  | { readonly reportTaskProgress: { readonly id: string; readonly taskId: string; readonly text: string; readonly percent: number } }
  | { readonly completeKeyTask: { readonly taskId: string } }
  | { readonly assignKeyTaskToDistricts: { readonly taskId: string; readonly assignments: { id: string; districtId: string; supervisingLeaderId: string; leadUnitId: string; responsibleUnitIds?: string[]; deadline?: string | null }[] } }
  | { readonly issueDirective: { readonly id: string; readonly issuerId: string; readonly departmentId: string; readonly subject: string; readonly deadline?: string | null; readonly decisionId?: string | null } }
  | { readonly moveDirective: { readonly directiveId: string; readonly action: DirectiveAction; readonly text?: string | null } }
);

function viewerOf(by: SeedActor | undefined): Viewer {
  const base = { tokenId: 'seed', name: '演示数据 (seed)', role: 'EDITOR' as const };
  if (by === undefined || by.kind === 'OFFICE') return base;
  return { ...base, scope: { kind: by.kind, id: by.id } };
}

/** Replays one journal entry on its date. */
async function replay(orm: MikroORM, entry: KeyWorkSeedEntry): Promise<void> {
  if (!isIsoDate(entry.on)) throw new Error(`key-work seed: bad date ${entry.on}`);
  const ctx = createRequestScope(orm.em, { today: entry.on, now: new Date(`${entry.on}T01:00:00Z`), viewer: viewerOf(entry.by), publicReads: false, events: createEvents() });
  const service = new KeyWorkService(ctx, { audit: false });
  const onBehalfOf = entry.by?.kind === 'OFFICE' ? (entry.by.onBehalfOfId ?? null) : null;
  if ('createKeyTask' in entry) {
    const t = entry.createKeyTask;
    const draft: Omit<KeyTaskDraft, 'createdOn'> = {
      jurisdictionId: t.jurisdictionId, title: t.title, description: t.description ?? '', source: t.source, category: t.category ?? null, tags: t.tags ?? [],
      majorMatter: t.majorMatter ?? false, supervisingLeaderId: t.supervisingLeaderId, leadUnitId: t.leadUnitId, responsibleUnitIds: t.responsibleUnitIds ?? [],
      cooperatingUnitIds: t.cooperatingUnitIds ?? [], deadline: t.deadline,
      milestones: (t.milestones ?? []).map((m): MilestoneFact => ({ title: m.title, dueOn: m.dueOn, doneOn: m.doneOn ?? null })),
      decisionId: t.decisionId ?? null, parentTaskId: t.parentTaskId ?? null,
    };
    await service.createKeyTask(draft, onBehalfOf, t.id);
  } else if ('reportTaskProgress' in entry) {
    const r = entry.reportTaskProgress;
    await service.reportProgress(r.taskId, { reportedOn: entry.on, text: r.text, percent: r.percent }, r.id);
  } else if ('completeKeyTask' in entry) {
    await service.completeKeyTask(entry.completeKeyTask.taskId, onBehalfOf);
  } else if ('assignKeyTaskToDistricts' in entry) {
    const a = entry.assignKeyTaskToDistricts;
    await service.assignToDistricts(a.taskId, a.assignments.map((x) => ({ ...x, responsibleUnitIds: x.responsibleUnitIds ?? [], deadline: x.deadline ?? null })), onBehalfOf);
  } else if ('issueDirective' in entry) {
    const d = entry.issueDirective;
    await service.issueDirective({ issuerId: d.issuerId, departmentId: d.departmentId, subject: d.subject, deadline: d.deadline ?? null, decisionId: d.decisionId ?? null }, d.id);
  } else {
    const m = entry.moveDirective;
    await service.transition(m.directiveId, m.action, m.text ?? null);
  }
}

/**
 * Imports `dir/key-work.json` when there is one (after the directory dataset of the same directory); returns the
 * number of entries. A refused entry stops the import with its index and the refusal.
 */
export async function importKeyWorkSeed(orm: MikroORM, dir: string): Promise<number> {
  let text: string;
  try {
    text = await readFile(path.join(dir, KEY_WORK_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const entries = JSON.parse(text) as KeyWorkSeedEntry[];
  // Stable sort: entries of one day keep their order in the file.
  const ordered = entries.map((e, i) => ({ e, i })).sort((a, b) => (a.e.on < b.e.on ? -1 : a.e.on > b.e.on ? 1 : a.i - b.i));
  for (const { e, i } of ordered) {
    try {
      await replay(orm, e);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${KEY_WORK_FILE}[${i}] (${e.on}): ${message}`, { cause: error });
    }
  }
  return entries.length;
}
