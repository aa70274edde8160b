// The page shell: reads the URL (?jurisdiction=…&asOf=…, and the deep links /dashboard/leader/{id} and
// /dashboard/department/{id}), builds one <section> per registered panel, loads every panel through the one fetch
// helper, re-queries everything when the date or government changes, and refreshes when the server announces a
// committed re-division (portfolioChanged over graphql-ws) — and a panel, when an event it names in `refreshOn`
// arrives (a decision recorded, a key task or directive written). When reads are private it asks for a token (kept in
// sessionStorage for this tab only) and sends it as the bearer header and as the socket's connectionParams.
import { ApiError, authorization, download, failureText, getToken, gql, isUnauthenticated, setToken } from './api.js';
import { h, isDate, replace, shanghaiToday } from './dom.js';
import { createDepartmentDetail } from './department-detail.js';
import { createLeaderDetail } from './leader-detail.js';
import { createLiveClient } from './live.js';
import { panels } from './panels/registry.js';

const DEFAULT_JURISDICTION = 'jur:qingchuan';

const BOOTSTRAP = `query Bootstrap($jurisdictionId: ID!) {
  jurisdiction(id: $jurisdictionId) { id name level version parent { id name } }
  jurisdictions(first: 100) { nodes { id name level parent { id name } } }
  today: coverage(jurisdictionId: $jurisdictionId) { asOf }
}`;

const PORTFOLIO_CHANGED = `subscription PortfolioChanged($jurisdictionId: ID!) {
  portfolioChanged(jurisdictionId: $jurisdictionId) { version changesetId effectiveDate decisionId }
}`;

/** The live events a panel may name in `refreshOn` (panels/registry.js); each reloads the panels that name it. */
const LIVE_EVENTS = {
  decisionRecorded: `subscription DecisionRecorded($jurisdictionId: ID!) { decisionRecorded(jurisdictionId: $jurisdictionId) { id } }`,
  keyTaskChanged: `subscription KeyTaskChanged($jurisdictionId: ID!) { keyTaskChanged(jurisdictionId: $jurisdictionId) { id } }`,
  directiveChanged: `subscription DirectiveChanged($jurisdictionId: ID!) { directiveChanged(jurisdictionId: $jurisdictionId) { id } }`,
};

const LEADER_OF = `query LeaderOf($id: ID!) { leader(id: $id) { id jurisdiction { id } } }`;
const DEPARTMENT_OF = `query DepartmentOf($id: ID!) { department(id: $id) { id jurisdiction { id } } }`;

/** /dashboard/leader/{id} or /dashboard/department/{id}: the page to open on top of the dashboard. */
function deepLink(pathname) {
  const match = /^\/dashboard\/(leader|department)\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  try {
    return { kind: match[1], id: decodeURIComponent(match[2]) };
  } catch {
    return null;
  }
}

const params = new URLSearchParams(window.location.search);
const state = {
  jurisdictionId: params.get('jurisdiction') || DEFAULT_JURISDICTION,
  jurisdictionGiven: params.has('jurisdiction'),
  asOf: isDate(params.get('asOf')) ? params.get('asOf') : null,
  /** The date was chosen (in the URL or the field), not taken from "today". */
  asOfChosen: isDate(params.get('asOf')),
  today: null,
  jurisdiction: null,
  /** The open leader's or unit's page, kept in the path so that it can be linked to. */
  open: deepLink(window.location.pathname),
  /** Whether the server refused us for want of a token. */
  signedOut: false,
};

const $ = (id) => document.getElementById(id);
const entries = [];
const detail = createLeaderDetail({
  dialog: $('leader-dialog'), body: $('leader-dialog-body'), title: $('leader-dialog-title'), close: $('leader-dialog-close'),
  navigate: (id) => openPage({ kind: 'leader', id }),
});
const unitDetail = createDepartmentDetail({
  dialog: $('department-dialog'), body: $('department-dialog-body'), title: $('department-dialog-title'), close: $('department-dialog-close'),
  openLeader: (id) => openPage({ kind: 'leader', id }),
});

function openPage(page) {
  state.open = page;
  syncUrl();
  return page.kind === 'leader' ? detail.open(page.id, ctx) : unitDetail.open(page.id, ctx);
}

