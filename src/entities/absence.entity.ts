import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Jurisdiction } from './jurisdiction.entity';
import { Leader } from './leader.entity';
import { ValidityInterval } from './interval';

/** A leader is away over [validFrom, validTo); the office may designate who acts for him. */
@Entity()
@Index({ properties: ['jurisdiction'] })
export class Absence extends ValidityInterval {
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @ManyToOne(() => Jurisdiction)
  jurisdiction!: Jurisdiction;

  @ManyToOne(() => Leader)
  leader!: Leader;

  @Property({ type: 'string', length: 500 })
  reason!: string;

  @ManyToOne(() => Leader, { nullable: true })
  designatedActor: Leader | null = null;
}
