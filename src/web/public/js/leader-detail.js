// The leader detail dialog: posts, portfolio, AB角, absence, appointments and the history of every line.
// A native <dialog> (modal: focus stays inside, Esc closes, focus returns to the button that opened it).
import { ApiError, failureText } from './api.js';
import { h, interval, joinNodes, replace } from './dom.js';
import { ACTING_FIELDS, actingSummary, relationTag } from './panels/common.js';
import { ACTING_BASIS, KIND, KIND_ORDER, kindLabel, lineTarget, postTitle } from './vocab.js';

const QUERY = `query LeaderDetail($id: ID!, $asOf: LocalDate) {
  leader(id: $id, asOf: $asOf) {
    id name asOf protocolRank presides
    jurisdiction { name }
    posts { acting validFrom validTo post { title kind } }
    portfolio { id kind subject orphaned validFrom document department { id name } workArea { id name } principal { id name } }
    backedUpBy { backup { id name } exceptedDepartments { name } exceptedWorkAreas { name } }
    backsUp { leader { id name } }
    absence { reason validFrom validTo }
    coveredBy { actor { id name } basis }
    ${ACTING_FIELDS}
    appointmentHistory { acting validFrom validTo post { title kind } }
    history(first: 100) {
      totalCount
      nodes { id kind subject validFrom validTo document current department { name } workArea { name } principal { name } }
    }
  }
}`;

function section(title, ...content) {
  return h('section', { class: 'detail-section' }, h('h3', {}, title), ...content);
}

function render(body, leader, openOther) {
  const leaderButton = (person) => h('button', { type: 'button', class: 'leader-link', onClick: () => openOther(person.id) }, person.name);
  const posts = leader.posts.length > 0
    ? h('p', {}, leader.posts.map(postTitle).join('、'), leader.presides ? h('span', { class: 'badge badge-presides' }, '★ 主持全面工作') : null)
    : h('p', { class: 'empty' }, `${leader.asOf} 时不在班子中`);

  const groups = KIND_ORDER.filter((kind) => kind !== 'PRESIDES').map((kind) => [kind, leader.portfolio.filter((l) => l.kind === kind)]).filter(([, lines]) => lines.length > 0);
  const portfolio = groups.length > 0
    ? h('dl', { class: 'portfolio' }, groups.map(([kind, lines]) => [
      h('dt', {}, relationTag(kind)),
      h('dd', {}, lines.map(lineTarget).join('、')),
    ]))
    : h('p', { class: 'empty' }, '当日无分工');

  const ab = [];
  if (leader.backedUpBy) {
    const excepted = [...leader.backedUpBy.exceptedDepartments, ...leader.backedUpBy.exceptedWorkAreas].map((x) => x.name);
    ab.push(h('p', {}, 'B角：', leaderButton(leader.backedUpBy.backup), excepted.length ? `（${excepted.join('、')}除外，由主持工作的领导代行）` : ''));
  }
  if (leader.backsUp.length > 0) ab.push(h('p', {}, '担任 B角：', joinNodes(leader.backsUp.map((b) => leaderButton(b.leader)))));
  if (leader.absence) {
    ab.push(h('p', { class: 'absence' }, h('span', { class: 'badge badge-away' }, '外出'), ` ${leader.absence.reason}（${interval(leader.absence.validFrom, leader.absence.validTo)}）`,
      leader.coveredBy?.actor ? ['；由 ', leaderButton(leader.coveredBy.actor), ` 代行（${ACTING_BASIS[leader.coveredBy.basis] ?? leader.coveredBy.basis}）`] : '；无人代行'));
  }
  for (const cover of leader.actingFor) {
    const what = actingSummary(leader.id, cover);
    if (what !== null) ab.push(h('p', { class: 'acting' }, h('span', { class: 'badge badge-acting' }, '代行'), ' 代 ', leaderButton(cover.absentLeader), ` ${what}`));
  }

  const appointments = h('ul', { class: 'plain' }, leader.appointmentHistory.map((a) => h('li', {}, `${postTitle(a)}：${interval(a.validFrom, a.validTo)}`)));

  const history = h('table', { class: 'history' },
    h('caption', { class: 'sr-only' }, `${leader.name} 的分工历史`),
    h('thead', {}, h('tr', {}, ['分工', '对象', '起止', '文号', '状态'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, leader.history.nodes.map((line) => h('tr', { class: line.current ? 'current' : 'past' },
      h('td', {}, `${KIND[line.kind]?.mark ?? ''} ${kindLabel(line.kind)}`),
      h('td', {}, lineTarget(line) || '—'),
      h('td', {}, interval(line.validFrom, line.validTo)),
      h('td', {}, line.document ?? '—'),
      h('td', {}, line.current ? `${leader.asOf} 有效` : '—')))));

  replace(body,
    h('p', { class: 'detail-meta' }, `${leader.jurisdiction.name} · 查询日期 ${leader.asOf}`, leader.protocolRank ? ` · 排序第 ${leader.protocolRank} 位` : ''),
    section('职务', posts),
    section('分工', portfolio),
    ab.length > 0 ? section('AB角与外出', ab) : null,
    section('任职经历', appointments),
    section(`分工历史（${leader.history.totalCount} 条）`, history));
}

/** `navigate(id)`, when given, opens another leader (so the page can keep its address in step); else this dialog does. */
export function createLeaderDetail({ dialog, body, title, close, navigate = null }) {
  let currentId = null;
  let seq = 0;
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => { currentId = null; });
  // A click on the backdrop (outside the dialog box) closes it too.
  dialog.addEventListener('click', (event) => { if (event.target === dialog) dialog.close(); });

  async function load(ctx) {
    const mine = ++seq;
    dialog.setAttribute('aria-busy', 'true');
    try {
      const data = await ctx.gql(QUERY, { id: currentId, asOf: ctx.asOf });
      if (mine !== seq) return;
      title.textContent = data.leader.name;
      render(body, data.leader, (id) => (navigate ? navigate(id) : api.open(id, ctx)));
    } catch (error) {
      if (mine !== seq) return;
      if (!(error instanceof ApiError)) console.error(error);
      replace(body, h('p', { class: 'error', role: 'alert' }, failureText(error)));
    } finally {
      if (mine === seq) dialog.removeAttribute('aria-busy');
    }
  }

  const api = {
    open(leaderId, ctx) {
      currentId = leaderId;
      title.textContent = '班子成员';
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
  return api;
}
