import { checkAbsence, planAbsenceUpdate, planEndAbsence } from '../../src/domain';
import { BEFORE, FUTURE, world } from './world';

describe('checkAbsence (R5): partners may not be away together unless a third person is designated', () => {
  const away = (leaderId: string, validFrom: string, validTo: string | null, designatedActorId: string | null = null) => ({
    leaderId,
    validFrom,
    validTo,
    designatedActorId,
  });

  it.each([
    // allowed
    ['李明 away in August: nobody of his pairs is away', away('leader:li-ming', '2026-08-03', '2026-08-07'), []],
    ['an absence with no return date yet', away('leader:li-ming', '2026-08-03', null), []],
    ['赵敏 away while her partner 王强 is, with 李明 designated', away('leader:zhao-min', '2026-02-03', '2026-02-05', 'leader:li-ming'), []],
    ['赵敏 leaves the day 王强 is back (validTo is exclusive)', away('leader:zhao-min', '2026-02-06', '2026-02-08'), []],
    ['王强 away again right after his trip', away('leader:wang-qiang', '2026-02-06', '2026-02-09'), []],
    ["王强 away while 赵敏 is, whose absence designates 吴越", away('leader:wang-qiang', '2026-05-14', '2026-05-15'), []],
    ['李明, the head\'s B, away with him but 王强 designated', away('leader:li-ming', '2026-06-02', '2026-06-03', 'leader:wang-qiang'), []],
    // refused
    ['a stranger', away('leader:nobody', '2026-08-03', '2026-08-07'), ['UNKNOWN_REFERENCE']],
    ['a leader who left', away('leader:qian-feng', FUTURE, '2026-12-05'), ['NOT_IN_TEAM']],
    ['a leader who has not joined yet', away('leader:wu-yue', BEFORE, '2026-03-18'), ['NOT_IN_TEAM']],
    ['back the day he leaves', away('leader:li-ming', '2026-08-03', '2026-08-03'), ['INVALID_INTERVAL']],
    ['back before he leaves', away('leader:li-ming', '2026-08-03', '2026-08-01'), ['INVALID_INTERVAL']],
    ['overlapping his own trip', away('leader:wang-qiang', '2026-02-05', '2026-02-08'), ['ABSENCE_OVERLAP']],
    ['赵敏 away while her partner 王强 is, nobody designated', away('leader:zhao-min', '2026-02-03', '2026-02-05'), ['PARTNER_ABSENCES_OVERLAP']],
    ['designating the partner himself is not a third person', away('leader:zhao-min', '2026-02-03', '2026-02-05', 'leader:wang-qiang'), ['PARTNER_ABSENCES_OVERLAP']],
    ['designating herself is not a third person either', away('leader:zhao-min', '2026-02-03', '2026-02-05', 'leader:zhao-min'), ['PARTNER_ABSENCES_OVERLAP']],
    ['李明, the head\'s B, away with him', away('leader:li-ming', '2026-06-02', '2026-06-03'), ['PARTNER_ABSENCES_OVERLAP']],
    ['孙力, 陈静\'s B, away during her leave', away('leader:sun-li', '2026-03-02', '2026-03-03'), ['PARTNER_ABSENCES_OVERLAP']],
    ['an unknown designated actor', away('leader:li-ming', '2026-08-03', '2026-08-07', 'leader:nobody'), ['UNKNOWN_REFERENCE']],
    ['a designated actor who left', away('leader:li-ming', FUTURE, '2026-12-05', 'leader:qian-feng'), ['NOT_IN_TEAM']],
    ['her own trip and her partner\'s meeting', away('leader:zhao-min', '2026-05-12', '2026-05-14'), ['ABSENCE_OVERLAP', 'PARTNER_ABSENCES_OVERLAP']],
  ] as const)('%s', (_, absence, codes) => {
    const violations = checkAbsence(world, absence);
    expect(violations.map((v) => v.code)).toEqual(codes);
    expect(violations.every((v) => v.itemIndex === null)).toBe(true);
  });

  it('names the partner and his absence, once for a pair recorded in both directions', () => {
    expect(checkAbsence(world, away('leader:zhao-min', '2026-02-03', '2026-02-05'))).toEqual([
      {
        itemIndex: null,
        code: 'PARTNER_ABSENCES_OVERLAP',
        message: '赵敏与AB角搭档王强不能同时不在岗：王强自2026-02-02起不在岗（出差），2026-02-06返岗；如确需同时离岗，须指定第三人代行（R5）',
        details: { absenceId: 'absence:wang-qiang-trip', backupIds: ['backup:wang-zhao', 'backup:zhao-wang'] },
      },
    ]);
  });
});

