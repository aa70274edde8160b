import fc from 'fast-check';
import { BadInputError, absenceOn, leadershipTeam, nextMeetingDue, quorumOf, suggestedAttendees } from '../../src/domain';
import type { AttendanceReasonCode, DirectoryFacts, GovernanceRules, MeetingCadence } from '../../src/domain';
import { AFTER, BEFORE } from './world';
import { CJ, LM, QF, SL, WQ, WY, ZM, ZT, ZW, facts } from './key-work-world';

type Row = [name: string, date: string, agenda: string[], leaders: [string, AttendanceReasonCode[]][], away: string[]];

describe('suggestedAttendees: attendance by topic (R11 会根据讨论的议题确定参会范围)', () => {
  it.each<Row>([
    // Before the re-division the team is eight (protocol: 张伟 李明 王强 钱峰 赵敏 陈静 孙力 周涛): quorum is five.
    ['education: its supervisor, the chair, then members for quorum in protocol order', BEFORE, ['dept:education'], [
      [ZW, ['PRESIDES']],
      [LM, ['QUORUM']],
      [WQ, ['QUORUM']],
      [QF, ['QUORUM']],
      [ZM, ['SUPERVISES_AGENDA_UNIT']],
    ], []],
    ['several units: their supervisors make the quorum themselves', BEFORE, ['dept:finance', 'dept:justice', 'dept:health', 'dept:housing'], [
      [ZW, ['PRESIDES']],
      [LM, ['SUPERVISES_AGENDA_UNIT']],
      [WQ, ['SUPERVISES_AGENDA_UNIT']],
      [QF, ['SUPERVISES_AGENDA_UNIT']],
      [CJ, ['SUPERVISES_AGENDA_UNIT']],
    ], []],
    ['a unit with two supervisors', BEFORE, ['dept:qingshi-subdistrict'], [
      [ZW, ['PRESIDES']],
      [LM, ['QUORUM']],
      [WQ, ['QUORUM']],
      [CJ, ['SUPERVISES_AGENDA_UNIT']],
      [SL, ['SUPERVISES_AGENDA_UNIT']],
    ], []],
    ['王强 away: his B角 comes for the justice bureau; the absent do not count for quorum', '2026-02-03', ['dept:justice'], [
      [ZW, ['PRESIDES']],
      [LM, ['QUORUM']],
      [QF, ['QUORUM']],
      [ZM, ['ACTS_FOR_SUPERVISOR']],
      [CJ, ['QUORUM']],
    ], [WQ]],
    ['王强 away: public security is excepted, the chair takes it', '2026-02-03', ['dept:public-security'], [
      [ZW, ['PRESIDES', 'ACTS_FOR_SUPERVISOR']],
      [LM, ['QUORUM']],
      [QF, ['QUORUM']],
      [ZM, ['QUORUM']],
      [CJ, ['QUORUM']],
    ], [WQ]],
    ['the head away: his B角 chairs and covers his audit bureau', '2026-06-02', ['dept:audit'], [
      [LM, ['PRESIDES', 'ACTS_FOR_SUPERVISOR']],
      [ZM, ['QUORUM']],
      [WQ, ['QUORUM']],
      [CJ, ['QUORUM']],
      [SL, ['QUORUM']],
    ], [ZW]],
    ['a vertical unit on the agenda: the leader who liaises with it', BEFORE, ['dept:tax'], [
      [ZW, ['PRESIDES']],
      [LM, ['LIAISES_WITH_AGENDA_UNIT']],
      [WQ, ['QUORUM']],
      [QF, ['QUORUM']],
      [ZM, ['QUORUM']],
    ], []],
    ['after the re-division: 吴越 supervises culture and tourism', AFTER, ['dept:culture-tourism'], [
      [ZW, ['PRESIDES']],
      [LM, ['QUORUM']],
      [ZM, ['QUORUM']],
      [WQ, ['QUORUM']],
      [WY, ['SUPERVISES_AGENDA_UNIT']],
    ], []],
  ])('%s', (_, date, departmentIds, leaders, away) => {
    const suggested = suggestedAttendees(facts, { date, departmentIds });
    expect(suggested.leaders.map((l) => [l.leaderId, l.reasons.map((r) => r.code)])).toEqual(leaders);
    expect(suggested.awayLeaderIds).toEqual(away);
    expect(suggested.quorum.met).toBe(true);
  });

  it('lists the agenda units’ heads to attend without a vote, each with the reason', () => {
    const suggested = suggestedAttendees(facts, { date: BEFORE, departmentIds: ['dept:education', 'dept:statistics', 'dept:nope', 'dept:grain', 'dept:education'] });
    expect(suggested.heads.map((h) => [h.unitName, h.headName, h.reason.code, h.reason.text])).toEqual([
      ['区教育局', '马丽', 'HEAD_OF_AGENDA_UNIT', '区教育局主要负责人马丽列席，汇报议题'],
      ['区统计局', null, 'HEAD_OF_AGENDA_UNIT', '区统计局主要负责人（未登记）列席，汇报议题'],
      ['区粮食局', '罗成', 'HEAD_OF_AGENDA_UNIT', '区粮食局主要负责人罗成列席，汇报议题'],
    ]);
    expect(suggested.unknownDepartmentIds).toEqual(['dept:nope']);
    expect(suggestedAttendees(facts, { date: AFTER, departmentIds: ['dept:grain'] }).unknownDepartmentIds).toEqual(['dept:grain']); // abolished
  });

  it('follows the government’s own quorum threshold', () => {
    const twoThirds: GovernanceRules = { ...facts.rules, quorumMoreThan: 2 / 3 };
    const suggested = suggestedAttendees(facts, { date: BEFORE, departmentIds: ['dept:education'] }, twoThirds);
    expect([suggested.leaders.map((l) => l.leaderId), suggested.quorum]).toEqual([
      [ZW, LM, WQ, QF, ZM, CJ],
      { present: 6, required: 6, teamSize: 8, met: true },
    ]);
  });

  it('says when quorum cannot be reached', () => {
    // Everyone but 张伟, 李明 and 周涛 is away on 2026-08-03.
    const summer: DirectoryFacts = {
      ...facts,
      absences: [...facts.absences, ...[WQ, ZM, CJ, SL, WY].map((leaderId) => ({ id: `absence:${leaderId}-summer`, leaderId, reason: '休假', designatedActorId: null, validFrom: '2026-08-03', validTo: '2026-08-04' }))],
    };
    const suggested = suggestedAttendees(summer, { date: '2026-08-03', departmentIds: [] });
    expect([suggested.leaders.map((l) => l.leaderId), suggested.quorum.met]).toEqual([[ZW, LM, ZT], false]);
  });

  const dates = ['2026-01-05', '2026-02-03', '2026-03-03', '2026-03-05', BEFORE, AFTER, '2026-05-12', '2026-06-02', '2026-07-07'];
  const units = facts.departments.map((d) => d.id);
  it('suggests only team members at their post, reaches quorum whenever enough are present, and includes every present supervisor (fast-check)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...dates), fc.subarray(units, { maxLength: 6 }), (date, departmentIds) => {
        const suggested = suggestedAttendees(facts, { date, departmentIds });
        const team = leadershipTeam(facts, date).map((m) => m.leader.id);
        const present = team.filter((id) => absenceOn(facts, id, date) === null);
        const ids = suggested.leaders.map((l) => l.leaderId);
        expect(ids.every((id) => present.includes(id))).toBe(true);
        expect(new Set(ids).size).toBe(ids.length);
        const { required } = quorumOf(facts, { id: 'm', jurisdictionId: facts.jurisdiction.id, kind: 'STANDING', number: null, date, votingAttendeeIds: present, nonVotingAttendees: [] });
        expect(suggested.quorum.met).toBe(present.length >= required);
        for (const departmentId of departmentIds) {
          for (const line of facts.assignments.filter((a) => a.kind === 'SUPERVISES' && a.departmentId === departmentId && a.validFrom <= date && (a.validTo === null || date < a.validTo))) {
            if (present.includes(line.leaderId)) expect(ids).toContain(line.leaderId);
          }
        }
      }),
    );
  });
});

