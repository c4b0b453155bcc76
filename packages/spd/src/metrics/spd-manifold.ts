// SPD matrices under any SPDMetric as a manifold in @rg/optim's shape (Absil, Mahony & Sepulchre
// 2008, ch. 3–4 and 8; for the affine-invariant geometry Sra & Hosseini 2015, "Conic geometric
// optimization on the manifold of positive definite matrices"), so that optim's sgd/adam run on
// SPD parameters.
import { InvalidArgumentError, type Matrix, type Rng, ShapeError } from '@rg/linalg';
import {
  choleskyLower,
  dot,
  eigensystem,
  reconstruct,
  solveTriangularInPlace,
  symmetrizeInPlace,
} from '@rg/linalg/kernels';
import type { Manifold } from '@rg/optim';
import { sq } from '../internal/sq.js';
import { spdCholesky } from '../internal/validate.js';
import { affineInvariant } from './affine-invariant.js';
import { type MetricName, resolveMetric } from './resolve-metric.js';
import type { CompleteSPDMetricCore, SPDMetric } from './spd-metric.js';

function symmetricPart(u: Matrix): Matrix {
  return sq(u.rows, symmetrizeInPlace(u.rows, Float64Array.from(u.data)));
}

/** The d = n(n+1)/2 symmetric matrices E_ii, (E_ij + E_ji)/√2: an orthonormal Frobenius basis. */
function symmetricBasis(n: number): Matrix[] {
  const out: Matrix[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const e = new Float64Array(n * n);
      const s = i === j ? 1 : Math.SQRT1_2;
      e[i * n + j] = s;
      e[j * n + i] = s;
      out.push(sq(n, e));
    }
  return out;
}

/**
 * ξ with ⟨ξ, v⟩_p = ⟨G, v⟩_F for every symmetric v, by solving the metric's Gram system in an
 * orthonormal basis of symmetric matrices (d² inner products, d = n(n+1)/2): the conversion for
 * metrics whose core has no closed form for it.
 */
function gramGradient(core: CompleteSPDMetricCore, p: Matrix, g: Matrix): Matrix {
  const n = p.rows;
  const basis = symmetricBasis(n);
  const d = basis.length;
  const gram = new Float64Array(d * d);
  const rhs = new Float64Array(d);
  for (let a = 0; a < d; a++) {
    for (let b = 0; b <= a; b++) {
      const v = core.inner(p, basis[a], basis[b]);
      gram[a * d + b] = v;
      gram[b * d + a] = v;
    }
    rhs[a] = dot(n * n, g.data, basis[a].data);
  }
  const l = new Float64Array(d * d);
  choleskyLower(d, gram, l);
  solveTriangularInPlace(d, 1, l, rhs, { lower: true });
  solveTriangularInPlace(d, 1, l, rhs, { lower: true, transpose: true });
  const out = new Float64Array(n * n);
  for (let a = 0; a < d; a++) for (let k = 0; k < n * n; k++) out[k] += rhs[a] * basis[a].data[k];
  return sq(n, out);
}

function gaussianSymmetric(n: number, random: Rng): Matrix {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const v = i === j ? random.normal() : random.normal() * Math.SQRT1_2;
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  return sq(n, out);
}

const CACHE = new WeakMap<SPDMetric, Manifold>();

/**
 * The n×n SPD matrices (any n, read from the point) with `metric` (default
 * {@link affineInvariant}), in @rg/optim's `Manifold` shape: `inner`/`norm` are the metric's,
 * `projectTangent` takes the symmetric part, `riemannianGradient` converts a Euclidean gradient
 * (affine-invariant: P·sym(G)·P; pullbacks with self-adjoint charts and BW: their closed forms;
 * otherwise a Gram solve in a basis of symmetric matrices), `retract` and `exp` are the metric's
 * exponential, `transport` its (isometric) transport, and `weightDecay` is the Riemannian
 * gradient −Log_P(I) of ½d²(P, I) (P log P under AIRM), a decay toward the identity. With optim's
 * `sgd` and `adam` this gives Riemannian SGD/Adam on SPD parameters. The affine-invariant,
 * log-Euclidean and log-Cholesky metrics are complete; under Euclidean, BW or GBW a large step
 * can leave the cone. The manifold of the affine-invariant metric is named 'spd'.
 *
 * @param metric - a metric or a metric name (default affine-invariant)
 * @throws {InvalidArgumentError} for an unknown metric name
 * @example
 * import { sgd } from '@rg/optim';
 * import { fromRows } from '@rg/linalg';
 * const p = { name: 'P', value: fromRows([[1]]), grad: fromRows([[1]]), manifold: spdManifold() };
 * sgd({ lr: 1 }).step([p]);
 * p.value // => ~[[0.367879]]
 */
export function spdManifold(metric: SPDMetric | MetricName = affineInvariant): Manifold {
  const m = resolveMetric('spdManifold', metric);
  const cached = CACHE.get(m);
  if (cached) return cached;
  const c = m.unchecked;
  const rg = c.riemannianGradient?.bind(c);
  const manifold: Manifold = {
    name: m === affineInvariant ? 'spd' : `spd(${m.name})`,
    isometricTransport: true,
    inner: (x, u, v) => c.inner(x, u, v),
    norm: (x, u) => c.norm(x, u),
    projectTangent: (_x, u) => symmetricPart(u),
    riemannianGradient: rg ? (x, g) => rg(x, g) : (x, g) => gramGradient(c, x, symmetricPart(g)),
    retract: (x, v) => c.exp(x, v),
    exp: (x, v) => c.exp(x, v),
    transport: (x, y, v) => c.transport(x, y, v),
    weightDecay(x) {
      const n = x.rows;
      const id = new Float64Array(n * n);
      for (let i = 0; i < n; i++) id[i * n + i] = 1;
      const l = c.log(x, sq(n, id));
      return sq(
        n,
        l.data.map((v) => -v),
      );
    },
    isPoint: (x) => m.isPoint(x),
    validate(fn, name, x) {
      if (x.rows !== x.cols)
        throw new ShapeError(
          `${fn}(): ${name} must be square to be an SPD matrix (is ${x.rows}×${x.cols})`,
        );
      spdCholesky(fn, name, x);
    },
    randomPoint(rows, cols, random) {
      if (rows !== cols || rows < 1)
        throw new InvalidArgumentError(
          `spdManifold().randomPoint(): SPD matrices are square (got ${rows}×${cols})`,
        );
      const e = eigensystem(rows, gaussianSymmetric(rows, random).data);
      return sq(
        rows,
        reconstruct(
          rows,
          e.vectors,
          e.values.map((v) => Math.exp(0.5 * v)),
        ),
      );
    },
    randomTangent(x, random) {
      const v = gaussianSymmetric(x.rows, random);
      const s = 1 / c.norm(x, v);
      return sq(
        x.rows,
        v.data.map((e) => s * e),
      );
    },
  };
  CACHE.set(m, manifold);
  return manifold;
}
