// Per-request loaders of key work (added to the context's loaders): every read of tasks, directives and
// notifications goes through them, so a request costs a constant number of statements whatever the number of tasks.
import DataLoader from 'dataloader';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Directive, KeyTask, Notification } from '../../entities';
import { loadKeyWork, type LoadedKeyWork } from './key-work.facts';

export interface KeyWorkLoaders {
  /** Tasks, units, progress reports, directives and transitions of one government. */
  readonly keyWork: DataLoader<string, LoadedKeyWork>;
  /** The government a task belongs to; null for an unknown id. */
  readonly taskJurisdiction: DataLoader<string, string | null>;
  /** The government a directive belongs to; null for an unknown id. */
  readonly directiveJurisdiction: DataLoader<string, string | null>;
  /** The tasks assigned from a (city) task, as { id, jurisdictionId }, by government. */
  readonly childTasks: DataLoader<string, readonly { readonly id: string; readonly jurisdictionId: string }[]>;
  /** Notifications of a leader, newest first. */
  readonly notificationsOfLeader: DataLoader<string, readonly Notification[]>;
  /** Notifications a directive caused, oldest first. */
  readonly notificationsOfDirective: DataLoader<string, readonly Notification[]>;
}

function byKey<T>(rows: readonly T[], keys: readonly string[], key: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(key(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

export function createKeyWorkLoaders(em: SqlEntityManager): KeyWorkLoaders {
  return {
    keyWork: new DataLoader(async (ids: readonly string[]) => {
      const found = await loadKeyWork(em, ids);
      return ids.map((id) => found.get(id) as LoadedKeyWork);
    }),
    taskJurisdiction: new DataLoader(async (ids: readonly string[]) => {
      const rows = await em.find(KeyTask, { id: { $in: [...ids] } }, { fields: ['jurisdictionId'], disableIdentityMap: true });
      const byId = new Map(rows.map((r) => [r.id, r.jurisdictionId]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    directiveJurisdiction: new DataLoader(async (ids: readonly string[]) => {
      const rows = await em.find(Directive, { id: { $in: [...ids] } }, { fields: ['jurisdictionId'], disableIdentityMap: true });
      const byId = new Map(rows.map((r) => [r.id, r.jurisdictionId]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    childTasks: new DataLoader(async (ids: readonly string[]) => {
      const rows = await em.find(KeyTask, { parentTaskId: { $in: [...ids] } }, {
        fields: ['jurisdictionId', 'parentTaskId'], orderBy: { jurisdictionId: 'asc', id: 'asc' }, disableIdentityMap: true,
      });
      return byKey(rows, ids, (r) => r.parentTaskId as string).map((group) => group.map((r) => ({ id: r.id, jurisdictionId: r.jurisdictionId })));
    }),
    notificationsOfLeader: new DataLoader(async (ids: readonly string[]) => {
      const rows = await em.find(Notification, { leaderId: { $in: [...ids] } }, { orderBy: { createdAt: 'desc', id: 'asc' }, disableIdentityMap: true });
      return byKey(rows, ids, (r) => r.leaderId);
    }),
    notificationsOfDirective: new DataLoader(async (ids: readonly string[]) => {
      const rows = await em.find(Notification, { directiveId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' }, disableIdentityMap: true });
      return byKey(rows, ids, (r) => r.directiveId);
    }),
  };
}
