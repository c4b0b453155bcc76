// The correctness suite every backend runs: each float32 kernel against the float64 reference
// under an error bound derived from float32 rounding (u = 2⁻²⁴) and the reduction length.
//
// Bounds (first order in u; inputs are rounded to float32 before the device sees them):
//   length-k dot product Σ a_p b_p:  |err| ≤ c·(k + 2)·u·Σ|a_p b_p|
//     (input rounding 2u per product, recursive summation (k − 1)u, product rounding u)
//   sums Σ a_p:                      |err| ≤ c·(k + 1)·u·Σ|a_p|
//   ‖x − y‖² over d coordinates:     |err| ≤ c·(d + 5)·u·Σ(|x_t| + |y_t|)²
//   exp(−C/ε):                       |err| ≤ c·(2|C/ε| + 8)·u·K   (argument rounding, exp's own ulps)
//   log Σ exp(z_j):                  |err| ≤ c·(4·max|f| + |g| + |C|)/ε + (m + 8))·u + u|r|
//   Chebyshev, degree D, n×n L̃:      |err| ≤ c·D²·(n + 2)·u·Σ|c_k|·max‖X‖·max(1, ‖L̃‖∞)
//     (each step's product errs by (n + 2)u‖L̃‖∞‖T‖∞; the recurrence amplifies a step error at
//      most like U_k, |U_k| ≤ k + 1 on [−1, 1], so D steps give D²)
// c = 1 on cpu/webasm (IEEE float32 arithmetic), c = 4 on GL backends, whose shader arithmetic
// is only required to be within a few ulps (GLSL ES 3.00 §4.5.1) rather than correctly rounded.
import { type Accelerator, type Matrix, matrix, rng, ShapeError, NonFiniteError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  type CreateAcceleratorOptions,
  createAccelerator,
  referenceKernels as R,
} from '../src/index.js';
import { float64Sinkhorn, isCheckIteration, planOf } from './sinkhorn-helpers.js';

const U = 2 ** -24;

function randomMatrix(g: ReturnType<typeof rng>, rows: number, cols: number, scale = 1): Matrix {
  const m = matrix(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = scale * g.normal();
  return m;
}

function expectWithin(
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  bound: (i: number) => number,
  label: string,
): void {
  expect(got.length).toBe(want.length);
  let worst = 0;
  let at = -1;
  for (let i = 0; i < want.length; i++) {
    const ratio = Math.abs(got[i] - want[i]) / (bound(i) + 1e-300);
    if (!(ratio <= worst)) {
      worst = ratio;
      at = i;
    }
  }
  if (!(worst <= 1))
    throw new Error(
      `${label}: entry ${at} is ${got[at]}, reference ${want[at]}, error/bound = ${worst}`,
    );
}

function absProducts(a: Matrix, b: Matrix): Float64Array {
  const out = new Float64Array(a.rows * b.cols);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < b.cols; j++) {
      let s = 0;
      for (let p = 0; p < a.cols; p++)
        s += Math.abs(a.data[i * a.cols + p] * b.data[p * b.cols + j]);
      out[i * b.cols + j] = s;
    }
  return out;
}

function transpose(a: Matrix): Matrix {
  const t = matrix(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.cols; j++) t.data[j * a.rows + i] = a.data[i * a.cols + j];
  return t;
}

/** The Accelerator's hidden diagnostic: the backend each compiled kernel ran on. */
export function executedModes(acc: Accelerator): Record<string, string> {
  return (acc as unknown as { executedModes(): Record<string, string> }).executedModes();
}

