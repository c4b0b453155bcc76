// First divided differences f[x, y] = (f(x) − f(y))/(x − y), with f[x, x] = f'(x), in forms
// that keep relative accuracy both for x ≈ y (no cancellation) and for wide spreads (no
// overflow or underflow in the intermediates): the entries of the Loewner matrix in the
// Daleckii–Krein formula (Higham, Functions of Matrices, 2008, §3.2 and Problem 3.14; Bhatia,
// Matrix Analysis, 1997, §V.3). Each form was checked against 50-digit mpmath values over
// near-equal pairs and spreads up to 1e300 (test/fixtures/gen_divided_differences.py).

/** A first divided difference f[x, y], symmetric in x and y, f'(x) when x = y. */
export type DividedDifference = (x: number, y: number) => number;

/** ε^⅓: step below which the generic form switches to f' at the midpoint. */
const CBRT_EPS = 6.055454452393343e-6;

/**
 * log[x, y] for x, y > 0. Within a factor of 2, max − min is exact (Sterbenz) and
 * log1p((max − min)/min) has no cancellation; farther apart log(max/min) is accurate
 * (log(max/min) ≥ log 2) unless max/min overflows, where log max − log min no longer cancels.
 * Relative error a few ε everywhere.
 *
 * @example
 * import { dividedDifferenceLog } from '@rg/linalg/kernels';
 * dividedDifferenceLog(2, 2) // => 0.5
 * dividedDifferenceLog(Math.E, 1) // => ~0.581977
 * dividedDifferenceLog(1 + 1e-12, 1) // => ~1
 */
export function dividedDifferenceLog(x: number, y: number): number {
  if (x === y) return 1 / x;
  // Ordered so that f[x, y] and f[y, x] round identically.
  const hi = Math.max(x, y);
  const lo = Math.min(x, y);
  const d = hi - lo;
  if (hi <= 2 * lo) return Math.log1p(d / lo) / d;
  const q = hi / lo;
  if (q < Number.POSITIVE_INFINITY) return Math.log(q) / d;
  return (Math.log(hi) - Math.log(lo)) / d;
}

/**
 * exp[x, y] for real x, y. With h = |x − y|: e^min · expm1(h)/h for h ≤ 1 (no cancellation),
 * e^max · (−expm1(−h))/h beyond (no overflow of expm1(h) while the result is finite).
 * Relative error a few ε.
 *
 * @example
 * import { dividedDifferenceExp } from '@rg/linalg/kernels';
 * dividedDifferenceExp(0, 0) // => 1
 * dividedDifferenceExp(1, 0) // => ~1.718282
 * dividedDifferenceExp(-400, 400) // => ~6.52684e170
 */
export function dividedDifferenceExp(x: number, y: number): number {
  if (x === y) return Math.exp(x);
  const hi = Math.max(x, y);
  const lo = Math.min(x, y);
  const h = hi - lo;
  if (h <= 1) return Math.exp(lo) * (Math.expm1(h) / h);
  const eh = Math.exp(hi);
  if (eh < Number.POSITIVE_INFINITY) return eh * (-Math.expm1(-h) / h);
  return Math.exp(hi - Math.log(h)) * -Math.expm1(-h);
}

/**
 * √·[x, y] = 1/(√x + √y) for x, y ≥ 0 (the rationalized form: no cancellation anywhere).
 *
 * @example
 * import { dividedDifferenceSqrt } from '@rg/linalg/kernels';
 * dividedDifferenceSqrt(4, 9) // => 0.2
 */
export function dividedDifferenceSqrt(x: number, y: number): number {
  return 1 / (Math.sqrt(x) + Math.sqrt(y));
}

/**
 * (x^{-½})[x, y] = −1/(√x·√y·(√x + √y)) for x, y > 0 (rationalized: no cancellation).
 *
 * @example
 * import { dividedDifferenceInvSqrt } from '@rg/linalg/kernels';
 * dividedDifferenceInvSqrt(1, 4) // => ~-0.166667
 */
