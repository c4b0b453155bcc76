// Shared test suites for manifolds and the optimizers over them: the identities every
// manifold must satisfy (Absil, Mahony & Sepulchre 2008, ch. 3–4 and 8) checked on seeded
// random points with fast-check, and convergence runs of the core optimizers on problems with a
// known minimizer. Types are structural, so any package's manifold and optimizer plug in
// without a dependency on @rg/optim.
import { type Matrix, type Rng, rng } from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** The members of a manifold that the suites exercise (the shape of @rg/optim's Manifold). */
export interface SuiteManifold {
  readonly name: string;
  inner(x: Matrix, u: Matrix, v: Matrix): number;
  norm?(x: Matrix, v: Matrix): number;
  projectTangent(x: Matrix, u: Matrix): Matrix;
  riemannianGradient(x: Matrix, egrad: Matrix): Matrix;
  retract(x: Matrix, v: Matrix): Matrix;
  exp?(x: Matrix, v: Matrix): Matrix;
  transport(x: Matrix, y: Matrix, v: Matrix): Matrix;
  isPoint?(x: Matrix, tol?: number): boolean;
  readonly isometricTransport?: boolean;
  randomPoint?(rows: number, cols: number, random: Rng): Matrix;
  randomTangent?(x: Matrix, random: Rng): Matrix;
}

/** Options of {@link describeManifold}. */
export interface DescribeManifoldOptions {
  manifold: SuiteManifold;
  /** a random point (default: `manifold.randomPoint(rows, cols, random)`) */
  randomPoint?: (random: Rng) => Matrix;
  /** size for the default `randomPoint` */
  rows?: number;
  cols?: number;
  /** a random tangent vector at x with norm of order one (default: `manifold.randomTangent`) */
  randomTangent?: (x: Matrix, random: Rng) => Matrix;
  /** membership test (default: `manifold.isPoint(x)`) */
  isPoint?: (x: Matrix) => boolean;
  /** fast-check runs per property (default 20) and seed (default 1) */
  runs?: number;
  seed?: number;
  /**
   * relative tolerance of identities that hold exactly in exact arithmetic and are computed
   * by a few products (default 1e-10: a few hundred ulp of growth through O(n) sums)
   */
  tol?: number;
}

function dotF(a: Matrix, b: Matrix): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += a.data[i] * b.data[i];
  return s;
}

function normF(a: Matrix): number {
  return Math.sqrt(dotF(a, a));
}

function distF(a: Matrix, b: Matrix): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += (a.data[i] - b.data[i]) ** 2;
  return Math.sqrt(s);
}

function scaled(a: Matrix, s: number): Matrix {
  return { rows: a.rows, cols: a.cols, data: a.data.map((v) => s * v) };
}

function gaussian(rows: number, cols: number, random: Rng): Matrix {
  return { rows, cols, data: Float64Array.from({ length: rows * cols }, () => random.normal()) };
}

/**
 * Property tests of a manifold: the metric is symmetric and positive; `projectTangent` is an
 * idempotent, Frobenius-self-adjoint projection that fixes tangent vectors; tangent vectors
 * are the velocities of the retraction; `retract(x, 0) = x` and retractions (and `exp`) stay on
 * the manifold; the retraction agrees with `exp` to first order; `transport` lands in the new
 * tangent space (and preserves inner products when the manifold says it is isometric); the
 * Riemannian gradient is tangent and represents the Euclidean one, ⟨rgrad, v⟩_x = ⟨egrad, v⟩_F.
 */
