// Uniform samples of spheres and tori (Muller, "A note on a method for generating points
// uniformly on n-dimensional spheres", CACM 2(4), 1959; for the torus, rejection on the area
// element (R + r cos θ)).
import { type Matrix, rng, checkOptions, checkInteger, checkPositive } from '@rg/linalg';

/** Options of {@link sphere}. */
export interface SphereOptions {
  /** number of points (default 1000) */
  n?: number;
  /** dimension of the sphere S^dim ⊂ R^{dim+1} (default 2) */
  dim?: number;
  /** radius (default 1) */
  radius?: number;
  /** Gaussian noise added to the points (default 0) */
  noise?: number;
  seed?: number;
}

/**
 * Points drawn uniformly on the sphere S^dim of the given radius (normalized Gaussian vectors),
 * plus noise. Geodesic distance between noise-free points x, y: r·arccos(x·y/r²).
 *
 * @param options - `{ n = 1000, dim = 2, radius = 1, noise = 0, seed = 0 }`
 * @returns `{ points }`: n×(dim + 1), and `clean`, the noise-free points
 * @throws {InvalidArgumentError} on a bad option
 * @example
 * const s = sphere({ n: 4, seed: 3 });
 * Math.hypot(s.points.data[0], s.points.data[1], s.points.data[2]) // => ~1
 */
export function sphere(options: SphereOptions = {}): { points: Matrix; clean: Matrix } {
  const fn = 'sphere';
  checkOptions(fn, 'options', options);
  const n = checkInteger(fn, 'n', options.n ?? 1000, 1);
  const dim = checkInteger(fn, 'dim', options.dim ?? 2, 1);
  const radius = checkPositive(fn, 'radius', options.radius ?? 1);
  const noise = checkPositive(fn, 'noise', options.noise ?? 0, true);
  const random = rng(checkInteger(fn, 'seed', options.seed ?? 0, 0));
  const D = dim + 1;
  const clean = new Float64Array(n * D);
  for (let i = 0; i < n; i++) {
    let s = 0;
    do {
      s = 0;
      for (let c = 0; c < D; c++) {
        const g = random.normal();
        clean[i * D + c] = g;
        s += g * g;
      }
    } while (!(s > 1e-24));
    const f = radius / Math.sqrt(s);
    for (let c = 0; c < D; c++) clean[i * D + c] *= f;
  }
  const points = clean.slice();
  if (noise > 0) for (let q = 0; q < points.length; q++) points[q] += noise * random.normal();
  return { points: { rows: n, cols: D, data: points }, clean: { rows: n, cols: D, data: clean } };
}

/** Options of {@link torus}. */
export interface TorusOptions {
  n?: number;
  /** distance from the centre of the tube to the axis (default 2) */
  majorRadius?: number;
  /** tube radius (default 1, < majorRadius) */
  minorRadius?: number;
  noise?: number;
  seed?: number;
}

/**
 * Points drawn uniformly (by area) on the torus ((R + r cos θ) cos φ, (R + r cos θ) sin φ,
 * r sin θ), by rejection on the area element R + r cos θ, plus noise; the angles are returned.
 *
 * @param options - `{ n = 1000, majorRadius = 2, minorRadius = 1, noise = 0, seed = 0 }`
 * @returns `{ points, phi, theta }`
 * @throws {InvalidArgumentError} on a bad option (minorRadius ≥ majorRadius)
 * @example
 * const t = torus({ n: 2, seed: 1 });
 * const [x, y, z] = t.points.data.subarray(0, 3);
 * Math.hypot(Math.hypot(x, y) - 2, z) // => ~1
 */
export function torus(options: TorusOptions = {}): {
  points: Matrix;
  phi: Float64Array;
  theta: Float64Array;
} {
  const fn = 'torus';
  checkOptions(fn, 'options', options);
  const n = checkInteger(fn, 'n', options.n ?? 1000, 1);
  const R = checkPositive(fn, 'majorRadius', options.majorRadius ?? 2);
  const r = checkPositive(fn, 'minorRadius', options.minorRadius ?? 1);
  if (!(r < R)) checkPositive(fn, 'majorRadius − minorRadius', R - r);
  const noise = checkPositive(fn, 'noise', options.noise ?? 0, true);
  const random = rng(checkInteger(fn, 'seed', options.seed ?? 0, 0));
  const points = new Float64Array(3 * n);
  const phi = new Float64Array(n);
  const theta = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let th = 0;
    do th = 2 * Math.PI * random.uniform();
    while (random.uniform() * (R + r) > R + r * Math.cos(th));
    const ph = 2 * Math.PI * random.uniform();
    phi[i] = ph;
    theta[i] = th;
    const rho = R + r * Math.cos(th);
    points[3 * i] = rho * Math.cos(ph);
    points[3 * i + 1] = rho * Math.sin(ph);
    points[3 * i + 2] = r * Math.sin(th);
  }
  if (noise > 0) for (let q = 0; q < points.length; q++) points[q] += noise * random.normal();
  return { points: { rows: n, cols: 3, data: points }, phi, theta };
}
