import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Jurisdiction } from './jurisdiction.entity';
import { Leader } from './leader.entity';
import { Post } from './post.entity';
import { ValidityInterval } from './interval';

/** A leader holds a post over [validFrom, validTo); `acting` for 代区长 and the like. */
@Entity()
@Index({ properties: ['jurisdiction'] })
export class Appointment extends ValidityInterval {
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @ManyToOne(() => Jurisdiction)
  jurisdiction!: Jurisdiction;

  @ManyToOne(() => Leader)
  leader!: Leader;

  @ManyToOne(() => Post)
  post!: Post;

  @Property({ type: 'boolean' })
  acting: boolean = false;

  /** The 任免 document (people's congress or party committee) that made it, when recorded. */
  @Property({ type: 'string', length: 100, nullable: true })
  document: string | null = null;
}
