import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';

export const ROLES = ['VIEWER', 'EDITOR', 'ADMIN'] as const;
/** VIEWER reads; EDITOR (the government office) also writes; ADMIN also manages tokens. */
export type Role = (typeof ROLES)[number];

export const TOKEN_SCOPES = ['LEADER', 'DEPARTMENT'] as const;
/** A scoped token acts only as one leader (issues, escalates as him) or for one unit (its directives, its tasks' progress). */
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** A bearer token. Only its SHA-256 is stored; the token itself is shown once, when created. */
@Entity()
export class ApiToken {
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => [...ROLES] })
  role!: Role;

  @Unique()
  @Property({ type: 'string', length: 64 })
  tokenHash!: string;

  @Property({ type: 'string', length: 30 })
  createdAt!: string;

  @Property({ type: 'string', length: 30, nullable: true })
  revokedAt: string | null = null;

  /** Null: unscoped (the office's EDITOR token acts on anyone's behalf). */
  @Enum({ items: () => [...TOKEN_SCOPES], nullable: true })
  scopeKind: TokenScope | null = null;

  /** The leader or unit id the token is scoped to. */
  @Property({ type: 'string', length: 100, nullable: true })
  scopeId: string | null = null;
}
