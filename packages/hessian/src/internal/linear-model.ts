// Shared machinery of the linear-model objectives: t = X W, per-sample output-space
// curvature M_i (k×k), and the products/dense matrices (1/n) Xᵀ (M ⊙ ·) X + l2 I.
import {
  assertFinite,
  checkPositive,
  matmul,
  matmulTransA,
  type Matrix,
  ShapeError,
} from '@rg/linalg';
import type { CurvatureObjective } from '../objective.js';
import { checkPoint } from './checks.js';

export interface LinearModelLoss {
  /** Σ_i ℓ_i(t_i) */
  value(t: Float64Array, n: number, k: number): number;
  /** Σ_i ℓ_i(t_i) − ℓ_i(t_i + dt_i), accurate to a few ulp of the terms' size |dt| */
  decrease(t: Float64Array, dt: Float64Array, n: number, k: number): number;
  /** out_i = ∇ℓ_i(t_i) */
  grad(t: Float64Array, n: number, k: number, out: Float64Array): void;
  /** out_i = C_i(t_i) u_i for curvature kind C (exact, gaussNewton, fisher) */
  curvature(
    kind: 'exact' | 'gaussNewton' | 'fisher',
    t: Float64Array,
    u: Float64Array,
    n: number,
    k: number,
    out: Float64Array,
  ): void;
}

export function linearModelObjective(
  fn: string,
  X: Matrix,
  k: number,
  l2: number,
  loss: LinearModelLoss,
): Required<Omit<CurvatureObjective, 'hvp'>> & {
  hvp(x: Float64Array, v: Float64Array, out?: Float64Array): Float64Array;
  readonly samples: number;
} {
  assertFinite(fn, 'X', X);
  if (X.rows < 1) throw new ShapeError(`${fn}(): X must have at least one row`);
  checkPositive(fn, 'l2', l2, true);
  const n = X.rows;
  const d = X.cols;
  const dim = d * k;
  const asW = (x: Float64Array): Matrix => ({ rows: d, cols: k, data: x });
  const logits = (method: string, x: Float64Array): Float64Array => {
    checkPoint(`${fn}().${method}`, 'x', x, dim);
    return matmul(X, asW(x)).data;
  };
  const outVec = (out?: Float64Array) => {
    if (out === undefined) return new Float64Array(dim);
    if (out.length !== dim) throw new ShapeError(`${fn}(): out must have length ${dim}`);
    return out;
  };
  /** (1/n) Xᵀ U + l2 v, U an n×k output-space cotangent */
  const pullBack = (U: Float64Array, v: Float64Array, out?: Float64Array): Float64Array => {
    const o = outVec(out);
    const g = matmulTransA(X, { rows: n, cols: k, data: U });
    for (let i = 0; i < dim; i++) o[i] = g.data[i] / n + l2 * v[i];
    return o;
  };
  const product =
    (kind: 'exact' | 'gaussNewton' | 'fisher', method: string) =>
    (x: Float64Array, v: Float64Array, out?: Float64Array): Float64Array => {
      const t = logits(method, x);
      checkPoint(`${fn}().${method}`, 'v', v, dim);
      const tv = matmul(X, asW(v)).data;
      const u = new Float64Array(n * k);
      loss.curvature(kind, t, tv, n, k, u);
      return pullBack(u, v, out);
    };
  const dense =
    (kind: 'exact' | 'gaussNewton' | 'fisher', method: string) =>
    (x: Float64Array): Matrix => {
      const t = logits(method, x);
      const H = new Float64Array(dim * dim);
      const e = new Float64Array(n * k);
      const m = new Float64Array(n * k * k);
      // column c' of every per-sample k×k curvature M_i, from unit output directions
      for (let c2 = 0; c2 < k; c2++) {
        e.fill(0);
        for (let i = 0; i < n; i++) e[i * k + c2] = 1;
        const col = new Float64Array(n * k);
        loss.curvature(kind, t, e, n, k, col);
        for (let i = 0; i < n; i++)
          for (let c = 0; c < k; c++) m[i * k * k + c * k + c2] = col[i * k + c];
      }
      for (let i = 0; i < n; i++) {
        const a = X.data.subarray(i * d, (i + 1) * d);
        for (let j = 0; j < d; j++) {
          if (a[j] === 0) continue;
          for (let j2 = 0; j2 < d; j2++) {
            const aa = (a[j] * a[j2]) / n;
            if (aa === 0) continue;
            for (let c = 0; c < k; c++) {
              const row = (j * k + c) * dim + j2 * k;
              const mi = i * k * k + c * k;
              for (let c2 = 0; c2 < k; c2++) H[row + c2] += aa * m[mi + c2];
            }
          }
        }
      }
      for (let i = 0; i < dim; i++) H[i * dim + i] += l2;
      return { rows: dim, cols: dim, data: H };
    };
  return {
    dim,
    samples: n,
    value(x) {
      const t = logits('value', x);
      let r = 0;
      for (let i = 0; i < dim; i++) r += x[i] * x[i];
      return loss.value(t, n, k) / n + 0.5 * l2 * r;
    },
    grad(x, out) {
      const t = logits('grad', x);
      const g = new Float64Array(n * k);
      loss.grad(t, n, k, g);
      return pullBack(g, x, out);
    },
    valueDecrease(x, step) {
      const t = logits('valueDecrease', x);
      checkPoint(`${fn}().valueDecrease`, 'step', step, dim);
      // the change of the logits comes from the step itself, not from t(x + step) − t(x)
      const dt = matmul(X, asW(step)).data;
      let xs = 0;
      let ss = 0;
      for (let i = 0; i < dim; i++) {
        xs += x[i] * step[i];
        ss += step[i] * step[i];
      }
      return loss.decrease(t, dt, n, k) / n - l2 * (xs + 0.5 * ss);
    },
    hvp: product('exact', 'hvp'),
    gaussNewtonVectorProduct: product('gaussNewton', 'gaussNewtonVectorProduct'),
    fisherVectorProduct: product('fisher', 'fisherVectorProduct'),
    hessian: dense('exact', 'hessian'),
    gaussNewton: dense('gaussNewton', 'gaussNewton'),
    fisher: dense('fisher', 'fisher'),
  };
}

// The numerically stable scalar forms live once, in @rg/linalg's kernels.
export { sigmoid, softplus } from '@rg/linalg/kernels';
