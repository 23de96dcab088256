// The soak bench's picture: one small chart per measure, a line per participant over the minutes.
// Plain SVG written by hand (four charts of polylines need no charting library).
const COLOURS = ['#2563eb', '#d97706', '#059669'];
const W = 360;
const H = 180;
const PAD = { left: 56, right: 12, top: 28, bottom: 30 };
const LABELS = {
  heapKB: 'JS heap after GC (KB)',
  nodes: 'DOM nodes',
  listeners: 'event listeners',
  detachedNodes: 'detached DOM nodes',
};
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function chart(samples, names, measure, x0, y0) {
  const xs = samples.map((s) => s.minute);
  const all = samples.flatMap((s) => names.map((n) => s[n][measure]));
  const lo = Math.min(0, ...all);
  const hi = Math.max(1, ...all) * 1.1;
  const maxX = Math.max(1, ...xs);
  const px = (x) => x0 + PAD.left + (x / maxX) * (W - PAD.left - PAD.right);
  const py = (y) => y0 + H - PAD.bottom - ((y - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const lines = names.map(
    (n, i) =>
      `<polyline fill="none" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="1.5" points="${samples
        .map((s) => `${px(s.minute).toFixed(1)},${py(s[n][measure]).toFixed(1)}`)
        .join(' ')}"/>`,
  );
  const axes = [
    `<text x="${x0 + PAD.left}" y="${y0 + 16}" font-size="12" font-weight="600">${esc(LABELS[measure] ?? measure)}</text>`,
    `<line x1="${px(0)}" y1="${py(lo)}" x2="${px(maxX)}" y2="${py(lo)}" stroke="#999"/>`,
    `<line x1="${px(0)}" y1="${py(lo)}" x2="${px(0)}" y2="${py(hi)}" stroke="#999"/>`,
    `<text x="${px(0) - 4}" y="${py(hi) + 4}" font-size="10" text-anchor="end">${Math.round(hi)}</text>`,
    `<text x="${px(0) - 4}" y="${py(lo)}" font-size="10" text-anchor="end">${Math.round(lo)}</text>`,
    `<text x="${px(maxX)}" y="${py(lo) + 14}" font-size="10" text-anchor="end">${Math.round(maxX)} min</text>`,
  ];
  return [...axes, ...lines].join('\n');
}

/** An SVG document with a chart per measure (two per row) and a legend of the participants. */
export function plot(samples, names, measures) {
  const cols = 2;
  const rows = Math.ceil(measures.length / cols);
  const width = cols * W;
  const height = rows * H + 24;
  const legend = names
    .map(
      (n, i) =>
        `<rect x="${PAD.left + i * 90}" y="${height - 16}" width="10" height="10" fill="${COLOURS[i % COLOURS.length]}"/><text x="${PAD.left + i * 90 + 14}" y="${height - 7}" font-size="11">${esc(n)}</text>`,
    )
    .join('');
  const charts = measures.map((m, i) => chart(samples, names, m, (i % cols) * W, Math.floor(i / cols) * H));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif"><rect width="100%" height="100%" fill="#fff"/>\n${charts.join('\n')}\n${legend}\n</svg>\n`;
}
