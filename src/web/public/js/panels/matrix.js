// 分工矩阵: units (government line first, grouped by kind) and work areas × leaders in protocol order.
// 分管 / 联系 / 协助 / 负责 / 牵头协调 differ in mark and word as well as colour; a legend explains them.
import { empty, h, replace } from '../dom.js';
import { DEPARTMENT_KIND, DEPARTMENT_KIND_ORDER, GOVERNMENT_LINE, KIND, kindLabel } from '../vocab.js';
import { leaderButton } from './common.js';

const LEGEND = ['SUPERVISES', 'LIAISES_WITH', 'ASSISTS', 'RESPONSIBLE_FOR', 'COORDINATES'];
let showWorkAreas = true;

function cellText(leader, targetName, cell) {
  const principal = cell.kind === 'ASSISTS' && cell.line.principal ? `（协助${cell.line.principal.name}）` : '';
  const subject = cell.kind === 'COORDINATES' && cell.line.subject ? `：${cell.line.subject}` : '';
  return `${leader.name} ${kindLabel(cell.kind)} ${targetName}${principal}${subject}${cell.orphaned ? '（已失效）' : ''}`;
}

export default {
  id: 'matrix',
  title: '分工矩阵',
  query: `query Matrix($jurisdictionId: ID!, $asOf: LocalDate) {
    portfolioMatrix(jurisdictionId: $jurisdictionId, asOf: $asOf) {
      asOf
      leaders { id name }
      departments { id name kind }
      workAreas { id name }
      cells { kind orphaned leader { id } department { id } workArea { id } line { subject principal { name } } }
    }
  }`,
  mount(body, ctx) {
    const toggle = h('input', { type: 'checkbox', id: 'matrix-work-areas', checked: showWorkAreas });
    toggle.addEventListener('change', () => {
      showWorkAreas = toggle.checked;
      ctx.reload('matrix');
    });
    const legend = h('ul', { class: 'legend', 'aria-label': '图例' },
      LEGEND.map((kind) => h('li', {}, h('span', { class: `mark mark-${kind}`, 'aria-hidden': 'true' }, `${KIND[kind].mark}${KIND[kind].short}`), ` ${KIND[kind].label}`)));
    const tools = h('div', { class: 'matrix-tools' }, legend,
      h('span', { class: 'toggle' }, toggle, h('label', { for: 'matrix-work-areas' }, '显示工作领域')));
    const grid = h('div', { class: 'matrix-scroll', tabindex: '0', role: 'region', 'aria-label': '分工矩阵表格（可滚动）' });
    body.append(tools, grid);
    return grid;
  },
  render(target, data, ctx) {
    const m = data.portfolioMatrix;
    if (m.leaders.length === 0) {
      replace(target, empty(`${m.asOf} 时没有分工记录。`));
      return;
    }
    const byTarget = new Map();
    for (const cell of m.cells) {
      const key = `${cell.department?.id ?? cell.workArea?.id}|${cell.leader.id}`;
      if (!byTarget.has(key)) byTarget.set(key, []);
      byTarget.get(key).push(cell);
    }
    const rowOf = (id, name, extraClass = '', unit = false) => h('tr', { class: extraClass, dataset: { target: id } },
      h('th', { scope: 'row', title: name },
        unit ? h('button', { type: 'button', class: 'unit-link', onClick: () => ctx.openDepartment(id), title: `${name}：查看详情` }, name) : name),
      m.leaders.map((leader) => {
        const cells = byTarget.get(`${id}|${leader.id}`) ?? [];
        const kinds = cells.map((c) => c.kind);
        return h('td', { dataset: { leader: leader.id, kinds: kinds.join(' ') }, title: cells.map((c) => cellText(leader, name, c)).join('；') || null },
          cells.map((c) => h('span', { class: `mark mark-${c.kind}${c.orphaned ? ' orphaned' : ''}` },
            h('span', { 'aria-hidden': 'true' }, `${KIND[c.kind]?.mark ?? ''}${KIND[c.kind]?.short ?? c.kind}`),
            h('span', { class: 'sr-only' }, cellText(leader, name, c)))));
      }));

    const groups = DEPARTMENT_KIND_ORDER.map((kind) => [kind, m.departments.filter((d) => d.kind === kind)]).filter(([, list]) => list.length > 0);
    const others = m.departments.filter((d) => !DEPARTMENT_KIND_ORDER.includes(d.kind));
    if (others.length > 0) groups.push(['OTHER', others]);
    const span = m.leaders.length + 1;
    const groupRow = (label, cls) => h('tr', { class: `group ${cls}` }, h('th', { scope: 'colgroup', colspan: String(span) }, label));

    const body = [];
    let outsideShown = false;
    for (const [kind, list] of groups) {
      if (!GOVERNMENT_LINE.has(kind) && !outsideShown) {
        outsideShown = true;
        body.push(groupRow('以下为联系单位（只联系、不领导）', 'divider'));
      }
      body.push(groupRow(`${DEPARTMENT_KIND[kind] ?? '其他单位'}（${list.length}）`, GOVERNMENT_LINE.has(kind) ? 'gov' : 'outside'));
      for (const d of list) body.push(rowOf(d.id, d.name, GOVERNMENT_LINE.has(d.kind) ? 'gov' : 'outside', true));
    }
    if (showWorkAreas && m.workAreas.length > 0) {
      body.push(groupRow(`工作领域（${m.workAreas.length}）`, 'areas'));
      for (const a of m.workAreas) body.push(rowOf(a.id, a.name, 'area'));
    }

    replace(target, h('table', { class: 'matrix' },
      h('caption', { class: 'sr-only' }, `分工矩阵（${m.asOf}）：行为单位和工作领域，列为班子成员（按排序）`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'corner' }, '单位 \\ 领导'),
        m.leaders.map((leader) => h('th', { scope: 'col' }, leaderButton(ctx, leader, { title: `${leader.name}：查看详情` }))))),
      h('tbody', {}, body)));
  },
};
