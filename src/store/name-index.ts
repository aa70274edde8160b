// The country-wide name index: which governments hold a text that can make them a candidate of a search that names
// no government — their units' names, aliases and heads, their work areas' names and aliases, their leaders' names.
//
// Contract:
// - Candidates are exactly what the former LIKE scans found (`column like '%keyword%'`, SQLite's ASCII case folding
//   included), or more: a government holding a text that contains a keyword (searchKeywords) is always named; a
//   JSON aliases column is indexed alias by alias, so a keyword straddling two aliases ("…局","…") names nobody.
// - All candidates, in id order (JavaScript's string order), never capped.
// - Built from the database in ONE statement (a UNION ALL over department, work_area and leader, each grouped by
//   government, run through MikroORM's connection, so it is counted and logged), on the primary, at the first search
//   (or before it: `prepare`, which a server runs once it listens).
// - Kept current: every committed write through this process's ORM marks its governments dirty (ALL_GOVERNMENTS: a
//   rebuild is due); with Redis, every instance's writers also record the governments they touched in a sorted set
//   scored by a global sequence (announceNameChanges), which a search reads (one round trip) before it answers.
//   Dirty governments are re-read together at the next search, in one statement. If Redis does not answer, the search
//   is not answered from the index (`matching` gives null: the caller asks the database). A write nobody announced
//   (another process on the same database without Redis) is seen after `maxAgeMs` and one rebuild: an older index is
//   rebuilt in the background while searches answer from it (no search waits for a country's rebuild).
// - Memory: one string per country — each government's distinct texts, NUL-separated, the governments in id order —
//   with the offset where each government starts. A keyword is found with String#indexOf over that string; a hit
//   names its government and the scan jumps to the next government. Texts are not shared between governments: a
//   generated district's unit names carry its own name (合成12区教育局), and holder lists for the few shared texts
//   (aliases, heads) would cost about what they save.
import type { SqlEntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { ChainableCommander, Redis } from 'ioredis';
import { readConnectionType } from '../db/replicas';
import { retryRead } from '../db/retry';
import { Department, Leader, WorkArea } from '../entities';
import { rememberBounded } from '../domain';
import { json } from './rows';
import { ALL_GOVERNMENTS } from './write-tracking';

/** The global sequence of announced writes, and the sorted set of governments scored by the last write to each. */
export const NAMES_SEQUENCE_KEY = 'fengong:names:sequence';
export const NAMES_CHANGED_KEY = 'fengong:names:changed';

/** One write's announcement: the next sequence number, with which each touched government is scored. */
const ANNOUNCE = "local seq = redis.call('INCR', KEYS[1]) for i = 1, #ARGV do redis.call('ZADD', KEYS[2], seq, ARGV[i]) end return seq";

/** Adds a write's announcement to `commands` (a MULTI the writer sends anyway). A set member is unique: the set holds one entry per government. */
export function announceNameChanges(commands: ChainableCommander, ids: Iterable<string>): void {
  commands.eval(ANNOUNCE, 2, NAMES_SEQUENCE_KEY, NAMES_CHANGED_KEY, ...ids);
}

/** The sequence now, and the governments written since `since` (exclusive). One round trip. */
async function announcedSince(redis: Redis, since: number | null): Promise<{ sequence: number; ids: string[] }> {
  const replies = await redis
    .multi()
    .get(NAMES_SEQUENCE_KEY)
    .zrangebyscore(NAMES_CHANGED_KEY, since === null ? '+inf' : `(${since}`, '+inf')
    .exec();
  if (replies === null) throw new Error('Redis discarded the transaction');
  for (const [error] of replies) if (error !== null) throw error;
  return { sequence: Number(replies[0][1] ?? 0), ids: since === null ? [] : (replies[1][1] as string[]) };
}

/** SQLite's LIKE folds ASCII letters; the index folds both sides the same way (PostgreSQL's LIKE folds nothing: a superset). */
function fold(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]/g, (c) => c.toLowerCase()) : text;
}

