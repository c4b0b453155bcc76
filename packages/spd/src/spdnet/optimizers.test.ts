import {
  eigh,
  fromRows,
  identity,
  invSqrtmSym,
  InvalidArgumentError,
  type Matrix,
  NotPositiveDefiniteError,
  rng,
  ShapeError,
} from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  fromSpectrum,
  matMul,
  randomOrthogonalTest,
  randomSPD,
  relErr,
  transposeM,
} from '../../test/helpers.js';
import {
  BiMap,
  type Parameter,
  type RiemannianOptimizer,
  riemannianAdam,
  riemannianSGD,
} from '../index.js';

function gaussian(rows: number, cols: number, r: ReturnType<typeof rng>, s = 1): Matrix {
  return { rows, cols, data: Float64Array.from({ length: rows * cols }, () => s * r.normal()) };
}

function orthoError(w: Matrix): number {
  const g = matMul(transposeM(w), w);
  let e = 0;
  for (let i = 0; i < g.rows; i++)
    for (let j = 0; j < g.cols; j++) e = Math.max(e, Math.abs(g.data[i * g.cols + j] - +(i === j)));
  return e;
}

const optimizers: [string, () => RiemannianOptimizer][] = [
  ['riemannianSGD (momentum 0.9)', () => riemannianSGD({ lr: 0.05, momentum: 0.9 })],
  ['riemannianSGD (weight decay)', () => riemannianSGD({ lr: 0.05, weightDecay: 0.1 })],
  ['riemannianAdam', () => riemannianAdam({ lr: 0.05 })],
];

describe.each(optimizers)('%s keeps parameters on their manifolds', (_name, make) => {
  it('WᵀW = I to 1e-12 after 100 steps with random gradients', () => {
    const r = rng(1);
    const w: Parameter = {
      name: 'W',
      manifold: 'stiefel',
      value: new BiMap({ inputSize: 8, outputSize: 3, seed: 2 }).weight.value,
      grad: undefined,
    };
    const opt = make();
    for (let k = 0; k < 100; k++) {
      w.grad = gaussian(8, 3, r, 10);
      opt.step([w]);
      expect(orthoError(w.value)).toBeLessThan(1e-12);
    }
    expect(opt.steps).toBe(100);
  });

  it('SPD parameters stay exactly symmetric and positive definite after 100 steps', () => {
    const r = rng(3);
    const p: Parameter = {
      name: 'P',
      manifold: 'spd',
      value: randomSPD(4, 4, 1e3),
      grad: undefined,
    };
    const opt = make();
    for (let k = 0; k < 100; k++) {
      // G = P^{-½} S P^{-½} with S random symmetric: Riemannian gradients of bounded AIRM norm
      // (a Euclidean-scale G would make ‖PGP‖ grow with P and the walk leave float64 range)
      const g = gaussian(4, 4, r, 1);
      const sym = {
        rows: 4,
        cols: 4,
        data: g.data.map((v, i) => 0.5 * (v + g.data[(i % 4) * 4 + Math.floor(i / 4)])),
      };
      const is = invSqrtmSym(p.value);
      p.grad = matMul(is, matMul(sym, is));
      opt.step([p]);
      const v = p.value;
      for (let i = 0; i < 4; i++)
        for (let j = 0; j < i; j++) expect(v.data[i * 4 + j]).toBe(v.data[j * 4 + i]);
      expect(eigh(v).values[0]).toBeGreaterThan(0);
    }
  });
});

