import { describe, expect, it } from 'vitest';
import {
  EPS,
  maxAbs,
  maxAbsDiff,
  refIdentity,
  refMatmul,
  refTranspose,
  wellConditionedSPD,
} from '../../test/dense-reference.js';
import { cholesky, NotPositiveDefiniteError, randomSPD, rng, solveTriangular } from '../index.js';
import { choleskyLower, solveTriangularInPlace, triangularInverse } from './index.js';

describe('choleskyLower', () => {
  it('is the kernel of cholesky(): same factor, bit for bit, unblocked and blocked (n ≥ 256)', () => {
    for (const n of [1, 2, 7, 40, 260]) {
      const a = randomSPD(n, rng(n), { condition: n === 1 ? 1 : 1e3 });
      const l = new Float64Array(n * n);
      expect(choleskyLower(n, a.data, l)).toBe(-1);
      expect(Array.from(l)).toEqual(Array.from(cholesky(a).data));
    }
  });

  it('factors in place (l = a) to the same L and never touches the strict upper triangle', () => {
    for (const n of [5, 33, 257]) {
      const a = randomSPD(n, rng(3 * n), { condition: 100 });
      const ref = new Float64Array(n * n);
      choleskyLower(n, a.data, ref);
      const work = a.data.slice();
      expect(choleskyLower(n, work, work)).toBe(-1);
      const dirty = new Float64Array(n * n).fill(5);
      choleskyLower(n, a.data, dirty);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          const k = i * n + j;
          expect(work[k]).toBe(j <= i ? ref[k] : a.data[k]);
          expect(dirty[k]).toBe(j <= i ? ref[k] : 5);
        }
    }
  });

  it('fails at the first pivot that is not positive and leaves its value on the diagonal, as cholesky() reports it', () => {
    const n = 6;
    const a = wellConditionedSPD(n, 4);
    a.data[3 * n + 3] -= 50;
    const l = new Float64Array(n * n);
    const k = choleskyLower(n, a.data, l);
    expect(k).toBe(3);
    expect(l[3 * n + 3]).toBeLessThanOrEqual(0);
    let err: unknown;
    try {
      cholesky(a);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NotPositiveDefiniteError);
    expect((err as NotPositiveDefiniteError).pivot).toBe(3);
    expect((err as Error).message).toContain(`pivot 3 is ${l[3 * n + 3].toExponential(2)}`);
    // NaN fails too (at the first pivot it reaches)
    const bad = wellConditionedSPD(3, 5).data;
    bad[4] = Number.NaN;
    expect(choleskyLower(3, bad, new Float64Array(9))).toBe(1);
  });
});

describe('triangularInverse', () => {
  it('T⁻¹ T = I for lower and upper T, the other triangle exactly zero', () => {
    for (const n of [1, 3, 12]) {
      const l = cholesky(wellConditionedSPD(n, 10 + n));
      const u = refTranspose(l);
      for (const [t, lower] of [
        [l, true],
        [u, false],
      ] as const) {
        const inv = triangularInverse(n, t.data, { lower });
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) if (lower ? j > i : j < i) expect(inv[i * n + j]).toBe(0);
        const prod = refMatmul({ rows: n, cols: n, data: inv }, t);
        // forward error of substitution ≈ n·ε·κ(T)·|T⁻¹||T| entrywise; κ(L) ≤ κ(A)^½ is small here
        expect(maxAbsDiff(prod.data, refIdentity(n).data)).toBeLessThanOrEqual(64 * n * EPS);
      }
    }
  });

  it('writes into out and never reads it', () => {
    const t = Float64Array.of(2, 0, 1, 4);
    const out = new Float64Array(4).fill(Number.NaN);
    expect(Array.from(triangularInverse(2, t, { lower: true }, out))).toEqual([
      0.5, 0, -0.125, 0.25,
    ]);
  });
});

describe('solveTriangularInPlace', () => {
  it('is the kernel of solveTriangular(): same solution, bit for bit, in all four variants', () => {
    const n = 9;
    const l = cholesky(wellConditionedSPD(n, 21));
    const b = { rows: n, cols: 3, data: new Float64Array(3 * n).map((_, i) => Math.sin(i + 1)) };
    for (const lower of [true, false])
      for (const transpose of [false, true]) {
        const t = lower ? l : refTranspose(l);
        const x = b.data.slice();
        solveTriangularInPlace(n, 3, t.data, x, { lower, transpose });
        expect(Array.from(x)).toEqual(Array.from(solveTriangular(t, b, { lower, transpose }).data));
        // and it solves the system: residual ≲ n·ε·|T||X|
        const tt = transpose ? refTranspose(t) : t;
        const r = refMatmul(tt, { rows: n, cols: 3, data: x });
        expect(maxAbsDiff(r.data, b.data)).toBeLessThanOrEqual(
          8 * n * EPS * maxAbs(x) * maxAbs(t.data),
        );
      }
  });
});
