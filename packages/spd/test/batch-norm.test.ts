// RiemannianBatchNorm: exact backward passes against central finite differences, the
// normalization contract (output mean W, dispersion s²·var/(var+ε)) checked with the package's
// independent frechetMean, GBW identities, evaluation mode, state round trip and bad input.
import {
  fromRows,
  identity,
  InvalidArgumentError,
  type Matrix,
  NotPositiveDefiniteError,
  rng,
  ShapeError,
} from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  type BatchNormMetric,
  buresWasserstein,
  frechetMean,
  generalizedBuresWasserstein,
  RiemannianBatchNorm,
  type RiemannianBatchNormOptions,
} from '../src/index.js';
import { fromSpectrum, randomOrthogonalTest } from './helpers.js';

interface Point {
  x: Matrix;
  /** a random symmetric direction scaled like x (x^½ S x^½), so x + h·dir stays SPD for small h */
  dir: Matrix;
}

/** SPD matrix with log-uniform spectrum of condition `cond` and a direction scaled like it. */
function point(n: number, seed: number, cond: number, scale = 1): Point {
  const r = rng(seed);
  const q = randomOrthogonalTest(n, r);
  const lam = new Float64Array(n);
  for (let i = 0; i < n; i++)
    lam[i] = scale * cond ** ((n === 1 ? 0.5 : i / (n - 1)) - 0.5) * Math.exp(0.2 * r.normal());
  const x = fromSpectrum(q, lam, n);
  // direction Q diag(√λ) S diag(√λ) Qᵀ with S symmetric Gaussian
  const s = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const v = r.normal();
      s[i * n + j] = v * Math.sqrt(lam[i] * lam[j]);
      s[j * n + i] = v * Math.sqrt(lam[i] * lam[j]);
    }
  const qs = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let t = 0;
      for (let k = 0; k < n; k++) t += q[i * n + k] * s[k * n + j];
      qs[i * n + j] = t;
    }
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let t = 0;
      for (let k = 0; k < n; k++) t += qs[i * n + k] * q[j * n + k];
      d[i * n + j] = t;
      d[j * n + i] = t;
    }
  return { x, dir: { rows: n, cols: n, data: d } };
}

function randomMatrix(n: number, seed: number): Matrix {
  const r = rng(seed);
  return { rows: n, cols: n, data: Float64Array.from({ length: n * n }, () => r.normal()) };
}

const axpy = (a: Matrix, h: number, d: Matrix): Matrix => ({
  rows: a.rows,
  cols: a.cols,
  data: a.data.map((v, i) => v + h * d.data[i]),
});

const inner = (a: Matrix, b: Matrix) => a.data.reduce((s, v, i) => s + v * b.data[i], 0);

/** ‖a − b‖_F / ‖b‖_F (distances such as BW's lose half the digits to cancellation near 0) */
const relDiff = (a: Matrix, b: Matrix) =>
  Math.sqrt(a.data.reduce((s, v, i) => s + (v - b.data[i]) ** 2, 0) / inner(b, b));

const METRIC_CASES: Array<{ label: string; options: Omit<RiemannianBatchNormOptions, 'n'> }> = [
  { label: 'AIRM', options: { metric: 'affine-invariant' } },
  { label: 'LEM', options: { metric: 'log-euclidean' } },
  { label: 'LCM', options: { metric: 'log-cholesky' } },
  { label: 'BW', options: { metric: 'bures-wasserstein' } },
  { label: 'GBW (learned M)', options: { metric: 'generalized-bures-wasserstein' } },
  { label: 'GBW, θ = 0.5', options: { metric: 'generalized-bures-wasserstein', theta: 0.5 } },
  { label: 'AIRM, θ = 0.5', options: { metric: 'affine-invariant', theta: 0.5 } },
];

/**
 * Directional derivative check: L = Σ⟨Cᵢ, Yᵢ⟩ perturbed along (dXᵢ, dW, ds, dM) jointly versus
 * the analytic Σ⟨X̄ᵢ, dXᵢ⟩ + ⟨W̄, dW⟩ + s̄ ds + ⟨M̄, dM⟩. Central differences with one Richardson
 * step (error O(h⁴)); the mean iteration runs a fixed number of steps (meanTol 0) so the computed
 * function is smooth in its inputs, and enough of them (60) to converge: the backward pass treats
 * AIRM's adaptive step sizes as constants, which is exact only at the fixed point.
 */
