// 市区一体 through the API: subtreeCoverage and whoOversees(withinJurisdictionId) on the demo city, and their cost on a
// generated country at two sizes — a fixed number of SQL statements reading the same rows for a city of the same size
// whatever the size of the country, and still a fixed number of statements for a whole province.
import { seedDemoIfEmpty } from '../../src/ops/seed';
import { importDataset } from '../../src/io/importer';
import { mergeDatasets } from '../../src/io/dataset';
import { generateCountry } from '../../src/io/generate';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { createTestApi, type TestApi } from '../support/api';

jest.setTimeout(120_000);

const SUBTREE = `query($j: ID!, $d: Int) { subtreeCoverage(jurisdictionId: $j, maxDepth: $d) {
  root { id name } asOf
  governments { jurisdiction { id name parent { id } } depth gaps { id name } overlapCount absenceCount absentWithoutCover { name }
    unliaisedExternalUnitCount orphanedAssistCount load { leaders lines min max mean spread heaviest { name } lightest { name } } }
  totals { governments governmentsNeedingAttention gaps overlaps absences absentWithoutCover unliaisedExternalUnits orphanedAssists
    load { leaders lines min max spread heaviest { id } } widestSpread widestSpreadJurisdiction { id } }
} }`;

const COVERAGE = `query($j: ID!) { coverage(jurisdictionId: $j) {
  gaps { id } overlaps { department { id } } load { leader { id } total } absences { absentLeader { id } } absentWithoutCover { absentLeader { name } }
  unliaisedExternalUnits { id } orphanedAssists { id }
} }`;

const SEARCH = `query($t: String!, $j: ID, $w: ID, $n: Int) { whoOversees(text: $t, jurisdictionId: $j, withinJurisdictionId: $w, first: $n) {
  totalCount nodes { jurisdiction { id } matchedName matchedBy score target { __typename ... on Department { id name } ... on WorkArea { id name } }
    overseers { leader { id name } relation } }
} }`;

describe('on the demo city 江州市 and its district 青川区', () => {
  let db: TestDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = await openTestDatabase('subtree_demo');
    await seedDemoIfEmpty(db.orm);
    api = await createTestApi(db.orm);
  });

  afterAll(async () => {
    await api?.stop();
    await db?.close();
  });

  it('subtreeCoverage: the city, then 青川区, whose summary is its own coverage in short; totals add up', async () => {
    const { subtreeCoverage: s } = await api.data(SUBTREE, { j: 'jur:jiangzhou' });
    const { coverage: c } = await api.data(COVERAGE, { j: 'jur:qingchuan' });
    expect(s.root).toEqual({ id: 'jur:jiangzhou', name: '江州市' });
    expect(s.governments.map((g: any) => [g.jurisdiction.id, g.depth])).toEqual([['jur:jiangzhou', 0], ['jur:qingchuan', 1]]);
    const [city, district] = s.governments;
    expect(city).toMatchObject({ gaps: [], absenceCount: 0, load: { leaders: 0, lines: 0, heaviest: null } });
    expect(district.jurisdiction.parent).toEqual({ id: 'jur:jiangzhou' });
    expect(district.gaps.map((d: any) => d.id)).toEqual(c.gaps.map((d: any) => d.id));
    expect([district.overlapCount, district.absenceCount, district.unliaisedExternalUnitCount, district.orphanedAssistCount]).toEqual([
      c.overlaps.length, c.absences.length, c.unliaisedExternalUnits.length, c.orphanedAssists.length,
    ]);
    expect(district.absentWithoutCover.map((l: any) => l.name)).toEqual(c.absentWithoutCover.map((a: any) => a.absentLeader.name));
    const totals = c.load.map((l: any) => l.total);
    expect(district.load).toMatchObject({ leaders: c.load.length, lines: totals.reduce((a: number, b: number) => a + b, 0), min: Math.min(...totals), max: Math.max(...totals) });
    expect(s.totals).toMatchObject({
      governments: 2, gaps: c.gaps.length, overlaps: c.overlaps.length, absences: c.absences.length,
      absentWithoutCover: c.absentWithoutCover.length, widestSpread: district.load.spread, widestSpreadJurisdiction: { id: 'jur:qingchuan' },
    });
  });

  it('maxDepth 0 is the city alone; an unknown government is NOT_FOUND', async () => {
    const { subtreeCoverage: s } = await api.data(SUBTREE, { j: 'jur:jiangzhou', d: 0 });
    expect(s.governments.map((g: any) => g.jurisdiction.id)).toEqual(['jur:jiangzhou']);
    expect(await api.errorCode(SUBTREE, { j: 'jur:nowhere' })).toBe('NOT_FOUND');
  });

  it('whoOversees within the city finds what the district search finds, each match naming its government', async () => {
    for (const text of ['应急', '谁分管财政?', '殡葬']) {
      const within = (await api.data(SEARCH, { t: text, w: 'jur:jiangzhou', n: 50 })).whoOversees;
      const one = (await api.data(SEARCH, { t: text, j: 'jur:qingchuan', n: 50 })).whoOversees;
      expect(within.totalCount).toBeGreaterThan(0);
      expect(within).toEqual(one);
      expect(within.nodes.every((n: any) => n.jurisdiction.id === 'jur:qingchuan')).toBe(true);
    }
  });

  it('withinJurisdictionId with jurisdictionId is BAD_USER_INPUT; an unknown one NOT_FOUND', async () => {
    expect(await api.errorCode(SEARCH, { t: '财政', j: 'jur:qingchuan', w: 'jur:jiangzhou' })).toBe('BAD_USER_INPUT');
    expect(await api.errorCode(SEARCH, { t: '财政', w: 'jur:nowhere' })).toBe('NOT_FOUND');
  });
});

