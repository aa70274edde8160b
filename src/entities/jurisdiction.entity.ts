import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { JURISDICTION_LEVELS, type JurisdictionLevel } from '../domain';

/** A government at one level (省/市/区县/乡镇); cities contain districts (市区一体). */
@Entity()
@Index({ properties: ['parent'] })
export class Jurisdiction {
  [OptionalProps]?: 'version' | 'rules';

  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => [...JURISDICTION_LEVELS] })
  level!: JurisdictionLevel;

  @ManyToOne(() => Jurisdiction, { nullable: true })
  parent: Jurisdiction | null = null;

  /**
   * The version of this government's directory: every applied change increments it, and a write names the
   * version it read (optimistic concurrency; a stale write changes nothing and fails with CONFLICT).
   */
  @Property({ type: 'integer', default: 0 })
  version: number = 0;

  /** Its own rules of procedure on collective decisions (GovernanceRules); null = the defaults. */
  @Property({ type: 'json', nullable: true })
  rules: unknown = null;
}