/** Register the kernel suite for one backend. `extra` is merged into createAccelerator's options. */
export function kernelSuite(
  mode: 'cpu' | 'webasm' | 'headlessgl' | 'webgl2',
  extra: CreateAcceleratorOptions = {},
): void {
  const c = mode === 'cpu' || mode === 'webasm' ? 1 : 4;
  // tile 16: the 37×29 and 41-row cases span several tiles and ragged edge tiles
  const make = () => createAccelerator({ mode, strict: true, tileSize: 16, ...extra });
  const sizes: [number, number, number][] = [
    [1, 1, 1],
    [3, 5, 2],
    [37, 19, 29],
    [64, 33, 16],
  ];

  describe(`kernels on ${mode}`, () => {
    it(`createAccelerator({ mode: '${mode}' }) gives that mode, float32 and no fallbacks`, () => {
      const acc = make();
      expect(acc.mode).toBe(mode);
      expect(acc.precision).toBe('float32');
      expect(acc.fallbacks).toEqual([]);
      acc.dispose();
    });

    it('matmul(a, b) is within c·(k + 2)·u·(|A||B|)_ij of the float64 product, tiled or not', () => {
      const acc = make();
      const g = rng(1);
      for (const [n, k, m] of sizes) {
        const a = randomMatrix(g, n, k);
        const b = randomMatrix(g, k, m);
        const abs = absProducts(a, b);
        expectWithin(
          acc.matmul(a, b).data,
          R.matmul(a, b).data,
          (i) => c * (k + 2) * U * abs[i],
          `matmul ${n}×${k}×${m}`,
        );
      }
      expect(new Set(Object.values(executedModes(acc)))).toEqual(new Set([mode]));
      acc.dispose();
    });

    it('batchedMatmul(a[], b[]) matches each product for 1 and 500 small matrices', () => {
      const acc = make();
      const g = rng(2);
      for (const [batch, p, q, r] of [
        [1, 1, 1, 1],
        [500, 3, 4, 3],
        [7, 5, 6, 2],
      ]) {
        const as = Array.from({ length: batch }, () => randomMatrix(g, p, q));
        const bs = Array.from({ length: batch }, () => randomMatrix(g, q, r));
        const got = acc.batchedMatmul(as, bs);
        expect(got).toHaveLength(batch);
        for (let t = 0; t < batch; t++) {
          const abs = absProducts(as[t], bs[t]);
          expectWithin(
            got[t].data,
            R.matmul(as[t], bs[t]).data,
            (i) => c * (q + 2) * U * abs[i],
            `batch ${t}`,
          );
        }
      }
      acc.dispose();
    });

    it('pairwiseSqDist(x, y) is within c·(d + 5)·u·Σ(|x|+|y|)² of the float64 distances', () => {
      const acc = make();
      const g = rng(3);
      for (const [n, m, d] of [
        [1, 1, 1],
        [37, 29, 3],
        [20, 41, 17],
      ]) {
        const x = randomMatrix(g, n, d);
        const y = randomMatrix(g, m, d);
        const scale = (i: number) => {
          const r = Math.floor(i / m);
          const s = i % m;
          let t = 0;
          for (let q = 0; q < d; q++)
            t += (Math.abs(x.data[r * d + q]) + Math.abs(y.data[s * d + q])) ** 2;
          return c * (d + 5) * U * t;
        };
        expectWithin(
          acc.pairwiseSqDist(x, y).data,
          R.pairwiseSqDist(x, y).data,
          scale,
          `sqdist ${n}×${m}×${d}`,
        );
      }
      acc.dispose();
    });

    it('gibbsKernel(C, ε) is within c·(2|C/ε| + 8)·u·K of exp(−C/ε)', () => {
      const acc = make();
      const g = rng(4);
      for (const [n, m] of [
        [1, 1],
        [37, 29],
      ]) {
        const cost = R.pairwiseSqDist(randomMatrix(g, n, 2), randomMatrix(g, m, 2));
        const eps = 0.5;
        const want = R.gibbsKernel(cost, eps);
        expectWithin(
          acc.gibbsKernel(cost, eps).data,
          want.data,
          (i) => c * (2 * (cost.data[i] / eps) + 8) * U * want.data[i],
          `gibbs ${n}×${m}`,
        );
      }
      acc.dispose();
    });

    it('kernelMatvec(K, v) and kernelMatvecTrans(K, u) are within the dot-product bound', () => {
      const acc = make();
      const g = rng(5);
      for (const [n, m] of [
        [1, 1],
        [37, 29],
        [300, 17],
      ]) {
        const k = R.gibbsKernel(R.pairwiseSqDist(randomMatrix(g, n, 2), randomMatrix(g, m, 2)), 1);
        const v = Float64Array.from({ length: m }, () => g.uniform());
        const u = Float64Array.from({ length: n }, () => g.uniform());
        const absKv = R.kernelMatvec(k, v); // K, v ≥ 0, so Σ|K_ij v_j| is K v itself
        const absKtu = R.kernelMatvecTrans(k, u);
        expectWithin(
          acc.kernelMatvec(k, v),
          R.kernelMatvec(k, v),
          (i) => c * (m + 2) * U * absKv[i],
          'Kv',
        );
        expectWithin(
          acc.kernelMatvecTrans(k, u),
          R.kernelMatvecTrans(k, u),
          (j) => c * (n + 2) * U * absKtu[j],
          'Kᵀu',
        );
      }
      acc.dispose();
    });

    it('logSumExpRows / logSumExpCols are within the log-sum-exp bound, even where exp(z) underflows', () => {
      const acc = make();
      const g = rng(6);
      for (const [n, m, eps] of [
        [1, 1, 1],
        [37, 29, 0.5],
        [13, 40, 0.01],
      ]) {
        const cost = R.pairwiseSqDist(randomMatrix(g, n, 2), randomMatrix(g, m, 2));
        const f = Float64Array.from({ length: n }, () => g.normal());
        const gg = Float64Array.from({ length: m }, () => g.normal());
        const rows = R.logSumExpRows(f, gg, cost, eps);
        const cols = R.logSumExpCols(f, gg, cost, eps);
        let big = 0;
        for (let i = 0; i < n; i++)
          for (let j = 0; j < m; j++)
            big = Math.max(big, Math.abs(f[i]) + Math.abs(gg[j]) + Math.abs(cost.data[i * m + j]));
        const bound = (len: number, r: number) =>
          c * ((4 * big) / eps + len + 8) * U + U * Math.abs(r);
        expectWithin(
          acc.logSumExpRows(f, gg, cost, eps),
          rows,
          (i) => bound(m, rows[i]),
          `lse rows ε=${eps}`,
        );
        expectWithin(
          acc.logSumExpCols(f, gg, cost, eps),
          cols,
          (j) => bound(n, cols[j]),
          `lse cols ε=${eps}`,
        );
      }
      acc.dispose();
    });

    it('gram(g) equals G·Gᵀ within the dot-product bound and is symmetric', () => {
      const acc = make();
      const g = rng(7);
      for (const [n, d] of [
        [1, 1],
        [37, 23],
      ]) {
        const gm = randomMatrix(g, n, d);
        const abs = absProducts(gm, transpose(gm));
        const got = acc.gram(gm);
        expectWithin(got.data, R.gram(gm).data, (i) => c * (d + 2) * U * abs[i], `gram ${n}×${d}`);
        for (let i = 0; i < n; i++)
          for (let j = 0; j < i; j++) expect(got.data[i * n + j]).toBe(got.data[j * n + i]);
      }
      acc.dispose();
    });

    it('rowSums(a) and colSums(a) are within c·(k + 1)·u·Σ|a|', () => {
      const acc = make();
      const g = rng(8);
      for (const [n, m] of [
        [1, 1],
        [37, 29],
        [300, 7],
      ]) {
        const a = randomMatrix(g, n, m);
        const absA = matrix(n, m, a.data.map(Math.abs));
        const rowAbs = R.rowSums(absA);
        const colAbs = R.colSums(absA);
        expectWithin(acc.rowSums(a), R.rowSums(a), (i) => c * (m + 1) * U * rowAbs[i], 'rowSums');
        expectWithin(acc.colSums(a), R.colSums(a), (j) => c * (n + 1) * U * colAbs[j], 'colSums');
      }
      acc.dispose();
    });

    it('chebyshevFilter(L, X, c) is within c·D²·(n + 2)·u·Σ|c_k|·max|X|·max(1, ‖L̃‖∞) of the float64 recurrence', () => {
      const acc = make();
      const g = rng(9);
      for (const [n, k, deg] of [
        [1, 1, 1],
        [9, 3, 2],
        [37, 5, 30],
      ]) {
        // a graph Laplacian with spectrum inside [0, 2·max degree]
        const l = matrix(n, n);
        let maxDeg = 0;
        for (let i = 0; i < n; i++)
          for (let j = i + 1; j < n; j++) {
            const w = g.uniform();
            l.data[i * n + j] = l.data[j * n + i] = -w;
            l.data[i * n + i] += w;
            l.data[j * n + j] += w;
          }
        for (let i = 0; i < n; i++) maxDeg = Math.max(maxDeg, l.data[i * n + i]);
        const opts = { lambdaMin: 0, lambdaMax: Math.max(2 * maxDeg, 1) };
        const x = randomMatrix(g, n, k);
        const coeffs = Array.from({ length: deg }, (_, i) => g.normal() / (i + 1));
        const want = R.chebyshevFilter(l, x, coeffs, opts);
        const sumC = coeffs.reduce((s, v) => s + Math.abs(v), 0);
        const maxX = x.data.reduce((s, v) => Math.max(s, Math.abs(v)), 0);
        const alpha = 2 / (opts.lambdaMax - opts.lambdaMin);
        let normL = 0;
        for (let i = 0; i < n; i++) {
          let r = 1; // the −βI term, β ≤ 1
          for (let j = 0; j < n; j++) r += alpha * Math.abs(l.data[i * n + j]);
          normL = Math.max(normL, r);
        }
        const bound = c * deg * deg * (n + 2) * U * sumC * maxX * Math.max(1, normL);
        expectWithin(
          acc.chebyshevFilter(l, x, coeffs, opts).data,
          want.data,
          () => bound,
          `chebyshev n=${n} D=${deg}`,
        );
      }
      acc.dispose();
    });

    it('sinkhorn(a, b, C) on the device converges to the float64 Sinkhorn plan under the stopping rule of @rg/ot', () => {
      const acc = make();
      const g = rng(12);
      for (const [n, m, reg] of [
        [1, 1, 1],
        [13, 8, 0.5],
        [40, 33, 0.2],
      ]) {
        const cost = R.pairwiseSqDist(randomMatrix(g, n, 2), randomMatrix(g, m, 2));
        let maxC = 0;
        for (const v of cost.data) maxC = Math.max(maxC, v);
        const scaled = matrix(
          n,
          m,
          cost.data.map((v) => v / Math.max(maxC, 1)),
        );
        const a = Float64Array.from({ length: n }, () => 0.5 + g.uniform());
        const b = Float64Array.from({ length: m }, () => 0.5 + g.uniform());
        const sa = a.reduce((s, v) => s + v, 0);
        const sb = b.reduce((s, v) => s + v, 0);
        for (let i = 0; i < n; i++) a[i] /= sa;
        for (let j = 0; j < m; j++) b[j] /= sb;
        const checks: number[] = [];
        // float32 column gaps cannot beat ≈ (n + 4)·u·‖b‖₂; 1e-5 leaves a decade of room
        const tol = 1e-5;
        const maxIter = 5000;
        const got = acc.sinkhorn(a, b, scaled, {
          reg,
          tol,
          maxIter,
          checkEvery: 5,
          onProgress: (p) => checks.push(p.iteration),
        });
        const want = float64Sinkhorn(a, b, scaled, reg);
        expect(got.converged).toBe(true);
        expect(got.residual).toBe(got.marginalError);
        expect(got.marginalError).toBeLessThan(tol);
        // checks after iteration 1, 6, 11, …: the float64 loop's rule, and the history records them
        expect(checks.every((it) => isCheckIteration(it, 5, maxIter))).toBe(true);
        expect(got.history.map((h) => h.iteration)).toEqual(checks);
        expect(got.history.at(-1)?.iteration).toBe(got.iterations);
        // computed on the device: the scalings are float32 numbers
        for (const x of [...got.u, ...got.v]) expect(x).toBe(Math.fround(x));
        const plan = planOf(got.u, got.v, scaled, reg);
        // marginals of the plan, recomputed in float64
        const rows = R.rowSums(plan);
        const cols = R.colSums(plan);
        let rowErr = 0;
        let colErr2 = 0;
        for (let i = 0; i < n; i++) rowErr += Math.abs(rows[i] - a[i]);
        for (let j = 0; j < m; j++) colErr2 += (cols[j] - b[j]) ** 2;
        // u ← a ⊘ Kv comes last, so each row sum is a_i up to the float32 length-m dot product
        // ((m + 2)u), the division (u) and exp(−C/reg) on the device against float64 here
        // ((2·maxC/reg + 8)u, the gibbsKernel bound); Σ a_i = 1
        const expErr = 2 / reg + 8;
        expect(rowErr).toBeLessThanOrEqual(c * (m + 3 + expErr) * U);
        // the device stopped with ‖v ⊙ Kᵀu − b‖₂ < tol measured in float32; the float64 measure
        // differs by the length-n reductions and the exp error per column, ‖b‖₂ ≤ 1
        expect(Math.sqrt(colErr2)).toBeLessThanOrEqual(tol + c * (n + 3 + expErr) * U);
        // the entropic plan is Lipschitz in the marginals with a constant of order 1/reg on
        // these problems (costs scaled to [0, 1]); 10·tol/reg bounds the L1 gap
        let planErr = 0;
        for (let i = 0; i < n * m; i++) planErr += Math.abs(plan.data[i] - want.data[i]);
        expect(planErr).toBeLessThanOrEqual((10 * tol) / reg);
      }
      acc.dispose();
    });

    it('kernels reject shape mismatch, non-finite input and sizes over the device limit with typed errors', () => {
      const acc = createAccelerator({ mode, strict: true, maxElements: 100 });
      const g = rng(10);
      const a = randomMatrix(g, 3, 4);
      expect(() => acc.matmul(a, randomMatrix(g, 3, 4))).toThrow(ShapeError);
      const bad = randomMatrix(g, 4, 2);
      bad.data[5] = Number.NaN;
      expect(() => acc.matmul(a, bad)).toThrow(NonFiniteError);
      expect(() => acc.kernelMatvec(a, [1, 2, 3])).toThrow(ShapeError);
      expect(() => acc.logSumExpRows([1, 2, 3], [1, 2, 3, Infinity], a, 1)).toThrow(NonFiniteError);
      expect(() => acc.matmul(randomMatrix(g, 11, 11), randomMatrix(g, 11, 2))).toThrow(
        /over the device limit of 100/,
      );
      expect(() => acc.pairwiseSqDist(randomMatrix(g, 11, 2), randomMatrix(g, 11, 2))).toThrow(
        ShapeError,
      );
      acc.dispose();
    });

    it('kernels never mutate their inputs', () => {
      const acc = make();
      const g = rng(11);
      const a = randomMatrix(g, 5, 4);
      const b = randomMatrix(g, 4, 3);
      const before = [Float64Array.from(a.data), Float64Array.from(b.data)];
      acc.matmul(a, b);
      acc.gram(a);
      acc.pairwiseSqDist(a, a);
      acc.rowSums(a);
      const v = Float64Array.from([1, 2, 3, 4]);
      acc.kernelMatvec(a, v);
      expect(a.data).toEqual(before[0]);
      expect(b.data).toEqual(before[1]);
      expect(v).toEqual(Float64Array.from([1, 2, 3, 4]));
      acc.dispose();
    });
  });
}
