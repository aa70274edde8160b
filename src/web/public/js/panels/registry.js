// The panel registry. The page shell builds one <section> per entry, in this order (which is also the tab
// order), and loads each through the one fetch helper. A panel is a module whose default export is
//
//   {
//     id: 'team',                  // unique; the section is #panel-<id> (place it in dashboard.css, or it flows below)
//     title: '班子成员',            // the panel's heading
//     query: `query (...) {...}`,   // GraphQL run with { jurisdictionId, asOf } (or with variables(ctx))
//     render(target, data, ctx),    // draws `data` into `target`; errors are drawn by the shell ("数据加载失败：…")
//     // optional:
//     variables(ctx),               // the query's variables; null = nothing to load (render gets data null)
//     load(ctx, variables),         // a custom loader (several requests, paging) instead of `query`
//     mount(body, ctx),             // builds controls once; returns the element render() draws into
//     refreshOn: ['decisionRecorded'], // also reload on these live events (main.js LIVE_EVENTS: decisionRecorded,
//                                      // keyTaskChanged, directiveChanged); every panel reloads on portfolioChanged
//   }
//
// ctx: { jurisdictionId, asOf, today, jurisdiction, gql(query, variables), openLeader(id), openDepartment(id), reload(panelId) }.
// To add a view: write panels/<name>.js and add it below.
import accountability from './accountability.js';
import changes from './changes.js';
import coverage from './coverage.js';
import directives from './directives.js';
import keyTasks from './key-tasks.js';
import load from './load.js';
import matrix from './matrix.js';
import notifications from './notifications.js';
import search from './search.js';
import team from './team.js';

export const panels = [search, team, matrix, coverage, load, keyTasks, accountability, directives, notifications, changes];
