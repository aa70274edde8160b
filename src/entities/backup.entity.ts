import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Jurisdiction } from './jurisdiction.entity';
import { Leader } from './leader.entity';
import { ValidityInterval } from './interval';

/** AB角: `backup` (B) acts for `leader` (A) while A is away, except for the listed units and work areas. */
@Entity()
@Index({ properties: ['jurisdiction'] })
export class Backup extends ValidityInterval {
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @ManyToOne(() => Jurisdiction)
  jurisdiction!: Jurisdiction;

  @ManyToOne(() => Leader)
  leader!: Leader;

  @ManyToOne(() => Leader)
  backup!: Leader;

  @Property({ type: 'json' })
  exceptTargetIds: string[] = [];

  /** The decision that set this pair (setting a backup is a change to the division of labour, R7). */
  @Property({ type: 'string', length: 100, nullable: true })
  decisionId: string | null = null;
}
