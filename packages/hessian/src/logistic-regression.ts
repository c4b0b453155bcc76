// L2-regularized logistic regression with exact, Gauss–Newton and Fisher curvature (Bishop, PRML §4.3.3; Doikov et al., gradient-normalized smoothness).
import {
  assertFiniteArray,
  assertMatrix,
  assertVector,
  checkOptions,
  InvalidArgumentError,
  type Matrix,
  ShapeError,
} from '@rg/linalg';
import {
  type LinearModelLoss,
  linearModelObjective,
  sigmoid,
  softplus,
} from './internal/linear-model.js';
import type { CurvatureObjective } from './objective.js';

/** A reference objective with every curvature product and dense matrix available. */
export type RegressionObjective = Required<Omit<CurvatureObjective, 'hvp'>> & {
  hvp(x: Float64Array, v: Float64Array, out?: Float64Array): Float64Array;
  /** number of samples n */
  readonly samples: number;
};

/**
 * Mean logistic loss `f(w) = (1/n) Σ log(1 + e^{a_iᵀw}) − y_i a_iᵀw + (l2/2)‖w‖²` for labels
 * y ∈ {0, 1} (add a column of ones to X for an intercept). Curvatures, each + l2·I:
 * exact `(1/n) Σ σ(1−σ) a aᵀ`; Gauss–Newton `(1/n) Σ σ(−m_i) a aᵀ` with the margin
 * m_i = ±a_iᵀw (+ for y = 1): the loss is log(1 + e^{−m}) = lse(0, −m), and dropping the
 * rank-one term −ppᵀ of log-sum-exp leaves the wrong-class probability, a PSD majorant of
 * the Hessian that vanishes on well-classified points; empirical Fisher `(1/n) Σ (σ − y)² a aᵀ`.
 *
 * @param X - features, n × d
 * @param y - labels in {0, 1} (probabilities in [0, 1] work too), length n
 * @param options - `l2` (default 0)
 * @returns an objective over w ∈ ℝᵈ with `hessian`, `gaussNewton`, `fisher` and their products
 * @throws {ShapeError} when y does not have n entries
 * @throws {NonFiniteError} on NaN or ±Infinity in X or y
 * @example
 * import { fromRows } from '@rg/linalg';
 * const f = logisticRegression(fromRows([[1], [-1]]), [1, 0]);
 * f.value(new Float64Array(1)) // => ~0.693147
 * f.hessian(new Float64Array(1)) // => [[0.25]]
 */
export function logisticRegression(
  X: Matrix,
  y: ArrayLike<number>,
  optionsIn: { l2?: number } = {},
): RegressionObjective {
  const fn = 'logisticRegression';
  const options = checkOptions(fn, 'options', optionsIn);
  assertMatrix(fn, 'X', X);
  assertVector(fn, 'y', y);
  if (y.length !== X.rows)
    throw new ShapeError(
      `${fn}(): y must have ${X.rows} entries, one per row of X (has ${y.length})`,
    );
  assertFiniteArray(fn, 'y', y);
  // outside [0, 1] the loss is unbounded below (y = 2: f → −∞ along w), not a fit
  for (let i = 0; i < y.length; i++)
    if (!(y[i] >= 0 && y[i] <= 1))
      throw new InvalidArgumentError(
        `${fn}(): y[${i}] is ${y[i]}; labels must be 0 or 1 (or probabilities in [0, 1])`,
      );
  const labels = Float64Array.from(y);
  const loss: LinearModelLoss = {
    value(t, n) {
      let s = 0;
      for (let i = 0; i < n; i++) s += softplus(t[i]) - labels[i] * t[i];
      return s;
    },
    decrease(t, dt, n) {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const d = dt[i];
        // softplus(t + d) − softplus(t) = log1p(σ(t)·expm1(d)): no cancellation for small d
        const rise =
          Math.abs(d) < 1
            ? Math.log1p(sigmoid(t[i]) * Math.expm1(d))
            : softplus(t[i] + d) - softplus(t[i]);
        s += labels[i] * d - rise;
      }
      return s;
    },
    grad(t, n, _k, out) {
      for (let i = 0; i < n; i++) out[i] = sigmoid(t[i]) - labels[i];
    },
    curvature(kind, t, u, n, _k, out) {
      for (let i = 0; i < n; i++) {
        const s = sigmoid(t[i]);
        const yi = labels[i];
        // Gauss–Newton in margin form: the weight of the wrong class, σ(−t) for y = 1, σ(t) for y = 0
        const w =
          kind === 'exact'
            ? s * (1 - s)
            : kind === 'gaussNewton'
              ? yi * (1 - s) + (1 - yi) * s
              : (s - yi) ** 2;
        out[i] = w * u[i];
      }
    },
  };
  return linearModelObjective(fn, X, 1, options.l2 ?? 0, loss);
}
