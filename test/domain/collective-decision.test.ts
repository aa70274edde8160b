import { checkActingPowers, checkCollectiveDecision, checkDecisionRecord, checkMeetingAttendance, quorumOf, recordedDecisionUses } from '../../src/domain';
import type { DecisionCategory, DecisionUse, DirectoryFacts, IsoDate, MeetingFact } from '../../src/domain';
import { DOC_2026_1, DOC_2026_5, DOC_2026_20, FUTURE, J, REDIVISION, localRules, meetingById, world } from './world';

// A variant world: 吴越 joins the party group on 2026-03-01, so the team has nine members in March.
const nineMembers: DirectoryFacts = {
  ...world,
  appointments: [
    ...world.appointments,
    { id: 'appt:wu-yue-party', leaderId: 'leader:wu-yue', postId: 'post:party-group-1', acting: false, validFrom: '2026-03-01', validTo: REDIVISION },
  ],
};

// A variant world whose rules ask for more than two thirds.
const twoThirds: DirectoryFacts = { ...world, rules: { quorumMoreThan: 2 / 3, meetingKindsByCategory: {}, source: null, decisionMaxAgeDays: 90 } };

// A variant world in which 陈静 was away on the day of the third standing meeting, though the minutes list her.
const chenJingAwayOnMarch20: DirectoryFacts = {
  ...world,
  absences: [...world.absences, { id: 'absence:chen-jing-march-20', leaderId: 'leader:chen-jing', reason: '赴市里开会', designatedActorId: null, validFrom: '2026-03-19', validTo: '2026-03-21' }],
};

// A variant world whose rules let a decision stand for ten days only.
const tenDays: DirectoryFacts = { ...world, rules: { ...world.rules, decisionMaxAgeDays: 10 } };

// A variant world in which 李明 takes over presiding on 2026-05-01 (a new team; decisions may stand for a year).
const newPresidingLeader: DirectoryFacts = {
  ...world,
  rules: { ...world.rules, decisionMaxAgeDays: 365 },
  assignments: [
    ...world.assignments.map((a) => (a.id === 'line:zhang-wei-presides' ? { ...a, validTo: '2026-05-01' } : a)),
    { ...world.assignments.find((a) => a.id === 'line:zhang-wei-presides')!, id: 'line:li-ming-presides', leaderId: 'leader:li-ming', validFrom: '2026-05-01', validTo: null },
  ],
};

// A variant world with a re-division decision whose minutes name no approved proposal.
const withOpenDecision: DirectoryFacts = {
  ...world,
  decisions: [...world.decisions, { id: 'decision:2026-standing-3-open', jurisdictionId: J, meetingId: 'meeting:2026-standing-3', category: 'DIVISION_OF_LABOUR', text: '研究调整分工', minutesNumber: null, approvesDocument: null }],
};

// A variant world with 青山区's own rules of procedure (re-divisions only by standing or party-group meetings).
const withLocalRules: DirectoryFacts = { ...world, rules: localRules };

// A variant world holding a decision of the city government, and one whose meeting was never recorded.
const withStrayDecisions: DirectoryFacts = {
  ...world,
  decisions: [
    ...world.decisions,
    { id: 'decision:jiangcheng-standing-12', jurisdictionId: 'jurisdiction:jiangcheng', meetingId: 'meeting:jiangcheng-standing-12', category: 'DIVISION_OF_LABOUR', text: '研究调整市政府领导分工', minutesNumber: null, approvesDocument: null },
    { id: 'decision:unrecorded-meeting', jurisdictionId: J, meetingId: 'meeting:never-recorded', category: 'DIVISION_OF_LABOUR', text: '研究调整区政府领导分工', minutesNumber: null, approvesDocument: null },
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
    ['an attendee away that day does not count, whatever the minutes say', chenJingAwayOnMarch20, standing3, { present: 4, teamSize: 8, required: 5, met: false }],
    ['王强 listed at a meeting during his trip does not count', world, { ...standing3, date: '2026-02-03' }, { present: 4, teamSize: 8, required: 5, met: false }],
  ] as const)('%s', (_, facts, meeting, expected) => {
    expect(quorumOf(facts, meeting)).toEqual(expected);
  });
});

