// Pure: no I/O, no clock. Implements R11 (会根据讨论的议题确定参会范围): who should attend a meeting on given agenda
// units, each with a reason, and when the next standing meeting is due by the government's cadence.
import type { DirectoryFacts, GovernanceRules, IsoDate, MeetingFact } from './facts';
import { covers, daysBetween, isIsoDate } from './interval';
import { compareBy, compareText } from './order';
import { describeMeeting, leaderName } from './describe';
import { leadershipTeam, presidingOn } from './team';
import { isGovernmentLine, linesForDepartment } from './portfolio';
import { absenceOn, actingCover, actorForLine } from './acting';
import { quorumOf } from './collective-decision';
import { BadInputError } from './errors';

export const ATTENDANCE_REASONS = [
  'PRESIDES',
  'SUPERVISES_AGENDA_UNIT',
  'ACTS_FOR_SUPERVISOR',
  'LIAISES_WITH_AGENDA_UNIT',
  'QUORUM',
  'HEAD_OF_AGENDA_UNIT',
] as const;
/** Why someone is suggested: he presides (or acts for the presiding leader), supervises or acts for the supervisor of an agenda unit, liaises with one, is needed for quorum, or heads an agenda unit (列席). */
export type AttendanceReasonCode = (typeof ATTENDANCE_REASONS)[number];

export interface AttendanceReason {
  readonly code: AttendanceReasonCode;
  /** The agenda unit the reason concerns, if any. */
  readonly departmentId: string | null;
  /** With ACTS_FOR_SUPERVISOR (and PRESIDES by a stand-in): the absent leader. */
  readonly actingForId: string | null;
  readonly text: string;
}

/** A team member suggested with a vote. */
export interface SuggestedLeader {
  readonly leaderId: string;
  readonly name: string;
  readonly reasons: readonly AttendanceReason[];
}

/** An agenda unit's head, suggested to attend without a vote (列席). */
export interface SuggestedHead {
  readonly departmentId: string;
  readonly unitName: string;
  /** Null when the directory does not know the unit's head. */
  readonly headName: string | null;
  readonly reason: AttendanceReason;
}

export interface SuggestedAttendance {
  readonly date: IsoDate;
  /** Voting members, in protocol order; all are on the team and at their post on the date. */
  readonly leaders: readonly SuggestedLeader[];
  readonly heads: readonly SuggestedHead[];
  /** Team members the agenda concerns who are away that day (their stand-ins are suggested instead). */
  readonly awayLeaderIds: readonly string[];
  /** The quorum of a meeting of exactly the suggested leaders (R7's count). */
  readonly quorum: { readonly present: number; readonly required: number; readonly teamSize: number; readonly met: boolean };
  /** Agenda ids that are no unit of this government active on the date. */
  readonly unknownDepartmentIds: readonly string[];
}

/**
 * Who should attend a meeting on `date` about the agenda units (R11). docs/rules.md R11: the team members needed for
 * quorum + the leaders who supervise the departments on the agenda + those departments' heads. Seed: "会根据工作的需要和讨论的议题确定参会范围".
 *
 * Voting members, each with every reason that applies: the presiding leader (PRESIDES; if he is away, whoever acts for
 * him, R5); each SUPERVISES holder of an agenda unit (SUPERVISES_AGENDA_UNIT; if he is away, whoever acts for that line,
 * ACTS_FOR_SUPERVISOR, exceptions honoured); for an agenda unit outside the government line, the leaders who liaise
 * with it (LIAISES_WITH_AGENDA_UNIT); then, while a meeting of those would miss its quorum (R7, `rules`' threshold;
 * people away do not count), further team members at their post in protocol order (QUORUM). Non-voting: each agenda
 * unit's head (HEAD_OF_AGENDA_UNIT), name null when unknown.
 *
 * @example suggestedAttendees(facts, { date: '2026-03-16', departmentIds: ['dept:education'] }).leaders.map((l) => l.name) // ['张伟', '赵敏', …]
 */
