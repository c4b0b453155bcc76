import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eigvals } from './eigvals.js';
import { AbortError, ConvergenceError, NonFiniteError, ShapeError } from './errors.js';
import { fromRows, type Matrix, zeros } from './matrix.js';
import { rng } from './rng.js';
import { schur } from './schur.js';

const EPS = 2 ** -52;

interface EigFixture {
  name: string;
  regime: string;
  a: number[][];
  norm2: number;
  jordan: number;
  kappa: number | null;
  ref_re: number[];
  ref_im: number[];
  numpy_err: number;
}
const fixtures = JSON.parse(
  readFileSync(new URL('../test/fixtures/general-eigvals.json', import.meta.url), 'utf8'),
) as { cases: EigFixture[] };

/** max |λ − λ_ref| after greedy nearest matching (the generator measures NumPy the same way). */
function matchError(re: Float64Array, im: Float64Array, refRe: number[], refIm: number[]): number {
  const used = new Array<boolean>(refRe.length).fill(false);
  let worst = 0;
  for (let i = 0; i < re.length; i++) {
    let best = -1;
    let bestD = Number.POSITIVE_INFINITY;
    for (let k = 0; k < refRe.length; k++) {
      if (used[k]) continue;
      const d = Math.hypot(re[i] - refRe[k], im[i] - refIm[k]);
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    used[best] = true;
    worst = Math.max(worst, bestD);
  }
  return worst;
}

function randomMatrix(seed: number, n: number): Matrix {
  const r = rng(seed);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) data[i] = r.normal();
  return { rows: n, cols: n, data };
}

/** Frobenius norm, scaled so that entries near 1e±300 neither overflow nor underflow. */
function frob(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]));
  if (m === 0) return 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] / m) ** 2;
  return m * Math.sqrt(s);
}

