import { AbortError, InvalidArgumentError, type Matrix, rng, ShapeError } from '@rg/linalg';
import { dense, embedding, learnedPositions, sequential } from '@rg/nn';
import { sgd } from '@rg/optim';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  capo,
  curvatureShifts,
  evaluateSequencePolicy,
  g2rl,
  gradientFeatures,
  gradientNoveltyScales,
  groupRelativeAdvantages,
  grpo,
  passAtK,
  reverseTask,
  type SequencePolicy,
  sequencePolicy,
  supervisedWarmStart,
  type TrainProgress,
  trainingSteps,
  transformerPolicy,
} from './index.js';

const r = rng(31);
const jitter = (t: Float64Array, s: number) => Float64Array.from(t, (x) => x + s * r.normal());

/** a softmax-linear (bigram) policy: logits = W·embedding(previous token) + b */
function bigram(vocab: number): SequencePolicy {
  return sequencePolicy(embedding({ vocab, dim: 5, seed: 2 }), {
    vocab,
    maxTokens: 6,
    head: dense({ inputs: 5, outputs: vocab, seed: 3 }),
  });
}

function ids(n: number, L: number, vocab: number): Matrix {
  return { rows: n, cols: L, data: Float64Array.from({ length: n * L }, () => r.int(vocab)) };
}

describe('groupRelativeAdvantages (GRPO)', () => {
  it('is zero-mean in every group, with unit sample sd when epsilon = 0 (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 40 }),
        (G, raw) => {
          const groups = Math.max(1, Math.floor(raw.length / G));
          const rewards = Array.from(
            { length: groups * G },
            (_, i) => (raw[i % raw.length] ?? 0) / 4,
          );
          const a = groupRelativeAdvantages(rewards, G, { epsilon: 0 });
          for (let g = 0; g < groups; g++) {
            const x = Array.from(a.subarray(g * G, (g + 1) * G));
            const y = rewards.slice(g * G, (g + 1) * G);
            const mean = x.reduce((s, v) => s + v, 0) / G;
            // G terms of size ≤ √G each: rounding below 1e-14
            expect(Math.abs(mean)).toBeLessThan(1e-14);
            const constant = y.every((v) => v === y[0]);
            if (constant) expect(x.every((v) => v === 0)).toBe(true);
            else {
              const sd = Math.sqrt(x.reduce((s, v) => s + v * v, 0) / (G - 1));
              expect(sd).toBeCloseTo(1, 12);
            }
          }
        },
      ),
    );
  });

  it("'none' centres without scaling; bad lengths and options throw", () => {
    expect(Array.from(groupRelativeAdvantages([1, 0, 0.5, 0.5], 2, { normalize: 'none' }))).toEqual(
      [0.5, -0.5, 0, 0],
    );
    expect(() => groupRelativeAdvantages([1, 2, 3], 2)).toThrow(ShapeError);
    expect(() => groupRelativeAdvantages([1, 2], 2, { normalize: 'max' as 'std' })).toThrow(
      InvalidArgumentError,
    );
  });
});

describe('passAtK', () => {
  it('equals the share of k-subsets of n responses that contain a correct one (enumeration)', () => {
    for (let n = 1; n <= 8; n++)
      for (let c = 0; c <= n; c++)
        for (let k = 1; k <= n; k++) {
          let hit = 0;
          let total = 0;
          // responses 0 … c−1 are the correct ones
          for (let mask = 0; mask < 1 << n; mask++) {
            let bits = 0;
            for (let i = 0; i < n; i++) if (mask & (1 << i)) bits++;
            if (bits !== k) continue;
            total++;
            if (mask & ((1 << c) - 1)) hit++;
          }
          expect(passAtK(n, c, k)).toBeCloseTo(hit / total, 14);
        }
    expect(() => passAtK(4, 5, 1)).toThrow(InvalidArgumentError);
    expect(() => passAtK(4, 1, 5)).toThrow(InvalidArgumentError);
  });
});

