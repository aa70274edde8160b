import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Jurisdiction } from './jurisdiction.entity';

/** 工作领域: a field of work a leader is responsible for (财政, 审计, 安全生产 …). */
@Entity()
@Index({ properties: ['jurisdiction'] })
export class WorkArea {
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @ManyToOne(() => Jurisdiction)
  jurisdiction!: Jurisdiction;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'json' })
  aliases: string[] = [];
}
