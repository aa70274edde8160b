// GraphQL read models of the directory. Nodes carry the fact they show and the date the parent query
// asked about (`asOf`), so nested time-dependent fields default to the same date.
import { createUnionType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MATCH_KINDS, type MatchKind } from '../../domain';
import type {
  AbsenceFact,
  AppointmentFact,
  AssignmentFact,
  BackupFact,
  DepartmentFact,
  JurisdictionFact,
  LeaderFact,
  PostFact,
  WorkAreaFact,
} from '../../domain';
import {
  ActingBasisEnum,
  AssignmentKindEnum,
  ChainFactKindEnum,
  DepartmentKindEnum,
  DirectionBasisEnum,
  JurisdictionLevelEnum,
  PostKindEnum,
  RefusalCodeEnum,
} from '../../graphql/enums';
import { LocalDateScalar } from '../../graphql/scalars';
import { Connection } from '../../graphql/connection';

@ObjectType('Jurisdiction', { description: 'A government at one level (省/市/区县/乡镇).' })
export class JurisdictionNode {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => JurisdictionLevelEnum)
  level!: JurisdictionFact['level'];

  parentId!: string | null;

  static of(fact: JurisdictionFact): JurisdictionNode {
    return Object.assign(new JurisdictionNode(), { id: fact.id, name: fact.name, level: fact.level, parentId: fact.parentId });
  }
}

@ObjectType('Post', { description: 'A position on the team; it exists whether or not someone holds it.' })
export class PostNode {
  @Field(() => ID)
  id!: string;

  @Field(() => PostKindEnum)
  kind!: PostFact['kind'];

  @Field()
  title!: string;

  static of(fact: PostFact): PostNode {
    return Object.assign(new PostNode(), { id: fact.id, kind: fact.kind, title: fact.title });
  }
}

@ObjectType('Appointment', { description: 'A leader holding a post over an interval.' })
export class AppointmentNode {
  @Field(() => ID)
  id!: string;

  @Field(() => PostNode)
  post!: PostNode;

  @Field({ description: 'True for an acting holder (代).' })
  acting!: boolean;

  @Field(() => LocalDateScalar)
  validFrom!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Exclusive end; null while in force.' })
  validTo!: string | null;

  @Field(() => String, { nullable: true, description: 'The 任免 document (people’s congress or party committee) that made it, when recorded.' })
  document!: string | null;

  static of(fact: AppointmentFact, post: PostFact): AppointmentNode {
    return Object.assign(new AppointmentNode(), {
      id: fact.id, post: PostNode.of(post), acting: fact.acting, validFrom: fact.validFrom, validTo: fact.validTo, document: fact.document ?? null,
    });
  }
}

@ObjectType('Leader', { description: 'A person on a leadership team (班子成员).' })
export class LeaderNode {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  jurisdictionId!: string;

  @Field(() => LocalDateScalar, { description: 'The date this object was asked about; nested fields default to it.' })
  asOf!: string;

  static of(fact: LeaderFact, asOf: string): LeaderNode {
    return Object.assign(new LeaderNode(), { id: fact.id, name: fact.name, jurisdictionId: fact.jurisdictionId, asOf });
  }
}

@ObjectType('DepartmentHead', { description: '主要负责人: the person at the end of every accountability chain.' })
export class DepartmentHead {
  @Field(() => String, { nullable: true })
  name!: string | null;

  /** Read through DepartmentFieldResolver.head, which shows it to EDITOR and above only. */
  contact!: string | null;
}

@ObjectType('Department', { description: 'A unit: a government department, or an outside unit that is liaised with.' })
export class DepartmentNode {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => DepartmentKindEnum)
  kind!: DepartmentFact['kind'];

  @Field(() => [String], { description: 'Other names: short forms, 挂牌 names.' })
  aliases!: string[];

  @Field(() => DepartmentHead)
  head!: DepartmentHead;

  @Field(() => LocalDateScalar)
  validFrom!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  validTo!: string | null;

  jurisdictionId!: string;

  @Field(() => LocalDateScalar)
  asOf!: string;

  static of(fact: DepartmentFact, asOf: string): DepartmentNode {
    return Object.assign(new DepartmentNode(), {
      id: fact.id, name: fact.name, kind: fact.kind, aliases: [...fact.aliases],
      head: { name: fact.headName, contact: fact.headContact },
      validFrom: fact.validFrom, validTo: fact.validTo, jurisdictionId: fact.jurisdictionId, asOf,
    });
  }
}

