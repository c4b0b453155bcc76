import { fromRows, InvalidArgumentError, ShapeError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  type AttentionProblem,
  attentionProblem,
  attentionSVM,
  optimalTokens,
  trainAttention,
} from './index.js';

/** ⟨W, (x_opt − x_t) zᵀ⟩ of every constraint */
function margins(p: AttentionProblem, w: Float64Array, optimal: number[]): number[] {
  const d = p.v.length;
  const out: number[] = [];
  p.X.forEach((x, i) => {
    for (let t = 0; t < x.rows; t++) {
      if (t === optimal[i]) continue;
      let v = 0;
      for (let a = 0; a < d; a++) {
        let row = 0;
        for (let b = 0; b < d; b++) row += w[a * d + b] * p.z[i][b];
        v += (x.data[optimal[i] * d + a] - x.data[t * d + a]) * row;
      }
      out.push(v);
    }
  });
  return out;
}

describe('attentionSVM', () => {
  it('attentionSVM(p) satisfies the KKT conditions of min ‖W‖_F s.t. (x_t − x_opt)ᵀWz ≤ −1', () => {
    for (const [samples, tokens, dim, seed] of [
      [4, 6, 8, 3],
      [10, 5, 10, 3],
      [6, 4, 5, 9],
    ]) {
      const p = attentionProblem({ samples, tokens, dim, seed });
      const svm = attentionSVM(p);
      expect(svm.converged).toBe(true);
      const m = margins(p, svm.W.data, svm.optimal);
      const d = dim;
      // stationarity, recomputed: W = Σ λ_j (x_opt − x_t) z_iᵀ
      const w = new Float64Array(d * d);
      svm.constraints.forEach(({ sample, token }, j) => {
        const x = p.X[sample].data;
        const o = svm.optimal[sample];
        for (let a = 0; a < d; a++)
          for (let b = 0; b < d; b++)
            w[a * d + b] += svm.multipliers[j] * (x[o * d + a] - x[token * d + a]) * p.z[sample][b];
      });
      for (let k = 0; k < d * d; k++) expect(w[k]).toBeCloseTo(svm.W.data[k], 12);
      // primal and dual feasibility, complementary slackness: a convex QP's optimality certificate
      // (rounding: Wolfe's solve works with Gram entries ~‖a‖² ≈ 2d², margins to ~1e-13)
      m.forEach((v, j) => {
        expect(v).toBeGreaterThan(1 - 1e-10);
        expect(svm.multipliers[j]).toBeGreaterThanOrEqual(0);
        expect(Math.abs(svm.multipliers[j] * (v - 1))).toBeLessThan(1e-10);
      });
      expect(svm.support).toBeGreaterThan(0);
      expect(svm.kkt.primal).toBeLessThan(1e-10);
    }
  });

  it('one sample, two orthogonal tokens: W_mm = a/‖a‖² (closed form)', () => {
    const p = {
      X: [
        fromRows([
          [1, 0],
          [0, 1],
        ]),
      ],
      z: [Float64Array.of(1, 0)],
      y: Float64Array.of(1),
      v: Float64Array.of(0, 1),
    };
    const svm = attentionSVM(p);
    expect(Array.from(svm.W.data)).toEqual([-0.5, 0, 0.5, 0]);
    expect(optimalTokens(p)).toEqual([1]);
  });

  it('reports infeasible problems and bad input with typed errors', () => {
    // 30 samples × 5 constraints in d² = 36 dimensions: 0 lies in the hull of the a_j
    const crowded = attentionProblem({ samples: 30, tokens: 6, dim: 6, seed: 3 });
    expect(() => attentionSVM(crowded)).toThrow(/no W satisfies the constraints/);
    const twin = {
      X: [
        fromRows([
          [1, 2],
          [1, 2],
        ]),
      ],
      z: [Float64Array.of(1, 0)],
      y: Float64Array.of(1),
      v: Float64Array.of(1, 0),
    };
    expect(() => attentionSVM(twin)).toThrow(InvalidArgumentError);
    expect(() => attentionSVM({ ...twin, y: Float64Array.of(2) })).toThrow(
      /y\[0\] must be 1 or -1/,
    );
    expect(() => attentionSVM({ ...twin, z: [Float64Array.of(1)] })).toThrow(ShapeError);
    expect(() =>
      attentionSVM(attentionProblem({ samples: 2, tokens: 3, dim: 3 }), { optimal: [0] }),
    ).toThrow(/optimal must have one token index per sample/);
  });
});

describe('trainAttention', () => {
  it('its gradient step is exact (central differences of the empirical risk)', () => {
    const p = attentionProblem({ samples: 3, tokens: 4, dim: 3, seed: 5 });
    const init = {
      rows: 3,
      cols: 3,
      data: Float64Array.from([0.3, -0.2, 0.1, 0.5, 0.2, -0.4, 0.1, 0.3, 0.2]),
    };
    for (const loss of ['logistic', 'exponential'] as const) {
      const risk = (w: Float64Array) =>
        trainAttention(p, { init: { rows: 3, cols: 3, data: w }, iterations: 0, loss }).history
          .loss[0];
      const lr = 1e-3;
      const step = trainAttention(p, { init, iterations: 1, normalized: false, lr, loss }).W.data;
      for (let k = 0; k < 9; k++) {
        const h = 1e-6;
        const plus = init.data.slice();
        const minus = init.data.slice();
        plus[k] += h;
        minus[k] -= h;
        const fd = (risk(plus) - risk(minus)) / (2 * h);
        // central differences: O(h²) truncation, ε·L/h ≈ 1e-10 rounding
        expect((init.data[k] - step[k]) / lr).toBeCloseTo(fd, 7);
      }
    }
  });

  it('normalized GD: ⟨W, W_mm⟩/(‖W‖‖W_mm‖) → 1 and the softmax selects the optimal tokens', () => {
    const p = attentionProblem({ samples: 10, tokens: 5, dim: 10, seed: 3 });
    const svm = attentionSVM(p);
    const run = trainAttention(p, {
      lr: 0.1,
      iterations: 2000,
      reference: svm.W,
      recordEvery: 100,
    });
    const corr = run.history.correlation as number[];
    expect(corr[1]).toBeLessThan(corr.at(-1) as number);
    expect(corr.at(-1)).toBeGreaterThan(0.999);
    for (const s of run.selection) expect(s).toBeGreaterThan(0.999);
    expect(run.optimal).toEqual(svm.optimal);
    // ‖W‖ grows like lr·t (normalized steps along a nearly fixed direction)
    expect(run.history.norm.at(-1)).toBeGreaterThan(0.9 * 0.1 * 2000);
  });

  it('bad options throw typed errors naming trainAttention()', () => {
    const p = attentionProblem({ samples: 2, tokens: 3, dim: 2 });
    expect(() => trainAttention(p, { lr: 0 })).toThrow(/trainAttention\(\): lr/);
    expect(() => trainAttention(p, { loss: 'hinge' as never })).toThrow(InvalidArgumentError);
    expect(() => trainAttention(p, { init: fromRows([[1]]) })).toThrow(ShapeError);
    expect(() =>
      trainAttention(p, {
        reference: fromRows([
          [0, 0],
          [0, 0],
        ]),
      }),
    ).toThrow(/reference must not be zero/);
  });
});