describe('eigvals', () => {
  it('eigvals(a) on fixtures: error vs mpmath at most twice NumPy’s plus the first-order bound', () => {
    const rows: string[] = [];
    for (const c of fixtures.cases) {
      const a = fromRows(c.a);
      const n = a.rows;
      const { re, im, converged } = eigvals(a);
      expect(converged, c.name).toBe(true);
      const err = matchError(re, im, c.ref_re, c.ref_im);
      // A backward-stable method moves a simple eigenvalue by ≤ κ(λ)·‖E‖₂ with
      // ‖E‖₂ ≤ c·n·u·‖A‖₂ (c = 10); a Jordan block of size k by ≈ (c·n·u)^{1/k}‖A‖₂.
      const floor =
        c.jordan > 1
          ? 10 * (n * EPS) ** (1 / c.jordan) * c.norm2
          : 10 * n * EPS * c.norm2 * (c.kappa ?? 1);
      rows.push(`${c.name}: ours ${err.toExponential(2)} numpy ${c.numpy_err.toExponential(2)}`);
      expect(err, c.name).toBeLessThanOrEqual(2 * c.numpy_err + floor);
    }
    // the accuracy report (ours vs NumPy on every fixture)
    console.log(`eigvals accuracy vs mpmath (max |λ − λ_ref|):\n  ${rows.join('\n  ')}`);
  });

  it('eigvals(a) balances: a badly scaled matrix keeps the accuracy of its balanced form', () => {
    const c = fixtures.cases.find((f) => f.regime === 'badly-scaled');
    if (!c) throw new Error('fixture missing');
    const a = fromRows(c.a);
    let maxRef = 0;
    for (let i = 0; i < c.ref_re.length; i++)
      maxRef = Math.max(maxRef, Math.hypot(c.ref_re[i], c.ref_im[i]));
    // D A D⁻¹ has the eigenvalues of A (‖A‖ ≈ 5) but ‖DAD⁻¹‖ ≈ 1e12: after balancing the
    // error is that of the unscaled matrix, c·n·u·max|λ| (c = 10); unbalanced it is ~1e-4
    const balanced = eigvals(a);
    expect(matchError(balanced.re, balanced.im, c.ref_re, c.ref_im)).toBeLessThanOrEqual(
      10 * a.rows * EPS * maxRef,
    );
    const raw = eigvals(a, { balance: false });
    expect(raw.converged).toBe(true);
  });

  it('eigvals(a): conjugate pairs adjacent with positive imaginary part first (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 14 }),
        (seed, n) => {
          const { re, im } = eigvals(randomMatrix(seed, n));
          for (let i = 0; i < n; i++) {
            if (im[i] === 0) continue;
            expect(im[i]).toBeGreaterThan(0);
            expect(re[i + 1]).toBe(re[i]);
            expect(im[i + 1]).toBe(-im[i]);
            i++;
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('eigvals(a): sum = trace and they agree with schur(a) (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 14 }),
        (seed, n) => {
          const a = randomMatrix(seed, n);
          const { re, im } = eigvals(a);
          const s = schur(a);
          let sum = 0;
          let trace = 0;
          for (let i = 0; i < n; i++) {
            sum += re[i];
            trace += a.data[i * n + i];
          }
          const nf = frob(a.data);
          // |tr E| ≤ √n‖E‖_F with ‖E‖_F ≤ 10·n·u·‖A‖_F (backward stability), plus the sum
          expect(Math.abs(sum - trace)).toBeLessThanOrEqual(
            (10 * n * Math.sqrt(n) + 2 * n) * EPS * nf,
          );
          // random normal matrices have well-conditioned eigenvalues with overwhelming
          // probability; both routes are backward stable, so they agree to κ·c·n·u·‖A‖
          // with κ ≤ 1e4 (a loose bound on these sizes)
          expect(matchError(re, im, Array.from(s.re), Array.from(s.im))).toBeLessThanOrEqual(
            1e4 * 10 * n * EPS * nf,
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('eigvals(c·a) = c·eigvals(a) for c = 1e±200, 1e±300 (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom(1e200, 1e-200, 1e300, 1e-300),
        (seed, n, c) => {
          const a = randomMatrix(seed, n);
          const ca = { rows: n, cols: n, data: a.data.map((v) => v * c) };
          const scaled = eigvals(ca);
          expect(scaled.converged).toBe(true);
          const ref = eigvals(a);
          const re = scaled.re.map((v) => v / c);
          const im = scaled.im.map((v) => v / c);
          // both are backward stable (‖E‖ ≤ 10·n·u·‖A‖_F); κ ≤ 1e4 bounds the eigenvalue
          // condition of random normal matrices of these sizes with room to spare
          expect(matchError(re, im, Array.from(ref.re), Array.from(ref.im))).toBeLessThanOrEqual(
            1e4 * 2 * 10 * n * EPS * frob(a.data),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('eigvals(a) of triangular and zero matrices is exact', () => {
    expect(
      Array.from(
        eigvals(
          fromRows([
            [3, 1, 2],
            [0, -1, 5],
            [0, 0, 7],
          ]),
        ).re,
      ),
    ).toEqual([3, -1, 7]);
    const z = eigvals(zeros(4));
    expect(Array.from(z.re)).toEqual([0, 0, 0, 0]);
    expect(Array.from(z.im)).toEqual([0, 0, 0, 0]);
    expect(eigvals(zeros(0)).re.length).toBe(0);
  });

  it('eigvals(a) does not mutate a', () => {
    const a = randomMatrix(4, 9);
    const before = Float64Array.from(a.data);
    eigvals(a);
    eigvals(a, { balance: false });
    expect(a.data).toEqual(before);
  });

  it('eigvals(a) rejects non-square and non-finite input with typed errors', () => {
    expect(() => eigvals(zeros(1, 2))).toThrow(ShapeError);
    expect(() =>
      eigvals(
        fromRows([
          [1, 2],
          [Number.NEGATIVE_INFINITY, 0],
        ]),
      ),
    ).toThrow(NonFiniteError);
    expect(() => eigvals(zeros(1, 2))).toThrow(/eigvals\(\)/);
  });

  it('eigvals(a, { maxIter }) reports non-convergence with NaN for the unreduced part, strict throws', () => {
    const a = randomMatrix(11, 8);
    const r = eigvals(a, { maxIter: 2 });
    expect(r.converged).toBe(false);
    expect(r.re.some((x) => Number.isNaN(x))).toBe(true);
    expect(() => eigvals(a, { maxIter: 2, strict: true })).toThrow(ConvergenceError);
  });
  it('eigvals(a, { signal }) throws AbortError when the signal is aborted', () => {
    const a = randomMatrix(12, 6);
    expect(() => eigvals(a, { signal: AbortSignal.abort('stop') })).toThrow(AbortError);
    expect(eigvals(a, { signal: new AbortController().signal }).converged).toBe(true);
  });
});