function fdCheck(
  n: number,
  nb: number,
  cond: number,
  options: Omit<RiemannianBatchNormOptions, 'n'>,
  training: boolean,
  seed: number,
  h = 1e-4,
): number {
  const pts = Array.from({ length: nb }, (_, i) => point(n, seed + 31 * i, cond));
  const w = point(n, seed + 1000, 10, 1.5);
  const m = point(n, seed + 2000, 5);
  const gbw = options.metric === 'generalized-bures-wasserstein';
  const c = pts.map((_, i) => randomMatrix(n, seed + 3000 + i));
  const ds = 0.7;
  const make = (h: number) => {
    const bn = new RiemannianBatchNorm({
      n,
      ...options,
      meanTol: 0,
      meanMaxIter: 60,
      bias: axpy(w.x, h, w.dir),
      scale: 1.3 + h * ds,
      metricParameter: gbw ? axpy(m.x, h, m.dir) : undefined,
      momentum: 0,
    });
    if (!training) {
      // fixed running statistics: set through a training pass on another batch with momentum 1
      const warm = new RiemannianBatchNorm({
        n,
        ...options,
        momentum: 1,
        metricParameter: gbw ? m.x : undefined,
      });
      warm.forward(Array.from({ length: 4 }, (_, i) => point(n, seed + 5000 + i, 20).x));
      const state = bn.toJSON();
      state.runningMean = Array.from(warm.runningMean.data);
      state.runningVariance = warm.runningVariance;
      return RiemannianBatchNorm.fromJSON(state);
    }
    return bn;
  };
  const loss = (h: number) => {
    const bn = make(h);
    const ys = bn.forward(
      pts.map((p) => axpy(p.x, h, p.dir)),
      { training },
    );
    return ys.reduce((s, y, i) => s + inner(c[i], y), 0);
  };
  const bn = make(0);
  bn.forward(
    pts.map((p) => p.x),
    { training },
  );
  const g = bn.backward(c);
  let analytic = g.bias ? inner(g.bias, w.dir) : 0;
  analytic += g.scale * ds;
  if (gbw) analytic += inner(g.metric as Matrix, m.dir);
  g.input.forEach((gi, i) => {
    analytic += inner(gi, pts[i].dir);
  });
  const d1 = (loss(h) - loss(-h)) / (2 * h);
  const d2 = (loss(h / 2) - loss(-h / 2)) / h;
  const fd = (4 * d2 - d1) / 3;
  return Math.abs(fd - analytic) / Math.max(Math.abs(analytic), 1e-12);
}

describe('RiemannianBatchNorm backward (central finite differences)', () => {
  for (const { label, options } of METRIC_CASES) {
    it(`${label}: training mode, relative error < 1e-6`, () => {
      for (const seed of [1, 2]) expect(fdCheck(4, 5, 20, options, true, seed)).toBeLessThan(1e-6);
    });
    it(`${label}: evaluation mode, relative error < 1e-6`, () => {
      expect(fdCheck(4, 3, 20, options, false, 7)).toBeLessThan(1e-6);
    });
  }
  // With condition 1e6 the forward pass itself carries relative rounding noise up to ~1e-9 (the
  // small eigenvalues of G^½XG^½ are known to ε·κ), so a step of 1e-4 would measure that noise
  // (error ∝ 1/h, checked); h = 3e-3 keeps the noise term below 1e-6 while the Richardson
  // truncation error O(h⁴) stays below 1e-9.
  it('ill-conditioned batches (condition 1e6): relative error < 1e-6 for every metric', () => {
    for (const { options } of METRIC_CASES)
      expect(fdCheck(3, 4, 1e6, options, true, 11, 3e-3), options.metric).toBeLessThan(1e-6);
  });
});

