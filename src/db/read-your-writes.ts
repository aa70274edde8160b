// The bookkeeping behind read-your-writes across requests and the replay-lag bound of the read replicas
// (./replicas.ts uses it; nothing here talks to a database).
//
// - SessionMarks: for each client (a session key: the caller's token id), the primary's WAL position right after its
//   last committed write. The client's next requests read from a standby only once that standby has replayed that
//   position, else from the primary. Bounded: least recently written sessions are dropped beyond `maxSessions`, and a
//   mark lapses after `sessionTtlMs` (by then a standby still behind it is out of the rotation as lagging anyway) or
//   once every replica has replayed it.
// - PrimaryTimeline: when this process saw the primary at which WAL position. A standby's replay lag is how long ago
//   the primary went past the position the standby has replayed; measured on this process's clock only, so the
//   servers' clocks and an idle primary (whose last commit is old) do not matter.
//
// All of it is in-process. With several API instances (REDIS_URL) a client's next request may reach an instance that
// did not see its write and so reads a standby that may not have replayed it yet, for at most the lag bound: what most
// reads go through, the store of facts, already reloads a written government from the primary on the announcement
// every instance hears; the marks are not shared.

/** A standby whose replay is further behind the primary than this is left out of the rotation (lagging). */
export const REPLICA_MAX_LAG_MS = 5_000;
/** How long a replica's replay position (and the primary's) is trusted before it is asked again. */
export const REPLICA_POSITION_TTL_MS = 200;

export interface ReplicaTuning {
  /** Replay lag beyond which a standby is out of the rotation; it is back once under half of it. */
  readonly maxLagMs: number;
  /** At most one position check per replica (and one on the primary) per this interval, and only while reads come. */
  readonly positionTtlMs: number;
  /** How long a client's last write keeps its reads off standbys that have not replayed it (at least 2 × maxLagMs). */
  readonly sessionTtlMs: number;
  /** The most sessions with a mark held at once (least recently written dropped first). */
  readonly maxSessions: number;
  /** A position check that takes longer than this counts as unanswered. */
  readonly probeTimeoutMs: number;
}

export const DEFAULT_REPLICA_TUNING: ReplicaTuning = {
  maxLagMs: REPLICA_MAX_LAG_MS,
  positionTtlMs: REPLICA_POSITION_TTL_MS,
  sessionTtlMs: 60_000,
  maxSessions: 10_000,
  probeTimeoutMs: 1_000,
};

export function replicaTuning(overrides: Partial<ReplicaTuning> = {}): ReplicaTuning {
  const tuning = { ...DEFAULT_REPLICA_TUNING, ...overrides };
  return { ...tuning, sessionTtlMs: Math.max(tuning.sessionTtlMs, 2 * tuning.maxLagMs) };
}

/** A WAL position ("16/B374D848") as a number that compares. */
export type Lsn = bigint;
/** Later than every position: a write whose position could not be read keeps its session on the primary. */
export const UNKNOWN_WRITE_LSN: Lsn = (1n << 64n) - 1n;

