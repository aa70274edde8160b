import fc from 'fast-check';
import { ACCOUNTABILITY_FLAGS, accountability, leadershipTeam, linesForDepartment } from '../../src/domain';
import type { AccountabilityFlagCode, ActingBasis, DirectoryFacts, KeyTaskFact } from '../../src/domain';
import { AFTER, BEFORE, REDIVISION } from './world';
import { CJ, LM, SL, WQ, WY, ZM, ZW, facts, tasks } from './key-work-world';

const through = (task: KeyTaskFact, leadUnitId: string, supervisingLeaderId = task.supervisingLeaderId): KeyTaskFact => ({
  ...task,
  leadUnitId,
  supervisingLeaderId,
});

type LeaderRow = [
  name: string,
  task: KeyTaskFact,
  on: string,
  expected: { away: boolean; actingLeaderId: string | null; actingBasis: ActingBasis | null; answerableId: string | null },
];

describe('accountability: the supervising leader, resolved through absences (R8, R5)', () => {
  it.each<LeaderRow>([
    ['王强 at his post answers himself', tasks.safety, BEFORE, { away: false, actingLeaderId: null, actingBasis: null, answerableId: WQ }],
    ['王强 away: public security is excepted from his B角 and goes to the presiding leader', tasks.safety, '2026-02-03', { away: true, actingLeaderId: ZW, actingBasis: 'PRESIDING', answerableId: ZW }],
    ['王强 away: his justice work goes to his B角 赵敏', through(tasks.safety, 'dept:justice'), '2026-02-03', { away: true, actingLeaderId: ZM, actingBasis: 'BACKUP', answerableId: ZM }],
    ['陈静 away, her B角 孙力 present', tasks.petitions, '2026-03-03', { away: true, actingLeaderId: SL, actingBasis: 'BACKUP', answerableId: SL }],
    ['陈静 away and 孙力 too: depth one, the presiding leader acts', tasks.petitions, '2026-03-05', { away: true, actingLeaderId: ZW, actingBasis: 'PRESIDING', answerableId: ZW }],
    ['赵敏 away, her B角 away: the office designated 吴越', tasks.enrolment, '2026-05-12', { away: true, actingLeaderId: WY, actingBasis: 'DESIGNATED', answerableId: WY }],
    ['赵敏 away, her B角 back', tasks.enrolment, '2026-05-14', { away: true, actingLeaderId: WQ, actingBasis: 'BACKUP', answerableId: WQ }],
    ['the head away: his B角 李明', tasks.audit, '2026-06-02', { away: true, actingLeaderId: LM, actingBasis: 'BACKUP', answerableId: LM }],
    ['李明 away with no B角: the presiding leader', tasks.prices, '2026-07-07', { away: true, actingLeaderId: ZW, actingBasis: 'PRESIDING', answerableId: ZW }],
    ['a leader off the team answers for nothing', tasks.census, AFTER, { away: false, actingLeaderId: null, actingBasis: null, answerableId: null }],
  ])('%s', (_, task, on, expected) => {
    const { leader } = accountability(task, facts, on);
    expect({ away: leader.away, actingLeaderId: leader.actingLeaderId, actingBasis: leader.actingBasis, answerableId: leader.answerableId }).toEqual(expected);
  });

  it('names everyone in the chain, down to the units’ heads', () => {
    const chain = accountability(tasks.safety, facts, BEFORE);
    expect({
      leader: chain.leader.name,
      lead: [chain.leadUnit.name, chain.leadUnit.headName],
      responsible: chain.responsibleUnits.map((u) => [u.name, u.headName]),
      cooperating: chain.cooperatingUnits.map((u) => [u.name, u.role]),
      flags: chain.flags,
    }).toEqual({
      leader: '王强',
      lead: ['区公安分局', '冯刚'],
      responsible: [
        ['区司法局', '何平'],
        ['区住房和城乡建设局', '高峰'],
      ],
      cooperating: [['国家税务总局青山区税务局', 'COOPERATING']],
      flags: [],
    });
    expect(chain.leader.chain.map((s) => [s.kind, s.factId])).toEqual([['ASSIGNMENT', 'line:wang-qiang-public-security']]);
  });

  it('explains who acts, citing the absence, the pair and the exception', () => {
    const { leader } = accountability(tasks.safety, facts, '2026-02-03');
    expect(leader.chain.map((s) => [s.kind, s.factId])).toEqual([
      ['ASSIGNMENT', 'line:wang-qiang-public-security'],
      ['ABSENCE', 'absence:wang-qiang-trip'],
      ['BACKUP', 'backup:wang-zhao'],
      ['RULE', null],
      ['RULE', null],
      ['RULE', null],
    ]);
    expect(leader.chain.at(-1)?.text).toBe('区公安分局不由B角代行，由张伟代行（R5）');
  });
});

