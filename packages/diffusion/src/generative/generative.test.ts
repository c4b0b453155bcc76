import { fromRows, InvalidArgumentError, type Matrix, matrix, rng, ShapeError } from '@rg/linalg';
import { exponentiatedGradient } from '@rg/optim';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  additiveDiffusion,
  diffusionModelFromJSON,
  gbmForward,
  gbmLogDensity,
  gbmLogNormalMarginal,
  gbmReverseSample,
  gbmScore,
  mmd,
  multiplicativeDiffusion,
  multiplicativeDsmLoss,
} from '../index.js';

function normals(r: ReturnType<typeof rng>, rows: number, cols: number): Matrix {
  return matrix(
    rows,
    cols,
    Float64Array.from({ length: rows * cols }, () => r.normal()),
  );
}

/** standard normal CDF */
function normalCdf(x: number): number {
  // erfc via the Chebyshev fit of Numerical Recipes (erfcc), relative error < 1.2e-7
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - r / 2 : r / 2;
}

/** Kolmogorov–Smirnov statistic of a sample against a normal law */
function ksNormal(sample: number[], mean: number, sd: number): number {
  const s = [...sample].sort((a, b) => a - b);
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = normalCdf((s[i] - mean) / sd);
    d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
  }
  return d;
}

describe('geometric Brownian motion', () => {
  it('gbmForward: log X_t has mean log x₀ + (μ − σ²/2)t and variance σ²t (Monte Carlo, 5 standard errors)', () => {
    const n = 20000;
    const r = rng(1);
    const x0 = matrix(n, 1, new Float64Array(n).fill(1.5));
    const t = 0.7;
    const sigma = 0.8;
    const mu = 0.1;
    const x = gbmForward(x0, t, normals(r, n, 1), { sigma, mu });
    const logs = Array.from(x.data, Math.log);
    const mean = logs.reduce((a, b) => a + b, 0) / n;
    const v = logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    const m = Math.log(1.5) + (mu - sigma ** 2 / 2) * t;
    const s2 = sigma ** 2 * t;
    // standard errors: √(s²/n) for the mean, s²√(2/(n−1)) for a normal sample variance
    expect(Math.abs(mean - m)).toBeLessThan(5 * Math.sqrt(s2 / n));
    expect(Math.abs(v - s2)).toBeLessThan(5 * s2 * Math.sqrt(2 / (n - 1)));
    // the mean of X_t itself is x₀e^{μt} for GBM
    const ex = x.data.reduce((a, b) => a + b, 0) / n;
    const sdX = 1.5 * Math.exp(mu * t) * Math.sqrt(Math.exp(s2) - 1);
    expect(Math.abs(ex - 1.5 * Math.exp(mu * t))).toBeLessThan(5 * (sdX / Math.sqrt(n)));
  });

  it('gbmForward keeps every entry positive for any data, time and noise (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-6, max: 50, noNaN: true }),
        fc.double({ min: -8, max: 8, noNaN: true }),
        (x0, t, z) => gbmForward(fromRows([[x0]]), t, fromRows([[z]])).data[0] > 0,
      ),
    );
  });

  it('gbmLogDensity integrates to one, and gbmScore is its derivative (quadrature and central differences)', () => {
    const x0 = fromRows([[1.3]]);
    const t = 0.4;
    const opts = { sigma: 0.8, mu: 0.5 };
    // ∫ p dx = ∫ p(e^y) e^y dy over y ∈ log x₀ ± 12 sd by the trapezoid rule (error ≪ 1e-10)
    const sd = 0.8 * Math.sqrt(t);
    const steps = 4000;
    const a = Math.log(1.3) - 12 * sd;
    const h = (24 * sd) / steps;
    let integral = 0;
    for (let k = 0; k <= steps; k++) {
      const y = a + k * h;
      const p = Math.exp(gbmLogDensity(fromRows([[Math.exp(y)]]), x0, t, opts)[0] + y);
      integral += (k === 0 || k === steps ? 0.5 : 1) * p * h;
    }
    expect(integral).toBeCloseTo(1, 10);
    for (const x of [0.3, 1, 1.3, 2.5, 7]) {
      const e = 1e-5 * x;
      const fd =
        (gbmLogDensity(fromRows([[x + e]]), x0, t, opts)[0] -
          gbmLogDensity(fromRows([[x - e]]), x0, t, opts)[0]) /
        (2 * e);
      // central difference: O(e²) truncation and ~1e-16/e rounding, both below 1e-8 relative
      const s = gbmScore(fromRows([[x]]), x0, t, opts).data[0];
      expect(Math.abs(fd - s)).toBeLessThan(1e-7 * Math.max(1, Math.abs(s)));
    }
  });

  it('gbmLogNormalMarginal is the law of X_t for log-normal data (Monte Carlo) and its score is −(1 + (log x − m_t)/v_t)/x', () => {
    const n = 20000;
    const r = rng(2);
    const m0 = 0.3;
    const v0 = 0.04;
    const x0 = matrix(
      n,
      1,
      Float64Array.from({ length: n }, () => Math.exp(m0 + 0.2 * r.normal())),
    );
    const t = 1.1;
    const x = gbmForward(x0, t, normals(r, n, 1));
    const marg = gbmLogNormalMarginal({ logMean: [m0], logVar: [v0] }, t);
    const logs = Array.from(x.data, Math.log);
    const ks = ksNormal(logs, marg.logMean[0], Math.sqrt(marg.logVar[0]));
    // KS critical value at level 0.001: 1.95/√n
    expect(ks).toBeLessThan(1.95 / Math.sqrt(n));
    const s = marg.score(fromRows([[2]])).data[0];
    expect(s).toBeCloseTo(-(1 + (Math.log(2) - marg.logMean[0]) / marg.logVar[0]) / 2, 14);
  });

  it('validates its inputs', () => {
    expect(() => gbmForward(fromRows([[0]]), 1, fromRows([[0]]))).toThrow(/x0 must be positive/);
    expect(() => gbmForward(fromRows([[1]]), 0, fromRows([[0]]))).toThrow(InvalidArgumentError);
    expect(() => gbmForward(fromRows([[1]]), 1, fromRows([[0, 1]]))).toThrow(ShapeError);
    expect(() => gbmScore(fromRows([[1]]), fromRows([[1]]), 1, { sigma: -1 })).toThrow(
      /gbmScore\(\): sigma must be/,
    );
    expect(() => gbmLogNormalMarginal({ logMean: [0], logVar: [0] }, 1)).toThrow(/logVar/);
  });
});

