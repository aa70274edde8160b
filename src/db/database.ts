// Opening the database: connect and bring the schema up to date with the committed migrations (never schema
// sync); what /readyz reports. The demo district is seeded by src/ops/seed.ts.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/core';
import type { DatabaseConfig } from '../config';
import { ormConfig } from './mikro-orm.config';
import { ReplicatedPostgreSqlDriver } from './replicas';

export async function openDatabase(database: DatabaseConfig, overrides: Partial<Options> = {}): Promise<MikroORM> {
  if (database.kind === 'sqlite' && database.url !== ':memory:') {
    await mkdir(path.dirname(path.resolve(database.url)), { recursive: true });
  }
  const orm = await MikroORM.init(ormConfig(database, overrides));
  try {
    await orm.getMigrator().up();
    return orm;
  } catch (error) {
    await orm.close(true);
    throw error;
  }
}

export interface ReadinessCheck {
  readonly name: 'database' | 'migrations' | 'redis' | 'replicas';
  readonly ok: boolean;
  readonly detail: string;
}

/**
 * What /readyz reports: the database answers, no migration is pending, and Redis answers when configured. With read
 * replicas, their state too — informational (ok even when one is out: reads fall back to the primary).
 */
export async function checkReadiness(orm: MikroORM, redis: { ping(): Promise<string> } | null): Promise<ReadinessCheck[]> {
  const attempt = async (name: ReadinessCheck['name'], probe: () => Promise<string>): Promise<ReadinessCheck> => {
    try {
      return { name, ok: true, detail: await probe() };
    } catch (error) {
      return { name, ok: false, detail: error instanceof Error ? error.message.split('\n')[0].slice(0, 200) : 'unreachable' };
    }
  };
  const checks = [
    await attempt('database', async () => {
      await orm.em.getConnection().execute('select 1');
      return 'reachable';
    }),
    await attempt('migrations', async () => {
      const pending = await orm.getMigrator().getPendingMigrations();
      if (pending.length > 0) throw new Error(`${pending.length} pending: ${pending.map((m) => m.name).join(', ')}`);
      return 'current';
    }),
  ];
  if (redis !== null) checks.push(await attempt('redis', async () => (await redis.ping()).toLowerCase()));
  const driver = orm.em.getDriver();
  if (driver instanceof ReplicatedPostgreSqlDriver) {
    const detail = driver
      .replicaStatus()
      .map((r) => `${r.name} ${r.available ? 'in use' : `out (reads on the primary): ${r.lastError ?? ''}`}, ${r.served} served, ${r.failedOver} failed over`)
      .join('; ');
    checks.push({ name: 'replicas', ok: true, detail });
  }
  return checks;
}
