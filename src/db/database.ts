// Opening the database: connect, bring the schema up to date with the committed migrations (never
// schema sync), and seed the demo district into an empty database when asked to.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/core';
import type { DatabaseConfig } from '../config';
import { PROJECT_ROOT } from '../config';
import { Jurisdiction } from '../entities';
import { importDataset, readDataset } from '../io/importer';
import { ormConfig } from './mikro-orm.config';

export const DEMO_DATASET_DIR = path.join(PROJECT_ROOT, 'seeds', 'demo-district');

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

/** Seeds the demo district when no government is recorded yet; returns whether it did. */
export async function seedDemoIfEmpty(orm: MikroORM): Promise<boolean> {
  const em = orm.em.fork();
  if ((await em.count(Jurisdiction)) > 0) return false;
  await importDataset(em, await readDataset(DEMO_DATASET_DIR));
  return true;
}
