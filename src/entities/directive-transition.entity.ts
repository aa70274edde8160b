import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ACTOR_KINDS, type ActorKind } from '../domain/key-task';
import { DIRECTIVE_ACTIONS, DIRECTIVE_STATUSES, type DirectiveAction, type DirectiveStatus } from '../domain/directive';

/** One move of a directive (签收, 办理, 办结, 提请协调): append-only, numbered per directive. */
@Entity()
@Unique({ name: 'directive_transition_directive_seq_unique', properties: ['directiveId', 'seq'] })
@Index({ name: 'directive_transition_jurisdiction_index', properties: ['jurisdictionId'] })
export class DirectiveTransition {
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @Property({ type: 'string', length: 100 })
  jurisdictionId!: string;

  @Property({ type: 'string', length: 100 })
  directiveId!: string;

  @Property({ type: 'integer' })
  seq!: number;

  @Enum({ items: () => [...DIRECTIVE_ACTIONS] })
  action!: DirectiveAction;

  @Enum({ items: () => [...DIRECTIVE_STATUSES] })
  fromStatus!: DirectiveStatus;

  @Enum({ items: () => [...DIRECTIVE_STATUSES] })
  toStatus!: DirectiveStatus;

  @Property({ type: 'string', length: 10 })
  on!: string;

  @Enum({ items: () => [...ACTOR_KINDS] })
  actorKind!: ActorKind;

  @Property({ type: 'string', length: 100, nullable: true })
  actorId: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  tokenId: string | null = null;

  /** The escalation's reason or the completion report. */
  @Property({ type: 'text', nullable: true })
  text: string | null = null;

  @Property({ type: 'string', length: 30 })
  recordedAt!: string;
}
