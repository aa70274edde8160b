// 谁分管…: keyword → units and work areas → their leaders, how each relates (联系 marked as liaison), who acts.
import { empty, h, replace } from '../dom.js';
import { DEPARTMENT_KIND, GOVERNMENT_LINE } from '../vocab.js';
import { leaderButton, relationTag } from './common.js';

let text = '';

function overseerItem(ctx, o) {
  return h('li', { class: 'overseer', dataset: { relation: o.relation, liaison: String(o.liaison) } },
    leaderButton(ctx, o.leader), ' ', relationTag(o.relation),
    o.liaison ? h('span', { class: 'note liaison-note' }, '仅联系，不直接领导') : null,
    o.away ? h('span', { class: 'badge badge-away' }, '外出') : null,
    o.actingFor ? h('span', { class: 'badge badge-acting' }, `代行（代${o.actingFor.name}）`) : null);
}

export default {
  id: 'search',
  title: '谁分管…',
  query: `query WhoOversees($text: String!, $asOf: LocalDate, $jurisdictionId: ID) {
    whoOversees(text: $text, asOf: $asOf, jurisdictionId: $jurisdictionId, first: 20) {
      totalCount
      nodes {
        matchedName
        target { __typename ... on Department { id name kind } ... on WorkArea { id name } }
        overseers { leader { id name } relation liaison away actingFor { id name } }
      }
    }
  }`,
  variables(ctx) {
    return text === '' ? null : { text, asOf: ctx.asOf, jurisdictionId: ctx.jurisdictionId };
  },
  mount(body, ctx) {
    const input = h('input', {
      type: 'search', id: 'search-text', name: 'text', autocomplete: 'off', maxlength: '50', required: true,
      placeholder: '如：财政、教育、税务', 'aria-describedby': 'search-help',
    });
    const form = h('form', { class: 'search-form', role: 'search' },
      h('label', { for: 'search-text' }, '单位或工作领域'),
      h('div', { class: 'search-row' }, input, h('button', { type: 'submit' }, '查询')),
      h('p', { id: 'search-help', class: 'hint' }, '输入关键词后按回车；“联系”只协调、不领导。'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      text = input.value.trim();
      ctx.reload('search');
    });
    const results = h('div', { class: 'search-results' });
    body.append(form, results);
    return results;
  },
  render(target, data, ctx) {
    if (data === null) {
      replace(target, empty('输入关键词，查询哪位领导分管、联系或协助。'));
      return;
    }
    const { nodes, totalCount } = data.whoOversees;
    const summary = h('p', { class: 'result-summary', role: 'status' },
      nodes.length === 0 ? `未找到与“${text}”相关的单位或工作领域。` : `“${text}”：找到 ${totalCount} 项`);
    replace(target, summary, nodes.length === 0 ? null : h('ul', { class: 'matches' }, nodes.map((match) => {
      const t = match.target;
      const kind = t.__typename === 'Department'
        ? `${DEPARTMENT_KIND[t.kind] ?? t.kind}${GOVERNMENT_LINE.has(t.kind) ? '' : '（联系单位）'}`
        : '工作领域';
      return h('li', { class: 'match', dataset: { target: t.id } },
        h('div', { class: 'match-head' }, h('span', { class: 'match-name' }, t.name), h('span', { class: 'tag' }, kind),
          match.matchedName !== t.name ? h('span', { class: 'note' }, `匹配：${match.matchedName}`) : null),
        match.overseers.length === 0
          ? empty('当日无人分管或联系')
          : h('ul', { class: 'overseers' }, match.overseers.map((o) => overseerItem(ctx, o))));
    })));
  },
};
