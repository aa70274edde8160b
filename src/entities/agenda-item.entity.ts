import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Leader } from './leader.entity';
import { Meeting } from './meeting.entity';

/** 议题: one item on a meeting's agenda, the leader who presents it and the units it concerns. */
@Entity()
@Index({ properties: ['meeting'] })
export class AgendaItem {
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @ManyToOne(() => Meeting)
  meeting!: Meeting;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'string', length: 500 })
  title!: string;

  @ManyToOne(() => Leader, { nullable: true })
  presenter: Leader | null = null;

  @Property({ type: 'json' })
  departmentIds: string[] = [];
}
