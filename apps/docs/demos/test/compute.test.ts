// The demos' numbers in Node, checked against independent facts (marginals, optimality,
// closed forms of the determinant along geodesics), so that the browser test compares the
// page against numbers that are right, not merely equal.
import { eigh, symmetrize } from '@rg/linalg';
import { train } from '@rg/nn';
import { beforeAll, describe, expect, it } from 'vitest';
import { eegScene } from '../src/eeg/compute.js';
import { hessianFrames, objective } from '../src/hessian/compute.js';
import {
  DEFAULT_SETTINGS,
  type RlFrame,
  RUN,
  rlFrames,
  taskOf,
} from '../src/sequence-rl/compute.js';
import {
  METRICS,
  type Sym2,
  spdScene,
  initialInput,
  ellipseOf,
  fromAxes,
} from '../src/spd-metrics/compute.js';
import { initialClouds, transportScene } from '../src/transport/compute.js';

const det = ([a, b, c]: Sym2) => a * c - b * b;

describe('transport demo numbers', () => {
  const clouds = initialClouds(7);
  const n = clouds.source.length;
  const m = clouds.target.length;

  it('both plans have the uniform marginals; the exact cost is at most the entropic plan’s', () => {
    for (const reg of [0.01, 0.1, 1]) {
      const s = transportScene(clouds, reg);
      for (const plan of [s.exact.plan, s.entropic.plan]) {
        for (let i = 0; i < n; i++) {
          let row = 0;
          for (let j = 0; j < m; j++) row += plan[i * m + j];
          // sinkhorn fits rows to rounding and columns to tol = 1e-9; emd is exact
          expect(Math.abs(row - 1 / n)).toBeLessThan(1e-9);
        }
        for (let j = 0; j < m; j++) {
          let col = 0;
          for (let i = 0; i < n; i++) col += plan[i * m + j];
          expect(Math.abs(col - 1 / m)).toBeLessThan(1e-9);
        }
      }
      expect(s.entropic.converged).toBe(true);
      // the entropic plan is feasible, so its linear cost cannot beat the optimum
      expect(s.exact.cost).toBeLessThanOrEqual(s.entropic.cost + 1e-12);
      // network simplex: a basic solution has at most n + m − 1 positive entries
      expect(s.exact.plan.filter((p) => p > 0).length).toBeLessThanOrEqual(n + m - 1);
    }
  });

  it('the exact cost is at least what every source pays to its cheapest target', () => {
    // every unit of source mass pays at least its cheapest target
    const s = transportScene(clouds, 0.1);
    let lower = 0;
    for (const [x, y] of clouds.source) {
      let best = Number.POSITIVE_INFINITY;
      for (const [u, v] of clouds.target) best = Math.min(best, (x - u) ** 2 + (y - v) ** 2);
      lower += best / n;
    }
    expect(s.exact.cost).toBeGreaterThanOrEqual(lower - 1e-12);
  });
});

