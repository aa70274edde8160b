// The key-work panels (重点工作, 问责链, 交办事项, 领导通知) end to end: Debian's Chromium (playwright-core) against a
// real server on a real test database holding the demo district, "today" fixed at 2026-11-28. Every test fails on a
// console error, a page error or any request to a host other than the loopback one. Screenshots go to
// test-artifacts/web/key-work-*.png.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createToken } from '../../src/auth/tokens';
import { TOPICS } from '../../src/scope/events';
import type { RunningServer } from '../../src/server';
import { ARTIFACTS, browserSuite, launchChromium, NOW, openDemoDatabase, refuseForeignHosts, startWebServer, WAIT, watchPage } from '../support/browser';
import type { TestDatabase } from '../support/database';

// Browser globals used inside page.evaluate / waitForFunction callbacks (the project's tsconfig has no DOM lib).
declare const document: any;

const VIEWPORT = { width: 1366, height: 768 };

const suite = browserSuite('test/web/key-work.test.ts');

suite('the key-work panels in Chromium', () => {
  let db: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let editorToken: string;
  let problems: string[];

  beforeAll(async () => {
    db = await openDemoDatabase('key_work_web');
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
    context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    context.setDefaultTimeout(WAIT);
    const report = (problem: string) => void problems.push(problem);
    await refuseForeignHosts(context, report);
    page = await context.newPage();
    watchPage(page, report, { expected: () => null, requests: true });
  });

  afterEach(async () => {
    await context?.close();
    expect(problems).toEqual([]);
  });

  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `key-work-${name}.png`) });
  const panel = (id: string) => page.locator(`#panel-${id}`);
  const idle = () => page.waitForFunction(() => document.querySelectorAll('.panel[aria-busy]').length === 0, null, { timeout: WAIT });

  /** Opens the dashboard and waits until the four key-work panels have drawn their data. */
  async function openDashboard(query = ''): Promise<void> {
    await page.goto(`${server.url}/dashboard${query}`);
    await page.locator('#panel-key-tasks .task').first().waitFor();
    await page.locator('#panel-accountability ol.chain').waitFor();
    await page.locator('#panel-directives .directive').first().waitFor();
    await page.locator('#panel-notifications .notification, #panel-notifications .empty').first().waitFor();
    await idle();
  }

  /** The data-* attribute `name` of every element matching `selector`, in document order. */
  const attributes = (selector: string, name: string) => page.locator(selector).evaluateAll((els, n) => els.map((el: any) => el.getAttribute(n)), name);

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

  /**
   * A subscription is live once the server has run its subscribe, which the page never hears of: publish `probe`
   * on the server's bus until the page re-runs the operation `operationName` (the panel reloading on the event).
   */
  async function untilPanelReloadsOn(probe: () => void, operationName: string): Promise<void> {
    const reloaded = page.waitForRequest((request) => request.method() === 'POST'
      && new URL(request.url()).pathname === '/graphql'
      && String(request.postDataJSON()?.query ?? '').startsWith(`query ${operationName}(`), { timeout: WAIT });
    const probing = setInterval(probe, 100);
    try {
      await reloaded;
    } finally {
      clearInterval(probing);
    }
    await idle();
  }

  it('重点工作: by supervising leader and by unit, the overdue task first, with status and progress', async () => {
    await openDashboard();
    const tasks = panel('key-tasks');
    await expect(tasks.locator('.task-summary li[data-status=OVERDUE] .count').textContent()).resolves.toBe('1');
    await expect(tasks.locator('.task-summary li[data-status=COMPLETED] .count').textContent()).resolves.toBe('1');
    // By leader: 李晓燕's overdue rural-water task leads; the completed flu campaign (王丽华) comes last.
    const leaders = await attributes('#panel-key-tasks .task-group', 'data-leader');
    expect(leaders).toEqual(['leader:li-xiaoyan', 'leader:sun-haitao', 'leader:zhou-ming', 'leader:zhao-wenbin', 'leader:he-zhiyuan', 'leader:wang-lihua']);
    await expect(tasks.locator('.task-group-head').first().textContent()).resolves.toMatch(/^李晓燕\s*1 项，超期 1$/);
    const first = tasks.locator('.task').first();
    await expect(first.getAttribute('data-task')).resolves.toBe('task:qingchuan-2026-rural-water');
    await expect(first.locator('.status').textContent()).resolves.toBe('✖超期');
    await expect(first.locator('.status').getAttribute('title')).resolves.toBe('完成时限2026-10-31已过，尚未办结');
    await expect(first.locator('.task-title').textContent()).resolves.toBe('农村饮水安全巩固提升工程（民生工程）');
    await expect(first.locator('.task-meta').textContent()).resolves.toBe('完成时限 2026-10-31 · 进度 75%（按时间应达 100%） · 市里交办 · 牵头 区水务局');
    const flu = tasks.locator('.task[data-task="task:qingchuan-2026-flu-vaccination"]');
    await expect(flu.locator('.status').textContent()).resolves.toBe('✓已办结');
    await expect(flu.locator('.task-meta').textContent()).resolves.toContain('已于 2026-11-22 办结');
    await shot('tasks-by-leader');

    // By unit (lead and responsible units; cooperating ones are not accountable): the overdue task's units first.
    await page.locator('#panel-key-tasks label[for=key-tasks-by-unit]').click();
    await page.locator('#panel-key-tasks .task-group[data-department]').first().waitFor();
    const units = await attributes('#panel-key-tasks .task-group', 'data-department');
    expect(units.slice(0, 3)).toEqual(['dept:water', 'dept:agriculture', 'dept:street-qingshi']);
    expect(units).not.toContain('dept:medical-insurance'); // only a cooperating unit (of the flu campaign)
    const water = tasks.locator('.task-group[data-department="dept:water"] .task');
    await expect(water.locator('.status').textContent()).resolves.toBe('✖超期');
    await expect(water.locator('.task-meta').textContent()).resolves.toMatch(/牵头单位\s*分管\s*李晓燕$/);
    await expect(tasks.locator('.task-group[data-department="dept:street-qingshi"] .task').first().locator('.task-meta').textContent())
      .resolves.toMatch(/责任单位\s*分管\s*李晓燕$/);
    // 青石街道 answers for three tasks: the overdue one first.
    await expect(attributes('#panel-key-tasks .task-group[data-department="dept:street-qingshi"] .task', 'data-status'))
      .resolves.toEqual(['OVERDUE', 'ON_TRACK', 'ON_TRACK']);
    await shot('tasks-by-unit');

    // On 2027-01-05 the old-housing task and the city's gas-pipes task (both due 2026-12-31) are overdue too: they move
    // ahead of their group and of the completed task with an earlier deadline; the groups follow their most urgent task.
    await page.locator('#panel-key-tasks label[for=key-tasks-by-leader]').click();
    await page.fill('#as-of', '2027-01-05');
    await page.locator('#panel-key-tasks .task[data-task="task:qingchuan-2026-old-housing"][data-status=OVERDUE]').waitFor();
    await idle();
    await expect(attributes('#panel-key-tasks .task', 'data-task')).resolves.toEqual([
      'task:qingchuan-2026-rural-water', 'task:qingchuan-2026-gas-pipes', 'task:qingchuan-2026-old-housing', 'task:qingchuan-2026-jiangbin-renewal',
      'task:qingchuan-2026-holiday-safety', 'task:qingchuan-2026-petitions', 'task:qingchuan-2026-supply-prices',
      'task:qingchuan-2026-flu-vaccination',
    ]);
    await expect(attributes('#panel-key-tasks .task', 'data-status')).resolves.toEqual(['OVERDUE', 'OVERDUE', 'OVERDUE', 'AT_RISK', 'AT_RISK', 'AT_RISK', 'AT_RISK', 'COMPLETED']);
    await expect(tasks.locator('.task-group[data-leader="leader:sun-haitao"] .task-group-head').textContent()).resolves.toMatch(/孙海涛\s*3 项，超期 2，滞后 1/);
    // Before a task was created it is not listed.
    await page.fill('#as-of', '2026-04-05');
    await page.locator('#panel-key-tasks .task-summary li[data-status=NOT_STARTED] .count', { hasText: '3' }).waitFor();
    await expect(attributes('#panel-key-tasks .task', 'data-task')).resolves.toEqual([
      'task:qingchuan-2026-rural-water', 'task:qingchuan-2026-gas-pipes', 'task:qingchuan-2026-jiangbin-renewal',
    ]);
  });

  it('问责链: the overdue task by default; each link a named person, acting-for when the leader is away', async () => {
    await openDashboard();
    const chain = panel('accountability');
    await expect(page.inputValue('#accountability-task')).resolves.toBe('task:qingchuan-2026-rural-water');
    await expect(chain.locator('.chain-title').textContent()).resolves.toBe('农村饮水安全巩固提升工程（民生工程）');
    const links = async () => chain.locator('ol.chain > li').evaluateAll((lis) => lis.map((li: any) => li.innerText.replace(/\s+/g, ' ').trim()));
    expect(await links()).toEqual([
      '分管领导李晓燕 当日负责：李晓燕 依据',
      '牵头单位区水务局 主要负责人：潘永生',
      '责任单位区农业农村局 主要负责人：袁振宇',
      '责任单位青石街道办事处 主要负责人：邓志华',
    ]);
    await expect(chain.locator('.chain-ok').textContent()).resolves.toBe('✓ 责任链完整：每一环都落到具体的人');

    // From 重点工作: the petitions task, whose supervising leader 赵文斌 is away — his B角 王丽华 answers today.
    await page.locator('#panel-key-tasks .task[data-task="task:qingchuan-2026-petitions"] .task-chain').click();
    await page.locator('#panel-accountability .link-leader[data-leader="leader:zhao-wenbin"]').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'accountability-task', null, { timeout: WAIT });
    await expect(page.inputValue('#accountability-task')).resolves.toBe('task:qingchuan-2026-petitions');
    const leader = chain.locator('.link-leader');
    await expect(leader.locator('.link-who').textContent()).resolves.toBe('赵文斌外出');
    await expect(leader.locator('.link-acting').textContent()).resolves.toBe('由 王丽华 代行（AB角）');
    await expect(leader.locator('.link-answerable').textContent()).resolves.toBe('当日负责：王丽华');
    await leader.locator('.link-basis summary').click();
    await expect(leader.locator('.link-basis').textContent()).resolves.toContain('王丽华代行赵文斌的工作：B角代行（R5 AB角）');
    expect((await links()).slice(1)).toEqual([
      '牵头单位区信访局 主要负责人：叶振东',
      '责任单位区司法局 主要负责人：宋立新',
      '责任单位江滨街道办事处 主要负责人：朱红梅',
      '责任单位文昌街道办事处 主要负责人：胡永强',
      '责任单位桃园街道办事处 主要负责人：高俊',
      '责任单位青石街道办事处 主要负责人：邓志华',
    ]);
    await expect(chain.locator('.cooperating').textContent()).resolves.toBe('配合单位（列明，不承担主体责任）：区公安分局（赵文斌）');
    await shot('accountability-acting');
    // The leader's name opens his page.
    await leader.locator('.link-who .leader-link').click();
    await page.locator('#leader-dialog-title', { hasText: '赵文斌' }).waitFor();
  });

  it('交办事项: each directive with its status; overdue first, then those escalated for coordination', async () => {
    await openDashboard();
    const list = panel('directives');
    const summary = async () => list.locator('.directive-summary').innerText().then((t) => t.replace(/\s+/g, ' '));
    await expect(summary()).resolves.toBe('未办结 5 其中超期 0 提请协调 1 已办结 1');
    await expect(attributes('#panel-directives .directive', 'data-status')).resolves.toEqual(['ESCALATED', 'IN_PROGRESS', 'ACKNOWLEDGED', 'ISSUED', 'ACKNOWLEDGED', 'COMPLETED']);
    const stalls = list.locator('.directive[data-directive="directive:qingchuan-2026-11-market-stalls"]');
    await expect(stalls.locator('.dstatus').textContent()).resolves.toBe('已提请协调');
    await expect(stalls.locator('.directive-meta').textContent()).resolves.toBe('李晓燕 交办 区城市管理局 · 2026-11-21 交办 · 时限 2026-12-05 · 依据：工作需要（R3）');
    await expect(stalls.locator('.directive-cross').textContent()).resolves.toBe('跨分管 已告知 孙海涛；未引用事先集体研究的决定');
    await expect(stalls.locator('.directive-note').textContent()).resolves.toBe('提请协调（2026-11-24）：涉及市场监管、交通运输等多部门执法职责交叉，需区政府协调明确牵头单位。');
    await expect(list.locator('.directive[data-directive="directive:qingchuan-2026-11-school-traffic"] .dstatus').textContent()).resolves.toBe('办理中');
    const done = list.locator('.directive').last();
    await expect(done.locator('.dstatus').textContent()).resolves.toBe('已办结');
    await expect(done.locator('.directive-note').textContent()).resolves.toMatch(/^办结（2026-11-19）：全区18个接种点/);
    await shot('directives');

    // On 2027-01-05 three open directives are past their deadline: they come first, nearest deadline first.
    await page.fill('#as-of', '2027-01-05');
    await page.locator('#panel-directives .directive[data-overdue=true]').first().waitFor();
    await idle();
    await expect(summary()).resolves.toBe('未办结 5 其中超期 3 提请协调 1 已办结 1');
    await expect(attributes('#panel-directives .directive', 'data-directive')).resolves.toEqual([
      'directive:qingchuan-2026-11-market-stalls', 'directive:qingchuan-2026-11-school-traffic', 'directive:qingchuan-2026-11-heating-subsidy',
      'directive:qingchuan-2026-11-school-fire', 'directive:qingchuan-2026-11-fireworks', 'directive:qingchuan-2026-11-flu-clinics',
    ]);
    await expect(list.locator('.directive').nth(2).locator('.directive-head').textContent()).resolves.toBe('已签收✖超期落实冬季困难群众取暖补贴资金拨付');
    // Before anything was issued there is nothing to show.
    await page.fill('#as-of', '2026-04-05');
    await list.locator('.empty', { hasText: '2026-04-05 时没有交办事项记录。' }).waitFor();
  });

  it('领导通知: the first leader with unread notices by default, any leader by choice, unread marked', async () => {
    await openDashboard();
    const inbox = panel('notifications');
    await expect(page.inputValue('#notifications-leader')).resolves.toBe('leader:sun-haitao');
    const options = await page.locator('#notifications-leader option').allTextContents();
    expect(options).toEqual(['陈远航', '周明', '孙海涛（1 条未读）', '李晓燕（1 条未读）', '王丽华（2 条未读）', '赵文斌', '何志远', '徐静', '吴斌']);
    const notice = inbox.locator('.notification').first();
    await expect(notice.locator('.notification-text').textContent()).resolves.toBe('孙海涛分管区城市管理局，李晓燕向其交办事项（R9）：整治桃园街道农贸市场周边占道经营');
    await expect(notice.locator('.notification-head').textContent()).resolves.toBe('跨分管交办未读分管该单位');
    await expect(notice.locator('.notification-meta').textContent()).resolves.toBe('2026-11-21 09:00 · 事项现状：已提请协调');

    await page.selectOption('#notifications-leader', 'leader:wang-lihua');
    await page.locator('#panel-notifications .result-summary', { hasText: '王丽华共 2 条通知' }).waitFor();
    await expect(inbox.locator('.notification-text').allTextContents()).resolves.toEqual([
      '王丽华分管区教育局，何志远向其交办事项（R9）：寒假前完成全区中小学校消防安全检查',
      '王丽华分管区教育局，孙海涛向其交办事项（R9）：开展中小学校园周边道路交通安全隐患排查整治',
    ]);
    await expect(inbox.locator('.notification[data-read=false]').count()).resolves.toBe(2);
    // The escalation went back to its issuer.
    await page.selectOption('#notifications-leader', 'leader:li-xiaoyan');
    await page.locator('#panel-notifications .result-summary', { hasText: '李晓燕共 1 条通知' }).waitFor();
    await expect(inbox.locator('.notification-head').textContent()).resolves.toBe('提请协调未读交办领导');
    await shot('notifications');
    await page.selectOption('#notifications-leader', 'leader:chen-yuanhang');
    await inbox.locator('.empty', { hasText: '陈远航尚未收到通知。' }).waitFor();
  });

  it('updates live: a new directive and its notice, a new task and its flags, without a reload', async () => {
    await openDashboard();
    await page.locator('#live-status[data-state=open]').waitFor();
    await page.selectOption('#notifications-leader', 'leader:zhou-ming');
    await panel('notifications').locator('.empty', { hasText: '周明尚未收到通知。' }).waitFor();
    const probeDirective = () => server.events.publish(TOPICS.directiveChanged, {
      jurisdictionId: 'jur:qingchuan', directiveId: 'directive:qingchuan-2026-11-fireworks', notifiedLeaderIds: [],
    });
    await untilPanelReloadsOn(probeDirective, 'Directives');

    // 何志远 directs the finance bureau, which 周明 supervises: a cross-portfolio directive, and 周明 is told.
    await api(`mutation {
      issueDirective(input: { issuerId: "leader:he-zhiyuan", departmentId: "dept:finance", subject: "提前下达春节慰问资金", deadline: "2026-12-31" }) { id }
    }`, {}, editorToken);
    const issued = page.locator('#panel-directives .directive', { hasText: '提前下达春节慰问资金' });
    await issued.waitFor();
    await expect(issued.locator('.dstatus').textContent()).resolves.toBe('已交办');
    await expect(issued.locator('.directive-cross').textContent()).resolves.toBe('跨分管 已告知 周明；未引用事先集体研究的决定');
    await page.locator('#panel-notifications .notification-text', { hasText: '何志远向其交办事项（R9）：提前下达春节慰问资金' }).waitFor();
    await expect(page.locator('#notifications-leader option[value="leader:zhou-ming"]').textContent()).resolves.toBe('周明（1 条未读）');
    await expect(page.locator('#panel-notifications .notification-meta').textContent()).resolves.toBe('2026-11-28 10:00 · 事项现状：已交办');

    // A task led by a unit outside the government line, under a leader who does not supervise it: the chain is
    // still named, and flagged.
    const probeTask = () => server.events.publish(TOPICS.keyTaskChanged, { jurisdictionId: 'jur:qingchuan', taskId: 'task:qingchuan-2026-petitions' });
    await untilPanelReloadsOn(probeTask, 'KeyTasks');
    const { createKeyTask } = await api(`mutation {
      createKeyTask(input: {
        jurisdictionId: "jur:qingchuan", title: "协税护税专项行动", description: "配合税务部门开展重点行业税源排查。", source: GOVERNMENT,
        supervisingLeaderId: "leader:xu-jing", leadUnitId: "dept:tax", responsibleUnitIds: ["dept:finance"], deadline: "2027-03-31"
      }) { id }
    }`, {}, editorToken);
    await page.locator(`#panel-key-tasks .task-group[data-leader="leader:xu-jing"] .task[data-task="${createKeyTask.id}"]`).waitFor();
    await page.locator(`#accountability-task option[value="${createKeyTask.id}"]`).waitFor({ state: 'attached' });
    await page.selectOption('#accountability-task', createKeyTask.id);
    const chain = panel('accountability');
    await chain.locator('.link-leader[data-leader="leader:xu-jing"]').waitFor();
    await expect(chain.locator('.link-leader .flag-mark').getAttribute('data-flag')).resolves.toBe('SUPERVISOR_DOES_NOT_SUPERVISE_LEAD_UNIT');
    await expect(chain.locator('.link-unit[data-role=LEAD] .flag-mark').getAttribute('data-flag')).resolves.toBe('UNIT_OUTSIDE_GOVERNMENT_LINE');
    await expect(chain.locator('.link-unit[data-role=LEAD] .link-head').textContent()).resolves.toBe('主要负责人：钟立平');
    await expect(chain.locator('.link-unit[data-role=RESPONSIBLE] .link-head').textContent()).resolves.toBe('主要负责人：郑国栋');
    await expect(attributes('#panel-accountability .chain-flags li', 'data-flag')).resolves.toEqual(['SUPERVISOR_DOES_NOT_SUPERVISE_LEAD_UNIT', 'UNIT_OUTSIDE_GOVERNMENT_LINE']);
    await expect(chain.locator('.chain-flags li').first().textContent()).resolves.toContain('分管领导徐静在2026-11-28不分管牵头单位国家税务总局江州市青川区税务局');
    await expect(chain.locator('.chain-ok').count()).resolves.toBe(0);
    await shot('live-flags');
  });
});
