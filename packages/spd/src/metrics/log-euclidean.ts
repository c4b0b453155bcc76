// Log-Euclidean metric (Arsigny, Fillard, Pennec & Ayache 2007): the Euclidean metric pulled
// back by the matrix logarithm; derivatives of log/exp by Daleckii–Krein (Bhatia 1997, §V.3).
import type { Matrix } from '@rg/linalg';
import {
  dividedDifferenceExp,
  dividedDifferenceLog,
  dot,
  type Eigensystem,
  eigensystem,
  frechetDerivative,
  reconstruct,
} from '@rg/linalg/kernels';
import { sq } from '../internal/sq.js';
import { assertSameSize, assertTangent, isSPD, isSym, spdCholesky } from '../internal/validate.js';
import type { SPDMetric } from './spd-metric.js';

/** Eigendecomposition of a validated SPD point. */
function pointEig(fn: string, name: string, p: Matrix): Eigensystem {
  spdCholesky(fn, name, p);
  return eigensystem(p.rows, p.data);
}

/** log(P) from its eigendecomposition. */
export function logOfEig(e: Eigensystem): Float64Array {
  return reconstruct(e.n, e.vectors, e.values.map(Math.log));
}

function logm(fn: string, name: string, p: Matrix): Float64Array {
  return logOfEig(pointEig(fn, name, p));
}

function squaredDistance(a: Matrix, b: Matrix): number {
  const la = logm('logEuclidean.distance', 'a', a);
  const lb = logm('logEuclidean.distance', 'b', b);
  assertSameSize('logEuclidean.distance', 'a', a, 'b', b);
  let s = 0;
  for (let i = 0; i < la.length; i++) s += (la[i] - lb[i]) ** 2;
  return s;
}

function inner(p: Matrix, u: Matrix, v: Matrix): number {
  const e = pointEig('logEuclidean.inner', 'p', p);
  assertTangent('logEuclidean.inner', 'u', u, p.rows);
  assertTangent('logEuclidean.inner', 'v', v, p.rows);
  const n = p.rows;
  return dot(
    n * n,
    frechetDerivative(n, e.values, e.vectors, dividedDifferenceLog, u.data),
    frechetDerivative(n, e.values, e.vectors, dividedDifferenceLog, v.data),
  );
}

function exp(p: Matrix, v: Matrix): Matrix {
  const n = p.rows;
  const e = pointEig('logEuclidean.exp', 'p', p);
  assertTangent('logEuclidean.exp', 'v', v, n);
  const s = logOfEig(e);
  const d = frechetDerivative(n, e.values, e.vectors, dividedDifferenceLog, v.data);
  for (let i = 0; i < s.length; i++) s[i] += d[i];
  const es = eigensystem(n, s);
  return sq(n, reconstruct(n, es.vectors, es.values.map(Math.exp)));
}

function log(p: Matrix, q: Matrix): Matrix {
  const n = p.rows;
  const ep = pointEig('logEuclidean.log', 'p', p);
  const lq = logm('logEuclidean.log', 'q', q);
  assertSameSize('logEuclidean.log', 'p', p, 'q', q);
  const lp = logOfEig(ep);
  for (let i = 0; i < lq.length; i++) lq[i] -= lp[i];
  // D exp at log P is the inverse of D log at P; in P's eigenbasis both are diagonal.
  const logValues = ep.values.map(Math.log);
  return sq(n, frechetDerivative(n, logValues, ep.vectors, dividedDifferenceExp, lq));
}

function geodesic(p: Matrix, q: Matrix, t: number): Matrix {
  const n = p.rows;
  const lp = logm('logEuclidean.geodesic', 'p', p);
  const lq = logm('logEuclidean.geodesic', 'q', q);
  assertSameSize('logEuclidean.geodesic', 'p', p, 'q', q);
  for (let i = 0; i < lp.length; i++) lp[i] = (1 - t) * lp[i] + t * lq[i];
  const e = eigensystem(n, lp);
  return sq(n, reconstruct(n, e.vectors, e.values.map(Math.exp)));
}

function transport(p: Matrix, q: Matrix, v: Matrix): Matrix {
  const n = p.rows;
  const ep = pointEig('logEuclidean.transport', 'p', p);
  const eq = pointEig('logEuclidean.transport', 'q', q);
  assertSameSize('logEuclidean.transport', 'p', p, 'q', q);
  assertTangent('logEuclidean.transport', 'v', v, n);
  const w = frechetDerivative(n, ep.values, ep.vectors, dividedDifferenceLog, v.data);
  const logValues = eq.values.map(Math.log);
  return sq(n, frechetDerivative(n, logValues, eq.vectors, dividedDifferenceExp, w));
}

/**
 * The log-Euclidean metric: distance ‖log A − log B‖_F, inner product
 * ⟨D log_P[U], D log_P[V]⟩_F. The space is flat, so `transport` (D exp ∘ D log through the
 * log chart) is exact parallel transport and means have a closed form. Invariant under
 * orthogonal congruence and inversion, not under general congruence.
 *
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * logEuclidean.distance(identity(2), fromRows([[2, 0], [0, 2]])) // => ~0.980258
 * @example
 * import { fromRows } from '@rg/linalg';
 * logEuclidean.geodesic(fromRows([[1, 0], [0, 4]]), fromRows([[4, 0], [0, 1]]), 0.5) // => ~[[2, 0], [0, 2]]
 */
export const logEuclidean: SPDMetric = {
  name: 'log-euclidean',
  kind: 'log-euclidean',
  parallelTransport: true,
  distance: (a, b) => Math.sqrt(squaredDistance(a, b)),
  squaredDistance,
  inner,
  norm: (p, u) => Math.sqrt(Math.max(0, inner(p, u, u))),
  exp,
  log,
  geodesic,
  transport,
  isPoint: (x) => isSPD(x),
  isTangent: (p, v) => isSym(v, p.rows),
};
