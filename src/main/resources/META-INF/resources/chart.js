// Health over time: monthly points from the history endpoint, drawn with ECharts, with the same
// numbers as a table for those who cannot see the chart.

import { api } from './api.js';
import { h } from './dom.js';
import { DIMENSIONS, STATUS_TEXT, capitalise, day } from './words.js';

const STATUS_BAND = { GREEN: 'rgba(30,123,60,0.10)', AMBER: 'rgba(163,91,0,0.12)', RED: 'rgba(179,38,30,0.12)' };
let chart = null;

/** Monthly points ending on the day shown, back to the formation (two years at most). */
function range(formedOn, to) {
  const formed = formedOn || to;
  let from = to;
  for (let months = 1; months <= 24; months++) {
    const earlier = new Date(`${to}T00:00:00Z`);
    earlier.setUTCMonth(earlier.getUTCMonth() - months);
    const d = earlier.toISOString().slice(0, 10);
    if (d < formed) break;
    from = d;
  }
  return from;
}

function table(points) {
  return h('details', {}, h('summary', {}, 'The chart as a table'),
    h('div', { class: 'table-wrap' }, h('table', { id: 'history-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Status'),
        h('th', { scope: 'col' }, 'Overall'), DIMENSIONS.map((d) => h('th', { scope: 'col' }, capitalise(d))))),
      h('tbody', {}, points.map((p) => h('tr', {}, h('td', {}, day(p.asOf)),
        h('td', {}, STATUS_TEXT[p.status] || p.status), h('td', {}, p.overall ?? 'n/a'),
        DIMENSIONS.map((d) => h('td', {}, p.scores[d] ?? 'n/a'))))))));
}

export async function drawChart(container, id, formedOn, to, tableHolder) {
  const from = range(formedOn, to);
  let points = [];
  try {
    points = (await api(`/partnerships/${id}/health/history?from=${from}&to=${to}&step=P1M`)).points;
  } catch (e) {
    points = [];
  }
  container.setAttribute('aria-label', `Health by month from ${day(from)} to ${day(to)}: overall and the six `
    + 'dimensions; the background shades the status');
  container.setAttribute('data-points', String(points.length));
  tableHolder.replaceChildren(table(points));
  if (!window.echarts || points.length === 0) {
    container.textContent = points.length === 0 ? 'No history yet.' : 'The chart library did not load.';
    return;
  }
  if (chart) chart.dispose();
  chart = window.echarts.init(container);
  const months = points.map((p) => p.asOf.slice(0, 10));
  const bands = [];
  let start = 0;
  for (let i = 1; i <= points.length; i++) {
    if (i === points.length || points[i].status !== points[start].status) {
      if (STATUS_BAND[points[start].status]) {
        bands.push([{ xAxis: months[start], itemStyle: { color: STATUS_BAND[points[start].status] },
          name: STATUS_TEXT[points[start].status] }, { xAxis: months[i - 1] }]);
      }
      start = i;
    }
  }
  // '-' is ECharts' missing value: a score not yet assessed is a gap, not a zero.
  const value = (v) => (v === null || v === undefined ? '-' : v);
  const series = [{ name: 'Overall', type: 'line', data: points.map((p) => value(p.overall)), lineStyle: { width: 4 },
    symbolSize: 7, markArea: { silent: true, label: { show: false }, data: bands } }];
  for (const d of DIMENSIONS) {
    series.push({ name: capitalise(d), type: 'line', data: points.map((p) => value(p.scores[d])),
      lineStyle: { width: 1.5 }, symbolSize: 4 });
  }
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 36, right: 16, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', min: 0, max: 100 },
    series,
  });
  window.rapportChart = chart;
  // Paper gets a picture of the chart, which scales to the page as a live canvas does not.
  const picture = h('img', { class: 'print-only chart-picture', alt: container.getAttribute('aria-label'),
    src: chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) });
  container.after(picture);
}

/** The chart redrawn at the width it is given: the window's, or the printed page's. */
function fit() {
  if (chart) chart.resize();
}
window.addEventListener('resize', fit);
