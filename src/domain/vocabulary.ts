// Pure: the closed vocabularies of the division-of-labour domain (the glossary in docs/domain.md).
// String-literal unions with runtime lists, so GraphQL enums and tests can enumerate them.

export const POST_KINDS = ['HEAD', 'EXECUTIVE_DEPUTY', 'DEPUTY', 'PARTY_GROUP_MEMBER', 'SECRETARY_GENERAL'] as const;
/** 区长 / 常务副区长 / 副区长 / 党组成员 / 秘书长 (a person may hold several posts at once). */
export type PostKind = (typeof POST_KINDS)[number];

export const DEPARTMENT_KINDS = [
  'CONSTITUENT',
  'AFFILIATED',
  'AGENCY',
  'SUBDISTRICT',
  'VERTICAL',
  'JUDICIAL',
  'MASS_ORGANIZATION',
  'STATE_ENTERPRISE',
] as const;
/** 组成部门, 直属机构, 派出机构, 街道/乡镇 | 垂直管理单位, 法院/检察院, 人民团体, 国企. */
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/** Kinds a leader may direct (R3); the others are only liaised with (R4). */
export const GOVERNMENT_LINE_KINDS: readonly DepartmentKind[] = ['CONSTITUENT', 'AFFILIATED', 'AGENCY', 'SUBDISTRICT'];

export const ASSIGNMENT_KINDS = ['PRESIDES', 'RESPONSIBLE_FOR', 'SUPERVISES', 'LIAISES_WITH', 'ASSISTS', 'COORDINATES'] as const;
/** 主持全面工作 / 负责 / 分管 / 联系 / 协助 / 牵头协调. */
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

export const JURISDICTION_LEVELS = ['NATION', 'PROVINCE', 'CITY', 'DISTRICT', 'COUNTY', 'TOWNSHIP'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];

export const DIRECTION_BASES = ['SUPERVISES', 'ASSISTS', 'HEAD', 'ACTING_FOR', 'GENERAL_AUTHORITY'] as const;
/**
 * Why a leader may direct a unit (R6), in order of precedence: the primary line (R1) first,
 * then 协助 under a principal, 全面领导 (R2), standing in for an absent partner (R5), and the
 * general authority of every deputy and party-group member (R3).
 */
export type DirectionBasis = (typeof DIRECTION_BASES)[number];

export const REFUSAL_CODES = [
  'NOT_IN_TEAM',
  'UNIT_NOT_ACTIVE',
  'OTHER_JURISDICTION',
  'OUTSIDE_GOVERNMENT_LINE',
  'NO_AUTHORITY',
] as const;
/** Why "may L direct U on D?" is answered no. */
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export const ACTING_BASES = ['BACKUP', 'DESIGNATED', 'PRESIDING'] as const;
/** Who stands in for an absent leader (R5): the AB partner, the person the office designated, or the presiding leader. */
export type ActingBasis = (typeof ACTING_BASES)[number];

export const CHAIN_FACT_KINDS = ['APPOINTMENT', 'ASSIGNMENT', 'ABSENCE', 'BACKUP', 'DEPARTMENT', 'RULE'] as const;
/** The kind of fact a step of an explanation chain cites. */
export type ChainFactKind = (typeof CHAIN_FACT_KINDS)[number];

export const MEETING_KINDS = ['STANDING', 'PLENARY', 'PARTY_GROUP'] as const;
/** 常务会议 / 全体会议 / 党组会议. */
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const DECISION_CATEGORIES = [
  'DIVISION_OF_LABOUR',
  'MAJOR_DECISION',
  'KEY_APPOINTMENT',
  'MAJOR_PROJECT',
  'LARGE_FUND',
  'ROUTINE',
] as const;
/**
 * What a decision is about: a change to the division of labour (分工调整), one of the four 三重一大 kinds
 * (重大决策, 重要人事任免, 重大项目安排, 大额资金使用), or routine business.
 */
export type DecisionCategory = (typeof DECISION_CATEGORIES)[number];

/** The categories that must be decided collectively at a quorate meeting (R7). */
export const COLLECTIVE_CATEGORIES: readonly DecisionCategory[] = [
  'DIVISION_OF_LABOUR',
  'MAJOR_DECISION',
  'KEY_APPOINTMENT',
  'MAJOR_PROJECT',
  'LARGE_FUND',
];

export const MATCH_KINDS = ['NAME', 'ALIAS', 'SHORT_FORM', 'TOPIC', 'PINYIN', 'LEADER', 'HEAD'] as const;
/**
 * Why a search found a unit or work area: its own name, an alias in the data, a standard short form or name of its
 * kind, a topic of its kind's work (三定), the pinyin of one of those, a leader's name (what he oversees), or a
 * question for a unit's head (…局长, or the head's name).
 */
export type MatchKind = (typeof MATCH_KINDS)[number];

export const CHANGE_OPS = ['ASSIGN', 'END', 'MOVE', 'SET_BACKUP', 'END_BACKUP'] as const;
/** One item of a re-division (分工调整): open a line, end one, move one to another leader, set or end an AB pair. */
export type ChangeOp = (typeof CHANGE_OPS)[number];

export const LINEAGE_KINDS = ['MERGE', 'SPLIT', 'RENAME', 'ABOLISH'] as const;
/** 机构改革: merged into / split off into / renamed / abolished (its functions possibly transferred to a successor). */
export type LineageKind = (typeof LINEAGE_KINDS)[number];