export function parseLsn(text: string): Lsn {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text.trim());
  if (match === null) throw new Error(`not a WAL position: ${text}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

export function formatLsn(lsn: Lsn): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

interface Mark {
  lsn: Lsn;
  expiresAt: number;
}

/** Each session's last write position, LRU- and time-bounded. */
export class SessionMarks {
  // A Map iterates in insertion order; a session is re-inserted on each write, so the front is the least recent.
  private readonly marks = new Map<string, Mark>();

  constructor(private readonly tuning: Pick<ReplicaTuning, 'sessionTtlMs' | 'maxSessions'>) {}

  get size(): number {
    return this.marks.size;
  }

  /** The session wrote; its position is `lsn` (a later write's replaces an earlier one's, never the reverse). */
  mark(session: string, lsn: Lsn, now = Date.now()): void {
    const previous = this.marks.get(session);
    this.marks.delete(session);
    const live = previous !== undefined && previous.expiresAt > now;
    this.marks.set(session, { lsn: live && previous.lsn > lsn ? previous.lsn : lsn, expiresAt: now + this.tuning.sessionTtlMs });
    while (this.marks.size > this.tuning.maxSessions) this.marks.delete(this.marks.keys().next().value as string);
    this.sweep(now);
  }

  /** The position the session's reads must see, or null when it has none (never wrote, lapsed, or replayed everywhere). */
  get(session: string, now = Date.now()): Lsn | null {
    const mark = this.marks.get(session);
    if (mark === undefined) return null;
    if (mark.expiresAt <= now) {
      this.marks.delete(session);
      return null;
    }
    return mark.lsn;
  }

  /** Every replica has replayed `lsn` (the session's mark, as read): the mark is no longer needed. */
  settle(session: string, lsn: Lsn): void {
    if (this.marks.get(session)?.lsn === lsn) this.marks.delete(session);
  }

  /**
   * Drops the lapsed marks and those every replica has replayed (`replayedEverywhere`, when known), from the front:
   * the front holds the oldest writes, so this stops at the first mark still needed.
   */
  sweep(now = Date.now(), replayedEverywhere: Lsn | null = null): void {
    for (const [session, mark] of this.marks) {
      if (mark.expiresAt > now && (replayedEverywhere === null || mark.lsn > replayedEverywhere)) break;
      this.marks.delete(session);
    }
  }
}

/** Positions of the primary as this process saw them, oldest first, both strictly increasing. */
export class PrimaryTimeline {
  private readonly samples: { at: number; lsn: Lsn }[] = [];

  /** Samples closer together than this add nothing (they would only make the lag a few ms more precise). */
  private static readonly MIN_GAP_MS = 20;

  constructor(private readonly tuning: Pick<ReplicaTuning, 'maxLagMs'>) {}

  get length(): number {
    return this.samples.length;
  }

  /** The primary was at `lsn` at `at` (or later: an older position seen later than a newer one adds nothing). */
  note(lsn: Lsn, at = Date.now()): void {
    const last = this.samples[this.samples.length - 1];
    if (last !== undefined && (lsn <= last.lsn || at - last.at < PrimaryTimeline.MIN_GAP_MS)) return;
    this.samples.push({ at, lsn });
    // Keep twice the lag bound, and the newest sample before it: the position the primary was at when that window began.
    const horizon = at - 2 * this.tuning.maxLagMs;
    let drop = 0;
    while (drop < this.samples.length - 1 && this.samples[drop + 1].at <= horizon) drop += 1;
    if (drop > 0) this.samples.splice(0, drop);
  }

  /**
   * How far behind the primary a standby that has replayed `replayed` is, at `now`: 0 when it has replayed everything
   * seen of the primary; else the time since the last sample it had caught up with (the primary may have gone past
   * it right after), or, when it has replayed none of what this process saw, since the first sample.
   */
  lagOf(replayed: Lsn, now = Date.now()): number {
    const s = this.samples;
    if (s.length === 0 || replayed >= s[s.length - 1].lsn) return 0;
    // The first sample past `replayed` (binary search: the samples increase).
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid].lsn > replayed) hi = mid;
      else lo = mid + 1;
    }
    return Math.max(0, now - (lo === 0 ? s[0].at : s[lo - 1].at));
  }
}

/**
 * One request's way of reading (carried in MikroORM's logger context, which hands it to the connection with every
 * statement; a class instance, so forks of the request share it rather than copy it): its pin to one replica, its
 * session, and the connection its reads went to, kept for the rest of the request while that connection can serve it.
 */
export class ReadRoute {
  /** The replica (its index) or the primary ('primary') the request reads from; null before its first read. */
  choice: number | 'primary' | null = null;
  chosenAt = 0;

  constructor(
    readonly pin: number,
    readonly session: string | null,
  ) {}

  /** What a logger that serialises its context shows (not the session key). */
  toJSON(): { pin: number; choice: number | 'primary' | null } {
    return { pin: this.pin, choice: this.choice };
  }
}