describe('checkCollectiveDecision (R7 集体领导、民主集中、个别酝酿、会议决定; R5: no signing on acting powers)', () => {
  const approvedBy = (decisionId: string | null) => world.decisions.find((d) => d.id === decisionId)?.approvesDocument ?? null;
  // Recorded data (an import): no signing step, the document is the one the decision approved, nothing used yet.
  const request = (
    decisionId: string | null,
    effectiveDate: string,
    issuedById: string | null = null,
    category: DecisionCategory = 'DIVISION_OF_LABOUR',
  ) => ({ decisionId, category, effectiveDate, issuedById, signedOn: null, document: approvedBy(decisionId), uses: [] as DecisionUse[] });
  // A change being signed today (`signedOn`) by `issuedById`.
  const signed = (decisionId: string | null, effectiveDate: IsoDate, signedOn: IsoDate, issuedById: string | null, patch: { document?: string | null; uses?: DecisionUse[] } = {}) => ({
    ...request(decisionId, effectiveDate, issuedById),
    signedOn,
    ...patch,
  });
  const used: DecisionUse = { changesetId: 'changeset:2026-04-01-a1', decisionId: 'decision:2026-standing-3', document: DOC_2026_5 };

  it.each([
    // allowed
    ['the quorate standing meeting carries the re-division', world, request('decision:2026-standing-3', REDIVISION), []],
    ['signed by the presiding leader', world, request('decision:2026-standing-3', REDIVISION, 'leader:zhang-wei'), []],
    ['decided on the effective date itself', world, request('decision:2026-standing-9', '2026-09-15'), []],
    ['a future-dated change decided in advance', world, request('decision:2026-standing-9', FUTURE), []],
    ['any meeting kind may decide by default', world, request('decision:2026-plenary-1', REDIVISION), []],
    ['a standing meeting under the local rules', withLocalRules, request('decision:2026-standing-3', REDIVISION), []],
    ['routine business needs no decision', world, request(null, REDIVISION, null, 'ROUTINE'), []],
    ['signed today by the presiding leader, effective later', world, signed('decision:2026-standing-3', REDIVISION, '2026-03-25', 'leader:zhang-wei'), []],
    ['signed on the effective date itself', world, signed('decision:2026-standing-9', '2026-09-20', '2026-09-20', 'leader:zhang-wei'), []],
    ['exactly ninety days old', world, signed('decision:2026-standing-9', '2026-12-20', '2026-12-14', 'leader:zhang-wei'), []],
    ['the head, back from his meeting, signs', world, signed('decision:2026-standing-3', '2026-06-10', '2026-06-04', 'leader:zhang-wei'), []],
    ['a decision of the new presiding leader’s own team', newPresidingLeader, signed('decision:2026-standing-9', FUTURE, '2026-09-20', 'leader:li-ming', { document: DOC_2026_20 }), []],
    // refused: the decision
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
    ['a quorum counted with an attendee who was away', chenJingAwayOnMarch20, request('decision:2026-standing-3', REDIVISION), ['QUORUM_NOT_MET']],
    ['decided after the change took effect', world, request('decision:2026-standing-9', REDIVISION), ['DECISION_AFTER_EFFECTIVE_DATE']],
    ['no quorum and too late', world, request('decision:2026-standing-2', '2026-02-01'), ['QUORUM_NOT_MET', 'DECISION_AFTER_EFFECTIVE_DATE']],
    ['routine and too late', world, request('decision:2026-standing-3-routine', '2026-03-01'), ['DECISION_CATEGORY_MISMATCH', 'DECISION_AFTER_EFFECTIVE_DATE']],
    ['a meeting that has not yet been held', world, signed('decision:2026-standing-9', FUTURE, '2026-09-01', 'leader:zhang-wei'), ['MEETING_NOT_HELD']],
    ['ninety-one days old on the signing date', world, signed('decision:2026-standing-9', '2026-12-20', '2026-12-15', 'leader:zhang-wei'), ['DECISION_STALE']],
    ['older than this government’s ten days', tenDays, signed('decision:2026-standing-3', REDIVISION, '2026-03-31', 'leader:zhang-wei'), ['DECISION_STALE']],
    ['an import of a line that starts long after its decision', world, request('decision:2026-standing-1', '2026-06-01'), ['DECISION_STALE']],
    ['the previous presiding leader’s decision', newPresidingLeader, signed('decision:2026-standing-3', '2026-05-20', '2026-05-10', 'leader:li-ming'), ['DECISION_STALE']],
    ['a changeset under another 文号 than the one approved', world, signed('decision:2026-standing-3', REDIVISION, '2026-03-25', 'leader:zhang-wei', { document: '青政发〔2026〕99号' }), ['DECISION_SCOPE_MISMATCH']],
    ['a changeset with no 文号', world, signed('decision:2026-standing-3', REDIVISION, '2026-03-25', 'leader:zhang-wei', { document: null }), ['DECISION_SCOPE_MISMATCH']],
    ['a decision that approved no proposal', withOpenDecision, signed('decision:2026-standing-3-open', REDIVISION, '2026-03-25', 'leader:zhang-wei', { document: DOC_2026_5 }), ['DECISION_SCOPE_MISMATCH']],
    ['a decision already used by an applied re-division', world, signed('decision:2026-standing-3', REDIVISION, '2026-03-25', 'leader:zhang-wei', { uses: [used] }), ['DECISION_ALREADY_USED']],
    ['another decision’s use does not count', world, signed('decision:2026-standing-9', FUTURE, '2026-09-20', 'leader:zhang-wei', { uses: [used] }), []],
    // refused: the signatory
    ['signed by the B standing in for the absent head', world, request('decision:2026-standing-3', '2026-06-02', 'leader:li-ming'), ['ACTING_POWERS_EXCLUDED']],
    ['signed today by the B standing in for the absent head', world, signed('decision:2026-standing-3', '2026-06-10', '2026-06-02', 'leader:li-ming'), ['ACTING_POWERS_EXCLUDED']],
    ['a 三重一大 matter signed on acting powers, with no decision', world, request(null, '2026-06-02', 'leader:li-ming', 'LARGE_FUND'), ['COLLECTIVE_DECISION_REQUIRED', 'ACTING_POWERS_EXCLUDED']],
    ['signed by someone who left the team', world, request('decision:2026-standing-9', FUTURE, 'leader:qian-feng'), ['NOT_IN_TEAM']],
    ['signed by a stranger', world, request('decision:2026-standing-9', FUTURE, 'leader:nobody'), ['UNKNOWN_REFERENCE']],
    ['signed by a deputy who acts for nobody', world, request('decision:2026-standing-3', '2026-06-02', 'leader:wang-qiang'), ['SIGNATORY_NOT_PRESIDING']],
    ['signed by the B once the head is back', world, request('decision:2026-standing-3', '2026-06-04', 'leader:li-ming'), ['SIGNATORY_NOT_PRESIDING']],
    ['applied with no signatory', world, signed('decision:2026-standing-3', REDIVISION, '2026-03-25', null), ['SIGNATORY_REQUIRED']],
    ['signed by the presiding leader on a day he is away', world, signed('decision:2026-standing-3', '2026-06-10', '2026-06-02', 'leader:zhang-wei'), ['SIGNATORY_ABSENT']],
    ['signed after it took effect (no back-dating)', world, signed('decision:2026-standing-3', REDIVISION, '2026-04-02', 'leader:zhang-wei'), ['SIGNED_AFTER_EFFECTIVE_DATE']],
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

describe('checkMeetingAttendance (R7: quorum is counted from who was really there)', () => {
  it.each([
    ['the whole team, present', '2026-01-01', ['leader:zhang-wei', 'leader:li-ming', 'leader:qian-feng'], []],
    ['吴越 before he joins the team', '2026-02-10', ['leader:zhang-wei', 'leader:wu-yue'], [[1, 'ATTENDEE_NOT_IN_TEAM']]],
    ['钱峰 after he left it', '2026-04-15', ['leader:qian-feng'], [[0, 'ATTENDEE_NOT_IN_TEAM']]],
    ['a stranger', '2026-04-15', ['leader:zhang-wei', 'leader:nobody'], [[1, 'ATTENDEE_NOT_IN_TEAM']]],
    ['王强 during his trip', '2026-02-03', ['leader:zhang-wei', 'leader:wang-qiang'], [[1, 'ATTENDEE_ABSENT']]],
    ['王强 on the day he is back', '2026-02-06', ['leader:wang-qiang'], []],
    ['陈静 and 孙力, both away', '2026-03-05', ['leader:chen-jing', 'leader:sun-li', 'leader:li-ming'], [[0, 'ATTENDEE_ABSENT'], [1, 'ATTENDEE_ABSENT']]],
  ] as const)('%s', (_, date, votingAttendeeIds, expected) => {
    const found = checkMeetingAttendance(world, { date, votingAttendeeIds });
    expect(found.map((v) => [v.itemIndex, v.code])).toEqual(expected);
  });

  it('says who and why, in Chinese', () => {
    expect(checkMeetingAttendance(world, { date: '2026-02-03', votingAttendeeIds: ['leader:wang-qiang'] })[0].message).toBe(
      '第1名表决出席人王强在2026-02-03不在岗（出差，2026-02-02至2026-02-06），不能登记为出席（R7）',
    );
  });
});

describe('checkDecisionRecord: a meeting that has not yet happened decides nothing', () => {
  it.each([
    ['the day after', '2026-09-16', []],
    ['the day itself', '2026-09-15', []],
    ['the day before', '2026-09-14', ['MEETING_NOT_HELD']],
  ] as const)('%s', (_, today, codes) => {
    expect(checkDecisionRecord(world, meetingById('meeting:2026-standing-9'), today).map((v) => v.code)).toEqual(codes);
  });
});

describe('recordedDecisionUses: the lines of the recorded division show which decisions were used', () => {
  it('lists each decision once per 文号', () => {
    expect(recordedDecisionUses(world).map((u) => [u.decisionId, u.document])).toEqual([
      ['decision:2026-standing-1', DOC_2026_1],
      ['decision:2026-standing-3', DOC_2026_5],
    ]);
  });
});

describe('checkActingPowers (R5): acting powers stop short of 三重一大', () => {
  it.each([
    ['赵敏, acting for 王强 on 区司法局, on a large fund', 'leader:zhao-min', 'dept:justice', 'LARGE_FUND', '2026-02-03', ['ACTING_POWERS_EXCLUDED']],
    ['… on a major project', 'leader:zhao-min', 'dept:justice', 'MAJOR_PROJECT', '2026-02-03', ['ACTING_POWERS_EXCLUDED']],
    ['… on routine business', 'leader:zhao-min', 'dept:justice', 'ROUTINE', '2026-02-03', []],
    ['赵敏 on her own 区教育局', 'leader:zhao-min', 'dept:education', 'LARGE_FUND', '2026-02-03', []],
    ['赵敏 on 区司法局 once 王强 is back (general authority only)', 'leader:zhao-min', 'dept:justice', 'LARGE_FUND', '2026-02-10', []],
    ['the head on the excepted public-security line: R2 is his own', 'leader:zhang-wei', 'dept:public-security', 'LARGE_FUND', '2026-02-03', []],
  ] as const)('%s', (_, actorId, departmentId, category, on, codes) => {
    expect(checkActingPowers(world, { actorId, departmentId, category, on }).map((v) => v.code)).toEqual(codes);
  });
});
