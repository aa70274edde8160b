import fc from 'fast-check';
import {
  DIRECTIVE_ACTIONS,
  DIRECTIVE_STATUSES,
  DIRECTIVE_TRANSITIONS,
  canDirect,
  checkDirectiveTransition,
  checkIssueDirective,
  directiveStatusOn,
  isDirectiveOverdue,
  leadershipTeam,
  nextDirectiveStatus,
} from '../../src/domain';
import type {
  Actor,
  DirectionBasis,
  DirectiveAction,
  DirectiveDraft,
  DirectiveFact,
  DirectiveStatus,
  DirectiveTransitionFact,
  KeyWorkProblemCode,
  NotificationBasis,
} from '../../src/domain';
import { AFTER, BEFORE, REDIVISION } from './world';
import { CJ, LM, QF, SL, WQ, WY, ZM, ZT, ZW, asLeader, asUnit, directives, facts, office } from './key-work-world';

const order = (issuerId: string, departmentId: string, fields: Partial<DirectiveDraft> = {}): DirectiveDraft => ({
  issuerId,
  departmentId,
  subject: '做好节前安全检查',
  deadline: null,
  decisionId: null,
  ...fields,
});

type Issued = [issuerId: string, departmentId: string, on: string, basis: DirectionBasis, crossPortfolio: boolean, notify: [string, NotificationBasis, string | null][]];

