// Exchange formats: Popolo JSON round-trips exactly (file → database → file), and the spreadsheet exports
// show the division the way the office reads it.
import ExcelJS from 'exceljs';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { DEMO_DATASET_DIR, seedDemoIfEmpty } from '../../src/ops/seed';
import { readDataset, importDataset } from '../../src/io/importer';
import { exportDataset } from '../../src/io/exporter';
import { addDays, fromPopolo, toPopolo, type PopoloDocument } from '../../src/io/popolo';
import { matrixTable, linesTable, toCsv, toXlsx } from '../../src/io/spreadsheet';
import { factsByJurisdiction, type Dataset } from '../../src/io/dataset';
import { openTestDatabase, type TestDatabase } from '../support/database';

let demo: Dataset;

beforeAll(async () => {
  demo = await readDataset(DEMO_DATASET_DIR);
});

describe('Popolo JSON', () => {
  it('maps the directory onto persons, organizations, posts and memberships', () => {
    const doc = toPopolo(demo);
    expect(doc.persons).toHaveLength(demo.leaders.length);
    expect(doc.organizations.filter((o) => o.classification === 'government').map((o) => o.id)).toEqual(['jur:jiangzhou', 'jur:qingchuan', 'jur:linjiang']);
    const finance = doc.organizations.find((o) => o.id === 'dept:finance');
    expect(finance).toMatchObject({ classification: 'CONSTITUENT', parent_id: 'jur:qingchuan', contact_details: [{ type: 'voice', value: '010-55501009' }] });
    // Popolo's end_date is the last day held; our validTo is the first day no longer held.
    const ended = doc.memberships.find((m) => m.id === 'line:huang-dewei-supervises-education');
    expect(ended).toMatchObject({ person_id: 'leader:huang-dewei', organization_id: 'dept:education', role: '分管', start_date: '2024-01-15', end_date: '2026-03-19', 'fengong:kind': 'SUPERVISES' });
    const appointment = doc.memberships.find((m) => m.id === 'appt:chen-yuanhang-head');
    expect(appointment).toMatchObject({ post_id: 'post:head', role: '区长', 'fengong:acting': true });
    expect(appointment?.end_date).toBeUndefined();
  });

  it('round-trips the demo exactly (file → Popolo → file)', () => {
    const expected = { ...demo, jurisdictions: demo.jurisdictions.map((j) => ({ ...j, rules: j.rules ?? null })) };
    const back = fromPopolo(JSON.parse(JSON.stringify(toPopolo(demo))) as PopoloDocument);
    expect(back.skipped).toEqual([]);
    expect(back.dataset).toEqual(expected);
  });

  it('lists what it cannot model instead of guessing', () => {
    const doc = toPopolo(demo);
    const foreign: PopoloDocument = {
      ...doc,
      organizations: [...doc.organizations, { id: 'org:party-committee', name: '区委', classification: 'party', parent_id: null }],
      memberships: [...doc.memberships, { id: 'm:plain', person_id: 'leader:zhou-ming', organization_id: 'jur:qingchuan', role: '成员', start_date: '2024-01-15' }],
    };
    expect(fromPopolo(foreign).skipped.map((s) => s.id)).toEqual(['org:party-committee', 'm:plain']);
  });

  it.each([
    ['2026-03-20', -1, '2026-03-19'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  describe('through the database', () => {
    let first: TestDatabase;
    let second: TestDatabase;

    beforeAll(async () => {
      first = await openTestDatabase('popolo1');
      second = await openTestDatabase('popolo2');
    });

    afterAll(async () => {
      await first?.close();
      await second?.close();
    });

    it('exports, imports into an empty database, and exports the same document again', async () => {
      await seedDemoIfEmpty(first.orm);
      const exported = toPopolo(await exportDataset(first.orm.em.fork() as SqlEntityManager));
      const { dataset, skipped } = fromPopolo(JSON.parse(JSON.stringify(exported)) as PopoloDocument);
      expect(skipped).toEqual([]);
      await importDataset(second.orm.em.fork(), dataset);
      const again = toPopolo(await exportDataset(second.orm.em.fork() as SqlEntityManager));
      expect(again).toEqual(exported);
      expect(again.memberships.length).toBe(demo.appointments.length + demo.assignments.length);
    });
  });
});

describe('spreadsheets', () => {
  const facts = () => factsByJurisdiction(demo).get('jur:qingchuan')!;

  it('lays the matrix out with leaders in protocol order and 分管 / 联系 / 协助 told apart', () => {
    const table = matrixTable(facts(), '2026-11-28');
    expect(table.header.slice(0, 4)).toEqual(['单位/工作', '类别', '陈远航', '周明']);
    const row = (name: string) => table.rows.find((r) => r[0] === name) as readonly string[];
    const column = (leader: string) => table.header.indexOf(leader);
    expect(row('区财政局')[column('周明')]).toBe('分管');
    expect(row('区财政局')[1]).toBe('组成部门');
    expect(row('国家税务总局江州市青川区税务局')[column('周明')]).toBe('联系');
    expect(row('区审计局')[column('陈远航')]).toBe('分管');
    expect(row('区审计局')[column('周明')]).toBe('协助');
    expect(row('财政')[1]).toBe('工作领域');
    expect(row('财政')[column('周明')]).toBe('负责');
  });

  it('lists every line in force with its document', () => {
    const table = linesTable(facts(), '2025-06-01');
    expect(table.rows).toContainEqual(['黄德伟', '分管', '区教育局', '', '2024-01-15', '2026-03-20', '青政发〔2024〕3号']);
    expect(table.rows).toContainEqual(['周明', '协助', '区审计局', '刘建国', '2024-01-15', '2026-03-20', '青政发〔2024〕3号']);
  });

  it('writes CSV that Excel opens as UTF-8, quoting what needs it', () => {
    const csv = toCsv({ title: 't', header: ['a', 'b'], rows: [['区财政局', '分管、联系'], ['含,逗号', '含"引号']] });
    expect(csv).toBe('\uFEFFa,b\r\n区财政局,分管、联系\r\n"含,逗号","含""引号"\r\n');
  });

  it('writes an XLSX workbook that reads back the same cells', async () => {
    const tables = [matrixTable(facts(), '2026-11-28'), linesTable(facts(), '2026-11-28')];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(tables)) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([tables[0].title, '分工明细']);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(3).value).toBe('陈远航');
    expect(sheet.rowCount).toBe(tables[0].rows.length + 1);
    const financeRow = tables[0].rows.findIndex((r) => r[0] === '区财政局') + 2;
    expect(sheet.getRow(financeRow).getCell(tables[0].header.indexOf('周明') + 1).value).toBe('分管');
  });
});