describe('SPD-metrics demo numbers', () => {
  const input = initialInput(3);

  it('every geodesic starts at A and ends at B', () => {
    for (const { name } of METRICS) {
      const s = spdScene(name, input);
      const first = s.geodesic[0];
      const last = s.geodesic[s.geodesic.length - 1];
      // the ends come back through exp(log) of the metric: rounding of a few matrix functions
      for (let k = 0; k < 3; k++) {
        expect(Math.abs(first[k] - input.a[k])).toBeLessThan(1e-12);
        expect(Math.abs(last[k] - input.b[k])).toBeLessThan(1e-12);
      }
    }
  });

  it('det interpolates geometrically along the affine-invariant, log-Euclidean and log-Cholesky geodesics, and swells along the Euclidean one', () => {
    const steps = 6;
    for (const name of ['riemann', 'logeuclid', 'logchol'] as const) {
      const s = spdScene(name, input, steps);
      s.geodesic.forEach((p, k) => {
        const t = k / steps;
        const expected = det(input.a) ** (1 - t) * det(input.b) ** t;
        // relative rounding of eigen/Cholesky-based exp and log of 2×2 matrices
        expect(Math.abs(det(p) / expected - 1)).toBeLessThan(1e-10);
      });
    }
    const e = spdScene('euclid', input, steps);
    for (let k = 1; k < steps; k++) {
      const t = k / steps;
      expect(det(e.geodesic[k])).toBeGreaterThan(det(input.a) ** (1 - t) * det(input.b) ** t);
    }
  });

  it('the Euclidean mean is the arithmetic mean; the log-Euclidean mean has det = geometric mean of dets', () => {
    const k = input.sample.length;
    const e = spdScene('euclid', input);
    for (let q = 0; q < 3; q++) {
      const avg = input.sample.reduce((s, p) => s + p[q], 0) / k;
      expect(Math.abs(e.mean[q] - avg)).toBeLessThan(1e-14);
    }
    const l = spdScene('logeuclid', input);
    const geo = Math.exp(input.sample.reduce((s, p) => s + Math.log(det(p)), 0) / k);
    expect(Math.abs(det(l.mean) / geo - 1)).toBeLessThan(1e-10);
    // the affine-invariant mean has the same determinant: the trace of the Karcher condition
    // Σ log(G^-½ X_i G^-½) = 0 is Σ log det X_i − k log det G = 0. frechetMean stops at
    // ‖gradient‖ ≤ 1e-8 (its default), which moves log det G by at most √2·1e-8 here
    const r = spdScene('riemann', input);
    expect(r.meanConverged).toBe(true);
    expect(Math.abs(det(r.mean) / geo - 1)).toBeLessThan(1e-7);
  });

  it('ellipseOf draws R diag(λ) Rᵀ with semi-axes √λ at the rotation θ', () => {
    const e = ellipseOf(fromAxes(4, 0.25, 0.5));
    expect(e.rx).toBeCloseTo(2, 12);
    expect(e.ry).toBeCloseTo(0.5, 12);
    // an axis has no direction: θ and θ ± 180° draw the same ellipse
    expect(Math.abs(((e.angle - (0.5 * 180) / Math.PI + 540) % 180) - 0)).toBeLessThan(1e-9);
  });
});

describe('EEG demo numbers', () => {
  const scene = eegScene({ seed: 1, order: 3, lag: 4, metric: 'riemann' });

  it('predictions are the nearer mean of the distances, and the accuracy counts them', () => {
    for (const p of [scene.plain, scene.augmented]) {
      expect(p.distances).toHaveLength(30);
      p.distances.forEach(([d0, d1], i) => {
        expect(p.predictions[i]).toBe(d0 <= d1 ? 0 : 1);
      });
      const hits = p.predictions.filter((y, i) => y === scene.labels[i]).length;
      expect(p.accuracy).toBe(hits / 30);
    }
    expect(scene.plain.size).toBe(4);
    expect(scene.augmented.size).toBe(12);
  });

  it('the page’s claim for its default settings: augmented covariances beat plain ones by far', () => {
    // plain covariances carry no class information by construction of simulateEEG
    expect(scene.plain.accuracy).toBeLessThanOrEqual(0.6);
    expect(scene.augmented.accuracy).toBeGreaterThanOrEqual(scene.plain.accuracy + 0.25);
  });
});

