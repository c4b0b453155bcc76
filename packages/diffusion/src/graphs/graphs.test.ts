import fc from 'fast-check';
import {
  csrFromTriplets,
  csrToDense,
  eigh,
  fromRows,
  InvalidArgumentError,
  type Matrix,
  matrix,
  NotSymmetricError,
  rng,
  ShapeError,
} from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { alphaDecayKernel, knnGraph, laplacian, nearestNeighbors } from '../index.js';

function cloud(n: number, d: number, seed: number): Matrix {
  const r = rng(seed);
  return matrix(
    n,
    d,
    Float64Array.from({ length: n * d }, () => r.normal()),
  );
}

function dist(x: Matrix, i: number, j: number): number {
  let s = 0;
  for (let c = 0; c < x.cols; c++) s += (x.data[i * x.cols + c] - x.data[j * x.cols + c]) ** 2;
  return Math.sqrt(s);
}

describe('nearestNeighbors', () => {
  it('nearestNeighbors(X, { k }) equals a brute-force sort, in low (tree) and high (scan) dimension', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 60 }),
        fc.constantFrom(1, 2, 3, 7, 20),
        fc.integer(),
        (n, d, seed) => {
          const x = cloud(n, d, seed);
          const k = Math.min(5, n - 1);
          const nn = nearestNeighbors(x, { k });
          for (let i = 0; i < n; i++) {
            const all = Array.from({ length: n }, (_, j) => j)
              .filter((j) => j !== i)
              .map((j) => dist(x, i, j))
              .sort((a, b) => a - b);
            for (let c = 0; c < k; c++) {
              // the same square root of the same sum of squares
              expect(nn.distances[i * k + c]).toBe(all[c]);
              expect(nn.indices[i * k + c]).not.toBe(i);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
  it('duplicate points are neighbours at distance 0; k is validated', () => {
    const x = fromRows([
      [0, 0],
      [0, 0],
      [1, 0],
      [5, 5],
    ]);
    const nn = nearestNeighbors(x, { k: 1 });
    expect(Array.from(nn.indices.subarray(0, 2))).toEqual([1, 0]);
    expect(nn.distances[0]).toBe(0);
    expect(() => nearestNeighbors(x, { k: 4 })).toThrow(InvalidArgumentError);
    expect(() => nearestNeighbors(fromRows([[Number.NaN]]))).toThrow();
  });
});

describe('knnGraph', () => {
  it('is symmetric without self-loops; union ⊇ mutual; every point keeps ≥ k union edges', () => {
    const x = cloud(80, 3, 5);
    const k = 6;
    const u = knnGraph(x, { k });
    const m = knnGraph(x, { k, symmetrize: 'mutual' });
    const du = csrToDense(u).data;
    const dm = csrToDense(m).data;
    for (let i = 0; i < 80; i++) {
      expect(du[i * 80 + i]).toBe(0);
      let deg = 0;
      for (let j = 0; j < 80; j++) {
        expect(du[i * 80 + j]).toBe(du[j * 80 + i]);
        expect(dm[i * 80 + j]).toBe(dm[j * 80 + i]);
        if (dm[i * 80 + j]) expect(du[i * 80 + j]).toBe(1);
        deg += du[i * 80 + j];
      }
      expect(deg).toBeGreaterThanOrEqual(k);
    }
  });
  it('weights are the distance or exp(−d²/σ²) of the edge', () => {
    const x = cloud(30, 2, 9);
    const wd = knnGraph(x, { k: 4, weights: 'distance' });
    const wg = knnGraph(x, { k: 4, weights: 'gaussian', sigma: 0.7 });
    for (let i = 0; i < 30; i++)
      for (let p = wd.rowPtr[i]; p < wd.rowPtr[i + 1]; p++) {
        const j = wd.colIndex[p];
        expect(wd.values[p]).toBeCloseTo(dist(x, i, j), 14);
        expect(wg.values[p]).toBeCloseTo(Math.exp(-((dist(x, i, j) / 0.7) ** 2)), 14);
      }
    expect(() => knnGraph(x, { weights: 'cosine' as 'distance' })).toThrow(InvalidArgumentError);
    expect(() => knnGraph(x, { weights: 'gaussian', sigma: 0 })).toThrow(InvalidArgumentError);
  });
});

describe('alphaDecayKernel', () => {
  it("matches PHATE's formula ½e^{−(d/ε_i)^α} + ½e^{−(d/ε_j)^α} on every pair above the threshold", () => {
    const x = cloud(40, 2, 3);
    const k = 3;
    const alpha = 10;
    const threshold = 1e-4;
    const nn = nearestNeighbors(x, { k });
    const eps = Array.from({ length: 40 }, (_, i) => nn.distances[i * k + k - 1]);
    const K = csrToDense(alphaDecayKernel(x, { k, alpha, threshold })).data;
    for (let i = 0; i < 40; i++)
      for (let j = 0; j < 40; j++) {
        if (i === j) {
          expect(K[i * 40 + j]).toBe(0);
          continue;
        }
        const d = dist(x, i, j);
        const a = Math.exp(-((d / eps[i]) ** alpha));
        const b = Math.exp(-((d / eps[j]) ** alpha));
        const expected = (a >= threshold ? 0.5 * a : 0) + (b >= threshold ? 0.5 * b : 0);
        // rounding of d (√ of a sum of squares) amplified by α·(d/ε)^α ≤ 10·9.2 ⇒ ≲ 1e-13
        expect(Math.abs(K[i * 40 + j] - expected)).toBeLessThan(1e-13);
      }
    expect(() => alphaDecayKernel(x, { threshold: 1 })).toThrow(InvalidArgumentError);
  });
});

describe('laplacian', () => {
  it('L = D − W has zero row sums, is PSD with one zero eigenvalue per component; the normalized spectrum lies in [0, 2]', () => {
    // two components: a triangle and an edge
    const w = csrFromTriplets(
      5,
      5,
      [0, 1, 1, 2, 0, 2, 3, 4],
      [1, 0, 2, 1, 2, 0, 4, 3],
      [1, 1, 2, 2, 3, 3, 0.5, 0.5],
    );
    const L = csrToDense(laplacian(w));
    for (let i = 0; i < 5; i++) {
      let s = 0;
      for (let j = 0; j < 5; j++) s += L.data[i * 5 + j];
      expect(s).toBe(0);
    }
    const ev = eigh(L).values;
    expect(ev.filter((v) => Math.abs(v) < 1e-12).length).toBe(2);
    expect(ev[0]).toBeGreaterThan(-1e-12);
    const Ln = eigh(csrToDense(laplacian(w, { normalized: true }))).values;
    expect(Ln[0]).toBeGreaterThan(-1e-12);
    expect(Ln[4]).toBeLessThanOrEqual(2 + 1e-12);
    // the edge component is bipartite: eigenvalue exactly 2
    expect(Ln[4]).toBeCloseTo(2, 12);
  });
  it('refuses non-symmetric or negative weights', () => {
    expect(() => laplacian(csrFromTriplets(2, 2, [0], [1], [1]))).toThrow(NotSymmetricError);
    expect(() => laplacian(csrFromTriplets(2, 2, [0, 1], [1, 0], [-1, -1]))).toThrow(
      InvalidArgumentError,
    );
    expect(() => laplacian(csrFromTriplets(2, 3, [], [], []))).toThrow(ShapeError);
  });
});
