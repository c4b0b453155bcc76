import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EPS,
  expectInputsUnchanged,
  fixture,
  fromNested,
  maxAbs,
  maxAbsDiff,
  refMatmul,
  refTranspose,
  relDiff,
  wellConditionedSPD,
} from '../test/dense-reference.js';
import {
  cholesky,
  fromRows,
  NonFiniteError,
  NotPositiveDefiniteError,
  NotSymmetricError,
  randomSPD,
  rng,
  ShapeError,
  setKernelBackend,
  zeros,
} from './index.js';
import { choleskyKernel } from './cholesky.js';

interface SPDCase {
  name: string;
  a: number[][];
  cond2?: number;
  cholesky?: number[][];
  notPositiveDefinite?: boolean;
  failingPivot?: number;
  numpy?: { cholesky: number[][] };
}
const cases = fixture<SPDCase>('dense-spd').cases;

describe('cholesky', () => {
  it('cholesky(a) gives lower-triangular L with positive diagonal and LLᵀ = A (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), fc.integer(), (n, seed) => {
        const a = wellConditionedSPD(n, seed);
        const l = cholesky(a);
        for (let i = 0; i < n; i++) {
          expect(l.data[i * n + i]).toBeGreaterThan(0);
          for (let j = i + 1; j < n; j++) expect(l.data[i * n + j]).toBe(0);
        }
        // Backward stability (Higham ASNA Thm 10.3): |A − LLᵀ| ≤ γ_{n+1}|L||Lᵀ|, and
        // ‖|L||Lᵀ|‖_max ≤ n·max|a_ii| for SPD A.
        const llt = refMatmul(l, refTranspose(l));
        expect(maxAbsDiff(llt.data, a.data)).toBeLessThanOrEqual(
          4 * (n + 1) * n * EPS * maxAbs(a.data),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('cholesky(a) on the blocked path (n ≥ 256, gemm trailing updates) agrees with the unblocked kernel on both product backends, and reports the failing pivot', () => {
    const n = 263;
    const a = randomSPD(n, rng(11), { condition: 100 });
    const ref = new Float64Array(n * n);
    expect(choleskyKernel(a.data, ref, n)).toBe(-1);
    for (const backend of ['typescript', 'wasm-simd'] as const) {
      const previous = setKernelBackend(backend);
      try {
        const l = cholesky(a);
        for (let i = 0; i < n; i++)
          for (let j = i + 1; j < n; j++) expect(l.data[i * n + j]).toBe(0);
        // Both orders are backward stable, so they differ by ≲ n·eps·κ(A)·max|L| (κ = 100).
        expect(maxAbsDiff(l.data, ref)).toBeLessThanOrEqual(4 * n * EPS * 100 * maxAbs(ref));
        // Leading minors up to p stay positive definite; the (p+1)-st does not.
        const p = n - 20;
        const bad = { rows: n, cols: n, data: a.data.slice() };
        bad.data[p * n + p] -= 10;
        let err: unknown;
        try {
          cholesky(bad);
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(NotPositiveDefiniteError);
        expect((err as NotPositiveDefiniteError).pivot).toBe(p);
      } finally {
        setKernelBackend(previous);
      }
    }
  });

  it('cholesky(a) matches the 60-digit reference on every SPD fixture (1x1 … condition 1e14)', () => {
    for (const c of cases) {
      if (c.notPositiveDefinite || !c.cholesky || !c.cond2 || !c.numpy) continue;
      const a = fromNested(c.a);
      const n = a.rows;
      const l = cholesky(a);
      const err = relDiff(l.data, c.cholesky.flat());
      const errLapack = relDiff(c.numpy.cholesky.flat(), c.cholesky.flat());
      // Forward error of the factor is at most about n·eps·κ(A) (Sun 1991 perturbation bound
      // times the backward error); LAPACK is held to the same bound for comparison.
      const bound = 2 * n * EPS * c.cond2;
      expect(err, c.name).toBeLessThanOrEqual(Math.max(bound, 2 * errLapack, 2 * EPS));
      const llt = refMatmul(l, refTranspose(l));
      expect(relDiff(llt.data, a.data), c.name).toBeLessThanOrEqual(4 * (n + 1) * n * EPS);
    }
  });

  it('cholesky(a) throws NotPositiveDefiniteError at the pivot LAPACK dpotrf reports, with a shrinkage hint', () => {
    let seen = 0;
    for (const c of cases) {
      if (!c.notPositiveDefinite) continue;
      seen++;
      let err: unknown;
      try {
        cholesky(fromNested(c.a));
      } catch (e) {
        err = e;
      }
      expect(err, c.name).toBeInstanceOf(NotPositiveDefiniteError);
      const e = err as NotPositiveDefiniteError;
      expect(e.pivot, c.name).toBe(c.failingPivot);
      expect(e.message).toMatch(
        new RegExp(`^cholesky\\(\\): a is not positive definite \\(pivot ${c.failingPivot} is `),
      );
      expect(e.message).toMatch(/shrinkage estimator/);
      expect(e.message).toMatch(/small multiple of the identity/);
    }
    expect(seen).toBeGreaterThanOrEqual(4);
  });

  it('cholesky() rejects non-square, asymmetric and non-finite input with typed errors', () => {
    expect(() => cholesky(zeros(2, 3))).toThrow(ShapeError);
    expect(() =>
      cholesky(
        fromRows([
          [2, 1],
          [0, 2],
        ]),
      ),
    ).toThrow(NotSymmetricError);
    expect(() =>
      cholesky(
        fromRows([
          [2, Number.NaN],
          [Number.NaN, 2],
        ]),
      ),
    ).toThrow(NonFiniteError);
    expect(() => cholesky(fromRows([[Number.POSITIVE_INFINITY]]))).toThrow(
      /cholesky\(\): a\[0, 0\]/,
    );
  });

  it('cholesky(a) accepts asymmetry within SYMMETRY_TOLERANCE and reads only the lower triangle', () => {
    const a = fromRows([
      [4, 2 * (1 + 1e-12)],
      [2, 5],
    ]);
    expect(Array.from(cholesky(a).data)).toEqual([2, 0, 1, 2]);
    expect(() =>
      cholesky(
        fromRows([
          [4, 2 + 1e-6],
          [2, 5],
        ]),
      ),
    ).toThrow(/cholesky\(\): a must be symmetric \(relative asymmetry/);
  });

  it('cholesky() of the empty matrix is empty and the input is never mutated', () => {
    expect(cholesky(zeros(0)).rows).toBe(0);
    const a = wellConditionedSPD(7, 3);
    expectInputsUnchanged([a], () => cholesky(a));
  });
});
