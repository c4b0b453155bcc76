// The Grassmann manifold Gr(n, k) of k-dimensional subspaces of ℝⁿ, represented by n×k
// orthonormal bases with horizontal tangent vectors (Edelman, Arias & Smith 1998; Absil,
// Mahony & Sepulchre 2004; Bendokat, Zimmermann & Absil 2024).
import {
  checkInteger,
  checkOptions,
  InvalidArgumentError,
  type Matrix,
  type Rng,
  ShapeError,
} from '@rg/linalg';
import { dot } from '@rg/linalg/kernels';
import type { Manifold } from '@rg/optim';
import { align, logFromAlignment } from './internal/alignment.js';
import { distanceFromAngles } from './internal/distances.js';
import { expInto } from './internal/exp.js';
import { parallelTransportInto } from './internal/parallel-transport.js';
import { polarFactor } from './internal/polar.js';
import { registerGrassmann } from './internal/registry.js';
import {
  horizontalityError,
  orthonormalityError,
  projectHorizontal,
} from './internal/projection.js';
import { thinQ } from './internal/thin-qr.js';
import { assertNumber, assertPoint, assertShape, assertTangent } from './internal/validate.js';

/**
 * Distances between subspaces, all functions of the principal angles θ (Edelman, Arias &
 * Smith 1998, §4.3; Hamm & Lee 2008):
 * - `'geodesic'`: ‖θ‖₂, the arc length of the shortest geodesic (the Riemannian distance);
 * - `'chordal'`: ‖2 sin(θ/2)‖₂ = min over orthogonal Q of ‖Y − ZQ‖_F (the chordal Frobenius norm);
 * - `'projection'`: ‖sin θ‖₂ = ‖YYᵀ − ZZᵀ‖_F / √2 (the projection F-norm);
 * - `'binetCauchy'`: (1 − ∏ cos² θᵢ)^{1/2} = (1 − det(YᵀZ)²)^{1/2}.
 *
 * @example
 * import { fromRows } from '@rg/linalg';
 * const kind: GrassmannDistanceKind = 'projection';
 * const gr = grassmann(2, 1);
 * gr.distance(fromRows([[1], [0]]), fromRows([[0], [1]]), { kind }) // => 1
 */
export type GrassmannDistanceKind = 'geodesic' | 'chordal' | 'projection' | 'binetCauchy';

/** Options of {@link grassmann}. */
export interface GrassmannOptions {
  /**
   * the retraction behind `retract`: `'qr'` (default), the Q factor of Y + V with a positive
   * diagonal R; or `'polar'`, (Y + V)(I + VᵀV)^{-1/2}, the closest orthonormal basis to Y + V
   */
  retraction?: 'qr' | 'polar';
}

/**
 * The Grassmann manifold Gr(n, k) as {@link grassmann} returns it: the @rg/optim `Manifold`
 * shape (so `sgd`, `adam` and {@link gcrSgd} optimize over it) plus the geometry of subspaces.
 *
 * Points are n×k matrices Y with orthonormal columns, standing for span(Y); YQ is the same
 * point for every orthogonal k×k Q, and every distance, angle and logarithm is invariant under
 * it. Tangent vectors at Y are the horizontal n×k matrices H with YᵀH = 0, with the metric
 * ⟨H, K⟩ = tr(HᵀK) (Edelman, Arias & Smith 1998).
 *
 * Two kinds of members:
 * - the members the optimizer core calls in its inner loop (`inner`, `norm`, `projectTangent`,
 *   `riemannianGradient`, `retract`, `transport`, `isPoint`, `validate`, `randomPoint`,
 *   `randomTangent`) trust their inputs, as the core's `Manifold` contract says (call
 *   `validate` once at your boundary);
 * - the geometry (`exp`, `log`, `distance`, `principalAngles`, `geodesic`,
 *   `parallelTransport`, `isTangent`) validates its arguments and throws typed errors naming
 *   them: ShapeError for a size other than n×k, NonFiniteError for NaN or ±∞,
 *   InvalidArgumentError for a basis that is not orthonormal (max |YᵀY − I| > 1e-8) or a tangent
 *   vector that is not horizontal (max |YᵀH| > 1e-8·max(1, ‖H‖)).
 *
 * @example
 * const gr: Grassmann = grassmann(3, 2);
 * [gr.n, gr.k, gr.dim] // => [3, 2, 2]
 * gr.name // => 'grassmann(3, 2)'
 */
