// `npm run bench`: does a query about one government cost the same in a directory of one government
// as in a directory of a whole country? Measures each query on the demo district alone (the baseline),
// then again after N synthetic districts have been added, and prints the ratio. In-process (Apollo's
// executeOperation), so it measures our code and the database, not the HTTP stack.
//
//   npm run bench                              # SQLite in memory, 300 extra districts
//   npm run bench -- --governments 3000        # a whole country (~300,000 portfolio lines)
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/fengong_bench npm run bench
//     (PostgreSQL: the named database is dropped and re-created; use one of its own)
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import type { MikroORM } from '@mikro-orm/core';
import { openDatabase } from '../src/db/database';
import { seedDemoIfEmpty } from '../src/ops/seed';
import { createRequestScope } from '../src/scope/request-scope';
import { createEvents } from '../src/scope/events';
import { createSchema } from '../src/graphql/schema';
import { generateDistrict } from '../src/io/generate';
import { importDataset } from '../src/io/importer';
import { createApollo, createLocalPolicy } from '../src/server';
import { freshBenchDatabase, numberArgument } from './support';

const TODAY = '2026-11-28';
/** Runs per query before timing starts, to warm caches and the JIT. */
const WARM_UP = 20;
const QUERIES: Record<string, string> = {
  'leadershipTeam (full portfolios)': `{ leadershipTeam(jurisdictionId: "jur:qingchuan") { nodes { name posts { post { title } } portfolio { kind department { name } workArea { name } } coveredBy { actor { name } } } } }`,
  portfolioMatrix: `{ portfolioMatrix(jurisdictionId: "jur:qingchuan") { leaders { name } departments { name } cells { kind leader { id } department { id } workArea { id } } } }`,
  coverage: `{ coverage(jurisdictionId: "jur:qingchuan") { gaps { id } overlaps { department { id } } load { leader { id } total } absences { actor { id } } } }`,
  canDirect: `{ canDirect(leaderId: "leader:li-xiaoyan", departmentId: "dept:education") { allowed basis chain { text } } }`,
  whoCanDirect: `{ whoCanDirect(departmentId: "dept:justice") { nodes { leader { name } basis } } }`,
  'whoOversees (in one government)': `{ whoOversees(text: "财政", jurisdictionId: "jur:qingchuan") { nodes { matchedName overseers { leader { name } relation } } } }`,
  'whoOversees (whole directory, ≤ 50 governments)': `{ whoOversees(text: "财政") { totalCount nodes { matchedName } } }`,
  'department + history': `{ department(id: "dept:education") { name supervisedBy { leader { name } } history { nodes { kind validFrom } } } }`,
};

async function measure(orm: MikroORM, rounds: number): Promise<Map<string, number>> {
  const events = createEvents();
  const apollo = createApollo(await createSchema(events), createLocalPolicy({ error: (details, message) => console.error(message, details) }));
  await apollo.start();
  const scope = { today: TODAY, now: new Date(`${TODAY}T04:00:00Z`), viewer: null, publicReads: true, events };
  const medians = new Map<string, number>();
  for (const [name, query] of Object.entries(QUERIES)) {
    const times: number[] = [];
    for (let i = 0; i < rounds + WARM_UP; i += 1) {
      const start = performance.now();
      const response = await apollo.executeOperation({ query }, { contextValue: createRequestScope(orm.em, scope) });
      const elapsed = performance.now() - start;
      if (response.body.kind !== 'single' || response.body.singleResult.errors !== undefined) {
        throw new Error(`${name} failed: ${JSON.stringify(response.body)}`);
      }
      if (i >= WARM_UP) times.push(elapsed);
    }
    times.sort((a, b) => a - b);
    medians.set(name, times[Math.floor(times.length / 2)]);
  }
  await apollo.stop();
  return medians;
}

async function main(): Promise<void> {
  const governments = numberArgument('governments', 300, 0);
  const rounds = numberArgument('rounds', 30, 1);
  const database = await freshBenchDatabase(':memory:');
  const orm = await openDatabase(database);
  try {
    await seedDemoIfEmpty(orm);
    await measure(orm, 5); // a first pass fills connection pools and compiles the hot paths for both runs
    const baseline = await measure(orm, rounds);

    const started = performance.now();
    let lines = 0;
    for (let g = 1; g <= governments; g += 1) {
      const district = generateDistrict({ id: `jur:gen-${String(g).padStart(5, '0')}`, name: `合成${g}区`, scale: 1, validFrom: '2026-01-01' });
      lines += district.assignments.length;
      await importDataset(orm.em.fork(), district);
      if (g % 500 === 0) process.stderr.write(`  imported ${g}/${governments} districts\n`);
    }
    const importSeconds = (performance.now() - started) / 1000;
    const scaled = await measure(orm, rounds);

    console.log(`\n分工名录 benchmark — ${database.kind}, ${rounds} rounds per query, median latency (ms)`);
    console.log(`baseline: the demo district alone; scaled: the demo district + ${governments} synthetic districts (+${lines.toLocaleString('en')} portfolio lines, imported in ${importSeconds.toFixed(1)} s)\n`);
    console.log('| query | baseline: 1 government (ms) | scaled: ' + (governments + 1) + ' governments (ms) | ratio |');
    console.log('|---|---:|---:|---:|');
    for (const [name, base] of baseline) {
      const after = scaled.get(name) as number;
      console.log(`| ${name} | ${base.toFixed(2)} | ${after.toFixed(2)} | ${(after / base).toFixed(2)} |`);
    }
    console.log(`\nmemory: rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  } finally {
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
