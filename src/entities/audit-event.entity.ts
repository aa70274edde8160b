import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One entry of the audit feed: who changed what, when, under which decision, before → after. Append-only:
 * nothing updates or deletes these rows. `seq` orders the feed and is its cursor.
 */
@Entity()
@Index({ properties: ['jurisdictionId', 'seq'] })
@Index({ properties: ['at'] })
export class AuditEvent {
  [OptionalProps]?: 'seq' | 'tokenId' | 'personId';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  seq!: number;

  @Property({ type: 'string', length: 100 })
  jurisdictionId!: string;

  /** ISO timestamp (UTC). */
  @Property({ type: 'string', length: 30 })
  at!: string;

  @Property({ type: 'string', length: 200 })
  actor!: string;

  /** OPEN, CLOSE, RECORD. */
  /** The token the write came with (null: the CLI or a test without one). */
  @Property({ type: 'string', length: 100, nullable: true })
  tokenId: string | null = null;

  /** The person the write was made as or for (a scoped leader, the unit, or whom the office recorded for). */
  @Property({ type: 'string', length: 100, nullable: true })
  personId: string | null = null;

  @Property({ type: 'string', length: 20 })
  action!: string;

  @Property({ type: 'string', length: 40 })
  entityType!: string;

  @Property({ type: 'string', length: 100 })
  entityId!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  decisionId: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  changesetId: string | null = null;

  @Property({ type: 'json', nullable: true })
  before: unknown = null;

  @Property({ type: 'json', nullable: true })
  after: unknown = null;
}