export interface Grassmann extends Manifold {
  /** 'grassmann(n, k)' */
  readonly name: string;
  /** the ambient dimension n */
  readonly n: number;
  /** the subspace dimension k */
  readonly k: number;
  /** the manifold's dimension k(n − k) */
  readonly dim: number;
  /** false: `transport` projects (see {@link Grassmann.parallelTransport} for an isometry) */
  readonly isometricTransport: false;
  /** the metric tr(HᵀK) (unchecked) */
  inner(y: Matrix, h: Matrix, k: Matrix): number;
  /** ‖H‖_F (unchecked) */
  norm(y: Matrix, h: Matrix): number;
  /** the horizontal projection U − Y(YᵀU) (unchecked) */
  projectTangent(y: Matrix, u: Matrix): Matrix;
  /** the Riemannian gradient of a function with Euclidean gradient G: G − Y(YᵀG) (unchecked) */
  riemannianGradient(y: Matrix, egrad: Matrix): Matrix;
  /** the QR or polar retraction chosen by `options.retraction` (unchecked) */
  retract(y: Matrix, v: Matrix): Matrix;
  /**
   * Vector transport of v ∈ T_x to T_y by projection, v − Y(Yᵀv): the core's `transport(x, y,
   * v)`, cheap and not isometric (unchecked)
   */
  transport(x: Matrix, y: Matrix, v: Matrix): Matrix;
  /**
   * The exponential map: Exp_Y(H) = Y V cos(Σ) Vᵀ + U sin(Σ) Vᵀ for the thin SVD H = U Σ Vᵀ,
   * the end point at t = 1 of the geodesic with initial velocity H. The basis returned is Y's
   * basis carried along the geodesic (orthonormal to rounding).
   *
   * @throws {ShapeError | NonFiniteError | InvalidArgumentError} when y is not an orthonormal
   *   n×k basis or h is not tangent at y
   * @example
   * import { fromRows } from '@rg/linalg';
   * const gr = grassmann(2, 1);
   * gr.exp(fromRows([[1], [0]]), fromRows([[0], [Math.PI / 2]])) // => ~[[0], [1]]
   */
  exp(y: Matrix, h: Matrix): Matrix;
  /**
   * The logarithm: the tangent vector H at Y of smallest norm with span(Exp_Y(H)) = span(Z),
   * so ‖Log_Y(Z)‖ is the geodesic distance. Computed from the principal angles and a Procrustes
   * alignment (defined even when YᵀZ is singular; when an angle is exactly π/2 the logarithm is
   * not unique and one minimizer is returned). Invariant under Z → ZQ.
   *
   * @throws {ShapeError | NonFiniteError | InvalidArgumentError} when y or z is not an
   *   orthonormal n×k basis
   * @example
   * import { fromRows } from '@rg/linalg';
   * const gr = grassmann(2, 1);
   * gr.log(fromRows([[1], [0]]), fromRows([[Math.SQRT1_2], [Math.SQRT1_2]])) // => ~[[0], [0.785398]]
   */
  log(y: Matrix, z: Matrix): Matrix;
  /**
   * A distance between span(Y) and span(Z) (default: the geodesic distance ‖θ‖₂; see
   * {@link GrassmannDistanceKind}). Every kind is computed from the principal angles, so tiny
   * distances keep their accuracy.
   *
   * @throws {ShapeError | NonFiniteError | InvalidArgumentError} on bad bases or an unknown kind
   * @example
   * import { fromRows } from '@rg/linalg';
   * const gr = grassmann(3, 1);
   * const y = fromRows([[1], [0], [0]]);
   * const z = fromRows([[0], [1], [0]]);
   * gr.distance(y, z) // => ~1.570796
   * gr.distance(y, z, { kind: 'chordal' }) // => ~1.414214
   */
  distance(y: Matrix, z: Matrix, options?: { kind?: GrassmannDistanceKind }): number;
  /**
   * The k principal angles between span(Y) and span(Z), ascending in [0, π/2]. Cosines come
   * from the SVD of YᵀZ and sines from the residual Z − Y(YᵀZ) rotated to the principal
   * vectors; each angle is taken from the better conditioned of the two, so tiny angles are
   * accurate to about ε absolutely (arccos of the cosine alone would give only √ε ≈ 1e-8).
   *
   * @throws {ShapeError | NonFiniteError | InvalidArgumentError} when y or z is not an
   *   orthonormal n×k basis
   * @example
   * import { fromRows } from '@rg/linalg';
   * const gr = grassmann(3, 2);
   * const y = fromRows([[1, 0], [0, 1], [0, 0]]);
   * const c = Math.cos(1e-9), s = Math.sin(1e-9);
   * gr.principalAngles(y, fromRows([[1, 0], [0, c], [0, s]])) // => ~[0.0000000000000, 1.000000e-9]
   */
  principalAngles(y: Matrix, z: Matrix): Float64Array;
  /**
   * The point at time t ∈ ℝ on the shortest geodesic from span(Y) (t = 0) to span(Z) (t = 1),
   * Exp_Y(t·Log_Y(Z)), as an orthonormal basis (at t = 0 exactly Y's basis).
   *
   * @throws {ShapeError | NonFiniteError | InvalidArgumentError} on bad bases or a non-finite t
   * @example
   * import { fromRows } from '@rg/linalg';
   * const gr = grassmann(2, 1);
   * gr.geodesic(fromRows([[1], [0]]), fromRows([[0], [1]]), 0.5) // => ~[[0.707107], [0.707107]]
   */
  geodesic(y: Matrix, z: Matrix, t: number): Matrix;
  /**
   * Parallel transport of ξ ∈ T_Y along the geodesic t ↦ Exp_Y(tH) to t = 1 (Edelman, Arias &
   * Smith 1998, eq. 2.68): a tangent vector at the basis `exp(y, h)` returns, with the same
   * inner products as before (an isometry). The core's `transport(x, y, v)` is the cheaper,
   * non-isometric projection.
   *
   * @throws {ShapeError | NonFiniteError | InvalidArgumentError} when y is not an orthonormal
   *   basis or h or xi is not tangent at y
   * @example
   * import { fromRows } from '@rg/linalg';
   * const gr = grassmann(2, 1);
   * const y = fromRows([[1], [0]]);
   * // along the quarter turn to span(e₂), the tangent e₂ at e₁ becomes −e₁ at e₂
   * gr.parallelTransport(y, fromRows([[0], [Math.PI / 2]]), fromRows([[0], [1]])) // => ~[[-1], [0]]
   */
  parallelTransport(y: Matrix, h: Matrix, xi: Matrix): Matrix;
  /** true when x is n×k with max |XᵀX − I| ≤ tol (default 1e-10) */
  isPoint(x: Matrix, tol?: number): boolean;
  /**
   * True when h is an n×k tangent vector at the basis y: max |yᵀh| ≤ tol·max(1, ‖h‖_F)
   * (default tol 1e-10).
   *
   * @throws {ShapeError | NonFiniteError | InvalidArgumentError} when y is not an orthonormal
   *   n×k basis
   * @example
   * import { fromRows } from '@rg/linalg';
   * const gr = grassmann(2, 1);
   * const y = fromRows([[1], [0]]);
   * gr.isTangent(y, fromRows([[0], [3]])) // => true
   * gr.isTangent(y, fromRows([[1], [3]])) // => false
   */
  isTangent(y: Matrix, h: Matrix, tol?: number): boolean;
  /** throw ShapeError, NonFiniteError or InvalidArgumentError when x is not an orthonormal n×k basis */
  validate(fn: string, name: string, x: Matrix): void;
  /** a uniformly (Haar) distributed point: the Q factor of a Gaussian n×k matrix */
  randomPoint(random: Rng): Matrix;
  /** the core's form: rows and cols must be n and k (ShapeError otherwise) */
  randomPoint(rows: number, cols: number, random: Rng): Matrix;
  /** a tangent vector at y: the horizontal projection of a Gaussian n×k matrix */
  randomTangent(y: Matrix, random: Rng): Matrix;
}

