// Gallery: accuracy of eigh and logmSym against condition number, measured on the
// committed fixtures (mpmath 50-digit references), ours beside NumPy/SciPy's.
import { readFileSync } from 'node:fs';
import { defineExample, Plot, plotToSVG } from '@rg/gallery';
import { eigh, logmSym, type Matrix } from '@rg/linalg';

type Serialized = { rows: number; cols: number; data: number[] };
type DD = [number, number];
interface EighCase {
  name: string;
  regime: string;
  a: Serialized;
  ref: { values: DD[] };
  numpy: { values: number[] };
}
interface FnCase {
  name: string;
  regime: string;
  a: Serialized;
  ref: { logm: DD[] };
  scipy: { logm: Serialized };
  numpyEigh: { logm: Serialized };
}

const load = <T>(file: string): T[] =>
  JSON.parse(readFileSync(new URL(`../test/fixtures/${file}`, import.meta.url), 'utf8')).cases;
const toMatrix = (s: Serialized): Matrix => ({
  rows: s.rows,
  cols: s.cols,
  data: Float64Array.from(s.data),
});
const U = 2 ** -53;

/** max_i |λ̂_i − λ_i| / |λ_i| with λ_i the double-double reference. */
function eigRelError(values: ArrayLike<number>, ref: DD[]): number {
  let worst = 0;
  for (let i = 0; i < ref.length; i++) {
    const [hi, lo] = ref[i];
    const err = Math.abs(values[i] - hi - lo) / Math.abs(hi);
    worst = Math.max(worst, err);
  }
  return worst;
}

/** ‖X − X_ref‖_F / ‖X_ref‖_F with X_ref in double-double. */
function relFrobenius(x: ArrayLike<number>, ref: DD[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < ref.length; i++) {
    const [hi, lo] = ref[i];
    num += (x[i] - hi - lo) ** 2;
    den += hi * hi;
  }
  return Math.sqrt(num / den);
}

function conditionOf(ref: DD[]): number {
  const v = ref.map(([hi]) => Math.abs(hi));
  return Math.max(...v) / Math.min(...v);
}

export default defineExample({
  title: 'Accuracy of eigh and logmSym on ill-conditioned SPD matrices',
  description:
    'SPD matrices with condition numbers from 1e8 to 1e14 (and a graded matrix), with reference results computed by mpmath at 50 digits. The figure shows the largest relative eigenvalue error of `eigh` and the relative error of `logmSym`, ours beside NumPy (`numpy.linalg.eigh`) and SciPy (`scipy.linalg.logm`) on the same inputs, and the float64 limit u·κ of any normwise backward-stable method.',
  run(ctx) {
    const rows: Record<string, string | number>[] = [];
    const points: { condition: number; error: number; method: string; quantity: string }[] = [];
    const eighCases = load<EighCase>('symmetric-eigh.json').filter((c) =>
      /^(spd|graded)/.test(c.name),
    );
    eighCases.forEach((c, i) => {
      ctx.progress(i / (eighCases.length * 2), c.name);
      const kappa = conditionOf(c.ref.values);
      const ours = eigRelError(eigh(toMatrix(c.a)).values, c.ref.values);
      const numpy = eigRelError(c.numpy.values, c.ref.values);
      points.push(
        {
          condition: kappa,
          error: Math.max(ours, 1e-17),
          method: '@rg/linalg',
          quantity: 'eigh: max relative eigenvalue error',
        },
        {
          condition: kappa,
          error: Math.max(numpy, 1e-17),
          method: 'NumPy / SciPy',
          quantity: 'eigh: max relative eigenvalue error',
        },
        {
          condition: kappa,
          error: U * kappa,
          method: 'float64 limit u·κ',
          quantity: 'eigh: max relative eigenvalue error',
        },
      );
      rows.push({
        case: c.name,
        condition: kappa,
        quantity: 'eigh eigenvalues',
        ours,
        numpy,
        'ours/numpy': ours / Math.max(numpy, 1e-300),
      });
    });
    const fnCases = load<FnCase>('symmetric-functions.json').filter((c) =>
      /^(spd|graded)/.test(c.name),
    );
    fnCases.forEach((c, i) => {
      ctx.progress(0.5 + i / (fnCases.length * 2), c.name);
      const a = toMatrix(c.a);
      const kappa = conditionOf(Array.from(eigh(a).values, (v) => [v, 0] as DD));
      const ours = relFrobenius(logmSym(a).data, c.ref.logm);
      const scipy = relFrobenius(c.scipy.logm.data, c.ref.logm);
      points.push(
        {
          condition: kappa,
          error: Math.max(ours, 1e-17),
          method: '@rg/linalg',
          quantity: 'logmSym: relative Frobenius error',
        },
        {
          condition: kappa,
          error: Math.max(scipy, 1e-17),
          method: 'NumPy / SciPy',
          quantity: 'logmSym: relative Frobenius error',
        },
        {
          condition: kappa,
          error: U * kappa,
          method: 'float64 limit u·κ',
          quantity: 'logmSym: relative Frobenius error',
        },
      );
      rows.push({
        case: c.name,
        condition: kappa,
        quantity: 'logmSym',
        ours,
        numpy: scipy,
        'ours/numpy': ours / Math.max(scipy, 1e-300),
      });
    });
    const svg = plotToSVG({
      width: 760,
      height: 340,
      x: { type: 'log', label: 'condition number κ(A)', tickFormat: '.0e' },
      y: { type: 'log', label: 'relative error', tickFormat: '.0e' },
      color: { legend: true },
      fx: { label: null },
      marks: [
        Plot.line(
          points.filter((p) => p.method.startsWith('float64')),
          {
            x: 'condition',
            y: 'error',
            fx: 'quantity',
            stroke: 'method',
            strokeDasharray: '4,3',
            sort: 'condition',
          },
        ),
        Plot.dot(
          points.filter((p) => !p.method.startsWith('float64')),
          { x: 'condition', y: 'error', fx: 'quantity', stroke: 'method', symbol: 'method', r: 4 },
        ),
      ],
    });
    const worst = Math.max(...rows.map((r) => Number(r['ours/numpy'])));
    return {
      figures: [{ name: 'accuracy', title: 'Error against condition number (log–log)', svg }],
      table: rows,
      summary: `Across ${rows.length} fixture cases the largest ratio of our error to NumPy/SciPy's is ${worst.toFixed(2)} (the issue asks for at most 2). Errors below the float64 limit u·κ mean the method keeps more relative accuracy than normwise backward stability guarantees.`,
    };
  },
});