describe('planAbsenceUpdate / planEndAbsence (R5): absences are managed, under the same rules as recording one', () => {
  it.each([
    // allowed
    ['王强 back early from his trip', planEndAbsence(world, 'absence:wang-qiang-trip', '2026-02-04'), [], '2026-02-04'],
    ['王强 extends his trip: nobody of his pairs is away then', planAbsenceUpdate(world, { absenceId: 'absence:wang-qiang-trip', validTo: '2026-02-20' }), [], '2026-02-20'],
    ['李明’s study with no return date yet', planAbsenceUpdate(world, { absenceId: 'absence:li-ming-study', validTo: null }), [], null],
    ['陈静’s leave gets a designated stand-in (her B 孙力 is away too)', planAbsenceUpdate(world, { absenceId: 'absence:chen-jing-leave', designatedActorId: 'leader:zhou-tao' }), [], '2026-03-07'],
    ['correcting the reason of an absence that already clashed is not a new clash', planAbsenceUpdate(world, { absenceId: 'absence:chen-jing-leave', reason: '病假' }), [], '2026-03-07'],
    // refused
    ['an unknown absence', planEndAbsence(world, 'absence:nope', '2026-02-04'), ['UNKNOWN_REFERENCE'], undefined],
    ['back on the first day away', planEndAbsence(world, 'absence:wang-qiang-trip', '2026-02-02'), ['INVALID_INTERVAL'], undefined],
    ['"back early" after the recorded return: that is an extension', planEndAbsence(world, 'absence:wang-qiang-trip', '2026-02-08'), ['INVALID_INTERVAL'], undefined],
    ['back on the recorded day changes nothing', planEndAbsence(world, 'absence:wang-qiang-trip', '2026-02-06'), ['NO_CHANGE'], '2026-02-06'],
    ['an update that repeats the record', planAbsenceUpdate(world, { absenceId: 'absence:wang-qiang-trip', validTo: '2026-02-06', reason: '出差' }), ['NO_CHANGE'], '2026-02-06'],
    ['张伟 extends his meeting into 李明’s study: AB partners away together', planAbsenceUpdate(world, { absenceId: 'absence:zhang-wei-meeting', validTo: '2026-07-08' }), ['PARTNER_ABSENCES_OVERLAP'], '2026-07-08'],
    ['赵敏’s trip loses its designated stand-in while her partner 王强 is away', planAbsenceUpdate(world, { absenceId: 'absence:zhao-min-trip', designatedActorId: null }), ['PARTNER_ABSENCES_OVERLAP'], '2026-05-16'],
    ['an extension into his own next absence, past 孙力’s training (he is her B)', planAbsenceUpdate(world, { absenceId: 'absence:wang-qiang-trip', validTo: '2026-05-12' }), ['ABSENCE_OVERLAP', 'PARTNER_ABSENCES_OVERLAP'], '2026-05-12'],
    ['a stand-in on the team then (钱峰, before he left)', planAbsenceUpdate(world, { absenceId: 'absence:wang-qiang-trip', designatedActorId: 'leader:qian-feng', validTo: '2026-02-05' }), [], '2026-02-05'],
    ['a stranger as stand-in', planAbsenceUpdate(world, { absenceId: 'absence:wang-qiang-trip', designatedActorId: 'leader:nobody' }), ['UNKNOWN_REFERENCE'], '2026-02-06'],
  ] as const)('%s', (_, plan, codes, validTo) => {
    expect(plan.violations.map((v) => v.code)).toEqual(codes);
    expect(plan.after?.validTo).toBe(validTo);
  });
});
