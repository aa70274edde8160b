// 重点工作: the key tasks that exist on the date, grouped by supervising leader (分管领导) or by accountable unit
// (牵头单位 and 责任单位; 配合单位 are not accountable and are left out), most urgent first — 超期 first — in each
// group, and groups in the order of their most urgent task, so a group with an overdue task comes first.
// Each task opens its accountability chain (问责链) in that panel.
import { empty, h, replace } from '../dom.js';
import { TASK_SOURCE, TASK_STATUS, TASK_STATUS_ORDER, TASK_UNIT_ROLE } from '../vocab.js';
import { showAccountability } from './accountability.js';
import { leaderButton } from './common.js';
import { keyTasksOn, taskStatusTag } from './key-work.js';

const QUERY = `query KeyTasks($jurisdictionId: ID!, $asOf: LocalDate, $first: Int, $after: String) {
  keyTasks(jurisdictionId: $jurisdictionId, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id title source category createdOn deadline completedOn
      status(asOf: $asOf)
      statusView(asOf: $asOf) { percent expectedPercent reason }
      supervisingLeader { id name }
      leadUnit { id name }
      responsibleUnits { id name }
    }
  }
}`;

const GROUPINGS = [['leader', '按分管领导'], ['unit', '按责任单位']];
let grouping = 'leader';

/**
 * Groups `tasks` (already most urgent first), keeping that order inside each group and across groups.
 * `keysOf(task)` lists the task's groups: { key, leader } or { key, unit, role }.
 */
function groupTasks(tasks, keysOf) {
  const groups = new Map();
  for (const task of tasks) {
    for (const { key, role, ...owner } of keysOf(task)) {
      if (!groups.has(key)) groups.set(key, { ...owner, items: [] });
      groups.get(key).items.push({ task, role });
    }
  }
  return [...groups.values()];
}

const byLeader = (task) => [{ key: task.supervisingLeader.id, leader: task.supervisingLeader }];
const byUnit = (task) => [
  { key: task.leadUnit.id, unit: task.leadUnit, role: 'LEAD' },
  ...task.responsibleUnits.map((unit) => ({ key: unit.id, unit, role: 'RESPONSIBLE' })),
];

function counts(tasks) {
  return TASK_STATUS_ORDER.map((status) => [status, tasks.filter((t) => t.status === status).length]);
}

function summary(tasks) {
  return h('ul', { class: 'task-summary', 'aria-label': '重点工作按状态统计' },
    counts(tasks).map(([status, count]) => h('li', { class: `status-count${count > 0 ? '' : ' none'}`, dataset: { status } },
      taskStatusTag(status), h('span', { class: 'count' }, String(count)))));
}

function groupHead(ctx, group) {
  const who = group.leader
    ? leaderButton(ctx, group.leader)
    : h('button', { type: 'button', class: 'unit-link', onClick: () => ctx.openDepartment(group.unit.id), title: `${group.unit.name}：查看详情` }, group.unit.name);
  const notable = counts(group.items.map((i) => i.task)).filter(([status, count]) => count > 0 && status !== 'ON_TRACK' && status !== 'COMPLETED');
  return h('h3', { class: 'task-group-head' }, who,
    h('span', { class: 'note' }, `${group.items.length} 项${notable.map(([status, count]) => `，${TASK_STATUS[status].label} ${count}`).join('')}`));
}

function progressText(task) {
  if (task.status === 'COMPLETED') return task.completedOn ? `已于 ${task.completedOn} 办结` : '已办结';
  return `进度 ${task.statusView.percent}%（按时间应达 ${task.statusView.expectedPercent}%）`;
}

function taskItem(ctx, { task, role }) {
  const context = role
    ? [h('span', { class: 'tag' }, TASK_UNIT_ROLE[role]), ' 分管 ', leaderButton(ctx, task.supervisingLeader)]
    : ['牵头 ', task.leadUnit.name];
  return h('li', { class: 'task', dataset: { task: task.id, status: task.status } },
    h('div', { class: 'task-head' },
      taskStatusTag(task.status, task.statusView.reason),
      h('span', { class: 'task-title' }, task.title),
      h('button', { type: 'button', class: 'task-chain', onClick: () => showAccountability(ctx, task.id), 'aria-label': `查看“${task.title}”的问责链` }, '问责链')),
    h('p', { class: 'task-meta' }, `完成时限 ${task.deadline} · ${progressText(task)} · ${TASK_SOURCE[task.source] ?? task.source} · `, context));
}

export default {
  id: 'key-tasks',
  title: '重点工作',
  refreshOn: ['keyTaskChanged'],
  load: (ctx, variables) => keyTasksOn(ctx, QUERY, variables),
  mount(body, ctx) {
    const choices = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': '分组方式' },
      GROUPINGS.map(([value, label]) => {
        const id = `key-tasks-by-${value}`;
        const input = h('input', { type: 'radio', name: 'key-tasks-by', id, value, checked: value === grouping });
        input.addEventListener('change', () => {
          grouping = value;
          ctx.reload('key-tasks');
        });
        return h('span', { class: 'segment' }, input, h('label', { for: id }, label));
      }));
    const list = h('div', { class: 'task-groups' });
    body.append(h('div', { class: 'panel-tools' }, choices), list);
    return list;
  },
  render(target, tasks, ctx) {
    if (tasks.length === 0) {
      replace(target, empty(`${ctx.asOf} 时没有重点工作记录。`));
      return;
    }
    const groups = groupTasks(tasks, grouping === 'leader' ? byLeader : byUnit);
    replace(target, summary(tasks),
      groups.map((group) => h('section', { class: 'task-group', dataset: group.leader ? { leader: group.leader.id } : { department: group.unit.id } },
        groupHead(ctx, group),
        h('ol', { class: 'tasks' }, group.items.map((item) => taskItem(ctx, item))))));
  },
};
