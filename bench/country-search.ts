// `npm run bench:country`: the country-wide whoOversees (no jurisdictionId) over real HTTP, on the demo plus a
// generated country, with an EDITOR token (a token holder is never answered by the response cache: every request
// executes). For each text: the first call with the store and its name index emptied (cold), the first call with only
// the index emptied (its rebuild), then warm p50/p99 over bounded repetitions of the first page and of a page deep in
// the list (keyset cursors: page k costs what page 1 does); and, as a baseline in the same run on the same database,
// the candidate query this replaced — three LIKE scans, each capped at 51 governments — and the same scans uncapped
// (what the CLI and transactions run: governmentsMatchingInDatabase).
//
//   npm run bench:country                                  # SQLite in memory, 3,000 generated districts
//   npm run bench:country -- --governments 300 --repetitions 20
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/fengong_bench_country npm run bench:country
//     (the named database is dropped and re-created: use one of its own)
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { createToken } from '../src/auth/tokens';
import { openDatabase } from '../src/db/database';
import { searchKeywords } from '../src/domain';
import { mergeDatasets } from '../src/io/dataset';
import { generateCountry } from '../src/io/generate';
import { importDataset } from '../src/io/importer';
import { seedDemoIfEmpty } from '../src/ops/seed';
import { startServer, type RunningServer } from '../src/server';
import { governmentsMatchingInDatabase, loadGovernmentTexts } from '../src/store/name-index';
import { freshBenchDatabase, numberArgument } from './support';

const TODAY = '2026-11-28';
const PAGE = 10;
/** How deep the "deep page" is: the page after this many pages. */
const DEEP = 20;

const QUERY = `query($t: String!, $after: String, $j: ID) { whoOversees(text: $t, first: ${PAGE}, after: $after, jurisdictionId: $j) {
  governmentsMatched governmentsSearched moreGovernments pageInfo { hasNextPage endCursor }
  nodes { jurisdiction { id name } matchedName matchedBy score target { __typename ... on Department { id name } ... on WorkArea { id name } }
    overseers { leader { id name } relation liaison } }
} }`;