describe('nextMeetingDue: how often the standing meeting is held (并确定下来多长时间开一次)', () => {
  const fortnightly: MeetingCadence = { kind: 'STANDING', everyDays: 14, source: '《青山区人民政府工作规则》第二十条' };
  it.each<[string, MeetingCadence, string, { lastMeetingId: string | null; dueOn: string; daysUntilDue: number; overdue: boolean }]>([
    ['five days after the third meeting', fortnightly, '2026-03-25', { lastMeetingId: 'meeting:2026-standing-3', dueOn: '2026-04-03', daysUntilDue: 9, overdue: false }],
    ['due on its last day', fortnightly, '2026-04-03', { lastMeetingId: 'meeting:2026-standing-3', dueOn: '2026-04-03', daysUntilDue: 0, overdue: false }],
    ['overdue the day after', fortnightly, '2026-04-04', { lastMeetingId: 'meeting:2026-standing-3', dueOn: '2026-04-03', daysUntilDue: -1, overdue: true }],
    ['on a meeting day, the next is counted from it', fortnightly, '2026-09-15', { lastMeetingId: 'meeting:2026-standing-9', dueOn: '2026-09-29', daysUntilDue: 14, overdue: false }],
    ['a planned meeting does not count before its day', fortnightly, '2026-09-14', { lastMeetingId: 'meeting:2026-standing-3', dueOn: '2026-04-03', daysUntilDue: -164, overdue: true }],
    ['no meeting yet: due now', fortnightly, '2025-12-31', { lastMeetingId: null, dueOn: '2025-12-31', daysUntilDue: 0, overdue: false }],
    ['plenary meetings every half year', { kind: 'PLENARY', everyDays: 182, source: null }, AFTER, { lastMeetingId: 'meeting:2026-plenary-1', dueOn: '2026-09-23', daysUntilDue: 161, overdue: false }],
  ])('%s', (_, cadence, asOf, expected) => {
    const due = nextMeetingDue(facts, cadence, asOf);
    expect({ lastMeetingId: due.lastMeetingId, dueOn: due.dueOn, daysUntilDue: due.daysUntilDue, overdue: due.overdue }).toEqual(expected);
  });

  it('explains itself', () => {
    expect(nextMeetingDue(facts, fortnightly, '2026-04-10').text).toBe(
      '上次为青山区政府第三次常务会议（2026-03-20），每14天召开一次（《青山区人民政府工作规则》第二十条），下次应于2026-04-03前召开，已逾期7天',
    );
  });

  it.each([0, -14, 1.5, Number.NaN])('refuses a cadence of %s days', (everyDays) => {
    expect(() => nextMeetingDue(facts, { ...fortnightly, everyDays }, AFTER)).toThrow(BadInputError);
  });

  it('refuses a bad date', () => {
    expect(() => nextMeetingDue(facts, fortnightly, '2026-02-30')).toThrow(BadInputError);
  });
});
