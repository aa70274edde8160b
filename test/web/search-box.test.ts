// End to end, in Chromium like test/web/dashboard.test.ts (same harness: a real server on a real test database,
// "today" 2026-11-28, every test fails on a console error, a page error or a request off the loopback host):
// the 谁分管… box suggests units, topics and leaders as you type, is driven by the keyboard, and says why each
// result matched (issue 14).
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from '../../src/server';
import { ARTIFACTS, browserSuite, launchChromium, openDemoDatabase, refuseForeignHosts, startWebServer, WAIT, watchPage } from '../support/browser';
import type { TestDatabase } from '../support/database';

// Browser globals used inside page.evaluate callbacks (the project's tsconfig has no DOM lib; module-scoped).
declare const document: any;
declare const window: any;
declare const getComputedStyle: any;

const VIEWPORT = { width: 1366, height: 768 };

const suite = browserSuite('test/web/search-box.test.ts');

suite('the search box suggests as you type (Chromium)', () => {
  let db: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** What went wrong in the page during the current test: console errors, page errors, foreign requests. */
  let problems: string[];
  /** Console errors a test expects (e.g. the failed /graphql loads of the error test). */
  let expectedConsole: RegExp | null;

  beforeAll(async () => {
    db = await openDemoDatabase('web-search');
    server = await startWebServer(db.orm, { publicReads: true });
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

  async function openDashboard(): Promise<void> {
    await page.goto(`${server.url}/dashboard`);
    await page.locator('#panel-team .leader-card').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.panel[aria-busy]').length === 0, null, { timeout: WAIT });
  }

  const options = () => page.locator('#search-suggestions [role=option]');

  async function typeAndWait(text: string, first: string): Promise<void> {
    await page.locator('#search-text').focus();
    await page.keyboard.type(text);
    await options().first().filter({ hasText: first }).waitFor();
  }

  it('suggests as you type, with why each matched; ↓ and Enter choose, and the search shows the unit', async () => {
    await openDashboard();
    await typeAndWait('殡葬', '区民政局');
    await expect(page.getAttribute('#search-text', 'aria-expanded')).resolves.toBe('true');
    await expect(options().first().locator('.suggestion-why').textContent()).resolves.toBe('职能：殡葬');
    await expect(options().first().locator('.suggestion-leader').textContent()).resolves.toBe('王丽华');
    await page.keyboard.press('ArrowDown');
    await expect(page.getAttribute('#search-text', 'aria-activedescendant')).resolves.toBe('search-option-0');
    await expect(options().first().getAttribute('aria-selected')).resolves.toBe('true');
    await shot('search-01-suggestions');
    await page.keyboard.press('Enter');
    await page.locator('#panel-search .result-summary').filter({ hasText: '“区民政局”' }).waitFor();
    await expect(page.inputValue('#search-text')).resolves.toBe('区民政局');
    await expect(page.locator('#search-suggestions').isHidden()).resolves.toBe(true);
    const unit = page.locator('#panel-search .match[data-target="dept:civil-affairs"]');
    await expect(unit.locator('.overseer').first().textContent()).resolves.toMatch(/王丽华\s*●分管/);
  });

  it('↑ wraps to the last suggestion, Esc closes the list and keeps the text', async () => {
    await openDashboard();
    await typeAndWait('shenji', '审计');
    await expect(options().first().locator('.suggestion-why').textContent()).resolves.toBe('拼音：审计');
    const count = await options().count();
    await page.keyboard.press('ArrowUp');
    await expect(page.getAttribute('#search-text', 'aria-activedescendant')).resolves.toBe(`search-option-${count - 1}`);
    await page.keyboard.press('Escape');
    await expect(page.locator('#search-suggestions').isHidden()).resolves.toBe(true);
    await expect(page.getAttribute('#search-text', 'aria-expanded')).resolves.toBe('false');
    await expect(page.inputValue('#search-text')).resolves.toBe('shenji');
  });

  it('a leader’s name suggests what he oversees; a click chooses', async () => {
    await openDashboard();
    await typeAndWait('周明', '');
    await expect(options().first().locator('.suggestion-why').textContent()).resolves.toBe('领导：周明');
    const name = (await options().nth(1).locator('.suggestion-name').textContent()) as string;
    await options().nth(1).click();
    await page.locator('#panel-search .result-summary').filter({ hasText: `“${name}”` }).waitFor();
    await expect(page.locator('#panel-search .match').first().locator('.match-name').textContent()).resolves.toBe(name);
  });

  it('Enter without a chosen suggestion searches the text; each result says why it matched', async () => {
    await openDashboard();
    await page.fill('#search-text', '教育局长');
    await page.keyboard.press('Enter');
    const head = page.locator('#panel-search .match[data-target="dept:education"]');
    await head.waitFor();
    await expect(head.getAttribute('data-matched-by')).resolves.toBe('HEAD');
    await expect(head.locator('.match-why').textContent()).resolves.toBe('匹配：负责人：教育局');
    // The head by name; the public dashboard never shows the contact (EDITOR and above only).
    await expect(head.locator('.match-head-person').textContent()).resolves.toBe('主要负责人：林雅琴');
    await page.fill('#search-text', '林草局');
    await page.keyboard.press('Enter');
    await page.locator('#panel-search .result-summary').filter({ hasText: '未找到与“林草局”' }).waitFor(); // the demo has no forestry bureau
    await shot('search-02-why');
  });
});
