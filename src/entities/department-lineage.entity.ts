import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { LINEAGE_KINDS, type LineageKind } from '../domain';
import { Department } from './department.entity';
import { Jurisdiction } from './jurisdiction.entity';

/**
 * 机构改革 lineage: on `date` the predecessor unit became (part of) the successor — merged into it, split off into
 * it, or renamed (predecessor = successor, with its former name); an abolished unit with no successor has null.
 */
@Entity()
@Index({ properties: ['jurisdiction'] })
export class DepartmentLineage {
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @ManyToOne(() => Jurisdiction)
  jurisdiction!: Jurisdiction;

  @Enum({ items: () => [...LINEAGE_KINDS] })
  kind!: LineageKind;

  @ManyToOne(() => Department)
  predecessor!: Department;

  @ManyToOne(() => Department, { nullable: true })
  successor: Department | null = null;

  @Property({ type: 'string', length: 10 })
  date!: string;

  /** 文号 of the 机构改革 decision (编委 / 党委) that made it. */
  @Property({ type: 'string', length: 100, nullable: true })
  document: string | null = null;

  /** RENAME: the name the unit had before. */
  @Property({ type: 'string', length: 200, nullable: true })
  formerName: string | null = null;
}
