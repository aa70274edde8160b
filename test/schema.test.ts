// schema/schema.graphql is the committed contract: it must be exactly what the server serves.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { createSchema, printSortedSchema, SCHEMA_FILE } from '../src/graphql/schema';

it('schema/schema.graphql matches the schema the server builds (run `npm run schema:emit` after changing the API)', async () => {
  const committed = await readFile(path.join(PROJECT_ROOT, SCHEMA_FILE), 'utf8');
  expect(printSortedSchema(await createSchema())).toBe(committed);
});

it('keeps the names other checks rely on', async () => {
  const schema = await createSchema();
  const query = schema.getQueryType()?.getFields() ?? {};
  const args = (field: string) => query[field]?.args.map((a) => a.name);
  expect(args('leadershipTeam')).toEqual(expect.arrayContaining(['jurisdictionId', 'asOf']));
  expect(args('leader')).toEqual(expect.arrayContaining(['id']));
  expect(args('department')).toEqual(expect.arrayContaining(['id']));
  expect(args('whoOversees')).toEqual(expect.arrayContaining(['text', 'asOf']));
  expect(args('canDirect')).toEqual(expect.arrayContaining(['leaderId', 'departmentId', 'asOf']));
  expect(args('whoCanDirect')).toEqual(expect.arrayContaining(['departmentId', 'asOf']));
  expect(args('portfolioMatrix')).toEqual(expect.arrayContaining(['jurisdictionId', 'asOf']));
  expect(args('coverage')).toEqual(expect.arrayContaining(['jurisdictionId', 'asOf']));
  const verdict = schema.getType('DirectionVerdict');
  expect(verdict && 'getFields' in verdict ? Object.keys(verdict.getFields()) : []).toEqual(
    expect.arrayContaining(['allowed', 'basis', 'reason', 'chain']),
  );
});
