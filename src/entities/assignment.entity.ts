import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { ASSIGNMENT_KINDS, type AssignmentKind } from '../domain';
import { Department } from './department.entity';
import { Jurisdiction } from './jurisdiction.entity';
import { Leader } from './leader.entity';
import { WorkArea } from './work-area.entity';
import { ValidityInterval } from './interval';

/** One portfolio line (主持/负责/分管/联系/协助/牵头协调); which target is set depends on `kind` (see domain facts). */
@Entity()
@Index({ properties: ['jurisdiction'] })
@Index({ properties: ['department'] })
@Index({ properties: ['leader'] })
export class Assignment extends ValidityInterval {
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @ManyToOne(() => Jurisdiction)
  jurisdiction!: Jurisdiction;

  @ManyToOne(() => Leader)
  leader!: Leader;

  @Enum({ items: () => [...ASSIGNMENT_KINDS] })
  kind!: AssignmentKind;

  @ManyToOne(() => Department, { nullable: true })
  department: Department | null = null;

  @ManyToOne(() => WorkArea, { nullable: true })
  workArea: WorkArea | null = null;

  /** For ASSISTS: the leader assisted (协助区长 …). */
  @ManyToOne(() => Leader, { nullable: true })
  principal: Leader | null = null;

  /** For COORDINATES: the matter coordinated. */
  @Property({ type: 'string', length: 500, nullable: true })
  subject: string | null = null;

  /** 文号 of the notice that made this line. */
  @Property({ type: 'string', length: 100, nullable: true })
  document: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  decisionId: string | null = null;
}
