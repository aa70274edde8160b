// The README's example queries run against the demo district and give the answers the README states.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { seedDemoIfEmpty } from '../src/db/database';
import { openTestDatabase, type TestDatabase } from './support/database';
import { createTestApi, EDITOR, type TestApi } from './support/api';

const examples = [...readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await openTestDatabase('readme');
  await seedDemoIfEmpty(db.orm);
  api = await createTestApi(db.orm);
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

it('has example queries', () => {
  expect(examples.length).toBeGreaterThanOrEqual(5);
});

// Run as the government office: one example is the dry run of a re-division, which needs EDITOR.
it.each(examples.map((query, i) => [i + 1, query]))('example %i runs without errors', async (_n, query) => {
  const result = await api.run(query as string, undefined, { viewer: EDITOR });
  expect(result.errors).toBeUndefined();
});

it('the re-division preview is valid: 区教育局 moves from 王丽华 to 李晓燕', async () => {
  const preview = examples.find((e) => e.includes('previewChangeset')) as string;
  const { previewChangeset, jurisdiction } = await api.data(preview, undefined, { viewer: EDITOR });
  expect(jurisdiction.version).toBe(0);
  expect(previewChangeset.valid).toBe(true);
  expect(previewChangeset.violations).toEqual([]);
  expect(previewChangeset.diff.map((d: { action: string }) => d.action)).toEqual(['CLOSE', 'OPEN']);
  expect(previewChangeset.diff[1].text).toContain('李晓燕');
});

it('who oversees 财政: 周明 supervises 区财政局 and is responsible for 财政', async () => {
  const { whoOversees } = await api.data(examples[0]);
  const dept = whoOversees.nodes.find((n: any) => n.target.name === '区财政局');
  const area = whoOversees.nodes.find((n: any) => n.target.__typename === 'WorkArea' && n.target.name === '财政');
  expect(dept.overseers[0]).toMatchObject({ leader: { name: '周明' }, relation: 'SUPERVISES', liaison: false });
  expect(area.overseers[0]).toMatchObject({ leader: { name: '周明' }, relation: 'RESPONSIBLE_FOR' });
});

it('税务: 周明 liaises with the tax bureau', async () => {
  const { whoOversees } = await api.data(examples[0].replace('"财政"', '"税务"'));
  expect(whoOversees.nodes[0].overseers[0]).toMatchObject({ leader: { name: '周明' }, relation: 'LIAISES_WITH', liaison: true });
});

it('李晓燕 may direct the education bureau by general authority; the tax bureau is outside the line', async () => {
  const { canDirect } = await api.data(examples[1]);
  expect(canDirect).toMatchObject({ allowed: true, basis: 'GENERAL_AUTHORITY' });
  const { canDirect: tax } = await api.data(examples[1].replace('dept:education', 'dept:tax').replace('basis', 'basis code'));
  expect(tax).toMatchObject({ allowed: false, code: 'OUTSIDE_GOVERNMENT_LINE' });
});

it('the justice bureau: 赵文斌 first (away), 陈远航 HEAD, 王丽华 acting for him', async () => {
  const { whoCanDirect } = await api.data(examples[2]);
  expect(whoCanDirect.nodes.slice(0, 3)).toEqual([
    { leader: { name: '赵文斌' }, basis: 'SUPERVISES', primary: true, away: true, actingFor: null },
    { leader: { name: '陈远航' }, basis: 'HEAD', primary: false, away: false, actingFor: null },
    { leader: { name: '王丽华' }, basis: 'ACTING_FOR', primary: false, away: false, actingFor: { name: '赵文斌' } },
  ]);
});