/** The candidate query this replaced (DirectoryService.jurisdictionsMatching): three scans, each capped at 51 governments. */
async function oldCandidates(em: SqlEntityManager, keywords: readonly string[]): Promise<string[]> {
  const patterns = keywords.map((k) => `%${k.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const scan = async (table: string, columns: readonly string[]) => {
    const conditions = patterns.flatMap(() => columns.map((c) => `${c} like ? escape '\\'`));
    const params = patterns.flatMap((p) => columns.map(() => p));
    const sql = `select distinct jurisdiction_id from ${table} where ${conditions.join(' or ')} order by jurisdiction_id limit 51`;
    return ((await em.getConnection().execute(sql, params)) as { jurisdiction_id: string }[]).map((r) => r.jurisdiction_id);
  };
  const ids = new Set([
    ...(await scan('department', ['name', 'cast(aliases as text)', 'head_name'])),
    ...(await scan('work_area', ['name', 'cast(aliases as text)'])),
    ...(await scan('leader', ['name'])),
  ]);
  return [...ids].sort().slice(0, 51);
}

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

async function timed<T>(action: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await action();
  return { ms: performance.now() - start, value };
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

async function main(): Promise<void> {
  const governments = numberArgument('governments', 3000, 1);
  const repetitions = numberArgument('repetitions', 30, 3);
  const database = await freshBenchDatabase(':memory:');
  const statements: string[] = [];
  const orm: MikroORM = await openDatabase(database, { debug: ['query'], logger: (message: string) => statements.push(message) });
  let server: RunningServer | null = null;
  try {
    await seedDemoIfEmpty(orm);
    process.stderr.write(`generating and importing a country of ${governments} districts…\n`);
    await importDataset(orm.em.fork(), mergeDatasets(generateCountry({ governments, validFrom: '2026-01-01' })));
    const em = orm.em.fork() as SqlEntityManager;
    // Generated leaders' names (every generated district's team has the same names): a deputy with a portfolio, and
    // the secretary-general, who has none — every district holds the name, none matches it.
    const nameOf = async (id: string) => ((await em.getConnection().execute('select name from leader where id = ?', [id])) as { name: string }[])[0].name;
    const deputy = await nameOf('leader:district-00001-2');
    const secretary = await nameOf('leader:district-00001-11');
    const texts = await loadGovernmentTexts(em, null);
    const distinct = new Set([...texts.values()].flatMap((t) => [...t])).size;
    const rssAfterImport = process.memoryUsage().rss;
    const TEXTS: readonly [label: string, text: string][] = [
      ['unit name', '教育局'],
      ['short form', '发改委'],
      ['topic', '殡葬'],
      ['sentence', '谁分管财政?'],
      ['head title', '教育局长'],
      ['traditional', '審計'],
      ['pinyin', 'shenji'],
      ['leader (demo)', '周明'],
      ['leader (generated)', deputy],
      ['leader, no portfolio', secretary],
      ['one district’s unit', '合成1234区应急管理局'],
      ['nothing', '月球探测局'],
    ];

    const token = (await createToken(orm.em.fork(), 'bench', 'EDITOR', new Date())).token;
    server = await startServer(orm, 0, '127.0.0.1', { timeZone: 'Asia/Shanghai', publicReads: true, rateLimits: null, now: () => new Date(`${TODAY}T04:00:00Z`), logger: { error: () => undefined } as never });
    const url = `${server.url}/graphql`;
    const post = (body: object) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    // A kept-alive socket the server closed while the baseline ran: opened again before anything is timed.
    const ping = () => post({ query: '{ __typename }' }).then((r) => r.text(), () => post({ query: '{ __typename }' }).then((r) => r.text()));
    const ask = async (text: string, after: string | null = null, j: string | null = null) => {
      const response = await post({ query: QUERY, variables: { t: text, after, j } });
      const body = (await response.json()) as { data?: { whoOversees: { governmentsMatched: number; governmentsSearched: number; moreGovernments: boolean; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: unknown[] } }; errors?: unknown };
      if (body.errors !== undefined || body.data === undefined) throw new Error(`${text}: ${JSON.stringify(body.errors)}`);
      return body.data.whoOversees;
    };
    const repeat = async (action: () => Promise<unknown>) => {
      await action();
      const times: number[] = [];
      for (let i = 0; i < repetitions; i += 1) times.push((await timed(action)).ms);
      return { p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
    };

    const rows: string[] = [];
    let rssAfterIndex = 0;
    for (const [label, text] of TEXTS) {
      await ping();
      server.store.clear();
      const before = statements.length;
      const cold = await timed(() => ask(text));
      const coldStatements = statements.length - before;
      if (rssAfterIndex === 0) rssAfterIndex = process.memoryUsage().rss;
      server.store.names.clear();
      const rebuild = await timed(() => ask(text));
      await ping();
      const warm = await repeat(() => ask(text));
      const warmBefore = statements.length;
      await ask(text);
      const warmStatements = statements.length - warmBefore;
      // The page after DEEP pages (or the last one there is).
      let cursor: string | null = null;
      let depth = 0;
      for (let page = await ask(text); page.pageInfo.hasNextPage && depth < DEEP; page = await ask(text, cursor), depth += 1) cursor = page.pageInfo.endCursor;
      const deep = await repeat(() => ask(text, cursor));
      // For reference: the same query naming the first matching government (one government, no index).
      const firstGovernment = (cold.value.nodes[0] as { jurisdiction: { id: string } } | undefined)?.jurisdiction.id ?? null;
      const one = firstGovernment === null ? null : await repeat(() => ask(text, null, firstGovernment));
      const keywords = searchKeywords(text);
      const old = await repeat(() => oldCandidates(orm.em.fork() as SqlEntityManager, keywords));
      const uncapped = await repeat(() => governmentsMatchingInDatabase(orm.em.fork() as SqlEntityManager, keywords));
      const first = cold.value;
      rows.push(
        `| ${label} | ${text} | ${first.governmentsMatched} | ${first.governmentsSearched} | ${first.nodes.length} | ${cold.ms.toFixed(0)} (${coldStatements} SQL) | ${rebuild.ms.toFixed(0)} | ${warm.p50.toFixed(1)} / ${warm.p99.toFixed(1)} (${warmStatements} SQL) | ${depth + 1}: ${deep.p50.toFixed(1)} / ${deep.p99.toFixed(1)} | ${one === null ? '—' : one.p50.toFixed(1)} | ${old.p50.toFixed(1)} | ${uncapped.p50.toFixed(1)} |`,
      );
      process.stderr.write(`${label} done\n`);
    }
    const stats = server.store.names.stats;
    console.log(`\nCountry-wide whoOversees — ${database.kind}, the demo + ${governments} generated districts; node ${process.version}, ${require('node:os').cpus().length} cores`);
    console.log(`first: ${PAGE}; warm: p50 / p99 over ${repetitions} sequential requests over HTTP with an EDITOR token (no response cache); ms\n`);
    console.log('| kind | text | governmentsMatched | searched (page 1) | nodes | cold: store + index emptied | index rebuild | warm page 1 p50 / p99 | warm page k p50 / p99 | one government (jurisdictionId) p50 | old LIKE scans (cap 51) p50 | LIKE scans uncapped p50 |');
    console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const row of rows) console.log(row);
    console.log(`\nname index: ${stats.governments} governments, ${stats.entries} entries (government, distinct text; ${distinct} distinct texts country-wide), ${stats.characters} characters, ~${mib(stats.bytes)}`);
    console.log(`RSS: ${mib(rssAfterImport)} after the import, ${mib(rssAfterIndex)} after the first cold search, ${mib(process.memoryUsage().rss)} at the end (governments held by the store: ${server.store.size})`);
  } finally {
    await server?.stop();
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
