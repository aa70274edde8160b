// Loading facts (src/store/load-facts.ts): a cold load of one government or of many is one SQL statement (the
// issue's bound is three), on SQLite and on PostgreSQL, and gives exactly the facts the former one-statement-per-table
// loader gave — same objects, same order, same types — for the demo district and a generated country, with awkward
// text, JSON rules and acting appointments in them, and the units' lineage (read as the exports read it, by date);
// inside a transaction too; for ids past any bound-parameter limit.
import type { EntityName } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { DEFAULT_GOVERNANCE_RULES, type DirectoryFacts, type GovernanceRules } from '../../src/domain';
import { mergeDatasets } from '../../src/io/dataset';
import { generateCountry, generateDistrict } from '../../src/io/generate';
import { importDataset } from '../../src/io/importer';
import { DepartmentLineage } from '../../src/entities';
import { FactsStore } from '../../src/store/facts-store';
import { loadDirectoryFacts, loadVersionedFacts, type VersionedFacts } from '../../src/store/load-facts';
import { DIRECTORY_ENTITIES, groupBy, json, runStatements, selectRows, type PartRow, type Row } from '../../src/store/rows';
import { openTestDatabase, type TestDatabase } from '../support/database';

const log: string[] = [];
/** A government's own rules (a JSON object with a fraction, an object of arrays, text). */
const RULES = { quorumMoreThan: 0.66, meetingKindsByCategory: { DIVISION_OF_LABOUR: ['STANDING', 'PLENARY'] }, source: '《区政府工作规则》第十二条' };
let db: TestDatabase;
let everyone: string[];

const fork = () => db.orm.em.fork() as SqlEntityManager;

