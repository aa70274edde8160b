import { checkAbsence } from '../../src/domain';
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
