// End to end: Debian's Chromium (driven by playwright-core) against a real server on a real test database,
// with "today" fixed at 2026-11-28. Every test fails on a console error, a page error or any request to a host
// other than the loopback one. Screenshots at 1366×768 go to test-artifacts/web/.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createToken } from '../../src/auth/tokens';
import type { RunningServer } from '../../src/server';
import { ARTIFACTS, browserSuite, launchChromium, NOW, openDemoDatabase, refuseForeignHosts, startWebServer, WAIT, watchPage } from '../support/browser';
import type { TestDatabase } from '../support/database';
import { publishProbeChange } from '../support/live';

// Browser globals used inside page.evaluate callbacks (the project's tsconfig has no DOM lib; module-scoped).
declare const document: any;
declare const window: any;
declare const getComputedStyle: any;

const VIEWPORT = { width: 1366, height: 768 };

const suite = browserSuite('test/web/dashboard.test.ts');

suite('dashboard and explorer in Chromium', () => {
  let db: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let editorToken: string;
  /** What went wrong in the page during the current test: console errors, page errors, foreign requests. */
  let problems: string[];
  /** Console errors a test expects (e.g. the failed /graphql loads of the error test). */
  let expectedConsole: RegExp | null;

  beforeAll(async () => {
    db = await openDemoDatabase('web');
    server = await startWebServer(db.orm, { publicReads: true });
    editorToken = (await createToken(db.orm.em.fork(), '区政府办公室', 'EDITOR', NOW)).token;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.close();
  });

  beforeEach(async () => {
    problems = [];
    expectedConsole = null;
    context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    context.setDefaultTimeout(WAIT);
    const report = (problem: string) => void problems.push(problem);
    await refuseForeignHosts(context, report);
    page = await context.newPage();
    watchPage(page, report, { expected: () => expectedConsole, requests: true });
  });

  afterEach(async () => {
    await context?.close();
    expect(problems).toEqual([]);
  });

  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  const panel = (id: string) => page.locator(`#panel-${id}`);

  /** Opens the dashboard and waits until every panel has drawn its data. */
  async function openDashboard(query = ''): Promise<void> {
    await page.goto(`${server.url}/dashboard${query}`);
    await page.locator('#panel-team .leader-card').first().waitFor();
    await page.locator('#panel-matrix table.matrix').waitFor();
    await page.locator('#panel-coverage .tiles').waitFor();
    await page.locator('#panel-load canvas').first().waitFor();
    await page.locator('#panel-changes .changes-layout').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.panel[aria-busy]').length === 0, null, { timeout: WAIT });
  }

  async function search(text: string): Promise<void> {
    await page.fill('#search-text', text);
    await page.click('#panel-search button[type=submit]');
    await page.locator('#panel-search .result-summary').filter({ hasText: `“${text}”` }).waitFor();
  }

  async function api(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  it('shows the team, the matrix, coverage, load and recent changes for today', async () => {
    await openDashboard();
    await expect(page.title()).resolves.toBe('江州市青川区 · 分工名录');
    await expect(page.inputValue('#as-of')).resolves.toBe('2026-11-28');
    const names = await page.locator('#panel-team .leader-card .leader-name').allTextContents();
    expect(names).toEqual(['陈远航', '周明', '孙海涛', '李晓燕', '王丽华', '赵文斌', '何志远', '徐静', '吴斌']);
    const head = page.locator('#panel-team .leader-card[data-leader="leader:chen-yuanhang"]');
    await expect(head.textContent()).resolves.toContain('代区长');
    await expect(head.textContent()).resolves.toContain('主持全面工作');
    // 赵文斌 is away; his B角 王丽华 acts for him.
    const away = page.locator('#panel-team .leader-card[data-leader="leader:zhao-wenbin"]');
    await expect(away.locator('.absence').textContent()).resolves.toMatch(/中央党校[\s\S]*由 王丽华 代行（AB角）/);
    await expect(page.locator('#panel-team .leader-card[data-leader="leader:wang-lihua"] .acting').textContent()).resolves.toContain('代 赵文斌');
    const coverage = await panel('coverage').textContent();
    expect(coverage).toContain('每个政府部门都有分管领导');
    expect(coverage).toMatch(/赵文斌[\s\S]*由 王丽华 代行（AB角）[\s\S]*例外：[\s\S]*区公安分局 → 陈远航/);
    // The load chart, and the same numbers in its accessible table.
    const header = await page.locator('#panel-load .load-table thead th').allTextContents();
    expect(header).toEqual(['领导', '分管', '负责', '联系', '协助', '牵头协调', '主持全面工作', '合计']);
    const zhou = await page.locator('#panel-load .load-table tr[data-leader="leader:zhou-ming"] > *').allTextContents();
    expect(zhou).toEqual(['周明', '8', '9', '2', '1', '0', '0', '20']);
    await expect(page.locator('#panel-changes').textContent()).resolves.toContain('暂无变更记录');
    await page.locator('#live-status[data-state=open]').waitFor();
    await expect(page.locator('.error').count()).resolves.toBe(0);
    await shot('01-dashboard-today');
  });
  it('searches 财政: 周明 supervises (分管) 区财政局; 税务 shows him as liaison (联系)', async () => {
    await openDashboard();
    await search('财政');
    const finance = page.locator('#panel-search .match[data-target="dept:finance"]');
    await expect(finance.locator('.match-name').textContent()).resolves.toBe('区财政局');
    const supervisor = finance.locator('.overseer[data-relation=SUPERVISES]');
    await expect(supervisor.locator('.leader-link').textContent()).resolves.toBe('周明');
    await expect(supervisor.locator('.rel').textContent()).resolves.toBe('●分管');
    const area = page.locator('#panel-search .match[data-target="area:finance"] .overseer[data-relation=RESPONSIBLE_FOR]');
    await expect(area.textContent()).resolves.toContain('周明');
    await shot('02-search-caizheng');

    await search('税务');
    const tax = page.locator('#panel-search .match[data-target="dept:tax"]');
    await expect(tax.textContent()).resolves.toContain('垂直管理单位（联系单位）');
    const liaison = tax.locator('.overseer[data-liaison=true]');
    await expect(liaison.textContent()).resolves.toMatch(/周明\s*○联系\s*仅联系，不直接领导/);
  });

  it('keyboard: Tab reaches the search box, which has a label and a visible focus ring, and Enter searches', async () => {
    await openDashboard();
    await page.locator('body').focus();
    let reached = false;
    for (let i = 0; i < 25 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'search-text');
    }
    expect(reached).toBe(true);
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { label: el.labels?.[0]?.textContent, outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(focus).toEqual({ label: '单位或工作领域', outline: 'solid', width: '3px' });
    await page.keyboard.type('司法');
    await page.keyboard.press('Enter');
    const justice = page.locator('#panel-search .match[data-target="dept:justice"]');
    await justice.waitFor();
    // Its supervisor is away: he is shown as such, and his B角 as acting for him.
    await expect(justice.locator('.overseer').first().textContent()).resolves.toMatch(/赵文斌\s*●分管\s*外出/);
    await expect(justice.locator('.overseer').nth(1).textContent()).resolves.toMatch(/王丽华\s*●分管\s*代行（代赵文斌）/);
    await shot('03-keyboard-search');
  });

  it('opens a leader: posts, portfolio, AB角 and history; Esc closes and focus returns', async () => {
    await openDashboard();
    const opener = page.locator('#panel-team .leader-card[data-leader="leader:zhou-ming"] .leader-name');
    await opener.click();
    const dialog = page.locator('#leader-dialog');
    await dialog.locator('.detail-section').first().waitFor();
    await expect(page.locator('#leader-dialog-title').textContent()).resolves.toBe('周明');
    const text = await dialog.textContent();
    expect(text).toContain('常务副区长、区政府党组成员');
    expect(text).toMatch(/●\s*分管区政务服务和大数据管理局、[^●]*区财政局/);
    expect(text).toContain('协助陈远航：区审计局');
    expect(text).toContain('联系国家税务总局江州市青川区税务局');
    expect(text).toMatch(/分工历史（\d+ 条）/);
    await shot('04-leader-detail');
    await page.keyboard.press('Escape');
    await expect(dialog.isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('周明');
  });

  it('the matrix tells 分管, 联系 and 协助 apart by mark and word, government line first', async () => {
    await openDashboard();
    const cell = (target: string, leader: string) => page.locator(`#panel-matrix tr[data-target="${target}"] td[data-leader="${leader}"]`);
    await expect(cell('dept:finance', 'leader:zhou-ming').getAttribute('data-kinds')).resolves.toBe('SUPERVISES');
    await expect(cell('dept:finance', 'leader:zhou-ming').textContent()).resolves.toContain('●分');
    await expect(cell('dept:tax', 'leader:zhou-ming').getAttribute('data-kinds')).resolves.toBe('LIAISES_WITH');
    await expect(cell('dept:tax', 'leader:zhou-ming').textContent()).resolves.toContain('○联');
    await expect(cell('dept:audit', 'leader:zhou-ming').getAttribute('data-kinds')).resolves.toBe('ASSISTS');
    await expect(cell('dept:audit', 'leader:zhou-ming').textContent()).resolves.toContain('△协');
    await expect(cell('dept:audit', 'leader:chen-yuanhang').getAttribute('data-kinds')).resolves.toBe('SUPERVISES');
    await expect(cell('dept:finance', 'leader:li-xiaoyan').textContent()).resolves.toBe('');
    // Screen readers hear the whole relation.
    await expect(cell('dept:audit', 'leader:zhou-ming').locator('.sr-only').textContent()).resolves.toBe('周明 协助 区审计局（协助陈远航）');
    const legend = await page.locator('#panel-matrix .legend li').allTextContents();
    expect(legend).toEqual(['●分 分管', '○联 联系', '△协 协助', '■负 负责', '◆协调 牵头协调']);
    // Rows: government units (组成部门 first), then the units that are only liaised with, then work areas.
    const rows = await page.locator('#panel-matrix tbody tr').evaluateAll((trs) => trs.map((tr: any) => tr.dataset.target ?? `# ${tr.textContent}`));
    expect(rows[0]).toBe('# 组成部门（24）');
    expect(rows.indexOf('dept:finance')).toBeLessThan(rows.indexOf('# 以下为联系单位（只联系、不领导）'));
    expect(rows.indexOf('dept:street-qingshi')).toBeLessThan(rows.indexOf('# 以下为联系单位（只联系、不领导）'));
    expect(rows.indexOf('dept:tax')).toBeGreaterThan(rows.indexOf('# 以下为联系单位（只联系、不领导）'));
    expect(rows.indexOf('area:finance')).toBeGreaterThan(rows.indexOf('dept:urban-invest'));
    const columns = await page.locator('#panel-matrix thead th .leader-link').allTextContents();
    expect(columns.slice(0, 3)).toEqual(['陈远航', '周明', '孙海涛']);
    await page.locator('#panel-matrix tr[data-target="dept:tax"]').scrollIntoViewIfNeeded();
    await shot('05-matrix-outside-units');
  });

  it('as of 2025-06-01 shows the earlier division (区长 刘建国) and its history', async () => {
    await openDashboard();
    await page.fill('#as-of', '2025-06-01');
    const first = page.locator('#panel-team .leader-card').first();
    await page.locator('#panel-team .leader-card[data-leader="leader:liu-jianguo"]').waitFor();
    await expect(first.locator('.leader-name').textContent()).resolves.toBe('刘建国');
    await expect(first.locator('.posts').textContent()).resolves.toBe('区长');
    await expect(page.locator('#panel-team .leader-card[data-leader="leader:chen-yuanhang"]').count()).resolves.toBe(0);
    await expect(page.locator('#panel-team .leader-card[data-leader="leader:huang-dewei"]').count()).resolves.toBe(1);
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2025-06-01');
    await expect(page.locator('#as-of-hint').textContent()).resolves.toBe('历史分工（查看过去某日）');
    // Nobody was away then; the matrix is the old one.
    await page.waitForFunction(() => document.querySelectorAll('.panel[aria-busy]').length === 0, null, { timeout: WAIT });
    await expect(panel('coverage').textContent()).resolves.toContain('当日无人外出');
    await expect(page.locator('#panel-matrix tr[data-target="dept:audit"] td[data-leader="leader:liu-jianguo"]').getAttribute('data-kinds')).resolves.toBe('SUPERVISES');
    // The decisions: the 2024 division is the latest as of that date; the later ones come after it.
    const latest = page.locator('#panel-changes .decision-item[data-state=latest]');
    await expect(latest.getAttribute('data-decision')).resolves.toBe('decision:qingchuan-2024-01-division');
    await expect(latest.textContent()).resolves.toContain('青政常纪〔2024〕1号');
    await expect(page.locator('#panel-changes .decision-item[data-state=later]').count()).resolves.toBe(2);
    await shot('06-as-of-2025-06-01');
    // His history: head from 2024-01-15 until the re-division of 2026-03-20.
    await first.locator('.leader-name').click();
    const dialog = page.locator('#leader-dialog');
    await dialog.locator('table.history').waitFor();
    const text = await dialog.textContent();
    expect(text).toContain('区长：2024-01-15 起，2026-03-20 止');
    expect(text).toMatch(/分管区审计局2024-01-15 起，2026-03-20 止青政发〔2024〕3号2025-06-01 有效/);
    await shot('07-history-liu-jianguo');
    // The same view straight from a link.
    await page.goto(`${server.url}/dashboard?asOf=2025-06-01`);
    await page.locator('#panel-team .leader-card[data-leader="leader:liu-jianguo"]').waitFor();
    await expect(page.inputValue('#as-of')).resolves.toBe('2025-06-01');
  });

  it('switches government with the selector (and ?jurisdiction= in the URL)', async () => {
    await openDashboard();
    const options = await page.locator('#jurisdiction option').evaluateAll((os) => os.map((o: any) => [o.value, o.textContent]));
    expect(options).toEqual([['jur:jiangzhou', '江州市'], ['jur:linjiang', '江州市临江区'], ['jur:qingchuan', '江州市青川区']]);
    await page.selectOption('#jurisdiction', 'jur:jiangzhou');
    await page.locator('#panel-team .leader-card[data-leader="leader:yan-zhenghua"]').waitFor();
    await expect(page.title()).resolves.toBe('江州市 · 分工名录');
    expect(new URL(page.url()).searchParams.get('jurisdiction')).toBe('jur:jiangzhou');
    await page.selectOption('#jurisdiction', 'jur:linjiang');
    await page.locator('#panel-team .leader-card[data-leader="leader:wei-zhicheng"]').waitFor();
    await expect(page.title()).resolves.toBe('江州市临江区 · 分工名录');
    // Before any unit or team member was recorded (2019), the city's team panel says so.
    await page.goto(`${server.url}/dashboard?jurisdiction=jur:jiangzhou&asOf=2018-06-01`);
    await page.locator('#panel-team .empty').filter({ hasText: '没有班子成员记录' }).waitFor();
    await page.goto(`${server.url}/dashboard?jurisdiction=jur:qingchuan`);
    await page.locator('#panel-team .leader-card').first().waitFor();
    await expect(page.inputValue('#jurisdiction')).resolves.toBe('jur:qingchuan');
  });

  it('shows a clear Chinese message in every panel when the API fails, and when it is unreachable', async () => {
    expectedConsole = /Failed to load resource|net::ERR_FAILED/;
    await page.route('**/graphql', (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'boom' }));
    await page.goto(`${server.url}/dashboard`);
    const errors = page.locator('.panel .error');
    // Nine panels load at once (five of the division, four of key work); the search panel loads when asked.
    await page.waitForFunction(() => document.querySelectorAll('.panel .error').length === 9, null, { timeout: WAIT });
    await page.fill('#search-text', '财政');
    await page.keyboard.press('Enter');
    await page.locator('#panel-search .error').waitFor();
    await expect(errors.count()).resolves.toBe(10);
    for (const text of await errors.allTextContents()) expect(text).toBe('数据加载失败：服务器错误（HTTP 500）');
    await expect(page.locator('#search-text').isVisible()).resolves.toBe(true); // the form survives the failure
    await shot('08-api-error-500');

    await page.unroute('**/graphql');
    await page.route('**/graphql', (route) => route.abort('failed'));
    await page.goto(`${server.url}/dashboard`);
    await page.waitForFunction(() => document.querySelectorAll('.panel .error').length === 9, null, { timeout: WAIT });
    for (const text of await errors.allTextContents()) expect(text).toBe('数据加载失败：无法连接服务器，请检查网络');
    // A GraphQL error is shown with its message and code.
    await page.unroute('**/graphql');
    await page.goto(`${server.url}/dashboard?jurisdiction=jur:nowhere`);
    await page.locator('#panel-team .error').waitFor();
    await expect(page.locator('#panel-team .error').textContent()).resolves.toMatch(/^数据加载失败：.*（NOT_FOUND）$/);
  });

  it('the explorer renders offline with the examples preloaded and runs a query', async () => {
    await page.goto(`${server.url}/graphiql`);
    await page.locator('.graphiql-container').waitFor();
    const tabs = page.locator('.graphiql-tab');
    await expect(tabs.count()).resolves.toBe(6);
    await expect(page.locator('.graphiql-query-editor').textContent()).resolves.toContain('whoOversees');
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response');
    await response.filter({ hasText: '周明' }).waitFor();
    const text = await response.textContent();
    expect(text).toContain('"relation": "SUPERVISES"');
    expect(text).toContain('区财政局');
    await shot('09-explorer');
  });

  it('updates live, without a reload, when another session moves a portfolio line', async () => {
    await openDashboard();
    await page.locator('#live-status[data-state=open]').waitFor();
    await search('教育');
    const education = page.locator('#panel-search .match[data-target="dept:education"] .overseer[data-relation=SUPERVISES]');
    await expect(education.locator('.leader-link').textContent()).resolves.toBe('王丽华');
    await page.evaluate(() => { window.marker = 42; });
    // The subscribe message is sent when the socket is acknowledged; the subscription is live once a probe
    // event (version −1, which no write publishes) published on the server's bus reaches the page.
    const probeShown = page.locator('#notice').filter({ hasText: '第 -1 版' });
    const probing = setInterval(publishProbeChange(server.events, 'jur:qingchuan'), 100);
    try {
      await probeShown.waitFor();
    } finally {
      clearInterval(probing);
    }

    const { jurisdiction } = await api('{ jurisdiction(id: "jur:qingchuan") { version } }');
    await api(`mutation Move($version: Int!) {
      moveAssignment(input: {
        lineId: "line:wang-lihua-supervises-education", toLeaderId: "leader:li-xiaoyan",
        decisionId: "decision:qingchuan-2026-11-adjust", document: "青政发〔2026〕30号", issuedById: "leader:chen-yuanhang",
        effectiveDate: "2026-11-28", expectedVersion: $version
      }) { id version }
    }`, { version: jurisdiction.version }, editorToken);

    await page.locator('#notice').filter({ hasText: `分工已更新：第 ${jurisdiction.version + 1} 版` }).waitFor();
    await page.locator('#panel-search .match[data-target="dept:education"] .overseer[data-relation=SUPERVISES]').filter({ hasText: '李晓燕' }).waitFor();
    const cell = (leader: string) => page.locator(`#panel-matrix tr[data-target="dept:education"] td[data-leader="${leader}"]`);
    await page.waitForFunction(() => document.querySelector('#panel-matrix tr[data-target="dept:education"] td[data-leader="leader:li-xiaoyan"]')?.getAttribute('data-kinds') === 'SUPERVISES', null, { timeout: WAIT });
    await expect(cell('leader:wang-lihua').getAttribute('data-kinds')).resolves.toBe('');
    await expect(page.locator('#panel-team .leader-card[data-leader="leader:li-xiaoyan"]').textContent()).resolves.toContain('区教育局');
    // The audit feed: newest first, with the decision behind it.
    await page.locator('#panel-changes .event').first().waitFor();
    const events = await page.locator('#panel-changes .event .event-text').allTextContents();
    expect(events).toEqual(['李晓燕 分管 区教育局（2026-11-28 起）', '王丽华 分管 区教育局（2026-11-28 止）']);
    const first = await page.locator('#panel-changes .event').first().textContent();
    expect(first).toContain('2026-11-28 10:00 · 区政府办公室 (EDITOR)');
    expect(first).toContain('依据：第25次常务会议（2026-11-20）决定 · 纪要号 青政常纪〔2026〕25号');
    await expect(page.evaluate(() => window.marker)).resolves.toBe(42);
    await shot('10-live-update');
    await page.locator('#panel-changes').scrollIntoViewIfNeeded();
    await shot('11-recent-changes');
  });
  it('recent changes jumps to the end of a long audit feed: the newest entries first', async () => {
    const before = (await api('{ changes(jurisdictionId: "jur:qingchuan", first: 1) { totalCount } }')).changes.totalCount;
    // 14 more entries (more than the 12 shown): a short leave for 徐静 each month from 2027-01.
    for (let month = 1; month <= 14; month += 1) {
      const start = `${2027 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}`;
      await api(`mutation Away($from: LocalDate!, $to: LocalDate!, $reason: String!) {
        recordAbsence(input: { leaderId: "leader:xu-jing", reason: $reason, validFrom: $from, validTo: $to }) { id }
      }`, { from: `${start}-01`, to: `${start}-05`, reason: `休假${month}` }, editorToken);
    }
    await openDashboard();
    await expect(page.locator('#panel-changes .changes-feed h3').textContent()).resolves.toBe(`审计记录（最新在前，共 ${before + 14} 条）`);
    const shown = await page.locator('#panel-changes .event .event-text').allTextContents();
    expect(shown).toHaveLength(12);
    expect(shown[0]).toBe('徐静 外出：休假14（2028-02-01 起，2028-02-05 止）');
    expect(shown[11]).toBe('徐静 外出：休假3（2027-03-01 起，2027-03-05 止）');
  });
});

