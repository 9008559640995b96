// A horizontal bar chart drawn as SVG by the page, with the numbers written
// beside the bars (the chart is a picture of a table that is shown too).
const svgNs = 'http://www.w3.org/2000/svg';

function svg(tag, attributes, text) {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

// `bars`: [{label, value}] with value >= 0; `title`: the accessible name.
export function barChart(bars, title) {
  const rowHeight = 26, labelWidth = 200, barWidth = 360, width = labelWidth + barWidth + 80;
  const height = Math.max(1, bars.length) * rowHeight + 8;
  const largest = Math.max(1, ...bars.map((b) => b.value));
  const chart = svg('svg', {viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart', width: '100%'});
  chart.append(svg('title', {}, title));
  bars.forEach((bar, i) => {
    const y = 4 + i * rowHeight;
    const length = Math.round((bar.value / largest) * barWidth);
    chart.append(
      svg('text', {x: labelWidth - 8, y: y + 17, 'text-anchor': 'end', class: 'chart-label'}, bar.label),
      svg('rect', {x: labelWidth, y: y + 3, width: length, height: rowHeight - 8, class: 'chart-bar'}),
      svg('text', {x: labelWidth + length + 6, y: y + 17, class: 'chart-value'}, String(bar.value)));
  });
  return chart;
}

// A vertical stacked bar chart: one column per row (e.g. a month), one part per
// series (e.g. a track), the total written above. `rows`: [{label, parts: [n, ...]}];
// `series`: the parts' names, shown as a legend; `title`: the accessible name.
export function stackedChart(rows, series, title) {
  const columnWidth = 44, plotHeight = 180, top = 20, legendHeight = 24, left = 8;
  const width = left + Math.max(1, rows.length) * columnWidth + 8;
  const height = top + plotHeight + 40 + legendHeight;
  const largest = Math.max(1, ...rows.map((r) => r.parts.reduce((a, b) => a + b, 0)));
  const chart = svg('svg', {viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart chart-stacked', width: '100%'});
  chart.append(svg('title', {}, title));
  rows.forEach((row, i) => {
    const x = left + i * columnWidth + 6;
    let y = top + plotHeight;
    row.parts.forEach((n, s) => {
      const length = Math.round((n / largest) * plotHeight);
      y -= length;
      chart.append(svg('rect', {x, y, width: columnWidth - 12, height: length, class: `chart-series-${s + 1}`}));
    });
    const total = row.parts.reduce((a, b) => a + b, 0);
    chart.append(
      svg('text', {x: x + (columnWidth - 12) / 2, y: y - 4, 'text-anchor': 'middle', class: 'chart-value'}, String(total)),
      svg('text', {x: x + (columnWidth - 12) / 2, y: top + plotHeight + 16, 'text-anchor': 'middle', class: 'chart-label'}, row.label));
  });
  series.forEach((name, s) => {
    const x = left + s * 110, y = top + plotHeight + 30;
    chart.append(svg('rect', {x, y, width: 12, height: 12, class: `chart-series-${s + 1}`}),
      svg('text', {x: x + 16, y: y + 11, class: 'chart-label'}, name));
  });
  return chart;
}