@ObjectType('WorkArea', { description: '工作领域: a field of work (财政, 审计, 安全生产 …).' })
export class WorkAreaNode {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => [String])
  aliases!: string[];

  jurisdictionId!: string;

  @Field(() => LocalDateScalar)
  asOf!: string;

  static of(fact: WorkAreaFact, asOf: string): WorkAreaNode {
    return Object.assign(new WorkAreaNode(), {
      id: fact.id, name: fact.name, aliases: [...fact.aliases], jurisdictionId: fact.jurisdictionId, asOf,
    });
  }
}

@ObjectType('PortfolioLine', { description: 'One line of a portfolio (主持/负责/分管/联系/协助/牵头协调) over an interval.' })
export class PortfolioLineNode {
  @Field(() => ID)
  id!: string;

  @Field(() => AssignmentKindEnum)
  kind!: AssignmentFact['kind'];

  @Field(() => String, { nullable: true, description: 'For COORDINATES: the matter coordinated.' })
  subject!: string | null;

  @Field(() => String, { nullable: true, description: '文号 of the notice that made this line.' })
  document!: string | null;

  @Field(() => String, { nullable: true, description: 'The decision that made this line, when recorded.' })
  decisionId!: string | null;

  @Field(() => LocalDateScalar)
  validFrom!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Exclusive end; null while in force.' })
  validTo!: string | null;

  fact!: AssignmentFact;
  asOf!: string;

  static of(fact: AssignmentFact, asOf: string): PortfolioLineNode {
    return Object.assign(new PortfolioLineNode(), {
      id: fact.id, kind: fact.kind, subject: fact.subject, document: fact.document, decisionId: fact.decisionId,
      validFrom: fact.validFrom, validTo: fact.validTo, fact, asOf,
    });
  }
}

@ObjectType('Absence', { description: 'A leader away over an interval.' })
export class AbsenceNode {
  @Field(() => ID)
  id!: string;

  @Field()
  reason!: string;

  @Field(() => LocalDateScalar)
  validFrom!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  validTo!: string | null;

  fact!: AbsenceFact;
  jurisdictionId!: string;
  asOf!: string;

  static of(fact: AbsenceFact, jurisdictionId: string, asOf: string): AbsenceNode {
    return Object.assign(new AbsenceNode(), {
      id: fact.id, reason: fact.reason, validFrom: fact.validFrom, validTo: fact.validTo, fact, jurisdictionId, asOf,
    });
  }
}

@ObjectType('Backup', { description: 'AB角: `backup` (B) acts for `leader` (A) while A is away.' })
export class BackupNode {
  @Field(() => ID)
  id!: string;

  @Field(() => LocalDateScalar)
  validFrom!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  validTo!: string | null;

  fact!: BackupFact;
  jurisdictionId!: string;
  asOf!: string;

  static of(fact: BackupFact, asOf: string): BackupNode {
    return Object.assign(new BackupNode(), {
      id: fact.id, validFrom: fact.validFrom, validTo: fact.validTo, fact, jurisdictionId: fact.jurisdictionId, asOf,
    });
  }
}

@ObjectType('ChainStep', { description: 'One fact in an explanation.' })
export class ChainStepNode {
  @Field(() => ChainFactKindEnum)
  kind!: string;

  @Field(() => String, { nullable: true, description: 'Id of the cited fact; null for a rule.' })
  factId!: string | null;

  @Field({ description: 'The fact in words.' })
  text!: string;
}

@ObjectType('CoverException', { description: 'A line the backup does not take over, and who takes it instead.' })
export class CoverExceptionNode {
  @Field(() => ID)
  targetId!: string;

  @Field(() => LeaderNode, { nullable: true })
  actor!: LeaderNode | null;
}

@ObjectType('ActingCover', { description: 'Who acts for an absent leader on a date (AB角, R5).' })
export class ActingCoverNode {
  @Field(() => LeaderNode)
  absentLeader!: LeaderNode;

  @Field(() => AbsenceNode)
  absence!: AbsenceNode;

  @Field(() => LeaderNode, { nullable: true, description: 'Null when nobody can act (uncovered).' })
  actor!: LeaderNode | null;

  @Field(() => ActingBasisEnum, { nullable: true })
  basis!: string | null;

  @Field(() => [ChainStepNode])
  chain!: ChainStepNode[];

  @Field(() => [CoverExceptionNode])
  exceptions!: CoverExceptionNode[];
}

@ObjectType('DirectionVerdict', { description: 'The answer to "may this leader direct this unit on this date?", with its proof.' })
export class DirectionVerdictNode {
  @Field()
  allowed!: boolean;

  @Field(() => DirectionBasisEnum, { nullable: true, description: 'Set when allowed.' })
  basis!: string | null;

  @Field(() => RefusalCodeEnum, { nullable: true, description: 'Set when refused.' })
  code!: string | null;

  @Field()
  reason!: string;

  @Field(() => [ChainStepNode])
  chain!: ChainStepNode[];

