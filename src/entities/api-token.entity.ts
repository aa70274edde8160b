import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';

export const ROLES = ['VIEWER', 'EDITOR', 'ADMIN'] as const;
/** VIEWER reads; EDITOR (the government office) also writes; ADMIN also manages tokens. */
export type Role = (typeof ROLES)[number];

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
}
