// The page shell: reads the URL (?jurisdiction=…&asOf=…), builds one <section> per registered panel, loads every
// panel through the one fetch helper, re-queries everything when the date or government changes, and refreshes
// when the server announces a committed re-division (portfolioChanged over graphql-ws).
import { ApiError, failureText, gql } from './api.js';
import { h, isDate, replace, shanghaiToday } from './dom.js';
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

const DECISION_RECORDED = `subscription DecisionRecorded($jurisdictionId: ID!) {
  decisionRecorded(jurisdictionId: $jurisdictionId) { id }
}`;

const params = new URLSearchParams(window.location.search);
const state = {
  jurisdictionId: params.get('jurisdiction') || DEFAULT_JURISDICTION,
  asOf: isDate(params.get('asOf')) ? params.get('asOf') : null,
  today: null,
  jurisdiction: null,
};

const $ = (id) => document.getElementById(id);
const entries = [];
const detail = createLeaderDetail({ dialog: $('leader-dialog'), body: $('leader-dialog-body'), title: $('leader-dialog-title'), close: $('leader-dialog-close') });

/** What panels see: the current selection, the fetch helper and a few page services. */
const ctx = {
  get jurisdictionId() { return state.jurisdictionId; },
  get asOf() { return state.asOf; },
  get today() { return state.today; },
  get jurisdiction() { return state.jurisdiction; },
  gql,
  openLeader: (leaderId) => detail.open(leaderId, ctx),
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
  return Promise.all([...entries.map(loadPanel), detail.refresh(ctx)]);
}

function syncUrl() {
  const next = new URLSearchParams(window.location.search);
  next.set('jurisdiction', state.jurisdictionId);
  if (state.asOf && state.asOf !== state.today) next.set('asOf', state.asOf);
  else next.delete('asOf');
  window.history.replaceState(null, '', `${window.location.pathname}?${next}`);
}

function renderHeader() {
  const j = state.jurisdiction;
  const name = j ? `${j.parent ? j.parent.name : ''}${j.name}` : state.jurisdictionId;
  $('page-title').textContent = `${name} · 政府领导班子分工`;
  document.title = `${name} · 分工名录`;
  const input = $('as-of');
  input.value = state.asOf ?? '';
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

const live = createLiveClient({
  onStatus: (status, info) => {
    const el = $('live-status');
    el.dataset.state = status;
    el.textContent = { connecting: '实时更新：连接中…', open: '实时更新：已连接', closed: '实时更新：已断开，正在重连…' }[status];
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
    live.subscribe(DECISION_RECORDED, variables, () => {
      for (const entry of entries) if (entry.panel.refreshOnDecision) loadPanel(entry);
    }),
  ];
}

/** Reads the government and "today" (the server's date, so the page and the API agree), then loads everything. */
async function start() {
  try {
    const data = await gql(BOOTSTRAP, { jurisdictionId: state.jurisdictionId });
    state.jurisdiction = data.jurisdiction;
    state.today = data.today.asOf;
    renderJurisdictions(data.jurisdictions.nodes);
  } catch (error) {
    state.jurisdiction = null;
    state.today = shanghaiToday();
    renderJurisdictions([]);
    if (!(error instanceof ApiError)) console.error(error);
    $('page-subtitle').textContent = failureText(error);
  }
  if (!state.asOf) state.asOf = state.today;
  if (state.jurisdiction) $('page-subtitle').textContent = '政府领导班子成员分工';
  renderHeader();
  syncUrl();
  await refreshAll();
}

function wireControls() {
  $('controls').addEventListener('submit', (event) => event.preventDefault());
  $('as-of').addEventListener('change', (event) => {
    const value = event.target.value;
    if (!isDate(value) || value === state.asOf) return;
    state.asOf = value;
    renderHeader();
    syncUrl();
    refreshAll();
  });
  $('today').addEventListener('click', () => {
    state.asOf = state.today;
    renderHeader();
    syncUrl();
    refreshAll();
    $('as-of').focus();
  });
  $('jurisdiction').addEventListener('change', (event) => {
    state.jurisdictionId = event.target.value;
    detail.close();
    subscribeLive();
    start();
  });
}

buildPanels();
wireControls();
subscribeLive();
start();
