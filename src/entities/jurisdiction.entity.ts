import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { JURISDICTION_LEVELS, type JurisdictionLevel } from '../domain';

/** A government at one level (省/市/区县/乡镇); cities contain districts (市区一体). */
@Entity()
@Index({ properties: ['parent'] })
export class Jurisdiction {
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => [...JURISDICTION_LEVELS] })
  level!: JurisdictionLevel;

  @ManyToOne(() => Jurisdiction, { nullable: true })
  parent: Jurisdiction | null = null;
}