for (const [id, kind] of [['leader-dialog', 'leader'], ['department-dialog', 'department']]) {
  $(id).addEventListener('close', () => {
    if (state.open?.kind !== kind) return;
    state.open = null;
    syncUrl();
  });
}

/** What panels see: the current selection, the fetch helper and a few page services. */
const ctx = {
  get jurisdictionId() { return state.jurisdictionId; },
  get asOf() { return state.asOf; },
  get today() { return state.today; },
  get jurisdiction() { return state.jurisdiction; },
  gql,
  openLeader: (leaderId) => openPage({ kind: 'leader', id: leaderId }),
  openDepartment: (departmentId) => openPage({ kind: 'department', id: departmentId }),
  reload: (panelId) => {
    const entry = entries.find((e) => e.panel.id === panelId);
    return entry ? loadPanel(entry) : Promise.resolve();
  },
};

function buildPanels() {
  const main = $('panels');
  for (const panel of panels) {
    const titleId = `panel-${panel.id}-title`;
    const body = h('div', { class: 'panel-body' });
    const section = h('section', { class: 'panel', id: `panel-${panel.id}`, 'aria-labelledby': titleId, dataset: { panel: panel.id } },
      h('header', { class: 'panel-head' }, h('h2', { id: titleId }, panel.title)),
      body);
    main.append(section);
    const target = typeof panel.mount === 'function' ? panel.mount(body, ctx) ?? body : body;
    replace(target, h('p', { class: 'loading-text' }, '正在加载…'));
    entries.push({ panel, section, target, seq: 0 });
  }
}

function showFailure(target, error) {
  if (!(error instanceof ApiError)) console.error(error); // a bug, not an API failure: make it visible
  if (isUnauthenticated(error)) {
    replace(target, h('p', { class: 'empty signed-out' }, '请先登录：本目录的数据不公开。'));
    showSignIn();
    return;
  }
  replace(target, h('p', { class: 'error', role: 'alert' }, failureText(error)));
}

/** Loads one panel; a newer load of the same panel wins over a slower older one. */
async function loadPanel(entry) {
  const { panel, section, target } = entry;
  const seq = ++entry.seq;
  section.setAttribute('aria-busy', 'true');
  try {
    const variables = typeof panel.variables === 'function'
      ? panel.variables(ctx)
      : { jurisdictionId: state.jurisdictionId, asOf: state.asOf };
    let data = null;
    if (variables !== null) data = typeof panel.load === 'function' ? await panel.load(ctx, variables) : await gql(panel.query, variables);
    if (seq !== entry.seq) return;
    panel.render(target, data, ctx);
  } catch (error) {
    if (seq === entry.seq) showFailure(target, error);
  } finally {
    if (seq === entry.seq) section.removeAttribute('aria-busy');
  }
}

function refreshAll() {
  return Promise.all([...entries.map(loadPanel), detail.refresh(ctx), unitDetail.refresh(ctx)]);
}

function syncUrl() {
  const next = new URLSearchParams(window.location.search);
  next.set('jurisdiction', state.jurisdictionId);
  if (state.asOf && state.asOf !== state.today) next.set('asOf', state.asOf);
  else next.delete('asOf');
  const path = state.open ? `/dashboard/${state.open.kind}/${encodeURIComponent(state.open.id)}` : '/dashboard';
  window.history.replaceState(null, '', `${path}?${next}`);
}

function renderHeader() {
  const j = state.jurisdiction;
  const name = j ? `${j.parent ? j.parent.name : ''}${j.name}` : state.jurisdictionId;
  $('page-title').textContent = `${name} · 政府领导班子分工`;
  document.title = `${name} · 分工名录`;
  $('print-meta').textContent = state.asOf ? `查询日期：${state.asOf}` : '';
  const input = $('as-of');
  input.value = state.asOf ?? '';
  input.removeAttribute('aria-invalid');
  const hint = $('as-of-hint');
  if (!state.asOf || !state.today || state.asOf === state.today) hint.textContent = '今天的分工';
  else hint.textContent = state.asOf < state.today ? '历史分工（查看过去某日）' : '预定分工（尚未生效）';
  hint.dataset.when = !state.today || state.asOf === state.today ? 'today' : state.asOf < state.today ? 'past' : 'future';
  $('today').disabled = state.asOf === state.today;
}

