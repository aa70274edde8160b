// Imported files obey the same text hygiene as GraphQL input (src/domain/text.ts): a control character is
// refused with BAD_USER_INPUT and its path, nothing is written; full-width digits and odd spaces are normalised.
import { BadInputError } from '../../src/domain';
import { Jurisdiction } from '../../src/entities';
import { importDataset, readDataset } from '../../src/io/importer';
import { DEMO_DATASET_DIR } from '../../src/ops/seed';
import { openTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase('importhygiene');
});

afterAll(async () => {
  await db?.close();
});

it('refuses a control character anywhere in the file, naming where, and writes nothing', async () => {
  const demo = await readDataset(DEMO_DATASET_DIR);
  const broken = { ...demo, leaders: demo.leaders.map((l, i) => (i === 2 ? { ...l, name: `${l.name}\u0000` } : l)) };
  const refusal = await importDataset(db.orm.em.fork(), broken).catch((error: unknown) => error);
  expect(refusal).toBeInstanceOf(BadInputError);
  expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', details: { path: 'leaders[2].name', codePoint: 'U+0000' } });
  expect(await db.orm.em.fork().count(Jurisdiction)).toBe(0);
});

it('stores normalised text: full-width digits become half-width, an ideographic space an ordinary one', async () => {
  const demo = await readDataset(DEMO_DATASET_DIR);
  const odd = { ...demo, meetings: demo.meetings.map((m, i) => (i === 0 ? { ...m, number: '第１次', nonVotingAttendees: ['区政府办公室副主任\u3000罗晓东'] } : m)) };
  await importDataset(db.orm.em.fork(), odd);
  const rows = await db.orm.em.getConnection().execute(`select number, non_voting_attendees from meeting where id = '${demo.meetings[0].id}'`);
  expect(rows[0].number).toBe('第1次');
  expect(JSON.stringify(rows[0].non_voting_attendees)).toContain('区政府办公室副主任 罗晓东');
});
