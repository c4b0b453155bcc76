// Prints the accuracy table of the symmetric spectral area: our error and NumPy/SciPy's
// error on the same inputs, both measured against the mpmath (50 digits) reference of
// test/fixtures/gen_symmetric.py with the same double-double measuring code.
// Usage: npx tsx scripts/accuracy-report.ts
import { accuracyRows } from '../test/symmetric-accuracy.js';

const rows = accuracyRows();
const fmt = (x: number) => (x === 0 ? '0' : x.toExponential(2));
const header = ['op', 'fixture', 'regime', 'measure', 'ours', 'peer', 'peer/ours', 'peer name'];
const lines = rows.map((r) => [
  r.op,
  r.name,
  r.regime,
  r.measure,
  fmt(r.ours),
  fmt(r.peer),
  r.ours === 0 ? (r.peer === 0 ? '1' : '∞') : (r.peer / r.ours).toFixed(2),
  r.peerName,
]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const l of lines) console.log(line(l));