function renderJurisdictions(list) {
  const select = $('jurisdiction');
  const options = list.length > 0 ? list : [{ id: state.jurisdictionId, name: state.jurisdictionId }];
  if (!options.some((j) => j.id === state.jurisdictionId)) options.unshift({ id: state.jurisdictionId, name: state.jurisdictionId });
  replace(select, options.map((j) => h('option', { value: j.id, selected: j.id === state.jurisdictionId },
    j.parent ? `${j.parent.name}${j.name}` : j.name)));
}

let notifyTimer = null;
function notify(text) {
  const notice = $('notice');
  replace(notice, h('strong', {}, '分工已更新'), text ? `：${text}` : '');
  notice.hidden = false;
  window.clearTimeout(notifyTimer);
  notifyTimer = window.setTimeout(() => { notice.hidden = true; }, 20000);
}

/** The badge says what is true: 未登录 (refused for want of a token), 已连接, 连接断开 (and retrying), 连接中. */
const STATUS_TEXT = { connecting: '连接中…', open: '已连接', closed: '连接断开（正在重连…）', unauthorized: '未登录' };
function setStatus(status) {
  const el = $('live-status');
  el.dataset.state = status;
  el.textContent = STATUS_TEXT[status];
  el.title = status === 'open' ? '实时更新已连接：分工一有调整即刷新' : status === 'unauthorized' ? '需要登录令牌才能读取和接收实时更新' : '';
}

const live = createLiveClient({
  authorization,
  onStatus: (status, info) => {
    // A signed-out page is 未登录 whatever the socket does.
    setStatus(state.signedOut && status !== 'open' ? 'unauthorized' : status);
    if (status === 'unauthorized') showSignIn();
    if (status === 'open' && info?.reconnected) refreshAll(); // events may have been missed while away
  },
});
let unsubscribe = [];

function subscribeLive() {
  for (const stop of unsubscribe) stop();
  const variables = { jurisdictionId: state.jurisdictionId };
  unsubscribe = [
    live.subscribe(PORTFOLIO_CHANGED, variables, (payload) => {
      const change = payload?.data?.portfolioChanged;
      if (!change) return;
      notify(`第 ${change.version} 版，自 ${change.effectiveDate} 起生效（${new Date().toLocaleTimeString('zh-CN', { hour12: false })}）`);
      refreshAll();
    }),
    ...Object.entries(LIVE_EVENTS).map(([event, query]) => live.subscribe(query, variables, () => {
      for (const entry of entries) if (entry.panel.refreshOn?.includes(event)) loadPanel(entry);
    })),
  ];
}

/** The sign-in form: shown when the server refuses us for want of a token (or on 登录). */
function showSignIn(reason = null) {
  const form = $('sign-in');
  if (reason) $('sign-in-reason').textContent = reason;
  if (!form.hidden) return;
  form.hidden = false;
  $('sign-in-token').focus();
}

function renderAccount() {
  const signedIn = getToken() !== null;
  $('sign-in-open').hidden = signedIn;
  $('sign-out').hidden = !signedIn;
}

/** A deep link to another government's leader or unit opens that government's dashboard. */
async function followDeepLink() {
  if (!state.open || state.jurisdictionGiven) return;
  try {
    const data = state.open.kind === 'leader' ? await gql(LEADER_OF, { id: state.open.id }) : await gql(DEPARTMENT_OF, { id: state.open.id });
    const owner = (data.leader ?? data.department)?.jurisdiction?.id;
    if (owner) state.jurisdictionId = owner;
  } catch (error) {
    if (!(error instanceof ApiError)) console.error(error);
    // The page itself says what went wrong (NOT_FOUND, UNAUTHENTICATED) when it opens.
  }
}

