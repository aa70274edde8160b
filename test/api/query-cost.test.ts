// No N+1: the SQL behind a full portfolioMatrix / leadershipTeam / coverage query is a fixed number of
// statements, the same for the demo district and for a generated district ten times its size.
import { importDataset } from '../../src/io/importer';
import { generateDistrict } from '../../src/io/generate';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { createTestApi, type TestApi } from '../support/api';

const statements: string[] = [];
let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await openTestDatabase('querycost', {
    debug: ['query'],
    logger: (message: string) => statements.push(message),
  }, { demo: true });
  await importDataset(db.orm.em.fork(), generateDistrict({ id: 'jur:large', name: '大区', scale: 10, validFrom: '2026-01-01' }));
  api = await createTestApi(db.orm);
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

const FULL_MATRIX = `query($j: ID!) { portfolioMatrix(jurisdictionId: $j) {
  jurisdiction { name parent { name } }
  leaders { id name posts { post { kind title } } supervises { department { name } } backedUpBy { backup { name } } }
  departments { id name kind head { name } supervisedBy { leader { name } } liaisedBy { leader { name } } }
  workAreas { id heldBy { leader { name } } }
  cells { kind orphaned leader { name } department { name } workArea { name } line { validFrom document principal { name } } }
} }`;

const FULL_TEAM = `query($j: ID!) { leadershipTeam(jurisdictionId: $j, first: 50) { totalCount nodes {
  id name protocolRank presides jurisdiction { name }
  posts { acting post { kind title } }
  portfolio { kind department { name supervisedBy { leader { name } } } workArea { name } principal { name } }
  absence { reason } coveredBy { actor { name } } actingFor { absentLeader { name } }
  backedUpBy { backup { name } } backsUp { leader { name } }
  history(first: 20) { totalCount nodes { kind validFrom } }
} } }`;

const FULL_COVERAGE = `query($j: ID!) { coverage(jurisdictionId: $j) {
  gaps { name } overlaps { department { name } } load { leader { name } total }
  absences { absentLeader { name } actor { name } } absentWithoutCover { absentLeader { name } }
  unliaisedExternalUnits { name } orphanedAssists { id }
} }`;

async function countStatements(query: string, jurisdictionId: string): Promise<{ count: number; size: number }> {
  statements.length = 0;
  const data = await api.data(query, { j: jurisdictionId });
  return { count: statements.filter((s) => /\b(select|insert|update|delete)\b/i.test(s)).length, size: JSON.stringify(data).length };
}

it.each([
  ['portfolioMatrix', FULL_MATRIX],
  ['leadershipTeam', FULL_TEAM],
  ['coverage', FULL_COVERAGE],
])('%s costs the same number of SQL statements at ten times the size', async (_name, query) => {
  const demo = await countStatements(query, 'jur:qingchuan');
  const large = await countStatements(query, 'jur:large');
  // The large district really is larger (so the comparison means something) …
  expect(large.size).toBeGreaterThan(5 * demo.size);
  // … yet costs exactly as many statements: the store's cold load (one statement per batch of governments).
  expect(large.count).toBe(demo.count);
  expect(demo.count).toBeLessThanOrEqual(3);
});

it('decisions with their problems (R7) cost the same statements for one decision as for all of them', async () => {
  const query = (first: number) => `query($j: ID!) { decisions(jurisdictionId: $j, first: ${first}) { totalCount nodes { id problems { code } } } }`;
  statements.length = 0;
  const one = await api.data(query(1), { j: 'jur:qingchuan' });
  const forOne = statements.filter((s) => /\bselect\b/i.test(s)).length;
  statements.length = 0;
  const all = await api.data(query(50), { j: 'jur:qingchuan' });
  const forAll = statements.filter((s) => /\bselect\b/i.test(s)).length;
  expect(one.decisions.nodes).toHaveLength(1);
  expect(all.decisions.nodes.length).toBeGreaterThanOrEqual(2);
  expect(all.decisions.nodes.length).toBe(all.decisions.totalCount);
  expect(forAll).toBe(forOne);
});
