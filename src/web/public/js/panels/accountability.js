// 问责链 (R8 打板子找到人): for one key task on the date, each link of the chain as named people — the supervising
// leader (away? who acts for him, on what basis, and who answers today) → the lead unit and its head (主要负责人) →
// each responsible unit and its head; cooperating units listed apart (not accountable); the chain's flags inline
// on the link they concern and in full below. The task is chosen in the panel's own list (most urgent first, so an
// overdue task is the default) or from 重点工作 (showAccountability).
import { empty, h, replace } from '../dom.js';
import { ACCOUNTABILITY_FLAG, ACTING_BASIS, TASK_STATUS, TASK_UNIT_ROLE } from '../vocab.js';
import { leaderButton } from './common.js';
import { keyTasksOn, taskStatusTag } from './key-work.js';

const PANEL_ID = 'accountability';

const TASKS = `query AccountabilityTasks($jurisdictionId: ID!, $asOf: LocalDate, $first: Int, $after: String) {
  keyTasks(jurisdictionId: $jurisdictionId, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { id title createdOn deadline status(asOf: $asOf) }
  }
}`;

const CHAIN = `query Accountability($taskId: ID!, $asOf: LocalDate) {
  accountability(taskId: $taskId, asOf: $asOf) {
    asOf
    leader {
      leader { id name } inTeam away acting { id name } actingBasis answerable { id name }
      chain { kind text }
    }
    leadUnit { role active headName department { id name } }
    responsibleUnits { role active headName department { id name } }
    cooperatingUnits { role active headName department { id name } }
    flags { code message leaderId departmentId }
  }
}`;

/** The task the user chose; null (or a task that does not exist on the date) means the most urgent one. */
let chosenTaskId = null;
let taskSelect = null;

/** Shows `taskId`'s chain: chooses it, brings the panel into view and reloads it; the list gets the focus. */
export async function showAccountability(ctx, taskId) {
  chosenTaskId = taskId;
  document.getElementById(`panel-${PANEL_ID}`)?.scrollIntoView({ block: 'nearest' });
  await ctx.reload(PANEL_ID);
  taskSelect?.focus({ preventScroll: true });
}

/**
 * A flag is shown on the link it concerns: the leader's when it names a leader (his team membership, his cover,
 * his line to the lead unit), else the unit's it names.
 */
function flagsOn(flags, { leaderId = null, departmentId = null }) {
  const mine = flags.filter((f) => (leaderId !== null ? f.leaderId === leaderId : f.leaderId === null && f.departmentId === departmentId));
  return mine.map((f) => h('span', { class: 'flag-mark', dataset: { flag: f.code }, title: f.message }, `⚠${ACCOUNTABILITY_FLAG[f.code] ?? f.code}`));
}

function leaderLink(ctx, accountable, flags) {
  const { leader, away, inTeam, acting, actingBasis, answerable, chain } = accountable;
  return h('li', { class: 'link link-leader', dataset: { leader: leader.id } },
    h('span', { class: 'link-role' }, '分管领导'),
    h('span', { class: 'link-who' }, leaderButton(ctx, leader),
      away ? h('span', { class: 'badge badge-away' }, '外出') : null,
      inTeam ? null : h('span', { class: 'badge badge-away' }, '不在班子'),
      flagsOn(flags, { leaderId: leader.id })),
    away
      ? h('p', { class: 'link-acting' }, acting
        ? ['由 ', leaderButton(ctx, acting), ` 代行（${ACTING_BASIS[actingBasis] ?? actingBasis}）`]
        : h('strong', { class: 'warn' }, '无人代行'))
      : null,
    h('p', { class: 'link-answerable' }, '当日负责：',
      answerable ? leaderButton(ctx, answerable, { class: 'leader-link person' }) : h('strong', { class: 'warn' }, '无人负责')),
    chain.length > 0
      ? h('details', { class: 'link-basis' }, h('summary', {}, '依据'), h('ul', { class: 'plain' }, chain.map((step) => h('li', {}, step.text))))
      : null);
}

function unitLink(ctx, unit, flags) {
  const { department } = unit;
  return h('li', { class: 'link link-unit', dataset: { role: unit.role, department: department.id } },
    h('span', { class: 'link-role' }, TASK_UNIT_ROLE[unit.role]),
    h('span', { class: 'link-who' },
      h('button', { type: 'button', class: 'unit-link', onClick: () => ctx.openDepartment(department.id), title: `${department.name}：查看详情` }, department.name),
      flagsOn(flags, { departmentId: department.id })),
    h('p', { class: 'link-head' }, '主要负责人：',
      unit.headName ? h('strong', { class: 'person' }, unit.headName) : h('strong', { class: 'warn' }, '未登记')));
}

function renderChain(target, task, a, ctx) {
  const cooperating = a.cooperatingUnits.map((u) => `${u.department.name}${u.headName ? `（${u.headName}）` : ''}`);
  replace(target,
    h('div', { class: 'chain-task' },
      taskStatusTag(task.status), h('strong', { class: 'chain-title' }, task.title),
      h('span', { class: 'note' }, `完成时限 ${task.deadline} · 截至 ${a.asOf}`)),
    h('ol', { class: 'chain', 'aria-label': `“${task.title}”的问责链` },
      leaderLink(ctx, a.leader, a.flags),
      unitLink(ctx, a.leadUnit, a.flags),
      a.responsibleUnits.map((unit) => unitLink(ctx, unit, a.flags))),
    cooperating.length > 0 ? h('p', { class: 'cooperating' }, `${TASK_UNIT_ROLE.COOPERATING}（列明，不承担主体责任）：${cooperating.join('、')}`) : null,
    a.flags.length === 0
      ? h('p', { class: 'ok-text chain-ok' }, '✓ 责任链完整：每一环都落到具体的人')
      : h('ul', { class: 'plain chain-flags', 'aria-label': '问责链提示' },
        a.flags.map((f) => h('li', { class: 'warn', dataset: { flag: f.code } }, `⚠ ${ACCOUNTABILITY_FLAG[f.code] ?? f.code}：${f.message}`))));
}

export default {
  id: PANEL_ID,
  title: '问责链（打板子找到人）',
  refreshOn: ['keyTaskChanged'],
  async load(ctx, variables) {
    const tasks = await keyTasksOn(ctx, TASKS, variables);
    const task = tasks.find((t) => t.id === chosenTaskId) ?? tasks[0] ?? null;
    const chain = task === null ? null : (await ctx.gql(CHAIN, { taskId: task.id, asOf: variables.asOf })).accountability;
    return { tasks, task, chain };
  },
  mount(body, ctx) {
    taskSelect = h('select', { id: 'accountability-task' });
    taskSelect.addEventListener('change', () => {
      chosenTaskId = taskSelect.value;
      ctx.reload(PANEL_ID);
    });
    const chain = h('div', { class: 'chain-view', 'aria-live': 'polite' });
    body.append(h('div', { class: 'panel-tools' }, h('label', { for: 'accountability-task' }, '重点工作'), taskSelect), chain);
    return chain;
  },
  render(target, { tasks, task, chain }, ctx) {
    replace(taskSelect, tasks.map((t) => h('option', { value: t.id, selected: t === task }, `${TASK_STATUS[t.status]?.mark ?? ''}${TASK_STATUS[t.status]?.label ?? t.status} ${t.title}`)));
    taskSelect.disabled = tasks.length === 0;
    if (task === null) {
      replace(target, empty(`${ctx.asOf} 时没有重点工作记录。`));
      return;
    }
    renderChain(target, task, chain, ctx);
  },
};
