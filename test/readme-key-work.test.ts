// The README's key-work examples give the answers the README states (test/readme.test.ts runs and validates them all).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { openTestDatabase, type TestDatabase } from './support/database';
import { createTestApi, type TestApi } from './support/api';

const examples = [...readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
const example = (needle: string) => {
  const found = examples.find((e) => e.includes(needle));
  if (found === undefined) throw new Error(`no README example with ${needle}`);
  return found;
};

let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await openTestDatabase('readmekeywork', {}, { demo: true });
  api = await createTestApi(db.orm);
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

it('who is accountable for 信访维稳: 赵文斌 is away, someone named answers today, 叶振东 heads the lead unit', async () => {
  const { accountability } = await api.data(example('accountability(taskId: "task:qingchuan-2026-petitions")'));
  expect(accountability.leader).toMatchObject({ leader: { name: '赵文斌' }, away: true });
  expect(accountability.leader.answerable?.name).toEqual(expect.any(String));
  expect(accountability.leadUnit).toEqual({ department: { name: '区信访局' }, headName: '叶振东' });
  expect(accountability.responsibleUnits.every((u: { headName: string | null }) => u.headName !== null)).toBe(true);
});

it('directives to the education bureau from outside its portfolio: 何志远’s and 孙海涛’s, each told to 王丽华', async () => {
  const { directives } = await api.data(example('crossPortfolio: true'));
  expect(directives.totalCount).toBe(2);
  expect(directives.nodes.map((n: any) => [n.issuer.name, n.basis, n.notified.map((x: any) => x.leader.name)])).toEqual([
    ['何志远', 'GENERAL_AUTHORITY', ['王丽华']],
    ['孙海涛', 'GENERAL_AUTHORITY', ['王丽华']],
  ]);
});

it('the overdue example finds the 民生工程 past its deadline and the one escalated directive', async () => {
  const data = await api.data(example('overdueAsOf: "2026-11-28"'));
  expect(data.keyTasks.nodes.map((n: any) => [n.title, n.status])).toEqual([['农村饮水安全巩固提升工程（民生工程）', 'OVERDUE']]);
  expect(data.directives.nodes.map((n: any) => n.issuer.name)).toEqual(['李晓燕']);
});

it('the subtree example: the city’s 燃气管道 task is AT_RISK in 临江区 (61 % against 87 %) and ON_TRACK in 青川区', async () => {
  const { subtreeCoverage } = await api.data(example('subtreeCoverage(jurisdictionId: "jur:jiangzhou"'));
  const rows = subtreeCoverage.assignedTasks.governments.map((g: any) => [
    g.jurisdiction.name, g.counts.total, g.tasks.map((t: any) => [t.task.title, t.status, t.progress, t.expectedProgress, t.task.supervisingLeader.name, t.task.parentTask.id]),
  ]);
  const task = (status: string, progress: number, leader: string) => ['城镇老旧燃气管道更新改造（民生工程）', status, progress, 87, leader, 'task:jiangzhou-2026-gas-pipes'];
  expect(rows).toEqual([['江州市', 0, []], ['临江区', 1, [task('AT_RISK', 61, '沈佳怡')]], ['青川区', 1, [task('ON_TRACK', 84, '孙海涛')]]]);
  expect(subtreeCoverage.assignedTasks.totals).toEqual({ total: 2, atRisk: 1, overdue: 0 });
});