describe('RiemannianBatchNorm normalization contract', () => {
  const metrics: Array<Omit<RiemannianBatchNormOptions, 'n'>> = METRIC_CASES.map((c) => c.options);
  for (const options of metrics) {
    it(`${options.metric}${options.theta ? `, θ=${options.theta}` : ''}: output mean is W and dispersion is s²·var/(var+ε)`, () => {
      const n = 4;
      const batch = Array.from({ length: 8 }, (_, i) => point(n, 40 + i, 1e3, 2).x);
      const w = point(n, 90, 30).x;
      const m = point(n, 91, 4).x;
      const bn = new RiemannianBatchNorm({
        n,
        ...options,
        bias: w,
        scale: 0.8,
        metricParameter: options.metric === 'generalized-bures-wasserstein' ? m : undefined,
        meanTol: 1e-13,
        meanMaxIter: 200,
      });
      const ys = bn.forward(batch);
      const geo = bn.geometry;
      const stats = bn.batchStatistics;
      expect(stats?.converged).toBe(true);
      // the batch statistics themselves, measured independently
      const batchMean = frechetMean(batch, geo, { tol: 1e-12, maxIter: 500 }).mean;
      expect(relDiff(stats?.mean as Matrix, batchMean)).toBeLessThan(1e-9);
      const var0 = batch.reduce((s, x) => s + geo.squaredDistance(x, batchMean), 0) / batch.length;
      expect(Math.abs((stats?.variance as number) - var0)).toBeLessThan(1e-9 * var0);
      // the output batch
      const outMean = frechetMean(ys, geo, { tol: 1e-12, maxIter: 500 }).mean;
      expect(relDiff(outMean, w)).toBeLessThan(1e-9);
      const disp = ys.reduce((s, y) => s + geo.squaredDistance(y, w), 0) / ys.length;
      const expected = 0.8 ** 2 * (var0 / (var0 + 1e-5));
      expect(Math.abs(disp - expected)).toBeLessThan(1e-8 * expected);
    });
  }

  it('GBW with M = I equals BW (outputs and gradients)', () => {
    const batch = Array.from({ length: 6 }, (_, i) => point(3, 60 + i, 100).x);
    const bw = new RiemannianBatchNorm({ n: 3, metric: 'bures-wasserstein', scale: 0.5 });
    const gbw = new RiemannianBatchNorm({
      n: 3,
      metric: 'generalized-bures-wasserstein',
      scale: 0.5,
    });
    const a = bw.forward(batch);
    const b = gbw.forward(batch);
    a.forEach((y, i) => {
      for (let k = 0; k < 9; k++) expect(Math.abs(y.data[k] - b[i].data[k])).toBeLessThan(1e-12);
    });
    const c = batch.map((_, i) => randomMatrix(3, 70 + i));
    const ga = bw.backward(c);
    const gb = gbw.backward(c);
    expect(Math.abs(ga.scale - gb.scale)).toBeLessThan(1e-10 * Math.abs(ga.scale));
    ga.input.forEach((g, i) => {
      for (let k = 0; k < 9; k++)
        expect(Math.abs(g.data[k] - gb.input[i].data[k])).toBeLessThan(1e-10);
    });
  });

  it('GBW distance and GBW-RBN are equivariant under joint congruence by any invertible A', () => {
    const n = 3;
    const a = randomMatrix(n, 80);
    const cong = (x: Matrix): Matrix => {
      const out = new Float64Array(n * n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let k = 0; k < n; k++)
            for (let l = 0; l < n; l++)
              s += a.data[i * n + k] * x.data[k * n + l] * a.data[j * n + l];
          out[i * n + j] = s;
        }
      for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) out[j * n + i] = out[i * n + j];
      return { rows: n, cols: n, data: out };
    };
    const m = point(n, 81, 10).x;
    const x = point(n, 82, 100).x;
    const y = point(n, 83, 100).x;
    const d1 = generalizedBuresWasserstein(m).distance(x, y);
    const d2 = generalizedBuresWasserstein(cong(m)).distance(cong(x), cong(y));
    expect(Math.abs(d1 - d2)).toBeLessThan(1e-9 * d1);
    const batch = Array.from({ length: 5 }, (_, i) => point(n, 84 + i, 50).x);
    const w = point(n, 95, 5).x;
    const opts = {
      n,
      metric: 'generalized-bures-wasserstein' as const,
      scale: 0.7,
      meanTol: 1e-13,
    };
    const ys = new RiemannianBatchNorm({ ...opts, bias: w, metricParameter: m }).forward(batch);
    const zs = new RiemannianBatchNorm({
      ...opts,
      bias: cong(w),
      metricParameter: cong(m),
    }).forward(batch.map(cong));
    ys.forEach((yi, i) => {
      const target = cong(yi);
      const scale = Math.max(...target.data.map(Math.abs));
      for (let k = 0; k < n * n; k++)
        expect(Math.abs(target.data[k] - zs[i].data[k])).toBeLessThan(1e-8 * scale);
    });
  });
});