describe('checkIssueDirective: allowed exactly when canDirect allows it (R9, R3)', () => {
  it.each<Issued>([
    [LM, 'dept:finance', BEFORE, 'SUPERVISES', false, []], // his own portfolio: nobody else to tell
    [SL, 'dept:qingshi-subdistrict', BEFORE, 'SUPERVISES', false, []], // one of its two supervisors
    [SL, 'dept:education', BEFORE, 'GENERAL_AUTHORITY', true, [[ZM, 'SUPERVISES', null]]], // a party-group member, R3
    [ZW, 'dept:education', BEFORE, 'HEAD', true, [[ZM, 'SUPERVISES', null]]], // the head is not its supervisor either
    [SL, 'dept:development-reform', BEFORE, 'ASSISTS', true, [[LM, 'SUPERVISES', null]]], // 协助: his principal is told
    [ZM, 'dept:qingshi-subdistrict', BEFORE, 'GENERAL_AUTHORITY', true, [[CJ, 'SUPERVISES', null], [SL, 'SUPERVISES', null]]], // both supervisors
    [LM, 'dept:justice', '2026-02-03', 'GENERAL_AUTHORITY', true, [[ZM, 'ACTING_FOR', WQ]]], // 王强 away: his B角 is told
    [LM, 'dept:public-security', '2026-02-03', 'GENERAL_AUTHORITY', true, [[ZW, 'ACTING_FOR', WQ]]], // excepted: the presiding leader is told
    [ZM, 'dept:justice', '2026-02-03', 'ACTING_FOR', true, [[WQ, 'SUPERVISES', null]]], // the stand-in issues: the absent supervisor sees it
    [ZW, 'dept:public-security', '2026-02-03', 'HEAD', true, [[WQ, 'SUPERVISES', null]]], // the head covers it himself: 王强 sees it
    [WY, 'dept:education', '2026-05-12', 'ACTING_FOR', true, [[ZM, 'SUPERVISES', null]]], // the designated stand-in issues
    [LM, 'dept:statistics', AFTER, 'GENERAL_AUTHORITY', true, [[ZW, 'PRESIDES', null]]], // nobody supervises it after the re-division
    [ZW, 'dept:statistics', AFTER, 'HEAD', true, []], // the presiding leader is the issuer
  ])('%s → %s on %s: %s, crossPortfolio %s', (issuerId, departmentId, on, basis, crossPortfolio, notify) => {
    const issued = checkIssueDirective(facts, order(issuerId, departmentId), office, on);
    expect(
      issued.allowed
        ? { basis: issued.basis, crossPortfolio: issued.crossPortfolio, notify: issued.notify.map((n) => [n.leaderId, n.basis, n.actingForId]) }
        : issued,
    ).toEqual({ basis, crossPortfolio, notify });
  });

  it.each<[string, string, string, KeyWorkProblemCode]>([
    [ZW, 'dept:tax', BEFORE, 'OUTSIDE_GOVERNMENT_LINE'], // R4: not even the head
    [LM, 'dept:tax', BEFORE, 'OUTSIDE_GOVERNMENT_LINE'], // he liaises with it
    [QF, 'dept:health', REDIVISION, 'NOT_IN_TEAM'],
    ['leader:nobody', 'dept:finance', BEFORE, 'NOT_IN_TEAM'],
    [LM, 'dept:grain', AFTER, 'UNIT_NOT_ACTIVE'],
    [LM, 'dept:jiangcheng-finance', BEFORE, 'OTHER_JURISDICTION'],
    [ZT, 'dept:education', BEFORE, 'NO_AUTHORITY'], // a secretary-general who is not a party-group member
  ])('%s → %s on %s: refused with canDirect’s code %s', (issuerId, departmentId, on, code) => {
    const issued = checkIssueDirective(facts, order(issuerId, departmentId), office, on);
    expect(issued.allowed ? issued : issued.problems.map((p) => p.code)).toEqual([code]);
  });

  it.each<[string, DirectiveDraft, Actor, string, KeyWorkProblemCode[]]>([
    ['a leader issues as himself', order(SL, 'dept:education'), asLeader(SL), BEFORE, []],
    ['a leader cannot issue as another', order(SL, 'dept:education'), asLeader(ZM), BEFORE, ['FORBIDDEN']],
    ['a unit cannot issue', order(SL, 'dept:education'), asUnit('dept:education'), BEFORE, ['FORBIDDEN']],
    ['an empty subject', order(SL, 'dept:education', { subject: ' ' }), office, BEFORE, ['BAD_USER_INPUT']],
    ['an over-long subject', order(SL, 'dept:education', { subject: '查'.repeat(501) }), office, BEFORE, ['BAD_USER_INPUT']],
    ['a deadline that is no date', order(SL, 'dept:education', { deadline: '2026-13-01' }), office, BEFORE, ['BAD_USER_INPUT']],
    ['a deadline before the day it is issued', order(SL, 'dept:education', { deadline: '2026-03-15' }), office, BEFORE, ['DEADLINE_BEFORE_CREATION']],
    ['a deadline on the day it is issued', order(SL, 'dept:education', { deadline: BEFORE }), office, BEFORE, []],
    ['citing the decision that studied it', order(SL, 'dept:education', { decisionId: 'decision:2026-standing-3-routine' }), office, AFTER, []],
    ['citing an unknown decision', order(SL, 'dept:education', { decisionId: 'decision:nope' }), office, BEFORE, ['UNKNOWN_REFERENCE']],
    ['citing a decision not yet taken', order(SL, 'dept:education', { decisionId: 'decision:2026-standing-9' }), office, BEFORE, ['DECISION_AFTER_EFFECTIVE_DATE']],
    ['citing a decision of a meeting without quorum', order(SL, 'dept:education', { decisionId: 'decision:2026-standing-2' }), office, BEFORE, ['QUORUM_NOT_MET']],
    ['access first, then canDirect, then the input', order(ZT, 'dept:tax', { subject: '' }), asLeader(LM), BEFORE, ['FORBIDDEN', 'OUTSIDE_GOVERNMENT_LINE', 'BAD_USER_INPUT']],
  ])('%s', (_, draft, actor, on, codes) => {
    const issued = checkIssueDirective(facts, draft, actor, on);
    expect(issued.allowed ? [] : issued.problems.map((p) => p.code)).toEqual(codes);
  });

  it('counts a cross-portfolio directive with no decision, and explains itself (R6)', () => {
    const issued = checkIssueDirective(facts, order(SL, 'dept:education'), office, BEFORE);
    const cited = checkIssueDirective(facts, order(SL, 'dept:education', { decisionId: 'decision:2026-standing-3-routine' }), office, AFTER);
    const own = checkIssueDirective(facts, order(LM, 'dept:finance'), office, BEFORE);
    expect([issued, cited, own].map((i) => i.allowed && i.withoutDecision)).toEqual([true, false, false]);
    expect(issued.allowed && issued.chain.at(-1)?.text).toBe('交办事项不在交办领导本人分管范围内，告知该部门的分管领导（R9）');
    expect(issued.allowed && issued.notify[0].reason).toBe('赵敏分管区教育局，孙力向其交办事项（R9）');
  });

  const interesting = ['2026-01-01', '2026-02-03', '2026-03-05', BEFORE, REDIVISION, AFTER, '2026-05-12', '2026-06-02', '2026-07-07'];
  const everyone = [...new Set(interesting.flatMap((on) => leadershipTeam(facts, on).map((m) => m.leader.id))), 'leader:nobody'];
  const units = [...facts.departments.map((d) => d.id), 'dept:jiangcheng-finance'];

  it('agrees with canDirect for every leader, unit and date, and crossPortfolio iff the basis is not SUPERVISES (fast-check)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...everyone), fc.constantFrom(...units), fc.constantFrom(...interesting), (issuerId, departmentId, on) => {
        const verdict = canDirect(facts, issuerId, departmentId, on);
        const issued = checkIssueDirective(facts, order(issuerId, departmentId), office, on);
        expect(issued.allowed).toBe(verdict.allowed);
        if (issued.allowed && verdict.allowed) {
          expect(issued.basis).toBe(verdict.basis);
          expect(issued.crossPortfolio).toBe(verdict.basis !== 'SUPERVISES');
          expect(issued.notify.every((n) => n.leaderId !== issuerId)).toBe(true);
          if (!issued.crossPortfolio) expect(issued.notify).toEqual([]);
        } else if (!issued.allowed && !verdict.allowed) {
          expect(issued.problems[0].code).toBe(verdict.code);
        }
      }),
    );
  });
});