  @Field(() => LeaderNode)
  leader!: LeaderNode;

  @Field(() => DepartmentNode)
  department!: DepartmentNode;

  @Field(() => LocalDateScalar)
  asOf!: string;

  @Field({ description: 'The leader is away on that date; someone acts for him.' })
  away!: boolean;

  @Field(() => LeaderNode, { nullable: true, description: 'With basis ACTING_FOR: the absent leader stood in for.' })
  actingFor!: LeaderNode | null;
}

@ObjectType('DirectionGrant', { description: 'A leader who may direct a unit, with his strongest basis.' })
export class DirectionGrantNode {
  @Field(() => LeaderNode)
  leader!: LeaderNode;

  @Field(() => DirectionBasisEnum)
  basis!: string;

  @Field({ description: 'True for the primary line (分管, R1).' })
  primary!: boolean;

  @Field()
  reason!: string;

  @Field(() => [ChainStepNode])
  chain!: ChainStepNode[];

  @Field()
  away!: boolean;

  @Field(() => LeaderNode, { nullable: true })
  actingFor!: LeaderNode | null;
}

@ObjectType('Overseer', { description: 'A leader with a line to a unit or work area.' })
export class OverseerNode {
  @Field(() => LeaderNode)
  leader!: LeaderNode;

  @Field(() => AssignmentKindEnum)
  relation!: string;

  @Field({ description: 'True for 联系 (LIAISES_WITH): coordination only, no direction.' })
  liaison!: boolean;

  @Field(() => PortfolioLineNode)
  line!: PortfolioLineNode;

  @Field({ description: 'The holder is away on that date.' })
  away!: boolean;

  @Field(() => LeaderNode, { nullable: true, description: 'Set when this leader acts for the absent holder of the line.' })
  actingFor!: LeaderNode | null;
}

export const OversightTargetUnion = createUnionType({
  name: 'OversightTarget',
  description: 'What a keyword matched: a unit or a work area.',
  types: () => [DepartmentNode, WorkAreaNode] as const,
  resolveType: (value) => ('kind' in value ? DepartmentNode : WorkAreaNode),
});

export const MatchKindEnum = Object.fromEntries(MATCH_KINDS.map((k) => [k, k])) as { [K in MatchKind]: K };
registerEnumType(MatchKindEnum, {
  name: 'MatchKind',
  description: 'Why a search found a unit or work area, strongest first as ranked.',
  valuesConfig: {
    NAME: { description: 'Its own name' },
    ALIAS: { description: 'An alias in the data (short form, 挂牌 name)' },
    SHORT_FORM: { description: 'A standard short form or name of its kind (人社局, 林草局), from the shipped vocabulary' },
    TOPIC: { description: 'A topic of its kind’s work in its 三定 (殡葬, 非遗, 学区划分), from the shipped vocabulary' },
    PINYIN: { description: 'The pinyin, in full or by initials, of a name, short form, topic or leader (shenji, sjj)' },
    LEADER: { description: 'A leader’s name: a unit or work area he oversees or acts for' },
    HEAD: { description: 'A question for the unit’s head (…局长, …主任) or the head’s name; see target.head' },
  },
});

@ObjectType('OversightMatch', { description: 'A unit or work area that matches a search, why, and who oversees it.' })
export class OversightMatchNode {
  @Field(() => OversightTargetUnion)
  target!: DepartmentNode | WorkAreaNode;

  @Field(() => JurisdictionNode, { description: 'The government the target belongs to (a search over several governments mixes them).' })
  jurisdiction!: JurisdictionNode;

  @Field({ description: 'The term that matched: the name, alias, short form, topic, or the leader’s or head’s name.' })
  matchedName!: string;

  @Field(() => MatchKindEnum, { description: 'Why it matched; results come best first (exact name > short form > alias > topic > pinyin).' })
  matchedBy!: MatchKind;

  @Field(() => Int, { description: 'How closely matchedName matched: 3 exact, 2 it contains the keyword (a topic: starts with it), 1 the keyword contains it.' })
  score!: number;

  @Field(() => [OverseerNode])
  overseers!: OverseerNode[];
}

@ObjectType('MatrixCell', { description: 'One line in the leaders × units matrix.' })
export class MatrixCellNode {
  @Field(() => LeaderNode)
  leader!: LeaderNode;

  @Field(() => DepartmentNode, { nullable: true })
  department!: DepartmentNode | null;

  @Field(() => WorkAreaNode, { nullable: true })
  workArea!: WorkAreaNode | null;

  @Field(() => AssignmentKindEnum)
  kind!: string;

  @Field(() => PortfolioLineNode)
  line!: PortfolioLineNode;

  @Field({ description: 'An ASSISTS line whose principal no longer holds the target.' })
  orphaned!: boolean;
}

