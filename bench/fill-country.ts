// Fills a benchmark database with the demo and a generated country, in a child process of its own (bench/http.ts
// --scale L): the import's memory (a whole country in one dataset peaks above 1 GB) goes back to the system when the
// child exits — a worker thread's heap would go, but not the allocator's arenas it grew — so the RSS the benchmark
// reports afterwards is the servers', not the import's leftovers. The parent sends { database, governments } and
// waits for the exit: 0 once the country is in.
import 'reflect-metadata';
import type { DatabaseConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { mergeDatasets } from '../src/io/dataset';
import { generateCountry } from '../src/io/generate';
import { importDataset } from '../src/io/importer';
import { seedDemoIfEmpty } from '../src/ops/seed';

async function fill({ database, governments }: { database: DatabaseConfig; governments: number }): Promise<void> {
  const orm = await openDatabase(database);
  try {
    await seedDemoIfEmpty(orm);
    // One dataset: the dataset check wants each government's parent in the same file, so the country goes in whole
    // (the importer orders parents first).
    await importDataset(orm.em.fork(), mergeDatasets(generateCountry({ governments, validFrom: '2026-01-01' })));
  } finally {
    await orm.close(true);
  }
}

process.once('message', (job: { database: DatabaseConfig; governments: number }) => {
  fill(job).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
