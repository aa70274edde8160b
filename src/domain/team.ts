// Pure: no I/O, no clock. The leadership team (班子成员) on a date, its protocol order (排序) and who presides.
import type { PostKind } from './vocabulary';
import type { AppointmentFact, AssignmentFact, DirectoryFacts, IsoDate, LeaderFact, PostFact } from './facts';
import { NotFoundError, UnreachableCaseError } from './errors';
import { covers } from './interval';
import { compareBy, compareText } from './order';
import { memoOn } from './memo';

/**
 * Protocol rank of a post kind, 1 = first: 区长, 常务副区长, 副区长, 党组成员, 秘书长.
 * Protocol order is for listings and speaking order, not authority.
 */
export function postKindRank(kind: PostKind): number {
  switch (kind) {
    case 'HEAD':
      return 1;
    case 'EXECUTIVE_DEPUTY':
      return 2;
    case 'DEPUTY':
      return 3;
    case 'PARTY_GROUP_MEMBER':
      return 4;
    case 'SECRETARY_GENERAL':
      return 5;
    default:
      throw new UnreachableCaseError(kind);
  }
}

/** The post an appointment is to; the facts must contain it. @throws NotFoundError */
export function postOf(facts: DirectoryFacts, appointment: AppointmentFact): PostFact {
  const post = facts.posts.find((p) => p.id === appointment.postId);
  if (post === undefined) throw new NotFoundError('职务', appointment.postId);
  return post;
}

/**
 * The leader's appointments covering `on`, highest post first (R12: any date, past or future).
 *
 * @example appointmentsOn(facts, 'leader:zhang-wei', '2026-03-01') // [the 代区长 appointment]
 */
export function appointmentsOn(facts: DirectoryFacts, leaderId: string, on: IsoDate): AppointmentFact[] {
  return facts.appointments
    .filter((a) => a.leaderId === leaderId && covers(a, on))
    .sort((a, b) => compareBy(postKindRank(postOf(facts, a).kind) - postKindRank(postOf(facts, b).kind), compareText(a.id, b.id)));
}

/** The distinct kinds of post the leader holds on `on`, highest first (a person may hold several). */
export function postKindsOn(facts: DirectoryFacts, leaderId: string, on: IsoDate): PostKind[] {
  const kinds: PostKind[] = [];
  for (const appointment of appointmentsOn(facts, leaderId, on)) {
    const kind = postOf(facts, appointment).kind;
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  return kinds;
}

/** One member of the team on a date. */
export interface TeamMember {
  readonly leader: LeaderFact;
  /** 1-based protocol position on that date. */
  readonly rank: number;
  readonly appointments: readonly { readonly appointment: AppointmentFact; readonly post: PostFact }[];
}

/**
 * The leadership team on `on`: every leader holding at least one appointment covering `on`, in protocol order.
 * The order is the TeamOrderFact covering `on`; leaders it does not list come after it, by their highest post
 * and then by name. With no order in force, everyone is ordered by highest post and then by name.
 *
 * @example leadershipTeam(facts, '2026-03-01').map((m) => m.leader.name) // ['张伟', '李明', …]
 */
export function leadershipTeam(facts: DirectoryFacts, on: IsoDate): readonly TeamMember[] {
  return memoOn(facts, 'leadershipTeam', on, () => computeTeam(facts, on));
}

function computeTeam(facts: DirectoryFacts, on: IsoDate): TeamMember[] {
  const order = latest(facts.teamOrders.filter((o) => covers(o, on)));
  const listed = order === undefined ? [] : order.leaderIds;
  const members = facts.leaders
    .map((leader) => ({
      leader,
      appointments: appointmentsOn(facts, leader.id, on).map((appointment) => ({ appointment, post: postOf(facts, appointment) })),
    }))
    .filter((m) => m.appointments.length > 0);
  const position = (leaderId: string): number => {
    const index = listed.indexOf(leaderId);
    return index === -1 ? listed.length : index;
  };
  const bestRank = (m: (typeof members)[number]): number => Math.min(...m.appointments.map((a) => postKindRank(a.post.kind)));
  return members
    .sort(
      (a, b) =>
        compareBy(
          position(a.leader.id) - position(b.leader.id),
          bestRank(a) - bestRank(b),
          compareText(a.leader.name, b.leader.name),
          compareText(a.leader.id, b.leader.id),
        ),
    )
    .map((m, index) => ({ ...m, rank: index + 1 }));
}

/** Leader id → 1-based protocol rank on `on`, for sorting listings. */
export function protocolRanks(facts: DirectoryFacts, on: IsoDate): ReadonlyMap<string, number> {
  return memoOn(facts, 'protocolRanks', on, () => new Map(leadershipTeam(facts, on).map((m) => [m.leader.id, m.rank])));
}

/** A comparator of leader ids by protocol rank; leaders off the team go last, by id. */
export function compareByProtocol(ranks: ReadonlyMap<string, number>): (a: string, b: string) => number {
  const rankOf = (id: string): number => ranks.get(id) ?? Number.MAX_SAFE_INTEGER;
  return (a, b) => compareBy(rankOf(a) - rankOf(b), compareText(a, b));
}

/** Who presides over the government's work (主持全面工作) on a date. */
export interface Presiding {
  readonly leaderId: string;
  /** True when the holder does not hold a non-acting HEAD post on that date (e.g. a 代区长). */
  readonly acting: boolean;
  readonly assignment: AssignmentFact;
}

/**
 * The PRESIDES line covering `on` (docs/rules.md R2: exactly one at any instant; if the facts hold several, the most
 * recently started wins), or null when none is recorded.
 *
 * @example presidingOn(facts, '2026-03-01') // { leaderId: 'leader:zhang-wei', acting: true, assignment }
 */
export function presidingOn(facts: DirectoryFacts, on: IsoDate): Presiding | null {
  const assignment = latest(facts.assignments.filter((a) => a.kind === 'PRESIDES' && covers(a, on)));
  if (assignment === undefined) return null;
  const holdsHead = appointmentsOn(facts, assignment.leaderId, on).some(
    (a) => !a.acting && postOf(facts, a).kind === 'HEAD',
  );
  return { leaderId: assignment.leaderId, acting: !holdsHead, assignment };
}

function latest<T extends { readonly validFrom: IsoDate; readonly id: string }>(items: readonly T[]): T | undefined {
  return items.reduce<T | undefined>(
    (best, item) =>
      best === undefined || item.validFrom > best.validFrom || (item.validFrom === best.validFrom && item.id < best.id)
        ? item
        : best,
    undefined,
  );
}