// A variant where the head and his B角 李明 are away on the same day, with nobody designated.
const bothAway: DirectoryFacts = {
  ...facts,
  absences: [...facts.absences, { id: 'absence:li-ming-same-day', leaderId: LM, reason: '出差', designatedActorId: null, validFrom: '2026-06-02', validTo: '2026-06-03' }],
};
// A variant where the finance bureau's head is blank.
const blankHead: DirectoryFacts = { ...facts, departments: facts.departments.map((d) => (d.id === 'dept:finance' ? { ...d, headName: ' ' } : d)) };

describe('accountability flags: warnings, never refusals (R8)', () => {
  it.each<[string, DirectoryFacts, KeyTaskFact, string, AccountabilityFlagCode[]]>([
    ['a clean chain', facts, tasks.safety, BEFORE, []],
    ['孙力 does not supervise the education bureau', facts, tasks.schools, '2026-04-01', ['SUPERVISOR_DOES_NOT_SUPERVISE_LEAD_UNIT']],
    ['the statistics bureau’s head is not recorded', facts, tasks.census, BEFORE, ['UNIT_HEAD_UNKNOWN']],
    ['a blank head is no head', blankHead, tasks.prices, BEFORE, ['UNIT_HEAD_UNKNOWN']],
    ['钱峰 left the team and his line ended', facts, tasks.census, REDIVISION, ['SUPERVISOR_NOT_IN_TEAM', 'SUPERVISOR_DOES_NOT_SUPERVISE_LEAD_UNIT', 'UNIT_HEAD_UNKNOWN']],
    ['the grain bureau is abolished; 李明 no longer supervises the development-reform commission (irrelevant: it is responsible)', facts, tasks.prices, AFTER, ['UNIT_NOT_ACTIVE']],
    ['a vertical unit as lead unit: liaised with, not directed', facts, tasks.taxes, BEFORE, ['SUPERVISOR_DOES_NOT_SUPERVISE_LEAD_UNIT', 'UNIT_OUTSIDE_GOVERNMENT_LINE']],
    ['a vertical unit only cooperating is no problem', facts, tasks.safety, BEFORE, []],
    ['the head away and nobody to act', bothAway, tasks.audit, '2026-06-02', ['SUPERVISOR_AWAY_UNCOVERED']],
    ['a cooperating unit with no head is not flagged', facts, { ...tasks.safety, cooperatingUnitIds: ['dept:statistics'] }, BEFORE, []],
  ])('%s', (_, directory, task, on, codes) => {
    expect(accountability(task, directory, on).flags.map((f) => f.code)).toEqual(codes);
  });

  it('says what is wrong in Chinese', () => {
    expect(accountability(tasks.schools, facts, '2026-04-01').flags.map((f) => f.message)).toEqual([
      '分管领导孙力在2026-04-01不分管牵头单位区教育局（R8：应由分管牵头单位的领导负责）',
    ]);
  });

  const dates = ['2026-01-05', '2026-02-03', '2026-03-03', '2026-03-05', BEFORE, REDIVISION, AFTER, '2026-05-12', '2026-06-02', '2026-07-07'];
  const leaders = leadershipTeam(facts, BEFORE).map((m) => m.leader.id);
  const units = facts.departments.map((d) => d.id);

  it('flags a mismatch exactly when the leader has no SUPERVISES line to the lead unit, and always ends in someone or a flag (fast-check)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...leaders), fc.constantFrom(...units), fc.constantFrom(...dates), (leaderId, unitId, on) => {
        const chain = accountability(through(tasks.safety, unitId, leaderId), facts, on);
        const codes = chain.flags.map((f) => f.code);
        const supervises = linesForDepartment(facts, unitId, on).some((l) => l.kind === 'SUPERVISES' && l.leaderId === leaderId);
        expect(codes.includes('SUPERVISOR_DOES_NOT_SUPERVISE_LEAD_UNIT')).toBe(!supervises);
        expect(codes.every((c) => ACCOUNTABILITY_FLAGS.includes(c))).toBe(true);
        if (chain.leader.answerableId === null) {
          expect(codes.some((c) => c === 'SUPERVISOR_NOT_IN_TEAM' || c === 'SUPERVISOR_AWAY_UNCOVERED')).toBe(true);
        } else {
          expect(chain.leader.answerableId).toBe(chain.leader.away ? chain.leader.actingLeaderId : leaderId);
        }
      }),
    );
  });

  it('陈静 is flagged nowhere in her own subdistrict (two supervisors, she is one)', () => {
    expect(accountability(through(tasks.petitions, 'dept:qingshi-subdistrict', CJ), facts, BEFORE).flags).toEqual([]);
  });
});