describe('curvatureShifts (CAPO) against the exact change of a step', () => {
  /**
   * For a head-only step the last-layer model is exact: the logits move by u = hΔW + Δb. The
   * estimates are second-order Taylor expansions in the step, so their error is third order:
   * halving the step divides it by 8 (in the limit), and at a step with |Δ log π| ≲ 0.02 the
   * relative error is a few percent at most.
   */
  function check(policy: SequencePolicy, label: string) {
    const V = policy.vocab;
    const theta = jitter(policy.initialParameters(), 0.3);
    const theta0 = jitter(theta, 0.05); // the sampling policy, for ratios ≠ 1
    const n = 6;
    const Pn = 2;
    const S = ids(n, Pn + 3, V);
    const adv = Float64Array.from({ length: n }, () => r.normal());
    const old = policy.logProbs(theta0, S, Pn);
    const dir = policy.gradLogProbs(
      theta,
      S,
      Pn,
      Float64Array.from({ length: n * 3 }, () => r.normal()),
    );
    const headDim = (policy.head as NonNullable<SequencePolicy['head']>).dim;
    dir.fill(0, 0, policy.dim - headDim); // only the head moves
    const lp0 = policy.logProbs(theta, S, Pn).data;
    const errors = (scale: number) => {
      const step = Float64Array.from(dir, (x) => x * scale);
      const s = curvatureShifts(policy, theta, S, Pn, step, { advantages: adv, oldLogProbs: old });
      const lp1 = policy.logProbs(
        Float64Array.from(theta, (x, i) => x + step[i]),
        S,
        Pn,
      ).data;
      let eJ = 0;
      let eK = 0;
      let mJ = 0;
      let mK = 0;
      let maxDelta = 0;
      for (let i = 0; i < lp0.length; i++) {
        const d = lp1[i] - lp0[i];
        const rho = Math.exp(lp0[i] - old.data[i]);
        const dJ = adv[Math.floor(i / 3)] * rho * Math.expm1(d);
        const dK = 0.5 * d * d;
        eJ = Math.max(eJ, Math.abs(s.objectiveShift.data[i] - dJ));
        eK = Math.max(eK, Math.abs(s.policyShift.data[i] - dK));
        mJ = Math.max(mJ, Math.abs(dJ));
        mK = Math.max(mK, dK);
        maxDelta = Math.max(maxDelta, Math.abs(d));
      }
      return { eJ, eK, mJ, mK, maxDelta };
    };
    // scale so that the largest |Δ log π| is about 0.02
    const probe = errors(1);
    const scale = 0.02 / probe.maxDelta;
    const a = errors(scale);
    const b = errors(scale / 2);
    expect(a.maxDelta, label).toBeGreaterThan(0.01);
    expect(a.eJ / a.mJ, label).toBeLessThan(0.05);
    expect(a.eK / a.mK, label).toBeLessThan(0.05);
    expect(a.eJ / b.eJ, label).toBeGreaterThan(6);
    expect(a.eJ / b.eJ, label).toBeLessThan(10);
    expect(a.eK / b.eK, label).toBeGreaterThan(6);
    expect(a.eK / b.eK, label).toBeLessThan(10);
    return { theta, dir, scale };
  }

  it('ΔJ and ½(vᵀu)² match Âρ(e^δ − 1) and ½δ² to third order (softmax-linear bigram policy)', () => {
    check(bigram(6), 'bigram');
  });

  it('the same holds for a transformer policy moving only its head', () => {
    check(transformerPolicy({ maxTokens: 6, dModel: 8, seed: 5, outputScale: 1 }), 'transformer');
  });

  it('E_a[½(vᵀu)²] over a ∼ π is the Fisher form, the exact KL(π ‖ π′) to second order', () => {
    const V = 6;
    const policy = bigram(V);
    const theta = jitter(policy.initialParameters(), 0.3);
    // one state (prompt 3 4), every next token a
    const S: Matrix = { rows: V, cols: 3, data: new Float64Array(3 * V) };
    for (let a = 0; a < V; a++) S.data.set([3, 4, a], 3 * a);
    const dir = policy.gradLogProbs(
      theta,
      S,
      2,
      Float64Array.from({ length: V }, () => r.normal()),
    );
    dir.fill(0, 0, policy.dim - (5 * V + V));
    const gap = (scale: number) => {
      const step = Float64Array.from(dir, (x) => x * scale);
      const s = curvatureShifts(policy, theta, S, 2, step);
      const p = policy.logProbs(theta, S, 2).data.map(Math.exp);
      let fisher = 0;
      for (let a = 0; a < V; a++) fisher += p[a] * s.policyShift.data[a];
      const moved = Float64Array.from(theta, (x, i) => x + step[i]);
      const kl = policy.klTokens(theta, S, 2, policy.distribution(moved, S, 2)).data[0];
      return { fisher, kl };
    };
    // a step whose KL is about 1e-4 (CAPO's τ_F)
    const probe = gap(1);
    const scale = Math.sqrt(1e-4 / probe.kl);
    const a = gap(scale);
    const b = gap(scale / 2);
    expect(a.kl).toBeGreaterThan(1e-6);
    // relative error O(|u|): below 5% here, and it halves with the step
    expect(Math.abs(a.fisher - a.kl) / a.kl).toBeLessThan(0.05);
    const ratio = Math.abs(a.fisher - a.kl) / Math.abs(b.fisher - b.kl);
    expect(ratio).toBeGreaterThan(6);
    expect(ratio).toBeLessThan(10);
  });

  it('needs a dense head and valid sizes', () => {
    const net = sequential([
      embedding({ vocab: 4, dim: 4 }),
      learnedPositions({ maxTokens: 3, dim: 4 }),
    ]);
    const noHead = sequencePolicy(net, { vocab: 4, maxTokens: 3 });
    const S = ids(1, 3, 4);
    expect(() =>
      curvatureShifts(noHead, noHead.initialParameters(), S, 1, new Float64Array(noHead.dim)),
    ).toThrow(/dense head/);
    const pi = bigram(6);
    expect(() =>
      curvatureShifts(pi, pi.initialParameters(), ids(2, 3, 6), 1, new Float64Array(pi.dim), {
        advantages: [1, 2, 3],
      }),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      curvatureShifts(pi, pi.initialParameters(), ids(2, 3, 6), 1, new Float64Array(3)),
    ).toThrow(ShapeError);
  });
});

