import { fromRows, InvalidArgumentError, NonFiniteError, ShapeError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { sinkhorn, sinkhornBarycenter } from './index.js';

const x = Array.from({ length: 30 }, (_, i) => i / 29);
const C = fromRows(x.map((s) => x.map((t) => (s - t) ** 2)));
const bump = (c: number, w: number) => x.map((s) => Math.exp(-((s - c) ** 2) / (2 * w * w)) + 1e-3);

describe('sinkhornBarycenter', () => {
  it('sinkhornBarycenter(histograms, C, { reg, weights }) satisfies the first-order optimality condition', () => {
    const hs = [bump(0.2, 0.05), bump(0.8, 0.08), bump(0.5, 0.03)];
    const weights = [0.5, 0.3, 0.2];
    const reg = 0.02;
    const r = sinkhornBarycenter(hs, C, { reg, weights, tol: 1e-13, maxIter: 100000 });
    expect(r.converged).toBe(true);
    // Independent check: ∂/∂p OT_reg(p, h_t) is the potential f_t (up to a constant), so at
    // the minimizer Σ_t w_t f_t is constant over the support. f_t from separate sinkhorn solves.
    const grad = new Float64Array(30);
    for (let t = 0; t < 3; t++) {
      const s = sinkhorn(
        r.barycenter,
        hs[t].map((v) => v / hs[t].reduce((a, b) => a + b, 0)),
        C,
        {
          reg,
          method: 'log',
          tol: 1e-14,
          maxIter: 100000,
        },
      );
      for (let i = 0; i < 30; i++) grad[i] += weights[t] * s.f[i];
    }
    const mean = grad.reduce((a, b) => a + b, 0) / 30;
    // Potentials are O(max C) = O(1); the sub-solves stop at marginal error 1e-14, which moves
    // potentials by ~reg·1e-14/min(p) ≈ 1e-12 here; 1e-9 leaves margin for the barycenter's own tol.
    for (let i = 0; i < 30; i++) expect(Math.abs(grad[i] - mean)).toBeLessThan(1e-9);
  });

  it('sinkhornBarycenter() of one histogram is its Gibbs blur K(h ⊘ Kᵀ1), summing to 1', () => {
    const h = bump(0.5, 0.1);
    const hs = h.reduce((s, v) => s + v, 0);
    const reg = 0.01;
    const r = sinkhornBarycenter([h], C, { reg });
    const K = C.data.map((c) => Math.exp(-c / reg));
    const colSum = new Float64Array(30);
    for (let i = 0; i < 30; i++) for (let j = 0; j < 30; j++) colSum[j] += K[i * 30 + j];
    for (let i = 0; i < 30; i++) {
      let s = 0;
      for (let j = 0; j < 30; j++) s += (K[i * 30 + j] * h[j]) / hs / colSum[j];
      // One IBP step is already the fixed point: rounding of 30-term sums only.
      expect(Math.abs(r.barycenter[i] - s)).toBeLessThan(1e-14);
    }
    expect(Math.abs(r.barycenter.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-14);
  });

  it('sinkhornBarycenter() does not mutate its inputs', () => {
    const h1 = bump(0.3, 0.1);
    const h2 = bump(0.7, 0.1);
    const before = [h1.slice(), h2.slice()];
    const cost = Float64Array.from(C.data);
    const weights = [2, 1];
    sinkhornBarycenter([h1, h2], C, { reg: 0.05, weights });
    expect([h1, h2]).toEqual(before);
    expect(weights).toEqual([2, 1]);
    expect(Array.from(C.data)).toEqual(Array.from(cost));
  });

  it('sinkhornBarycenter() validates input with typed errors', () => {
    const C2 = fromRows([
      [0, 1],
      [1, 0],
    ]);
    expect(() => sinkhornBarycenter([], C2, { reg: 1 })).toThrow(ShapeError);
    expect(() => sinkhornBarycenter([[1, 0, 0]], C2, { reg: 1 })).toThrow(ShapeError);
    expect(() => sinkhornBarycenter([[1, -1]], C2, { reg: 1 })).toThrow(InvalidArgumentError);
    expect(() => sinkhornBarycenter([[1, 1]], C2, { reg: 0 })).toThrow(InvalidArgumentError);
    // a weights vector of the wrong length is a size error, like every other in @rg
    expect(() => sinkhornBarycenter([[1, 1]], C2, { reg: 1, weights: [1, 2] })).toThrow(ShapeError);
    expect(() => sinkhornBarycenter([[1, 1]], C2, { reg: 1e-3 })).toThrow(NonFiniteError);
  });
});
