import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { NOTIFICATION_BASES, type NotificationBasis } from '../domain/directive';

export const NOTIFICATION_KINDS = ['DIRECTIVE_CROSS_PORTFOLIO', 'DIRECTIVE_ESCALATED'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a leader is told (R9): a cross-portfolio directive to a unit he supervises (or acts for), an escalation back to him. */
@Entity()
@Index({ name: 'notification_leader_read_index', properties: ['leaderId', 'readAt'] })
@Index({ name: 'notification_directive_index', properties: ['directiveId'] })
export class Notification {
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @Property({ type: 'string', length: 100 })
  jurisdictionId!: string;

  @Property({ type: 'string', length: 100 })
  leaderId!: string;

  @Enum({ items: () => [...NOTIFICATION_KINDS] })
  kind!: NotificationKind;

  @Enum({ items: () => [...NOTIFICATION_BASES] })
  basis!: NotificationBasis;

  @Property({ type: 'string', length: 100, nullable: true })
  actingForId: string | null = null;

  @Property({ type: 'string', length: 100 })
  directiveId!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'string', length: 30 })
  createdAt!: string;

  @Property({ type: 'string', length: 30, nullable: true })
  readAt: string | null = null;
}
