import { InvalidArgumentError, type Matrix, rng, ShapeError, solve } from '@rg/linalg';
import { type OptimizerState, sgd } from '@rg/optim';
import { describe, expect, it } from 'vitest';
import { mfacOptimizer, mfacPreconditioner } from '../src/index.js';

/** (λI + (1/c) Σ gᵢgᵢᵀ)⁻¹ g by a dense solve: the oracle of an M-FAC step */
function denseIhvp(window: Float64Array[], damp: number, g: Float64Array): Float64Array {
  const d = g.length;
  const c = window.length;
  const F: Matrix = { rows: d, cols: d, data: new Float64Array(d * d) };
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (const w of window) s += w[i] * w[j];
      F.data[i * d + j] = s / c + (i === j ? damp : 0);
    }
  return solve(F, { rows: d, cols: 1, data: g }).data;
}

function gradients(count: number, d: number, seed: number): Float64Array[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => Float64Array.from({ length: d }, () => r.normal()));
}

describe('mfacPreconditioner', () => {
  it('sgd with it steps by −lr·(F⁻¹g + wd·θ), F from the last m gradients (vs a dense solve)', () => {
    const d = 5;
    const m = 3;
    const damp = 0.1;
    const opt = sgd({ lr: 0.2, weightDecay: 0.05, precondition: mfacPreconditioner({ m, damp }) });
    expect(opt.name).toBe('sgd+mfac');
    const gs = gradients(7, d, 3);
    const theta = Float64Array.from({ length: d }, (_, i) => i - 2);
    for (let t = 0; t < gs.length; t++) {
      const before = Float64Array.from(theta);
      opt.stepInPlace(theta, gs[t]);
      const expected = denseIhvp(gs.slice(Math.max(0, t - m + 1), t + 1), damp, gs[t]);
      // Woodbury with a Cholesky of the m×m system vs an LU solve of the d×d one: both
      // backward stable on a matrix with condition ≤ 1 + ‖g‖²/λ ≈ 1e2, so agreement to ~1e-13
      for (let i = 0; i < d; i++)
        expect(
          Math.abs(before[i] - theta[i] - 0.2 * (expected[i] + 0.05 * before[i])),
        ).toBeLessThan(1e-13);
    }
  });

  it('state() survives JSON and loadState resumes bit for bit, with the window full and wrapped', () => {
    const d = 4;
    const make = () =>
      sgd({ lr: 0.1, momentum: 0.9, precondition: mfacPreconditioner({ m: 3, damp: 0.01 }) });
    const gs = gradients(12, d, 5);
    const a = make();
    const x = Float64Array.from([1, -1, 0.5, 2]);
    // 7 gradients: the window (m = 3) has wrapped twice and its next slot is 1
    for (let t = 0; t < 7; t++) a.stepInPlace(x, gs[t]);
    const saved: OptimizerState = JSON.parse(JSON.stringify(a.state()));
    const b = make();
    b.loadState(saved);
    const y = Float64Array.from(x);
    for (let t = 7; t < 12; t++) {
      a.stepInPlace(x, gs[t]);
      b.stepInPlace(y, gs[t]);
    }
    expect(Array.from(y)).toEqual(Array.from(x));
    expect(() =>
      make().loadState({ ...saved, transform: { dim: d, added: 7, gradients: [1] } }),
    ).toThrow(InvalidArgumentError);
  });

  it('a change of gradient length throws ShapeError until reset(); bad options throw', () => {
    const opt = mfacOptimizer({ lr: 0.1, m: 2 });
    opt.stepInPlace(new Float64Array(3), Float64Array.from([1, 2, 3]));
    const p = mfacPreconditioner({ m: 2 });
    p.apply(Float64Array.from([1, 2]), new Float64Array(2));
    expect(() => p.apply(Float64Array.from([1, 2, 3]), new Float64Array(3))).toThrow(ShapeError);
    p.reset();
    expect(p.state()).toBe(null);
    expect(p.apply(Float64Array.from([1, 2, 3]), new Float64Array(3))).toHaveLength(3);
    opt.reset();
    expect(opt.steps).toBe(0);
    opt.stepInPlace(new Float64Array(2), Float64Array.from([1, 2]));
    expect(() => mfacPreconditioner({ m: 1.5 })).toThrow(/mfacPreconditioner\(\): m/);
    expect(() => mfacPreconditioner({ damp: -1 })).toThrow(/damp/);
  });
});
