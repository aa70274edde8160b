// 交办事项 (R9): the directives issued by the date, each with its status on that date — overdue first, then those
// escalated for coordination (提请协调), then the other open ones by deadline, the completed last — who issued it to
// which unit and on what basis, whom a cross-portfolio directive was told to, whether it cites the decision that
// studied it beforehand (事先集体研究过), and the latest reason or report.
import { empty, h, joinNodes, replace } from '../dom.js';
import { DIRECTION_BASIS, DIRECTIVE_ACTION } from '../vocab.js';
import { leaderButton } from './common.js';
import { allNodes, directiveStatusTag } from './key-work.js';

const QUERY = `query Directives($jurisdictionId: ID!, $asOf: LocalDate, $first: Int, $after: String) {
  directives(jurisdictionId: $jurisdictionId, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id subject issuedOn deadline crossPortfolio basis
      status(asOf: $asOf)
      overdue(asOf: $asOf)
      decision { id }
      issuer { id name }
      department { id name }
      transitions { action on text }
      notified { kind leader { id name } actingFor { id name } }
    }
  }
}`;

/** 0 overdue, 1 escalated, 2 other open, 3 completed. */
function urgency(d) {
  if (d.overdue) return 0;
  if (d.status === 'ESCALATED') return 1;
  return d.status === 'COMPLETED' ? 3 : 2;
}

/** Most urgent first; then the nearer deadline (none last); then the newer. */
function byUrgency(a, b) {
  return urgency(a) - urgency(b)
    || (a.deadline ?? '9999-12-31').localeCompare(b.deadline ?? '9999-12-31')
    || b.issuedOn.localeCompare(a.issuedOn)
    || a.id.localeCompare(b.id);
}

function summary(directives) {
  const open = directives.filter((d) => d.status !== 'COMPLETED');
  const parts = [
    ['未办结', open.length, 'open'],
    ['其中超期', open.filter((d) => d.overdue).length, 'overdue'],
    ['提请协调', open.filter((d) => d.status === 'ESCALATED').length, 'escalated'],
    ['已办结', directives.length - open.length, 'completed'],
  ];
  return h('ul', { class: 'directive-summary', 'aria-label': '交办事项统计' },
    parts.map(([label, count, key]) => h('li', { dataset: { count: key } }, `${label} `, h('strong', {}, String(count)))));
}

/** ' 已告知 X、Y（代 Z）': who was told of a cross-portfolio directive, each with whom he stands in for. */
function toldOf(ctx, directive) {
  const told = directive.notified.filter((n) => n.kind === 'DIRECTIVE_CROSS_PORTFOLIO');
  if (told.length === 0) return null;
  return [' 已告知 ', joinNodes(told.map((n) => [leaderButton(ctx, n.leader), n.actingFor ? `（代 ${n.actingFor.name}）` : '']))];
}

function directiveItem(ctx, d) {
  const latest = d.transitions.filter((t) => t.text && t.on <= ctx.asOf).at(-1);
  return h('li', { class: 'directive', dataset: { directive: d.id, status: d.status, overdue: String(d.overdue) } },
    h('div', { class: 'directive-head' }, directiveStatusTag(d.status, d.overdue), h('span', { class: 'directive-subject' }, d.subject)),
    h('p', { class: 'directive-meta' },
      leaderButton(ctx, d.issuer), ' 交办 ',
      h('button', { type: 'button', class: 'unit-link', onClick: () => ctx.openDepartment(d.department.id), title: `${d.department.name}：查看详情` }, d.department.name),
      ` · ${d.issuedOn} 交办 · ${d.deadline ? `时限 ${d.deadline}` : '未定时限'} · 依据：${DIRECTION_BASIS[d.basis] ?? d.basis}`),
    d.crossPortfolio
      ? h('p', { class: 'directive-cross' }, h('span', { class: 'tag' }, '跨分管'), toldOf(ctx, d),
        d.decision === null ? h('span', { class: 'warn' }, '；未引用事先集体研究的决定') : null)
      : null,
    latest ? h('p', { class: 'directive-note' }, `${DIRECTIVE_ACTION[latest.action] ?? latest.action}（${latest.on}）：${latest.text}`) : null);
}

export default {
  id: 'directives',
  title: '交办事项',
  refreshOn: ['directiveChanged'],
  async load(ctx, variables) {
    const directives = await allNodes(ctx, QUERY, variables, (data) => data.directives);
    // status is null on a date before the directive was issued: it does not exist yet.
    return directives.filter((d) => d.status !== null).sort(byUrgency);
  },
  render(target, directives, ctx) {
    if (directives.length === 0) {
      replace(target, empty(`${ctx.asOf} 时没有交办事项记录。`));
      return;
    }
    replace(target, summary(directives), h('ol', { class: 'directives' }, directives.map((d) => directiveItem(ctx, d))));
  },
};
