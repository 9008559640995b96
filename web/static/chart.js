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
