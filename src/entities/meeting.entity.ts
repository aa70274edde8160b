import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { MEETING_KINDS, type MeetingKind } from '../domain';
import { Jurisdiction } from './jurisdiction.entity';

/** 常务会议 / 全体会议 / 党组会议, with who attended: voting members count towards the quorum, 列席 do not. */
@Entity()
@Index({ properties: ['jurisdiction', 'date'] })
export class Meeting {
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @ManyToOne(() => Jurisdiction)
  jurisdiction!: Jurisdiction;

  @Enum({ items: () => [...MEETING_KINDS] })
  kind!: MeetingKind;

  /** 第X次, as written. */
  @Property({ type: 'string', length: 50, nullable: true })
  number: string | null = null;

  @Property({ type: 'string', length: 10 })
  date!: string;

  /** Leader ids of the team members present with a vote. */
  @Property({ type: 'json' })
  votingAttendeeIds: string[] = [];

  /** 列席: names of those present without a vote. */
  @Property({ type: 'json' })
  nonVotingAttendees: string[] = [];
}
