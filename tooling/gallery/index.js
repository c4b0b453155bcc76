// Gallery helpers shared by every package's examples/*.ts. Figures are drawn
// by Observable Plot against a linkedom document, so Node produces real SVG
// without a browser; tables are plain rows rendered to Markdown by the runner.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export { Plot };

/** Identity helper that gives an example its type. */
export function defineExample(example) {
  if (!example || typeof example.title !== 'string' || typeof example.run !== 'function')
    throw new TypeError('defineExample(): needs { title, run }');
  return example;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Render Observable Plot options to a standalone SVG string (an SVG file that an
 * <img> can show). Plot draws categorical legends as HTML; when `color.legend` is
 * set, the legend is drawn by Plot itself as a second, SVG-only chart (swatches and
 * labels as dot and text marks) and stacked above the plot in one outer <svg>.
 */
export function plotToSVG(options) {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const wantLegend = Boolean(options.color?.legend);
  const plotOptions = wantLegend
    ? { ...options, color: { ...options.color, legend: false } }
    : options;
  const plot = Plot.plot({ ...plotOptions, document });
  if (plot.tagName?.toLowerCase() !== 'svg')
    throw new Error(
      'plotToSVG(): Plot returned HTML (a legend other than color?); only SVG output is accepted',
    );
  plot.setAttribute('xmlns', SVG_NS);
  if (!wantLegend) return plot.outerHTML;

  const scale = plot.scale('color');
  const width = Number(plot.getAttribute('width'));
  const height = Number(plot.getAttribute('height'));
  const items = [];
  let x = 10;
  let row = 0;
  for (let i = 0; i < scale.domain.length; i++) {
    const label = String(scale.domain[i]);
    const w = 22 + 6.2 * label.length;
    if (x + w > width - 10 && x > 10) {
      x = 10;
      row++;
    }
    items.push({ x, row, label, color: scale.apply(scale.domain[i]) });
    x += w + 14;
  }
  const rows = row + 1;
  const legendHeight = 20 * rows + 8;
  const legend = Plot.plot({
    document,
    width,
    height: legendHeight,
    margin: 0,
    x: { axis: null, domain: [0, width], range: [0, width] },
    y: { axis: null, domain: [-0.5, rows - 0.5], range: [4, legendHeight - 4] },
    marks: [
      Plot.dot(items, { x: 'x', y: 'row', fill: 'color', r: 5, dx: 5 }),
      Plot.text(items, {
        x: 'x',
        y: 'row',
        text: 'label',
        textAnchor: 'start',
        dx: 14,
        fontSize: 11,
      }),
    ],
  });
  const outer = document.createElementNS(SVG_NS, 'svg');
  outer.setAttribute('xmlns', SVG_NS);
  outer.setAttribute('width', String(width));
  outer.setAttribute('height', String(height + legendHeight));
  outer.setAttribute('viewBox', `0 0 ${width} ${height + legendHeight}`);
  outer.setAttribute('font-family', 'system-ui, sans-serif');
  legend.setAttribute('y', '0');
  plot.setAttribute('y', String(legendHeight));
  outer.appendChild(legend);
  outer.appendChild(plot);
  return outer.outerHTML;
}

function cell(v) {
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return String(v);
    const a = Math.abs(v);
    return a !== 0 && (a < 1e-3 || a >= 1e6) ? v.toExponential(3) : v.toPrecision(4);
  }
  return String(v ?? '');
}

/** Render rows (objects with the same keys) to a Markdown table. */
export function markdownTable(rows) {
  if (!rows.length) return '';
  const keys = Object.keys(rows[0]);
  const head = `| ${keys.join(' | ')} |`;
  const rule = `| ${keys.map(() => '---').join(' | ')} |`;
  const body = rows.map(
    (r) => `| ${keys.map((k) => cell(r[k]).replace(/\|/g, '\\|')).join(' | ')} |`,
  );
  return [head, rule, ...body].join('\n');
}
