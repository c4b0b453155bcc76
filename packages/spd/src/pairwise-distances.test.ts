import { type Accelerator, type Matrix, randomSPD, rng } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { affineInvariant, euclidean, logEuclidean, pairwiseDistances } from './index.js';

const points = (count: number, n: number, seed: number): Matrix[] => {
  const r = rng(seed);
  return Array.from({ length: count }, () => randomSPD(n, r, { condition: 50 }));
};

/** A structural accelerator whose pairwiseSqDist rounds inputs and result to float32, as a GPU would. */
function float32Accelerator(calls: { n: number }): Accelerator {
  const pairwiseSqDist = (x: Matrix, y: Matrix): Matrix => {
    calls.n++;
    const out = new Float64Array(x.rows * y.rows);
    for (let i = 0; i < x.rows; i++)
      for (let j = 0; j < y.rows; j++) {
        let s = 0;
        for (let k = 0; k < x.cols; k++) {
          const d = Math.fround(x.data[i * x.cols + k]) - Math.fround(y.data[j * y.cols + k]);
          s = Math.fround(s + Math.fround(d * d));
        }
        out[i * y.rows + j] = s;
      }
    return { rows: x.rows, cols: y.rows, data: out };
  };
  return { pairwiseSqDist } as unknown as Accelerator;
}

describe('pairwiseDistances', () => {
  it('pairwiseDistances(xs, ys, metric) equals metric.distance pair by pair (AIRM fast path and generic path)', () => {
    const xs = points(5, 4, 1);
    const ys = points(3, 4, 2);
    for (const metric of [affineInvariant, logEuclidean]) {
      const d = pairwiseDistances(xs, ys, metric);
      for (let i = 0; i < xs.length; i++)
        for (let j = 0; j < ys.length; j++)
          // both sides are float64 evaluations of the same formula: agreement to ~1e3 ulps
          expect(d.data[i * ys.length + j]).toBeCloseTo(metric.distance(xs[i], ys[j]), 12);
    }
  });

  it('pairwiseDistances(xs) is symmetric with a zero diagonal', () => {
    const xs = points(4, 3, 3);
    const d = pairwiseDistances(xs, undefined, affineInvariant);
    for (let i = 0; i < 4; i++) {
      expect(d.data[i * 4 + i]).toBe(0);
      for (let j = 0; j < 4; j++) expect(d.data[i * 4 + j]).toBe(d.data[j * 4 + i]);
    }
  });

  it('pairwiseDistances(xs, ys, logEuclidean | euclidean, { accelerator }) uses the accelerator within float32 accuracy', () => {
    const xs = points(6, 5, 4);
    const ys = points(4, 5, 5);
    for (const metric of [logEuclidean, euclidean]) {
      const calls = { n: 0 };
      const fast = pairwiseDistances(xs, ys, metric, { accelerator: float32Accelerator(calls) });
      const exact = pairwiseDistances(xs, ys, metric);
      expect(calls.n).toBe(1);
      // squared distances are sums of 25 float32-rounded terms: relative error ≤ ~(25 + 2)·2⁻²⁴
      // on d², so ≤ ~14·2⁻²⁴ ≈ 1e-6 on d; distances here are O(1) and well separated.
      for (let i = 0; i < exact.data.length; i++)
        expect(Math.abs(fast.data[i] - exact.data[i])).toBeLessThan(2e-6 * exact.data[i]);
    }
  });

  it('pairwiseDistances(xs, undefined, logEuclidean, { accelerator }) keeps an exact zero diagonal and symmetry', () => {
    const xs = points(4, 3, 6);
    const d = pairwiseDistances(xs, undefined, logEuclidean, {
      accelerator: float32Accelerator({ n: 0 }),
    });
    for (let i = 0; i < 4; i++) {
      expect(d.data[i * 4 + i]).toBe(0);
      for (let j = 0; j < 4; j++) expect(d.data[i * 4 + j]).toBe(d.data[j * 4 + i]);
    }
  });

  it('pairwiseDistances(xs, ys, affineInvariant, { accelerator }) stays float64 on the CPU', () => {
    const calls = { n: 0 };
    const xs = points(3, 3, 7);
    const d = pairwiseDistances(xs, undefined, affineInvariant, {
      accelerator: float32Accelerator(calls),
    });
    expect(calls.n).toBe(0);
    expect(d.data[1]).toBeCloseTo(affineInvariant.distance(xs[0], xs[1]), 12);
  });

  it('pairwiseDistances() rejects an accelerator without pairwiseSqDist, empty lists and mixed sizes', () => {
    const xs = points(2, 3, 8);
    expect(() =>
      pairwiseDistances(xs, undefined, logEuclidean, { accelerator: {} as unknown as Accelerator }),
    ).toThrow(/Accelerator interface/);
    expect(() => pairwiseDistances([], undefined, logEuclidean)).toThrow(/non-empty/);
    expect(() => pairwiseDistances(xs, points(2, 4, 9), logEuclidean)).toThrow(
      /expected 3×3|are 3×3/,
    );
  });
});
