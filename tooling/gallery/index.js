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

/** Render Observable Plot options to an SVG (or figure) string. */
export function plotToSVG(options) {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const node = Plot.plot({ ...options, document });
  if (node.tagName?.toLowerCase() === 'svg') {
    node.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  } else {
    for (const svg of node.querySelectorAll?.('svg') ?? [])
      svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  }
  return node.outerHTML;
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
