// 覆盖情况 (R10): government units nobody supervises, units with several supervisors, absent leaders and who
// acts for them (AB角, with the lines excepted from the B角), absences nobody covers, unliaised outside units.
import { h, interval, joinNodes, replace } from '../dom.js';
import { ACTING_BASIS } from '../vocab.js';
import { leaderButton } from './common.js';

function tile(label, count, { good = 0, known = true } = {}) {
  // Without data there is nothing to be good or bad about: a neutral tile with a dash, not a green 0.
  if (!known) return h('li', { class: 'tile tile-none' }, h('span', { class: 'tile-count' }, '—'), h('span', { class: 'tile-label' }, label));
  return h('li', { class: `tile ${count > good ? 'tile-warn' : 'tile-ok'}` },
    h('span', { class: 'tile-count' }, String(count)), h('span', { class: 'tile-label' }, label));
}

function block(title, items, emptyText) {
  return h('section', { class: 'cov-block' }, h('h3', {}, title),
    items.length === 0 ? h('p', { class: 'ok-text' }, `✓ ${emptyText}`) : h('ul', { class: 'plain' }, items));
}

export default {
  id: 'coverage',
  title: '覆盖情况',
  query: `query Coverage($jurisdictionId: ID!, $asOf: LocalDate) {
    units: departments(jurisdictionId: $jurisdictionId, asOf: $asOf, kinds: [CONSTITUENT, AFFILIATED, AGENCY, SUBDISTRICT], first: 1) { totalCount }
    team: leadershipTeam(jurisdictionId: $jurisdictionId, asOf: $asOf, first: 1) { totalCount }
    coverage(jurisdictionId: $jurisdictionId, asOf: $asOf) {
      asOf
      gaps { id name }
      overlaps { department { id name } leaders { id name } }
      absences {
        absentLeader { id name portfolio { department { id name } workArea { id name } } }
        absence { reason validFrom validTo }
        actor { id name }
        basis
        exceptions { targetId actor { id name } }
      }
      absentWithoutCover { absentLeader { id name } }
      unliaisedExternalUnits { id name }
      orphanedAssists { id leader { name } principal { name } department { name } workArea { name } }
    }
  }`,
  render(target, data, ctx) {
    const c = data.coverage;
    const units = data.units.totalCount;
    const team = data.team.totalCount;
    // An honest empty state: a government the directory holds no units or no team for is not "all covered".
    if (units === 0 || team === 0) {
      const missing = [units === 0 ? '政府部门' : null, team === 0 ? '班子成员' : null].filter(Boolean).join('和');
      replace(target,
        h('ul', { class: 'tiles', 'aria-label': `${c.asOf} 覆盖概况（无数据）` },
          tile('无人分管的政府部门', 0, { known: false }), tile('多人分管', 0, { known: false }),
          tile('外出的领导', 0, { known: false }), tile('外出且无人代行', 0, { known: false })),
        h('p', { class: 'empty empty-state', role: 'note' }, `${c.asOf} 时本目录没有该政府的${missing}记录，无法判断分管是否覆盖。`));
      return;
    }
    const names = new Map();
    for (const a of c.absences) for (const line of a.absentLeader.portfolio) {
      if (line.department) names.set(line.department.id, line.department.name);
      if (line.workArea) names.set(line.workArea.id, line.workArea.name);
    }
    const absences = c.absences.map((a) => h('li', { class: 'cov-absence', dataset: { leader: a.absentLeader.id } },
      leaderButton(ctx, a.absentLeader), h('span', { class: 'badge badge-away' }, '外出'),
      ` ${a.absence.reason}（${interval(a.absence.validFrom, a.absence.validTo)}）`,
      h('br'),
      a.actor
        ? ['→ 由 ', leaderButton(ctx, a.actor), ` 代行（${ACTING_BASIS[a.basis] ?? a.basis}）`]
        : h('strong', { class: 'warn' }, '→ 无人代行'),
      a.exceptions.length > 0
        ? h('span', { class: 'note' }, `；例外：${a.exceptions.map((e) => `${names.get(e.targetId) ?? e.targetId} → ${e.actor?.name ?? '无人'}`).join('、')}`)
        : null));
    replace(target,
      h('ul', { class: 'tiles', 'aria-label': `${c.asOf} 覆盖概况` },
        tile('无人分管的政府部门', c.gaps.length),
        tile('多人分管', c.overlaps.length),
        tile('外出的领导', c.absences.length),
        tile('外出且无人代行', c.absentWithoutCover.length)),
      block('分管空缺', c.gaps.map((d) => h('li', { class: 'warn' }, d.name)), '每个政府部门都有分管领导'),
      block('多人分管', c.overlaps.map((o) => h('li', {}, `${o.department.name}：`, joinNodes(o.leaders.map((l) => leaderButton(ctx, l))))), '没有多人分管的部门'),
      block('外出与代行（AB角）', absences, '当日无人外出'),
      c.absentWithoutCover.length > 0 ? block('外出且无人代行', c.absentWithoutCover.map((a) => h('li', { class: 'warn' }, a.absentLeader.name)), '') : null,
      c.unliaisedExternalUnits.length > 0 ? block('无人联系的联系单位', c.unliaisedExternalUnits.map((d) => h('li', {}, d.name)), '') : null,
      c.orphanedAssists.length > 0
        ? block('已失效的协助', c.orphanedAssists.map((l) => h('li', {}, `${l.leader.name} 协助 ${l.principal?.name ?? ''}：${l.department?.name ?? l.workArea?.name ?? ''}`)), '')
        : null);
  },
};
