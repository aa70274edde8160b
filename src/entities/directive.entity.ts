import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { DIRECTION_BASES, type DirectionBasis } from '../domain';
import { DIRECTIVE_STATUSES, type DirectiveStatus } from '../domain/directive';

/**
 * 交办事项 (R9). `basis` and `crossPortfolio` are fixed when issued; `status` is the last transition's `to`,
 * rewritten only together with a new directive_transition row, in one transaction, under `version`.
 */
@Entity()
@Index({ name: 'directive_jurisdiction_department_index', properties: ['jurisdictionId', 'departmentId'] })
@Index({ name: 'directive_jurisdiction_issuer_index', properties: ['jurisdictionId', 'issuerId'] })
@Index({ name: 'directive_jurisdiction_cross_index', properties: ['jurisdictionId', 'crossPortfolio', 'decisionId'] })
export class Directive {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @Property({ type: 'string', length: 100 })
  jurisdictionId!: string;

  @Property({ type: 'string', length: 100 })
  issuerId!: string;

  @Property({ type: 'string', length: 100 })
  departmentId!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'string', length: 10 })
  issuedOn!: string;

  @Property({ type: 'string', length: 10, nullable: true })
  deadline: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  decisionId: string | null = null;

  @Enum({ items: () => [...DIRECTION_BASES] })
  basis!: DirectionBasis;

  /** When canDirect's basis was ACTING_FOR: the absent leader. */
  @Property({ type: 'string', length: 100, nullable: true })
  actingForId: string | null = null;

  @Property({ type: 'boolean' })
  crossPortfolio!: boolean;

  @Enum({ items: () => [...DIRECTIVE_STATUSES] })
  status!: DirectiveStatus;

  @Property({ type: 'integer' })
  version: number = 1;

  @Property({ type: 'string', length: 100, nullable: true })
  tokenId: string | null = null;

  @Property({ type: 'string', length: 30 })
  recordedAt!: string;
}