export function describeManifold(name: string, options: DescribeManifoldOptions): void {
  const m = options.manifold;
  const runs = options.runs ?? 20;
  const seed = options.seed ?? 1;
  const tol = options.tol ?? 1e-10;
  const point =
    options.randomPoint ??
    ((random: Rng) => {
      if (!m.randomPoint || options.rows === undefined || options.cols === undefined)
        throw new Error(
          'describeManifold: give randomPoint, or rows and cols with manifold.randomPoint',
        );
      return m.randomPoint(options.rows, options.cols, random);
    });
  const tangent =
    options.randomTangent ??
    ((x: Matrix, random: Rng) => {
      if (!m.randomTangent) throw new Error('describeManifold: give randomTangent');
      return m.randomTangent(x, random);
    });
  const isPoint =
    options.isPoint ??
    ((x: Matrix) => {
      if (!m.isPoint) throw new Error('describeManifold: give isPoint');
      return m.isPoint(x);
    });
  const property = (body: (random: Rng) => void) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (s) => {
        body(rng(s));
      }),
      { seed, numRuns: runs },
    );
  };
  /** the metric norm, for scaling tolerances */
  const nrm = (x: Matrix, v: Matrix) => Math.sqrt(Math.abs(m.inner(x, v, v)));

  describe(`${name}: manifold identities`, () => {
    it('inner(x, u, v) is symmetric and positive definite; norm² = inner', () => {
      property((r) => {
        const x = point(r);
        const u = tangent(x, r);
        const v = tangent(x, r);
        const scale = nrm(x, u) * nrm(x, v);
        expect(Math.abs(m.inner(x, u, v) - m.inner(x, v, u))).toBeLessThanOrEqual(tol * scale);
        expect(m.inner(x, u, u)).toBeGreaterThan(0);
        if (m.norm) {
          const n = m.norm(x, u);
          expect(Math.abs(n * n - m.inner(x, u, u))).toBeLessThanOrEqual(tol * m.inner(x, u, u));
        }
      });
    });

    it('projectTangent(x, ·) is idempotent, self-adjoint in the Frobenius product, and fixes tangent vectors', () => {
      property((r) => {
        const x = point(r);
        const u = gaussian(x.rows, x.cols, r);
        const w = gaussian(x.rows, x.cols, r);
        const pu = m.projectTangent(x, u);
        const pw = m.projectTangent(x, w);
        expect(distF(m.projectTangent(x, pu), pu)).toBeLessThanOrEqual(tol * (1 + normF(pu)));
        expect(Math.abs(dotF(pu, w) - dotF(u, pw))).toBeLessThanOrEqual(
          tol * (1 + normF(u) * normF(w)),
        );
        const v = tangent(x, r);
        expect(distF(m.projectTangent(x, v), v)).toBeLessThanOrEqual(tol * (1 + normF(v)));
      });
    });

    it('retract(x, 0) = x, retractions stay on the manifold, and tangent vectors are their velocities', () => {
      property((r) => {
        const x = point(r);
        const zero = { rows: x.rows, cols: x.cols, data: new Float64Array(x.data.length) };
        expect(distF(m.retract(x, zero), x)).toBeLessThanOrEqual(tol * (1 + normF(x)));
        const v = tangent(x, r);
        for (const t of [0.1, 1]) expect(isPoint(m.retract(x, scaled(v, t)))).toBe(true);
        // central difference (R(hv) − R(−hv))/2h = v + O(h²) + O(ε‖x‖/h): with h = 1e-5 both
        // terms are ≲ 1e-10 relative, so 1e-7 leaves room for curvature constants up to 1e3
        const h = 1e-5 / Math.max(1, normF(v));
        const fwd = m.retract(x, scaled(v, h));
        const bwd = m.retract(x, scaled(v, -h));
        const velocity = {
          rows: x.rows,
          cols: x.cols,
          data: fwd.data.map((a, i) => (a - bwd.data[i]) / (2 * h)),
        };
        expect(distF(velocity, v)).toBeLessThanOrEqual(1e-7 * Math.max(normF(v), normF(x)));
      });
    });

    if (m.exp) {
      const exp = m.exp.bind(m);
      it('exp(x, 0) = x, exp stays on the manifold, and the retraction agrees with exp to first order', () => {
        property((r) => {
          const x = point(r);
          const zero = { rows: x.rows, cols: x.cols, data: new Float64Array(x.data.length) };
          expect(distF(exp(x, zero), x)).toBeLessThanOrEqual(tol * (1 + normF(x)));
          const v = tangent(x, r);
          const unit = scaled(v, 1 / nrm(x, v));
          expect(isPoint(exp(x, unit))).toBe(true);
          // e(h) = ‖R_x(hv) − Exp_x(hv)‖ is O(h²) for any retraction: halving h must divide it by
          // about 4 (8 for second-order retractions); below 1e-13 the two agree to rounding
          const gap = (h: number) => distF(m.retract(x, scaled(unit, h)), exp(x, scaled(unit, h)));
          const e1 = gap(1e-2);
          const e2 = gap(5e-3);
          if (e1 > 1e-13 * (1 + normF(x))) expect(e2 / e1).toBeLessThan(0.3);
          expect(e1).toBeLessThan(1e-2 * 1e-2 * 100 * (1 + normF(x)));
        });
      });
    }

    it(`transport(x, y, v) lands in T_y${m.isometricTransport ? ' and preserves inner products' : ''}`, () => {
      property((r) => {
        const x = point(r);
        const y = m.retract(x, tangent(x, r));
        const u = tangent(x, r);
        const w = tangent(x, r);
        const tu = m.transport(x, y, u);
        const tw = m.transport(x, y, w);
        expect(distF(m.projectTangent(y, tu), tu)).toBeLessThanOrEqual(tol * (1 + normF(tu)));
        if (m.isometricTransport)
          expect(Math.abs(m.inner(y, tu, tw) - m.inner(x, u, w))).toBeLessThanOrEqual(
            tol * nrm(x, u) * nrm(x, w),
          );
      });
    });

    it('riemannianGradient(x, G) is tangent and ⟨rgrad, v⟩_x = ⟨G, v⟩_F for tangent v', () => {
      property((r) => {
        const x = point(r);
        const g = gaussian(x.rows, x.cols, r);
        const xi = m.riemannianGradient(x, g);
        expect(distF(m.projectTangent(x, xi), xi)).toBeLessThanOrEqual(tol * (1 + normF(xi)));
        const v = tangent(x, r);
        expect(Math.abs(m.inner(x, xi, v) - dotF(g, v))).toBeLessThanOrEqual(
          tol * (1 + nrm(x, xi) * nrm(x, v) + normF(g) * normF(v)),
        );
      });
    });
  });
}

