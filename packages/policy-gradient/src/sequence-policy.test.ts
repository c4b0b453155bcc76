import { InvalidArgumentError, type Matrix, rng, ShapeError } from '@rg/linalg';
import { attention, dense, embedding, learnedPositions, sequential } from '@rg/nn';
import { describe, expect, it } from 'vitest';
import { type SequencePolicy, sequencePolicy, transformerPolicy } from './index.js';

const V = 16;
const pi = transformerPolicy({ maxTokens: 9, dModel: 16, heads: 2, seed: 4, outputScale: 1 });
const r = rng(21);
const theta = Float64Array.from(pi.initialParameters(), (x) => x + 0.05 * r.normal());
const randomSequences = (n: number, L: number): Matrix => ({
  rows: n,
  cols: L,
  data: Float64Array.from({ length: n * L }, () => r.int(V)),
});
const S = randomSequences(5, 9);
const P = 5;
const R = 4;

function logSoftmax(z: ArrayLike<number>): number[] {
  let m = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < z.length; i++) m = Math.max(m, z[i]);
  let s = 0;
  for (let i = 0; i < z.length; i++) s += Math.exp(z[i] - m);
  const lse = m + Math.log(s);
  return Array.from(z, (x) => x - lse);
}

/** log π(yₜ | y<ₜ) by running the network on each prefix separately (no teacher forcing) */
function prefixLogProbs(policy: SequencePolicy, th: Float64Array, seqs: Matrix, p: number) {
  const net = policy.network;
  const head = policy.head as NonNullable<SequencePolicy['head']>;
  net.params.set(th.subarray(0, net.dim));
  head.params.set(th.subarray(net.dim));
  const out: number[] = [];
  for (let b = 0; b < seqs.rows; b++)
    for (let t = p; t < seqs.cols; t++) {
      const x = { rows: 1, cols: t, data: seqs.data.slice(b * seqs.cols, b * seqs.cols + t) };
      const y = net.forward(x, { tokens: t });
      const z = head.forward({ rows: 1, cols: y.cols, data: y.data.slice((t - 1) * y.cols) });
      out.push(logSoftmax(z.data)[seqs.data[b * seqs.cols + t]]);
    }
  return out;
}