export function dividedDifferenceInvSqrt(x: number, y: number): number {
  const sx = Math.sqrt(x);
  const sy = Math.sqrt(y);
  return -1 / (sx * sy * (sx + sy));
}

/**
 * The divided difference of x ↦ x^θ on x, y > 0. With t = log(max/min):
 * θ ≥ 0: max^{θ−1} · expm1(−θt)/expm1(−t); θ < 0: min^{θ−1} · expm1(θt)/expm1(t) while
 * max/min < 2, min^θ · expm1(θt)/(max − min) beyond. The exponentials only see arguments
 * ≤ 0 or below log 2 (no overflow, no amplified rounding of t) and the quotients are
 * insensitive to the rounding of t near x ≈ y, so the relative error stays a few ε for
 * spreads up to 1e300, plus the error of Math.pow itself for extreme arguments (V8's pow
 * loses about |θ log x|·ε: 28ε for x^−0.99 at x = 1e-300).
 *
 * @param theta - the exponent θ (any finite real)
 * @returns the divided difference (x, y) ↦ (x^θ − y^θ)/(x − y)
 * @example
 * import { dividedDifferencePower } from '@rg/linalg/kernels';
 * const square = dividedDifferencePower(2);
 * square(3, 5) // => ~8
 * dividedDifferencePower(0.5)(4, 9) // => ~0.2
 * dividedDifferencePower(-1)(2, 4) // => ~-0.125
 */
export function dividedDifferencePower(theta: number): DividedDifference {
  return (x, y) => {
    if (x === y) return theta * x ** (theta - 1);
    const hi = Math.max(x, y);
    const lo = Math.min(x, y);
    const q = hi / lo;
    const t = q < Number.POSITIVE_INFINITY ? Math.log(q) : Math.log(hi) - Math.log(lo);
    // hi/lo rounded to 1 although hi ≠ lo: the pair is one ulp apart.
    if (t === 0) return theta * hi ** (theta - 1);
    if (theta >= 0) return hi ** (theta - 1) * (Math.expm1(-theta * t) / Math.expm1(-t));
    if (q < 2) return lo ** (theta - 1) * (Math.expm1(theta * t) / Math.expm1(t));
    // Farther apart, min^{θ−1}/expm1(t) = min^θ/(max − min): this avoids expm1 of a large t
    // (which would turn the |t|·ε rounding of t into a relative error) and the overflow of
    // min^{θ−1} for tiny min; if min^θ alone overflows, it is applied in two halves.
    const p = lo ** theta;
    if (p < Number.POSITIVE_INFINITY) return (p / (hi - lo)) * Math.expm1(theta * t);
    const r = lo ** (0.5 * theta);
    return (r / (hi - lo)) * r * Math.expm1(theta * t);
  };
}

/**
 * The divided difference of a user function f with derivative df: f'(x) when x = y;
 * df((x + y)/2) when |x − y| ≤ ε^⅓·max(|x|, |y|) (error O(h²) instead of the O(ε/h) of the
 * quotient); (f(x) − f(y))/(x − y) otherwise.
 *
 * @param f - the scalar function
 * @param df - its derivative
 * @example
 * import { dividedDifferenceGeneric } from '@rg/linalg/kernels';
 * const cube = dividedDifferenceGeneric((x) => x ** 3, (x) => 3 * x * x);
 * cube(1, 2) // => 7
 * cube(2, 2) // => 12
 */
export function dividedDifferenceGeneric(
  f: (x: number) => number,
  df: (x: number) => number,
): DividedDifference {
  return (x, y) => {
    if (x === y) return df(x);
    const h = x - y;
    const ax = Math.abs(x);
    const ay = Math.abs(y);
    if (Math.abs(h) <= CBRT_EPS * Math.max(ax, ay)) return df(0.5 * (x + y));
    return (f(x) - f(y)) / h;
  };
}
