// Standard test functions of global optimization with known minimizers (Jamil & Yang 2013, "A
// literature survey of benchmark functions for global optimization problems"; Surjanovic &
// Bingham, Virtual Library of Simulation Experiments).
import { NonFiniteError, ShapeError } from '@rg/linalg';

/**
 * A test function of global optimization: call it on a point x (length d ≥ 1, or ≥ 2 for
 * Rosenbrock) to get f(x); it also carries its known global minimum value, a minimizer in any
 * dimension and the usual search box.
 *
 * @example
 * const f: BenchmarkFunction = rastrigin;
 * f.minimum // => 0
 * f(f.minimizer(3)) // => 0
 * f.domain // => [-5.12, 5.12]
 */
export interface BenchmarkFunction {
  (x: Float64Array): number;
  /** the global minimum value f(x*) */
  readonly minimum: number;
  /** a global minimizer x* of length `dim` */
  minimizer(dim: number): Float64Array;
  /** the usual search box [lower, upper] in every coordinate */
  readonly domain: readonly [number, number];
}

function define(
  f: (x: Float64Array) => number,
  minimum: number,
  at: number,
  domain: readonly [number, number],
  minDim = 1,
): BenchmarkFunction {
  const fn = f.name;
  const checked = {
    [fn](x: Float64Array): number {
      if (!(x instanceof Float64Array) || x.length < minDim)
        throw new ShapeError(
          `${fn}(): x must be a Float64Array of length ≥ ${minDim} (got ${x instanceof Float64Array ? `length ${x.length}` : typeof x})`,
        );
      const v = f(x);
      // a NaN entry, or an infinite one under cos, sin or ∞ − ∞, makes the value NaN: one test
      // after the loop instead of one per entry (a finite x far out may overflow to +∞, which is
      // its value's limit and is returned)
      if (Number.isNaN(v)) throw new NonFiniteError(`${fn}(): x must be finite (f(x) is NaN)`);
      return v;
    },
  }[fn];
  return Object.assign(checked, {
    minimum,
    domain,
    minimizer(dim: number): Float64Array {
      if (!Number.isInteger(dim) || dim < minDim)
        throw new ShapeError(`${fn}.minimizer(): dim must be an integer ≥ ${minDim} (got ${dim})`);
      return new Float64Array(dim).fill(at);
    },
  });
}

/**
 * Rastrigin's function f(x) = 10d + Σ (x_i² − 10 cos 2πx_i): a paraboloid with a lattice of
 * about 10ᵈ local minima near the integer points; global minimum 0 at x = 0; domain
 * [−5.12, 5.12]ᵈ.
 *
 * @throws {ShapeError} when x is not a non-empty Float64Array
 * @throws {NonFiniteError} when x has a NaN entry (or an infinite one that makes f(x) NaN)
 * @example
 * rastrigin(Float64Array.of(0, 0)) // => 0
 * rastrigin(Float64Array.of(1, 0.5)) // => ~21.25
 */
export const rastrigin: BenchmarkFunction = define(
  function rastrigin(x) {
    const d = x.length;
    let s = 10 * d;
    for (let i = 0; i < d; i++) s += x[i] * x[i] - 10 * Math.cos(2 * Math.PI * x[i]);
    return s;
  },
  0,
  0,
  [-5.12, 5.12],
);

/**
 * Ackley's function f(x) = −20 exp(−0.2 √(Σx_i²/d)) − exp(Σ cos(2πx_i)/d) + 20 + e: nearly
 * flat far out, with a deep funnel; global minimum 0 at x = 0; domain [−32.768, 32.768]ᵈ.
 *
 * @throws {ShapeError} when x is not a non-empty Float64Array
 * @throws {NonFiniteError} when x has a NaN entry (or an infinite one that makes f(x) NaN)
 * @example
 * ackley(Float64Array.of(0, 0, 0)) // => ~0
 * ackley(Float64Array.of(1, 1)) // => ~3.625384938
 */
