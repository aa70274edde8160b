// Every write through the ORM says which governments it touched, once it is committed. This is the one
// chokepoint the facts store's invalidation hangs on: a service, an import or a CLI command added later
// writes through an EntityManager, so it cannot forget to invalidate.
//
// Contract: listeners hear a government's id after the transaction that wrote it commits (never before,
// never for a rollback); outside a transaction, right after the statement or flush. A write whose
// government cannot be told from the statement (e.g. an update of an absence by its id alone) is heard as
// ALL_GOVERNMENTS. Writes to rows that belong to no government (API tokens) are not facts and are not heard.
import type { Configuration, FlushEventArgs, EventSubscriber } from '@mikro-orm/core';
import { SqlEntityManager } from '@mikro-orm/knex';

export const ALL_GOVERNMENTS = '*';

/** Told after commit; the writer waits for the returned promise before it answers (so other instances can know). */
export type WriteListener = (jurisdictionIds: ReadonlySet<string>) => void | Promise<void>;

const listeners = new WeakMap<Configuration, Set<WriteListener>>();

/** Registers `listener` for committed writes of every EntityManager of the ORM with this configuration. */
export function onCommittedWrites(config: Configuration, listener: WriteListener): () => void {
  let set = listeners.get(config);
  if (set === undefined) {
    set = new Set();
    listeners.set(config, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

async function tell(config: Configuration, ids: ReadonlySet<string>): Promise<void> {
  if (ids.size === 0) return;
  await Promise.all([...(listeners.get(config) ?? [])].map((listener) => listener(ids)));
}

function idOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && 'id' in value && typeof (value as { id: unknown }).id === 'string') return (value as { id: string }).id;
  return null;
}

/** An entity's class name from what MikroORM accepts: a name, a class, or an entity instance. */
function nameOf(entityName: unknown): string {
  if (typeof entityName === 'string') return entityName;
  if (typeof entityName === 'function') return entityName.name;
  if (entityName !== null && typeof entityName === 'object') return entityName.constructor.name;
  return String(entityName);
}

/** Which government a written row belongs to, from the statement's data or condition. */
function governmentsOf(em: SqlEntityManager, entityName: unknown, records: readonly unknown[]): string[] {
  const meta = em.getMetadata().find(nameOf(entityName));
  if (meta === undefined) return [ALL_GOVERNMENTS];
  const isJurisdiction = meta.className === 'Jurisdiction';
  if (!isJurisdiction && meta.properties.jurisdiction === undefined) return [];
  return records.map((record) => {
    if (record === null || typeof record !== 'object') return ALL_GOVERNMENTS;
    const value = isJurisdiction ? (record as { id?: unknown }).id : (record as { jurisdiction?: unknown }).jurisdiction;
    return idOf(value) ?? ALL_GOVERNMENTS;
  });
}

/** The EntityManager of this project: MikroORM's SQL one, telling listeners what each committed write touched. */
export class WriteTrackingEntityManager extends SqlEntityManager {
  /** Governments touched inside the current transaction; null outside one. */
  private pendingWrites: Set<string> | null = null;

  /** Records a write made around the ORM's own methods (a query builder's update, say); every other write records itself. */
  async record(entityName: unknown, records: readonly unknown[]): Promise<void> {
    await this.recordGovernments(governmentsOf(this, entityName, records));
  }

  async recordGovernments(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    if (this.pendingWrites !== null) for (const id of ids) this.pendingWrites.add(id);
    else await tell(this.config, new Set(ids));
  }

  override async transactional<T>(cb: (em: this) => T | Promise<T>, options?: Parameters<SqlEntityManager['transactional']>[1]): Promise<T> {
    const outer = this.pendingWrites;
    const pending = outer ?? new Set<string>();
    const result = await super.transactional(async (tx) => {
      (tx as unknown as WriteTrackingEntityManager).pendingWrites = pending;
      return cb(tx as unknown as this);
    }, options);
    // Only the outermost transaction commits; a nested one is a savepoint whose writes the outer one carries.
    if (outer === null) await tell(this.config, pending);
    return result;
  }
}

/**
 * The ORM's own statement-level writes, each with where its rows' data is (MikroORM 6: insert(entity | name,
 * data), insertMany(name, rows | entities), nativeUpdate(name, where, data), nativeDelete(name, where)). They
 * are wrapped on this class's prototype: their generic signatures cannot be restated without losing them.
 */
const STATEMENT_WRITES: Readonly<Record<string, (args: unknown[]) => { entity: unknown; records: readonly unknown[] }>> = {
  insert: ([first, data]) => ({ entity: first, records: [typeof first === 'object' ? first : data] }),
  insertMany: ([first, rows]) => (Array.isArray(first) ? { entity: first[0], records: first } : { entity: first, records: Array.isArray(rows) ? rows : [] }),
  nativeInsert: ([name, data]) => ({ entity: name, records: [data] }),
  nativeUpdate: ([name, where, data]) => ({ entity: name, records: [{ ...(data as object), ...(where as object) }] }),
  nativeDelete: ([name, where]) => ({ entity: name, records: [where] }),
};
for (const [method, written] of Object.entries(STATEMENT_WRITES)) {
  const original = (SqlEntityManager.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[method];
  if (typeof original !== 'function') continue;
  Object.defineProperty(WriteTrackingEntityManager.prototype, method, {
    configurable: true,
    writable: true,
    value: async function (this: WriteTrackingEntityManager, ...args: unknown[]) {
      const result = await original.apply(this, args);
      const { entity, records } = written(args);
      await this.record(entity, records);
      return result;
    },
  });
}

/** Hears flushed change sets (persist + flush) and records the governments of their entities. */
export class FlushTracker implements EventSubscriber {
  async afterFlush(args: FlushEventArgs): Promise<void> {
    const em = args.em;
    if (!(em instanceof WriteTrackingEntityManager)) return;
    const ids: string[] = [];
    for (const change of args.uow.getChangeSets()) {
      ids.push(...governmentsOf(em, change.meta.className, [change.entity]));
    }
    await em.recordGovernments(ids);
  }
}

