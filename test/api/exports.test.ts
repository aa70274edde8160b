// The exchange formats over HTTP and GraphQL, for dashboards and spreadsheets.
import ExcelJS from 'exceljs';
import { createToken } from '../../src/auth/tokens';
import { startServer, type RunningServer } from '../../src/server';
import { openTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
let open: RunningServer;
let closed: RunningServer;

beforeAll(async () => {
  db = await openTestDatabase('exports', {}, { demo: true });
  const options = { timeZone: 'Asia/Shanghai', now: () => new Date('2026-11-28T02:00:00Z') };
  open = await startServer(db.orm, 0, '127.0.0.1', { ...options, publicReads: true });
  closed = await startServer(db.orm, 0, '127.0.0.1', { ...options, publicReads: false });
});

afterAll(async () => {
  await open?.stop();
  await closed?.stop();
  await db?.close();
});

it('serves a government’s Popolo JSON, the same document GraphQL returns', async () => {
  const response = await fetch(`${open.url}/export/jur:qingchuan/popolo.json`);
  expect(response.status).toBe(200);
  const doc = (await response.json()) as { 'fengong:format': string; memberships: unknown[] };
  expect(doc['fengong:format']).toBe('popolo+fengong/1');
  const viaGraphql = await fetch(`${open.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ popolo(jurisdictionId: "jur:qingchuan") }' }),
  });
  expect(((await viaGraphql.json()) as { data: { popolo: unknown } }).data.popolo).toEqual(doc);
});

it('shows department heads’ contact details in the Popolo export to EDITOR and above only', async () => {
  const contacts = async (headers: Record<string, string>) => {
    const doc = (await (await fetch(`${open.url}/export/jur:qingchuan/popolo.json`, { headers })).json()) as { organizations: { id: string; contact_details?: unknown[] }[] };
    return doc.organizations.find((o) => o.id === 'dept:finance')?.contact_details;
  };
  expect(await contacts({})).toEqual([]);
  const { token } = await createToken(db.orm.em.fork(), '区政府办公室', 'EDITOR', new Date());
  expect(await contacts({ authorization: `Bearer ${token}` })).toEqual([{ type: 'voice', value: '010-55501009', label: expect.any(String) }]);
});

it('serves the matrix as CSV for a date, with a Chinese file name', async () => {
  const response = await fetch(`${open.url}/export/jur:qingchuan/matrix.csv?asOf=2025-06-01`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(response.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('青川区-2025-06-01')}.csv`);
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM that makes Excel read UTF-8
  expect(bytes.toString('utf8').split('\r\n')[0]).toBe('\uFEFF单位/工作,类别,刘建国,周明,孙海涛,李晓燕,王丽华,赵文斌,黄德伟,徐静,吴斌');
});

it('serves the matrix as XLSX with the line-by-line sheet', async () => {
  const response = await fetch(`${open.url}/export/jur:qingchuan/matrix.xlsx`);
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.arrayBuffer()) as ExcelJS.Buffer);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['青川区政府领导分工（2026-11-28）', '分工明细']);
});

it.each([
  ['an unknown government', '/export/jur:atlantis/matrix.csv', 404, 'NOT_FOUND'],
  ['an unknown export', '/export/jur:qingchuan/matrix.pdf', 404, 'NOT_FOUND'],
  ['a bad date', '/export/jur:qingchuan/matrix.csv?asOf=2026-13-01', 400, 'BAD_USER_INPUT'],
])('refuses %s (%s) with %i %s', async (_label, url, status, code) => {
  const response = await fetch(`${open.url}${url}`);
  expect(response.status).toBe(status);
  expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(code);
});

it('needs a token when reads are not public, and refuses a bad one', async () => {
  const anonymous = await fetch(`${closed.url}/export/jur:qingchuan/popolo.json`);
  expect(anonymous.status).toBe(401);
  const bad = await fetch(`${closed.url}/export/jur:qingchuan/popolo.json`, { headers: { authorization: 'Bearer fgml_nope' } });
  expect(bad.status).toBe(401);
  const { token } = await createToken(db.orm.em.fork(), '区统计局', 'VIEWER', new Date());
  const viewer = await fetch(`${closed.url}/export/jur:qingchuan/popolo.json`, { headers: { authorization: `Bearer ${token}` } });
  expect(viewer.status).toBe(200);
});
