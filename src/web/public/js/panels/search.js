// 谁分管…: what people ask (unit, short form, topic, sentence, 繁體, pinyin, leader, …局长) → units and work areas →
// their leaders, how each relates (联系 marked as liaison), who acts; each match says why it matched. Suggests as
// you type (a combobox: ↑/↓ to move, Enter to choose, Esc to close), from the same whoOversees query.
import { empty, h, replace } from '../dom.js';
import { DEPARTMENT_KIND, GOVERNMENT_LINE } from '../vocab.js';
import { leaderButton, relationTag } from './common.js';

let text = '';

/** Why a result matched (MatchKind), in words. */
const MATCHED_BY = {
  NAME: '名称',
  ALIAS: '别名',
  SHORT_FORM: '简称',
  TOPIC: '职能',
  PINYIN: '拼音',
  LEADER: '领导',
  HEAD: '负责人',
};

/** How long typing must pause before suggestions are asked for. */
const SUGGEST_DELAY_MS = 150;
const SUGGESTIONS = 8;

const SUGGEST_QUERY = `query SuggestOversight($text: String!, $asOf: LocalDate, $jurisdictionId: ID) {
  whoOversees(text: $text, asOf: $asOf, jurisdictionId: $jurisdictionId, first: ${SUGGESTIONS}) {
    nodes {
      matchedName matchedBy
      target { __typename ... on Department { id name } ... on WorkArea { id name } }
      overseers { leader { id name } relation liaison actingFor { id } }
    }
  }
}`;

/** "简称：林草局", "职能：殡葬", "领导：周明"; nothing for a unit found by its own full name. */
export function whyMatched(match) {
  if (match.matchedBy === 'NAME' && match.matchedName === match.target.name) return null;
  return `${MATCHED_BY[match.matchedBy] ?? match.matchedBy}：${match.matchedName}`;
}

function overseerItem(ctx, o) {
  return h('li', { class: 'overseer', dataset: { relation: o.relation, liaison: String(o.liaison) } },
    leaderButton(ctx, o.leader), ' ', relationTag(o.relation),
    o.liaison ? h('span', { class: 'note liaison-note' }, '仅联系，不直接领导') : null,
    o.away ? h('span', { class: 'badge badge-away' }, '外出') : null,
    o.actingFor ? h('span', { class: 'badge badge-acting' }, `代行（代${o.actingFor.name}）`) : null);
}

const LIST_STYLE = 'position:absolute;left:0;right:0;top:100%;z-index:20;margin:2px 0 0;padding:2px 0;list-style:none;'
  + 'background:#fff;border:1px solid #9aa3af;border-radius:4px;box-shadow:0 4px 12px rgba(0,0,0,.15);max-height:320px;overflow-y:auto';
const OPTION_STYLE = 'display:flex;gap:6px;align-items:baseline;padding:4px 8px;cursor:pointer';
const ACTIVE_STYLE = `${OPTION_STYLE};background:#dbe7f7;outline:2px solid #1f4e8c;outline-offset:-2px`;