describe('multiplicative denoising score matching', () => {
  it('is zero for the exact score of a single data point, whatever the times and noise', () => {
    const r = rng(3);
    const n = 50;
    const point = [1.2, 1.9, 1.05];
    const x0 = matrix(
      n,
      3,
      Float64Array.from({ length: 3 * n }, (_, q) => point[q % 3]),
    );
    const times = Float64Array.from({ length: n }, () => 0.01 + 2 * r.uniform());
    const exact = (x: Matrix, t: number) =>
      gbmScore(
        x,
        matrix(
          x.rows,
          3,
          Float64Array.from({ length: 3 * x.rows }, (_, q) => point[q % 3]),
        ),
        t,
      );
    const loss = multiplicativeDsmLoss(exact, x0, times, normals(r, n, 3));
    // each residual σ√t(x ⊙ s) + σ√t + z cancels to rounding: ~1e-15 per entry, squared
    expect(loss).toBeLessThan(1e-24);
    // and a wrong score pays: the score of another point
    const wrong = (x: Matrix, t: number) =>
      gbmScore(x, matrix(x.rows, 3, new Float64Array(3 * x.rows).fill(1.5)), t);
    expect(multiplicativeDsmLoss(wrong, x0, times, normals(r, n, 3))).toBeGreaterThan(0.01);
  });

  it('is minimized by the marginal score of log-normal data: least squares on [1, log x] recovers −1/v_t and m_t/v_t − 1 (5 standard errors)', () => {
    // x ⊙ s* = −1 − (log x − m_t)/v_t is affine in log x; the DSM loss at a fixed t is the
    // least-squares problem of the target x ⊙ ∇log p(x | x₀) = −1 − z/(σ√t) on [1, log x_t].
    const n = 40000;
    const r = rng(4);
    const m0 = 0.4;
    const s0 = 0.15;
    const t = 0.3;
    const sigma = 0.8;
    const x0 = matrix(
      n,
      1,
      Float64Array.from({ length: n }, () => Math.exp(m0 + s0 * r.normal())),
    );
    const z = normals(r, n, 1);
    const xt = gbmForward(x0, t, z, { sigma });
    const st = sigma * Math.sqrt(t);
    const u = Array.from(xt.data, Math.log);
    const target = Array.from(z.data, (zz) => -1 - zz / st);
    const mu = u.reduce((a, b) => a + b, 0) / n;
    const mt = target.reduce((a, b) => a + b, 0) / n;
    let suu = 0;
    let sut = 0;
    for (let i = 0; i < n; i++) {
      suu += (u[i] - mu) ** 2;
      sut += (u[i] - mu) * (target[i] - mt);
    }
    const slope = sut / suu;
    let res = 0;
    for (let i = 0; i < n; i++) res += (target[i] - mt - slope * (u[i] - mu)) ** 2;
    const se = Math.sqrt(res / (n - 2) / suu);
    const marg = gbmLogNormalMarginal({ logMean: [m0], logVar: [s0 * s0] }, t, { sigma });
    expect(Math.abs(slope - -1 / marg.logVar[0])).toBeLessThan(5 * se);
    // and the loss of the exact marginal score is below that of nearby scores (same samples)
    const loss = (shift: number) =>
      multiplicativeDsmLoss(
        (x) => {
          const s = marg.score(x);
          return { ...s, data: s.data.map((v, q) => v + shift / x.data[q]) };
        },
        x0,
        t,
        z,
        { sigma },
      );
    expect(loss(0)).toBeLessThan(loss(0.1));
    expect(loss(0)).toBeLessThan(loss(-0.1));
  });
});

