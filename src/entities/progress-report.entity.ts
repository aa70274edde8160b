import { Check, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { ACTOR_KINDS, type ActorKind } from '../domain/key-task';

/** 进展情况: append-only; who reported (the office, a leader's or a unit's token) and with which token. */
@Entity()
@Index({ name: 'progress_report_jurisdiction_index', properties: ['jurisdictionId'] })
@Index({ name: 'progress_report_task_index', properties: ['taskId', 'reportedOn'] })
@Check({ name: 'progress_report_percent_check', expression: 'percent >= 0 and percent <= 100' })
export class ProgressReport {
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @Property({ type: 'string', length: 100 })
  jurisdictionId!: string;

  @Property({ type: 'string', length: 100 })
  taskId!: string;

  @Property({ type: 'string', length: 10 })
  reportedOn!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'integer' })
  percent!: number;

  @Enum({ items: () => [...ACTOR_KINDS] })
  reporterKind!: ActorKind;

  /** The leader or unit reporting; for the office, the person it records for (or null). */
  @Property({ type: 'string', length: 100, nullable: true })
  reporterId: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  tokenId: string | null = null;

  @Property({ type: 'string', length: 30 })
  recordedAt!: string;
}
