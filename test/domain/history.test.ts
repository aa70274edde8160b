import { departmentHistory, leaderHistory } from '../../src/domain';
import { world } from './world';

describe('history (R12): every interval ever, by validFrom then id', () => {
  it.each([
    ['dept:health', ['line:qian-feng-health', 'line:zhao-min-health']],
    ['dept:development-reform', ['line:li-ming-development-reform', 'line:sun-li-assists-development-reform', 'line:chen-jing-development-reform']],
    ['dept:grain', ['line:li-ming-grain']], // the unit is gone; its history is not
    ['dept:unknown', []],
  ])('departmentHistory(%s)', (departmentId, expected) => {
    expect(departmentHistory(world, departmentId).map((l) => l.id)).toEqual(expected);
  });

  it.each([
    ['leader:qian-feng', ['appt:qian-feng-deputy'], ['line:qian-feng-culture-tourism', 'line:qian-feng-health', 'line:qian-feng-statistics']],
    ['leader:wu-yue', ['appt:wu-yue-deputy'], ['line:wu-yue-culture-tourism']],
    ['leader:li-ming', ['appt:li-ming-executive', 'appt:li-ming-party'], [
      'line:li-ming-assists-audit', 'line:li-ming-development-reform', 'line:li-ming-finance',
      'line:li-ming-finance-work', 'line:li-ming-grain', 'line:li-ming-tax',
    ]],
  ])('leaderHistory(%s)', (leaderId, appointments, assignments) => {
    const h = leaderHistory(world, leaderId);
    expect([h.appointments.map((a) => a.id), h.assignments.map((a) => a.id)]).toEqual([appointments, assignments]);
  });
});
