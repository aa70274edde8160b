// `npm run bench:search`: how well and how fast "who oversees X" answers as people ask. Scores the query set
// (test/fixtures/search-queries.json: unit names, short forms, topics, sentences, traditional characters,
// pinyin, people — over the demo district and a generated district without aliases) by top-1 and top-3
// accuracy per class, and times the search per query for one government once its index is built.
// Pure domain, in-process: no database, no server.
//
//   npm run bench:search                 # the table, as in the README
//   npm run bench:search -- --misses     # also every query whose first answer is not right
//   npm run bench:search -- --rounds 50  # timing rounds over the whole set (default 20)
import { performance } from 'node:perf_hooks';
import { whoOversees, type DirectoryFacts } from '../src/domain';
import { generateDistrict } from '../src/io/generate';
import { factsByJurisdiction } from '../src/io/dataset';
import { CLASSES, governmentsOf, loadQuerySet, runQuery, scoreOutcomes, type QueryOutcome } from './search-score';
import { numberArgument } from './support';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function main(): void {
  const rounds = numberArgument('rounds', 20, 1);
  const set = loadQuerySet();
  const governments = governmentsOf(set);

  // Cold: the first query loads the text libraries (OpenCC, pinyin, and jieba if a sentence needs it) and builds
  // the index; a fresh facts object then times the index build alone.
  const demo = governments.get('demo') as DirectoryFacts;
  const cold = time(() => whoOversees(demo, '殡葬', set.asOf));
  const segmenterLoad = time(() => whoOversees(demo, '航天发射', set.asOf));
  const builds = [...governments].map(([name, facts]) => [name, time(() => whoOversees({ ...facts }, '财政', set.asOf))] as const);

  const outcomes: QueryOutcome[] = set.queries.map((q) => runQuery(governments.get(q.government) as DirectoryFacts, q, set.asOf));
  const scores = scoreOutcomes(outcomes);
  const byGovernment = (name: string) => scoreOutcomes(outcomes.filter((o) => o.query.government === name));
  const demoScores = byGovernment('demo');
  const generatedScores = byGovernment('generated');

  const times: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    for (const q of set.queries) {
      const facts = governments.get(q.government) as DirectoryFacts;
      times.push(time(() => whoOversees(facts, q.text, set.asOf)));
    }
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;

  // A province-sized government (scale 3: 195 units, 90 work areas): the per-query cost grows with the units of
  // one government, not with the number of governments, since each government's index is its own.
  const province = factsByJurisdiction(generateDistrict({ id: 'jur:bench-province', name: '合成省', level: 'PROVINCE', scale: 3, validFrom: '2026-01-01' })).get('jur:bench-province') as DirectoryFacts;
  const provinceBuild = time(() => whoOversees(province, '财政', set.asOf));
  const provinceTimes: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    for (const q of set.queries.filter((x) => x.government === 'generated')) provinceTimes.push(time(() => whoOversees(province, q.text, set.asOf)));
  }
  provinceTimes.sort((a, b) => a - b);
  const provinceMean = provinceTimes.reduce((s, t) => s + t, 0) / provinceTimes.length;

  const pct = (x: number) => x.toFixed(2);
  const find = (rows: typeof scores, c: string) => rows.find((s) => s.class === c);
  const cell = (rows: typeof scores, c: string) => {
    const s = find(rows, c);
    return s === undefined || s.queries === 0 ? '—' : `${pct(s.top1)} / ${pct(s.top3)}`;
  };
  console.log(`Search query set: ${set.queries.length} queries (demo ${outcomes.filter((o) => o.query.government === 'demo').length}, generated district without aliases ${outcomes.filter((o) => o.query.government === 'generated').length}), as of ${set.asOf}\n`);
  console.log('| class | queries | top-1 | top-3 | demo top-1 / top-3 | generated top-1 / top-3 |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const c of [...CLASSES, 'all']) {
    const s = find(scores, c);
    if (s === undefined || s.queries === 0) continue;
    console.log(`| ${c} | ${s.queries} | ${pct(s.top1)} | ${pct(s.top3)} | ${cell(demoScores, c)} | ${cell(generatedScores, c)} |`);
  }
  console.log(`\nSpeed, one government, index built: ${mean.toFixed(3)} ms/query mean, p95 ${percentile(times, 0.95).toFixed(3)} ms, max ${times[times.length - 1].toFixed(2)} ms (${times.length} queries)`);
  console.log(`Province-sized government (195 units): ${provinceMean.toFixed(3)} ms/query mean, p95 ${percentile(provinceTimes, 0.95).toFixed(3)} ms; index build ${provinceBuild.toFixed(1)} ms`);
  console.log(`Index build per government (first query on new facts): ${builds.map(([n, t]) => `${n} ${t.toFixed(1)} ms`).join(', ')}`);
  console.log(`Process start-up (once): first query ${cold.toFixed(0)} ms (OpenCC, pinyin, index), first segmented sentence ${segmenterLoad.toFixed(0)} ms (jieba)`);

  if (process.argv.includes('--misses')) {
    console.log('\nQueries whose first answer is not right:');
    for (const o of outcomes.filter((x) => x.position !== 1)) {
      const top = o.results.slice(0, 3).map((m) => `${m.targetId} (${m.matchedBy} ${m.matchedName})`).join(', ') || 'nothing';
      console.log(`  [${o.query.class}/${o.query.government}] ${o.query.text} → ${top}; right at ${o.position ?? '—'}`);
    }
  }
}

main();
