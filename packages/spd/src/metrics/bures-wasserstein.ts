// Bures–Wasserstein metric (Bhatia, Jain & Lim 2019; Malagò, Montrucchio & Pistone 2018).
import type { Matrix } from '@rg/linalg';
import { sq } from '../internal/sq.js';
import { assertSameSize, assertTangent, isSPD, isSym, spdCholesky } from '../internal/validate.js';
import {
  bwExp,
  bwGeodesic,
  bwInner,
  bwLog,
  bwSquaredDistance,
  bwTransport,
} from './bures-wasserstein-kernels.js';
import type { SPDMetric } from './spd-metric.js';

function pair(fn: string, na: string, a: Matrix, nb: string, b: Matrix): void {
  spdCholesky(`buresWasserstein.${fn}`, na, a);
  spdCholesky(`buresWasserstein.${fn}`, nb, b);
  assertSameSize(`buresWasserstein.${fn}`, na, a, nb, b);
}

function inner(p: Matrix, u: Matrix, v: Matrix): number {
  spdCholesky('buresWasserstein.inner', 'p', p);
  assertTangent('buresWasserstein.inner', 'u', u, p.rows);
  assertTangent('buresWasserstein.inner', 'v', v, p.rows);
  return bwInner(p.data, u.data, v.data, p.rows);
}

/**
 * The Bures–Wasserstein metric: the 2-Wasserstein distance between centred Gaussians,
 * d² = tr A + tr B − 2 tr (A^½BA^½)^½, inner product ½ tr(L_P[U] V) with L_P[U] the
 * solution of PL + LP = U. Invariant under orthogonal congruence (not general congruence);
 * well suited to ill-conditioned and nearly singular matrices since it involves P linearly
 * rather than through P⁻¹. `exp` is only defined while I + L_P[V] stays positive definite
 * (the manifold is not complete). `transport` is an isometric vector transport through the
 * identity (closed-form parallel transport is not known in general), so `parallelTransport`
 * is false. The squared distance is a difference of traces: its absolute error is about
 * ε·(tr A + tr B), which dominates for nearby ill-conditioned matrices.
 *
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * buresWasserstein.distance(identity(2), fromRows([[4, 0], [0, 4]])) // => ~1.414214
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * buresWasserstein.geodesic(identity(2), fromRows([[4, 0], [0, 9]]), 0.5) // => ~[[2.25, 0], [0, 4]]
 */
export const buresWasserstein: SPDMetric = {
  name: 'bures-wasserstein',
  kind: 'bures-wasserstein',
  parallelTransport: false,
  distance: (a, b) => Math.sqrt(buresWasserstein.squaredDistance(a, b)),
  squaredDistance: (a, b) => {
    pair('distance', 'a', a, 'b', b);
    return bwSquaredDistance(a.data, b.data, a.rows);
  },
  inner,
  norm: (p, u) => Math.sqrt(Math.max(0, inner(p, u, u))),
  exp: (p, v) => {
    spdCholesky('buresWasserstein.exp', 'p', p);
    assertTangent('buresWasserstein.exp', 'v', v, p.rows);
    return sq(p.rows, bwExp(p.data, v.data, p.rows));
  },
  log: (p, q) => {
    pair('log', 'p', p, 'q', q);
    return sq(p.rows, bwLog(p.data, q.data, p.rows));
  },
  geodesic: (p, q, t) => {
    pair('geodesic', 'p', p, 'q', q);
    return sq(p.rows, bwGeodesic(p.data, q.data, p.rows, t));
  },
  transport: (p, q, v) => {
    pair('transport', 'p', p, 'q', q);
    assertTangent('buresWasserstein.transport', 'v', v, p.rows);
    return sq(p.rows, bwTransport(p.data, q.data, v.data, p.rows));
  },
  isPoint: (x) => isSPD(x),
  isTangent: (p, v) => isSym(v, p.rows),
};