function gaussian(rows: number, cols: number, random: Rng): Float64Array {
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = random.normal();
  return data;
}

/**
 * The Grassmann manifold Gr(n, k) of k-dimensional subspaces of ℝⁿ, as n×k orthonormal bases
 * with horizontal tangent vectors (see {@link Grassmann} for the members). It satisfies the
 * optimizer core's `Manifold` shape, so a `Parameter` on it can be trained with @rg/optim's
 * `sgd`/`adam` or with {@link gcrSgd}.
 *
 * @param n - ambient dimension, an integer ≥ 1
 * @param k - subspace dimension, an integer with 1 ≤ k ≤ n
 * @param options - `retraction`: 'qr' (default) or 'polar'
 * @throws {InvalidArgumentError} when n or k is not an integer with 1 ≤ k ≤ n, or on an unknown
 *   retraction
 * @example
 * import { fromRows } from '@rg/linalg';
 * const gr = grassmann(3, 1);
 * const y = fromRows([[1], [0], [0]]);
 * const z = fromRows([[0], [1], [0]]);
 * gr.distance(y, z) // => ~1.570796
 * gr.projectTangent(y, fromRows([[5], [1], [2]])) // => [[0], [1], [2]]
 * gr.exp(y, gr.log(y, z)) // => ~[[0], [1], [0]]
 * @example
 * import { fromRows, matmul, rng } from '@rg/linalg';
 * // the distance is a function of the subspaces, not of the bases
 * const gr = grassmann(5, 2);
 * const r = rng(1);
 * const y = gr.randomPoint(r);
 * const z = gr.randomPoint(r);
 * const rotated = fromRows([[0.6, -0.8], [0.8, 0.6]]);
 * Math.abs(gr.distance(y, z) - gr.distance(matmul(y, rotated), z)) < 1e-13 // => true
 */
