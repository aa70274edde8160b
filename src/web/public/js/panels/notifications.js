// 领导通知: what one leader has been told (R9) — a cross-portfolio directive to a unit he answers for, or an
// escalation back to him as its issuer — newest first, unread marked, each with the directive's status today.
// The leader is chosen from today's team; each choice shows his unread count, and without a choice the first
// leader (in protocol order) with unread notices is shown. Notices are the inbox as it is now, whatever the date.
import { empty, formatInstant, h, replace } from '../dom.js';
import { NOTIFICATION_BASIS, NOTIFICATION_KIND } from '../vocab.js';
import { directiveStatusTag } from './key-work.js';

const PANEL_ID = 'notifications';
/** The newest notices shown of one leader. */
const SHOWN = 50;

const TEAM = `query NotificationTeam($jurisdictionId: ID!) {
  leadershipTeam(jurisdictionId: $jurisdictionId, first: 100) { nodes { id name } }
}`;

const NOTIFICATIONS = `query Notifications($leaderId: ID!, $unreadOnly: Boolean, $first: Int) {
  notifications(leaderId: $leaderId, unreadOnly: $unreadOnly, first: $first) {
    totalCount
    nodes {
      id kind basis text createdAt read
      actingFor { id name }
      directive { id status overdue }
    }
  }
}`;

/** Leaders counted per request: the server refuses an operation with more than 20 aliases (QUERY_LIMITS.maxAliases). */
const COUNTED_PER_REQUEST = 15;

/** An aliased `notifications` field per leader of `leaders`, asking only for the unread count. */
function unreadCountsQuery(leaders) {
  const params = leaders.map((_, i) => `$l${i}: ID!`).join(', ');
  const fields = leaders.map((_, i) => `u${i}: notifications(leaderId: $l${i}, unreadOnly: true, first: 1) { totalCount }`).join(' ');
  return `query UnreadCounts(${params}) { ${fields} }`;
}

/** Each leader's unread count, by leader id: one request per COUNTED_PER_REQUEST leaders, all at once. */
async function unreadCounts(ctx, team) {
  const chunks = [];
  for (let i = 0; i < team.length; i += COUNTED_PER_REQUEST) chunks.push(team.slice(i, i + COUNTED_PER_REQUEST));
  const answers = await Promise.all(chunks.map((leaders) =>
    ctx.gql(unreadCountsQuery(leaders), Object.fromEntries(leaders.map((leader, i) => [`l${i}`, leader.id])))));
  return new Map(chunks.flatMap((leaders, c) => leaders.map((leader, i) => [leader.id, answers[c][`u${i}`].totalCount])));
}

/** The leader the user chose; null (or one not on today's team) means the first with unread notices. */
let chosenLeaderId = null;
let unreadOnly = false;
let leaderSelect = null;

function notificationItem(n) {
  return h('li', { class: `notification${n.read ? '' : ' unread'}`, dataset: { notification: n.id, read: String(n.read) } },
    h('div', { class: 'notification-head' },
      h('span', { class: 'chip' }, NOTIFICATION_KIND[n.kind] ?? n.kind),
      n.read ? null : h('span', { class: 'badge badge-unread' }, '未读'),
      h('span', { class: 'note' }, `${NOTIFICATION_BASIS[n.basis] ?? n.basis}${n.actingFor ? `（代 ${n.actingFor.name}）` : ''}`)),
    h('p', { class: 'notification-text' }, n.text),
    h('p', { class: 'notification-meta' }, `${formatInstant(n.createdAt)} · 事项现状：`, directiveStatusTag(n.directive.status, n.directive.overdue)));
}

export default {
  id: PANEL_ID,
  title: '领导通知',
  refreshOn: ['directiveChanged'],
  variables: (ctx) => ({ jurisdictionId: ctx.jurisdictionId }),
  async load(ctx, variables) {
    const team = (await ctx.gql(TEAM, variables)).leadershipTeam.nodes;
    if (team.length === 0) return { team, counts: new Map(), leader: null, notifications: null };
    const counts = await unreadCounts(ctx, team);
    const leader = team.find((l) => l.id === chosenLeaderId) ?? team.find((l) => counts.get(l.id) > 0) ?? null;
    const notifications = leader === null ? null
      : (await ctx.gql(NOTIFICATIONS, { leaderId: leader.id, unreadOnly, first: SHOWN })).notifications;
    return { team, counts, leader, notifications };
  },
  mount(body, ctx) {
    leaderSelect = h('select', { id: 'notifications-leader' });
    leaderSelect.addEventListener('change', () => {
      chosenLeaderId = leaderSelect.value;
      ctx.reload(PANEL_ID);
    });
    const unread = h('input', { type: 'checkbox', id: 'notifications-unread', checked: unreadOnly });
    unread.addEventListener('change', () => {
      unreadOnly = unread.checked;
      ctx.reload(PANEL_ID);
    });
    const list = h('div', { class: 'notification-view', 'aria-live': 'polite' });
    body.append(h('div', { class: 'panel-tools' },
      h('label', { for: 'notifications-leader' }, '领导'), leaderSelect,
      h('span', { class: 'toggle' }, unread, h('label', { for: 'notifications-unread' }, '只看未读'))), list);
    return list;
  },
  render(target, { team, counts, leader, notifications }) {
    // The placeholder only while nobody is shown: once a leader is, the list holds leaders only.
    replace(leaderSelect,
      leader === null ? h('option', { value: '', selected: true, disabled: true }, '— 选择领导 —') : null,
      team.map((l) => h('option', { value: l.id, selected: l === leader }, counts.get(l.id) > 0 ? `${l.name}（${counts.get(l.id)} 条未读）` : l.name)));
    leaderSelect.disabled = team.length === 0;
    if (team.length === 0) {
      replace(target, empty('今天没有班子成员记录，无通知可看。'));
      return;
    }
    if (leader === null) {
      replace(target, empty('目前没有未读通知。请选择一位领导，查看其收到的交办通知。'));
      return;
    }
    if (notifications.totalCount === 0) {
      replace(target, empty(`${leader.name}${unreadOnly ? '没有未读通知' : '尚未收到通知'}。`));
      return;
    }
    replace(target,
      h('p', { class: 'result-summary' }, `${leader.name}共 ${notifications.totalCount} 条${unreadOnly ? '未读' : ''}通知，最新在前${notifications.totalCount > SHOWN ? `（显示最新 ${SHOWN} 条）` : ''}；为当前收件情况，不随查询日期变化。`),
      h('ol', { class: 'notifications' }, notifications.nodes.map(notificationItem)));
  },
};
