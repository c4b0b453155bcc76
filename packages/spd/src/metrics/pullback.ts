// Pullback metrics: the geometry of a base metric carried back through a diffeomorphism φ
// (geomstats' PullbackDiffeoMetric; Thanwerdas & Pennec 2023, "O(n)-invariant Riemannian metrics
// on SPD matrices", §3): d(X, Y) = d_base(φX, φY), Exp_P(V) = φ⁻¹(Exp_{φP}(Dφ_P V)), and the
// mean is φ⁻¹ of the base mean of the φXᵢ.
import { checkOptions, InvalidArgumentError, type Matrix } from '@rg/linalg';
import type { Tape, TNode } from '../internal/autodiff.js';
import { sq } from '../internal/sq.js';
import { completeCore } from './define-metric.js';
import type { SPDMetric, SPDMetricCore, TapeGeometry } from './spd-metric.js';
import { symmetrizeInPlace } from '@rg/linalg/kernels';

/** A diffeomorphism evaluated at one point: its image and tangent maps, sharing one factorization. */
export interface DiffeomorphismAt {
  /** φ(x) */
  image: Matrix;
  /** Dφ_x[v]: a tangent vector at x to one at φ(x) */
  differential(v: Matrix): Matrix;
  /** (Dφ_x)⁻¹[w]: a tangent vector at φ(x) back to one at x */
  differentialInverse(w: Matrix): Matrix;
}

/**
 * A diffeomorphism φ from the SPD cone onto the domain of a base metric (all of it, for the
 * base geometry to be complete): matrix log onto symmetric matrices, the log-Cholesky chart onto
 * lower-triangular matrices, X ↦ X^θ, whitening X ↦ M^{-½}XM^{-½}. Unchecked, like a core.
 */
export interface Diffeomorphism {
  forward(x: Matrix): Matrix;
  inverse(y: Matrix): Matrix;
  differential(x: Matrix, v: Matrix): Matrix;
  differentialInverse(x: Matrix, w: Matrix): Matrix;
  /** image and tangent maps at x from one factorization (default: the four members above) */
  at?(x: Matrix): DiffeomorphismAt;
  /**
   * true when Dφ_x is self-adjoint for the Frobenius product (spectral functions, congruence by
   * a symmetric matrix): the pullback then converts Euclidean gradients to Riemannian ones
   */
  readonly selfAdjoint?: boolean;
  /** the SPD parameter φ depends on (the M of whitening), when it has one */
  readonly parameter?: Matrix;
  /**
   * φ and φ⁻¹ on an autodiff tape (for batch normalization); `parameter` replaces the
   * diffeomorphism's own parameter by a tape variable
   */
  onTape?(tape: Tape, parameter?: TNode): { forward(x: TNode): TNode; inverse(y: TNode): TNode };
}

/** Options of {@link pullback}. */
export interface PullbackOptions {
  /** constant factor c > 0 of the metric: inner products ×c, distances ×√c (default 1) */
  scale?: number;
}

function atOf(d: Diffeomorphism): (x: Matrix) => DiffeomorphismAt {
  if (d.at) return d.at.bind(d);
  return (x) => ({
    image: d.forward(x),
    differential: (v) => d.differential(x, v),
    differentialInverse: (w) => d.differentialInverse(x, w),
  });
}

function times(c: number, m: Matrix): Matrix {
  if (c === 1) return m;
  const out = new Float64Array(m.data.length);
  for (let i = 0; i < out.length; i++) out[i] = c * m.data[i];
  return sq(m.rows, out);
}

function symmetric(g: Matrix): Matrix {
  return sq(g.rows, symmetrizeInPlace(g.rows, Float64Array.from(g.data)));
}