@ObjectType('PortfolioMatrix', { description: 'Leaders (protocol order) × units and work areas, on a date.' })
export class PortfolioMatrixNode {
  @Field(() => JurisdictionNode)
  jurisdiction!: JurisdictionNode;

  @Field(() => LocalDateScalar)
  asOf!: string;

  @Field(() => [LeaderNode])
  leaders!: LeaderNode[];

  @Field(() => [DepartmentNode], { description: 'Government-line units first, then outside units.' })
  departments!: DepartmentNode[];

  @Field(() => [WorkAreaNode])
  workAreas!: WorkAreaNode[];

  @Field(() => [MatrixCellNode])
  cells!: MatrixCellNode[];
}

@ObjectType('LeaderLoad', { description: 'How many lines of each kind a leader holds on a date.' })
export class LeaderLoadNode {
  @Field(() => LeaderNode)
  leader!: LeaderNode;

  @Field(() => Int) presides!: number;
  @Field(() => Int) responsibleFor!: number;
  @Field(() => Int) supervises!: number;
  @Field(() => Int) liaisesWith!: number;
  @Field(() => Int) assists!: number;
  @Field(() => Int) coordinates!: number;
  @Field(() => Int) total!: number;
}

@ObjectType('CoverageOverlap', { description: 'A unit with more than one supervising leader.' })
export class CoverageOverlapNode {
  @Field(() => DepartmentNode)
  department!: DepartmentNode;

  @Field(() => [LeaderNode])
  leaders!: LeaderNode[];
}

@ObjectType('Coverage', { description: 'R10: gaps, overlaps, load and absences on a date.' })
export class CoverageNode {
  @Field(() => JurisdictionNode)
  jurisdiction!: JurisdictionNode;

  @Field(() => LocalDateScalar)
  asOf!: string;

  @Field(() => [DepartmentNode], { description: 'Government departments with no supervising leader.' })
  gaps!: DepartmentNode[];

  @Field(() => [CoverageOverlapNode])
  overlaps!: CoverageOverlapNode[];

  @Field(() => [LeaderLoadNode], { description: 'In protocol order.' })
  load!: LeaderLoadNode[];

  @Field(() => [ActingCoverNode], { description: 'Every team member away on that date, and who acts.' })
  absences!: ActingCoverNode[];

  @Field(() => [ActingCoverNode], { description: 'Absent leaders whose AB partner cannot act (no partner, or away too).' })
  absentWithoutCover!: ActingCoverNode[];

  @Field(() => [DepartmentNode], { description: 'Outside units nobody liaises with.' })
  unliaisedExternalUnits!: DepartmentNode[];

  @Field(() => [PortfolioLineNode], { description: 'ASSISTS lines whose principal no longer holds the target.' })
  orphanedAssists!: PortfolioLineNode[];
}

@ObjectType()
export class LeaderConnection extends Connection(LeaderNode, 'Leader') {}
@ObjectType()
export class DepartmentConnection extends Connection(DepartmentNode, 'Department') {}
@ObjectType()
export class JurisdictionConnection extends Connection(JurisdictionNode, 'Jurisdiction') {}
@ObjectType()
export class PortfolioLineConnection extends Connection(PortfolioLineNode, 'PortfolioLine') {}
@ObjectType()
export class DirectionGrantConnection extends Connection(DirectionGrantNode, 'DirectionGrant') {}
@ObjectType()
export class OversightMatchConnection extends Connection(OversightMatchNode, 'OversightMatch') {
  @Field(() => Int, {
    description:
      'Every match across all pages. A country-wide search (no jurisdictionId, no withinJurisdictionId) computes it only when selected, by searching every candidate government: costly — leave it out to page cheaply.',
  })
  declare totalCount: number;

  @Field(() => Int, {
    description:
      'A country-wide search: how many governments the name index named as candidates (a unit, work area or leader holds one of the text’s keywords) — exact, every one of them is searched as you page. With jurisdictionId or withinJurisdictionId: the governments searched.',
  })
  governmentsMatched!: number;

  @Field(() => Int, { description: 'How many governments this page searched (one, a subtree, or — country-wide — the candidates this page looked into, in id order).' })
  governmentsSearched!: number;

  @Field({
    description:
      'A country-wide search: true when candidate governments remain after those this page searched (there may be more matches: follow pageInfo.endCursor) — never a silent cap. A page searches at most 2 × (first + 1) candidates (at least 16, at most 128): one that reaches them before `first` matches ends early (fewer edges, possibly none, hasNextPage true), and its endCursor resumes after the last government it searched. False with jurisdictionId or withinJurisdictionId, which search all their governments.',
  })
  moreGovernments!: boolean;
}
