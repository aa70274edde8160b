// `npm run bench:import`: bulk import of a synthetic country. Does the cost per portfolio line stay flat as
// the country grows? Imports a tenth of the country into a fresh database (the baseline), then the whole
// country into another, and prints time per line and the ratio. SQLite file by default;
// BENCH_DATABASE_URL=postgresql://…/fengong_bench for PostgreSQL (dropped and re-created, twice).
//
//   npm run bench:import                          # 3,000 governments (~360,000 portfolio lines), baseline 300
//   npm run bench:import -- --governments 1000
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/database';
import { checkDataset, checkDatasetDecisions, mergeDatasets } from '../src/io/dataset';
import { generateCountry } from '../src/io/generate';
import { importDataset } from '../src/io/importer';
import { freshBenchDatabase, numberArgument } from './support';

interface Run {
  governments: number;
  lines: number;
  checkSeconds: number;
  importSeconds: number;
}

async function run(governments: number, scratch: string): Promise<Run> {
  const data = mergeDatasets(generateCountry({ governments, validFrom: '2026-01-01' }));
  const checkStart = performance.now();
  if (checkDataset(data).length + checkDatasetDecisions(data).length > 0) throw new Error('generated data is not valid');
  const checkSeconds = (performance.now() - checkStart) / 1000;
  const database = await freshBenchDatabase(path.join(scratch, `g${governments}.sqlite`));
  const orm = await openDatabase(database);
  try {
    const start = performance.now();
    await importDataset(orm.em.fork(), data);
    return { governments: data.jurisdictions.length, lines: data.assignments.length, checkSeconds, importSeconds: (performance.now() - start) / 1000 };
  } finally {
    await orm.close(true);
  }
}

async function main(): Promise<void> {
  const governments = numberArgument('governments', 3000, 10);
  const scratch = await mkdtemp(path.join(tmpdir(), 'fengong-bench-'));
  try {
    const kind = process.env.BENCH_DATABASE_URL === undefined ? 'sqlite (file)' : 'postgresql';
    const baseline = await run(Math.round(governments / 10), scratch);
    const full = await run(governments, scratch);
    const perLine = (r: Run) => ((r.checkSeconds + r.importSeconds) / r.lines) * 1e6;
    console.log(`\n分工名录 bulk-import benchmark — ${kind}; baseline: a tenth of the country, in the same run\n`);
    console.log('| run | governments | portfolio lines | check (s) | import (s) | µs per line | ratio |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const [label, r] of [['baseline', baseline], ['country', full]] as const) {
      console.log(`| ${label} | ${r.governments.toLocaleString('en')} | ${r.lines.toLocaleString('en')} | ${r.checkSeconds.toFixed(1)} | ${r.importSeconds.toFixed(1)} | ${perLine(r).toFixed(0)} | ${(perLine(r) / perLine(baseline)).toFixed(2)} |`);
    }
    console.log(`\nmemory: peak rss ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
