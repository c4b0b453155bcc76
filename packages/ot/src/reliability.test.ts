import { AbortError, AllocationLimitError, fromRows, identity } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { costMatrix, emd, emd2, gaussianW2, wasserstein1D } from '../src/index.js';

// Finding: a pre-aborted signal was checked only every 1024 pivots.
describe('emd / emd2 with an already-aborted signal', () => {
  const C = fromRows([
    [0, 1],
    [1, 0],
  ]);
  it('throw AbortError naming the called function before any work', () => {
    const signal = AbortSignal.abort();
    expect(() => emd([0.5, 0.5], [0.5, 0.5], C, { signal })).toThrow(AbortError);
    expect(() => emd2([0.5, 0.5], [0.5, 0.5], C, { signal })).toThrow(/^emd2\(\)/);
  });
  it('options = null is a typed error naming the function', () => {
    expect(() => emd2([1], [1], [[0]], null as never)).toThrow(/^emd2\(\): options/);
    expect(() => wasserstein1D([0], [1], null as never)).toThrow(/^wasserstein1D\(\): options/);
  });
});

// Finding: overflow of intermediate squares or powers where the answer is representable.
// The expected values are closed forms: ‖(1e200, 1e200)‖ = √2·1e200, etc.
describe('no overflow where the answer fits', () => {
  it("costMatrix 'euclidean' on coordinates of 1e200 and 1e-200", () => {
    const big = costMatrix([[0, 0]], [[1e200, 1e200]], 'euclidean').data[0];
    expect(big / (Math.SQRT2 * 1e200) - 1).toBeLessThan(4e-16); // a few rounding errors
    const tiny = costMatrix([[0, 0]], [[3e-200, 4e-200]], 'euclidean').data[0];
    expect(Math.abs(tiny / 5e-200 - 1)).toBeLessThan(4e-16);
    expect(costMatrix([[0, 0]], [[3, 4]], 'euclidean').data[0]).toBe(5);
  });
  it('gaussianW2 with means ±1e200: W₂ = ‖m1 − m2‖ for equal covariances', () => {
    const w = gaussianW2([1e200], identity(1), [-1e200], identity(1));
    expect(Math.abs(w / 2e200 - 1)).toBeLessThan(4e-16);
  });
  it('wasserstein1D for p = 1e6 between [0, 1] and [2, 3] is 2 (every gap is 2)', () => {
    expect(wasserstein1D([0, 1], [2, 3], { p: 1e6 })).toBeCloseTo(2, 12);
    // W_p increases with p towards W_∞, the largest matched gap: 0 ↔ 1 and 1 ↔ 3, so 2
    const w = [2, 10, 100, 1e4, 1e8].map((p) => wasserstein1D([0, 1], [1, 3], { p }));
    for (let i = 1; i < w.length; i++) expect(w[i]).toBeGreaterThanOrEqual(w[i - 1] * (1 - 1e-12));
    expect(w[w.length - 1]).toBeLessThanOrEqual(2 * (1 + 1e-12));
  });
});

describe('costMatrix size guard', () => {
  it('40k × 40k points is refused before allocating 12.8 GB', () => {
    const pts = { rows: 40000, cols: 1, data: new Float64Array(40000) };
    expect(() => costMatrix(pts, pts)).toThrow(AllocationLimitError);
  });
});
