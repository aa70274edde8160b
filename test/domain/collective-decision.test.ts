import { checkCollectiveDecision, quorumOf } from '../../src/domain';
import type { DecisionCategory, DirectoryFacts, MeetingFact } from '../../src/domain';
import { FUTURE, J, REDIVISION, localRules, meetingById, world } from './world';

// A variant world: 吴越 joins the party group on 2026-03-01, so the team has nine members in March.
const nineMembers: DirectoryFacts = {
  ...world,
  appointments: [
    ...world.appointments,
    { id: 'appt:wu-yue-party', leaderId: 'leader:wu-yue', postId: 'post:party-group-1', acting: false, validFrom: '2026-03-01', validTo: REDIVISION },
  ],
};

// A variant world whose rules ask for more than two thirds.
const twoThirds: DirectoryFacts = { ...world, rules: { quorumMoreThan: 2 / 3, meetingKindsByCategory: {}, source: null } };

// A variant world with 青山区's own rules of procedure (re-divisions only by standing or party-group meetings).
const withLocalRules: DirectoryFacts = { ...world, rules: localRules };

// A variant world holding a decision of the city government, and one whose meeting was never recorded.
const withStrayDecisions: DirectoryFacts = {
  ...world,
  decisions: [
    ...world.decisions,
    { id: 'decision:jiangcheng-standing-12', jurisdictionId: 'jurisdiction:jiangcheng', meetingId: 'meeting:jiangcheng-standing-12', category: 'DIVISION_OF_LABOUR', text: '研究调整市政府领导分工', minutesNumber: null },
    { id: 'decision:unrecorded-meeting', jurisdictionId: J, meetingId: 'meeting:never-recorded', category: 'DIVISION_OF_LABOUR', text: '研究调整区政府领导分工', minutesNumber: null },
  ],
};

const standing3 = meetingById('meeting:2026-standing-3');
const attending = (...ids: string[]): MeetingFact => ({ ...standing3, votingAttendeeIds: ids });

describe('quorumOf (R7): more than half of the team on the meeting date', () => {
  it.each([
    ['all eight', world, meetingById('meeting:2026-standing-1'), { present: 8, teamSize: 8, required: 5, met: true }],
    ['exactly half is not enough (a duplicate and a non-member do not count)', world, meetingById('meeting:2026-standing-2'), { present: 4, teamSize: 8, required: 5, met: false }],
    ['five of eight is more than half', world, standing3, { present: 5, teamSize: 8, required: 5, met: true }],
    ['after the re-division the team is eight again (吴越 counts, 钱峰 would not)', world, meetingById('meeting:2026-standing-9'), { present: 6, teamSize: 8, required: 5, met: true }],
    ['nine members: five is more than half', nineMembers, standing3, { present: 5, teamSize: 9, required: 5, met: true }],
    ['nine members: four is not', nineMembers, attending('leader:zhang-wei', 'leader:li-ming', 'leader:wang-qiang', 'leader:zhao-min'), { present: 4, teamSize: 9, required: 5, met: false }],
    ['nine members: 吴越 counts once he is on the team', nineMembers, attending('leader:zhang-wei', 'leader:li-ming', 'leader:wang-qiang', 'leader:zhao-min', 'leader:wu-yue'), { present: 5, teamSize: 9, required: 5, met: true }],
    ['a former member and a stranger do not count', world, attending('leader:zhang-wei', 'leader:li-ming', 'leader:wang-qiang', 'leader:zhao-min', 'leader:wu-yue', 'leader:nobody'), { present: 4, teamSize: 8, required: 5, met: false }],
    ['the same member listed five times counts once', world, attending('leader:li-ming', 'leader:li-ming', 'leader:li-ming', 'leader:li-ming', 'leader:li-ming'), { present: 1, teamSize: 8, required: 5, met: false }],
    ['more than two thirds of eight: five is not enough', twoThirds, standing3, { present: 5, teamSize: 8, required: 6, met: false }],
    ['more than two thirds of eight: six is', twoThirds, meetingById('meeting:2026-standing-9'), { present: 6, teamSize: 8, required: 6, met: true }],
    ['a meeting before the team was formed has no quorum', world, { ...standing3, date: '2025-12-01' }, { present: 0, teamSize: 0, required: 1, met: false }],
  ] as const)('%s', (_, facts, meeting, expected) => {
    expect(quorumOf(facts, meeting)).toEqual(expected);
  });
});