describe('Hessian demo numbers', () => {
  const frames = [...hessianFrames({ seed: 2, epochsPerFrame: 25, frames: 4 })];

  it('the loss falls frame by frame and every frame is a probability distribution over Ritz values', () => {
    for (let k = 1; k < frames.length; k++) expect(frames[k].loss).toBeLessThan(frames[k - 1].loss);
    for (const f of frames) {
      // weights: squared first components of unit Ritz vectors, averaged over probes
      expect(Math.abs(f.weights.reduce((s, w) => s + w, 0) - 1)).toBeLessThan(1e-12);
      expect(f.epoch % 25).toBe(0);
    }
  });

  it('the Ritz values lie in the spectrum of the dense Hessian (built column by column from hvps)', () => {
    const f = objective(2);
    let params: Float64Array = Float64Array.from(f.net.params);
    for (const frame of frames) {
      if (frame.epoch > 0) params = train(f, { epochs: 25, x0: params }).params;
      const dim = f.dim;
      const H = new Float64Array(dim * dim);
      const e = new Float64Array(dim);
      for (let j = 0; j < dim; j++) {
        e.fill(0);
        e[j] = 1;
        const col = f.hvp(params, e);
        for (let i = 0; i < dim; i++) H[i * dim + j] = col[i];
      }
      const { values } = eigh(symmetrize({ rows: dim, cols: dim, data: H }));
      const lo = values[0];
      const hi = values[dim - 1];
      // Ritz values of a symmetric operator lie in [λ_min, λ_max] (Cauchy interlacing), up to
      // the rounding of 30 Lanczos steps: a few ε·‖H‖
      const slack = 1e-10 * Math.max(Math.abs(lo), Math.abs(hi));
      for (const t of frame.nodes) {
        expect(t).toBeGreaterThanOrEqual(lo - slack);
        expect(t).toBeLessThanOrEqual(hi + slack);
      }
    }
  });
});

