import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TASK_SOURCES, type MilestoneFact, type TaskSource } from '../domain/key-task';

/**
 * 重点工作 (R8): one supervising leader, its units in key_task_unit (exactly one LEAD). No status column: the status
 * is derived from the deadline, milestones, progress reports and the as-of date (docs/key-work.md), never stored.
 * References are ids the domain checks against the government's facts before anything is written.
 */
@Entity()
@Index({ name: 'key_task_jurisdiction_leader_index', properties: ['jurisdictionId', 'supervisingLeaderId'] })
@Index({ name: 'key_task_jurisdiction_deadline_index', properties: ['jurisdictionId', 'deadline'] })
@Index({ name: 'key_task_parent_index', properties: ['parentTaskId'] })
export class KeyTask {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @Property({ type: 'string', length: 100 })
  jurisdictionId!: string;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  description!: string;

  @Enum({ items: () => [...TASK_SOURCES] })
  source!: TaskSource;

  @Property({ type: 'string', length: 50, nullable: true })
  category: string | null = null;

  @Property({ type: 'json' })
  tags: string[] = [];

  /** 三重一大 */
  @Property({ type: 'boolean' })
  majorMatter!: boolean;

  @Property({ type: 'string', length: 100 })
  supervisingLeaderId!: string;

  @Property({ type: 'string', length: 10 })
  createdOn!: string;

  /** The last day of the task. */
  @Property({ type: 'string', length: 10 })
  deadline!: string;

  @Property({ type: 'json' })
  milestones: MilestoneFact[] = [];

  @Property({ type: 'string', length: 100, nullable: true })
  decisionId: string | null = null;

  /** The city's task this district task was assigned from (市区一体). */
  @Property({ type: 'string', length: 100, nullable: true })
  parentTaskId: string | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  completedOn: string | null = null;

  /** Optimistic concurrency: every write names the version it read. */
  @Property({ type: 'integer' })
  version: number = 1;
}
