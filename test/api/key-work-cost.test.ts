// No N+1 in key work: reading every task (with its leader, units, status, accountability, reports, parent and
// children) or every directive (with issuer, unit, notifications) costs a fixed number of SQL statements, the same
// for a government with a few tasks as for one of the same size with ten times as many.
import type { SqlEntityManager } from '@mikro-orm/knex';
import { importDataset } from '../../src/io/importer';
import { generateDistrict } from '../../src/io/generate';
import { loadDirectoryFacts } from '../../src/store/load-facts';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { createTestApi, EDITOR, type TestApi } from '../support/api';

const statements: string[] = [];
let db: TestDatabase;
let api: TestApi;

async function seedWork(jurisdictionId: string, tasks: number): Promise<void> {
  const facts = (await loadDirectoryFacts(db.orm.em.fork() as SqlEntityManager, [jurisdictionId])).get(jurisdictionId)!;
  const lines = facts.assignments.filter((a) => a.kind === 'SUPERVISES' && a.validTo === null && a.departmentId !== null);
  for (let i = 0; i < tasks; i += 1) {
    const line = lines[i % lines.length];
    const other = lines[(i + 1) % lines.length];
    const created = await api.data(`mutation($input: CreateKeyTaskInput!) { createKeyTask(input: $input) { id } }`, {
      input: {
        jurisdictionId, title: `重点工作${i}`, description: '', source: 'GOVERNMENT', supervisingLeaderId: line.leaderId, leadUnitId: line.departmentId,
        responsibleUnitIds: other.departmentId === line.departmentId ? [] : [other.departmentId], deadline: '2027-03-31',
      },
    }, { viewer: EDITOR });
    await api.data(`mutation($input: ReportTaskProgressInput!) { reportTaskProgress(input: $input) { id } }`, {
      input: { taskId: created.createKeyTask.id, text: '推进中', percent: 20 },
    }, { viewer: EDITOR });
    // A cross-portfolio directive from the supervising leader of one unit to another unit.
    if (other.leaderId !== line.leaderId) {
      await api.data(`mutation($input: IssueDirectiveInput!) { issueDirective(input: $input) { id } }`, {
        input: { issuerId: line.leaderId, departmentId: other.departmentId, subject: `交办事项${i}` },
      }, { viewer: EDITOR });
    }
  }
}

beforeAll(async () => {
  db = await openTestDatabase('keyworkcost', { debug: ['query'], logger: (message: string) => statements.push(message) }, { demo: true });
  await importDataset(db.orm.em.fork(), generateDistrict({ id: 'jur:small', name: '小区', scale: 3, validFrom: '2026-01-01' }));
  await importDataset(db.orm.em.fork(), generateDistrict({ id: 'jur:large', name: '大区', scale: 3, validFrom: '2026-01-01' }));
  api = await createTestApi(db.orm);
  await seedWork('jur:small', 4);
  await seedWork('jur:large', 40);
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

const TASKS = `query($j: ID!) { keyTasks(jurisdictionId: $j, first: 100) { totalCount nodes {
  id title status progress version jurisdiction { name } supervisingLeader { name } leadUnit { name head { name } } responsibleUnits { name }
  cooperatingUnits { name } decision { id } parentTask { id } childTasks { id } reports { percent }
  accountability { leader { leader { name } answerable { name } } leadUnit { headName } responsibleUnits { headName } flags { code } }
} } }`;

const DIRECTIVES = `query($j: ID!) { directives(jurisdictionId: $j, first: 100) { totalCount nodes {
  id subject status overdue crossPortfolio basis issuer { name } department { name } decision { id }
  notified { leader { name } actingFor { name } directive { id } } transitions { action }
} } }`;

const WORKLOAD = `query($j: ID!) { workload(jurisdictionId: $j) {
  leaders { leader { name } overdueItems tasksByStatus { notStarted onTrack atRisk overdue completed } } units { department { name } openDirectives }
} }`;

async function countStatements(query: string, jurisdictionId: string): Promise<{ count: number; size: number; data: any }> {
  statements.length = 0;
  const data = await api.data(query, { j: jurisdictionId });
  return { count: statements.filter((s) => /\b(select|insert|update|delete)\b/i.test(s)).length, size: JSON.stringify(data).length, data };
}

/** Tasks counted by a workload answer (each task once, under its supervising leader). */
function tasksIn(data: any): number {
  return data.workload.leaders.reduce((n: number, l: any) => n + Object.values(l.tasksByStatus as Record<string, number>).reduce((a, b) => a + b, 0), 0);
}

it.each([
  ['keyTasks', TASKS],
  ['directives', DIRECTIVES],
  ['workload', WORKLOAD],
])('%s costs the same number of SQL statements at ten times the work', async (name, query) => {
  const small = await countStatements(query, 'jur:small');
  const large = await countStatements(query, 'jur:large');
  // The large government really has more work (so the comparison means something) …
  if (name === 'workload') expect([tasksIn(small.data), tasksIn(large.data)]).toEqual([4, 40]);
  else expect(large.size).toBeGreaterThan(5 * small.size);
  expect(large.count).toBe(small.count);
  // The directory's tables, the key-work tables, the notifications and the child tasks: a fixed handful.
  expect(small.count).toBeLessThanOrEqual(22);
});
