// Pure: the plain, read-only facts the rules work on. Services map entities to these; the domain
// never sees an entity. Dates are ISO calendar dates ('YYYY-MM-DD'); intervals are half-open
// [validFrom, validTo) and validTo === null means "still in force".
import type { AssignmentKind, DecisionCategory, DepartmentKind, JurisdictionLevel, LineageKind, MeetingKind, PostKind } from './vocabulary';

export type IsoDate = string;

export interface Interval {
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
}

export interface JurisdictionFact {
  readonly id: string;
  readonly name: string;
  readonly level: JurisdictionLevel;
  readonly parentId: string | null;
}

/** A person on (or once on) the leadership team. */
export interface LeaderFact {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly name: string;
}

/** A position that exists independently of its holder (Popolo Post). */
export interface PostFact {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly kind: PostKind;
  readonly title: string;
}

/** A leader holds a post over an interval; `acting` for 代区长 and the like. */
export interface AppointmentFact extends Interval {
  readonly id: string;
  readonly leaderId: string;
  readonly postId: string;
  readonly acting: boolean;
  /** The 任免 document that made it (people's congress or party committee), when recorded. */
  readonly document?: string | null;
}

export interface DepartmentFact extends Interval {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly name: string;
  readonly kind: DepartmentKind;
  /** Other names it is known by: short forms, 挂牌 names, former names. */
  readonly aliases: readonly string[];
  readonly headName: string | null;
  readonly headContact: string | null;
}

export interface WorkAreaFact {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

/**
 * One portfolio line. Targets by kind:
 * PRESIDES → none (the government itself); RESPONSIBLE_FOR → workAreaId; SUPERVISES / LIAISES_WITH → departmentId;
 * ASSISTS → principalId plus departmentId or workAreaId; COORDINATES → subject (and optionally a unit or area).
 */
export interface AssignmentFact extends Interval {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly leaderId: string;
  readonly kind: AssignmentKind;
  readonly departmentId: string | null;
  readonly workAreaId: string | null;
  readonly principalId: string | null;
  readonly subject: string | null;
  /** The 文号 of the notice that made this line, if any. */
  readonly document: string | null;
  /** The decision that made this line, if recorded. */
  readonly decisionId: string | null;
}

/** AB角: `backupId` (B) acts for `leaderId` (A) while A is away, except for the listed units/areas. */
export interface BackupFact extends Interval {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly leaderId: string;
  readonly backupId: string;
  /** Department or work-area ids whose lines are never handed to B (they go to the presiding leader). */
  readonly exceptTargetIds: readonly string[];
  /** The decision that set this pair, if recorded (R7: setting a backup is a change to the division of labour). */
  readonly decisionId: string | null;
}

/** A is away over [validFrom, validTo); the office may designate who acts. */
export interface AbsenceFact extends Interval {
  readonly id: string;
  readonly leaderId: string;
  readonly reason: string;
  readonly designatedActorId: string | null;
}

/** Protocol order (排序) in force over an interval: leader ids, first to last. Not authority. */
export interface TeamOrderFact extends Interval {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly leaderIds: readonly string[];
}

/** Everything the rules need about one government, all history included; filtered by date in the rules. */
export interface DirectoryFacts {
  readonly jurisdiction: JurisdictionFact;
  readonly leaders: readonly LeaderFact[];
  readonly posts: readonly PostFact[];
  readonly appointments: readonly AppointmentFact[];
  readonly departments: readonly DepartmentFact[];
  readonly workAreas: readonly WorkAreaFact[];
  readonly assignments: readonly AssignmentFact[];
  readonly backups: readonly BackupFact[];
  readonly absences: readonly AbsenceFact[];
  readonly teamOrders: readonly TeamOrderFact[];
  readonly meetings: readonly MeetingFact[];
  readonly decisions: readonly DecisionFact[];
  /** The units' lineage (机构改革), by date, then id. Facts made from a dataset hold none: a file's lineage travels beside it. */
  readonly lineage: readonly LineageFact[];
  readonly rules: GovernanceRules;
}

/** One step of a unit's lineage: on `date` the predecessor became (part of) the successor. */
export interface LineageFact {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly kind: LineageKind;
  readonly predecessorId: string;
  /** Null for an abolished unit whose work nobody takes over; the unit itself for a RENAME. */
  readonly successorId: string | null;
  readonly date: IsoDate;
  readonly document: string | null;
  /** RENAME: the name before. */
  readonly formerName: string | null;
}

/** A meeting of the government (常务会议 / 全体会议 / 党组会议) and who attended. */
export interface MeetingFact {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly kind: MeetingKind;
  /** 第X次 — the meeting's number in its series, as written. */
  readonly number: string | null;
  readonly date: IsoDate;
  /** Team members present with a vote; they alone count towards the quorum. */
  readonly votingAttendeeIds: readonly string[];
  /** 列席: present without a vote (department heads, other officials), by name. */
  readonly nonVotingAttendees: readonly string[];
}

/** A decision taken at a meeting (决定), with its minutes number (纪要号). */
export interface DecisionFact {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly meetingId: string;
  readonly category: DecisionCategory;
  readonly text: string;
  readonly minutesNumber: string | null;
  /**
   * R7 binds: the 文号 of the one re-division (分工调整方案) this decision approved, e.g. 青政发〔2026〕30号; null when
   * the minutes name none (then it can carry no re-division). Other categories leave it null.
   */
  readonly approvesDocument: string | null;
}

/** A re-division already applied, as far as R7 needs it: which decision it used, under which 文号. */
export interface DecisionUse {
  readonly changesetId: string;
  readonly decisionId: string;
  readonly document: string | null;
}

/** "More than half of the team, any meeting kind": what applies where a government recorded no rules of its own. */
export const DEFAULT_GOVERNANCE_RULES: GovernanceRules = { quorumMoreThan: 0.5, meetingKindsByCategory: {}, source: null, decisionMaxAgeDays: 90 };

/**
 * A government's own rules of procedure (工作规则) on collective decisions. Defaults: quorum is more than
 * half of the team's voting members on the meeting date; any meeting kind may decide any category.
 */
export interface GovernanceRules {
  /** Present voting members must be more than this fraction of the team (0.5 = "more than half"). */
  readonly quorumMoreThan: number;
  /** For each category, the meeting kinds that may decide it; a category not listed may be decided by any kind. */
  readonly meetingKindsByCategory: Readonly<Partial<Record<DecisionCategory, readonly MeetingKind[]>>>;
  /** The local rule these settings come from, e.g. 《江州市青川区人民政府工作规则》第十二条. */
  readonly source: string | null;
  /** A decision older than this many days (meeting date → signing date) is stale and carries nothing (default 90). */
  readonly decisionMaxAgeDays: number;
  /**
   * R11 "并确定下来多长时间开一次": how often each standing kind of meeting is held (e.g. 常务会议 every 14 days), with
   * the rule it comes from; nextMeetingDue reads them. Absent or empty: no cadence recorded.
   */
  readonly cadences?: readonly { readonly kind: MeetingKind; readonly everyDays: number; readonly source: string | null }[];
}
