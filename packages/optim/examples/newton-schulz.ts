// Newton–Schulz orthogonalization as Muon uses it (Jordan et al. 2024): the scalar map of the
// singular values, and what it does to random matrices of several shapes.
import { defineExample, Plot, plotToSVG, type Row } from '@rg/gallery';
import { type Matrix, rng, svd } from '@rg/linalg';
import { newtonSchulz } from '../src/index.js';

const MUON: [number, number, number] = [3.4445, -4.775, 2.0315];
const CUBIC: [number, number, number] = [1.5, -0.5, 0];

function iterate(s: number, steps: number, [a, b, c]: [number, number, number]): number {
  let x = s;
  for (let k = 0; k < steps; k++) x = a * x + b * x ** 3 + c * x ** 5;
  return x;
}

export default defineExample({
  title: 'Newton–Schulz orthogonalization (Muon)',
  description:
    "Muon replaces the update of a weight matrix by an approximation of its polar factor UVᵀ, computed by five steps of the quintic Newton–Schulz map X ← aX + (bA + cA²)X, A = XXᵀ, after scaling G to unit Frobenius norm. Each singular value s/‖G‖_F follows the scalar map p(s) = as + bs³ + cs⁵ while the singular vectors stay those of G. Muon's coefficients (3.4445, −4.7750, 2.0315) lift small singular values fast (slope a ≈ 3.4 at 0) at the price of not converging to 1: after 5 steps they lie in a band around 1. The classic cubic (1.5, −0.5, 0) converges to exactly 1 but needs many more steps for small singular values.",
  run(ctx) {
    const points: { s: number; value: number; map: string }[] = [];
    for (let k = 0; k <= 400; k++) {
      const s = 10 ** (-4 + (4 * k) / 400);
      points.push({ s, value: iterate(s, 5, MUON), map: 'Muon quintic, 5 steps' });
      points.push({ s, value: iterate(s, 5, CUBIC), map: 'cubic (1.5, −0.5), 5 steps' });
      points.push({ s, value: iterate(s, 20, CUBIC), map: 'cubic, 20 steps' });
    }
    const svgMap = plotToSVG({
      width: 640,
      height: 300,
      marginLeft: 50,
      x: { type: 'log', label: 's / ‖G‖_F' },
      y: { label: 'singular value after the iteration', domain: [0, 1.3] },
      color: { legend: true },
      marks: [
        Plot.ruleY([0.68, 1.21], { stroke: '#999', strokeDasharray: '4,3' }),
        Plot.line(points, { x: 's', y: 'value', stroke: 'map' }),
      ],
    });
    const shapes: [number, number][] = ctx.quick
      ? [
          [64, 64],
          [128, 32],
        ]
      : [
          [64, 64],
          [256, 256],
          [512, 128],
          [128, 512],
        ];
    const table: Row[] = [];
    shapes.forEach(([m, n], i) => {
      ctx.progress(i / shapes.length, `${m}×${n}`);
      const r = rng(10 + i);
      const g: Matrix = {
        rows: m,
        cols: n,
        data: Float64Array.from({ length: m * n }, () => r.normal()),
      };
      const o = newtonSchulz(g);
      const s = svd(o).s;
      const sg = svd(g).s;
      const fro = Math.hypot(...sg);
      const inBand = sg.filter((v) => v / fro >= 2e-3).length;
      table.push({
        shape: `${m}×${n}`,
        'min s(G)/‖G‖_F': Math.min(...sg) / fro,
        'singular values ≥ 2e-3·‖G‖_F': `${inBand}/${sg.length}`,
        'min s(NS(G))': Math.min(...s),
        'max s(NS(G))': Math.max(...s),
      });
    });
    ctx.progress(1);
    return {
      figures: [
        {
          name: 'newton-schulz-map',
          title: 'Singular values after Newton–Schulz, as a function of s/‖G‖_F',
          svg: svgMap,
          caption:
            'Dashed: the band [0.68, 1.21] that Muon’s 5 quintic steps map s/‖G‖_F ≥ 2·10⁻³ into.',
        },
      ],
      table,
      summary:
        'Five quintic steps send every singular value above 2·10⁻³ of the Frobenius norm into [0.68, 1.21]; for Gaussian matrices, whose smallest singular values are tiny only when the matrix is square, that is all of them for rectangular shapes and nearly all for square ones (the last few of a square matrix are left smaller). Five cubic steps leave anything below about 0.1 far from 1. The products run on @rg/linalg’s gemm kernels (see the bench for the ratio against NumPy).',
    };
  },
});
