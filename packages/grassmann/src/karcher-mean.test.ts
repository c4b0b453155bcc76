import { readFileSync } from 'node:fs';
import {
  eigh,
  fromRows,
  type IterativeOptions,
  type IterativeResult,
  type Matrix,
  matmul,
  matmulTransB,
  randomOrthogonal,
  type Rng,
  rng,
} from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grassmann, karcherMean, projectionMean } from './index.js';

function scaled(a: Matrix, s: number): Matrix {
  return { rows: a.rows, cols: a.cols, data: a.data.map((v) => v * s) };
}

function frob(a: Matrix): number {
  return Math.sqrt(a.data.reduce((s, v) => s + v * v, 0));
}

/** ‖YYᵀ − ZZᵀ‖_F: zero exactly when the spans agree */
function projectorGap(y: Matrix, z: Matrix): number {
  const a = matmulTransB(y, y);
  const b = matmulTransB(z, z);
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += (a.data[i] - b.data[i]) ** 2;
  return Math.sqrt(s);
}

function line(radians: number): Matrix {
  return fromRows([[Math.cos(radians)], [Math.sin(radians)]]);
}

/** `count` points at distance ≤ `radius` from a random center on Gr(n, k) */
function cluster(n: number, k: number, count: number, radius: number, r: Rng) {
  const gr = grassmann(n, k);
  const center = gr.randomPoint(r);
  const points = Array.from({ length: count }, () => {
    const h = gr.randomTangent(center, r);
    return gr.exp(center, scaled(h, (radius * r.uniform()) / frob(h)));
  });
  return { gr, center, points };
}

function property(runs: number, body: (r: Rng) => void): void {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (s) => body(rng(s))),
    { seed: 5, numRuns: runs },
  );
}

// The mean iteration stops at ‖grad‖ ≤ 1e-10 (default tol); the error of the mean is at most
// about ‖grad‖/λ_min(Hess) with Hessian eigenvalues ≳ 0.5 for clusters of radius ≤ 0.5, so
// 1e-9 bounds the distance to any other characterization of the same mean.
const MEAN_TOL = 1e-9;

