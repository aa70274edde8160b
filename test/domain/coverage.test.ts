import { coverage } from '../../src/domain';
import { AFTER, BEFORE, world } from './world';

describe('coverage (R10)', () => {
  it.each([
    [BEFORE, [], [{ departmentId: 'dept:qingshi-subdistrict', leaderIds: ['leader:chen-jing', 'leader:sun-li'] }], []],
    // 钱峰 left and nobody took 区统计局; 孙力's assist on 区发改委 outlived 李明's line.
    [AFTER, ['dept:statistics'], [{ departmentId: 'dept:qingshi-subdistrict', leaderIds: ['leader:chen-jing', 'leader:sun-li'] }], ['line:sun-li-assists-development-reform']],
  ])('on %s: gaps, overlaps, orphaned assists', (on, gaps, overlaps, orphans) => {
    const c = coverage(world, on);
    expect([c.gapDepartmentIds, c.overlaps, c.orphanedAssistIds]).toEqual([gaps, overlaps, orphans]);
  });

  it('lists external units nobody liaises with (R4)', () => {
    expect(coverage(world, BEFORE).unliaisedExternalDepartmentIds).toEqual(['dept:procuratorate']);
  });

  it.each([
    [BEFORE, [
      // leader, presides, responsibleFor, supervises, liaisesWith, assists, coordinates, total
      ['leader:zhang-wei', 1, 1, 1, 0, 0, 0, 3],
      ['leader:li-ming', 0, 1, 3, 1, 1, 0, 6],
      ['leader:wang-qiang', 0, 1, 2, 1, 0, 0, 4],
      ['leader:qian-feng', 0, 0, 3, 0, 0, 0, 3],
      ['leader:zhao-min', 0, 0, 1, 1, 0, 0, 2],
      ['leader:chen-jing', 0, 0, 3, 1, 0, 0, 4],
      ['leader:sun-li', 0, 0, 2, 0, 1, 0, 3],
      ['leader:zhou-tao', 0, 1, 0, 0, 0, 1, 2],
    ]],
    [AFTER, [
      ['leader:zhang-wei', 1, 1, 1, 0, 0, 0, 3],
      ['leader:li-ming', 0, 1, 1, 1, 1, 0, 4],
      ['leader:zhao-min', 0, 0, 2, 1, 0, 0, 3],
      ['leader:wang-qiang', 0, 1, 2, 1, 0, 0, 4],
      ['leader:chen-jing', 0, 0, 4, 1, 0, 0, 5],
      ['leader:sun-li', 0, 0, 2, 0, 1, 0, 3],
      ['leader:zhou-tao', 0, 1, 0, 0, 0, 1, 2],
      ['leader:wu-yue', 0, 0, 1, 0, 0, 0, 1],
    ]],
  ])('load on %s, in protocol order', (on, expected) => {
    expect(
      coverage(world, on).load.map((l) => [l.leaderId, l.presides, l.responsibleFor, l.supervises, l.liaisesWith, l.assists, l.coordinates, l.total]),
    ).toEqual(expected);
  });

  it.each([
    [BEFORE, [], []],
    ['2026-02-03', [['leader:wang-qiang', 'leader:zhao-min', 'BACKUP']], []],
    ['2026-03-05', [['leader:chen-jing', 'leader:zhang-wei', 'PRESIDING'], ['leader:sun-li', 'leader:wang-qiang', 'BACKUP']], ['leader:chen-jing']],
    // Protocol order after the re-division puts 赵敏 before 王强.
    ['2026-05-12', [['leader:zhao-min', 'leader:wu-yue', 'DESIGNATED'], ['leader:wang-qiang', 'leader:wu-yue', 'DESIGNATED']], ['leader:zhao-min', 'leader:wang-qiang']],
    ['2026-07-07', [['leader:li-ming', 'leader:zhang-wei', 'PRESIDING']], ['leader:li-ming']],
  ])('absences on %s and those not covered by their B', (on, absences, withoutCover) => {
    const c = coverage(world, on);
    expect(c.absences.map((a) => [a.absentLeaderId, a.actorId, a.basis])).toEqual(absences);
    expect(c.absentWithoutCover.map((a) => a.absentLeaderId)).toEqual(withoutCover);
  });
});
