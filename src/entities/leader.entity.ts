import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Jurisdiction } from './jurisdiction.entity';

/** A person on (or once on) a leadership team. Posts are held through appointments. */
@Entity()
@Index({ properties: ['jurisdiction'] })
export class Leader {
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @ManyToOne(() => Jurisdiction)
  jurisdiction!: Jurisdiction;

  @Property({ type: 'string', length: 100 })
  name!: string;
}
