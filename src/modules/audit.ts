// The audit feed's writer: every write appends events in the same transaction as the change itself.
import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { AuditEvent } from '../entities';
import type { Viewer } from '../auth/tokens';
import type { RequestScope } from '../scope/request-scope';

export interface AuditEntry {
  readonly jurisdictionId: string;
  readonly action: 'OPEN' | 'CLOSE' | 'RECORD';
  readonly entityType: string;
  readonly entityId: string;
  readonly decisionId: string | null;
  readonly changesetId: string | null;
  readonly before: unknown;
  readonly after: unknown;
  /** The person the write was made as or for, when there is one (a scoped leader or unit, whom the office records for). */
  readonly personId?: string | null;
}

/** How an actor is named in the feed: the token's name and role. */
export function actorName(viewer: Viewer | null): string {
  return viewer === null ? 'anonymous' : `${viewer.name} (${viewer.role})`;
}

export async function appendAudit(em: EntityManager, viewer: Viewer | null, at: Date, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await em.insertMany(
    AuditEvent,
    entries.map((e) => ({ ...e, personId: e.personId ?? null, tokenId: viewer?.tokenId ?? null, at: at.toISOString(), actor: actorName(viewer) })),
  );
}

/** A new, readable, collision-resistant id: `<kind>:<date>-<random>`. */
export function newId(kind: string, date: string): string {
  return `${kind}:${date}-${randomBytes(5).toString('hex')}`;
}

/** A page of the audit feed, oldest first. */
export interface AuditPage {
  readonly events: readonly AuditEvent[];
  readonly totalCount: number;
}

/** The feed of one government (or all), from a moment on; `since` is an ISO 8601 moment already checked. */
export async function readAudit(scope: RequestScope, filter: { jurisdictionId?: string; since?: string }, page: { offset: number; size: number }): Promise<AuditPage> {
  const where = {
    ...(filter.jurisdictionId === undefined ? {} : { jurisdictionId: filter.jurisdictionId }),
    ...(filter.since === undefined ? {} : { at: { $gte: new Date(filter.since).toISOString() } }),
  };
  const [events, totalCount] = await scope.em.findAndCount(AuditEvent, where, { orderBy: { seq: 'asc' }, limit: page.size, offset: page.offset });
  return { events, totalCount };
}
