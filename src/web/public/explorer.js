// The offline GraphQL explorer: GraphiQL 4 (UMD global `GraphiQL`) on React 18 (UMD globals `React`, `ReactDOM`),
// all served by our own server. Example operations for the demo district open as tabs.
/* global React, ReactDOM, GraphiQL */
(function () {
  'use strict';

  var DAY = '2026-11-28';
  // Arguments are written inline: GraphiQL 4 fills the variables editor of the first tab from storage only.
  var tab = function (title, query) {
    return { query: '# ' + title + '\n' + query.trim() + '\n' };
  };

  var EXAMPLES = [
    tab('谁分管财政？（联系 liaison: true 表示仅联系、不领导）', [
      'query WhoOversees {',
      '  whoOversees(',
      '    text: "财政"',
      '    asOf: "' + DAY + '"',
      '    jurisdictionId: "jur:qingchuan"',
      '  ) {',
      '    nodes {',
      '      matchedName',
      '      target {',
      '        __typename',
      '        ... on Department { name kind }',
      '        ... on WorkArea { name }',
      '      }',
      '      overseers {',
      '        leader { name }',
      '        relation',
      '        liaison',
      '        away',
      '        actingFor { name }',
      '      }',
      '    }',
      '  }',
      '}'].join('\n')),
    tab('李晓燕能否领导区教育局？依据链（R3 一般领导权）', [
      'query CanDirect {',
      '  canDirect(',
      '    leaderId: "leader:li-xiaoyan"',
      '    departmentId: "dept:education"',
      '    asOf: "' + DAY + '"',
      '  ) {',
      '    allowed',
      '    basis',
      '    code',
      '    reason',
      '    chain { kind factId text }',
      '  }',
      '}'].join('\n')),
    tab('分工调整前后的班子（2025-06-01 与 ' + DAY + '）', [
      'query TeamBeforeAndAfter {',
      '  before: leadershipTeam(',
      '    jurisdictionId: "jur:qingchuan"',
      '    asOf: "2025-06-01"',
      '  ) { ...Member }',
      '  now: leadershipTeam(',
      '    jurisdictionId: "jur:qingchuan"',
      '    asOf: "' + DAY + '"',
      '  ) { ...Member }',
      '}',
      '',
      'fragment Member on LeaderConnection {',
      '  nodes {',
      '    name',
      '    posts { acting post { title } }',
      '    supervises { department { name } }',
      '  }',
      '}'].join('\n')),
    tab('覆盖情况：空缺、重叠、工作量、外出与 AB 角', [
      'query Coverage {',
      '  coverage(jurisdictionId: "jur:qingchuan", asOf: "' + DAY + '") {',
      '    gaps { name }',
      '    overlaps { department { name } leaders { name } }',
      '    load { leader { name } supervises liaisesWith total }',
      '    absences {',
      '      absentLeader { name }',
      '      actor { name }',
      '      basis',
      '      exceptions { targetId actor { name } }',
      '    }',
      '    absentWithoutCover { absentLeader { name } }',
      '  }',
      '}'].join('\n')),
    tab('分工调整预演（不写入；需要 EDITOR 令牌：在 Headers 中填写 {"authorization": "Bearer …"}）', [
      'query Preview {',
      '  jurisdiction(id: "jur:qingchuan") { version }',
      '  previewChangeset(input: {',
      '    jurisdictionId: "jur:qingchuan"',
      '    document: "青政发〔2026〕30号"',
      '    decisionId: "decision:qingchuan-2026-11-adjust"',
      '    effectiveDate: "2026-12-01"',
      '    items: [{',
      '      op: MOVE',
      '      lineId: "line:wang-lihua-supervises-education"',
      '      toLeaderId: "leader:li-xiaoyan"',
      '    }]',
      '  }) {',
      '    valid',
      '    diff { action text }',
      '    violations { itemIndex code message }',
      '  }',
      '}'].join('\n')),
    tab('最近的变更（审计记录，按时间先后）', [
      'query Changes {',
      '  changes(jurisdictionId: "jur:qingchuan", first: 20) {',
      '    totalCount',
      '    nodes {',
      '      at actor action entityType entityId',
      '      decisionId before after',
      '    }',
      '  }',
      '}'].join('\n')),
  ];

  var root = document.getElementById('graphiql');
  if (typeof GraphiQL === 'undefined' || typeof React === 'undefined' || typeof ReactDOM === 'undefined') {
    root.textContent = '查询器加载失败：脚本未能载入。';
    return;
  }
  root.textContent = '';
  var fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).toString() });
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: EXAMPLES[0].query,
      defaultTabs: EXAMPLES,
      defaultEditorToolsVisibility: true,
      shouldPersistHeaders: false,
    }),
  );
})();
