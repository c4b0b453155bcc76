import { describe, expect, it } from 'vitest';
import { EPS, orthogonalityError } from '../test/dense-reference.js';
import { InvalidArgumentError, randomOrthogonal, rng, signedLogDet } from './index.js';

describe('randomOrthogonal', () => {
  it('randomOrthogonal(n, rng) is orthogonal to working precision and reproducible from the seed', () => {
    for (const n of [1, 2, 5, 17, 40]) {
      const q = randomOrthogonal(n, rng(n));
      // Householder products are orthogonal to c·n·eps (Higham ASNA Lemma 19.3).
      expect(orthogonalityError(q)).toBeLessThanOrEqual(4 * n * n * EPS);
      expect(Array.from(randomOrthogonal(n, rng(n)).data)).toEqual(Array.from(q.data));
    }
    expect(randomOrthogonal(0, rng(1)).rows).toBe(0);
  });

  it('randomOrthogonal is Haar: entry moments, the diagonal-sign balance and det ±1 match the uniform measure on O(n)', () => {
    // Under Haar measure on O(n): E[q_ij] = 0, E[q_ij²] = 1/n, and det = ±1 with probability ½
    // each. Without the sign fix (Mezzadri 2007) Householder QR of a Gaussian gives a biased
    // diagonal (q_11 < 0 almost always here), which the first check catches.
    const n = 3;
    const trials = 4000;
    const r = rng(2024);
    let mean11 = 0;
    let sq11 = 0;
    let sq12 = 0;
    let posDet = 0;
    let trace = 0;
    for (let t = 0; t < trials; t++) {
      const q = randomOrthogonal(n, r);
      mean11 += q.data[0];
      sq11 += q.data[0] ** 2;
      sq12 += q.data[1] ** 2;
      trace += q.data[0] + q.data[4] + q.data[8];
      if (signedLogDet(q).sign > 0) posDet++;
    }
    // Standard errors: sd(q_11) = 1/√3, so the mean has sd 0.577/√4000 ≈ 0.009; bound at ~5 sd.
    expect(Math.abs(mean11 / trials)).toBeLessThan(0.05);
    expect(Math.abs(trace / trials)).toBeLessThan(0.08);
    // q_11² ~ Beta(½, 1) with variance 4/45, sd of the mean ≈ 0.0047.
    expect(Math.abs(sq11 / trials - 1 / 3)).toBeLessThan(0.025);
    expect(Math.abs(sq12 / trials - 1 / 3)).toBeLessThan(0.025);
    // Binomial(4000, ½): sd ≈ 32.
    expect(Math.abs(posDet - trials / 2)).toBeLessThan(160);
  });

  it('randomOrthogonal() rejects bad sizes and generators', () => {
    expect(() => randomOrthogonal(-1, rng(1))).toThrow(InvalidArgumentError);
    expect(() => randomOrthogonal(2.5, rng(1))).toThrow(/randomOrthogonal\(\): n must be/);
    expect(() => randomOrthogonal(2, {} as never)).toThrow(InvalidArgumentError);
  });
});