describe('RiemannianBatchNorm running statistics and evaluation mode', () => {
  const metrics: BatchNormMetric[] = [
    'affine-invariant',
    'log-euclidean',
    'log-cholesky',
    'bures-wasserstein',
    'generalized-bures-wasserstein',
  ];
  for (const metric of metrics) {
    it(`${metric}: running mean follows the geodesic, variance is an EMA, evaluation is per-sample`, () => {
      const n = 3;
      const bn = new RiemannianBatchNorm({ n, metric, momentum: 0.25, meanTol: 1e-13 });
      const b1 = Array.from({ length: 6 }, (_, i) => point(n, 100 + i, 30).x);
      bn.forward(b1);
      const geo = bn.geometry;
      const s1 = bn.batchStatistics;
      const expectedMean = geo.geodesic(identity(n), s1?.mean as Matrix, 0.25);
      expect(relDiff(bn.runningMean, expectedMean)).toBeLessThan(1e-10);
      expect(bn.runningVariance).toBeCloseTo(0.75 + 0.25 * (s1?.variance as number), 12);
      // evaluation mode: deterministic, independent of the other batch members, leaves running stats alone
      const rm = bn.runningMean;
      const probe = point(n, 200, 30).x;
      const alone = bn.forward([probe], { training: false })[0];
      const withOthers = bn.forward([point(n, 201, 1e4).x, probe, point(n, 202, 3).x], {
        training: false,
      })[1];
      for (let k = 0; k < n * n; k++) expect(withOthers.data[k]).toBe(alone.data[k]);
      expect(bn.runningMean.data).toEqual(rm.data);
      // state round trip: identical evaluation outputs
      const copy = RiemannianBatchNorm.fromJSON(JSON.parse(JSON.stringify(bn)));
      expect(copy.forward([probe], { training: false })[0].data).toEqual(alone.data);
    });
  }

  it('backward can be called twice on one forward with the same result; inputs are not mutated', () => {
    const batch = Array.from({ length: 4 }, (_, i) => point(3, 300 + i, 10).x);
    const copies = batch.map((x) => Float64Array.from(x.data));
    const bn = new RiemannianBatchNorm({ n: 3, metric: 'bures-wasserstein' });
    bn.forward(batch);
    const c = batch.map((_, i) => randomMatrix(3, 310 + i));
    const g1 = bn.backward(c);
    const g2 = bn.backward(c);
    expect(g2.scale).toBe(g1.scale);
    expect(g2.input[0].data).toEqual(g1.input[0].data);
    batch.forEach((x, i) => {
      expect(x.data).toEqual(copies[i]);
    });
    expect(bn.parameters().map((p) => p.name)).toEqual(['bias', 'scale']);
    expect(bn.parameters()[1].grad?.data[0]).toBe(g1.scale);
  });
});

