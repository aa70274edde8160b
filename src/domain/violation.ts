// Pure: the shape of a rule violation found while validating a write (R5, R7, R10), its stable codes, and the error that carries them.
import { RuleViolationError } from './errors';
import type { RuleViolationCode } from './errors';

export const VIOLATION_CODES = [
  'COLLECTIVE_DECISION_REQUIRED',
  'QUORUM_NOT_MET',
  'MEETING_KIND_NOT_ALLOWED',
  'DECISION_AFTER_EFFECTIVE_DATE',
  'DECISION_CATEGORY_MISMATCH',
  'ACTING_POWERS_EXCLUDED',
  'NOT_IN_TEAM',
  'UNKNOWN_REFERENCE',
  'UNIT_NOT_ACTIVE',
  'LINE_NOT_ACTIVE',
  'TARGET_MISMATCH',
  'OUTSIDE_GOVERNMENT_LINE',
  'SUPERVISOR_LOST',
  'ASSIST_ORPHANED',
  'DUPLICATE_LINE',
  'PRESIDES_NOT_UNIQUE',
  'SELF_BACKUP',
  'PARTNER_ABSENCES_OVERLAP',
  'ABSENCE_OVERLAP',
  'EMPTY_CHANGESET',
  'INVALID_INTERVAL',
  'DECISION_ALREADY_USED',
  'DECISION_SCOPE_MISMATCH',
  'DECISION_STALE',
  'MEETING_NOT_HELD',
  'ATTENDEE_NOT_IN_TEAM',
  'ATTENDEE_ABSENT',
  'SIGNATORY_REQUIRED',
  'SIGNATORY_NOT_PRESIDING',
  'SIGNATORY_ABSENT',
  'SIGNED_AFTER_EFFECTIVE_DATE',
  'NO_CHANGE',
  'DOCUMENT_REQUIRED',
  'POST_OCCUPIED',
  'LINES_STILL_HELD',
  'DUPLICATE_IN_ORDER',
  'NAME_IN_USE',
] as const;
/** Why a write is refused: codes are for programs, messages for people (docs/rules.md, "Errors and codes"). */
export type ViolationCode = (typeof VIOLATION_CODES)[number];

export const WARNING_CODES = ['LIAISON_TO_GOVERNMENT_UNIT'] as const;
/** What a write should be told about but may go ahead with (docs/rules.md, "Errors and codes": a warning, not a refusal). */
export type WarningCode = (typeof WARNING_CODES)[number];

/**
 * One refusal (Violation<ViolationCode>) or warning (Violation<WarningCode>) found by a validation; plain
 * `Violation` accepts either. `itemIndex` is the 0-based index of the changeset item that caused it, or null when it concerns the whole
 * request (the cited decision, an empty changeset) or cannot be pinned on one item.
 */
export interface Violation<C extends ViolationCode | WarningCode = ViolationCode | WarningCode> {
  readonly itemIndex: number | null;
  readonly code: C;
  /** A sentence a person understands (Chinese, names spelled out). */
  readonly message: string;
  /** The ids and numbers behind the message, for programs. */
  readonly details: Readonly<Record<string, unknown>>;
}

/** A violation that refuses the write. */
export type Refusal = Violation<ViolationCode>;
/** A violation that only warns. */
export type Warning = Violation<WarningCode>;

/**
 * A write refused for one or more violations (docs/rules.md, "Errors and codes": one error channel). Its code is the first violation's
 * (violations come sorted, the whole-changeset ones such as COLLECTIVE_DECISION_REQUIRED first); `details.violations`
 * lists them all, each with its own code, item and message.
 *
 * @example throw new ChangeRefusedError(plan.violations) // extensions: { code: 'COLLECTIVE_DECISION_REQUIRED', violations: [...] }
 */
export class ChangeRefusedError extends RuleViolationError {
  readonly violations: readonly Refusal[];

  constructor(violations: readonly Refusal[]) {
    super(errorCodeOf(violations), `未通过规则校验：${violations.map((v) => v.message).join('；')}`, {
      violations: violations.map((v) => ({ itemIndex: v.itemIndex, code: v.code, message: v.message, details: v.details })),
    });
    this.violations = violations;
  }
}

function errorCodeOf(violations: readonly Refusal[]): RuleViolationCode {
  if (violations.length === 0) throw new RangeError('a refused change needs at least one violation');
  return violations[0].code;
}
