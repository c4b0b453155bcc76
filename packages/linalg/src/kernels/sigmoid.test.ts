import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logSigmoid, sigmoid, softplus } from './index.js';

const EPS = 2 ** -52;

describe('sigmoid, softplus, logSigmoid', () => {
  it('σ(x) + σ(−x) = 1, softplus(x) − softplus(−x) = x, log σ(x) = −softplus(−x)', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        expect(Math.abs(sigmoid(x) + sigmoid(-x) - 1)).toBeLessThanOrEqual(2 * EPS);
        // both sides are a few roundings of numbers of size max(|x|, log 2)
        expect(Math.abs(softplus(x) - softplus(-x) - x)).toBeLessThanOrEqual(
          4 * EPS * Math.max(Math.abs(x), 1),
        );
        expect(logSigmoid(x)).toBe(-softplus(-x));
      }),
    );
  });

  it('stay finite and keep relative accuracy in the tails, where the naive forms overflow or cancel', () => {
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
    // σ(−30) = e^{−30}/(1 + e^{−30}); 1/(1 + e^{30}) agrees to a couple of ε
    expect(Math.abs(sigmoid(-30) - 1 / (1 + Math.exp(30))) / sigmoid(-30)).toBeLessThanOrEqual(
      2 * EPS,
    );
    expect(softplus(1000)).toBe(1000);
    expect(Math.log(1 + Math.exp(1000))).toBe(Number.POSITIVE_INFINITY);
    // log1p(e^x) ≈ e^x for x ≪ 0, which log(1 + e^x) rounds to 0
    expect(Math.abs(softplus(-40) - Math.exp(-40)) / Math.exp(-40)).toBeLessThanOrEqual(2 * EPS);
    expect(logSigmoid(-1000)).toBe(-1000);
  });

  it('softplus′ = σ and σ′ = σ(1 − σ) (central differences)', () => {
    const h = 1e-5;
    for (const x of [-12, -1.5, 0, 0.3, 7]) {
      const ds = (softplus(x + h) - softplus(x - h)) / (2 * h);
      const dsig = (sigmoid(x + h) - sigmoid(x - h)) / (2 * h);
      // O(h²) truncation + O(ε/h) rounding ≈ 1e-10
      expect(Math.abs(ds - sigmoid(x))).toBeLessThan(1e-9);
      expect(Math.abs(dsig - sigmoid(x) * (1 - sigmoid(x)))).toBeLessThan(1e-9);
    }
  });
});
