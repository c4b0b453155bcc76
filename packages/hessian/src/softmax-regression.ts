// L2-regularized multinomial logistic (softmax) regression with exact, Gauss–Newton and Fisher curvature (Bishop, PRML §4.3.4).
import { assertFinite, assertMatrix, checkOptions, type Matrix, ShapeError } from '@rg/linalg';
import { softmaxRow } from '@rg/linalg/kernels';
import { type LinearModelLoss, linearModelObjective } from './internal/linear-model.js';
import type { RegressionObjective } from './logistic-regression.js';

/**
 * Mean softmax cross-entropy `f(W) = (1/n) Σ lse(a_iᵀW) − y_iᵀ Wᵀ a_i + (l2/2)‖W‖²` over
 * W (d × k, flattened row-major: θ[j·k + c] = W_jc) for one-hot (or probability) rows of Y.
 * Curvatures, each + l2·I: exact `(1/n) Σ a aᵀ ⊗ (diag p − ppᵀ)`; Gauss–Newton writes the
 * loss in the margins u_c = t_c − t_y as lse(0, u) and drops its rank-one term, leaving
 * `(1/n) Σ a aᵀ ⊗ Σ_{c≠y} p_c (e_c − e_y)(e_c − e_y)ᵀ`: a PSD majorant of the Hessian that
 * vanishes on well-classified points (probability rows of Y mix this over y); empirical
 * Fisher `(1/n) Σ g_i g_iᵀ` with `g_i = a_i ⊗ (p_i − y_i)`.
 *
 * @param X - features, n × d
 * @param Y - targets, n × k, rows one-hot or probability vectors
 * @param options - `l2` (default 0)
 * @returns an objective over θ ∈ ℝ^{dk} with `hessian`, `gaussNewton`, `fisher` and their products
 * @throws {ShapeError} when Y does not have n rows
 * @example
 * import { fromRows } from '@rg/linalg';
 * const f = softmaxRegression(fromRows([[1]]), fromRows([[1, 0]]));
 * f.value(new Float64Array(2)) // => ~0.693147
 * f.hessian(new Float64Array(2)) // => [[0.25, -0.25], [-0.25, 0.25]]
 */
export function softmaxRegression(
  X: Matrix,
  Y: Matrix,
  optionsIn: { l2?: number } = {},
): RegressionObjective {
  const fn = 'softmaxRegression';
  const options = checkOptions(fn, 'options', optionsIn);
  assertMatrix(fn, 'X', X);
  assertFinite(fn, 'Y', Y);
  if (Y.rows !== X.rows)
    throw new ShapeError(`${fn}(): Y must have ${X.rows} rows, one per row of X (has ${Y.rows})`);
  if (Y.cols < 1) throw new ShapeError(`${fn}(): Y must have at least one column`);
  const y = Float64Array.from(Y.data);
  const k = Y.cols;
  const p = new Float64Array(k);
  const softmax = (t: Float64Array, i: number): number => softmaxRow(t, i * k, k, p, 0);
  const rowSum = (i: number) => {
    let s = 0;
    for (let c = 0; c < k; c++) s += y[i * k + c];
    return s;
  };
  const loss: LinearModelLoss = {
    value(t, n) {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const lse = softmax(t, i);
        for (let c = 0; c < k; c++) s += y[i * k + c] * (lse - t[i * k + c]);
      }
      return s;
    },
    decrease(t, dt, n) {
      let total = 0;
      for (let i = 0; i < n; i++) {
        const lse = softmax(t, i);
        let big = false;
        let yd = 0;
        for (let c = 0; c < k; c++) {
          if (Math.abs(dt[i * k + c]) >= 1) big = true;
          yd += y[i * k + c] * dt[i * k + c];
        }
        let rise: number;
        if (!big) {
          // lse(t + d) − lse(t) = log1p(Σ p_c expm1(d_c)): no cancellation for small d
          let q = 0;
          for (let c = 0; c < k; c++) q += p[c] * Math.expm1(dt[i * k + c]);
          rise = Math.log1p(q);
        } else {
          let mx = Number.NEGATIVE_INFINITY;
          for (let c = 0; c < k; c++) mx = Math.max(mx, t[i * k + c] + dt[i * k + c]);
          let s = 0;
          for (let c = 0; c < k; c++) s += Math.exp(t[i * k + c] + dt[i * k + c] - mx);
          rise = mx + Math.log(s) - lse;
        }
        total += yd - rowSum(i) * rise;
      }
      return total;
    },
    grad(t, n, _k, out) {
      for (let i = 0; i < n; i++) {
        softmax(t, i);
        const s = rowSum(i);
        for (let c = 0; c < k; c++) out[i * k + c] = s * p[c] - y[i * k + c];
      }
    },
    curvature(kind, t, u, n, _k, out) {
      for (let i = 0; i < n; i++) {
        softmax(t, i);
        const s = rowSum(i);
        if (kind === 'fisher') {
          let ru = 0;
          for (let c = 0; c < k; c++) ru += (s * p[c] - y[i * k + c]) * u[i * k + c];
          for (let c = 0; c < k; c++) out[i * k + c] = (s * p[c] - y[i * k + c]) * ru;
          continue;
        }
        let pu = 0;
        for (let c = 0; c < k; c++) pu += p[c] * u[i * k + c];
        if (kind === 'exact') {
          for (let c = 0; c < k; c++) out[i * k + c] = s * p[c] * (u[i * k + c] - pu);
          continue;
        }
        // Σ_y Y_y Σ_c p_c (e_c − e_y)(e_c − e_y)ᵀ u: diag of the wrong-class probabilities in
        // the margins u_c − u_y, mapped back to the logits
        let yu = 0;
        for (let c = 0; c < k; c++) yu += y[i * k + c] * u[i * k + c];
        for (let c = 0; c < k; c++) {
          const uc = u[i * k + c];
          out[i * k + c] = p[c] * (s * uc - yu) - y[i * k + c] * (pu - uc);
        }
      }
    },
  };
  return linearModelObjective(fn, X, k, options.l2 ?? 0, loss);
}
