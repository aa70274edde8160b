// The single place that registers the domain's vocabularies as GraphQL enums.
import { registerEnumType } from 'type-graphql';
import {
  ACTING_BASES,
  ASSIGNMENT_KINDS,
  CHAIN_FACT_KINDS,
  CHANGE_OPS,
  DECISION_CATEGORIES,
  DEPARTMENT_KINDS,
  DIRECTION_BASES,
  JURISDICTION_LEVELS,
  MEETING_KINDS,
  POST_KINDS,
  REFUSAL_CODES,
} from '../domain';

function enumObject<const K extends string>(values: readonly K[]): { [P in K]: P } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [P in K]: P };
}

export const PostKindEnum = enumObject(POST_KINDS);
export const DepartmentKindEnum = enumObject(DEPARTMENT_KINDS);
export const AssignmentKindEnum = enumObject(ASSIGNMENT_KINDS);
export const JurisdictionLevelEnum = enumObject(JURISDICTION_LEVELS);
export const DirectionBasisEnum = enumObject(DIRECTION_BASES);
export const RefusalCodeEnum = enumObject(REFUSAL_CODES);
export const ActingBasisEnum = enumObject(ACTING_BASES);
export const ChainFactKindEnum = enumObject(CHAIN_FACT_KINDS);
export const MeetingKindEnum = enumObject(MEETING_KINDS);
export const DecisionCategoryEnum = enumObject(DECISION_CATEGORIES);
export const ChangeOpEnum = enumObject(CHANGE_OPS);

registerEnumType(PostKindEnum, {
  name: 'PostKind',
  description: 'Kind of post on the leadership team.',
  valuesConfig: {
    HEAD: { description: '区长 / 代区长 (the head; acting when 代)' },
    EXECUTIVE_DEPUTY: { description: '常务副区长' },
    DEPUTY: { description: '副区长' },
    PARTY_GROUP_MEMBER: { description: '党组成员' },
    SECRETARY_GENERAL: { description: '秘书长 / 办公室主任' },
  },
});
registerEnumType(DepartmentKindEnum, {
  name: 'DepartmentKind',
  description: 'Kind of unit. The first four are in the government line and may be directed; the others are liaised with.',
  valuesConfig: {
    CONSTITUENT: { description: '组成部门' },
    AFFILIATED: { description: '直属机构' },
    AGENCY: { description: '派出机构' },
    SUBDISTRICT: { description: '街道 / 乡镇' },
    VERTICAL: { description: '垂直管理单位 (liaised with, not directed)' },
    JUDICIAL: { description: '法院 / 检察院 (liaised with, not directed)' },
    MASS_ORGANIZATION: { description: '人民团体 (liaised with, not directed)' },
    STATE_ENTERPRISE: { description: '国有企业 (liaised with, not directed)' },
  },
});
registerEnumType(AssignmentKindEnum, {
  name: 'AssignmentKind',
  description: 'Kind of portfolio line.',
  valuesConfig: {
    PRESIDES: { description: '主持全面工作 (exactly one leader at any time)' },
    RESPONSIBLE_FOR: { description: '负责 a work area' },
    SUPERVISES: { description: '分管 a unit: the primary line of direction' },
    LIAISES_WITH: { description: '联系 a unit: coordination only, no direction' },
    ASSISTS: { description: '协助 a principal on a unit or work area; holds only while the principal holds it' },
    COORDINATES: { description: '牵头协调 a cross-portfolio matter' },
  },
});
registerEnumType(JurisdictionLevelEnum, { name: 'JurisdictionLevel', description: 'Level of government.' });
registerEnumType(DirectionBasisEnum, {
  name: 'DirectionBasis',
  description: 'Why a leader may direct a unit, strongest first.',
  valuesConfig: {
    SUPERVISES: { description: 'R1: the leader supervises (分管) the unit' },
    ASSISTS: { description: 'The leader assists (协助) the unit’s principal on it' },
    HEAD: { description: 'R2: the head (区长, acting or not) leads all work' },
    ACTING_FOR: { description: 'R5: the leader stands in (AB角) for the absent supervising leader' },
    GENERAL_AUTHORITY: { description: 'R3: every deputy head and party-group member may direct any government department' },
  },
});
registerEnumType(RefusalCodeEnum, {
  name: 'RefusalCode',
  description: 'Why a leader may not direct a unit.',
  valuesConfig: {
    NOT_IN_TEAM: { description: 'The person holds no post on the team on that date' },
    UNIT_NOT_ACTIVE: { description: 'The unit did not exist on that date' },
    OTHER_JURISDICTION: { description: 'The unit belongs to another government' },
    OUTSIDE_GOVERNMENT_LINE: { description: 'R4: vertical, judicial, mass-organisation and state-enterprise units are liaised with, never directed' },
    NO_AUTHORITY: { description: 'The post carries no authority to direct (e.g. a secretary-general)' },
  },
});
registerEnumType(ActingBasisEnum, {
  name: 'ActingBasis',
  description: 'Who acts for an absent leader (R5).',
  valuesConfig: {
    BACKUP: { description: 'The AB partner (B角)' },
    DESIGNATED: { description: 'The person the government office designated' },
    PRESIDING: { description: 'The presiding leader, when nobody else can' },
  },
});
registerEnumType(ChainFactKindEnum, { name: 'ChainFactKind', description: 'Kind of fact cited in an explanation.' });
registerEnumType(MeetingKindEnum, {
  name: 'MeetingKind',
  description: 'Kind of meeting.',
  valuesConfig: {
    STANDING: { description: '常务会议' },
    PLENARY: { description: '全体会议' },
    PARTY_GROUP: { description: '党组会议' },
  },
});
registerEnumType(DecisionCategoryEnum, {
  name: 'DecisionCategory',
  description: 'What a decision is about. All but ROUTINE must be taken collectively at a quorate meeting (R7).',
  valuesConfig: {
    DIVISION_OF_LABOUR: { description: '分工调整: a change to the division of labour' },
    MAJOR_DECISION: { description: '三重一大: 重大决策' },
    KEY_APPOINTMENT: { description: '三重一大: 重要人事任免' },
    MAJOR_PROJECT: { description: '三重一大: 重大项目安排' },
    LARGE_FUND: { description: '三重一大: 大额资金使用' },
    ROUTINE: { description: 'Routine business' },
  },
});
registerEnumType(ChangeOpEnum, {
  name: 'ChangeOp',
  description: 'What one item of a re-division does.',
  valuesConfig: {
    ASSIGN: { description: 'Open a portfolio line' },
    END: { description: 'End a portfolio line on the effective date' },
    MOVE: { description: 'Hand a portfolio line to another leader' },
    SET_BACKUP: { description: 'Set (or replace) a leader’s B角' },
    END_BACKUP: { description: 'End an AB pair' },
  },
});