describe('reverse-time GBM samplers', () => {
  const m0 = [0.25, 0.5];
  const v0 = [0.02, 0.05];
  const T = 1.5;
  const n = 4000;
  const prior = gbmLogNormalMarginal({ logMean: m0, logVar: v0 }, T);
  const r = rng(5);
  const xT = matrix(
    n,
    2,
    Float64Array.from({ length: 2 * n }, (_, q) =>
      Math.exp(prior.logMean[q % 2] + Math.sqrt(prior.logVar[q % 2]) * r.normal()),
    ),
  );
  const exactScore = (x: Matrix, t: number) =>
    gbmLogNormalMarginal({ logMean: m0, logVar: v0 }, t).score(x);

  for (const method of ['dls', 'ode', 'ums'] as const)
    it(`${method}: with the exact score of a log-normal target, the samples follow it (log-moments, KS test)`, () => {
      const out = gbmReverseSample(exactScore, xT, {
        T,
        tMin: 1e-4,
        steps: 400,
        method,
        seed: 6,
      });
      for (let c = 0; c < 2; c++) {
        const logs = Array.from({ length: n }, (_, i) => Math.log(out.data[2 * i + c]));
        const mean = logs.reduce((a, b) => a + b, 0) / n;
        const v = logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
        // 5 standard errors of the Monte Carlo estimate and no allowance for the O(δ) Euler bias:
        // 400 geometric steps keep it below the sampling error
        expect(Math.abs(mean - m0[c])).toBeLessThan(5 * Math.sqrt(v0[c] / n));
        expect(Math.abs(v - v0[c])).toBeLessThan(5 * v0[c] * Math.sqrt(2 / (n - 1)));
        // KS at level 0.001 (1.95/√n) against the target
        expect(ksNormal(logs, m0[c], Math.sqrt(v0[c]))).toBeLessThan(1.95 / Math.sqrt(n));
      }
    });

  it('dls and ode never produce a value ≤ 0, whatever the score (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: -5, max: 5, noNaN: true }), (seed, scale) => {
        const rr = rng(seed);
        // a random score of size |scale|/x: x ⊙ s of order |scale|, far from any true score
        const wild = (x: Matrix) => ({ ...x, data: x.data.map((v) => (scale * rr.normal()) / v) });
        const start = fromRows([
          [1e-3, 5],
          [2, 0.5],
        ]);
        for (const method of ['dls', 'ode'] as const) {
          const out = gbmReverseSample(wild, start, { T: 1, steps: 20, method, seed });
          if (!out.data.every((v) => v > 0 && Number.isFinite(v))) return false;
        }
        return true;
      }),
      { numRuns: 50 },
    );
  });

  it('stops on an aborted signal and validates its options', () => {
    const ac = new AbortController();
    ac.abort(new Error('stop'));
    expect(() => gbmReverseSample(exactScore, xT, { T, signal: ac.signal })).toThrow('stop');
    expect(() => gbmReverseSample(exactScore, xT, { T, method: 'x' as 'dls' })).toThrow(
      /method must be/,
    );
    expect(() => gbmReverseSample(exactScore, xT, { T: 1, tMin: 2 })).toThrow(/tMin/);
  });
});

