// 工作量: each leader's lines by kind, as an Apache ECharts stacked bar chart (the UMD global `echarts`,
// served from node_modules). A visually hidden table carries the same numbers for screen readers.
import { ApiError } from '../api.js';
import { empty, h, replace } from '../dom.js';
import { KIND } from '../vocab.js';

const SERIES = [
  ['supervises', 'SUPERVISES', '#b91c1c'],
  ['responsibleFor', 'RESPONSIBLE_FOR', '#1d4ed8'],
  ['liaisesWith', 'LIAISES_WITH', '#0f766e'],
  ['assists', 'ASSISTS', '#a16207'],
  ['coordinates', 'COORDINATES', '#7e22ce'],
  ['presides', 'PRESIDES', '#334155'],
];
const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

let chart = null;
let chartEl = null;
let tableEl = null;
let leaders = [];
let openLeader = () => {};

export default {
  id: 'load',
  title: '工作量',
  query: `query Load($jurisdictionId: ID!, $asOf: LocalDate) {
    coverage(jurisdictionId: $jurisdictionId, asOf: $asOf) {
      asOf
      load { leader { id name } presides responsibleFor supervises liaisesWith assists coordinates total }
    }
  }`,
  mount(body, ctx) {
    chartEl = h('div', { class: 'chart', role: 'img', 'aria-label': '各位领导的分工数量（条形图）' });
    tableEl = h('div', { class: 'sr-only load-table' });
    window.addEventListener('resize', () => chart?.resize());
    openLeader = (index) => leaders[index] && ctx.openLeader(leaders[index].id);
    return body;
  },
  render(target, data) {
    const { load, asOf } = data.coverage;
    leaders = load.map((l) => l.leader);
    if (typeof window.echarts === 'undefined') throw new ApiError('图表组件（ECharts）未能加载');
    if (load.length === 0) {
      replace(target, empty(`${asOf} 时没有班子成员。`));
      return;
    }
    // The shell draws loading and error messages into `target`: put the chart back when it was replaced.
    if (!target.contains(chartEl)) replace(target, chartEl, tableEl);
    if (chart === null) {
      chart = window.echarts.init(chartEl, null, { renderer: 'canvas' });
      chart.on('click', (params) => openLeader(params.dataIndex));
    } else {
      chart.resize();
    }
    const used = SERIES.filter(([field]) => load.some((l) => l[field] > 0));
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT },
      aria: { enabled: true, decal: { show: true } },
      grid: { left: 8, right: 34, top: 34, bottom: 8, containLabel: true },
      legend: { top: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, name: '条', nameGap: 4 },
      yAxis: { type: 'category', inverse: true, data: leaders.map((l) => l.name), axisLabel: { fontSize: 13 } },
      series: used.map(([field, kind, color], i) => ({
        name: KIND[kind].label,
        type: 'bar',
        stack: 'load',
        barMaxWidth: 18,
        itemStyle: { color },
        data: load.map((l) => l[field]),
        label: i === used.length - 1 ? { show: true, position: 'right', formatter: (p) => String(load[p.dataIndex].total) } : undefined,
      })),
    }, { notMerge: true });
    replace(tableEl, h('table', {},
      h('caption', {}, `${asOf} 各位领导的分工数量`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '领导'), used.map(([, kind]) => h('th', { scope: 'col' }, KIND[kind].label)), h('th', { scope: 'col' }, '合计'))),
      h('tbody', {}, load.map((l) => h('tr', { dataset: { leader: l.leader.id } }, h('th', { scope: 'row' }, l.leader.name),
        used.map(([field]) => h('td', {}, String(l[field]))), h('td', {}, String(l.total)))))));
  },
};