/**
 * The pullback of `base` by the diffeomorphism φ, scaled by c: ⟨U, V⟩_P = c·⟨Dφ U, Dφ V⟩_{φP},
 * Exp_P(V) = φ⁻¹(Exp_{φP}(Dφ_P V)), Log_P(Q) = (Dφ_P)⁻¹ Log_{φP}(φQ), geodesics φ⁻¹ of base
 * geodesics, transport (Dφ_Q)⁻¹ ∘ T_{φP→φQ} ∘ Dφ_P (parallel exactly when the base's is).
 * The mean is φ⁻¹ of the base mean of the φ(Xᵢ) (tolerance converted to the base's units; the
 * gradient norm is the base's, scaled, measured again at φ(mean) when the base is flat, where that
 * costs only differences in the chart); batch normalization (when the
 * base has it and φ has a tape form) runs the base's pieces on φ(Xᵢ). This one formula builds
 * log-Euclidean (φ = log, base Frobenius), log-Cholesky (the log-Cholesky chart), the power
 * deformations (φ = X^θ, c = 1/θ²), power-Euclidean and generalized Bures–Wasserstein (φ =
 * whitening by M). Returns a core: wrap it with {@link defineMetric}.
 *
 * @param base - the base metric (its core is used) or core
 * @param diffeo - φ with its inverse and tangent maps
 * @param options - scale c (default 1)
 * @throws {InvalidArgumentError} when scale is not a positive finite number or diffeo lacks a member
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * // X ↦ 2X pulls the Euclidean metric back to one with distances doubled
 * const doubling = {
 *   forward: (x) => ({ ...x, data: x.data.map((v) => 2 * v) }),
 *   inverse: (y) => ({ ...y, data: y.data.map((v) => v / 2) }),
 *   differential: (_x, v) => ({ ...v, data: v.data.map((e) => 2 * e) }),
 *   differentialInverse: (_x, w) => ({ ...w, data: w.data.map((e) => e / 2) }),
 * };
 * const m = defineMetric(pullback(euclidean, doubling), { name: 'doubled-euclidean' });
 * m.distance(identity(2), fromRows([[2, 0], [0, 2]])) // => ~2.828427
 * frechetMean([identity(2), fromRows([[3, 0], [0, 3]])], m).mean // => ~[[2, 0], [0, 2]]
 */