const quoteIdentifier = (em: SqlEntityManager) => (name: string) => em.getPlatform().quoteIdentifier(name);

/** Table and column names from the entity metadata. */
function tables(em: SqlEntityManager) {
  const quote = quoteIdentifier(em);
  const table = (entity: { name: string }, ...props: string[]) => {
    const meta = em.getMetadata().get(entity.name);
    return { table: quote(meta.tableName), ...Object.fromEntries(props.map((p) => [p, quote(meta.properties[p].fieldNames[0])])) } as Record<string, string>;
  };
  return { department: table(Department, 'jurisdiction', 'name', 'aliases', 'headName'), workArea: table(WorkArea, 'jurisdiction', 'name', 'aliases'), leader: table(Leader, 'jurisdiction', 'name') };
}

/**
 * The one statement: one row per government and table (part 0 department, 1 work_area, 2 leader), with JSON arrays of
 * the names, the heads (units) and the aliases columns as JSON text (units, work areas) — of every government, or of
 * those in `ids`. Grouped by the owner column, which is indexed; duplicates are removed in memory (cheaper than
 * DISTINCT, which sorts).
 */
function textsStatement(em: SqlEntityManager, ids: readonly string[] | null): string {
  const { department: d, workArea: w, leader: l } = tables(em);
  const postgres = em.getPlatform() instanceof PostgreSqlPlatform;
  const aggregate = (column: string) => `${postgres ? 'json_agg' : 'json_group_array'}(${column})`;
  const none = postgres ? 'null::json' : 'null';
  const from = (t: Record<string, string>) => `from ${t.table}${ids === null ? '' : ` where ${t.jurisdiction} in (select id from wanted)`} group by ${t.jurisdiction}`;
  const wanted = ids === null ? '' : `with wanted (id) as (values ${ids.map(() => '(?)').join(', ')}) `;
  return (
    `${wanted}select 0 as part, ${d.jurisdiction} as government, ${aggregate(d.name)} as names, ${aggregate(d.headName)} as heads, ${aggregate(`cast(${d.aliases} as text)`)} as aliases ${from(d)}` +
    ` union all select 1, ${w.jurisdiction}, ${aggregate(w.name)}, ${none}, ${aggregate(`cast(${w.aliases} as text)`)} ${from(w)}` +
    ` union all select 2, ${l.jurisdiction}, ${aggregate(l.name)}, ${none}, ${none} ${from(l)}`
  );
}

/** Each government's distinct texts, folded: of every government (`ids` null) or of those in `ids` (absent when it holds none). */
export async function loadGovernmentTexts(em: SqlEntityManager, ids: readonly string[] | null): Promise<Map<string, Set<string>>> {
  const found = new Map<string, Set<string>>();
  if (ids !== null && ids.length === 0) return found;
  const sql = textsStatement(em, ids);
  const rows = (await retryRead(() =>
    em.getConnection('write').execute(sql, ids === null ? [] : [...ids], 'all', em.getTransactionContext(), em.getLoggerContext()),
  )) as { government: string; names: unknown; heads: unknown; aliases: unknown }[];
  // An aliases column as JSON text; generated governments share most of them, so each is parsed once.
  const parsed = new Map<string, readonly string[]>();
  const aliasesOf = (value: string): readonly string[] => {
    let aliases = parsed.get(value);
    if (aliases === undefined) {
      const list = json<unknown>(value);
      aliases = Array.isArray(list) ? list.filter((a): a is string => typeof a === 'string') : [];
      parsed.set(value, aliases);
    }
    return aliases;
  };
  const values = (column: unknown) => json<(string | null)[] | null>(column as string) ?? [];
  for (const row of rows) {
    let texts = found.get(row.government);
    if (texts === undefined) found.set(row.government, (texts = new Set()));
    for (const name of values(row.names)) if (name !== null) texts.add(fold(name));
    for (const head of values(row.heads)) if (head !== null) texts.add(fold(head));
    for (const column of values(row.aliases)) if (column !== null) for (const alias of aliasesOf(column)) texts.add(fold(alias));
  }
  return found;
}

