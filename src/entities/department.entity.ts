import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { DEPARTMENT_KINDS, type DepartmentKind } from '../domain';
import { Jurisdiction } from './jurisdiction.entity';
import { ValidityInterval } from './interval';

/** A unit: a government department a leader may direct, or an outside unit that is liaised with. */
@Entity()
@Index({ properties: ['jurisdiction'] })
export class Department extends ValidityInterval {
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @ManyToOne(() => Jurisdiction)
  jurisdiction!: Jurisdiction;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => [...DEPARTMENT_KINDS] })
  kind!: DepartmentKind;

  @Property({ type: 'json' })
  aliases: string[] = [];

  /** 主要负责人: the person at the end of every accountability chain. */
  @Property({ type: 'string', length: 100, nullable: true })
  headName: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  headContact: string | null = null;
}