interface Measured {
  readonly statements: number;
  readonly rows: number;
  readonly data: Record<string, any>;
}

/** A generated country of `governments` county-level governments (10 per city), with every statement logged. */
async function country(label: string, governments: number) {
  const log: string[] = [];
  const db = await openTestDatabase(label, { debug: ['query'], logger: (message: string) => log.push(message) });
  await importDataset(db.orm.em.fork(), mergeDatasets(generateCountry({ governments, validFrom: '2026-01-01' })));
  const api = await createTestApi(db.orm);
  const measure = async (query: string, variables: Record<string, unknown>): Promise<Measured> => {
    log.length = 0;
    const data = await api.data(query, variables);
    // The log is coloured: strip the ANSI codes before looking for the statement's verb.
    const statements = log.map((s) => s.replace(/\x1b\[\d+m/g, '')).filter((s) => /^\[query\] (select|insert|update|delete|with)\b/i.test(s));
    // MikroORM's query log ends "[took N ms, M results]" (or "1 result").
    const rows = statements.reduce((n, s) => n + Number(/(\d+) results?\]/.exec(s)?.[1] ?? 0), 0);
    return { statements: statements.length, rows, data };
  };
  return { db, api, measure, close: async () => { await api.stop(); await db.close(); } };
}

describe('cost: bounded by the subtree, not the country (generated countries of 20 and 80 districts)', () => {
  let small: Awaited<ReturnType<typeof country>>;
  let large: Awaited<ReturnType<typeof country>>;

  beforeAll(async () => {
    small = await country('subtree_small', 20);
    large = await country('subtree_large', 80);
  });

  afterAll(async () => {
    await small?.close();
    await large?.close();
  });

  it.each([
    ['subtreeCoverage', SUBTREE, { j: 'jur:city-00001' }],
    ['whoOversees within', SEARCH, { t: '应急', w: 'jur:city-00001', n: 100 }],
  ])('%s of a city of ten districts: the same statements and the same rows in a country four times larger', async (_name, query, variables) => {
    const a = await small.measure(query, variables);
    const b = await large.measure(query, variables);
    // The same answer up to names (the city's districts are other ones: the generator deals districts out to cities in turn).
    const shape = (d: Measured) =>
      JSON.stringify(d.data).replace(/district-\d+/g, 'district-N').replace(/"(name|matchedName)":"[^"]*"/g, '"$1":"…"').split('},{').sort().join('},{');
    expect(shape(b)).toBe(shape(a));
    expect(b.statements).toBe(a.statements);
    expect(b.rows).toBe(a.rows);
    // One statement for the subtree, one per table for the facts of all eleven governments, one for the root's parent.
    expect(a.statements).toBeLessThanOrEqual(14);
    expect(a.rows).toBeGreaterThan(11 * 100);
  });

  it('a whole province: more governments (23 → 89), yet the same number of statements; rows grow with the subtree', async () => {
    const a = await small.measure(SUBTREE, { j: 'jur:province-00001' });
    const b = await large.measure(SUBTREE, { j: 'jur:province-00001' });
    expect(a.data.subtreeCoverage.totals.governments).toBe(1 + 2 + 20);
    expect(b.data.subtreeCoverage.totals.governments).toBe(1 + 8 + 80);
    expect(b.statements).toBe(a.statements);
    expect(b.rows).toBeGreaterThan(3 * a.rows);
    // Depth first: the province, then each city followed by its ten districts.
    const byDepth = (d: Measured) => d.data.subtreeCoverage.governments.map((g: any) => g.depth).join('');
    expect(byDepth(a)).toBe(`0${`1${'2'.repeat(10)}`.repeat(2)}`);
    expect(byDepth(b)).toBe(`0${`1${'2'.repeat(10)}`.repeat(8)}`);
  });
});