/**
 * The database's answer, for a reader without the index (the CLI, a transaction) or when Redis does not answer:
 * the governments with a unit (name, aliases, head), work area (name, aliases) or leader whose text contains one of
 * `keywords`, in id order. One statement (three LIKE scans in a UNION), run through MikroORM's connection.
 */
export async function governmentsMatchingInDatabase(em: SqlEntityManager, keywords: readonly string[]): Promise<string[]> {
  if (keywords.length === 0) return [];
  const { department: d, workArea: w, leader: l } = tables(em);
  const patterns = keywords.map((k) => `%${k.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const params: string[] = [];
  // CAST(… AS TEXT) reads the JSON aliases column as text on both SQLite and PostgreSQL.
  const scan = (table: Record<string, string>, columns: readonly string[]) => {
    const conditions = patterns.flatMap((pattern) => columns.map((column) => {
      params.push(pattern);
      return `${column} like ? escape '\\'`;
    }));
    return `select ${table.jurisdiction} as g from ${table.table} where ${conditions.join(' or ')}`;
  };
  const sql = [
    scan(d, [d.name, `cast(${d.aliases} as text)`, d.headName]),
    scan(w, [w.name, `cast(${w.aliases} as text)`]),
    scan(l, [l.name]),
  ].join(' union ');
  const rows = (await em.getConnection(readConnectionType(em)).execute(sql, params, 'all', em.getTransactionContext(), em.getLoggerContext())) as { g: string }[];
  return [...new Set(rows.map((r) => r.g))].sort();
}

export interface NameIndexOptions {
  /** An index older than this is rebuilt at the next search (0 or absent: never). */
  readonly maxAgeMs?: number;
  /** Where writers announce what they touched (announceNameChanges); null for one instance. */
  readonly redis?: Redis | null;
  readonly onError?: (error: unknown) => void;
  /** The clock, in milliseconds (tests pin it). */
  readonly now?: () => number;
}

/** What the index holds. */
export interface NameIndexStats {
  /** Governments with at least one text. */
  readonly governments: number;
  /** (government, distinct text) pairs. */
  readonly entries: number;
  /** Characters of the indexed string (texts and separators). */
  readonly characters: number;
  /** An estimate of the bytes held: the string (two bytes a character), the ids, the offsets. */
  readonly bytes: number;
  /** Statements run to build (all governments) and to refresh (dirty ones), since the index was made. */
  readonly builds: number;
  readonly refreshes: number;
}

/** How many answers are remembered between changes (a repeated search costs a map lookup). */
const REMEMBERED_ANSWERS = 256;
const SEPARATOR = '\u0000';
/** Dirty governments beyond which (and beyond a quarter of the index) a rebuild replaces the refresh. */
const REBUILD_AT = 500;

export class NameIndex {
  /** Governments in id order, each one's texts at text[starts[i] .. starts[i + 1]) (each text followed by NUL). */
  private ids: string[] = [];
  private starts = new Int32Array(1);
  private text = '';
  private entries = 0;
  private builtAt: number | null = null;
  /** A rebuild is due (never built, ALL_GOVERNMENTS written, Redis lost its sequence). */
  private everything = true;
  private readonly dirty = new Set<string>();
  /** Per rebuild running: the governments written meanwhile (its snapshot may predate them; they stay dirty after it). */
  private readonly writtenDuringRebuilds = new Set<Set<string>>();
  /** A rebuild of an index that only grew old, running while searches go on answering from the index as it is. */
  private renewal: Promise<void> | null = null;
  /** The Redis sequence of announced writes the index has caught up with; null before the first build. */
  private seen: number | null = null;
  private readonly answers = new Map<string, readonly string[]>();
  /** Catching up runs one at a time: a second search waits for the first's statement, then checks again. */
  private queue: Promise<unknown> = Promise.resolve();
  private builds = 0;
  private refreshes = 0;
  private readonly now: () => number;

  constructor(private readonly options: NameIndexOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  /** A committed write touched these governments (ALL_GOVERNMENTS: any). */
  touched(ids: ReadonlySet<string>): void {
    if (ids.has(ALL_GOVERNMENTS)) this.everything = true;
    else
      for (const id of ids) {
        this.dirty.add(id);
        for (const written of this.writtenDuringRebuilds) written.add(id);
      }
  }

  /** Forgets everything: the next search rebuilds (for operators and benchmarks). */
  clear(): void {
    this.everything = true;
    this.ids = [];
    this.starts = new Int32Array(1);
    this.text = '';
    this.entries = 0;
    this.answers.clear();
  }

  /**
   * Every government holding a text that contains one of `keywords`, in id order; null when Redis (configured)
   * did not answer, so writes another instance announced may be unknown here.
   */
  async matching(em: SqlEntityManager, keywords: readonly string[]): Promise<readonly string[] | null> {
    if (!(await this.caughtUp(em))) return null;
    return this.lookup(keywords);
  }

  /**
   * Brings the index up to date now, without a search: a server calls it once it listens, so that the first search
   * naming no government does not pay for reading the whole country. Rejects as the search would have failed.
   */
  async prepare(em: SqlEntityManager): Promise<void> {
    await this.caughtUp(em);
  }

  /** Catching up, queued behind any catching up under way. */
  private caughtUp(em: SqlEntityManager): Promise<boolean> {
    const current = this.queue.then(() => this.catchUp(em));
    this.queue = current.catch(() => undefined);
    return current;
  }

  get stats(): NameIndexStats {
    const idBytes = this.ids.reduce((n, id) => n + 24 + id.length, 0);
    return {
      governments: this.ids.length, entries: this.entries, characters: this.text.length,
      bytes: this.text.length * 2 + idBytes + this.starts.byteLength, builds: this.builds, refreshes: this.refreshes,
    };
  }

  /** Brings the index up to date with every write announced before now; false when Redis did not answer. */
  private async catchUp(em: SqlEntityManager): Promise<boolean> {
    const redis = this.options.redis ?? null;
    let sequence: number | null = null;
    if (redis !== null) {
      let announced: { sequence: number; ids: string[] };
      try {
        announced = await announcedSince(redis, this.seen);
      } catch (error) {
        this.options.onError?.(error);
        return false;
      }
      sequence = announced.sequence;
      // A sequence behind what was seen: Redis lost its data, and with it the writes in between.
      if (this.seen !== null && sequence < this.seen) this.everything = true;
      this.touched(new Set(announced.ids));
    }
    const maxAge = this.options.maxAgeMs ?? 0;
    if (this.builtAt === null) this.everything = true;
    // So many governments changed (an import) that reading them costs what reading all does.
    if (this.dirty.size > Math.max(REBUILD_AT, this.ids.length / 4)) this.everything = true;
    if (this.everything) await this.rebuild(em);
    else {
      if (this.dirty.size > 0) await this.refresh(em);
      // Age alone (only writes nobody announced are at stake): renew in the background and answer from the index as
      // it is, so that no search pays for the rebuild of a country; unannounced writes are seen once it is done.
      if (maxAge > 0 && this.renewal === null && this.now() - (this.builtAt as number) >= maxAge) {
        this.renewal = this.rebuild(em)
          .catch((error: unknown) => this.options.onError?.(error))
          .finally(() => {
            this.renewal = null;
          });
      }
    }
    if (sequence !== null) this.seen = sequence;
    return true;
  }

  /**
   * Reads every government's texts. Writes heard while the statement runs stay dirty — they may have committed after
   * its snapshot — even when a refresh read them meanwhile (a renewal runs beside the searches).
   */
  private async rebuild(em: SqlEntityManager): Promise<void> {
    this.everything = false;
    this.dirty.clear();
    const written = new Set<string>();
    this.writtenDuringRebuilds.add(written);
    const startedAt = this.now();
    this.builds += 1;
    try {
      this.replace(await loadGovernmentTexts(em, null), null);
      this.builtAt = startedAt;
    } catch (error) {
      this.everything = true;
      throw error;
    } finally {
      this.writtenDuringRebuilds.delete(written);
      for (const id of written) this.dirty.add(id);
    }
  }

  /** The renewal running now, if any (tests wait for it). */
  get renewing(): Promise<void> | null {
    return this.renewal;
  }

  /** Re-reads the dirty governments' texts, in one statement. */
  private async refresh(em: SqlEntityManager): Promise<void> {
    const ids = [...this.dirty];
    this.dirty.clear();
    this.refreshes += 1;
    try {
      this.replace(await loadGovernmentTexts(em, ids), ids);
    } catch (error) {
      for (const id of ids) this.dirty.add(id);
      throw error;
    }
  }

  /** Replaces the texts of `ids` (all governments when null) with `loaded`; a government absent from `loaded` holds none. */
  private replace(loaded: ReadonlyMap<string, ReadonlySet<string>>, ids: readonly string[] | null): void {
    const segments = new Map<string, string>();
    if (ids !== null) {
      const changed = new Set(ids);
      this.ids.forEach((id, i) => {
        if (!changed.has(id)) segments.set(id, this.text.slice(this.starts[i], this.starts[i + 1]));
      });
    }
    let entries = ids === null ? 0 : this.entries;
    if (ids !== null) for (const id of ids) entries -= this.segmentEntries(id);
    for (const [id, texts] of loaded) {
      if (texts.size === 0) continue;
      segments.set(id, [...texts].join(SEPARATOR) + SEPARATOR);
      entries += texts.size;
    }
    const order = [...segments.keys()].sort();
    const starts = new Int32Array(order.length + 1);
    const parts: string[] = [];
    let at = 0;
    order.forEach((id, i) => {
      const segment = segments.get(id) as string;
      starts[i] = at;
      at += segment.length;
      parts.push(segment);
    });
    starts[order.length] = at;
    this.ids = order;
    this.starts = starts;
    this.text = parts.join('');
    this.entries = entries;
    this.answers.clear();
  }

  /** How many texts the index holds now for one government. */
  private segmentEntries(id: string): number {
    const i = this.position(id);
    if (i === null) return 0;
    let n = 0;
    for (let at = this.starts[i]; at < this.starts[i + 1]; at += 1) if (this.text.charCodeAt(at) === 0) n += 1;
    return n;
  }

  private position(id: string): number | null {
    let low = 0;
    let high = this.ids.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.ids[mid] < id) low = mid + 1;
      else high = mid;
    }
    return this.ids[low] === id ? low : null;
  }

  /** The government whose texts hold position `at` of the string: the last start at or before it. */
  private segmentAt(at: number): number {
    let low = 0;
    let high = this.ids.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.starts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private lookup(keywords: readonly string[]): readonly string[] {
    const words = [...new Set(keywords.map(fold))];
    const key = words.join(SEPARATOR);
    return rememberBounded(this.answers, key, REMEMBERED_ANSWERS, () => this.scan(words));
  }

  /** The governments (in id order) one of whose texts contains one of `words`. */
  private scan(words: readonly string[]): readonly string[] {
    const marked = new Uint8Array(this.ids.length);
    for (const word of words) {
      // No text holds a NUL (the separator); an empty keyword is in every text (LIKE '%%').
      if (word.includes(SEPARATOR)) continue;
      if (word.length === 0) {
        marked.fill(1);
        break;
      }
      for (let at = this.text.indexOf(word); at !== -1; ) {
        const i = this.segmentAt(at);
        marked[i] = 1;
        at = this.text.indexOf(word, this.starts[i + 1]);
      }
    }
    return this.ids.filter((_, i) => marked[i] === 1);
  }
}
