import { leadershipTeam, workload } from '../../src/domain';
import type { KeyWorkFacts, LeaderWorkload, UnitWorkload } from '../../src/domain';
import { AFTER, BEFORE } from './world';
import { CJ, LM, QF, SL, WQ, ZM, ZW, facts, work } from './key-work-world';

const none = { NOT_STARTED: 0, ON_TRACK: 0, AT_RISK: 0, OVERDUE: 0, COMPLETED: 0 };
const leaderOf = (on: string, leaderId: string, data: KeyWorkFacts = work): LeaderWorkload | undefined =>
  workload(facts, data, on).leaders.find((l) => l.leaderId === leaderId);
const unitOf = (on: string, departmentId: string): UnitWorkload | undefined =>
  workload(facts, work, on).units.find((u) => u.departmentId === departmentId);

describe('workload per leader (the work dashboards)', () => {
  it.each<[string, string, string, Omit<LeaderWorkload, 'leaderId'>]>([
    ['王强 on 03-20: his safety inspection is overdue; 赵敏’s legal-aid directive to his bureau was escalated', '2026-03-20', WQ, {
      unitsSupervised: 2,
      tasksByStatus: { ...none, OVERDUE: 1 },
      openDirectivesIssued: 0,
      openDirectivesReceived: 1,
      overdueItems: 1,
      crossPortfolioIssued: 0,
      crossPortfolioIssuedWithoutDecision: 0,
      crossPortfolioReceived: 1,
    }],
    ['赵敏 on 04-15: she issued one cross-portfolio directive (with a decision) and received 孙力’s, now overdue', AFTER, ZM, {
      unitsSupervised: 2,
      tasksByStatus: { ...none, NOT_STARTED: 1 },
      openDirectivesIssued: 1,
      openDirectivesReceived: 1,
      overdueItems: 1,
      crossPortfolioIssued: 1,
      crossPortfolioIssuedWithoutDecision: 0,
      crossPortfolioReceived: 1,
    }],
    ['孙力 on 04-15: one cross-portfolio directive without a decision; the school works, three weeks old, not yet reported', AFTER, SL, {
      unitsSupervised: 2,
      tasksByStatus: { ...none, NOT_STARTED: 1 },
      openDirectivesIssued: 1,
      openDirectivesReceived: 0,
      overdueItems: 0,
      crossPortfolioIssued: 1,
      crossPortfolioIssuedWithoutDecision: 1,
      crossPortfolioReceived: 0,
    }],
    ['李明 on 03-16: his own directive done, 保供稳价 on track, tax collection not started', BEFORE, LM, {
      unitsSupervised: 3,
      tasksByStatus: { ...none, ON_TRACK: 1, NOT_STARTED: 1 },
      openDirectivesIssued: 0,
      openDirectivesReceived: 0,
      overdueItems: 0,
      crossPortfolioIssued: 0,
      crossPortfolioIssuedWithoutDecision: 0,
      crossPortfolioReceived: 0,
    }],
    ['陈静 on 04-01: 信访维稳 is overdue', '2026-04-01', CJ, {
      unitsSupervised: 4,
      tasksByStatus: { ...none, OVERDUE: 1 },
      openDirectivesIssued: 0,
      openDirectivesReceived: 0,
      overdueItems: 1,
      crossPortfolioIssued: 0,
      crossPortfolioIssuedWithoutDecision: 0,
      crossPortfolioReceived: 0,
    }],
  ])('%s', (_, on, leaderId, expected) => {
    expect(leaderOf(on, leaderId)).toEqual({ leaderId, ...expected });
  });

  it('sees nothing before it happened (R12) and only team members of the date', () => {
    expect(leaderOf('2026-01-04', ZW)?.tasksByStatus).toEqual(none);
    expect(leaderOf(AFTER, QF)).toBeUndefined();
    expect(workload(facts, work, AFTER).leaders.map((l) => l.leaderId)).toEqual(leadershipTeam(facts, AFTER).map((m) => m.leader.id));
  });

  it('ignores another government’s work', () => {
    const elsewhere: KeyWorkFacts = { ...work, tasks: work.tasks.map((t) => ({ ...t, jurisdictionId: 'jurisdiction:jiangcheng' })) };
    expect(leaderOf(BEFORE, LM, elsewhere)?.tasksByStatus).toEqual(none);
  });
});

describe('workload per unit', () => {
  it.each<[string, string, string, Omit<UnitWorkload, 'departmentId'>]>([
    ['区教育局 on 04-15: leads the school works and the enrolment (neither reported yet); 孙力’s directive is open and overdue', AFTER, 'dept:education', {
      ledTasksByStatus: { ...none, NOT_STARTED: 2 },
      responsibleTasksByStatus: none,
      openDirectives: 1,
      overdueItems: 1,
      crossPortfolioReceived: 1,
      crossPortfolioReceivedWithoutDecision: 1,
    }],
    ['区司法局 on 03-20: responsible for the overdue inspection; one escalated directive with a decision', '2026-03-20', 'dept:justice', {
      ledTasksByStatus: none,
      responsibleTasksByStatus: { ...none, OVERDUE: 1 },
      openDirectives: 1,
      overdueItems: 1,
      crossPortfolioReceived: 1,
      crossPortfolioReceivedWithoutDecision: 0,
    }],
    ['区住建局 on 04-01: leads the overdue petitions task and is responsible for the overdue inspection', '2026-04-01', 'dept:housing', {
      ledTasksByStatus: { ...none, OVERDUE: 1 },
      responsibleTasksByStatus: { ...none, OVERDUE: 1 },
      openDirectives: 0,
      overdueItems: 2,
      crossPortfolioReceived: 0,
      crossPortfolioReceivedWithoutDecision: 0,
    }],
    ['区财政局 on 03-16: its directive is done', BEFORE, 'dept:finance', {
      ledTasksByStatus: { ...none, ON_TRACK: 1 },
      responsibleTasksByStatus: none,
      openDirectives: 0,
      overdueItems: 0,
      crossPortfolioReceived: 0,
      crossPortfolioReceivedWithoutDecision: 0,
    }],
  ])('%s', (_, on, departmentId, expected) => {
    expect(unitOf(on, departmentId)).toEqual({ departmentId, ...expected });
  });

  it('lists the units active on the date only', () => {
    expect([unitOf(BEFORE, 'dept:grain') !== undefined, unitOf(AFTER, 'dept:grain') !== undefined]).toEqual([true, false]);
  });

  it('counts a task once per role: the sums agree with the tasks', () => {
    const { units } = workload(facts, work, AFTER);
    const led = units.reduce((n, u) => n + Object.values(u.ledTasksByStatus).reduce((a, b) => a + b, 0), 0);
    expect(led).toBe(work.tasks.filter((t) => t.createdOn <= AFTER && t.leadUnitId !== 'dept:grain').length);
  });
});
