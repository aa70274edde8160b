// The dashboard on every screen and in every setup, in Debian's Chromium (playwright-core) against real servers on a
// real test database, "today" fixed at 2026-11-28:
// - 390 px (a phone), 1366 px (an office screen), 1920 px: no page-level horizontal scroll, nothing cut off, the
//   matrix scrolling inside its panel with sticky leader and unit headers;
// - private reads: sign in with a token kept for the tab's session only, sent as the bearer header and as the
//   socket's connectionParams.authorization; the status badge says 未登录 / 已连接 / 连接断开 truthfully;
// - an honest empty state, dates as YYYY-MM-DD, the print stylesheet (A4 landscape), downloads, deep links.
// Screenshots go to test-artifacts/web/screens-*.png.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createToken } from '../../src/auth/tokens';
import type { RunningServer } from '../../src/server';
import { ARTIFACTS, browserSuite, launchChromium, NOW, openDemoDatabase, refuseForeignHosts, startWebServer, WAIT, watchPage } from '../support/browser';
import type { TestDatabase } from '../support/database';

declare const document: any;
declare const window: any;
declare const getComputedStyle: any;

const suite = browserSuite('test/web/screens.test.ts');

suite('the dashboard on every screen and setup', () => {
  let db: TestDatabase;
  let open: RunningServer;
  let closed: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  let problems: string[];
  let expectedConsole: RegExp | null;

  beforeAll(async () => {
    db = await openDemoDatabase('screens');
    open = await startWebServer(db.orm, { publicReads: true });
    closed = await startWebServer(db.orm, { publicReads: false });
    token = (await createToken(db.orm.em.fork(), '区政府办公室', 'VIEWER', NOW)).token;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await open?.stop();
    await closed?.stop();
    await db?.close();
  });

  async function newPage(width: number, height = 900): Promise<Page> {
    context = await browser.newContext({ viewport: { width, height }, locale: 'en-US', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    context.setDefaultTimeout(WAIT);
    const report = (problem: string) => void problems.push(problem);
    await refuseForeignHosts(context, report);
    const p = await context.newPage();
    watchPage(p, report, { expected: () => expectedConsole });
    return p;
  }

  beforeEach(() => {
    problems = [];
    expectedConsole = null;
  });

  afterEach(async () => {
    await context?.close();
    expect(problems).toEqual([]);
  });

  const shot = (name: string, fullPage = false) => page.screenshot({ path: path.join(ARTIFACTS, `screens-${name}.png`), fullPage });

  async function loaded(): Promise<void> {
    await page.locator('#panel-team .leader-card').first().waitFor();
    await page.locator('#panel-matrix table.matrix').waitFor();
    await page.locator('#panel-coverage .tiles').waitFor();
    await page.locator('#panel-load canvas').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.panel[aria-busy]').length === 0, null, { timeout: WAIT });
  }

  /** Everything that would be cut off or scroll the page sideways at this width. */
  const layout = () => page.evaluate(() => {
    const width = window.innerWidth;
    const outside = [...document.querySelectorAll('.topbar, .topbar .controls > *, .panel, .panel-head, .downloads button, #live-status')]
      .filter((el: any) => getComputedStyle(el).display !== 'none')
      .map((el: any) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }: any) => r.width > 0 && (r.left < -0.5 || r.right > width + 0.5))
      .map(({ el, r }: any) => `${el.id || el.className || el.tagName} ${Math.round(r.left)}–${Math.round(r.right)}`);
    const scroll = document.querySelector('#panel-matrix .matrix-scroll');
    return {
      pageScrollsSideways: document.documentElement.scrollWidth > width,
      outside,
      matrix: { overflowX: getComputedStyle(scroll).overflowX, scrollable: scroll.scrollWidth > scroll.clientWidth },
    };
  });

  /** Scrolls the matrix to its far right and bottom: the last leader's column is reachable and the headers stay. */
  const matrixEdges = () => page.evaluate(() => {
    const scroll = document.querySelector('#panel-matrix .matrix-scroll');
    scroll.scrollLeft = scroll.scrollWidth;
    scroll.scrollTop = scroll.scrollHeight;
    const outer = scroll.getBoundingClientRect();
    // The scrolling area proper: inside the border, without the scrollbars.
    const box = { left: outer.left + scroll.clientLeft, top: outer.top + scroll.clientTop };
    const heads = [...document.querySelectorAll('#panel-matrix thead th')];
    const last = heads[heads.length - 1].getBoundingClientRect();
    const unit = document.querySelector('#panel-matrix tbody tr[data-target] th[scope=row]').getBoundingClientRect();
    const rows = [...document.querySelectorAll('#panel-matrix tbody tr[data-target]')];
    const lastCell = rows[rows.length - 1].lastElementChild.getBoundingClientRect();
    return {
      lastLeaderVisible: last.left >= box.left - 0.5 && last.right <= box.left + scroll.clientWidth + 0.5,
      lastCellVisible: lastCell.right <= box.left + scroll.clientWidth + 0.5 && lastCell.bottom <= box.top + scroll.clientHeight + 0.5,
      leaderHeaderStuck: Math.abs(last.top - box.top) < 2,
      unitHeaderStuck: Math.abs(unit.left - box.left) < 2,
    };
  });

  it.each([
    [390, 844],
    [1366, 768],
    [1920, 1080],
  ])('at %i px: no page-level horizontal scroll, nothing cut off, the matrix scrolls inside its panel with sticky headers', async (width, height) => {
    page = await newPage(width, height);
    await page.goto(`${open.url}/dashboard`);
    await loaded();
    const found = await layout();
    expect(found.pageScrollsSideways).toBe(false);
    expect(found.outside).toEqual([]);
    expect(found.matrix.overflowX).toBe('auto');
    // On a phone the matrix scrolls inside its panel; on an office screen every leader's column fits.
    expect(found.matrix.scrollable).toBe(width === 390);
    await shot(`${width}`);
    if (width === 390) await shot(`${width}-full`, true);
    await page.locator('#panel-matrix').scrollIntoViewIfNeeded();
    expect(await matrixEdges()).toEqual({ lastLeaderVisible: true, lastCellVisible: true, leaderHeaderStuck: true, unitHeaderStuck: true });
    await shot(`${width}-matrix-scrolled`);
    // The leader's dialog fits too.
    await page.locator('#panel-team .leader-card[data-leader="leader:zhou-ming"] .leader-name').click();
    await page.locator('#leader-dialog .detail-section').first().waitFor();
    const dialog = await page.locator('#leader-dialog').boundingBox();
    expect(dialog!.x).toBeGreaterThanOrEqual(0);
    expect(dialog!.x + dialog!.width).toBeLessThanOrEqual(width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
  });

  it('dates are YYYY-MM-DD whatever the browser’s locale; a bad date is marked and not applied', async () => {
    page = await newPage(1366, 768); // locale en-US: a date picker would show 11/28/2026
    await page.goto(`${open.url}/dashboard`);
    await loaded();
    await expect(page.inputValue('#as-of')).resolves.toBe('2026-11-28');
    await expect(page.locator('#as-of').getAttribute('placeholder')).resolves.toBe('YYYY-MM-DD');
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{4}\b/);
    expect(text).toMatch(/\d{4}-\d{2}-\d{2}/);
    await page.fill('#as-of', '2026-02-30');
    await page.locator('#as-of').blur();
    await expect(page.locator('#as-of').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#as-of-hint').textContent()).resolves.toBe('日期格式应为 YYYY-MM-DD');
    expect(new URL(page.url()).searchParams.get('asOf')).toBeNull();
    await page.fill('#as-of', '2025-06-01');
    await page.locator('#panel-team .leader-card[data-leader="leader:liu-jianguo"]').waitFor();
    await expect(page.locator('#as-of').getAttribute('aria-invalid')).resolves.toBeNull();
  });

  it('an honest empty state: a government with no data is not “all covered”', async () => {
    page = await newPage(1366, 768);
    // The city on a date before any of its units or team members was recorded.
    await page.goto(`${open.url}/dashboard?jurisdiction=jur:jiangzhou&asOf=2018-06-01`);
    await page.locator('#panel-coverage .empty-state').waitFor();
    const coverage = await page.locator('#panel-coverage').innerText();
    expect(coverage).not.toContain('✓');
    expect(coverage).not.toContain('每个政府部门都有分管领导');
    expect(coverage).toContain('2018-06-01 时本目录没有该政府的政府部门和班子成员记录');
    await expect(page.locator('#panel-coverage .tile-ok').count()).resolves.toBe(0);
    await expect(page.locator('#panel-coverage .tile-none').count()).resolves.toBe(4);
    // With data the check is still made (the demo district).
    await page.goto(`${open.url}/dashboard?jurisdiction=jur:qingchuan`);
    await loaded();
    await expect(page.locator('#panel-coverage').innerText()).resolves.toContain('✓ 每个政府部门都有分管领导');
    await shot('empty-state-qingchuan');
  });

  it('print: the matrix first and whole on A4 landscape, no controls, no inner scrolling', async () => {
    page = await newPage(1366, 768);
    await page.goto(`${open.url}/dashboard`);
    await loaded();
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const shown = (sel: string) => { const el = document.querySelector(sel); return el !== null && getComputedStyle(el).display !== 'none'; };
      const scroll = document.querySelector('#panel-matrix .matrix-scroll');
      const pageRules: string[] = [];
      const walk = (rules: any) => {
        for (const rule of [...rules]) {
          if (rule.type === 6 /* CSSPageRule */) pageRules.push(rule.style.getPropertyValue('size'));
          if (rule.cssRules) walk(rule.cssRules);
        }
      };
      for (const sheet of [...document.styleSheets]) walk(sheet.cssRules);
      return {
        controls: shown('.controls'), search: shown('#panel-search'), changes: shown('#panel-changes'), matrix: shown('#panel-matrix'),
        printMeta: document.querySelector('#print-meta').textContent,
        matrixFirst: document.querySelector('#panel-matrix').getBoundingClientRect().top < document.querySelector('#panel-team').getBoundingClientRect().top,
        overflow: getComputedStyle(scroll).overflowX,
        stickyHead: getComputedStyle(document.querySelector('#panel-matrix thead th')).position,
        pageRules,
      };
    });
    expect(printed).toEqual({
      controls: false, search: false, changes: false, matrix: true, printMeta: '查询日期：2026-11-28', matrixFirst: true,
      overflow: 'visible', stickyHead: 'static', pageRules: [expect.stringMatching(/^a4 landscape$/i)],
    });
    await shot('print');
    // The real thing: a PDF whose first page is A4 landscape (842 × 595 pt).
    const pdf = await page.pdf({ path: path.join(ARTIFACTS, 'screens-print.pdf'), preferCSSPageSize: true, printBackground: true });
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(box).not.toBeNull();
    expect(Math.round(Number(box![1]))).toBe(842);
    expect(Math.round(Number(box![2]))).toBe(595);
  });

  it('downloads the matrix as CSV and XLSX and the notice as .docx', async () => {
    page = await newPage(1366, 768);
    await page.goto(`${open.url}/dashboard`);
    await loaded();
    for (const [file, name] of [['matrix.csv', /青川区-2026-11-28\.csv$/], ['matrix.xlsx', /青川区-2026-11-28\.xlsx$/], ['notice.docx', /\.docx$/]] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`button.download[data-file="${file}"]`)]);
      expect(download.suggestedFilename()).toMatch(name);
      const saved = await download.path();
      const bytes = await readFile(saved);
      if (file === 'matrix.csv') expect(bytes.toString('utf8')).toMatch(/^\uFEFF单位\/工作,/);
      else expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip: XLSX and DOCX are
    }
  });

  it('deep links open one leader’s and one unit’s page, and the path follows what is open', async () => {
    page = await newPage(390, 844);
    await page.goto(`${open.url}/dashboard/leader/leader:zhou-ming`);
    await page.locator('#leader-dialog .detail-section').first().waitFor();
    await expect(page.locator('#leader-dialog-title').textContent()).resolves.toBe('周明');
    expect(new URL(page.url()).pathname).toBe('/dashboard/leader/leader%3Azhou-ming');
    await shot('deep-leader-390');
    // From one leader to another (his B角): the path follows.
    await page.locator('#leader-dialog .leader-link', { hasText: '李晓燕' }).first().click();
    await page.locator('#leader-dialog-title', { hasText: '李晓燕' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/dashboard/leader/leader%3Ali-xiaoyan');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.location.pathname === '/dashboard');

    await page.goto(`${open.url}/dashboard/department/dept:finance`);
    const unit = page.locator('#department-dialog');
    await unit.locator('.detail-section').first().waitFor();
    await expect(page.locator('#department-dialog-title').textContent()).resolves.toBe('区财政局');
    await expect(unit.innerText()).resolves.toMatch(/分管\s*周明/);
    await expect(unit.innerText()).resolves.toMatch(/分工历史（\d+ 条）/);
    await shot('deep-department-390');
    // From the unit to its supervisor: the path becomes the leader's.
    await unit.locator('.leader-link', { hasText: '周明' }).first().click();
    await page.locator('#leader-dialog .detail-section').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/dashboard/leader/leader%3Azhou-ming');
    await page.keyboard.press('Escape');
    // A unit in the matrix opens its page.
    await page.locator('#panel-matrix tr[data-target="dept:audit"] .unit-link').click();
    await page.locator('#department-dialog .detail-section').first().waitFor();
    await expect(page.locator('#department-dialog-title').textContent()).resolves.toBe('区审计局');
    expect(new URL(page.url()).pathname).toBe('/dashboard/department/dept%3Aaudit');
    // An unknown id says so.
    await page.goto(`${open.url}/dashboard/department/dept:nothing`);
    expectedConsole = /status of 404|Failed to load resource/;
    await page.locator('#department-dialog .error').waitFor();
  });

  it('the status badge says 已连接, and 连接断开 while the socket is down', async () => {
    page = await newPage(1366, 768);
    const sockets: any[] = [];
    await page.routeWebSocket(/\/graphql$/, (ws) => {
      ws.connectToServer();
      sockets.push(ws);
    });
    await page.goto(`${open.url}/dashboard`);
    await loaded();
    await page.locator('#live-status[data-state=open]').waitFor();
    await expect(page.locator('#live-status').textContent()).resolves.toBe('已连接');
    await sockets[sockets.length - 1].close({ code: 1011, reason: 'down' });
    await page.locator('#live-status[data-state=closed]').waitFor();
    await expect(page.locator('#live-status').textContent()).resolves.toMatch(/^连接断开/);
    await page.locator('#live-status[data-state=open]').waitFor(); // it reconnects by itself
  });

  describe('with private reads', () => {
    it('asks for a token, keeps it for the session only, sends it over HTTP and WebSocket, and 未登录 until then', async () => {
      page = await newPage(390, 844);
      expectedConsole = /status of 401|Failed to load resource/;
      const authorizations: (string | null)[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/graphql' && request.method() === 'POST') authorizations.push(request.headers().authorization ?? null);
      });
      const inits: unknown[] = [];
      page.on('websocket', (ws) => ws.on('framesent', (frame) => {
        const message = JSON.parse(String(frame.payload));
        if (message.type === 'connection_init') inits.push(message.payload);
      }));

      await page.goto(`${closed.url}/dashboard`);
      await page.locator('#sign-in:not([hidden])').waitFor();
      await page.locator('#live-status[data-state=unauthorized]').waitFor();
      await expect(page.locator('#live-status').textContent()).resolves.toBe('未登录');
      const body = await page.locator('body').innerText();
      expect(body).not.toContain('UNAUTHENTICATED');
      expect(body).not.toContain('已连接');
      expect(await layout()).toMatchObject({ pageScrollsSideways: false, outside: [] });
      await shot('private-sign-in-390');

      // A wrong token is refused and forgotten.
      await page.fill('#sign-in-token', 'fgml_wrong');
      await page.click('#sign-in-form button[type=submit]');
      await page.locator('#sign-in-error:not([hidden])').waitFor();
      await expect(page.locator('#sign-in-error').textContent()).resolves.toContain('令牌无效');
      await expect(page.evaluate(() => window.sessionStorage.getItem('fengong.token'))).resolves.toBeNull();

      authorizations.length = 0;
      await page.fill('#sign-in-token', token);
      await page.click('#sign-in-form button[type=submit]');
      await loaded();
      await page.locator('#live-status[data-state=open]').waitFor();
      await expect(page.locator('#live-status').textContent()).resolves.toBe('已连接');
      await expect(page.locator('#sign-in').isHidden()).resolves.toBe(true);
      // Signed in, the date is the server's "today", not the browser's stand-in.
      await expect(page.inputValue('#as-of')).resolves.toBe('2026-11-28');
      await expect(page.title()).resolves.toBe('江州市青川区 · 分工名录');
      expect(authorizations.length).toBeGreaterThan(0);
      expect(new Set(authorizations)).toEqual(new Set([`Bearer ${token}`]));
      expect(inits).toContainEqual({ authorization: `Bearer ${token}` });
      // Kept in sessionStorage only: not in localStorage, not in a cookie.
      await expect(page.evaluate(() => window.sessionStorage.getItem('fengong.token'))).resolves.toBe(token);
      await expect(page.evaluate(() => window.localStorage.length)).resolves.toBe(0);
      expect(await context.cookies()).toEqual([]);
      await shot('private-signed-in-390');

      // A download goes with the bearer header too.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('button.download[data-file="matrix.csv"]')]);
      expect((await readFile(await download.path())).toString('utf8')).toMatch(/^\uFEFF单位\/工作,/);

      // The session survives a reload; another tab has to sign in again.
      await page.reload();
      await loaded();
      const other = await context.newPage();
      await other.goto(`${closed.url}/dashboard`);
      await other.locator('#sign-in:not([hidden])').waitFor();
      await other.locator('#live-status[data-state=unauthorized]').waitFor();
      await other.close();

      // Signing out forgets the token.
      await page.click('#sign-out');
      await page.locator('#sign-in:not([hidden])').waitFor();
      await page.locator('#live-status[data-state=unauthorized]').waitFor();
      await expect(page.evaluate(() => window.sessionStorage.getItem('fengong.token'))).resolves.toBeNull();
    });

    it('a deep link signs in first, then opens the page', async () => {
      page = await newPage(1366, 768);
      expectedConsole = /status of 401|Failed to load resource/;
      await page.goto(`${closed.url}/dashboard/department/dept:finance`);
      await page.locator('#sign-in:not([hidden])').waitFor();
      await page.fill('#sign-in-token', token);
      await page.click('#sign-in-form button[type=submit]');
      await page.locator('#department-dialog .detail-section').first().waitFor();
      await expect(page.locator('#department-dialog-title').textContent()).resolves.toBe('区财政局');
      await shot('private-deep-link-1366');
    });
  });
});
