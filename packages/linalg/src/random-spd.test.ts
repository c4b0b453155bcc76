import { describe, expect, it } from 'vitest';
import { EPS, jacobiEigenvalues } from '../test/dense-reference.js';
import { cholesky, diag, InvalidArgumentError, randomSPD, rng } from './index.js';

describe('randomSPD', () => {
  it('the Jacobi reference recovers a known spectrum (sanity check of the test oracle)', () => {
    expect(jacobiEigenvalues(diag([3, 1, 2]))).toEqual([1, 2, 3]);
  });

  it('randomSPD(n, rng, { condition }) is exactly symmetric, SPD, with λ_max = 1 and the requested condition to 1e-8', () => {
    for (const n of [2, 5, 16, 40])
      for (const condition of [1, 10, 1e3, 1e5]) {
        const a = randomSPD(n, rng(n * 7 + condition), { condition });
        for (let i = 0; i < n; i++)
          for (let j = 0; j < i; j++) expect(a.data[i * n + j]).toBe(a.data[j * n + i]);
        expect(() => cholesky(a)).not.toThrow();
        const ev = jacobiEigenvalues(a);
        // Forming QΛQᵀ and the Jacobi reference each move eigenvalues by ~n·eps·λ_max, so the
        // relative error of λ_min (= 1/condition) is ~2n·eps·condition ≤ 2·40·2.2e-16·1e5 ≈ 2e-9.
        expect(Math.abs(ev[n - 1] - 1)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(ev[n - 1] / ev[0] / condition - 1)).toBeLessThanOrEqual(1e-8);
      }
  });

  it('randomSPD keeps the requested condition to n·eps·condition at 1e8–1e12', () => {
    const n = 12;
    for (const condition of [1e8, 1e10, 1e12]) {
      const ev = jacobiEigenvalues(randomSPD(n, rng(3), { condition }));
      expect(Math.abs(ev[n - 1] / ev[0] / condition - 1)).toBeLessThanOrEqual(
        8 * n * EPS * condition,
      );
    }
  });

  it('randomSPD() rejects bad sizes and conditions', () => {
    expect(() => randomSPD(0, rng(1))).toThrow(InvalidArgumentError);
    expect(() => randomSPD(3, rng(1), { condition: 0.5 })).toThrow(
      /condition must be a finite number ≥ 1/,
    );
    expect(() => randomSPD(1, rng(1), { condition: 10 })).toThrow(InvalidArgumentError);
    expect(Array.from(randomSPD(1, rng(1), { condition: 1 }).data)).toEqual([1]);
  });

  it('randomSPD(n) without a generator throws a typed error that says what to pass', () => {
    for (const bad of [undefined, null, 7, {}])
      expect(() => randomSPD(3, bad as never)).toThrow(
        new InvalidArgumentError(
          `randomSPD(): random must be a generator from rng(seed), e.g. randomSPD(3, rng(1)) (got ${bad === null ? 'null' : typeof bad})`,
        ),
      );
    // n = 1 and n = 2 draw no uniform, but still need the generator for the orthogonal factor
    expect(() => randomSPD(2, undefined as never)).toThrow(InvalidArgumentError);
  });
});
