// Publishing the division over HTTP and GraphQL: GET /export/{id}/notice.txt|notice.docx and Query.notice, on the
// demo; the adjustment notice of a changeset applied through the API; the same access rule and coded errors as the
// other exports.
import { createToken } from '../../src/auth/tokens';
import { DEMO_DATASET_DIR } from '../../src/ops/seed';
import { factsByJurisdiction } from '../../src/io/dataset';
import { readDataset } from '../../src/io/importer';
import { divisionNotice, noticeText } from '../../src/io/notice-writer';
import { parseNotice } from '../../src/io/notice';
import { startServer, type RunningServer } from '../../src/server';
import { openTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
let open: RunningServer;
let closed: RunningServer;
let editor: string;

beforeAll(async () => {
  db = await openTestDatabase('notice', {}, { demo: true });
  const options = { timeZone: 'Asia/Shanghai', now: () => new Date('2026-11-28T02:00:00Z') };
  open = await startServer(db.orm, 0, '127.0.0.1', { ...options, publicReads: true });
  closed = await startServer(db.orm, 0, '127.0.0.1', { ...options, publicReads: false });
  editor = (await createToken(db.orm.em.fork(), '区政府办公室', 'EDITOR', new Date())).token;
});

afterAll(async () => {
  await open?.stop();
  await closed?.stop();
  await db?.close();
});

async function graphql(server: RunningServer, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] };
}

const NOTICE = `query($id: ID!, $asOf: LocalDate, $cs: ID) { notice(jurisdictionId: $id, asOf: $asOf, changesetId: $cs) {
  kind asOf title documentNumber addressee preamble issuer date text docxPath
  sections { heading paragraphs } leaders { leaderId name titles paragraph } closing } }`;