export function grassmann(n: number, k: number, options: GrassmannOptions = {}): Grassmann {
  checkInteger('grassmann', 'n', n, 1);
  checkInteger('grassmann', 'k', k, 1, n);
  checkOptions('grassmann', 'options', options);
  const retraction = options.retraction ?? 'qr';
  if (retraction !== 'qr' && retraction !== 'polar')
    throw new InvalidArgumentError(
      `grassmann(): retraction must be 'qr' or 'polar' (got ${String(retraction)})`,
    );
  const name = `grassmann(${n}, ${k})`;
  const len = n * k;
  const wrap = (data: Float64Array): Matrix => ({ rows: n, cols: k, data });
  const project = (y: Matrix, u: Matrix): Matrix => wrap(projectHorizontal(n, k, y.data, u.data));
  const sum = (y: Matrix, v: Matrix): Float64Array => {
    const a = new Float64Array(len);
    for (let i = 0; i < len; i++) a[i] = y.data[i] + v.data[i];
    return a;
  };
  const retract =
    retraction === 'qr'
      ? (y: Matrix, v: Matrix) => wrap(thinQ(n, k, sum(y, v)))
      : (y: Matrix, v: Matrix) => wrap(polarFactor(n, k, sum(y, v)));
  const fnName = (member: string) => `${name}.${member}`;
  const angles = (fn: string, y: Matrix, z: Matrix) => {
    assertPoint(fn, 'y', y, n, k);
    assertPoint(fn, 'z', z, n, k);
    return align(n, k, y.data, z.data);
  };

  function randomPoint(random: Rng): Matrix;
  function randomPoint(rows: number, cols: number, random: Rng): Matrix;
  function randomPoint(a: Rng | number, b?: number, c?: Rng): Matrix {
    let random: Rng;
    if (typeof a === 'number') {
      if (a !== n || b !== k)
        throw new ShapeError(
          `${fnName('randomPoint')}(): rows and cols must be ${n} and ${k} (got ${a} and ${String(b)})`,
        );
      random = c as Rng;
    } else random = a;
    if (!random || typeof random.normal !== 'function')
      throw new InvalidArgumentError(
        `${fnName('randomPoint')}(): random must be a generator from rng(seed)`,
      );
    return wrap(thinQ(n, k, gaussian(n, k, random)));
  }

  const manifold: Grassmann = {
    name,
    n,
    k,
    dim: k * (n - k),
    isometricTransport: false,
    inner: (_y: Matrix, h: Matrix, v: Matrix) => dot(len, h.data, v.data),
    norm: (_y: Matrix, h: Matrix) => Math.sqrt(dot(len, h.data, h.data)),
    projectTangent: project,
    riemannianGradient: project,
    retract,
    transport: (_x: Matrix, y: Matrix, v: Matrix) => project(y, v),
    exp(y: Matrix, h: Matrix): Matrix {
      const fn = fnName('exp');
      assertPoint(fn, 'y', y, n, k);
      assertTangent(fn, 'h', y, h, 'y');
      return wrap(expInto(n, k, y.data, h.data));
    },
    log(y: Matrix, z: Matrix): Matrix {
      const a = angles(fnName('log'), y, z);
      const out = new Float64Array(len);
      logFromAlignment(n, k, a, out);
      return wrap(out);
    },
    distance(y: Matrix, z: Matrix, opts: { kind?: GrassmannDistanceKind } = {}): number {
      const fn = fnName('distance');
      const kind = opts?.kind ?? 'geodesic';
      if (
        kind !== 'geodesic' &&
        kind !== 'chordal' &&
        kind !== 'projection' &&
        kind !== 'binetCauchy'
      )
        throw new InvalidArgumentError(
          `${fn}(): kind must be 'geodesic', 'chordal', 'projection' or 'binetCauchy' (got ${String(kind)})`,
        );
      return distanceFromAngles(angles(fn, y, z).theta, kind);
    },
    principalAngles(y: Matrix, z: Matrix): Float64Array {
      return angles(fnName('principalAngles'), y, z).theta.sort();
    },
    geodesic(y: Matrix, z: Matrix, t: number): Matrix {
      const fn = fnName('geodesic');
      const a = angles(fn, y, z);
      assertNumber(fn, 't', t);
      const h = new Float64Array(len);
      logFromAlignment(n, k, a, h);
      for (let i = 0; i < len; i++) h[i] *= t;
      return wrap(expInto(n, k, y.data, h));
    },
    parallelTransport(y: Matrix, h: Matrix, xi: Matrix): Matrix {
      const fn = fnName('parallelTransport');
      assertPoint(fn, 'y', y, n, k);
      assertTangent(fn, 'h', y, h, 'y');
      assertTangent(fn, 'xi', y, xi, 'y');
      return wrap(parallelTransportInto(n, k, y.data, h.data, xi.data));
    },
    isPoint: (x: Matrix, tol = 1e-10) =>
      !!x &&
      x.rows === n &&
      x.cols === k &&
      x.data instanceof Float64Array &&
      x.data.length === len &&
      orthonormalityError(n, k, x.data) <= tol,
    isTangent(y: Matrix, h: Matrix, tol = 1e-10): boolean {
      const fn = fnName('isTangent');
      assertPoint(fn, 'y', y, n, k);
      assertShape(fn, 'h', h, n, k);
      const norm = Math.sqrt(dot(len, h.data, h.data));
      return horizontalityError(n, k, y.data, h.data) <= tol * Math.max(1, norm);
    },
    validate(fn: string, label: string, x: Matrix): void {
      assertPoint(fn, label, x, n, k);
    },
    randomPoint,
    randomTangent: (y: Matrix, random: Rng) =>
      wrap(projectHorizontal(n, k, y.data, gaussian(n, k, random))),
  };
  registerGrassmann(manifold);
  return manifold;
}