/** The SQL statements `action` ran (the query log, colour codes stripped, transaction control left out). */
async function statementsOf<T>(action: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const from = log.length;
  const result = await action();
  const statements = log.slice(from).map((s) => s.replace(/\x1b\[\d+m/g, '')).filter((s) => /^\[query\] (select|with)\b/i.test(s));
  return { result, statements };
}

/**
 * The reference: the loader as it was before it became one statement — one `select * … order by id` per table through
 * the query builder, the rows mapped exactly as they were. Kept here only to compare against.
 */
async function referenceFacts(em: SqlEntityManager, ids: readonly string[]): Promise<Map<string, VersionedFacts>> {
  const rowsOf = <T extends object>(entity: EntityName<T>) =>
    selectRows<T, Row<T>>(em, entity, entity === DIRECTORY_ENTITIES.jurisdictions ? { id: { $in: [...ids] } } : { jurisdiction: { $in: [...ids] } }, { id: 'asc' });
  const results = await runStatements(em, Object.values(DIRECTORY_ENTITIES).map((entity) => () => rowsOf(entity as EntityName<object>)));
  const [jurisdictions, leaders, posts, appointments, departments, workAreas, assignments, backups, absences, teamOrders, meetings, decisions] =
    results as [
      PartRow<'jurisdictions'>[], PartRow<'leaders'>[], PartRow<'posts'>[], PartRow<'appointments'>[], PartRow<'departments'>[],
      PartRow<'workAreas'>[], PartRow<'assignments'>[], PartRow<'backups'>[], PartRow<'absences'>[], PartRow<'teamOrders'>[],
      PartRow<'meetings'>[], PartRow<'decisions'>[],
    ];
  const of = <T extends { jurisdiction: string | null }>(rows: T[]) => groupBy(rows, (r) => r.jurisdiction as string);
  // Lineage as the exports read it before it joined the facts: the managed entities, by government, date, id.
  const lineageRows = await em.find(DepartmentLineage, { jurisdiction: { $in: [...ids] } }, { orderBy: { jurisdiction: 'asc', date: 'asc', id: 'asc' }, disableIdentityMap: true });
  const lineage = groupBy(
    lineageRows.map((r) => ({
      id: r.id, jurisdictionId: r.jurisdiction.id, kind: r.kind, predecessorId: r.predecessor.id, successorId: r.successor?.id ?? null,
      date: r.date, document: r.document, formerName: r.formerName,
    })),
    (l) => l.jurisdictionId,
  );
  const facts = new Map<string, VersionedFacts>();
  for (const j of jurisdictions) {
    const own = <T extends { jurisdiction: string | null }>(rows: T[]) => of(rows).get(j.id) ?? [];
    facts.set(j.id, { version: Number(j.version), facts: {
      jurisdiction: { id: j.id, name: j.name, level: j.level, parentId: j.parent },
      leaders: own(leaders).map((l) => ({ id: l.id, jurisdictionId: j.id, name: l.name })),
      posts: own(posts).map((p) => ({ id: p.id, jurisdictionId: j.id, kind: p.kind, title: p.title })),
      appointments: own(appointments).map((a) => ({
        id: a.id, leaderId: a.leader as string, postId: a.post as string, acting: Boolean(a.acting), validFrom: a.validFrom, validTo: a.validTo,
        document: a.document,
      })),
      departments: own(departments).map((d) => ({
        id: d.id, jurisdictionId: j.id, name: d.name, kind: d.kind, aliases: json(d.aliases), headName: d.headName,
        headContact: d.headContact, validFrom: d.validFrom, validTo: d.validTo,
      })),
      workAreas: own(workAreas).map((w) => ({ id: w.id, jurisdictionId: j.id, name: w.name, aliases: json(w.aliases) })),
      assignments: own(assignments).map((a) => ({
        id: a.id, jurisdictionId: j.id, leaderId: a.leader as string, kind: a.kind, departmentId: a.department,
        workAreaId: a.workArea, principalId: a.principal, subject: a.subject, document: a.document, decisionId: a.decisionId,
        validFrom: a.validFrom, validTo: a.validTo,
      })),
      backups: own(backups).map((b) => ({
        id: b.id, jurisdictionId: j.id, leaderId: b.leader as string, backupId: b.backup as string,
        exceptTargetIds: json(b.exceptTargetIds), decisionId: b.decisionId, validFrom: b.validFrom, validTo: b.validTo,
      })),
      absences: own(absences).map((a) => ({
        id: a.id, leaderId: a.leader as string, reason: a.reason, designatedActorId: a.designatedActor, validFrom: a.validFrom, validTo: a.validTo,
      })),
      teamOrders: own(teamOrders).map((o) => ({ id: o.id, jurisdictionId: j.id, leaderIds: json(o.leaderIds), validFrom: o.validFrom, validTo: o.validTo })),
      meetings: own(meetings).map((m) => ({
        id: m.id, jurisdictionId: j.id, kind: m.kind, number: m.number, date: m.date,
        votingAttendeeIds: json(m.votingAttendeeIds), nonVotingAttendees: json(m.nonVotingAttendees),
      })),
      decisions: own(decisions).map((d) => ({
        id: d.id, jurisdictionId: j.id, meetingId: d.meeting as string, category: d.category, text: d.text, minutesNumber: d.minutesNumber,
        approvesDocument: d.approvesDocument,
      })),
      lineage: lineage.get(j.id) ?? [],
      rules: j.rules === null ? DEFAULT_GOVERNANCE_RULES : { ...DEFAULT_GOVERNANCE_RULES, ...json(j.rules as GovernanceRules | string) },
    } satisfies DirectoryFacts });
  }
  return facts;
}

/** Entries in map order, so that the order of the governments is compared too (Jest compares Maps as sets). */
const entries = <T>(map: Map<string, T>) => [...map.entries()];

beforeAll(async () => {
  db = await openTestDatabase('loadfacts', { debug: ['query'], logger: (message: string) => log.push(message) }, { demo: true });
  await importDataset(fork(), generateDistrict({ id: 'jur:large', name: '大区', scale: 3, validFrom: '2026-01-01' }));
  await importDataset(fork(), mergeDatasets(generateCountry({ governments: 20, validFrom: '2026-01-01' })));
  // What the generated data lacks: text that needs escaping (quotes, a backslash, a question mark — MikroORM's
  // placeholder —, a newline, characters outside the BMP), a government with its own rules, a version above 0.
  const connection = db.orm.em.getConnection();
  await connection.execute(`update leader set name = ? where id = (select min(id) from leader where jurisdiction_id = 'jur:qingchuan')`, [`O'Brien "老周" \\ ? 𠀀😀\n第二行`]);
  await connection.execute(`update department set head_contact = ? where id = (select min(id) from department where jurisdiction_id = 'jur:large')`, ['电话: 0571-?\t"x"']);
  await connection.execute(`update jurisdiction set rules = ?, version = 7 where id = 'jur:large'`, [JSON.stringify(RULES)]);
  // Lineage steps whose id order is not their date order, one with no successor and awkward text.
  const lineage = `insert into department_lineage (id, jurisdiction_id, kind, predecessor_id, successor_id, date, document, former_name)
    select ?, jurisdiction_id, ?, min(id), ?, ?, ?, ? from department where jurisdiction_id = ? group by jurisdiction_id`;
  await connection.execute(lineage, ['lineage:a', 'RENAME', null, '2026-06-01', '青编〔2026〕3号', `旧名 "O'Brien" ?`, 'jur:qingchuan']);
  await connection.execute(`update department_lineage set successor_id = predecessor_id where id = 'lineage:a'`);
  await connection.execute(lineage, ['lineage:b', 'ABOLISH', null, '2026-01-01', null, null, 'jur:qingchuan']);
  await connection.execute(lineage, ['lineage:c', 'ABOLISH', null, '2026-02-01', null, null, 'jur:large']);
  everyone = ((await connection.execute('select id from jurisdiction order by id')) as { id: string }[]).map((r) => r.id);
});

afterAll(async () => {
  await db?.close();
});

it('has a demo district, a large district and a generated country to load', () => {
  expect(everyone).toEqual(expect.arrayContaining(['jur:qingchuan', 'jur:large', 'jur:district-00001', 'jur:city-00001', 'jur:province-00001']));
  expect(everyone.length).toBeGreaterThan(20);
});

it('loads the units\' lineage with the facts, by date, then id', async () => {
  const { result, statements } = await statementsOf(() => loadDirectoryFacts(fork(), ['jur:qingchuan', 'jur:large']));
  expect(statements).toHaveLength(1);
  expect(result.get('jur:qingchuan')?.lineage.map((l) => [l.id, l.kind, l.date, l.successorId === l.predecessorId, l.formerName])).toEqual([
    ['lineage:b', 'ABOLISH', '2026-01-01', false, null],
    ['lineage:a', 'RENAME', '2026-06-01', true, `旧名 "O'Brien" ?`],
  ]);
  expect(result.get('jur:large')?.lineage.map((l) => [l.id, l.successorId, l.document])).toEqual([['lineage:c', null, null]]);
});

it.each([
  ['the demo district', ['jur:qingchuan']],
  ['a large district', ['jur:large']],
  ['a district of the generated country', ['jur:district-00007']],
  ['several governments, unknown ids and repeats among them', ['jur:qingchuan', 'jur:nowhere', 'jur:large', 'jur:city-00002', 'jur:qingchuan']],
])('a cold load of %s is one statement, with the facts the per-table loader gave', async (_name, ids) => {
  const { result, statements } = await statementsOf(() => loadVersionedFacts(fork(), ids));
  expect(statements).toHaveLength(1);
  expect(statements.length).toBeLessThanOrEqual(3);
  expect(entries(result)).toStrictEqual(entries(await referenceFacts(fork(), ids)));
  expect(result.has('jur:nowhere')).toBe(false);
});

it('loads every government at once in one statement, the same facts as the per-table loader, on the primary when asked', async () => {
  const reference = await referenceFacts(fork(), everyone);
  const { result, statements } = await statementsOf(() => loadVersionedFacts(fork(), everyone, { connection: 'write' }));
  expect(statements).toHaveLength(1);
  expect(result.size).toBe(everyone.length);
  expect(entries(result)).toStrictEqual(entries(reference));
  // loadDirectoryFacts is the same load without the versions.
  expect(entries(await loadDirectoryFacts(fork(), everyone))).toStrictEqual(entries(reference).map(([id, v]) => [id, v.facts]));
});

it('keeps the types: booleans, numbers, nulls, JSON arrays and rules, dates as text', async () => {
  const loaded = await loadVersionedFacts(fork(), ['jur:qingchuan', 'jur:large', 'jur:district-00001']);
  const large = loaded.get('jur:large')!;
  expect(large.version).toBe(7);
  expect(large.facts.rules).toStrictEqual({ ...DEFAULT_GOVERNANCE_RULES, ...RULES });
  expect(large.facts.appointments.some((a) => a.acting === true)).toBe(true);
  expect(large.facts.appointments.every((a) => typeof a.acting === 'boolean')).toBe(true);
  expect(large.facts.departments.find((d) => d.headContact !== null)?.headContact).toBe('电话: 0571-?\t"x"');
  const demo = loaded.get('jur:qingchuan')!;
  expect(demo.version).toBe(0);
  expect(demo.facts.rules.source).toMatch(/工作规则/);
  expect(loaded.get('jur:district-00001')!.facts.rules).toBe(DEFAULT_GOVERNANCE_RULES);
  expect(demo.facts.leaders.map((l) => l.name)).toContain(`O'Brien "老周" \\ ? 𠀀😀\n第二行`);
  expect(demo.facts.departments.every((d) => Array.isArray(d.aliases))).toBe(true);
  expect(demo.facts.assignments.every((a) => /^\d{4}-\d{2}-\d{2}$/.test(a.validFrom))).toBe(true);
  expect(demo.facts.meetings.every((m) => Array.isArray(m.votingAttendeeIds) && Array.isArray(m.nonVotingAttendees))).toBe(true);
});

it('reads through a transaction what the transaction sees, in one statement', async () => {
  await fork().transactional(async (tx) => {
    await tx.getConnection().execute(`update leader set name = '改名' where id = (select min(id) from leader where jurisdiction_id = 'jur:city-00001')`, [], 'run', tx.getTransactionContext());
    const { result, statements } = await statementsOf(() => loadVersionedFacts(tx as SqlEntityManager, ['jur:city-00001', 'jur:qingchuan']));
    expect(statements).toHaveLength(1);
    expect(result.get('jur:city-00001')!.facts.leaders.map((l) => l.name)).toContain('改名');
    expect(entries(result)).toStrictEqual(entries(await referenceFacts(tx as SqlEntityManager, ['jur:city-00001', 'jur:qingchuan'])));
    throw new Error('roll back');
  }).catch((error: Error) => expect(error.message).toBe('roll back'));
  expect((await loadDirectoryFacts(fork(), ['jur:city-00001'])).get('jur:city-00001')!.leaders.map((l) => l.name)).not.toContain('改名');
});

it('asks the primary for `connection: write`, and the request’s read connection otherwise', async () => {
  const em = fork();
  const asked = jest.spyOn(em, 'getConnection');
  await loadVersionedFacts(em, ['jur:qingchuan'], { connection: 'write' });
  await loadVersionedFacts(em, ['jur:qingchuan']);
  expect(asked.mock.calls.map((call) => call[0])).toEqual(['write', 'read']);
});

it('loads more ids than any bound-parameter limit allows in one statement (SQLite 32,766; PostgreSQL 65,535)', async () => {
  const ids = [...Array.from({ length: 70_000 }, (_, i) => `jur:unknown-${i}`), ...everyone];
  const { result, statements } = await statementsOf(() => loadVersionedFacts(fork(), ids));
  expect(statements).toHaveLength(1);
  expect([...result.keys()]).toEqual(everyone);
});

it('runs no SQL for no ids', async () => {
  const { result, statements } = await statementsOf(() => loadVersionedFacts(fork(), []));
  expect(statements).toHaveLength(0);
  expect(result.size).toBe(0);
});

it('a store miss of one government, and of several, is one statement; the hit none', async () => {
  const store = new FactsStore(db.orm, { maxGovernments: 100 });
  try {
    const one = await statementsOf(() => store.load(fork(), ['jur:qingchuan']));
    expect(one.statements).toHaveLength(1);
    expect(entries(one.result)).toStrictEqual(entries(await referenceFacts(fork(), ['jur:qingchuan'])));
    const several = await statementsOf(() => store.load(fork(), ['jur:qingchuan', 'jur:large', 'jur:district-00003', 'jur:province-00001']));
    expect(several.statements).toHaveLength(1);
    expect(several.statements[0]).not.toContain("'jur:qingchuan'");
    expect((await statementsOf(() => store.load(fork(), ['jur:large', 'jur:qingchuan']))).statements).toHaveLength(0);
  } finally {
    await store.close();
  }
});
