// Pure: the shapes of explained answers (R6). Every answer carries the chain of facts that proves it.
import type { ActingBasis, ChainFactKind, DirectionBasis, RefusalCode } from './vocabulary';
import type { AbsenceFact, IsoDate } from './facts';

/** One fact in an explanation, with a sentence a person understands (Chinese, names spelled out). */
export interface ChainStep {
  readonly kind: ChainFactKind;
  /** Id of the cited fact (assignment, appointment, absence, backup, department); null for a rule. */
  readonly factId: string | null;
  readonly text: string;
}

export type DirectionVerdict =
  | {
      readonly allowed: true;
      readonly basis: DirectionBasis;
      readonly reason: string;
      readonly chain: readonly ChainStep[];
      /** With basis ACTING_FOR: the absent leader whose line is exercised. */
      readonly actingForId: string | null;
      /** The leader is away on that date (his lines are exercised by whoever acts for him). */
      readonly away: boolean;
    }
  | {
      readonly allowed: false;
      readonly code: RefusalCode;
      readonly reason: string;
      readonly chain: readonly ChainStep[];
    };

/** One entry of whoCanDirect: a leader, his strongest basis, and why. */
export interface DirectionGrant {
  readonly leaderId: string;
  readonly basis: DirectionBasis;
  /** True for the R1 line (SUPERVISES). */
  readonly primary: boolean;
  readonly reason: string;
  readonly chain: readonly ChainStep[];
  readonly away: boolean;
  readonly actingForId: string | null;
}

/** Who acts for an absent leader on a date (R5). actorId null: nobody can (uncovered). */
export interface ActingCover {
  readonly absentLeaderId: string;
  readonly absence: AbsenceFact;
  readonly on: IsoDate;
  readonly actorId: string | null;
  readonly basis: ActingBasis | null;
  readonly chain: readonly ChainStep[];
  /** Lines excepted from the backup (e.g. public security) and who takes them instead (the presiding leader). */
  readonly exceptions: readonly { readonly targetId: string; readonly actorId: string | null }[];
}