describe('checkCollectiveDecision (R7 集体领导、民主集中、个别酝酿、会议决定; R5: no signing on acting powers)', () => {
  const request = (
    decisionId: string | null,
    effectiveDate: string,
    issuedById: string | null = null,
    category: DecisionCategory = 'DIVISION_OF_LABOUR',
  ) => ({ decisionId, category, effectiveDate, issuedById });

  it.each([
    // allowed
    ['the quorate standing meeting carries the re-division', world, request('decision:2026-standing-3', REDIVISION), []],
    ['signed by the presiding leader', world, request('decision:2026-standing-3', REDIVISION, 'leader:zhang-wei'), []],
    ['decided on the effective date itself', world, request('decision:2026-standing-9', '2026-09-15'), []],
    ['a future-dated change decided in advance', world, request('decision:2026-standing-9', FUTURE), []],
    ['any meeting kind may decide by default', world, request('decision:2026-plenary-1', REDIVISION), []],
    ['a standing meeting under the local rules', withLocalRules, request('decision:2026-standing-3', REDIVISION), []],
    ['routine business needs no decision', world, request(null, REDIVISION, null, 'ROUTINE'), []],
    ['signed by a deputy who acts for nobody', world, request('decision:2026-standing-3', '2026-06-02', 'leader:wang-qiang'), []],
    ['signed by the B once the head is back', world, request('decision:2026-standing-3', '2026-06-04', 'leader:li-ming'), []],
    // refused
    ['no decision: one person cannot change the division of labour', world, request(null, REDIVISION), ['COLLECTIVE_DECISION_REQUIRED']],
    ['an unknown decision', world, request('decision:nope', REDIVISION), ['COLLECTIVE_DECISION_REQUIRED']],
    ['a 三重一大 matter with no decision', world, request(null, REDIVISION, null, 'MAJOR_PROJECT'), ['COLLECTIVE_DECISION_REQUIRED']],
    ["the city's decision", withStrayDecisions, request('decision:jiangcheng-standing-12', REDIVISION), ['UNKNOWN_REFERENCE']],
    ['a decision whose meeting is not recorded', withStrayDecisions, request('decision:unrecorded-meeting', REDIVISION), ['UNKNOWN_REFERENCE']],
    ['a routine decision cited for a re-division', world, request('decision:2026-standing-3-routine', REDIVISION), ['DECISION_CATEGORY_MISMATCH']],
    ['a re-division decision cited for a major project', world, request('decision:2026-standing-3', REDIVISION, null, 'MAJOR_PROJECT'), ['DECISION_CATEGORY_MISMATCH']],
    ['a plenary meeting under the local rules', withLocalRules, request('decision:2026-plenary-1', REDIVISION), ['MEETING_KIND_NOT_ALLOWED']],
    ['a meeting without quorum', world, request('decision:2026-standing-2', REDIVISION), ['QUORUM_NOT_MET']],
    ['the same meeting under stricter rules', twoThirds, request('decision:2026-standing-3', REDIVISION), ['QUORUM_NOT_MET']],
    ['decided after the change took effect', world, request('decision:2026-standing-9', REDIVISION), ['DECISION_AFTER_EFFECTIVE_DATE']],
    ['no quorum and too late', world, request('decision:2026-standing-2', '2026-02-01'), ['QUORUM_NOT_MET', 'DECISION_AFTER_EFFECTIVE_DATE']],
    ['routine and too late', world, request('decision:2026-standing-3-routine', '2026-03-01'), ['DECISION_CATEGORY_MISMATCH', 'DECISION_AFTER_EFFECTIVE_DATE']],
    ['signed by the B standing in for the absent head', world, request('decision:2026-standing-3', '2026-06-02', 'leader:li-ming'), ['ACTING_POWERS_EXCLUDED']],
    ['a 三重一大 matter signed on acting powers, with no decision', world, request(null, '2026-06-02', 'leader:li-ming', 'LARGE_FUND'), ['COLLECTIVE_DECISION_REQUIRED', 'ACTING_POWERS_EXCLUDED']],
    ['signed by someone who left the team', world, request('decision:2026-standing-9', FUTURE, 'leader:qian-feng'), ['NOT_IN_TEAM']],
    ['signed by a stranger', world, request('decision:2026-standing-9', FUTURE, 'leader:nobody'), ['UNKNOWN_REFERENCE']],
  ] as const)('%s', (_, facts, req, codes) => {
    const violations = checkCollectiveDecision(facts, req);
    expect(violations.map((v) => v.code)).toEqual(codes);
    expect(violations.every((v) => v.itemIndex === null)).toBe(true);
  });

  it('says in Chinese why, with names spelled out', () => {
    expect(checkCollectiveDecision(world, request(null, REDIVISION)).map((v) => v.message)).toEqual([
      '未引用会议决定：调整分工须经会议集体研究决定，一人不能调整分工（R7）',
    ]);
    expect(checkCollectiveDecision(withLocalRules, request('decision:2026-plenary-1', REDIVISION)).map((v) => v.message)).toEqual([
      '分工调整须由常务会议或党组会议研究决定（《青山区人民政府工作规则》第十二条），所引用的决定「研究区政府领导班子成员分工调整」是青山区政府第一次全体会议（2026-03-25）作出的（R7）',
    ]);
    expect(checkCollectiveDecision(world, request('decision:2026-standing-3', '2026-06-02', 'leader:li-ming')).map((v) => v.message)).toEqual([
      '张伟在2026-06-02不在岗，李明代行其工作；代行不含“三重一大”事项和分工调整，李明不能签发分工调整（R5）',
    ]);
  });

  it('QUORUM_NOT_MET carries the count', () => {
    const [violation] = checkCollectiveDecision(world, request('decision:2026-standing-2', REDIVISION));
    expect(violation.details).toEqual({
      decisionId: 'decision:2026-standing-2',
      meetingId: 'meeting:2026-standing-2',
      present: 4,
      required: 5,
      teamSize: 8,
    });
    expect(violation.message).toBe(
      '青山区政府第二次常务会议（2026-02-10）班子成员应到8人、实到4人，未达到法定人数（须至少5人），其决定不能作为分工调整的依据（R7）',
    );
  });
});
