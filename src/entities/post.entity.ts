import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { POST_KINDS, type PostKind } from '../domain';
import { Jurisdiction } from './jurisdiction.entity';

/** A position that exists independently of whoever holds it (Popolo Post); it may be vacant. */
@Entity()
@Index({ properties: ['jurisdiction'] })
export class Post {
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @ManyToOne(() => Jurisdiction)
  jurisdiction!: Jurisdiction;

  @Enum({ items: () => [...POST_KINDS] })
  kind!: PostKind;

  @Property({ type: 'string', length: 100 })
  title!: string;
}
