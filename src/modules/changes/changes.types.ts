// GraphQL read models of re-divisions (分工调整): previews, applied changesets, violations, the audit feed.
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import type { DiffEntry, Violation } from '../../domain';
import { LocalDateScalar } from '../../graphql/scalars';
import { Connection } from '../../graphql/connection';

@ObjectType('Violation', { description: 'A reason a change is refused (or, among warnings, questionable), with the item it comes from.' })
export class ViolationNode {
  @Field(() => Int, { nullable: true, description: 'Index of the changeset item it comes from (0-based); null for the changeset as a whole.' })
  itemIndex!: number | null;

  @Field({ description: 'Stable code, e.g. COLLECTIVE_DECISION_REQUIRED, QUORUM_NOT_MET, SUPERVISOR_LOST.' })
  code!: string;

  @Field()
  message!: string;

  @Field(() => JSONResolver)
  details!: Record<string, unknown>;

  static of(v: Violation): ViolationNode {
    return Object.assign(new ViolationNode(), { itemIndex: v.itemIndex, code: v.code, message: v.message, details: { ...v.details } });
  }
}

@ObjectType('DiffEntry', { description: 'One interval a changeset closes or opens.' })
export class DiffEntryNode {
  @Field(() => Int)
  itemIndex!: number;

  @Field({ description: 'OPEN or CLOSE.' })
  action!: string;

  @Field({ description: 'ASSIGNMENT (a portfolio line) or BACKUP (an AB pair).' })
  entity!: string;

  @Field(() => ID)
  id!: string;

  @Field({ description: 'The change in words.' })
  text!: string;

  @Field(() => JSONResolver, { nullable: true })
  before!: unknown;

  @Field(() => JSONResolver, { nullable: true })
  after!: unknown;

  static of(d: DiffEntry): DiffEntryNode {
    return Object.assign(new DiffEntryNode(), { ...d });
  }
}

@ObjectType('ChangesetPreview', { description: 'A dry run: what the changeset would change, and everything that stops it.' })
export class ChangesetPreviewNode {
  @Field({ description: 'True when it could be applied as it is.' })
  valid!: boolean;

  @Field(() => Int, { description: 'The directory version now; applying needs it as expectedVersion.' })
  version!: number;

  @Field(() => [DiffEntryNode])
  diff!: DiffEntryNode[];

  @Field(() => [ViolationNode])
  violations!: ViolationNode[];

  @Field(() => [ViolationNode])
  warnings!: ViolationNode[];
}

@ObjectType('Changeset', { description: '分工调整: an applied re-division.' })
export class ChangesetNode {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: '文号' })
  document!: string | null;

  @Field(() => ID)
  decisionId!: string;

  @Field(() => LocalDateScalar)
  effectiveDate!: string;

  @Field(() => Int, { description: 'The directory version it produced.' })
  version!: number;

  @Field()
  appliedBy!: string;

  @Field()
  appliedAt!: string;

  @Field(() => [DiffEntryNode])
  diff!: DiffEntryNode[];

  @Field(() => [ViolationNode], { description: 'Warnings that did not stop it (e.g. 联系 of a government department).' })
  warnings!: ViolationNode[];
}

@ObjectType('AuditEvent', { description: 'One entry of the audit feed: who changed what, when, under which decision, before → after.' })
export class AuditEventNode {
  @Field(() => ID, { description: 'Position in the feed; increases with every write.' })
  seq!: string;

  @Field(() => ID)
  jurisdictionId!: string;

  @Field({ description: 'When (ISO 8601, UTC).' })
  at!: string;

  @Field()
  actor!: string;

  @Field(() => ID, { nullable: true, description: 'The token the write came with.' })
  tokenId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The person the write was made as or for: a scoped token’s leader or unit, or whom the office recorded for.' })
  personId!: string | null;

  @Field({ description: 'OPEN, CLOSE or RECORD.' })
  action!: string;

  @Field({ description: 'ASSIGNMENT, BACKUP, ABSENCE, MEETING, DECISION, KEY_TASK, PROGRESS_REPORT, DIRECTIVE or NOTIFICATION.' })
  entityType!: string;

  @Field(() => ID)
  entityId!: string;

  @Field(() => ID, { nullable: true })
  decisionId!: string | null;

  @Field(() => ID, { nullable: true })
  changesetId!: string | null;

  @Field(() => JSONResolver, { nullable: true })
  before!: unknown;

  @Field(() => JSONResolver, { nullable: true })
  after!: unknown;
}

@ObjectType('PortfolioChange', { description: 'A re-division just applied to a government (subscription payload).' })
export class PortfolioChangeNode {
  @Field(() => ID)
  jurisdictionId!: string;

  @Field(() => ID)
  changesetId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => LocalDateScalar)
  effectiveDate!: string;

  @Field(() => ID)
  decisionId!: string;
}

@ObjectType()
export class AuditEventConnection extends Connection(AuditEventNode, 'AuditEvent') {}