describe('riemannianSGD / riemannianAdam on small problems', () => {
  // f(x) = ½‖Ax − b‖² on a 'euclidean' 1×3 parameter
  const a = fromRows([
    [2, 0, 1],
    [0, 1, 0],
    [1, 0, 3],
    [1, 1, 1],
  ]);
  const b = [1, 2, 3, 4];
  function lsq(p: Parameter): number {
    const x = p.value.data;
    const res = b.map(
      (bi, i) => a.data[i * 3] * x[0] + a.data[i * 3 + 1] * x[1] + a.data[i * 3 + 2] * x[2] - bi,
    );
    const g = new Float64Array(3);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 3; j++) g[j] += a.data[i * 3 + j] * res[i];
    p.grad = { rows: 1, cols: 3, data: g };
    return 0.5 * res.reduce((s, v) => s + v * v, 0);
  }
  it.each([
    ['sgd', () => riemannianSGD({ lr: 0.05, momentum: 0.5 })],
    ['adam', () => riemannianAdam({ lr: 0.05 })],
  ])('%s reduces a least-squares loss', (_n, make) => {
    const p: Parameter = {
      name: 'x',
      manifold: 'euclidean',
      value: fromRows([[0, 0, 0]]),
      grad: undefined,
    };
    const opt = make();
    const first = lsq(p);
    let last = first;
    for (let k = 0; k < 300; k++) {
      opt.step([p]);
      last = lsq(p);
    }
    // the least-squares minimum of this problem is 5/22 (4 equations, 3 unknowns)
    expect(last - 5 / 22).toBeLessThan(1e-8);
    expect(last).toBeLessThan(first / 10);
  });

  it('maximizing tr(WᵀAW) on the Stiefel manifold converges to the top eigenspace', () => {
    const q = randomOrthogonalTest(6, rng(9));
    const lam = [0.2, 0.5, 1, 3, 4, 5];
    const am = fromSpectrum(q, lam, 6);
    for (const opt of [
      riemannianSGD({ lr: 0.05, momentum: 0.5 }),
      riemannianAdam({ lr: 0.02, beta1: 0.5 }),
    ]) {
      const w: Parameter = {
        name: 'W',
        manifold: 'stiefel',
        value: new BiMap({ inputSize: 6, outputSize: 2, seed: 1 }).weight.value,
        grad: undefined,
      };
      let f = 0;
      for (let k = 0; k < 2000; k++) {
        const aw = matMul(am, w.value);
        f = 0;
        for (let i = 0; i < aw.data.length; i++) f += w.value.data[i] * aw.data[i];
        w.grad = { rows: 6, cols: 2, data: aw.data.map((v) => -2 * v) };
        opt.step([w]);
      }
      // tr(WᵀAW) → λ₆ + λ₅ = 9 and the complement of the top space is left empty. Both runs end
      // at the fixed point (Adam's error is 5e-10 after 500 steps, rounding after 750), where the
      // Riemannian gradient 2(AW − W·WᵀAW) is rounding, ≤ n·ε·‖A‖ per column (n = 6, ‖A‖ = 5):
      // by Davis–Kahan the leak sin θ ≤ √k·n·ε·‖A‖/(λ₅ − λ₄) = 9.4e-15 (k = 2, gap 1), and
      // |f − 9| ≤ 2k·n·ε·‖A‖ = 2.7e-14. Measured: SGD 1.8e-15 and 8.4e-16, Adam 3.6e-15 and 1e-15.
      const eps = Number.EPSILON;
      expect(Math.abs(f - 9)).toBeLessThan(2 * 2 * 6 * eps * 5);
      let leak = 0;
      for (let c = 0; c < 4; c++)
        for (let j = 0; j < 2; j++) {
          let s = 0;
          for (let i = 0; i < 6; i++) s += q[i * 6 + c] * w.value.data[i * 2 + j];
          leak += s * s;
        }
      expect(Math.sqrt(leak)).toBeLessThan((Math.SQRT2 * 6 * eps * 5) / (4 - 3));
      expect(orthoError(w.value)).toBeLessThan(1e-12);
    }
  });

  it('minimizing ½‖P − A‖²_F on the SPD manifold converges to A', () => {
    const target = randomSPD(4, 12, 10);
    // Both reach the minimizer to rounding (measured ≤ 3e-15 at the end of either run) and are
    // held to the same 1e-10. Adam needs more steps: its step lr·m̂/√v̂ keeps ~1000 steps of the
    // early, larger gradients in v̂ (β₂ = 0.999), so it converges linearly but slowly (relative
    // error 4.6e-3 after 1500 steps, 1.8e-11 after 4500, 1.1e-15 after 6000). Not much longer:
    // once the gradient has been rounding for thousands of steps v̂ decays until eps dominates
    // and Adam takes a burst of steps away from the minimizer (first seen after ~11000 steps).
    for (const [opt, steps] of [
      [riemannianSGD({ lr: 0.2, momentum: 0.5 }), 1500],
      [riemannianAdam({ lr: 0.01 }), 6000],
    ] as const) {
      const p: Parameter = { name: 'P', manifold: 'spd', value: identity(4), grad: undefined };
      for (let k = 0; k < steps; k++) {
        p.grad = { rows: 4, cols: 4, data: p.value.data.map((v, i) => v - target.data[i]) };
        opt.step([p]);
      }
      expect(relErr(p.value, target)).toBeLessThan(1e-10);
    }
  });

  it('skips parameters without a gradient and never mutates value or grad', () => {
    const a0: Parameter = {
      name: 'a',
      manifold: 'euclidean',
      value: fromRows([[1]]),
      grad: undefined,
    };
    const g = fromRows([
      [2, 0],
      [0, 2],
    ]);
    const v = fromRows([
      [1, 0],
      [0, 1],
    ]);
    const s: Parameter = { name: 's', manifold: 'spd', value: v, grad: g };
    riemannianSGD({ lr: 0.1, momentum: 0.9 }).step([a0, s]);
    expect(a0.value.data[0]).toBe(1);
    expect(Array.from(v.data)).toEqual([1, 0, 0, 1]);
    expect(Array.from(g.data)).toEqual([2, 0, 0, 2]);
    expect(s.value).not.toBe(v);
  });

  it('validates options and parameters with typed errors', () => {
    expect(() => riemannianSGD({ lr: 0 })).toThrow(InvalidArgumentError);
    expect(() => riemannianSGD({ lr: 0.1, momentum: 1 })).toThrow(InvalidArgumentError);
    expect(() => riemannianAdam({ lr: 0.1, beta2: -0.1 })).toThrow(InvalidArgumentError);
    const bad: Parameter = {
      name: 'w',
      manifold: 'euclidean',
      value: fromRows([[1, 2]]),
      grad: fromRows([[1]]),
    };
    expect(() => riemannianAdam({ lr: 0.1 }).step([bad])).toThrow(ShapeError);
    expect(() => riemannianAdam({ lr: 0.1 }).step([bad])).toThrow(
      /riemannianAdam\.step\(\): params\[0\]\.grad \('w'\) must be 1×2/,
    );
    const notSpd: Parameter = {
      name: 'p',
      manifold: 'spd',
      value: fromRows([[-1]]),
      grad: fromRows([[1]]),
    };
    expect(() => riemannianSGD({ lr: 0.1 }).step([notSpd])).toThrow(NotPositiveDefiniteError);
    const odd = {
      name: 'q',
      manifold: 'hyperbolic',
      value: fromRows([[1]]),
      grad: fromRows([[1]]),
    };
    expect(() => riemannianSGD({ lr: 0.1 }).step([odd as unknown as Parameter])).toThrow(
      InvalidArgumentError,
    );
  });
});
