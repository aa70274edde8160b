// The build's demo template (src/ops/demo-template.ts): a copy is what migrating and seeding an empty file makes,
// it is copied only onto a file that does not exist, and never once a source is newer than it. Real SQLite files.
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { openDatabase } from '../../src/db/database';
import { exportDataset } from '../../src/io/exporter';
import { buildDemoTemplate, copyDemoTemplate, DEMO_TEMPLATE_FILE, newestFileTime } from '../../src/ops/demo-template';
import { seedDemoIfEmpty } from '../../src/ops/seed';

let dir: string;
let template: string;
/** A stand-in for src/ and seeds/: one file, older than the template unless a test touches it. */
let sources: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fengong-template-'));
  sources = path.join(dir, 'sources');
  await mkdir(sources);
  await writeFile(path.join(sources, 'seed.json'), '{}');
  const past = new Date(Date.now() - 3_600_000);
  await utimes(path.join(sources, 'seed.json'), past, past);
  template = path.join(dir, 'demo.sqlite');
  await buildDemoTemplate(template);
});

afterAll(() => rm(dir, { recursive: true, force: true }));

async function withFile<T>(file: string, action: (orm: MikroORM) => Promise<T>): Promise<T> {
  const orm = await openDatabase({ kind: 'sqlite', url: file });
  try {
    return await action(orm);
  } finally {
    await orm.close(true);
  }
}

/** Rows per table: random ids and write times differ between two seedings, the counts may not. */
async function rowCounts(orm: MikroORM): Promise<Record<string, number>> {
  const knex = (orm.em as SqlEntityManager).getKnex();
  const counts: Record<string, number> = {};
  for (const meta of Object.values(orm.getMetadata().getAll())) {
    if (meta.abstract || meta.embeddable) continue;
    counts[meta.tableName] = Number(((await knex(meta.tableName).count({ n: '*' })) as { n: number | string }[])[0].n);
  }
  return counts;
}

it('is built whole: no half-made file is left beside it', async () => {
  await expect(stat(`${template}.building`)).rejects.toMatchObject({ code: 'ENOENT' });
  expect((await stat(template)).size).toBeGreaterThan(0);
});

it('copies into a new file what migrating and seeding an empty file makes, with no migration pending', async () => {
  const copy = path.join(dir, 'nested', 'copied.sqlite');
  expect(await copyDemoTemplate(copy, template, [sources])).toBe('copied');
  const seeded = path.join(dir, 'seeded.sqlite');
  await withFile(seeded, async (orm) => {
    expect(await seedDemoIfEmpty(orm)).toBe(true);
  });
  const [fromCopy, fromSeeding] = await Promise.all(
    [copy, seeded].map((file) =>
      withFile(file, async (orm) => ({
        pending: (await orm.getMigrator().getPendingMigrations()).length,
        seededAgain: await seedDemoIfEmpty(orm),
        counts: await rowCounts(orm),
        dataset: await exportDataset(orm.em.fork() as SqlEntityManager),
      })),
    ),
  );
  expect(fromCopy.pending).toBe(0);
  expect(fromCopy.seededAgain).toBe(false);
  expect(fromCopy.counts.jurisdiction).toBeGreaterThan(0);
  expect(fromCopy.counts.key_task).toBeGreaterThan(0);
  expect(fromCopy.counts).toEqual(fromSeeding.counts);
  expect(fromCopy.dataset).toEqual(fromSeeding.dataset);
});

it('never overwrites a file that exists, even an empty one', async () => {
  const existing = path.join(dir, 'existing.sqlite');
  await writeFile(existing, '');
  expect(await copyDemoTemplate(existing, template, [sources])).toBe('exists');
  expect(await readFile(existing, 'utf8')).toBe('');
});

it('is not used once a source is newer than it, nor when there is none', async () => {
  const newer = path.join(sources, 'edited.json');
  await writeFile(newer, '{}');
  const future = new Date((await stat(template)).mtimeMs + 60_000);
  await utimes(newer, future, future);
  try {
    const target = path.join(dir, 'stale.sqlite');
    expect(await copyDemoTemplate(target, template, [sources])).toBe('stale');
    await expect(stat(target)).rejects.toMatchObject({ code: 'ENOENT' });
  } finally {
    await rm(newer);
  }
  expect(await copyDemoTemplate(path.join(dir, 'none.sqlite'), path.join(dir, 'absent.sqlite'), [sources])).toBe('no-template');
});

it('the build made one that is current for this tree (npm ci, scripts/ensure-built.js)', async () => {
  const made = (await stat(DEMO_TEMPLATE_FILE)).mtimeMs;
  expect(made).toBeGreaterThanOrEqual(await newestFileTime([path.join(__dirname, '..', '..', 'src'), path.join(__dirname, '..', '..', 'seeds')]));
});
