// Euclidean (Frobenius) metric restricted to the SPD cone (Dryden, Koloydenko & Zhou 2009,
// "Non-Euclidean statistics for covariance matrices", Ann. Appl. Stat. 3, the baseline).
import type { Matrix } from '@rg/linalg';
import { dot } from '@rg/linalg/kernels';
import { sq } from '../internal/sq.js';
import { assertSameSize, assertTangent, isSPD, isSym, spdCholesky } from '../internal/validate.js';
import type { SPDMetric } from './spd-metric.js';

function pair(fn: string, na: string, a: Matrix, nb: string, b: Matrix): void {
  spdCholesky(`euclidean.${fn}`, na, a);
  spdCholesky(`euclidean.${fn}`, nb, b);
  assertSameSize(`euclidean.${fn}`, na, a, nb, b);
}

function inner(p: Matrix, u: Matrix, v: Matrix): number {
  spdCholesky('euclidean.inner', 'p', p);
  assertTangent('euclidean.inner', 'u', u, p.rows);
  assertTangent('euclidean.inner', 'v', v, p.rows);
  return dot(u.data.length, u.data, v.data);
}

function combine(a: Float64Array, b: Float64Array, s: number, t: number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = s * a[i] + t * b[i];
  return out;
}

/**
 * The Euclidean (Frobenius) metric: distance ‖A − B‖_F, straight-line geodesics,
 * identity transport. The SPD cone is not complete under it: `exp(p, v) = p + v` may leave
 * the cone (check with `isPoint`), and straight-line geodesics inflate the determinant
 * between their end points (the "swelling effect" the Riemannian metrics avoid).
 *
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * euclidean.distance(identity(2), fromRows([[2, 0], [0, 2]])) // => ~1.414214
 */
export const euclidean: SPDMetric = {
  name: 'euclidean',
  kind: 'euclidean',
  parallelTransport: true,
  distance: (a, b) => Math.sqrt(euclidean.squaredDistance(a, b)),
  squaredDistance: (a, b) => {
    pair('distance', 'a', a, 'b', b);
    let s = 0;
    for (let i = 0; i < a.data.length; i++) s += (a.data[i] - b.data[i]) ** 2;
    return s;
  },
  inner,
  norm: (p, u) => Math.sqrt(Math.max(0, inner(p, u, u))),
  exp: (p, v) => {
    spdCholesky('euclidean.exp', 'p', p);
    assertTangent('euclidean.exp', 'v', v, p.rows);
    return sq(p.rows, combine(p.data, v.data, 1, 1));
  },
  log: (p, q) => {
    pair('log', 'p', p, 'q', q);
    return sq(p.rows, combine(q.data, p.data, 1, -1));
  },
  geodesic: (p, q, t) => {
    pair('geodesic', 'p', p, 'q', q);
    return sq(p.rows, combine(p.data, q.data, 1 - t, t));
  },
  transport: (p, q, v) => {
    pair('transport', 'p', p, 'q', q);
    assertTangent('euclidean.transport', 'v', v, p.rows);
    return sq(p.rows, Float64Array.from(v.data));
  },
  isPoint: (x) => isSPD(x),
  isTangent: (p, v) => isSym(v, p.rows),
};
