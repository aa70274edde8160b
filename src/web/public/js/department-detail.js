// One unit's page (/dashboard/department/{id}, or a click on a unit in the matrix): what it is, who 分管 / 联系 /
// 协助 / 牵头协调 it on the date, its head, and every line that ever named it. A native <dialog>, like a leader's.
import { ApiError, failureText } from './api.js';
import { empty, h, interval, joinNodes, replace } from './dom.js';
import { relationTag } from './panels/common.js';
import { DEPARTMENT_KIND, GOVERNMENT_LINE, KIND, kindLabel } from './vocab.js';

const QUERY = `query DepartmentDetail($id: ID!, $asOf: LocalDate) {
  department(id: $id, asOf: $asOf) {
    id name kind aliases asOf validFrom validTo inGovernmentLine
    jurisdiction { id name }
    head { name contact }
    supervisedBy(asOf: $asOf) { id leader { id name } }
    liaisedBy(asOf: $asOf) { id leader { id name } }
    assistedBy(asOf: $asOf) { id leader { id name } principal { id name } }
    coordinatedBy(asOf: $asOf) { id subject leader { id name } }
    history(first: 100) {
      totalCount
      nodes { id kind subject validFrom validTo document current leader { id name } }
    }
  }
}`;

function section(title, ...content) {
  return h('section', { class: 'detail-section' }, h('h3', {}, title), ...content);
}

function render(body, unit, openLeader) {
  const leaderButton = (person) => h('button', { type: 'button', class: 'leader-link', onClick: () => openLeader(person.id) }, person.name);
  const rows = [
    ['SUPERVISES', unit.supervisedBy],
    ['LIAISES_WITH', unit.liaisedBy],
    ['ASSISTS', unit.assistedBy],
    ['COORDINATES', unit.coordinatedBy],
  ].filter(([, lines]) => lines.length > 0);
  const who = rows.length > 0
    ? h('dl', { class: 'portfolio' }, rows.map(([kind, lines]) => [
      h('dt', {}, relationTag(kind)),
      h('dd', {}, joinNodes(lines.map((l) => [leaderButton(l.leader), l.principal ? `（协助${l.principal.name}）` : '', l.subject ? `：${l.subject}` : '']))),
    ]))
    : h('p', { class: unit.inGovernmentLine ? 'warn' : 'empty' }, unit.inGovernmentLine ? `${unit.asOf} 无人分管` : `${unit.asOf} 无人联系`);
  const history = unit.history.nodes.length > 0
    ? h('table', { class: 'history' },
      h('caption', { class: 'sr-only' }, `${unit.name} 的分工历史`),
      h('thead', {}, h('tr', {}, ['领导', '分工', '起止', '文号', '状态'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, unit.history.nodes.map((line) => h('tr', { class: line.current ? 'current' : 'past' },
        h('td', {}, leaderButton(line.leader)),
        h('td', {}, `${KIND[line.kind]?.mark ?? ''} ${kindLabel(line.kind)}${line.subject ? `：${line.subject}` : ''}`),
        h('td', {}, interval(line.validFrom, line.validTo)),
        h('td', {}, line.document ?? '—'),
        h('td', {}, line.current ? `${unit.asOf} 有效` : '—')))))
    : empty('没有分工记录');
  replace(body,
    h('p', { class: 'detail-meta' }, `${unit.jurisdiction.name} · ${DEPARTMENT_KIND[unit.kind] ?? unit.kind}${GOVERNMENT_LINE.has(unit.kind) ? '' : '（联系单位，只联系、不领导）'} · 查询日期 ${unit.asOf}`),
    unit.aliases.length > 0 ? h('p', { class: 'detail-meta' }, `又称：${unit.aliases.join('、')}`) : null,
    section('存续', h('p', {}, interval(unit.validFrom, unit.validTo))),
    section('负责人', h('p', {}, unit.head.name ?? '—', unit.head.contact ? `（${unit.head.contact}）` : '')),
    section('分管与联系', who),
    section(`分工历史（${unit.history.totalCount} 条）`, history));
}

export function createDepartmentDetail({ dialog, body, title, close, openLeader }) {
  let currentId = null;
  let seq = 0;
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => { currentId = null; });
  dialog.addEventListener('click', (event) => { if (event.target === dialog) dialog.close(); });

  async function load(ctx) {
    const mine = ++seq;
    dialog.setAttribute('aria-busy', 'true');
    try {
      const data = await ctx.gql(QUERY, { id: currentId, asOf: ctx.asOf });
      if (mine !== seq) return;
      title.textContent = data.department.name;
      render(body, data.department, (id) => {
        dialog.close();
        openLeader(id);
      });
    } catch (error) {
      if (mine !== seq) return;
      if (!(error instanceof ApiError)) console.error(error);
      replace(body, h('p', { class: 'error', role: 'alert' }, failureText(error)));
    } finally {
      if (mine === seq) dialog.removeAttribute('aria-busy');
    }
  }

  return {
    get id() { return currentId; },
    open(id, ctx) {
      currentId = id;
      title.textContent = '单位';
      replace(body, h('p', { class: 'loading-text' }, '正在加载…'));
      if (!dialog.open) dialog.showModal();
      close.focus();
      return load(ctx);
    },
    refresh(ctx) {
      return currentId !== null && dialog.open ? load(ctx) : Promise.resolve();
    },
    close() {
      if (dialog.open) dialog.close();
    },
  };
}
