// The demo district (seeds/demo-district): the directory, its meetings and its key work, written into an empty
// database when asked to (npm start does; tests do).
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { PROJECT_ROOT } from '../config';
import { Jurisdiction } from '../entities';
import { importDataset, readDataset } from '../io/importer';
import { importKeyWorkSeed } from '../modules/key-work/key-work.seed';

export const DEMO_DATASET_DIR = path.join(PROJECT_ROOT, 'seeds', 'demo-district');

/** Seeds the demo district when no government is recorded yet; returns whether it did. */
export async function seedDemoIfEmpty(orm: MikroORM): Promise<boolean> {
  const em = orm.em.fork();
  if ((await em.count(Jurisdiction)) > 0) return false;
  await importDataset(em, await readDataset(DEMO_DATASET_DIR));
  await importKeyWorkSeed(orm, DEMO_DATASET_DIR);
  return true;
}
