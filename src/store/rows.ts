// Reading tables as plain rows (no managed entities): the row helpers the fact loaders and the importers share.
import type { ConnectionType, EntityName } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
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

/** The entity of each part of a government's directory (a dataset's parts), parents before the rows naming them. */
export const DIRECTORY_ENTITIES = {
  jurisdictions: Jurisdiction, leaders: Leader, posts: Post, appointments: Appointment, departments: Department, workAreas: WorkArea,
  assignments: Assignment, backups: Backup, absences: Absence, teamOrders: TeamOrder, meetings: Meeting, decisions: Decision,
} as const;

/** A row as the query builder returns it: property names, foreign keys as ids. */
export type Row<T> = { [K in keyof T]: T[K] extends { id: string } | null ? string | null : T[K] };

/** The row of one part of the directory (`PartRow<'leaders'>`). */
export type PartRow<K extends keyof typeof DIRECTORY_ENTITIES> = Row<InstanceType<(typeof DIRECTORY_ENTITIES)[K]>>;

/** JSON columns come back parsed from PostgreSQL and as text from SQLite. */
export function json<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [row]);
    else group.push(row);
  }
  return groups;
}

/** `select *` from `entity`'s table as plain records (property names), through the query builder. */
export async function selectRows<T extends object, R = T>(
  em: SqlEntityManager,
  entity: EntityName<T>,
  where: Record<string, unknown>,
  orderBy: Record<string, 'asc'>,
  connection?: ConnectionType,
): Promise<R[]> {
  const rows = await em.createQueryBuilder(entity, undefined, connection).select('*').where(where as never).orderBy(orderBy as never).execute('all', true);
  return rows as unknown as R[];
}

/**
 * Runs the statements side by side on the pool; inside a transaction, whose single connection takes one statement
 * at a time (node-postgres deprecates queueing them), one after another.
 */
export async function runStatements(em: SqlEntityManager, statements: readonly (() => Promise<unknown>)[]): Promise<unknown[]> {
  if (!em.isInTransaction()) return Promise.all(statements.map((statement) => statement()));
  const results: unknown[] = [];
  for (const statement of statements) results.push(await statement());
  return results;
}
