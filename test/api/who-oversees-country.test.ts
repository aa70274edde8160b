// whoOversees across the whole country (no jurisdictionId): the candidate governments are bounded, and when more
// matched than were searched the answer says so (moreGovernments) instead of capping silently.
import { importDataset } from '../../src/io/importer';
import { mergeDatasets } from '../../src/io/dataset';
import { generateCountry } from '../../src/io/generate';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { createTestApi, type TestApi } from '../support/api';

let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await openTestDatabase('oversees_country');
  // 60 districts with their cities and province: every government has an education bureau.
  await importDataset(db.orm.em.fork(), mergeDatasets(generateCountry({ governments: 60, validFrom: '2026-01-01' })));
  api = await createTestApi(db.orm);
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

const ASK = 'query($text: String!, $within: ID) { whoOversees(text: $text, withinJurisdictionId: $within, first: 5) { totalCount governmentsSearched moreGovernments nodes { jurisdiction { id } } } }';

it('a country-wide search names how many governments it searched, and that more matched', async () => {
  const { whoOversees } = await api.data(ASK, { text: '教育局' });
  expect(whoOversees.governmentsSearched).toBe(50);
  expect(whoOversees.moreGovernments).toBe(true);
  expect(whoOversees.totalCount).toBeGreaterThanOrEqual(50);
  expect(whoOversees.nodes).toHaveLength(5);
});

it('a search within one city is complete: every government of it searched, nothing more to say', async () => {
  const { jurisdictions } = await api.data('{ jurisdictions(first: 100) { nodes { id level } } }');
  const city = (jurisdictions.nodes as { id: string; level: string }[]).find((j) => j.level === 'CITY')!.id;
  const { whoOversees } = await api.data(ASK, { text: '教育局', within: city });
  expect(whoOversees.moreGovernments).toBe(false);
  expect(whoOversees.governmentsSearched).toBeGreaterThan(1);
  expect(whoOversees.governmentsSearched).toBeLessThan(50);
});

it('a text no government matches searches none', async () => {
  const { whoOversees } = await api.data(ASK, { text: '月球探测局' });
  expect(whoOversees).toMatchObject({ totalCount: 0, governmentsSearched: 0, moreGovernments: false });
});