/** A parameter as the suites hand it to an optimizer (the shape of @rg/optim's Parameter). */
export interface SuiteParameter {
  readonly name: string;
  value: Matrix;
  grad?: Matrix;
  manifold?: SuiteManifold;
}

/** The optimizer members the suites use (the shape of @rg/optim's Optimizer). */
export interface SuiteOptimizer {
  readonly name: string;
  readonly steps: number;
  step(params: readonly SuiteParameter[]): void;
}

/** One optimizer run of {@link describeOptimizers}. */
export interface OptimizerCase {
  make(): SuiteOptimizer;
  /** steps to take */
  steps: number;
  /** bound on `problem.error(x)` after the run, derived by the caller (say how in a comment) */
  tolerance: number;
}

/** The core optimizers every manifold is tested with. */
export type CoreOptimizerCases = Record<
  'sgd' | 'sgd-momentum' | 'sgd-nesterov' | 'adam' | 'adamw',
  OptimizerCase
>;

/** A minimization problem on a manifold with a known minimizer. */
export interface OptimizationProblem {
  manifold: SuiteManifold;
  /** starting point (copied for each run) */
  start: Matrix;
  /** Euclidean gradient of the cost at x */
  gradient(x: Matrix): Matrix;
  /** distance from x to the known minimizer (set) */
  error(x: Matrix): number;
  /** membership test (default: `manifold.isPoint(x)`) */
  isPoint?: (x: Matrix) => boolean;
  /**
   * a random Euclidean gradient at x for the stay-on-the-manifold run (default: Gaussian,
   * rescaled to Frobenius norm 10)
   */
  randomGradient?: (x: Matrix, random: Rng) => Matrix;
}

/**
 * Run every core optimizer on `problem`: each run checks after every step that the value is
 * still a point of the manifold and is updated in place (same Matrix, same data array), and at
 * the end that `error(x) ≤ tolerance`. A second run per optimizer feeds 100 seeded random gradients
 * (`randomGradient`, default of norm 10) and checks the iterates never leave the manifold.
 */
export function describeOptimizers(
  name: string,
  problem: OptimizationProblem,
  optimizers: CoreOptimizerCases,
): void {
  const m = problem.manifold;
  const isPoint =
    problem.isPoint ??
    ((x: Matrix) => {
      if (!m.isPoint) throw new Error('describeOptimizers: give isPoint');
      return m.isPoint(x);
    });
  describe(`${name}: core optimizers`, () => {
    for (const [label, c] of Object.entries(optimizers)) {
      it(`${label} stays on ${m.name}, updates in place, and reaches the minimizer within ${c.tolerance.toExponential(0)}`, () => {
        const opt = c.make();
        const value = { ...problem.start, data: problem.start.data.slice() };
        const data = value.data;
        const p: SuiteParameter = { name: 'x', value, manifold: m };
        for (let k = 0; k < c.steps; k++) {
          p.grad = problem.gradient(p.value);
          opt.step([p]);
          if (!isPoint(p.value)) expect.fail(`step ${k + 1}: the iterate left ${m.name}`);
        }
        expect(p.value).toBe(value);
        expect(p.value.data).toBe(data);
        expect(opt.steps).toBe(c.steps);
        expect(problem.error(p.value)).toBeLessThanOrEqual(c.tolerance);
      });

      it(`${label} keeps iterates on ${m.name} under 100 random gradients`, () => {
        const r = rng(7);
        const opt = c.make();
        const p: SuiteParameter = {
          name: 'x',
          value: { ...problem.start, data: problem.start.data.slice() },
          manifold: m,
        };
        const randomGradient =
          problem.randomGradient ??
          ((x: Matrix, random: Rng) => {
            const g = gaussian(x.rows, x.cols, random);
            return scaled(g, 10 / normF(g));
          });
        for (let k = 0; k < 100; k++) {
          p.grad = randomGradient(p.value, r);
          opt.step([p]);
          if (!isPoint(p.value)) expect.fail(`step ${k + 1}: the iterate left ${m.name}`);
        }
      });
    }
  });
}