describe('gradientFeatures and gradientNoveltyScales (G2RL)', () => {
  it('row i is the head part of ∇θ log π(yᵢ | xᵢ) from backprop', () => {
    const pi = transformerPolicy({ maxTokens: 7, dModel: 8, seed: 6, outputScale: 1 });
    const theta = jitter(pi.initialParameters(), 0.1);
    const S = ids(3, 7, 16);
    const phi = gradientFeatures(pi, theta, S, 3);
    const headDim = (pi.head as NonNullable<SequencePolicy['head']>).dim;
    expect(phi.cols).toBe(headDim);
    for (let i = 0; i < 3; i++) {
      const one = { rows: 1, cols: 7, data: S.data.slice(7 * i, 7 * i + 7) };
      const g = pi.gradLogProbs(theta, one, 3, [1, 1, 1, 1]).subarray(pi.dim - headDim);
      for (let j = 0; j < headDim; j++)
        expect(Math.abs(phi.data[i * headDim + j] - g[j])).toBeLessThan(
          1e-12 * (1 + Math.abs(g[j])),
        );
    }
  });

  it('scales lie in (1 − β, 1 + β), are 1 for identical features, and ignore row lengths (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 5 }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (G, groups, D, bound, sharpness, seed) => {
          const g = rng(seed);
          const n = G * groups;
          const F = {
            rows: n,
            cols: D,
            data: Float64Array.from({ length: n * D }, () => g.normal()),
          };
          const s = gradientNoveltyScales(F, G, { bound, sharpness });
          for (const x of s) {
            expect(x).toBeGreaterThanOrEqual(1 - bound);
            expect(x).toBeLessThanOrEqual(1 + bound);
          }
          // positive rescaling of rows leaves every cosine, so every scale, unchanged
          const F2 = { ...F, data: F.data.map((x, i) => x * (1 + (Math.floor(i / D) % 3))) };
          const s2 = gradientNoveltyScales(F2, G, { bound, sharpness });
          s.forEach((x, i) => {
            expect(Math.abs(x - s2[i])).toBeLessThan(1e-12);
          });
          // identical features within each group: all scales exactly 1
          const same = {
            ...F,
            data: F.data.map((_, i) => F.data[Math.floor(i / D / G) * G * D + (i % D)]),
          };
          expect(Array.from(gradientNoveltyScales(same, G, { bound, sharpness }))).toEqual(
            new Array(n).fill(1),
          );
        },
      ),
    );
  });

  it('the more novel response of a group gets the larger scale', () => {
    // rows 0 and 1 nearly parallel, row 2 orthogonal to row 0; row 3, the diagonal, is close to
    // all of them. Novelty 1 − mean cosine: row 2 ≈ 0.731, row 0 ≈ 0.433, row 1 ≈ 0.376,
    // row 3 ≈ 0.269 (the group mean 0.452)
    const F = {
      rows: 4,
      cols: 2,
      data: Float64Array.of(1, 0, 1, 0.1, 0, 1, 1, 1),
    };
    const s = gradientNoveltyScales(F, 4);
    expect(s[2]).toBeGreaterThan(1);
    expect(s[3]).toBeLessThan(1);
    expect(s[2]).toBeGreaterThan(s[0]);
    expect(s[0]).toBeGreaterThan(s[1]);
    expect(s[1]).toBeGreaterThan(s[3]);
    expect(() => gradientNoveltyScales(F, 3)).toThrow(ShapeError);
    expect(() => gradientNoveltyScales(F, 2, { bound: 1 })).toThrow(InvalidArgumentError);
  });
});

