// Bearer tokens: random, shown once, stored only as SHA-256 (a 256-bit random token needs no slow hash:
// there is nothing to brute-force). Roles are ordered: VIEWER < EDITOR < ADMIN.
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { UnauthenticatedError } from '../domain';
import { ApiToken, ROLES, type Role, type TokenScope } from '../entities';

/** A scoped token acts only as one leader or for one unit (docs/key-work.md, who may do what). */
export interface ViewerScope {
  readonly kind: TokenScope;
  readonly id: string;
}

export interface Viewer {
  readonly tokenId: string;
  readonly name: string;
  readonly role: Role;
  /** Absent or null: unscoped (the office's EDITOR token writes on anyone's behalf). */
  readonly scope?: ViewerScope | null;
}

const TOKEN_PREFIX = 'fgml_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** Creates a token for `name` with `role`; returns the token itself, which is not stored anywhere. */
export async function createToken(
  em: EntityManager,
  name: string,
  role: Role,
  now: Date,
  scope: ViewerScope | null = null,
): Promise<{ id: string; token: string }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const id = `token:${randomBytes(6).toString('hex')}`;
  em.create(ApiToken, {
    id, name, role, tokenHash: hashToken(token), createdAt: now.toISOString(), revokedAt: null,
    scopeKind: scope?.kind ?? null, scopeId: scope?.id ?? null,
  });
  await em.flush();
  return { id, token };
}

export async function revokeToken(em: EntityManager, id: string, now: Date): Promise<boolean> {
  const updated = await em.nativeUpdate(ApiToken, { id, revokedAt: null }, { revokedAt: now.toISOString() });
  return updated > 0;
}

/**
 * The viewer named by an `Authorization: Bearer <token>` header: null when there is no header; an
 * UNAUTHENTICATED error when there is one that is malformed, unknown or revoked (never a silent downgrade).
 */
export async function authenticate(em: EntityManager, header: string | undefined): Promise<Viewer | null> {
  if (header === undefined || header.trim() === '') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (match === null) throw new UnauthenticatedError('Authorization 头应为 "Bearer <token>" (expected a bearer token)');
  const row = await em.findOne(ApiToken, { tokenHash: hashToken(match[1]) });
  if (row === null || row.revokedAt !== null) throw new UnauthenticatedError('令牌无效或已吊销 (invalid or revoked token)');
  const viewer = { tokenId: row.id, name: row.name, role: row.role };
  return row.scopeKind === null || row.scopeId === null ? viewer : { ...viewer, scope: { kind: row.scopeKind, id: row.scopeId } };
}