describe('karcherMean(points)', () => {
  it('karcherMean of lines in the plane is the line at the mean angle (closed form on Gr(2, 1))', () => {
    property(30, (r) => {
      const base = 2 * Math.PI * r.uniform();
      const offsets = Array.from({ length: 5 }, () => 1.4 * (r.uniform() - 0.5));
      const weights = offsets.map(() => 0.2 + r.uniform());
      const total = weights.reduce((s, w) => s + w, 0);
      const meanOffset = offsets.reduce((s, o, i) => s + (weights[i] * o) / total, 0);
      // each line given by a basis of random sign: the mean depends on the lines only
      const points = offsets.map((o) => scaled(line(base + o), r.uniform() < 0.5 ? -1 : 1));
      const { mean, converged } = karcherMean(points, { weights });
      expect(converged).toBe(true);
      expect(projectorGap(mean, line(base + meanOffset))).toBeLessThan(MEAN_TOL);
    });
  });

  it('karcherMean of two points is the midpoint of the geodesic between them', () => {
    property(20, (r) => {
      const { gr, points } = cluster(7, 3, 2, 1, r);
      const mid = gr.geodesic(points[0], points[1], 0.5);
      expect(projectorGap(karcherMean(points).mean, mid)).toBeLessThan(MEAN_TOL);
    });
  });

  it('karcherMean is a critical point of ½Σ wᵢ d²(·, Yᵢ), and a minimum against nearby points', () => {
    property(10, (r) => {
      const { gr, points } = cluster(8, 3, 10, 0.5, r);
      const { mean, gradientNorm, residual, converged, iterations } = karcherMean(points);
      expect(converged).toBe(true);
      expect(iterations).toBeGreaterThan(0);
      expect(gradientNorm).toBeLessThanOrEqual(1e-10);
      expect(residual).toBe(gradientNorm);
      const cost = (x: Matrix) => points.reduce((s, p) => s + gr.distance(x, p) ** 2, 0) / 2;
      const f0 = cost(mean);
      for (let t = 0; t < 5; t++) {
        const h = gr.randomTangent(mean, r);
        expect(cost(gr.exp(mean, scaled(h, 1e-3 / frob(h))))).toBeGreaterThan(f0);
      }
    });
  });

  it('karcherMean depends only on the subspaces and is equivariant under rotations of ℝⁿ', () => {
    property(10, (r) => {
      const { points } = cluster(6, 2, 6, 0.6, r);
      const mean = karcherMean(points).mean;
      const rebased = points.map((p) => matmul(p, randomOrthogonal(2, r)));
      expect(projectorGap(karcherMean(rebased).mean, mean)).toBeLessThan(MEAN_TOL);
      const u = randomOrthogonal(6, r);
      const rotated = karcherMean(points.map((p) => matmul(u, p))).mean;
      expect(projectorGap(rotated, matmul(u, mean))).toBeLessThan(MEAN_TOL);
    });
  });

  it('karcherMean with all weight on one point returns that point', () => {
    const { points } = cluster(5, 2, 4, 0.5, rng(2));
    const { mean } = karcherMean(points, { weights: [0, 0, 3, 0] });
    expect(projectorGap(mean, points[2])).toBeLessThan(MEAN_TOL);
  });

  it('karcherMean matches an independent NumPy Karcher iteration (fixture)', () => {
    const geometry = JSON.parse(
      readFileSync(new URL('../test/fixtures/geometry.json', import.meta.url), 'utf8'),
    );
    for (const c of geometry.karcher) {
      const points = (c.points as number[][][]).map((p) => fromRows(p));
      const { mean, converged } = karcherMean(points, { weights: c.weights, tol: 1e-12 });
      expect(converged).toBe(true);
      // both stop at gradient norms ≤ 1e-12 (NumPy at 1e-14): the means agree to ~1e-12
      expect(projectorGap(mean, fromRows(c.mean))).toBeLessThan(1e-11);
    }
  });

  it('karcherMean reports progress, honours maxIter and strict, init, and an aborted signal', () => {
    const { points } = cluster(6, 2, 5, 0.8, rng(3));
    const seen: number[] = [];
    const full = karcherMean(points, { onProgress: (i) => seen.push(i.residual) });
    expect(seen.length).toBe(full.iterations);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeLessThan(seen[i - 1]);
    const capped = karcherMean(points, { maxIter: 1, tol: 0 });
    expect(capped.converged).toBe(false);
    expect(capped.iterations).toBe(1);
    expect(() => karcherMean(points, { maxIter: 1, tol: 0, strict: true })).toThrow(
      expect.objectContaining({ name: 'ConvergenceError' }),
    );
    const fromFirst = karcherMean(points, { init: points[0] });
    expect(projectorGap(fromFirst.mean, full.mean)).toBeLessThan(MEAN_TOL);
    const controller = new AbortController();
    controller.abort();
    expect(() => karcherMean(points, { signal: controller.signal })).toThrow(
      expect.objectContaining({ name: 'AbortError' }),
    );
  });

  it('karcherMean follows the shared iterative contract: numbered progress, abort between iterations, typed callback errors', () => {
    const { points } = cluster(6, 2, 5, 0.8, rng(3));
    // the result is an IterativeResult (residual = gradientNorm), the options IterativeOptions
    const shared: IterativeOptions = { tol: 1e-12, maxIter: 50 };
    const full: IterativeResult = karcherMean(points, shared);
    expect(full.residual).toBe(karcherMean(points, shared).gradientNorm);
    const numbers: number[] = [];
    karcherMean(points, { ...shared, onProgress: (info) => numbers.push(info.iteration) });
    expect(numbers).toEqual(Array.from({ length: full.iterations }, (_, i) => i + 1));
    expect(full.iterations).toBeGreaterThan(2);
    // an abort requested from the second progress report stops before the third iteration
    const controller = new AbortController();
    const reports: number[] = [];
    expect(() =>
      karcherMean(points, {
        ...shared,
        signal: controller.signal,
        onProgress: (info) => {
          reports.push(info.iteration);
          if (info.iteration === 2) controller.abort('enough');
        },
      }),
    ).toThrow(
      expect.objectContaining({
        name: 'AbortError',
        message: expect.stringMatching(/^karcherMean\(\): aborted \(enough\)/),
      }),
    );
    expect(reports).toEqual([1, 2]);
    const y = points[0];
    expect(() => karcherMean([y], { onProgress: 3 as never })).toThrow(
      expect.objectContaining({
        name: 'InvalidArgumentError',
        message: expect.stringMatching(/^karcherMean\(\): onProgress must be a function/),
      }),
    );
    expect(() => karcherMean([y], null as never)).toThrow(
      expect.objectContaining({
        name: 'InvalidArgumentError',
        message: expect.stringMatching(/^karcherMean\(\): options must be an options object/),
      }),
    );
  });

  it('karcherMean throws typed errors naming the argument', () => {
    const gr = grassmann(4, 2);
    const y = gr.randomPoint(rng(1));
    const other = grassmann(5, 2).randomPoint(rng(1));
    const notOrthonormal = scaled(y, 2);
    const cases: [() => unknown, string, RegExp][] = [
      [() => karcherMean([]), 'ShapeError', /karcherMean\(\): points must be a non-empty array/],
      [() => karcherMean([y, other]), 'ShapeError', /karcherMean\(\): points\[1\] must be 4×2/],
      [
        () => karcherMean([y, notOrthonormal]),
        'InvalidArgumentError',
        /points\[1\] must have orthonormal columns/,
      ],
      [
        () => karcherMean([y, y], { weights: [1] }),
        'ShapeError',
        /weights must hold one number per point/,
      ],
      [
        () => karcherMean([y, y], { weights: [1, -1] }),
        'InvalidArgumentError',
        /weights\[1\] must be a finite number ≥ 0/,
      ],
      [
        () => karcherMean([y, y], { weights: [0, 0] }),
        'InvalidArgumentError',
        /weights must have a positive sum/,
      ],
      [
        () => karcherMean([y], { maxIter: 0 }),
        'InvalidArgumentError',
        /maxIter must be an integer ≥ 1/,
      ],
      [
        () => karcherMean([y], { tol: -1 }),
        'InvalidArgumentError',
        /tol must be a finite number ≥ 0/,
      ],
      [() => karcherMean([y], { init: other }), 'ShapeError', /init must be 4×2/],
    ];
    for (const [call, name, message] of cases) {
      expect(call).toThrow(message);
      expect(call).toThrow(expect.objectContaining({ name }));
    }
  });
});