export function pullback(
  base: SPDMetric | SPDMetricCore,
  diffeo: Diffeomorphism,
  options: PullbackOptions = {},
): SPDMetricCore {
  if (base === null || typeof base !== 'object')
    throw new InvalidArgumentError(
      `pullback(): base must be an SPDMetric or an SPDMetricCore (got ${base === null ? 'null' : typeof base})`,
    );
  checkOptions('pullback', 'options', options);
  const raw = 'unchecked' in base ? base.unchecked : base;
  for (const member of ['squaredDistance', 'inner', 'exp', 'log', 'transport'] as const)
    if (typeof raw?.[member] !== 'function')
      throw new InvalidArgumentError(
        `pullback(): base must be an SPDMetric or an SPDMetricCore (base.${member} is not a function)`,
      );
  const b = completeCore(raw);
  if (!diffeo || typeof diffeo !== 'object')
    throw new InvalidArgumentError('pullback(): diffeo must be a Diffeomorphism object');
  for (const member of ['forward', 'inverse', 'differential', 'differentialInverse'] as const)
    if (typeof diffeo[member] !== 'function')
      throw new InvalidArgumentError(`pullback(): diffeo.${member} must be a function`);
  const c = options.scale ?? 1;
  if (typeof c !== 'number' || !(c > 0) || !Number.isFinite(c))
    throw new InvalidArgumentError(
      `pullback(): scale must be a positive finite number (got ${String(c)})`,
    );
  const root = Math.sqrt(c);
  const at = atOf(diffeo);
  const fwd = (x: Matrix) => diffeo.forward(x);
  const inv = (y: Matrix) => diffeo.inverse(y);
  const core: SPDMetricCore = {
    parallelTransport: b.parallelTransport,
    squaredDistance: (x, y) => c * b.squaredDistance(fwd(x), fwd(y)),
    squaredDistanceFrom(x) {
      const from = b.squaredDistanceFrom(fwd(x));
      return (y) => c * from(fwd(y));
    },
    inner(p, u, v) {
      const a = at(p);
      const du = a.differential(u);
      return c * b.inner(a.image, du, u === v ? du : a.differential(v));
    },
    exp(p, v) {
      const a = at(p);
      return inv(b.exp(a.image, a.differential(v)));
    },
    log(p, q) {
      const a = at(p);
      return a.differentialInverse(b.log(a.image, fwd(q)));
    },
    geodesic: (p, q, t) => inv(b.geodesic(fwd(p), fwd(q), t)),
    transport(p, q, v) {
      const a = at(p);
      const z = at(q);
      return z.differentialInverse(b.transport(a.image, z.image, a.differential(v)));
    },
    mean(points, weights, opts) {
      const ys = points.map(fwd);
      const onProgress = opts.onProgress;
      const r = b.mean(ys, weights, {
        ...opts,
        // the pulled-back norm is √c times the base norm
        tol: opts.tol / root,
        init: opts.init ? fwd(opts.init) : undefined,
        onProgress:
          onProgress && ((info) => onProgress({ ...info, residual: root * info.residual })),
      });
      const mean = inv(r.mean);
      if (!b.flatChart)
        // measured by the base at its iterate, of which `mean` is the image
        return { ...r, mean, gradientNorm: root * r.gradientNorm };
      // a flat base measures cheaply (differences in the chart): again at φ(mean) itself
      const y = fwd(mean);
      const n = y.rows;
      const grad = new Float64Array(n * n);
      for (let i = 0; i < ys.length; i++) {
        const l = b.log(y, ys[i]).data;
        for (let k = 0; k < n * n; k++) grad[k] += weights[i] * l[k];
      }
      const gradientNorm = root * b.norm(y, sq(n, grad));
      return {
        mean,
        iterations: r.iterations,
        converged: gradientNorm <= opts.tol,
        gradientNorm,
      };
    },
  };
  if (b.flatChart) {
    const chart = b.flatChart.bind(b);
    core.flatChart = (x) => times(root, chart(fwd(x)));
  }
  if (diffeo.selfAdjoint && b.riemannianGradient) {
    const rg = b.riemannianGradient.bind(b);
    // c⟨Dφ ξ, Dφ v⟩ = ⟨G, v⟩ for all v: with Dφ self-adjoint, ξ = Dφ⁻¹ B(Dφ⁻¹ G) / c
    core.riemannianGradient = (p, g) => {
      const a = at(p);
      return times(1 / c, a.differentialInverse(rg(a.image, a.differentialInverse(symmetric(g)))));
    };
  }
  const pieces = b.batchNorm;
  const onTape = diffeo.onTape?.bind(diffeo);
  if (pieces && onTape) {
    const owns = diffeo.parameter !== undefined;
    (core as { batchNorm?: SPDMetricCore['batchNorm'] }).batchNorm = {
      record(tape: Tape, parameter?: TNode): TapeGeometry {
        const phi = onTape(tape, owns ? parameter : undefined);
        const g = pieces.record(tape, owns ? undefined : parameter);
        const scaled = (s: TNode[]) => (c === 1 ? s : s.map((x) => tape.linear([x], [c])));
        return {
          centre(points, o) {
            const r = g.centre(points.map(phi.forward), { ...o, tol: o.tol / root });
            return { ...r, sqNorm: scaled(r.sqNorm), mean: phi.inverse(r.mean) };
          },
          centreAt(points, mean) {
            const r = g.centreAt(points.map(phi.forward), phi.forward(mean));
            return { v: r.v, sqNorm: scaled(r.sqNorm) };
          },
          placer(bias) {
            const place = g.placer(phi.forward(bias));
            return (v) => phi.inverse(place(v));
          },
        };
      },
    };
  }
  return core;
}