const ISSUED_ON = '2026-03-16';
/** The cross-portfolio directive of the world, moved to `status` by the office on ISSUED_ON (or as issued). */
function inStatus(status: DirectiveStatus): DirectiveFact {
  const path: Record<DirectiveStatus, DirectiveAction[]> = {
    ISSUED: [],
    ACKNOWLEDGED: ['ACKNOWLEDGE'],
    IN_PROGRESS: ['ACKNOWLEDGE', 'START'],
    COMPLETED: ['ACKNOWLEDGE', 'START', 'COMPLETE'],
    ESCALATED: ['ESCALATE'],
  };
  let from: DirectiveStatus = 'ISSUED';
  const transitions: DirectiveTransitionFact[] = path[status].map((action, i) => {
    const to = nextDirectiveStatus(from, action) ?? from;
    const t = { id: `t:${i}`, action, from, to, on: ISSUED_ON, actor: office, text: '说明' };
    from = to;
    return t;
  });
  return { ...directives.schoolSafety, transitions };
}

const textFor = (action: DirectiveAction): string | null => (action === 'ESCALATE' || action === 'COMPLETE' ? '需协调经费' : null);

describe('the directive status machine (R9: there is no REJECTED)', () => {
  it.each<[DirectiveStatus, DirectiveAction, DirectiveStatus | 'INVALID_TRANSITION']>([
    ['ISSUED', 'ACKNOWLEDGE', 'ACKNOWLEDGED'],
    ['ISSUED', 'START', 'INVALID_TRANSITION'], // it must be acknowledged (签收) first
    ['ISSUED', 'COMPLETE', 'INVALID_TRANSITION'],
    ['ISSUED', 'ESCALATE', 'ESCALATED'],
    ['ACKNOWLEDGED', 'ACKNOWLEDGE', 'INVALID_TRANSITION'],
    ['ACKNOWLEDGED', 'START', 'IN_PROGRESS'],
    ['ACKNOWLEDGED', 'COMPLETE', 'INVALID_TRANSITION'],
    ['ACKNOWLEDGED', 'ESCALATE', 'ESCALATED'],
    ['IN_PROGRESS', 'ACKNOWLEDGE', 'INVALID_TRANSITION'],
    ['IN_PROGRESS', 'START', 'INVALID_TRANSITION'],
    ['IN_PROGRESS', 'COMPLETE', 'COMPLETED'],
    ['IN_PROGRESS', 'ESCALATE', 'ESCALATED'],
    ['ESCALATED', 'ACKNOWLEDGE', 'INVALID_TRANSITION'],
    ['ESCALATED', 'START', 'IN_PROGRESS'], // coordinated: work resumes; an escalation is no refusal
    ['ESCALATED', 'COMPLETE', 'INVALID_TRANSITION'],
    ['ESCALATED', 'ESCALATE', 'INVALID_TRANSITION'],
    ['COMPLETED', 'ACKNOWLEDGE', 'INVALID_TRANSITION'],
    ['COMPLETED', 'START', 'INVALID_TRANSITION'],
    ['COMPLETED', 'COMPLETE', 'INVALID_TRANSITION'],
    ['COMPLETED', 'ESCALATE', 'INVALID_TRANSITION'],
  ])('%s + %s → %s', (from, action, expected) => {
    const checked = checkDirectiveTransition(facts, inStatus(from), { action, actor: office, on: ISSUED_ON, text: textFor(action) });
    expect(checked.allowed ? checked.to : checked.problems.map((p) => p.code)).toEqual(expected === 'INVALID_TRANSITION' ? ['INVALID_TRANSITION'] : expected);
    expect(nextDirectiveStatus(from, action)).toBe(expected === 'INVALID_TRANSITION' ? null : expected);
  });

  it('never leaves its five states, COMPLETED is final, and every open directive can still be completed (fast-check)', () => {
    const reachesCompleted = (start: DirectiveStatus): boolean => {
      const seen = new Set<DirectiveStatus>([start]);
      const queue = [start];
      while (queue.length > 0) {
        const s = queue.shift() as DirectiveStatus;
        for (const t of DIRECTIVE_TRANSITIONS.filter((x) => x.from === s && !seen.has(x.to))) {
          seen.add(t.to);
          queue.push(t.to);
        }
      }
      return seen.has('COMPLETED');
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...DIRECTIVE_ACTIONS), { maxLength: 20 }), (actions) => {
        let directive: DirectiveFact = inStatus('ISSUED');
        let completed = false;
        for (const action of actions) {
          const checked = checkDirectiveTransition(facts, directive, { action, actor: office, on: ISSUED_ON, text: textFor(action) });
          if (completed) expect(checked.allowed).toBe(false);
          if (!checked.allowed) {
            expect(checked.problems.map((p) => p.code)).toEqual(['INVALID_TRANSITION']);
            continue;
          }
          expect(DIRECTIVE_STATUSES).toContain(checked.to);
          expect(checked.to).not.toBe('REJECTED');
          const t: DirectiveTransitionFact = { id: `t:${directive.transitions.length}`, action, from: checked.from, to: checked.to, on: ISSUED_ON, actor: office, text: textFor(action) };
          directive = { ...directive, transitions: [...directive.transitions, t] };
          completed = checked.to === 'COMPLETED';
          if (!completed) expect(reachesCompleted(checked.to)).toBe(true);
        }
      }),
    );
  });
});

