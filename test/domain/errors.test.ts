import {
  BadInputError,
  ChangeRefusedError,
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  RuleViolationError,
  UnauthenticatedError,
  UnreachableCaseError,
} from '../../src/domain';
import type { Refusal } from '../../src/domain';

describe('domain errors carry stable codes and details', () => {
  it.each([
    [new NotFoundError('部门', 'dept:x'), 'NOT_FOUND', { entity: '部门', id: 'dept:x' }],
    [new BadInputError('结束日期早于开始日期', { field: 'validTo' }), 'BAD_USER_INPUT', { field: 'validTo' }],
    [new ConflictError('该职务同期已有任职'), 'CONFLICT', {}],
    [new ForbiddenError('无权操作'), 'FORBIDDEN', {}],
    [new UnauthenticatedError('请先登录'), 'UNAUTHENTICATED', {}],
    [new RuleViolationError('QUORUM_NOT_MET', '会议未达法定人数', { present: 3, required: 5 }), 'QUORUM_NOT_MET', { present: 3, required: 5 }],
    [new RuleViolationError('COLLECTIVE_DECISION_REQUIRED', '分工调整须经集体决定'), 'COLLECTIVE_DECISION_REQUIRED', {}],
  ])('%s → %s', (error, code, details) => {
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(code);
    expect(error.details).toEqual(details);
  });

  it('NotFoundError says what is missing, in Chinese', () => {
    expect(new NotFoundError('部门', 'dept:x').message).toBe('找不到部门：dept:x');
  });

  it('UnreachableCaseError names the value', () => {
    expect(new UnreachableCaseError('MYSTERY' as never).message).toBe('Unreachable case: "MYSTERY"');
  });
});

describe('ChangeRefusedError carries every violation', () => {
  const violation = (code: Refusal['code'], itemIndex: number | null = null): Refusal => ({ itemIndex, code, message: `${code}说明`, details: {} });

  it.each([
    [[violation('COLLECTIVE_DECISION_REQUIRED'), violation('SUPERVISOR_LOST', 0)], 'COLLECTIVE_DECISION_REQUIRED'],
    [[violation('QUORUM_NOT_MET')], 'QUORUM_NOT_MET'],
    [[violation('SUPERVISOR_LOST', 0), violation('COLLECTIVE_DECISION_REQUIRED')], 'SUPERVISOR_LOST'], // the first decides
    [[violation('PARTNER_ABSENCES_OVERLAP')], 'PARTNER_ABSENCES_OVERLAP'],
  ])('%j → %s', (violations, code) => {
    const error = new ChangeRefusedError(violations);
    expect(error).toBeInstanceOf(RuleViolationError);
    expect([error.code, error.violations, error.details]).toEqual([code, violations, { violations }]);
  });

  it('joins the messages for people', () => {
    expect(new ChangeRefusedError([violation('SELF_BACKUP', 2), violation('SUPERVISOR_LOST', 0)]).message).toBe(
      '未通过规则校验：SELF_BACKUP说明；SUPERVISOR_LOST说明',
    );
  });
});