export default {
  id: 'search',
  title: '谁分管…',
  query: `query WhoOversees($text: String!, $asOf: LocalDate, $jurisdictionId: ID) {
    whoOversees(text: $text, asOf: $asOf, jurisdictionId: $jurisdictionId, first: 20) {
      totalCount
      nodes {
        matchedName matchedBy
        target { __typename ... on Department { id name kind head { name contact } } ... on WorkArea { id name } }
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
      placeholder: '如：财政、人社局、殡葬、shenji、周明', 'aria-describedby': 'search-help',
      role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'search-suggestions',
    });
    const list = h('ul', { id: 'search-suggestions', role: 'listbox', 'aria-label': '建议', hidden: true, style: LIST_STYLE });
    const form = h('form', { class: 'search-form', role: 'search' },
      h('label', { for: 'search-text' }, '单位或工作领域'),
      h('div', { class: 'search-row', style: 'position:relative' }, input, h('button', { type: 'submit' }, '查询'), list),
      h('p', { id: 'search-help', class: 'hint' }, '可输入单位、简称、职能事项、领导姓名、“…局长”或拼音；↑↓ 选择建议，回车查询。“联系”只协调、不领导。'));

    let options = [];
    let active = -1;
    let timer = null;
    let seq = 0;

    const close = () => {
      seq += 1; // a suggestion still on its way is dropped
      window.clearTimeout(timer);
      options = [];
      active = -1;
      list.hidden = true;
      replace(list);
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    };
    const highlight = (i) => {
      active = i;
      options.forEach((o, k) => {
        o.el.setAttribute('aria-selected', String(k === i));
        o.el.setAttribute('style', k === i ? ACTIVE_STYLE : OPTION_STYLE);
      });
      if (i >= 0) {
        input.setAttribute('aria-activedescendant', options[i].el.id);
        options[i].el.scrollIntoView({ block: 'nearest' });
      } else input.removeAttribute('aria-activedescendant');
    };
    const search = (value) => {
      close();
      text = value.trim();
      ctx.reload('search');
    };
    const choose = (i) => {
      const { match } = options[i];
      input.value = match.target.name;
      search(match.target.name);
    };
    const show = (nodes) => {
      options = nodes.map((match, i) => {
        const why = whyMatched(match);
        const first = match.overseers[0];
        const el = h('li', {
          id: `search-option-${i}`, role: 'option', 'aria-selected': 'false', class: 'suggestion', style: OPTION_STYLE,
          dataset: { target: match.target.id, matchedBy: match.matchedBy },
          // mousedown, not click: the input keeps its focus and the list is not closed by the blur first.
          onMousedown: (event) => { event.preventDefault(); choose(i); },
        },
          h('span', { class: 'suggestion-name' }, match.target.name),
          match.target.__typename === 'WorkArea' ? h('span', { class: 'tag' }, '工作领域') : null,
          why ? h('span', { class: 'note suggestion-why' }, why) : null,
          first ? h('span', { class: 'hint suggestion-leader', style: 'margin-left:auto' }, `${first.leader.name}${first.liaison ? '（联系）' : ''}`) : null);
        return { match, el };
      });
      replace(list, options.map((o) => o.el));
      list.hidden = options.length === 0;
      input.setAttribute('aria-expanded', String(options.length > 0));
      active = -1;
      input.removeAttribute('aria-activedescendant');
    };
    const suggest = async (value) => {
      const mine = ++seq;
      try {
        const data = await ctx.gql(SUGGEST_QUERY, { text: value, asOf: ctx.asOf, jurisdictionId: ctx.jurisdictionId });
        if (mine === seq && input.value.trim() === value) show(data.whoOversees.nodes);
      } catch {
        if (mine === seq) close(); // suggestions are a convenience: a failure shows nothing, the search still works
      }
    };

    input.addEventListener('input', () => {
      const value = input.value.trim();
      window.clearTimeout(timer);
      if (value === '') {
        close();
        return;
      }
      timer = window.setTimeout(() => suggest(value), SUGGEST_DELAY_MS);
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (options.length === 0) return;
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        highlight(active === -1 ? (step === 1 ? 0 : options.length - 1) : (active + step + options.length) % options.length);
      } else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        choose(active);
      } else if (event.key === 'Escape' && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener('blur', () => close());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      search(input.value);
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
      const why = whyMatched(match);
      return h('li', { class: 'match', dataset: { target: t.id, matchedBy: match.matchedBy } },
        h('div', { class: 'match-head' }, h('span', { class: 'match-name' }, t.name), h('span', { class: 'tag' }, kind),
          why ? h('span', { class: 'note match-why' }, `匹配：${why}`) : null),
        // "…局长": the unit's head (the contact only reaches EDITOR and above; the API leaves it out otherwise).
        match.matchedBy === 'HEAD' && t.head?.name
          ? h('p', { class: 'match-head-person' }, `主要负责人：${t.head.name}${t.head.contact ? `（${t.head.contact}）` : ''}`)
          : null,
        match.overseers.length === 0
          ? empty('当日无人分管或联系')
          : h('ul', { class: 'overseers' }, match.overseers.map((o) => overseerItem(ctx, o))));
    })));
  },
};