describe('grpo, capo, g2rl', () => {
  const task = reverseTask({ length: 2, trainSize: 60, testSize: 20, reward: 'partial', seed: 1 });
  const pi = transformerPolicy({ maxTokens: 5, dModel: 16, seed: 2 });
  const warm = supervisedWarmStart(task, pi, { steps: 15, lr: 0.01, seed: 3 }).theta;
  const base = { theta: warm, maxIterations: 4, promptsPerIteration: 4, groupSize: 4, seed: 7 };

  it('are seeded: the same seed gives the same iterates, also through trainingSteps()', () => {
    const a = grpo(task, pi, { ...base, lr: 0.01 });
    const b = grpo(task, pi, { ...base, lr: 0.01 });
    expect(Array.from(a.theta)).toEqual(Array.from(b.theta));
    const steps = [...trainingSteps(grpo, task, pi, { ...base, lr: 0.01 })];
    expect(steps.length).toBe(4);
    expect(Array.from(steps[3].theta)).toEqual(Array.from(a.theta));
    expect(a.samples).toBe(4 * 4 * 4 * 2);
    expect(a.episodes).toBe(4 * 4 * 4);
  });

  it('capo with thresholds nothing exceeds is grpo, bit for bit (the proposed step leaves Adam unchanged)', () => {
    const masked: number[] = [];
    const a = grpo(task, pi, { ...base, lr: 0.01, epochs: 2 });
    const b = capo(task, pi, {
      ...base,
      lr: 0.01,
      epochs: 2,
      policyShiftThreshold: 1e300,
      objectiveShiftThreshold: 1e300,
      onProgress: (p) => masked.push(p.stats.maskedShare),
    });
    expect(Array.from(b.theta)).toEqual(Array.from(a.theta));
    expect(masked).toEqual([0, 0, 0, 0]);
  });

  it('capo with thresholds every token exceeds masks every contributing token: SGD does not move', () => {
    const stats: TrainProgress['stats'][] = [];
    const run = capo(task, pi, {
      ...base,
      optimizer: sgd({ lr: 1 }),
      policyShiftThreshold: 1e-300,
      objectiveShiftThreshold: 1e-300,
      onProgress: (p) => stats.push(p.stats),
    });
    expect(Array.from(run.theta)).toEqual(Array.from(warm));
    for (const s of stats) {
      expect(s.maskedShare).toBeGreaterThan(0);
      expect(s.maskedPositive === 1 || s.maskedNegative === 1).toBe(true);
    }
  });

  it('g2rl with scaleBound 0 is grpo, bit for bit; its scales respect the bound', () => {
    const a = grpo(task, pi, { ...base, lr: 0.01 });
    const b = g2rl(task, pi, { ...base, lr: 0.01, scaleBound: 0 });
    expect(Array.from(b.theta)).toEqual(Array.from(a.theta));
    const scales: number[] = [];
    g2rl(task, pi, {
      ...base,
      scaleBound: 0.3,
      onProgress: (p) => scales.push(p.stats.minScale, p.stats.maxScale),
    });
    expect(scales.every((s) => s > 0.7 && s < 1.3)).toBe(true);
  });

  it('the KL penalty is zero at the reference and positive once the policy moved', () => {
    const kl: number[] = [];
    grpo(task, pi, {
      ...base,
      lr: 0.02,
      klCoefficient: 0.1,
      onProgress: (p) => kl.push(p.stats.kl),
    });
    expect(kl[0]).toBe(0);
    expect(kl[3]).toBeGreaterThan(0);
  });

  it('grpo raises the reward of a warm-started policy', () => {
    const e0 = evaluateSequencePolicy(task, pi, warm, { split: 'train', samples: 8 });
    const run = grpo(task, pi, { ...base, maxIterations: 30, lr: 0.01, promptsPerIteration: 8 });
    const e1 = evaluateSequencePolicy(task, pi, run.theta, { split: 'train', samples: 8 });
    // ~500 responses per evaluation: a standard error of about 0.02 on each mean reward
    expect(e0.meanReward).toBeLessThan(0.8);
    expect(e1.meanReward).toBeGreaterThan(e0.meanReward + 0.1);
  });

  it('evaluateSequencePolicy counts what the verifier says about the same draws', () => {
    const e = evaluateSequencePolicy(task, pi, warm, { samples: 6, k: [1, 2, 3, 6], seed: 4 });
    const responses = pi.generate(warm, task.test, { responseLength: 2, samples: 6, seed: 4 });
    let pass1 = 0;
    const maj3: number[] = [];
    for (let i = 0; i < task.test.rows; i++) {
      const prompt = task.test.data.subarray(3 * i, 3 * i + 3);
      const ok = Array.from({ length: 6 }, (_, s) =>
        task.isCorrect(prompt, responses.data.subarray((6 * i + s) * 2, (6 * i + s + 1) * 2)),
      );
      pass1 += ok.filter(Boolean).length / 6;
      // maj@3 over two blocks, by counting strings
      let m = 0;
      for (const block of [0, 1]) {
        const keys = Array.from({ length: 3 }, (_, j) => {
          const s = 3 * block + j;
          return `${responses.data[(6 * i + s) * 2]},${responses.data[(6 * i + s) * 2 + 1]}`;
        });
        const count = (k: string) => keys.filter((x) => x === k).length;
        const top = Math.max(...keys.map(count));
        const modes = [...new Set(keys.filter((k) => count(k) === top))];
        m += modes.filter((k) => ok[3 * block + keys.indexOf(k)]).length / modes.length;
      }
      maj3.push(m / 2);
    }
    expect(e.passAt1).toBeCloseTo(pass1 / task.test.rows, 12);
    expect(e.majAtK[2]).toBeCloseTo(maj3.reduce((a, b) => a + b, 0) / maj3.length, 12);
    expect(e.passAtK[0]).toBeCloseTo(e.passAt1, 12);
    expect(e.passAtK[3]).toBeGreaterThanOrEqual(e.passAtK[1]);
  });

  it('validate their options and abort on a signal', () => {
    expect(() => grpo(task, pi, { ...base, groupSize: 1 })).toThrow(InvalidArgumentError);
    expect(() => grpo(task, pi, { ...base, clip: 0 })).toThrow(InvalidArgumentError);
    expect(() => capo(task, pi, { ...base, policyShiftThreshold: 0 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => g2rl(task, pi, { ...base, scaleBound: 1 })).toThrow(InvalidArgumentError);
    const small = transformerPolicy({ maxTokens: 4, dModel: 8 });
    expect(() => grpo(task, small)).toThrow(/maxTokens/);
    const net = sequential([
      embedding({ vocab: 16, dim: 4 }),
      learnedPositions({ maxTokens: 5, dim: 4 }),
      dense({ inputs: 4, outputs: 16 }),
    ]);
    expect(() => capo(task, sequencePolicy(net, { vocab: 16, maxTokens: 5 }), base)).toThrow(
      /dense head/,
    );
    const controller = new AbortController();
    expect(() =>
      grpo(task, pi, { ...base, signal: controller.signal, onProgress: () => controller.abort() }),
    ).toThrow(AbortError);
  });
});