describe('generative models', () => {
  const r = rng(7);
  const data = matrix(
    300,
    3,
    Float64Array.from({ length: 900 }, (_, q) => 1 + 0.5 * (1 + Math.sin(q * 0.37 + r.normal()))),
  );

  for (const kind of ['multiplicative', 'additive'] as const)
    it(`${kind}: lossAndGradient matches central finite differences of the loss`, () => {
      const model =
        kind === 'multiplicative'
          ? multiplicativeDiffusion({ dim: 3, hidden: 8, blocks: 1, timeDim: 4, seed: 1 })
          : additiveDiffusion({ dim: 3, hidden: 8, blocks: 1, timeDim: 4, seed: 1 });
      model.train(data, { steps: 5, batchSize: 16 }); // sets data statistics, moves the zero output layer
      const rr = rng(8);
      const x0 = matrix(6, 3, data.data.slice(0, 18));
      const t = Float64Array.from({ length: 6 }, () => 0.05 + 0.9 * rr.uniform() * model.T);
      const z = normals(rr, 6, 3);
      const { loss, gradient } = model.lossAndGradient(x0, t, z);
      const p = model.network.params;
      for (const k of [0, 7, 40, 100, p.length - 5, p.length - 1]) {
        const old = p[k];
        const h = 1e-6;
        p[k] = old + h;
        const up = model.lossAndGradient(x0, t, z).loss;
        p[k] = old - h;
        const down = model.lossAndGradient(x0, t, z).loss;
        p[k] = old;
        // central differences: O(h²) truncation, rounding ~1e-16·loss/h ≈ 1e-10·loss
        expect(Math.abs((up - down) / (2 * h) - gradient[k])).toBeLessThan(
          1e-6 * Math.max(1, Math.abs(gradient[k]), loss),
        );
      }
    });

  it('multiplicative: the training loss is the multiplicative DSM loss of the learned score', () => {
    const model = multiplicativeDiffusion({ dim: 3, hidden: 8, blocks: 1, timeDim: 4, seed: 2 });
    model.train(data, { steps: 10, batchSize: 16 });
    const rr = rng(9);
    const x0 = matrix(5, 3, data.data.slice(30, 45));
    const t = Float64Array.from({ length: 5 }, () => 0.1 + rr.uniform());
    const z = normals(rr, 5, 3);
    const viaScore = multiplicativeDsmLoss((x, time) => model.score(x, time), x0, t, z);
    // the same quantity through two parametrizations: agreement to rounding
    expect(model.lossAndGradient(x0, t, z).loss).toBeCloseTo(viaScore, 10);
  });

  it('training lowers the loss, samples stay positive (dls, ode), checkpoints restore the same sampler, and abort stops training', () => {
    const model = multiplicativeDiffusion({ dim: 3, hidden: 16, blocks: 1, timeDim: 8, seed: 3 });
    const seen: number[] = [];
    const ckpts: number[] = [];
    const res = model.train(data, {
      steps: 200,
      batchSize: 32,
      seed: 1,
      progressEvery: 50,
      onProgress: ({ step }) => seen.push(step),
      checkpointEvery: 100,
      onCheckpoint: (_, step) => ckpts.push(step),
    });
    expect(seen).toEqual([50, 100, 150, 200]);
    expect(ckpts).toEqual([100, 200]);
    const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
    // the first 20 steps start from the zero output (loss ≈ d = 3); the last 50 are lower
    expect(mean(res.losses.subarray(150))).toBeLessThan(0.9 * mean(res.losses.subarray(0, 20)));
    for (const method of ['dls', 'ode'] as const) {
      const x = model.sample(50, { steps: 30, method, seed: 2 });
      expect(x.data.every((v) => v > 0)).toBe(true);
    }
    const copy = diffusionModelFromJSON(JSON.stringify(model));
    expect(copy.sample(5, { steps: 10, seed: 4 }).data).toEqual(
      model.sample(5, { steps: 10, seed: 4 }).data,
    );
    const ac = new AbortController();
    ac.abort(new Error('enough'));
    expect(() => model.train(data, { steps: 5, signal: ac.signal })).toThrow('enough');
  });

  it('exponentiated gradient training keeps the sign of every weight (Dale’s law)', () => {
    const model = multiplicativeDiffusion({ dim: 3, hidden: 8, blocks: 1, timeDim: 4, seed: 4 });
    // a non-zero output layer, so every weight moves
    model.network.params.forEach((v, q, p) => {
      if (v === 0) p[q] = 0.01 * (1 + (q % 3));
    });
    const before = Float64Array.from(model.network.params);
    model.train(data, { steps: 30, batchSize: 16, optimizer: exponentiatedGradient({ lr: 0.05 }) });
    const after = model.network.params;
    let moved = 0;
    for (let q = 0; q < after.length; q++) {
      expect(Math.sign(after[q])).toBe(Math.sign(before[q]));
      if (after[q] !== before[q]) moved++;
    }
    expect(moved).toBeGreaterThan(after.length / 2);
  });

  it('additive: samples by sde and ode, and validates', () => {
    const model = additiveDiffusion({ dim: 3, hidden: 8, blocks: 1, timeDim: 4 });
    expect(() => model.sample(3)).toThrow(/not been trained/);
    model.train(data, { steps: 5, batchSize: 8 });
    expect(model.sample(3, { method: 'ode', steps: 5 }).rows).toBe(3);
    expect(() => model.sample(3, { method: 'dls' })).toThrow(/method must be/);
    expect(() => model.train(matrix(4, 2), { steps: 1 })).toThrow(ShapeError);
    expect(() => multiplicativeDiffusion({ dim: 3 }).train(matrix(4, 3), { steps: 1 })).toThrow(
      /data must be positive/,
    );
  });
});

describe('mmd', () => {
  it('is near zero for two samples of one law, larger for a shifted law, and symmetric', () => {
    const r = rng(10);
    const a = normals(r, 300, 2);
    const b = normals(r, 300, 2);
    const c = matrix(
      300,
      2,
      normals(r, 300, 2).data.map((v) => v + 1),
    );
    const same = mmd(a, b).mmd2;
    const diff = mmd(a, c).mmd2;
    // the unbiased estimate has sd O(1/n) ≈ 3e-3 under the null; the shift by (1, 1) gives ≈ 0.2
    expect(Math.abs(same)).toBeLessThan(0.02);
    expect(diff).toBeGreaterThan(0.1);
    expect(mmd(c, a, { bandwidth: 1.3 }).mmd2).toBeCloseTo(mmd(a, c, { bandwidth: 1.3 }).mmd2, 14);
    expect(() => mmd(a, matrix(3, 3))).toThrow(ShapeError);
  });
});
