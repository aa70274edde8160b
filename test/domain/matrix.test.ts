import { portfolioMatrix } from '../../src/domain';
import { AFTER, BEFORE, world } from './world';

describe('portfolioMatrix', () => {
  it('orders the axes: team in protocol order, units government line first by kind then name, areas in use', () => {
    const m = portfolioMatrix(world, BEFORE);
    expect(m.leaderIds).toEqual([
      'leader:zhang-wei', 'leader:li-ming', 'leader:wang-qiang', 'leader:qian-feng',
      'leader:zhao-min', 'leader:chen-jing', 'leader:sun-li', 'leader:zhou-tao',
    ]);
    expect(m.departmentIds).toEqual([
      // CONSTITUENT, by name in code-point order
      'dept:housing', 'dept:public-security', 'dept:health', 'dept:development-reform', 'dept:justice',
      'dept:audit', 'dept:education', 'dept:culture-tourism', 'dept:grain', 'dept:finance',
      'dept:urban-management', 'dept:statistics', // AFFILIATED
      'dept:development-zone', // AGENCY
      'dept:qingshi-subdistrict', // SUBDISTRICT
      'dept:tax', // VERTICAL
      'dept:procuratorate', 'dept:court', // JUDICIAL
      'dept:womens-federation', // MASS_ORGANIZATION
      'dept:urban-investment', // STATE_ENTERPRISE
    ]);
    expect(m.workAreaIds).toEqual(['wa:hotline', 'wa:work-safety', 'wa:audit', 'wa:finance']);
  });

  it('has one cell per targeted line; PRESIDES and a subject-only COORDINATES have none', () => {
    const m = portfolioMatrix(world, BEFORE);
    expect(m.cells).toHaveLength(25);
    expect(m.cells.filter((c) => c.leaderId === 'leader:zhang-wei')).toEqual([
      { leaderId: 'leader:zhang-wei', departmentId: null, workAreaId: 'wa:audit', kind: 'RESPONSIBLE_FOR', lineId: 'line:zhang-wei-audit-work', orphaned: false },
      { leaderId: 'leader:zhang-wei', departmentId: 'dept:audit', workAreaId: null, kind: 'SUPERVISES', lineId: 'line:zhang-wei-audit', orphaned: false },
    ]);
    expect(m.cells.filter((c) => c.leaderId === 'leader:zhou-tao').map((c) => c.lineId)).toEqual(['line:zhou-tao-hotline']);
  });

  it('flags an orphaned assist after the re-division', () => {
    const m = portfolioMatrix(world, AFTER);
    expect(m.cells.filter((c) => c.leaderId === 'leader:sun-li').map((c) => [c.lineId, c.kind, c.orphaned])).toEqual([
      ['line:sun-li-development-zone', 'SUPERVISES', false],
      ['line:sun-li-qingshi', 'SUPERVISES', false],
      ['line:sun-li-assists-development-reform', 'ASSISTS', true],
    ]);
    expect(m.departmentIds).not.toContain('dept:grain');
    expect(m.leaderIds.at(-1)).toBe('leader:wu-yue');
  });
});
