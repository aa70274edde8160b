// 最近变更: the newest entries of the audit feed (which pages oldest first), each with the decision behind it
// (text, meeting, 纪要号), and the government's 分工调整 decisions relative to the date being viewed.
import { empty, formatInstant, h, interval, replace } from '../dom.js';
import { AUDIT_ACTION, AUDIT_ENTITY, DECISION_CATEGORY, kindLabel, meetingName } from '../vocab.js';

const SHOWN = 12;
const PAGE = 100;

const FIRST = `query ChangesStart($jurisdictionId: ID!, $asOf: LocalDate) {
  changes(jurisdictionId: $jurisdictionId, first: 1) { totalCount edges { cursor } }
  decisions(jurisdictionId: $jurisdictionId, first: 100) {
    nodes { id text category minutesNumber meeting { kind number date } }
  }
  portfolioMatrix(jurisdictionId: $jurisdictionId, asOf: $asOf) { leaders { id name } departments { id name } workAreas { id name } }
}`;

const PAGE_QUERY = `query ChangesPage($jurisdictionId: ID!, $first: Int!, $after: String) {
  changes(jurisdictionId: $jurisdictionId, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { seq at actor action entityType entityId decisionId changesetId before after }
  }
}`;

/** Cursors are offsets (src/graphql/connection.ts); used only after checking the first cursor has that form. */
const offsetCursor = (offset) => btoa(`offset:${offset}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** The last `count` events: jump straight to the last page when cursors are offsets, else walk the pages. */
async function lastEvents(ctx, jurisdictionId, totalCount, firstCursor, count) {
  if (totalCount === 0) return [];
  if (totalCount <= count) return (await ctx.gql(PAGE_QUERY, { jurisdictionId, first: count, after: null })).changes.nodes;
  if (firstCursor === offsetCursor(0)) {
    return (await ctx.gql(PAGE_QUERY, { jurisdictionId, first: count, after: offsetCursor(totalCount - count - 1) })).changes.nodes;
  }
  let after = null;
  let kept = [];
  for (let page = 0; page < 200; page += 1) {
    const { changes } = await ctx.gql(PAGE_QUERY, { jurisdictionId, first: PAGE, after });
    kept = [...kept, ...changes.nodes].slice(-count);
    if (!changes.pageInfo.hasNextPage) break;
    after = changes.pageInfo.endCursor;
  }
  return kept;
}

/** Names of people, units and work areas the feed mentions by id but the date's matrix does not list. */
async function resolveNames(ctx, names, events) {
  const wanted = new Map();
  const want = (id, field) => { if (typeof id === 'string' && !names.has(id)) wanted.set(id, field); };
  for (const e of events) for (const side of [e.before, e.after]) {
    if (!side || typeof side !== 'object') continue;
    for (const key of ['leaderId', 'principalId', 'backupId', 'designatedActorId', 'toLeaderId']) want(side[key], 'leader');
    want(side.departmentId, 'department');
    want(side.workAreaId, 'workArea');
  }
  const ids = [...wanted].slice(0, 15);
  if (ids.length === 0) return;
  const query = `query Names { ${ids.map(([id, field], i) => `n${i}: ${field}(id: ${JSON.stringify(id)}) { id name }`).join(' ')} }`;
  try {
    const data = await ctx.gql(query, {});
    for (const value of Object.values(data)) if (value) names.set(value.id, value.name);
  } catch {
    // A name that cannot be resolved is shown as its id.
  }
}

function describe(event, names) {
  const v = event.after ?? event.before ?? {};
  const name = (id) => (id ? names.get(id) ?? id : '');
  switch (event.entityType) {
    case 'ASSIGNMENT': {
      const target = name(v.departmentId) || name(v.workAreaId) || v.subject || '';
      const principal = v.principalId ? `（协助${name(v.principalId)}）` : '';
      const when = event.action === 'CLOSE' ? `${event.after?.validTo ?? ''} 止` : interval(v.validFrom, v.validTo);
      return `${name(v.leaderId)} ${kindLabel(v.kind)} ${target}${principal}（${when}）`;
    }
    case 'BACKUP':
      return `${name(v.leaderId)} 的 B角：${name(v.backupId)}（${event.action === 'CLOSE' ? `${event.after?.validTo ?? ''} 止` : interval(v.validFrom, v.validTo)}）`;
    case 'ABSENCE':
      return `${name(v.leaderId)} 外出：${v.reason ?? ''}（${interval(v.validFrom, v.validTo)}）`;
    case 'MEETING':
      return meetingName(v) || event.entityId;
    case 'DECISION':
      return v.text ?? event.entityId;
    default:
      return event.entityId;
  }
}

function decisionLine(decision) {
  if (!decision) return null;
  return h('p', { class: 'decision' }, '依据：', meetingName(decision.meeting), '决定',
    decision.minutesNumber ? [' · 纪要号 ', h('span', { class: 'minutes' }, decision.minutesNumber)] : '',
    h('span', { class: 'decision-text' }, ` — ${decision.text}`));
}

export default {
  id: 'changes',
  title: '最近变更',
  refreshOn: ['decisionRecorded'],
  query: FIRST,
  async load(ctx, variables) {
    const start = await ctx.gql(FIRST, variables);
    const names = new Map();
    const m = start.portfolioMatrix;
    for (const x of [...m.leaders, ...m.departments, ...m.workAreas]) names.set(x.id, x.name);
    const events = await lastEvents(ctx, variables.jurisdictionId, start.changes.totalCount, start.changes.edges[0]?.cursor, SHOWN);
    await resolveNames(ctx, names, events);
    return { events: events.reverse(), totalCount: start.changes.totalCount, decisions: start.decisions.nodes, names };
  },
  render(target, data, ctx) {
    const decisions = new Map(data.decisions.map((d) => [d.id, d]));
    const feed = data.events.length === 0
      ? empty('暂无变更记录：自启用以来尚未通过本系统调整分工。')
      : h('ol', { class: 'feed' }, data.events.map((e) => h('li', { class: 'event', dataset: { seq: e.seq, entity: e.entityType } },
        h('div', { class: 'event-head' },
          h('span', { class: `chip chip-${e.action}` }, `${AUDIT_ACTION[e.action] ?? e.action}${AUDIT_ENTITY[e.entityType] ?? e.entityType}`),
          h('span', { class: 'event-text' }, describe(e, data.names))),
        h('p', { class: 'event-meta' }, `${formatInstant(e.at)} · ${e.actor}`,
          (e.after?.document ?? e.before?.document) ? ` · 文号 ${e.after?.document ?? e.before?.document}` : ''),
        decisionLine(decisions.get(e.decisionId)))));

    const division = data.decisions.filter((d) => d.category === 'DIVISION_OF_LABOUR').sort((a, b) => (a.meeting.date < b.meeting.date ? 1 : -1));
    const latest = division.find((d) => d.meeting.date <= ctx.asOf);
    const timeline = division.length === 0
      ? empty('暂无分工调整决定。')
      : h('ol', { class: 'timeline' }, division.map((d) => {
        const state = d === latest ? 'latest' : d.meeting.date > ctx.asOf ? 'later' : 'earlier';
        return h('li', { class: `decision-item ${state}`, dataset: { decision: d.id, state } },
          h('p', { class: 'decision-head' }, h('strong', {}, meetingName(d.meeting)), d.minutesNumber ? ` · ${d.minutesNumber}` : '',
            state === 'latest' ? h('span', { class: 'badge badge-current' }, `截至 ${ctx.asOf} 最近的分工决定`) : null,
            state === 'later' ? h('span', { class: 'badge badge-later' }, '查询日期之后') : null),
          h('p', { class: 'decision-text' }, d.text));
      }));

    replace(target, h('div', { class: 'changes-layout' },
      h('section', { class: 'changes-feed', 'aria-labelledby': 'changes-feed-title' },
        h('h3', { id: 'changes-feed-title' }, `审计记录（最新在前，共 ${data.totalCount} 条）`), feed),
      h('section', { class: 'changes-decisions', 'aria-labelledby': 'changes-decisions-title' },
        h('h3', { id: 'changes-decisions-title' }, `分工调整决定（${DECISION_CATEGORY.DIVISION_OF_LABOUR}）`), timeline)));
  },
};
