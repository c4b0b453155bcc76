// The Swiss roll and S-curve benchmark manifolds (as scikit-learn's make_swiss_roll and
// make_s_curve), with their intrinsic flat coordinates for ground-truth geodesic distances.
import { type Matrix, rng, checkOptions, checkInteger, checkPositive } from '@rg/linalg';

/** Options of {@link swissRoll} and {@link sCurve}. */
export interface ManifoldSampleOptions {
  /** number of points (default 1000) */
  n?: number;
  /** standard deviation of isotropic Gaussian noise added to the points (default 0) */
  noise?: number;
  /** seed of the generator (default 0) */
  seed?: number;
}

/** A sample of a flat 2-D manifold embedded in R³. */
export interface FlatManifoldSample {
  /** n×3 points (with noise) */
  points: Matrix;
  /** the curve parameter of each point (the colour in the usual figures) */
  t: Float64Array;
  /** the height (the flat direction) of each point */
  height: Float64Array;
  /**
   * n×2 isometric flat coordinates (arc length along the curve, height): geodesic distances on
   * the noise-free manifold are Euclidean distances between these rows
   */
  intrinsic: Matrix;
}

/**
 * Arc length of the spiral (t cos t, t sin t) from 0 to t: ½(t√(1 + t²) + asinh t).
 */
function spiralArcLength(t: number): number {
  return 0.5 * (t * Math.sqrt(1 + t * t) + Math.asinh(t));
}

/**
 * Points on the Swiss roll (t cos t, h, t sin t), t = 1.5π(1 + 2u), h = 21v with u, v uniform
 * (scikit-learn's make_swiss_roll), plus Gaussian noise. The roll is a developable surface: its
 * geodesic distances are the Euclidean distances of the unrolled coordinates
 * (s(t), h), s(t) = ½(t√(1+t²) + asinh t) the arc length of the spiral, returned as `intrinsic`.
 *
 * @param options - `{ n = 1000, noise = 0, seed = 0 }`
 * @returns `{ points, t, height, intrinsic }`
 * @throws {InvalidArgumentError} on a bad option
 * @example
 * const r = swissRoll({ n: 3, seed: 1 });
 * r.points.rows // => 3
 * const i = 0;
 * Math.hypot(r.points.data[3 * i], r.points.data[3 * i + 2]) - r.t[i] // => ~0
 */
export function swissRoll(options: ManifoldSampleOptions = {}): FlatManifoldSample {
  const fn = 'swissRoll';
  checkOptions(fn, 'options', options);
  const n = checkInteger(fn, 'n', options.n ?? 1000, 1);
  const noise = checkPositive(fn, 'noise', options.noise ?? 0, true);
  const random = rng(checkInteger(fn, 'seed', options.seed ?? 0, 0));
  const points = new Float64Array(3 * n);
  const t = new Float64Array(n);
  const height = new Float64Array(n);
  const intrinsic = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const ti = 1.5 * Math.PI * (1 + 2 * random.uniform());
    const hi = 21 * random.uniform();
    t[i] = ti;
    height[i] = hi;
    points[3 * i] = ti * Math.cos(ti);
    points[3 * i + 1] = hi;
    points[3 * i + 2] = ti * Math.sin(ti);
    intrinsic[2 * i] = spiralArcLength(ti);
    intrinsic[2 * i + 1] = hi;
  }
  addNoise(points, noise, random);
  return {
    points: { rows: n, cols: 3, data: points },
    t,
    height,
    intrinsic: { rows: n, cols: 2, data: intrinsic },
  };
}

/**
 * Points on the S-curve (sin t, h, sign(t)(cos t − 1)), t = 3π(u − ½), h = 2v (scikit-learn's
 * make_s_curve), plus Gaussian noise. The curve has unit speed, so the intrinsic coordinates
 * are (t, h) and geodesic distances their Euclidean distances.
 *
 * @param options - `{ n = 1000, noise = 0, seed = 0 }`
 * @returns `{ points, t, height, intrinsic }`
 * @throws {InvalidArgumentError} on a bad option
 * @example
 * const s = sCurve({ n: 5, seed: 2 });
 * s.intrinsic.data[0] === s.t[0] // => true
 */
export function sCurve(options: ManifoldSampleOptions = {}): FlatManifoldSample {
  const fn = 'sCurve';
  checkOptions(fn, 'options', options);
  const n = checkInteger(fn, 'n', options.n ?? 1000, 1);
  const noise = checkPositive(fn, 'noise', options.noise ?? 0, true);
  const random = rng(checkInteger(fn, 'seed', options.seed ?? 0, 0));
  const points = new Float64Array(3 * n);
  const t = new Float64Array(n);
  const height = new Float64Array(n);
  const intrinsic = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const ti = 3 * Math.PI * (random.uniform() - 0.5);
    const hi = 2 * random.uniform();
    t[i] = ti;
    height[i] = hi;
    points[3 * i] = Math.sin(ti);
    points[3 * i + 1] = hi;
    points[3 * i + 2] = Math.sign(ti) * (Math.cos(ti) - 1);
    intrinsic[2 * i] = ti;
    intrinsic[2 * i + 1] = hi;
  }
  addNoise(points, noise, random);
  return {
    points: { rows: n, cols: 3, data: points },
    t,
    height,
    intrinsic: { rows: n, cols: 2, data: intrinsic },
  };
}

function addNoise(points: Float64Array, noise: number, random: ReturnType<typeof rng>): void {
  if (noise > 0) for (let q = 0; q < points.length; q++) points[q] += noise * random.normal();
}
