// planPopoloImport / applyPopoloImport against a real database: the plan is checked against the target, and a
// target that changes between the check and the write is refused with a coded problem — never with SQL — and
// nothing is written.
import type { SqlEntityManager } from '@mikro-orm/knex';
import { seedDemoIfEmpty } from '../../src/ops/seed';
import { Assignment, Jurisdiction, Leader } from '../../src/entities';
import { exportDataset, parentReferences } from '../../src/io/exporter';
import { createEvents } from '../../src/scope/events';
import { fromPopolo, toPopolo, type PopoloDocument } from '../../src/io/popolo';
import { applyPopoloImport, ImportRefusedError, planPopoloImport, type ImportScope } from '../../src/io/popolo-import';
import { openTestDatabase, type TestDatabase } from '../support/database';

let origin: TestDatabase;
let target: TestDatabase;
let doc: PopoloDocument;
const scope: ImportScope = { today: '2026-11-28', now: new Date('2026-11-28T02:00:00Z'), viewer: null, events: createEvents() };

beforeAll(async () => {
  origin = await openTestDatabase('pimport_origin');
  target = await openTestDatabase('pimport_target');
  await seedDemoIfEmpty(origin.orm);
  const em = origin.orm.em.fork() as SqlEntityManager;
  const data = await exportDataset(em, ['jur:qingchuan']);
  doc = JSON.parse(JSON.stringify(toPopolo(data, await parentReferences(em, data)))) as PopoloDocument;
});

afterAll(async () => {
  await origin?.close();
  await target?.close();
});

const em = () => target.orm.em.fork() as SqlEntityManager;
const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportRefusedError);
  return (error as ImportRefusedError).problems;
};

it('a row the target gained after the check: VERSION_CONFLICT, not SQL, and nothing written', async () => {
  const plan = await planPopoloImport(em(), fromPopolo(doc), {}, scope);
  expect(plan.problems).toEqual([]);
  expect(plan.governments.map((g) => g.action)).toEqual(['NEW']);
  expect(plan.references).toEqual([{ id: 'jur:jiangzhou', name: '江州市', action: 'STUB' }]);
  // Meanwhile someone records the parent and one of the file's leaders under it.
  await em().insert(Jurisdiction, { id: 'jur:jiangzhou', name: '江州市', level: 'CITY', parent: null, rules: null });
  const leader = doc.persons[0];
  await em().insert(Leader, { id: leader.id, jurisdiction: 'jur:jiangzhou', name: leader.name });
  const problems = await refusal(applyPopoloImport(em(), plan, scope));
  expect(problems).toEqual([expect.objectContaining({ code: 'VERSION_CONFLICT' })]);
  expect(JSON.stringify(problems)).not.toMatch(/SQL|constraint|insert into|duplicate key/i);
  expect(await em().count(Jurisdiction, { id: 'jur:qingchuan' })).toBe(0);
  // Checked again, the plan names the problem itself.
  const again = await planPopoloImport(em(), fromPopolo(doc), {}, scope);
  expect(again.problems).toContainEqual(expect.objectContaining({ at: 'leaders[0]', code: 'ID_TAKEN' }));
  expect(again.references).toEqual([{ id: 'jur:jiangzhou', name: '江州市', action: 'RESOLVED' }]);
  await em().nativeDelete(Leader, { id: leader.id });
});

it('a government whose version moved after the check: the changeset is refused with VERSION_CONFLICT', async () => {
  const first = await planPopoloImport(em(), fromPopolo(doc), {}, scope);
  expect(first.problems).toEqual([]);
  await applyPopoloImport(em(), first, scope);
  // The same file with one line ended: a changeset against version 0.
  // 联系 ends: no unit loses its supervisor, so the rules let the change through (R7: the demo's decision approving 30号).
  const line = doc.memberships.find((m) => m['fengong:kind'] === 'LIAISES_WITH' && m.end_date === undefined);
  expect(line).toBeDefined();
  const changed = { ...doc, memberships: doc.memberships.map((m) => (m.id === line!.id ? { ...m, end_date: '2026-12-31' } : m)) };
  const plan = await planPopoloImport(em(), fromPopolo(changed), { issuedById: 'leader:chen-yuanhang', decisionId: 'decision:qingchuan-2026-11-adjust', document: '青政发〔2026〕30号' }, scope);
  expect(plan.problems).toEqual([]);
  expect(plan.governments.find((g) => g.id === 'jur:qingchuan')).toMatchObject({ action: 'CHANGESET', version: 0, diff: [expect.stringMatching(/^自2027-01-01起，.+不再联系/)] });
  // Someone else changes the government meanwhile: the import is refused, and nothing is written.
  await em().nativeUpdate(Jurisdiction, { id: 'jur:qingchuan' }, { version: 5 });
  const problems = await refusal(applyPopoloImport(em(), plan, scope));
  expect(problems).toEqual([expect.objectContaining({ code: 'VERSION_CONFLICT' })]);
  expect(problems[0].message).toMatch(/当前版本 5，提交所据版本 0/);
  expect(await em().count(Assignment, { id: line!.id, validTo: null })).toBe(1);
  expect((await em().findOneOrFail(Jurisdiction, { id: 'jur:qingchuan' })).version).toBe(5);
});