describe('sequencePolicy / transformerPolicy', () => {
  it('logProbs (one teacher-forced pass) equals the network run on each prefix', () => {
    const lp = pi.logProbs(theta, S, P);
    expect([lp.rows, lp.cols]).toEqual([5, R]);
    const direct = prefixLogProbs(pi, theta, S, P);
    // the same float64 operations on the same numbers up to summation order in the products
    for (let i = 0; i < direct.length; i++)
      expect(Math.abs(lp.data[i] - direct[i])).toBeLessThan(1e-12 * (1 + Math.abs(direct[i])));
  });

  it('gradLogProbs(w) matches central finite differences of Σ w log π', () => {
    const w = Float64Array.from({ length: 5 * R }, () => r.normal());
    const g = pi.gradLogProbs(theta, S, P, w);
    const f = (t: Float64Array) => {
      const lp = pi.logProbs(t, S, P).data;
      let s = 0;
      for (let i = 0; i < lp.length; i++) s += w[i] * lp[i];
      return s;
    };
    const h = 1e-5;
    for (const i of [0, 7, 300, 901, pi.dim - 20, pi.dim - 1]) {
      const tp = theta.slice();
      const tm = theta.slice();
      tp[i] += h;
      tm[i] -= h;
      const fd = (f(tp) - f(tm)) / (2 * h);
      // central differences: truncation O(h²·f''') ≈ 1e-10, rounding O(ε·|f|/h) ≈ 1e-10
      expect(Math.abs(fd - g[i])).toBeLessThan(1e-6 * (1 + Math.abs(g[i])));
    }
  });

  it('entropies, distribution and klTokens agree with the softmax of the logits', () => {
    const logits = pi.distribution(theta, S, P);
    expect([logits.rows, logits.cols]).toEqual([5 * R, V]);
    const H = pi.entropies(theta, S, P);
    const theta2 = Float64Array.from(theta, (x) => x + 0.01 * r.normal());
    const ref = pi.distribution(theta2, S, P);
    const kl = pi.klTokens(theta, S, P, ref);
    for (let i = 0; i < 5 * R; i++) {
      const lp = logSoftmax(logits.data.subarray(i * V, (i + 1) * V));
      const lq = logSoftmax(ref.data.subarray(i * V, (i + 1) * V));
      let h = 0;
      let d = 0;
      for (let j = 0; j < V; j++) {
        h -= Math.exp(lp[j]) * lp[j];
        d += Math.exp(lp[j]) * (lp[j] - lq[j]);
      }
      expect(H.data[i]).toBeCloseTo(h, 12);
      expect(kl.data[i]).toBeCloseTo(d, 12);
    }
    expect(Math.max(...pi.klTokens(theta, S, P, logits).data)).toBe(0);
  });

  it('generate() samples each token from the policy (χ² test) and greedy takes the argmax', () => {
    const prompts = { rows: 1, cols: 3, data: Float64Array.of(2, 7, 11) };
    const n = 6000;
    const resp = pi.generate(theta, prompts, { responseLength: 2, samples: n, seed: 5 });
    expect([resp.rows, resp.cols]).toEqual([n, 2]);
    const first = pi.distribution(
      theta,
      { rows: 1, cols: 4, data: Float64Array.of(2, 7, 11, 0) },
      3,
    ).data;
    const p = logSoftmax(first).map(Math.exp);
    const counts = new Array(V).fill(0);
    for (let i = 0; i < n; i++) counts[resp.data[2 * i]]++;
    // pool categories with expected count < 5 into one
    let chi = 0;
    let df = -1;
    let restObs = 0;
    let restExp = 0;
    for (let j = 0; j < V; j++) {
      const e = n * p[j];
      if (e < 5) {
        restObs += counts[j];
        restExp += e;
      } else {
        chi += (counts[j] - e) ** 2 / e;
        df++;
      }
    }
    if (restExp > 0) {
      chi += (restObs - restExp) ** 2 / restExp;
      df++;
    }
    // the 0.999 quantile of χ²(df) is below df + 3.3·√(2df) + 10 for df ≤ 15
    expect(chi).toBeLessThan(df + 3.3 * Math.sqrt(2 * df) + 10);
    const greedy = pi.generate(theta, prompts, { responseLength: 1, greedy: true });
    expect(greedy.data[0]).toBe(p.indexOf(Math.max(...p)));
    // the second token is drawn given the first: the joint log-probability matches logProbs
    const seqs = { rows: 3, cols: 5, data: new Float64Array(15) };
    for (let i = 0; i < 3; i++)
      seqs.data.set([2, 7, 11, resp.data[2 * i], resp.data[2 * i + 1]], 5 * i);
    const lp = pi.logProbs(theta, seqs, 3);
    expect(lp.data.every((x) => x < 0 && Number.isFinite(x))).toBe(true);
  });

  it('the same seed generates the same responses; rows i·samples… answer prompt i', () => {
    const prompts = { rows: 2, cols: 3, data: Float64Array.of(1, 2, 11, 3, 4, 11) };
    const a = pi.generate(theta, prompts, { responseLength: 3, samples: 4, seed: 1 });
    const b = pi.generate(theta, prompts, { responseLength: 3, samples: 4, rng: rng(1) });
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    // a prompt generated alone gets the same draws as the first prompt of the pair
    const alone = pi.generate(
      theta,
      { rows: 1, cols: 3, data: Float64Array.of(1, 2, 11) },
      { responseLength: 1, samples: 4, seed: 1 },
    );
    for (let s = 0; s < 4; s++) expect(alone.data[s]).toBe(a.data[3 * s]);
  });

  it('sequencePolicy() probes causality, widths and ids', () => {
    const nonCausal = sequential([
      embedding({ vocab: 4, dim: 4 }),
      learnedPositions({ maxTokens: 4, dim: 4 }),
      attention({ dModel: 4, heads: 1 }),
    ]);
    expect(() => sequencePolicy(nonCausal, { vocab: 4, maxTokens: 4 })).toThrow(/causal/);
    const causal = () =>
      sequential([
        embedding({ vocab: 4, dim: 4 }),
        learnedPositions({ maxTokens: 4, dim: 4 }),
        attention({ dModel: 4, heads: 1, causal: true }),
      ]);
    expect(sequencePolicy(causal(), { vocab: 4, maxTokens: 4 }).dim).toBe(16 + 16 + 80);
    expect(() => sequencePolicy(causal(), { vocab: 5, maxTokens: 4 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => sequencePolicy(causal(), { vocab: 4, maxTokens: 6 })).toThrow(
      InvalidArgumentError,
    );
    expect(() =>
      sequencePolicy(causal(), { vocab: 4, maxTokens: 4, head: dense({ inputs: 4, outputs: 3 }) }),
    ).toThrow(/4 logits/);
    expect(() => sequencePolicy({} as never, { vocab: 4, maxTokens: 4 })).toThrow(
      InvalidArgumentError,
    );
  });

  it('methods validate θ, ids, lengths and weights with typed errors', () => {
    expect(() => pi.logProbs(theta.subarray(1), S, P)).toThrow(ShapeError);
    expect(() =>
      pi.logProbs(theta, { rows: 1, cols: 3, data: Float64Array.of(1, 2, 16) }, 1),
    ).toThrow(InvalidArgumentError);
    expect(() => pi.logProbs(theta, randomSequences(1, 10), 2)).toThrow(ShapeError);
    expect(() => pi.logProbs(theta, S, 9)).toThrow(InvalidArgumentError);
    expect(() => pi.gradLogProbs(theta, S, P, [1, 2])).toThrow(ShapeError);
    expect(() =>
      pi.generate(theta, { rows: 1, cols: 6, data: new Float64Array(6) }, { responseLength: 4 }),
    ).toThrow(ShapeError);
    expect(() =>
      pi.generate(
        theta,
        { rows: 1, cols: 2, data: new Float64Array(2) },
        { responseLength: 2, temperature: 0 },
      ),
    ).toThrow(InvalidArgumentError);
  });
});
