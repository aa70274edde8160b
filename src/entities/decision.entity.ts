import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { DECISION_CATEGORIES, type DecisionCategory } from '../domain';
import { AgendaItem } from './agenda-item.entity';
import { Jurisdiction } from './jurisdiction.entity';
import { Meeting } from './meeting.entity';

/** 决定: what a meeting decided, with its category (分工调整, the four 三重一大 kinds, routine) and 纪要号. */
@Entity()
@Index({ properties: ['jurisdiction'] })
export class Decision {
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @ManyToOne(() => Jurisdiction)
  jurisdiction!: Jurisdiction;

  @ManyToOne(() => Meeting)
  meeting!: Meeting;

  @ManyToOne(() => AgendaItem, { nullable: true })
  agendaItem: AgendaItem | null = null;

  @Enum({ items: () => [...DECISION_CATEGORIES] })
  category!: DecisionCategory;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  minutesNumber: string | null = null;

  /** R7 binds: the 文号 of the one re-division this decision approved (原则同意…调整方案); null when none. */
  @Property({ type: 'string', length: 100, nullable: true })
  approvesDocument: string | null = null;
}
