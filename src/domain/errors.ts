// Pure: typed domain errors with stable codes (docs/rules.md, "Errors and codes"); the GraphQL layer maps `code` to extensions.code.
import type { ViolationCode } from './violation';

export const ERROR_CODES = [
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'COLLECTIVE_DECISION_REQUIRED',
  'QUORUM_NOT_MET',
] as const;

/**
 * Refusals of key work (重点工作, 交办事项; R8, R9 in docs/key-work.md) that are not changeset violations. The R6
 * refusal codes OTHER_JURISDICTION and NO_AUTHORITY are here so that a directive refused by canDirect carries its code.
 */
export const KEY_WORK_CODES = [
  'INVALID_TRANSITION',
  'OTHER_JURISDICTION',
  'NO_AUTHORITY',
  'DEADLINE_BEFORE_CREATION',
  'MILESTONE_OUTSIDE_TASK_PERIOD',
  'DUPLICATE_UNIT',
  'LEAD_UNIT_ALSO_LISTED',
  'TASK_ALREADY_COMPLETED',
] as const;
export type KeyWorkCode = (typeof KEY_WORK_CODES)[number];

/** Stable codes for programs; messages are for people. A refused change carries its first violation's code. */
export type ErrorCode = (typeof ERROR_CODES)[number] | ViolationCode | KeyWorkCode;

/** Codes of refusals that cite a rule (R7 collective decision and the other invariants; R8/R9 key work). */
export type RuleViolationCode = ViolationCode | KeyWorkCode;

/** Every refusal the domain raises: a code, a message a person understands, and structured details. */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  protected constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** A referenced fact does not exist, e.g. `new NotFoundError('部门', 'dept:finance')`. */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;

  constructor(entity: string, id: string) {
    super(`找不到${entity}：${id}`, { entity, id });
  }
}

/** Input that is well-formed for the schema but meaningless for the domain (e.g. validTo before validFrom). */
export class BadInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

/** The change contradicts facts already recorded (e.g. overlapping appointments to one post). */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

/** The caller is known but may not do this. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

/** The caller is not known. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

/** A rule refuses the change (R7: no quorate collective decision, and the like); `details` names the facts. */
export class RuleViolationError<C extends RuleViolationCode = RuleViolationCode> extends DomainError {
  readonly code: C;

  constructor(code: C, message: string, details: Record<string, unknown> = {}) {
    super(message, details);
    this.code = code;
  }
}

/** Thrown from the default branch of a switch that the type checker proves exhaustive. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}`);
    this.name = 'UnreachableCaseError';
  }
}