describe('RiemannianBatchNorm bad input', () => {
  it('throws typed errors that name the argument', () => {
    expect(() => new RiemannianBatchNorm({ n: 0, metric: 'bures-wasserstein' })).toThrow(
      InvalidArgumentError,
    );
    expect(() => new RiemannianBatchNorm({ n: 2, metric: 'euclid' as BatchNormMetric })).toThrow(
      /metric must be one of/,
    );
    expect(
      () => new RiemannianBatchNorm({ n: 2, metric: 'affine-invariant', learnMetric: true }),
    ).toThrow(/learnMetric is only available/);
    expect(() => new RiemannianBatchNorm({ n: 2, metric: 'affine-invariant', theta: 0 })).toThrow(
      /theta/,
    );
    expect(
      () => new RiemannianBatchNorm({ n: 2, metric: 'affine-invariant', momentum: 1.5 }),
    ).toThrow(/momentum/);
    expect(
      () =>
        new RiemannianBatchNorm({
          n: 2,
          metric: 'affine-invariant',
          bias: fromRows([
            [1, 2],
            [2, 1],
          ]),
        }),
    ).toThrow(NotPositiveDefiniteError);
    const bn = new RiemannianBatchNorm({ n: 2, metric: 'log-cholesky' });
    expect(() => bn.backward([identity(2)])).toThrow(/call forward\(\) first/);
    expect(() => bn.forward([])).toThrow(InvalidArgumentError);
    expect(() => bn.forward([identity(3)])).toThrow(ShapeError);
    expect(() =>
      bn.forward([
        identity(2),
        fromRows([
          [1, 0],
          [0, -1],
        ]),
      ]),
    ).toThrow(/batch\[1\]/);
    bn.forward([
      identity(2),
      fromRows([
        [2, 0],
        [0, 1],
      ]),
    ]);
    expect(() => bn.backward([identity(2)])).toThrow(ShapeError);
    expect(() =>
      bn.backward([
        identity(2),
        fromRows([
          [Number.NaN, 0],
          [0, 1],
        ]),
      ]),
    ).toThrow(/gradOutput\[1\]/);
    expect(() => RiemannianBatchNorm.fromJSON({ ...bn.toJSON(), bias: [1, 2] })).toThrow(
      ShapeError,
    );
  });

  it('refine: false agrees with the default refined eigendecompositions on a moderately conditioned batch', () => {
    const batch = Array.from({ length: 6 }, (_, i) => point(5, 400 + i, 1e3).x);
    const a = new RiemannianBatchNorm({ n: 5, metric: 'generalized-bures-wasserstein' }).forward(
      batch,
    );
    const b = new RiemannianBatchNorm({
      n: 5,
      metric: 'generalized-bures-wasserstein',
      refine: false,
    }).forward(batch);
    // unrefined eigenvalues carry relative error up to ε·κ ≈ 2e-13 at κ = 1e3
    a.forEach((y, i) => {
      expect(relDiff(b[i], y)).toBeLessThan(1e-10);
    });
    expect(
      () => new RiemannianBatchNorm({ n: 2, metric: 'log-euclidean', refine: 'yes' as never }),
    ).toThrow(/refine/);
    expect(
      RiemannianBatchNorm.fromJSON(
        JSON.parse(
          JSON.stringify(new RiemannianBatchNorm({ n: 2, metric: 'log-euclidean', refine: false })),
        ),
      ).refine,
    ).toBe(false);
  });

  it("metric: 'bures-wasserstein' measures the batch statistics with the buresWasserstein object itself", () => {
    const bn = new RiemannianBatchNorm({ n: 3, metric: 'bures-wasserstein', meanTol: 1e-13 });
    expect(bn.geometry).toBe(buresWasserstein);
    const batch = Array.from({ length: 6 }, (_, i) => point(3, 500 + i, 50).x);
    bn.forward(batch);
    const stats = bn.batchStatistics as NonNullable<typeof bn.batchStatistics>;
    // the same tolerances as the normalization contract above (both means stop at ≤ 1e-12)
    const mean = frechetMean(batch, buresWasserstein, { tol: 1e-12, maxIter: 500 }).mean;
    expect(relDiff(stats.mean, mean)).toBeLessThan(1e-9);
    const variance =
      batch.reduce((s, x) => s + buresWasserstein.squaredDistance(x, mean), 0) / batch.length;
    expect(Math.abs(stats.variance - variance)).toBeLessThan(1e-9 * variance);
    // and not another metric's: the affine-invariant mean of this batch is far from it
    const airm = frechetMean(batch, 'riemann', { tol: 1e-12, maxIter: 500 }).mean;
    expect(relDiff(airm, mean)).toBeGreaterThan(1e-3);
  });
});