export function suggestedAttendees(
  facts: DirectoryFacts,
  agenda: { readonly date: IsoDate; readonly departmentIds: readonly string[] },
  rules: GovernanceRules = facts.rules,
): SuggestedAttendance {
  const { date } = agenda;
  const withRules: DirectoryFacts = rules === facts.rules ? facts : { ...facts, rules };
  const team = leadershipTeam(facts, date);
  const reasons = new Map<string, AttendanceReason[]>();
  const away: string[] = [];
  const suggest = (leaderId: string | null, reason: AttendanceReason): void => {
    if (leaderId === null || absenceOn(facts, leaderId, date) !== null || !team.some((m) => m.leader.id === leaderId)) return;
    const list = reasons.get(leaderId) ?? [];
    if (!list.some((r) => r.code === reason.code && r.departmentId === reason.departmentId)) list.push(reason);
    reasons.set(leaderId, list);
  };
  const noteAway = (leaderId: string): void => {
    if (!away.includes(leaderId)) away.push(leaderId);
  };

  const presiding = presidingOn(facts, date);
  if (presiding !== null) {
    const cover = actingCover(facts, presiding.leaderId, date);
    if (cover === null) {
      suggest(presiding.leaderId, reason('PRESIDES', null, null, `${leaderName(facts, presiding.leaderId)}主持政府全面工作，召集和主持会议`));
    } else {
      noteAway(presiding.leaderId);
      suggest(cover.actorId, reason('PRESIDES', null, presiding.leaderId, `${leaderName(facts, presiding.leaderId)}不在岗，由其代行主持会议（R5）`));
    }
  }

  const unknown: string[] = [];
  const heads: SuggestedHead[] = [];
  for (const departmentId of [...new Set(agenda.departmentIds)]) {
    const unit = facts.departments.find((d) => d.id === departmentId && d.jurisdictionId === facts.jurisdiction.id);
    if (unit === undefined || !covers(unit, date)) {
      unknown.push(departmentId);
      continue;
    }
    for (const line of linesForDepartment(facts, unit.id, date)) {
      const holder = leaderName(facts, line.leaderId);
      if (line.kind === 'SUPERVISES') {
        const actor = actorForLine(facts, line, date);
        if (actor === null) {
          suggest(line.leaderId, reason('SUPERVISES_AGENDA_UNIT', unit.id, null, `${holder}分管议题涉及的${unit.name}`));
        } else {
          noteAway(line.leaderId);
          suggest(actor.actorId, reason('ACTS_FOR_SUPERVISOR', unit.id, line.leaderId, `${holder}不在岗，代行其分管的${unit.name}工作（R5）`));
        }
      } else if (line.kind === 'LIAISES_WITH' && !isGovernmentLine(unit.kind)) {
        suggest(line.leaderId, reason('LIAISES_WITH_AGENDA_UNIT', unit.id, null, `${holder}联系议题涉及的${unit.name}（R4）`));
      }
    }
    const headName = unit.headName === null || unit.headName.trim() === '' ? null : unit.headName;
    heads.push({
      departmentId: unit.id,
      unitName: unit.name,
      headName,
      reason: reason('HEAD_OF_AGENDA_UNIT', unit.id, null, `${unit.name}${headName === null ? '主要负责人（未登记）' : `主要负责人${headName}`}列席，汇报议题`),
    });
  }

  const probe = (ids: readonly string[]): MeetingFact => ({
    id: 'meeting:(suggested)',
    jurisdictionId: facts.jurisdiction.id,
    kind: 'STANDING',
    number: null,
    date,
    votingAttendeeIds: ids,
    nonVotingAttendees: [],
  });
  for (const member of team) {
    if (quorumOf(withRules, probe([...reasons.keys()])).met) break;
    if (reasons.has(member.leader.id) || absenceOn(facts, member.leader.id, date) !== null) continue;
    suggest(member.leader.id, reason('QUORUM', null, null, `凑足法定人数（R7）`));
  }
  const rank = new Map(team.map((m) => [m.leader.id, m.rank]));
  const leaders = [...reasons.entries()]
    .sort(([a], [b]) => compareBy((rank.get(a) ?? 0) - (rank.get(b) ?? 0), compareText(a, b)))
    .map(([leaderId, list]) => ({ leaderId, name: leaderName(facts, leaderId), reasons: list }));
  const quorum = quorumOf(withRules, probe(leaders.map((l) => l.leaderId)));
  return {
    date,
    leaders,
    heads,
    awayLeaderIds: away,
    quorum: { present: quorum.present, required: quorum.required, teamSize: quorum.teamSize, met: quorum.met },
    unknownDepartmentIds: unknown,
  };
}

