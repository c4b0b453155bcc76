// Euclidean (Frobenius) metric restricted to the SPD cone (Dryden, Koloydenko & Zhou 2009,
// "Non-Euclidean statistics for covariance matrices", Ann. Appl. Stat. 3, the baseline).
import { defineMetric } from './define-metric.js';
import { frobeniusCore } from './frobenius-core.js';

/**
 * The Euclidean (Frobenius) metric: distance ‖A − B‖_F, straight-line geodesics,
 * identity transport, arithmetic mean. The SPD cone is not complete under it:
 * `exp(p, v) = p + v` may leave the cone (check with `isPoint`), and straight-line geodesics
 * inflate the determinant between their end points (the "swelling effect" the Riemannian
 * metrics avoid). Being incomplete, it has no batch-normalization pieces.
 *
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * euclidean.distance(identity(2), fromRows([[2, 0], [0, 2]])) // => ~1.414214
 */
export const euclidean = defineMetric(
  { ...frobeniusCore, batchNorm: undefined },
  { name: 'euclidean', kind: 'euclidean' },
);