describe('sequence-RL demo numbers', () => {
  const LN16 = Math.log(16);
  // the page's default run, to the end (one warm start and 100 GRPO updates)
  let frames: RlFrame[] = [];
  beforeAll(() => {
    frames = [...rlFrames(DEFAULT_SETTINGS)];
  }, 120_000);
  const firstN = (s: Parameters<typeof rlFrames>[0], n: number) => {
    const out: RlFrame[] = [];
    for (const f of rlFrames(s)) {
      out.push(f);
      if (out.length === n) break;
    }
    return out;
  };

  it('the warm start stops at its first check at or above the target, then all RL updates run', () => {
    const warm = frames.filter((f) => f.phase === 'warm');
    const rl = frames.filter((f) => f.phase === 'rl');
    expect(frames.slice(0, warm.length)).toEqual(warm);
    warm.forEach((f, k) => {
      expect(f.step).toBe(k * RUN.warmStepsPerFrame);
      expect(f.trainPassAt1).not.toBeNull();
      expect(f.batchReward).toBeNull();
      if (k < warm.length - 1) expect(f.trainPassAt1 as number).toBeLessThan(RUN.warmTarget);
    });
    const last = warm[warm.length - 1];
    expect(last.trainPassAt1 as number).toBeGreaterThanOrEqual(RUN.warmTarget);
    expect(rl.map((f) => f.step)).toEqual(Array.from({ length: RUN.updates }, (_, i) => i + 1));
    for (const f of rl) {
      expect(f.trainPassAt1).toBeNull();
      // GRPO has no mask
      expect(f.maskedShare).toBeNull();
      expect(f.batchReward as number).toBeGreaterThanOrEqual(0);
      expect(f.batchReward as number).toBeLessThanOrEqual(1);
    }
  });

  it('pass@1 counts right answers out of 64 × 4, and the entropy lies in [0, ln 16]', () => {
    for (const f of frames) {
      // a mean over 64 prompts of (right answers)/4: a multiple of 1/256 (exact in binary)
      expect(Number.isInteger(f.passAt1 * RUN.evalPrompts * RUN.evalSamples)).toBe(true);
      expect(f.entropy).toBeGreaterThanOrEqual(0);
      expect(f.entropy).toBeLessThanOrEqual(LN16 + 1e-12);
    }
    // the untrained policy: head weights × 0.01, nearly uniform over the 16 tokens, no right answer
    expect(frames[0].passAt1).toBe(0);
    expect(frames[0].entropy).toBeGreaterThan(0.99 * LN16);
  });

  it('the page’s claim for its defaults: GRPO takes held-out pass@1 from the warm start to above 0.9, the entropy falls', () => {
    const warm = frames.filter((f) => f.phase === 'warm');
    const start = warm[warm.length - 1];
    const end = frames[frames.length - 1];
    expect(start.passAt1).toBeLessThan(0.35);
    expect(end.passAt1).toBeGreaterThan(0.9);
    expect(end.entropy).toBeLessThan(start.entropy / 2);
    // visibly within the first 30 updates already
    expect(frames[warm.length + 29].passAt1).toBeGreaterThan(start.passAt1 + 0.3);
  });

  it('each shown group: rewards from an independent reversal check, advantages (r − mean)/(sd + 1e-4), zero-mean', () => {
    const task = taskOf(DEFAULT_SETTINGS);
    const test = new Set<string>();
    for (let i = 0; i < task.test.rows; i++)
      test.add(task.decode(task.test.data.subarray(i * 5, (i + 1) * 5)));
    frames.forEach((f, k) => {
      const g = f.group;
      expect(test.has(g.prompt)).toBe(true);
      expect(g.prompt).toBe(
        task.decode(task.test.data.subarray((k % 256) * 5, ((k % 256) + 1) * 5)),
      );
      const right = g.prompt.slice(0, 4).split('').reverse().join('');
      expect(g.completions).toHaveLength(RUN.groupSize);
      const rewards: number[] = g.completions.map((c) => (c === right ? 1 : 0));
      expect(g.rewards).toEqual(rewards);
      const mean = rewards.reduce((a, b) => a + b, 0) / rewards.length;
      const sd = Math.sqrt(rewards.reduce((a, r) => a + (r - mean) ** 2, 0) / (rewards.length - 1));
      const sum = g.advantages.reduce((a, b) => a + b, 0);
      // a sum of 8 terms of size ≤ √7 ≈ 2.65 each: rounding ≤ 8 · 2.65 · 2⁻⁵² ≈ 5e-15
      expect(Math.abs(sum)).toBeLessThan(1e-14);
      g.advantages.forEach((a, i) => {
        const expected = sd === 0 ? 0 : (rewards[i] - mean) / (sd + 1e-4);
        expect(Math.abs(a - expected)).toBeLessThan(1e-14);
      });
    });
  });

  it('CAPO at the default learning rate masks most tokens and moves pass@1 less than GRPO', () => {
    const warm = frames.filter((f) => f.phase === 'warm').length;
    const n = warm + 5;
    const c = firstN({ ...DEFAULT_SETTINGS, algorithm: 'capo' }, n);
    expect(c.slice(0, warm)).toEqual(frames.slice(0, warm));
    const masked = c.slice(warm).map((f) => f.maskedShare as number);
    for (const m of masked) {
      expect(m).toBeGreaterThanOrEqual(0);
      expect(m).toBeLessThanOrEqual(1);
    }
    expect(masked.reduce((a, b) => a + b, 0) / masked.length).toBeGreaterThan(0.5);
    expect(Math.abs(c[n - 1].passAt1 - c[warm - 1].passAt1)).toBeLessThan(
      Math.abs(frames[n - 1].passAt1 - frames[warm - 1].passAt1),
    );
  });

  it('the page’s claim for learning rate 10: GRPO collapses (pass@1 0, the entropy down to a fraction of the warm start’s)', () => {
    const warm = frames.filter((f) => f.phase === 'warm').length;
    const n = warm + 5;
    const c = firstN({ ...DEFAULT_SETTINGS, lr: 10 }, n);
    expect(c.slice(0, warm)).toEqual(frames.slice(0, warm));
    expect(c[n - 1].passAt1).toBe(0);
    expect(c[n - 1].entropy).toBeLessThan(c[warm - 1].entropy / 3);
  });
});