function reason(code: AttendanceReasonCode, departmentId: string | null, actingForId: string | null, text: string): AttendanceReason {
  return { code, departmentId, actingForId, text };
}

/** How often a government holds a kind of meeting, from its own rules (工作规则), e.g. 常务会议每两周召开一次. */
export interface MeetingCadence {
  readonly kind: MeetingFact['kind'];
  readonly everyDays: number;
  readonly source: string | null;
}

export interface NextMeetingDue {
  /** The last meeting of the kind on or before `asOf`; null when none is recorded. */
  readonly lastMeetingId: string | null;
  readonly lastDate: IsoDate | null;
  /** lastDate + everyDays; `asOf` itself when none was ever held (it is due now). */
  readonly dueOn: IsoDate;
  /** Days from asOf to dueOn (negative when overdue). */
  readonly daysUntilDue: number;
  readonly overdue: boolean;
  readonly text: string;
}

/**
 * When the next meeting of the cadence's kind is due, as of `asOf` ("并确定下来多长时间开一次"): the last such meeting
 * of this government on or before asOf plus `everyDays`; overdue when asOf is after that day. Meetings dated after
 * asOf (planned) do not count. @throws BadInputError for a cadence that is not a whole number of days ≥ 1, or a bad date.
 *
 * @example nextMeetingDue(facts, { kind: 'STANDING', everyDays: 14, source: null }, '2026-03-25') // { lastDate: '2026-03-20', dueOn: '2026-04-03', overdue: false, … }
 */
export function nextMeetingDue(facts: DirectoryFacts, cadence: MeetingCadence, asOf: IsoDate): NextMeetingDue {
  if (!Number.isInteger(cadence.everyDays) || cadence.everyDays < 1) {
    throw new BadInputError(`会议周期须为不少于1天的整数天数（现为${cadence.everyDays}）`, { everyDays: cadence.everyDays });
  }
  if (!isIsoDate(asOf)) throw new BadInputError(`不是有效日期：${asOf}`, { asOf });
  const last = facts.meetings
    .filter((m) => m.jurisdictionId === facts.jurisdiction.id && m.kind === cadence.kind && m.date <= asOf)
    .sort((a, b) => compareBy(compareText(a.date, b.date), compareText(a.id, b.id)))
    .at(-1);
  const dueOn = last === undefined ? asOf : addDays(last.date, cadence.everyDays);
  const daysUntilDue = daysBetween(asOf, dueOn);
  const source = cadence.source === null ? '' : `（${cadence.source}）`;
  const text =
    last === undefined
      ? `尚无会议记录，应尽快召开${source}`
      : `上次为${describeMeeting(facts, last)}，每${cadence.everyDays}天召开一次${source}，下次应于${dueOn}前召开${daysUntilDue < 0 ? `，已逾期${-daysUntilDue}天` : ''}`;
  return { lastMeetingId: last?.id ?? null, lastDate: last?.date ?? null, dueOn, daysUntilDue, overdue: daysUntilDue < 0, text };
}

/**
 * The ISO date `days` days after `date` (before, when negative), by calendar arithmetic in UTC (no time zone enters).
 *
 * @example addDays('2026-12-25', 14) // '2027-01-08'
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

