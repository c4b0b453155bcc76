// Log-Euclidean metric (Arsigny, Fillard, Pennec & Ayache 2007): the Frobenius metric pulled back
// by the matrix logarithm; derivatives of log/exp by Daleckii–Krein (Bhatia 1997, §V.3).
import type { Matrix } from '@rg/linalg';
import {
  dividedDifferenceExp,
  dividedDifferenceLog,
  eigensystem,
  frechetDerivative,
  reconstruct,
} from '@rg/linalg/kernels';
import { EXP, LOG } from '../internal/autodiff.js';
import { sq } from '../internal/sq.js';
import { defineMetric } from './define-metric.js';
import { frobeniusCore } from './frobenius-core.js';
import { type Diffeomorphism, type DiffeomorphismAt, pullback } from './pullback.js';

function spectral(x: Matrix, f: (v: number) => number): Matrix {
  const e = eigensystem(x.rows, x.data);
  return sq(x.rows, reconstruct(x.rows, e.vectors, e.values.map(f)));
}

/** log at x with its tangent maps: one eigendecomposition of x. */
function logAt(x: Matrix): DiffeomorphismAt {
  const n = x.rows;
  const e = eigensystem(n, x.data);
  const logValues = e.values.map(Math.log);
  return {
    image: sq(n, reconstruct(n, e.vectors, logValues)),
    differential: (v) =>
      sq(n, frechetDerivative(n, e.values, e.vectors, dividedDifferenceLog, v.data)),
    // D exp at log P is the inverse of D log at P; in P's eigenbasis both are diagonal
    differentialInverse: (w) =>
      sq(n, frechetDerivative(n, logValues, e.vectors, dividedDifferenceExp, w.data)),
  };
}

/** φ = log from SPD matrices onto symmetric matrices; Dφ and its inverse by Daleckii–Krein. */
const matrixLog: Diffeomorphism = {
  selfAdjoint: true,
  forward: (x) => spectral(x, Math.log),
  inverse: (y) => spectral(y, Math.exp),
  differential: (x, v) => logAt(x).differential(v),
  differentialInverse: (x, w) => logAt(x).differentialInverse(w),
  at: logAt,
  onTape: (t) => ({ forward: (x) => t.spectral(x, LOG), inverse: (y) => t.spectral(y, EXP) }),
};

/**
 * The log-Euclidean metric: distance ‖log A − log B‖_F, inner product
 * ⟨D log_P[U], D log_P[V]⟩_F — the pullback of the flat Frobenius metric by the matrix log. The
 * space is flat, so `transport` (D exp ∘ D log through the log chart) is exact parallel
 * transport and the mean is the closed form exp(Σ wᵢ log Xᵢ). Invariant under orthogonal
 * congruence and inversion, not under general congruence.
 *
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * logEuclidean.distance(identity(2), fromRows([[2, 0], [0, 2]])) // => ~0.980258
 * @example
 * import { fromRows } from '@rg/linalg';
 * logEuclidean.geodesic(fromRows([[1, 0], [0, 4]]), fromRows([[4, 0], [0, 1]]), 0.5) // => ~[[2, 0], [0, 2]]
 */
export const logEuclidean = defineMetric(pullback(frobeniusCore, matrixLog), {
  name: 'log-euclidean',
  kind: 'log-euclidean',
  label: 'logEuclidean',
});