describe('projectionMean(points)', () => {
  it('projectionMean spans the top-k eigenvectors of Σ wᵢYᵢYᵢᵀ (vs eigh), through either size path', () => {
    property(10, (r) => {
      // 3 points on Gr(8, 2): Nk = 6 < 8 takes the Gram path; 6 points: Nk = 12 ≥ 8, the n×n path
      for (const count of [3, 6]) {
        const { gr, points } = cluster(8, 2, count, 1, r);
        const weights = points.map(() => 0.1 + r.uniform());
        const total = weights.reduce((s, w) => s + w, 0);
        const a = { rows: 8, cols: 8, data: new Float64Array(64) };
        points.forEach((p, i) => {
          const pp = matmulTransB(p, p);
          for (let j = 0; j < 64; j++) a.data[j] += (weights[i] / total) * pp.data[j];
        });
        const { vectors } = eigh(a);
        const top = { rows: 8, cols: 2, data: new Float64Array(16) };
        for (let i = 0; i < 8; i++)
          for (let j = 0; j < 2; j++) top.data[i * 2 + j] = vectors.data[i * 8 + 6 + j];
        const m = projectionMean(points, { weights });
        expect(gr.isPoint(m)).toBe(true);
        // eigenvectors of a well-separated top pair: both sides accurate to ~ε/gap ≈ 1e-14
        expect(projectorGap(m, top)).toBeLessThan(1e-12);
      }
    });
  });

  it('projectionMean of lines in the plane is the line at half the angle of the mean doubled-angle vector', () => {
    // YYᵀ = ½(I + [[cos 2a, sin 2a], [sin 2a, −cos 2a]]): the top eigenvector of the mean is the
    // line at half the angle of Σ wᵢ (cos 2aᵢ, sin 2aᵢ)
    const angles = [0.1, 0.5, 1.2];
    const cx = angles.reduce((s, a) => s + Math.cos(2 * a), 0);
    const cy = angles.reduce((s, a) => s + Math.sin(2 * a), 0);
    const m = projectionMean(angles.map(line));
    expect(projectorGap(m, line(Math.atan2(cy, cx) / 2))).toBeLessThan(1e-14);
  });

  it('projectionMean depends only on the subspaces, and is close to the Karcher mean for a tight cluster', () => {
    const r = rng(9);
    const { gr, points } = cluster(9, 3, 8, 0.05, r);
    const m = projectionMean(points);
    const rebased = projectionMean(points.map((p) => matmul(p, randomOrthogonal(3, r))));
    expect(projectorGap(m, rebased)).toBeLessThan(1e-13);
    // the two means differ at third order in the cluster radius: ≲ 0.05³ ≈ 1e-4
    expect(gr.distance(m, karcherMean(points).mean)).toBeLessThan(1e-3);
  });

  it('projectionMean throws typed errors naming the argument', () => {
    const y = grassmann(4, 2).randomPoint(rng(1));
    expect(() => projectionMean([])).toThrow(expect.objectContaining({ name: 'ShapeError' }));
    // options = null used to be accepted silently (issue #15)
    expect(() => projectionMean([y], null as never)).toThrow(
      /^projectionMean\(\): options must be an options object/,
    );
    expect(() => projectionMean([y, scaled(y, 3)])).toThrow(
      /projectionMean\(\): points\[1\] must have orthonormal columns/,
    );
    expect(() => projectionMean([y], { weights: [Number.NaN] })).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError' }),
    );
  });
});
