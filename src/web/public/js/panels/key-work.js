// What the key-work panels (重点工作, 问责链, 交办事项, 领导通知) share: reading a whole connection page by page,
// the key tasks of a date most urgent first (overdue first), and the status marks.
import { h } from '../dom.js';
import { DIRECTIVE_STATUS, TASK_STATUS, TASK_STATUS_ORDER } from '../vocab.js';

const PAGE_SIZE = 100;
/** A bound on paging, so that a cursor which never ends cannot loop forever (100 pages of 100). */
const MAX_PAGES = 100;

/**
 * Every node of one connection: runs `query` with { ...variables, first, after } page after page.
 * `connectionOf(data)` picks the connection, which the query selects with `pageInfo { hasNextPage endCursor } nodes`.
 */
export async function allNodes(ctx, query, variables, connectionOf) {
  const nodes = [];
  let after = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const connection = connectionOf(await ctx.gql(query, { ...variables, first: PAGE_SIZE, after }));
    nodes.push(...connection.nodes);
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return nodes;
}

const statusRank = (status) => TASK_STATUS_ORDER.indexOf(status);

/** Most urgent first: by status (超期 first, 已办结 last), then the nearer deadline, then id. */
export function byUrgency(a, b) {
  return statusRank(a.status) - statusRank(b.status) || a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id);
}

/**
 * The government's key tasks that exist on `variables.asOf` (created by then), most urgent first. `query` takes
 * ($jurisdictionId, $asOf, $first, $after) and selects `keyTasks { pageInfo … nodes { id createdOn deadline status(asOf: $asOf) … } }`.
 */
export async function keyTasksOn(ctx, query, variables) {
  const tasks = await allNodes(ctx, query, variables, (data) => data.keyTasks);
  return tasks.filter((task) => task.createdOn <= variables.asOf).sort(byUrgency);
}

/** A task's status as mark and word (never colour alone); `reason` (TaskStatusView.reason) as its tooltip. */
export function taskStatusTag(status, reason = null) {
  const s = TASK_STATUS[status] ?? { label: status, long: status, mark: '' };
  return h('span', { class: `status status-${status}`, dataset: { status }, title: reason ?? s.long }, `${s.mark}${s.label}`);
}

/** A directive's status in words, with the overdue mark when its deadline has passed while open. */
export function directiveStatusTag(status, overdue) {
  return [
    h('span', { class: `dstatus dstatus-${status}`, dataset: { status } }, DIRECTIVE_STATUS[status] ?? status),
    overdue ? h('span', { class: 'status status-OVERDUE' }, `${TASK_STATUS.OVERDUE.mark}超期`) : null,
  ];
}