/** Reads the government and "today" (the server's date, so the page and the API agree), then loads everything. */
async function start() {
  renderAccount();
  await followDeepLink();
  try {
    const data = await gql(BOOTSTRAP, { jurisdictionId: state.jurisdictionId });
    state.jurisdiction = data.jurisdiction;
    state.today = data.today.asOf;
    state.signedOut = false;
    $('sign-in').hidden = true;
    renderJurisdictions(data.jurisdictions.nodes);
  } catch (error) {
    state.jurisdiction = null;
    state.today = shanghaiToday();
    renderJurisdictions([]);
    if (!(error instanceof ApiError)) console.error(error);
    if (isUnauthenticated(error)) {
      state.signedOut = true;
      setStatus('unauthorized');
      if (getToken() !== null) {
        // The token was refused (mistyped, revoked): forget it and say so.
        setToken(null);
        renderAccount();
        const message = $('sign-in-error');
        message.textContent = '令牌无效或已撤销，请重新输入。';
        message.hidden = false;
      }
      showSignIn();
      $('page-subtitle').textContent = '请先登录';
    } else {
      $('page-subtitle').textContent = failureText(error);
    }
  }
  // Until the server has told us its "today" (e.g. signed out), the browser's date stands in, and is replaced later.
  if (!state.asOfChosen) state.asOf = state.today;
  if (state.jurisdiction) $('page-subtitle').textContent = '政府领导班子成员分工';
  renderHeader();
  syncUrl();
  if (state.signedOut) {
    for (const entry of entries) replace(entry.target, h('p', { class: 'empty signed-out' }, '请先登录：本目录的数据不公开。'));
    return;
  }
  const opened = state.open;
  await refreshAll();
  if (opened && state.open === opened && !$('leader-dialog').open && !$('department-dialog').open) await openPage(opened);
}

function signIn(token) {
  setToken(token);
  $('sign-in-error').hidden = true;
  $('sign-in-token').value = '';
  state.signedOut = false;
  renderAccount();
  live.restart();
  return start();
}

function signOut() {
  setToken(null);
  renderAccount();
  live.restart();
  return start();
}

function wireAccount() {
  $('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('sign-in-token').value.trim();
    if (token) signIn(token);
  });
  $('sign-in-cancel').addEventListener('click', () => { $('sign-in').hidden = true; });
  $('sign-in-open').addEventListener('click', () => showSignIn('以办公室发给您的访问令牌登录（编辑可看到负责人联系方式）。'));
  $('sign-out').addEventListener('click', () => signOut());
}

/** 下载 CSV / XLSX / 通知: fetched with the bearer header (when signed in) and saved through a blob. */
function wireDownloads() {
  for (const button of document.querySelectorAll('button.download')) {
    button.addEventListener('click', async () => {
      const file = button.dataset.file;
      const url = `/export/${encodeURIComponent(state.jurisdictionId)}/${file}?asOf=${encodeURIComponent(state.asOf ?? '')}`;
      button.disabled = true;
      try {
        await download(url, `${state.jurisdictionId}-${state.asOf}-${file}`);
      } catch (error) {
        if (!(error instanceof ApiError)) console.error(error);
        if (isUnauthenticated(error)) showSignIn();
        const notice = $('notice');
        replace(notice, h('strong', {}, '下载失败'), `：${error instanceof Error ? error.message : String(error)}`);
        notice.hidden = false;
      } finally {
        button.disabled = false;
      }
    });
  }
}

function wireControls() {
  $('controls').addEventListener('submit', (event) => event.preventDefault());
  // A text field in YYYY-MM-DD (a date picker would show the browser's locale format): applied as soon as it
  // holds a whole valid date; a bad one is marked on leaving the field.
  const applyDate = (value, final) => {
    const input = $('as-of');
    if (!isDate(value)) {
      if (final) {
        input.setAttribute('aria-invalid', 'true');
        $('as-of-hint').textContent = '日期格式应为 YYYY-MM-DD';
        $('as-of-hint').dataset.when = 'invalid';
      }
      return;
    }
    input.removeAttribute('aria-invalid');
    if (value === state.asOf) return;
    state.asOf = value;
    state.asOfChosen = true;
    renderHeader();
    syncUrl();
    refreshAll();
  };
  $('as-of').addEventListener('input', (event) => applyDate(event.target.value.trim(), false));
  $('as-of').addEventListener('change', (event) => applyDate(event.target.value.trim(), true));
  $('today').addEventListener('click', () => {
    state.asOf = state.today;
    state.asOfChosen = false;
    renderHeader();
    syncUrl();
    refreshAll();
    $('as-of').focus();
  });
  $('jurisdiction').addEventListener('change', (event) => {
    state.jurisdictionId = event.target.value;
    state.jurisdictionGiven = true;
    detail.close();
    unitDetail.close();
    subscribeLive();
    start();
  });
}

buildPanels();
wireControls();
wireAccount();
wireDownloads();
subscribeLive();
start();
