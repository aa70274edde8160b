import { assistIsValid, linesForDepartment, linesForWorkArea, linesOfLeader, orphanedAssists } from '../../src/domain';
import { AFTER, BEFORE, REDIVISION, lineById, world } from './world';

const ids = (lines: readonly { id: string }[]): string[] => lines.map((l) => l.id);

describe('lines in force on a date (forward lists)', () => {
  it.each([
    ['leader:zhao-min', BEFORE, ['line:zhao-min-education', 'line:zhao-min-womens-federation']],
    ['leader:zhao-min', AFTER, ['line:zhao-min-education', 'line:zhao-min-health', 'line:zhao-min-womens-federation']],
    ['leader:qian-feng', AFTER, []],
    ['leader:zhou-tao', BEFORE, ['line:zhou-tao-business-climate', 'line:zhou-tao-hotline']],
  ])('linesOfLeader(%s, %s)', (leaderId, on, expected) => {
    expect(ids(linesOfLeader(world, leaderId, on))).toEqual(expected);
  });

  it.each([
    ['dept:development-reform', BEFORE, ['line:li-ming-development-reform', 'line:sun-li-assists-development-reform']],
    ['dept:development-reform', AFTER, ['line:chen-jing-development-reform', 'line:sun-li-assists-development-reform']],
    ['dept:statistics', AFTER, []],
  ])('linesForDepartment(%s, %s)', (departmentId, on, expected) => {
    expect(ids(linesForDepartment(world, departmentId, on))).toEqual(expected);
  });

  it('linesForWorkArea', () => {
    expect(ids(linesForWorkArea(world, 'wa:audit', BEFORE))).toEqual(['line:li-ming-assists-audit', 'line:zhang-wei-audit-work']);
  });
});

describe('assistIsValid: 协助 holds only while the principal holds the same target', () => {
  it.each([
    ['line:sun-li-assists-development-reform', BEFORE, true], // 李明 supervises 区发改委
    ['line:sun-li-assists-development-reform', '2026-03-31', true], // his line's last day
    ['line:sun-li-assists-development-reform', REDIVISION, false], // his line ended; the assist was left open
    ['line:sun-li-assists-development-reform', AFTER, false], // 陈静 supervises it now, not the principal
    ['line:sun-li-assists-development-reform', '2025-12-31', false], // the assist is not yet in force
    ['line:li-ming-assists-audit', BEFORE, true], // 张伟 is responsible for the work area 审计
    ['line:li-ming-finance', BEFORE, false], // not an assist at all
  ])('%s on %s → %s', (lineId, on, expected) => {
    expect(assistIsValid(world, lineById(lineId), on)).toBe(expected);
  });

  it.each([
    [BEFORE, []],
    [AFTER, ['line:sun-li-assists-development-reform']],
  ])('orphanedAssists on %s', (on, expected) => {
    expect(ids(orphanedAssists(world, on))).toEqual(expected);
  });
});

describe('assistIsValid: the principal must hold the target himself, not merely assist with it', () => {
  // Variant world: 李明 only assists 张伟 with 区发改委 instead of supervising it.
  const principalOnlyAssists = {
    ...world,
    assignments: world.assignments.map((a) =>
      a.id === 'line:li-ming-development-reform' ? { ...a, kind: 'ASSISTS' as const, principalId: 'leader:zhang-wei' } : a,
    ),
  };

  it('an assist under an assist is orphaned', () => {
    expect(assistIsValid(principalOnlyAssists, lineById('line:sun-li-assists-development-reform'), BEFORE)).toBe(false);
  });
});