it('serves the notice as text, the same text GraphQL returns, which reads back as the directory', async () => {
  const response = await fetch(`${open.url}/export/jur:qingchuan/notice.txt?asOf=2026-11-28`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  expect(response.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('青川区-分工通知-2026-11-28.txt')}`);
  const text = await response.text();
  expect(text.split('\n')[0]).toBe('青川区人民政府关于区政府领导班子成员工作分工的通知');

  const { data, errors } = await graphql(open, NOTICE, { id: 'jur:qingchuan', asOf: '2026-11-28' });
  expect(errors).toBeUndefined();
  expect(data.notice.text).toBe(text);
  expect(data.notice).toMatchObject({ kind: 'DIVISION', asOf: '2026-11-28', documentNumber: null, issuer: '青川区人民政府', date: '2026年11月28日', docxPath: '/export/jur%3Aqingchuan/notice.docx?asOf=2026-11-28' });
  expect(data.notice.leaders.map((l: any) => l.name)).toEqual(['陈远航', '周明', '孙海涛', '李晓燕', '王丽华', '赵文斌', '何志远', '徐静', '吴斌']);
  expect(data.notice.leaders[0]).toEqual({ leaderId: 'leader:chen-yuanhang', name: '陈远航', titles: ['代区长'], paragraph: '代区长陈远航：主持区政府全面工作；负责审计、机构编制工作；分管区审计局。' });
  expect(data.notice.sections.map((s: any) => s.heading)).toEqual(['一、区政府领导班子成员工作分工', '二、区政府领导AB角安排']);

  const parsed = parseNotice(text);
  expect(parsed.warnings).toEqual([]);
  expect(parsed.leaders.find((l) => l.name === '周明')).toMatchObject({ assists: '陈远航', backup: '李晓燕', coSupervises: ['区审计局'] });
  // The same notice as written from the seed files: nothing depends on the order rows come out of the database.
  const seeded = factsByJurisdiction(await readDataset(DEMO_DATASET_DIR)).get('jur:qingchuan')!;
  expect(text).toBe(noticeText(divisionNotice(seeded, '2026-11-28')));
});

it('defaults to today (Asia/Shanghai) and answers for any date', async () => {
  const today = await (await fetch(`${open.url}/export/jur:qingchuan/notice.txt`)).text();
  expect(today).toContain('2026年11月28日');
  const before = await graphql(open, NOTICE, { id: 'jur:qingchuan', asOf: '2025-06-01' });
  expect(before.data.notice.leaders[0].paragraph).toMatch(/^区长刘建国：主持区政府全面工作；/);
  expect(before.data.notice.sections).toHaveLength(1);
});

it('serves the notice as a Word document: a ZIP on A4', async () => {
  const response = await fetch(`${open.url}/export/jur:qingchuan/notice.docx?asOf=2026-11-28`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  expect(response.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('青川区-分工通知-2026-11-28.docx')}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
});

it('writes the adjustment notice of a changeset applied through the API, stating only what it changed', async () => {
  const { data: read } = await graphql(open, '{ jurisdiction(id: "jur:qingchuan") { version } }');
  const applied = await graphql(
    open,
    `mutation($input: ApplyChangesetInput!) { applyChangeset(input: $input) { id } }`,
    {
      input: {
        jurisdictionId: 'jur:qingchuan', document: '青政发〔2026〕30号', decisionId: 'decision:qingchuan-2026-11-adjust', issuedById: 'leader:chen-yuanhang',
        effectiveDate: '2026-12-01', expectedVersion: read.jurisdiction.version,
        items: [{ op: 'MOVE', lineId: 'line:wang-lihua-supervises-education', toLeaderId: 'leader:li-xiaoyan' }],
      },
    },
    editor,
  );
  expect(applied.errors).toBeUndefined();
  const changesetId: string = applied.data.applyChangeset.id;

  const { data, errors } = await graphql(open, NOTICE, { id: 'jur:qingchuan', cs: changesetId });
  expect(errors).toBeUndefined();
  expect(data.notice).toMatchObject({
    kind: 'ADJUSTMENT', asOf: '2026-12-01', documentNumber: '青政发〔2026〕30号', date: '2026年12月1日',
    title: '青川区人民政府关于调整区政府领导班子成员工作分工的通知',
    preamble: '经区政府第25次常务会议研究决定，自2026年12月1日起，对区政府领导班子成员工作分工作如下调整：',
  });
  expect(data.notice.leaders.map((l: any) => l.paragraph)).toEqual([
    '区政府党组成员、副区长李晓燕同志：增加分管区教育局。',
    '副区长王丽华同志：不再分管区教育局。',
  ]);
  const parsed = parseNotice(data.notice.text);
  expect(parsed.warnings).toEqual([]);
  expect(parsed.leaders.map((l) => [l.name, l.supervises, l.ends ?? []])).toEqual([
    ['李晓燕', ['区教育局'], []],
    ['王丽华', [], ['区教育局']],
  ]);

  const txt = await fetch(`${open.url}/export/jur:qingchuan/notice.txt?changesetId=${encodeURIComponent(changesetId)}`);
  expect(txt.status).toBe(200);
  expect(txt.headers.get('content-disposition')).toContain(encodeURIComponent('青川区-分工调整通知-2026-12-01.txt'));
  expect(await txt.text()).toBe(data.notice.text);
  // The whole division from the effective date on states the move too.
  const after = await graphql(open, NOTICE, { id: 'jur:qingchuan', asOf: '2026-12-01' });
  expect(after.data.notice.leaders.find((l: any) => l.name === '李晓燕').paragraph).toContain('区教育局');
  expect(after.data.notice.leaders.find((l: any) => l.name === '王丽华').paragraph).not.toContain('区教育局');
});

it.each([
  ['an unknown government', '/export/jur:atlantis/notice.txt', 404, 'NOT_FOUND'],
  ['an unknown format', '/export/jur:qingchuan/notice.pdf', 404, 'NOT_FOUND'],
  ['a bad date', '/export/jur:qingchuan/notice.docx?asOf=2026-02-30', 400, 'BAD_USER_INPUT'],
  ['an unknown changeset', '/export/jur:qingchuan/notice.txt?changesetId=changeset:nope', 404, 'NOT_FOUND'],
])('refuses %s over HTTP (%s) with %i %s', async (_label, url, status, code) => {
  const response = await fetch(`${open.url}${url}`);
  expect(response.status).toBe(status);
  expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(code);
});

it.each([
  ['an unknown government', { id: 'jur:atlantis' }, 'NOT_FOUND'],
  ['a bad date', { id: 'jur:qingchuan', asOf: '2026-13-01' }, 'BAD_USER_INPUT'],
  ['an unknown changeset', { id: 'jur:qingchuan', cs: 'changeset:nope' }, 'NOT_FOUND'],
])('refuses %s over GraphQL with %s', async (_label, variables, code) => {
  const { data, errors } = await graphql(open, NOTICE, variables);
  expect(data?.notice ?? null).toBeNull();
  expect(errors?.[0].extensions.code).toBe(code);
});

it('needs a token when reads are not public, on both transports', async () => {
  expect((await fetch(`${closed.url}/export/jur:qingchuan/notice.txt`)).status).toBe(401);
  expect((await fetch(`${closed.url}/export/jur:qingchuan/notice.docx`, { headers: { authorization: 'Bearer fgml_nope' } })).status).toBe(401);
  expect((await graphql(closed, NOTICE, { id: 'jur:qingchuan' })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  const { token } = await createToken(db.orm.em.fork(), '区统计局', 'VIEWER', new Date());
  const viewer = await fetch(`${closed.url}/export/jur:qingchuan/notice.txt`, { headers: { authorization: `Bearer ${token}` } });
  expect(viewer.status).toBe(200);
  const viaGraphql = await graphql(closed, NOTICE, { id: 'jur:qingchuan' }, token);
  expect(viaGraphql.data.notice.text).toBe(await viewer.text());
});
