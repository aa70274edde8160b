// The demo district as a ready SQLite file, made with the build (npm ci's `prepare`, scripts/ensure-built.js), so
// the very first `npm start` copies a file instead of migrating an empty one and seeding the demo (about 1 s).
//
// Contract:
// - The template is exactly what `openDatabase` + `seedDemoIfEmpty` make of an empty file (it is made by them), with
//   the migrations of the build that made it.
// - It is used only while it is current: at least as new as every file under src/ and seeds/ (an edited seed or
//   seeding code is seeded afresh, never served from an older copy), and only for a database file that does not
//   exist yet (copied exclusively: an existing file, even an empty one, is never overwritten).
// - Seeding involves no clock (the key-work journal carries its own dates), so a copy made at install holds what
//   seeding at the first start would; only audit times of the import say when the copy was made.
import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { openDatabase } from '../db/database';
import { seedDemoIfEmpty } from './seed';

export const DEMO_TEMPLATE_FILE = path.join(PROJECT_ROOT, 'dist', 'demo-district.sqlite');

/** What the template is made from: a newer file here makes it stale. */
const TEMPLATE_SOURCES = [path.join(PROJECT_ROOT, 'src'), path.join(PROJECT_ROOT, 'seeds')];

/** The newest modification time (ms) of the files under `dirs`; 0 when there are none. */
export async function newestFileTime(dirs: readonly string[]): Promise<number> {
  let newest = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else newest = Math.max(newest, (await stat(full)).mtimeMs);
    }
  };
  for (const dir of dirs) {
    try {
      await walk(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return newest;
}

/** Makes the template at `file`: a fresh file, migrated and seeded, then renamed into place (never half-made). */
export async function buildDemoTemplate(file: string = DEMO_TEMPLATE_FILE): Promise<void> {
  const building = `${file}.building`;
  await rm(building, { force: true });
  const orm = await openDatabase({ kind: 'sqlite', url: building });
  try {
    await seedDemoIfEmpty(orm);
  } finally {
    await orm.close(true);
  }
  await rename(building, file);
}

/** Why a copy was not made, or 'copied'. */
export type TemplateCopy = 'copied' | 'exists' | 'no-template' | 'stale';

/**
 * Copies the template to `target` when `target` does not exist and the template is current (see the contract);
 * otherwise says why not, and the caller migrates and seeds as before.
 */
export async function copyDemoTemplate(target: string, template: string = DEMO_TEMPLATE_FILE, sources: readonly string[] = TEMPLATE_SOURCES): Promise<TemplateCopy> {
  let madeAt: number;
  try {
    madeAt = (await stat(template)).mtimeMs;
  } catch {
    return 'no-template';
  }
  if ((await newestFileTime(sources)) > madeAt) return 'stale';
  await mkdir(path.dirname(path.resolve(target)), { recursive: true });
  try {
    await copyFile(template, target, constants.COPYFILE_EXCL);
    return 'copied';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw error;
  }
}