describe('who may move a directive (scoped tokens)', () => {
  const schoolSafety = directives.schoolSafety; // 孙力 → 区教育局 (赵敏's), IN_PROGRESS since 03-18
  const issued = inStatus('ISSUED');
  const inProgress = inStatus('IN_PROGRESS');
  it.each<[string, DirectiveFact, DirectiveAction, Actor, string, string | null, KeyWorkProblemCode[]]>([
    ['the unit acknowledges its own directive', issued, 'ACKNOWLEDGE', asUnit('dept:education'), ISSUED_ON, null, []],
    ['the office acknowledges on its behalf', issued, 'ACKNOWLEDGE', office, ISSUED_ON, null, []],
    ['another unit cannot', issued, 'ACKNOWLEDGE', asUnit('dept:finance'), ISSUED_ON, null, ['FORBIDDEN']],
    ['the issuer cannot acknowledge for the unit', issued, 'ACKNOWLEDGE', asLeader(SL), ISSUED_ON, null, ['FORBIDDEN']],
    ['the unit completes with a report', inProgress, 'COMPLETE', asUnit('dept:education'), ISSUED_ON, '已完成排查整改', []],
    ['completing needs a report', inProgress, 'COMPLETE', asUnit('dept:education'), ISSUED_ON, null, ['BAD_USER_INPUT']],
    ['the unit’s supervising leader escalates, with a reason', schoolSafety, 'ESCALATE', asLeader(ZM), '2026-03-20', '涉及住建部门，需协调', []],
    ['escalating needs a reason', schoolSafety, 'ESCALATE', asLeader(ZM), '2026-03-20', ' ', ['BAD_USER_INPUT']],
    ['the unit itself does not escalate', schoolSafety, 'ESCALATE', asUnit('dept:education'), '2026-03-20', '需协调', ['FORBIDDEN']],
    ['the issuer does not escalate to himself', schoolSafety, 'ESCALATE', asLeader(SL), '2026-03-20', '需协调', ['FORBIDDEN']],
    ['an unrelated deputy does not escalate', schoolSafety, 'ESCALATE', asLeader(LM), '2026-03-20', '需协调', ['FORBIDDEN']],
    ['the designated stand-in for the absent supervisor escalates', schoolSafety, 'ESCALATE', asLeader(WY), '2026-05-12', '需协调', []],
    ['the office escalates on anyone’s behalf', schoolSafety, 'ESCALATE', office, '2026-03-20', '需协调', []],
    ['a date before the last transition', schoolSafety, 'COMPLETE', asUnit('dept:education'), '2026-03-17', '已完成', ['BAD_USER_INPUT']],
    ['wrong unit and wrong state: both reported', directives.budget, 'START', asUnit('dept:education'), '2026-03-20', null, ['FORBIDDEN', 'INVALID_TRANSITION']],
  ])('%s', (_, directive, action, actor, on, text, codes) => {
    const checked = checkDirectiveTransition(facts, directive, { action, actor, on, text });
    expect(checked.allowed ? [] : checked.problems.map((p) => p.code)).toEqual(codes);
  });

  it('an escalation goes back to the issuer', () => {
    const checked = checkDirectiveTransition(facts, directives.schoolSafety, { action: 'ESCALATE', actor: asLeader(ZM), on: '2026-03-20', text: '需协调' });
    expect(checked.allowed && checked.notify.map((n) => [n.leaderId, n.basis])).toEqual([[SL, 'ISSUER']]);
  });
});

describe('directive status on a date (R12) and overdue', () => {
  it.each<[DirectiveFact, string, DirectiveStatus | null, boolean]>([
    [directives.schoolSafety, '2026-03-15', null, false], // not yet issued
    [directives.schoolSafety, ISSUED_ON, 'ISSUED', false],
    [directives.schoolSafety, '2026-03-17', 'ACKNOWLEDGED', false],
    [directives.schoolSafety, '2026-03-31', 'IN_PROGRESS', false], // its deadline's last day
    [directives.schoolSafety, '2026-04-01', 'IN_PROGRESS', true],
    [directives.legalAid, AFTER, 'ESCALATED', false], // no deadline: never overdue
    [directives.budget, '2026-03-09', 'IN_PROGRESS', false],
    [directives.budget, AFTER, 'COMPLETED', false], // done: not overdue after its deadline
  ])('%# %s on %s: %s', (directive, on, status, overdue) => {
    expect([directiveStatusOn(directive, on), isDirectiveOverdue(directive, on)]).toEqual([status, overdue]);
  });
});
