import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Jurisdiction } from './jurisdiction.entity';
import { ValidityInterval } from './interval';

/** 排序: the protocol order of the team over an interval. It orders listings; it confers no authority. */
@Entity()
@Index({ properties: ['jurisdiction'] })
export class TeamOrder extends ValidityInterval {
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @ManyToOne(() => Jurisdiction)
  jurisdiction!: Jurisdiction;

  @Property({ type: 'json' })
  leaderIds: string[] = [];
}