export const ackley: BenchmarkFunction = define(
  function ackley(x) {
    const d = x.length;
    let sq = 0;
    let cs = 0;
    for (let i = 0; i < d; i++) {
      sq += x[i] * x[i];
      cs += Math.cos(2 * Math.PI * x[i]);
    }
    return -20 * Math.exp(-0.2 * Math.sqrt(sq / d)) - Math.exp(cs / d) + 20 + Math.E;
  },
  0,
  0,
  [-32.768, 32.768],
);

/**
 * Rosenbrock's function f(x) = Σ_{i<d−1} 100(x_{i+1} − x_i²)² + (1 − x_i)²: a curved
 * narrow valley; global minimum 0 at x = (1, …, 1); domain [−5, 10]ᵈ; d ≥ 2.
 *
 * @throws {ShapeError} when x is not a Float64Array of length ≥ 2
 * @throws {NonFiniteError} when x has a NaN entry (or an infinite one that makes f(x) NaN)
 * @example
 * rosenbrock(Float64Array.of(1, 1, 1)) // => 0
 * rosenbrock(Float64Array.of(0, 0)) // => 1
 */
export const rosenbrock: BenchmarkFunction = define(
  function rosenbrock(x) {
    let s = 0;
    for (let i = 0; i + 1 < x.length; i++) {
      const a = x[i + 1] - x[i] * x[i];
      const b = 1 - x[i];
      s += 100 * a * a + b * b;
    }
    return s;
  },
  0,
  1,
  [-5, 10],
  2,
);

/**
 * Griewank's function f(x) = 1 + Σ x_i²/4000 − Π cos(x_i/√i) (i from 1): many shallow local
 * minima on a wide bowl; global minimum 0 at x = 0; domain [−600, 600]ᵈ.
 *
 * @throws {ShapeError} when x is not a non-empty Float64Array
 * @throws {NonFiniteError} when x has a NaN entry (or an infinite one that makes f(x) NaN)
 * @example
 * griewank(Float64Array.of(0, 0)) // => 0
 * griewank(Float64Array.of(Math.PI, 0)) // => ~2.0024674
 */
export const griewank: BenchmarkFunction = define(
  function griewank(x) {
    let s = 0;
    let p = 1;
    for (let i = 0; i < x.length; i++) {
      s += x[i] * x[i];
      p *= Math.cos(x[i] / Math.sqrt(i + 1));
    }
    return 1 + s / 4000 - p;
  },
  0,
  0,
  [-600, 600],
);

/** x* sin √x* at the maximizer of x sin √x on [0, 500] (so that the minimum is 0) */
const SCHWEFEL_CONSTANT = 418.9828872724337;
/** the root of sin √x + (√x/2) cos √x = 0 near 421: Schwefel's minimizer in each coordinate */
const SCHWEFEL_MINIMIZER = 420.968746359982;

/**
 * Schwefel's function f(x) = 418.9828872724337·d − Σ x_i sin √|x_i|: deceptive, its second
 * best minima lie far from the best one near the corner of the box; global minimum 0 (to
 * rounding, about 10⁻¹³·d) at x_i = 420.968746359982; domain [−500, 500]ᵈ.
 *
 * @throws {ShapeError} when x is not a non-empty Float64Array
 * @throws {NonFiniteError} when x has a NaN entry (or an infinite one that makes f(x) NaN)
 * @example
 * Math.abs(schwefel(schwefel.minimizer(4))) < 1e-11 // => true
 * schwefel(Float64Array.of(0)) // => ~418.98288727
 */
export const schwefel: BenchmarkFunction = define(
  function schwefel(x) {
    let s = SCHWEFEL_CONSTANT * x.length;
    for (let i = 0; i < x.length; i++) s -= x[i] * Math.sin(Math.sqrt(Math.abs(x[i])));
    return s;
  },
  0,
  SCHWEFEL_MINIMIZER,
  [-500, 500],
);
