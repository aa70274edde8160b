// 班子成员: the team in protocol order, each with posts, portfolio (负责/分管/协助/联系/牵头协调), absence and AB角.
import { empty, h, interval, replace } from '../dom.js';
import { ACTING_BASIS, KIND, KIND_ORDER, lineTarget, postTitle } from '../vocab.js';
import { ACTING_FIELDS, actingSummary, leaderButton, relationTag } from './common.js';

export default {
  id: 'team',
  title: '班子成员',
  query: `query Team($jurisdictionId: ID!, $asOf: LocalDate) {
    leadershipTeam(jurisdictionId: $jurisdictionId, asOf: $asOf, first: 100) {
      nodes {
        id name protocolRank presides
        posts { acting post { title kind } }
        portfolio { id kind subject orphaned department { id name } workArea { id name } principal { id name } }
        absence { reason validFrom validTo }
        coveredBy { actor { id name } basis }
        ${ACTING_FIELDS}
        backedUpBy { backup { id name } }
      }
    }
  }`,
  render(target, data, ctx) {
    const leaders = data.leadershipTeam.nodes;
    if (leaders.length === 0) {
      replace(target, empty(`${ctx.asOf} 时没有班子成员记录。`));
      return;
    }
    replace(target, h('ol', { class: 'team' }, leaders.map((leader) => {
      const lines = KIND_ORDER.filter((k) => k !== 'PRESIDES')
        .map((kind) => [kind, leader.portfolio.filter((l) => l.kind === kind)])
        .filter(([, list]) => list.length > 0);
      return h('li', { class: `leader-card${leader.absence ? ' is-away' : ''}`, dataset: { leader: leader.id } },
        h('div', { class: 'leader-head' },
          leaderButton(ctx, leader, { class: 'leader-link leader-name', 'aria-label': `${leader.name}，查看详情` }),
          h('span', { class: 'posts' }, leader.posts.map(postTitle).join(' · ')),
          leader.presides ? h('span', { class: 'badge badge-presides' }, `${KIND.PRESIDES.mark} 主持全面工作`) : null,
          leader.absence ? h('span', { class: 'badge badge-away' }, '外出') : null),
        leader.absence
          ? h('p', { class: 'absence' }, `${leader.absence.reason}（${interval(leader.absence.validFrom, leader.absence.validTo)}）`,
            leader.coveredBy?.actor
              ? ['；由 ', leaderButton(ctx, leader.coveredBy.actor), ` 代行（${ACTING_BASIS[leader.coveredBy.basis] ?? leader.coveredBy.basis}）`]
              : h('strong', { class: 'warn' }, '；无人代行'))
          : null,
        leader.actingFor.map((cover) => {
          const what = actingSummary(leader.id, cover);
          return what === null ? null : h('p', { class: 'acting' }, h('span', { class: 'badge badge-acting' }, '代行'), ' 代 ', leaderButton(ctx, cover.absentLeader), ` ${what}`);
        }),
        lines.length > 0
          ? h('dl', { class: 'portfolio' }, lines.map(([kind, list]) => [
            h('dt', {}, relationTag(kind)),
            h('dd', {}, list.map(lineTarget).join('、')),
          ]))
          : null,
        leader.backedUpBy ? h('p', { class: 'ab' }, `B角：${leader.backedUpBy.backup.name}`) : null);
    })));
  },
};
