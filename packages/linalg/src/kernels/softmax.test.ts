import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { softmaxRow } from './index.js';

const EPS = 2 ** -52;

describe('softmaxRow', () => {
  it('sums to 1, is shift-invariant and returns log Σ exp z (vs the unshifted form where it is finite)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        (xs, shift) => {
          const k = xs.length;
          const z = Float64Array.from(xs);
          const p = new Float64Array(k + 2);
          const lse = softmaxRow(z, 0, k, p, 1);
          let s = 0;
          let naive = 0;
          for (let i = 0; i < k; i++) {
            s += p[1 + i];
            naive += Math.exp(xs[i]);
          }
          expect(p[0]).toBe(0);
          expect(p[k + 1]).toBe(0);
          // k exponentials, k additions and one reciprocal: a few ε per term
          expect(Math.abs(s - 1)).toBeLessThanOrEqual((2 * k + 2) * EPS);
          const max = Math.max(...xs);
          // exp of the rounded difference z_i − max is off by |z_i − max|·ε relatively, on top of
          // the rounding of k exponentials, k additions and one division on either side
          for (let i = 0; i < k; i++)
            expect(Math.abs(p[1 + i] - Math.exp(xs[i]) / naive)).toBeLessThanOrEqual(
              (2 * k + 4 + Math.abs(xs[i] - max)) * EPS * (Math.exp(xs[i]) / naive) + 1e-300,
            );
          // log-sum-exp against the unshifted sum (no overflow for |z| ≤ 30)
          expect(Math.abs(lse - Math.log(naive))).toBeLessThanOrEqual(
            (k + 4) * EPS * Math.max(1, Math.abs(Math.log(naive))),
          );
          // shifting every entry leaves the probabilities unchanged up to the rounding of z + c:
          // each z_i + c is off by ≤ 530ε absolutely, so each difference z_i − z_max by ≤ 1060ε and
          // each probability (a ratio of such exponentials) by ≤ 2120ε relatively
          const zs = Float64Array.from(xs, (x) => x + shift);
          const lse2 = softmaxRow(zs, 0, k, zs, 0);
          for (let i = 0; i < k; i++)
            expect(Math.abs(zs[i] - p[1 + i])).toBeLessThanOrEqual(
              (2 * k + 4) * EPS * p[1 + i] + 2120 * EPS * p[1 + i] + 1e-300,
            );
          expect(Number.isFinite(lse2)).toBe(true);
        },
      ),
    );
  });

  it('gives −∞ entries probability 0 and stays finite where exp overflows', () => {
    const z = Float64Array.from([Number.NEGATIVE_INFINITY, 800, 800]);
    const lse = softmaxRow(z, 0, 3, z, 0);
    expect(Array.from(z)).toEqual([0, 0.5, 0.5]);
    expect(lse).toBe(800 + Math.log(2));
  });
});
