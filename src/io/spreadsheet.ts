// The portfolio matrix as the office's spreadsheets have it: one row per unit or work area, one column per
// leader (protocol order), cells 分管 / 联系 / 协助 / 负责 / 牵头协调; plus a line-by-line list. CSV is UTF-8
// with a BOM so that Excel opens Chinese text correctly; XLSX has both sheets, headers frozen.
import type * as ExcelJSModule from 'exceljs';
import { ASSIGNMENT_KINDS, linesOn, portfolioMatrix, type DirectoryFacts } from '../domain';
import { LINE_ROLES } from './popolo';

/**
 * exceljs, loaded at the first workbook: it is the heaviest module of the server (~0.4 s of every start-up, CLI
 * command and test file), and most processes never write a workbook.
 */
const exceljs = (): typeof ExcelJSModule => require('exceljs') as typeof ExcelJSModule;

const KIND_ORDER = new Map(ASSIGNMENT_KINDS.map((k, i) => [k, i]));

const UNIT_KIND_LABELS: Record<string, string> = {
  CONSTITUENT: '组成部门', AFFILIATED: '直属机构', AGENCY: '派出机构', SUBDISTRICT: '街道/乡镇',
  VERTICAL: '垂直管理单位', JUDICIAL: '审判检察机关', MASS_ORGANIZATION: '人民团体', STATE_ENTERPRISE: '国有企业',
};

export interface Table {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** The matrix on `asOf`: rows units (government line first) then work areas; columns leaders in protocol order. */
export function matrixTable(facts: DirectoryFacts, asOf: string): Table {
  const matrix = portfolioMatrix(facts, asOf);
  const names = new Map<string, string>([
    ...facts.leaders.map((l) => [l.id, l.name] as const),
    ...facts.departments.map((d) => [d.id, d.name] as const),
    ...facts.workAreas.map((w) => [w.id, w.name] as const),
  ]);
  const cellsOf = new Map<string, Map<string, string[]>>();
  for (const cell of [...matrix.cells].sort((a, b) => (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0))) {
    const target = cell.departmentId ?? cell.workAreaId;
    if (target === null) continue;
    const row = cellsOf.get(target) ?? new Map<string, string[]>();
    row.set(cell.leaderId, [...(row.get(cell.leaderId) ?? []), LINE_ROLES[cell.kind] + (cell.orphaned ? '(失效)' : '')]);
    cellsOf.set(target, row);
  }
  const kindOf = new Map(facts.departments.map((d) => [d.id, UNIT_KIND_LABELS[d.kind]]));
  const row = (id: string, category: string) => [names.get(id) ?? id, category, ...matrix.leaderIds.map((l) => (cellsOf.get(id)?.get(l) ?? []).join('、'))];
  return {
    title: `${facts.jurisdiction.name}政府领导分工（${asOf}）`,
    header: ['单位/工作', '类别', ...matrix.leaderIds.map((id) => names.get(id) ?? id)],
    rows: [...matrix.departmentIds.map((id) => row(id, kindOf.get(id) ?? '')), ...matrix.workAreaIds.map((id) => row(id, '工作领域'))],
  };
}

/** Every line in force on `asOf`, one per row: leader, relation, target, since, until, document. */
export function linesTable(facts: DirectoryFacts, asOf: string): Table {
  const names = new Map<string, string>([
    ...facts.leaders.map((l) => [l.id, l.name] as const),
    ...facts.departments.map((d) => [d.id, d.name] as const),
    ...facts.workAreas.map((w) => [w.id, w.name] as const),
  ]);
  const matrix = portfolioMatrix(facts, asOf);
  const order = new Map(matrix.leaderIds.map((id, i) => [id, i]));
  const lines = [...linesOn(facts, asOf)].sort((a, b) => (order.get(a.leaderId) ?? 999) - (order.get(b.leaderId) ?? 999) || (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) || a.id.localeCompare(b.id));
  return {
    title: '分工明细',
    header: ['领导', '关系', '对象', '协助对象', '起始日期', '截止日期', '文号'],
    rows: lines.map((a) => [
      names.get(a.leaderId) ?? a.leaderId,
      LINE_ROLES[a.kind],
      a.departmentId !== null ? (names.get(a.departmentId) ?? a.departmentId) : a.workAreaId !== null ? (names.get(a.workAreaId) ?? a.workAreaId) : (a.subject ?? facts.jurisdiction.name),
      a.principalId === null ? '' : (names.get(a.principalId) ?? a.principalId),
      a.validFrom,
      a.validTo ?? '',
      a.document ?? '',
    ]),
  };
}

/** RFC 4180 CSV with a UTF-8 BOM and CRLF line ends. */
export function toCsv(table: Table): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `\uFEFF${[table.header, ...table.rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

/** An XLSX workbook with the given tables, one sheet each, bold frozen headers and sensible widths. */
export async function toXlsx(tables: readonly Table[]): Promise<Buffer> {
  const workbook = new (exceljs().Workbook)();
  workbook.creator = '分工名录';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
    sheet.addRow([...table.header]).font = { bold: true };
    for (const row of table.rows) sheet.addRow([...row]);
    sheet.columns.forEach((column, i) => {
      const widest = Math.max(...[table.header, ...table.rows].map((r) => [...(r[i] ?? '')].length));
      column.width = Math.min(40, Math.max(8, widest * 2 + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
