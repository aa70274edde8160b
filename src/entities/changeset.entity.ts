import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Jurisdiction } from './jurisdiction.entity';

/** 分工调整: an applied re-division, kept as it was submitted (items as JSON) with who applied it and when. */
@Entity()
@Index({ properties: ['jurisdiction'] })
export class Changeset {
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @ManyToOne(() => Jurisdiction)
  jurisdiction!: Jurisdiction;

  /** 文号 */
  @Property({ type: 'string', length: 100, nullable: true })
  document: string | null = null;

  @Property({ type: 'string', length: 100 })
  decisionId!: string;

  @Property({ type: 'string', length: 10 })
  effectiveDate!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  issuedById: string | null = null;

  @Property({ type: 'json' })
  items: unknown[] = [];

  /** The directory version this changeset produced. */
  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'string', length: 200 })
  appliedBy!: string;

  @Property({ type: 'string', length: 30 })
  appliedAt!: string;
}
