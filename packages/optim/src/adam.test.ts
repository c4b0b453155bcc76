import { fromRows, InvalidArgumentError, type Matrix, rng } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { adam, adamw, type Parameter, sgd, sphere, stepSchedule } from './index.js';

describe('adam', () => {
  it('adam() takes bias-corrected steps: two steps computed by hand', () => {
    const opt = adam({ lr: 0.1, beta1: 0.9, beta2: 0.99, eps: 1e-300 });
    const p = Float64Array.from([0]);
    opt.stepInPlace(p, Float64Array.from([2]));
    // m̂ = 2, v̂ = 4 → step 0.1 (eps 1e-300 keeps the closed form exact)
    expect(p[0]).toBeCloseTo(-0.1, 15);
    opt.stepInPlace(p, Float64Array.from([1]));
    const m = (0.9 * 0.2 + 0.1) / (1 - 0.81);
    const v = (0.99 * 0.04 + 0.01) / (1 - 0.9801);
    expect(p[0]).toBeCloseTo(-0.1 - (0.1 * m) / Math.sqrt(v), 15);
  });

  it('adam({ amsgrad: true }) divides by the running maximum of the second moment', () => {
    const opt = adam({ lr: 0.1, beta1: 0, beta2: 0.5, eps: 1e-300, amsgrad: true });
    const p = Float64Array.from([0]);
    opt.stepInPlace(p, Float64Array.from([2])); // v = 2, v̂ = 4: step 0.1
    opt.stepInPlace(p, Float64Array.from([0.5])); // v = 1.125 < max 2: denominator √(2/0.75)
    expect(p[0]).toBeCloseTo(-0.1 - (0.1 * 0.5) / Math.sqrt(2 / 0.75), 15);
    expect(opt.name).toBe('adam-amsgrad');
  });

  it('adamw() shrinks x by (1 − lr·λ) before the Adam step (decoupled decay)', () => {
    const opt = adamw({ lr: 0.1, weightDecay: 0.5, eps: 1e-300 });
    const w: Parameter = { name: 'w', value: fromRows([[4, -2]]), grad: fromRows([[1, -3]]) };
    opt.step([w]);
    // first step: m̂/√v̂ = sign(g)
    expect(w.value.data[0]).toBeCloseTo(4 * 0.95 - 0.1, 15);
    expect(w.value.data[1]).toBeCloseTo(-2 * 0.95 + 0.1, 15);
  });

  it('on the sphere the first step moves lr along −ξ/‖ξ‖ (scalar second moment) and stays on it', () => {
    const opt = adam({ lr: 0.3, eps: 1e-300 });
    const x: Parameter = {
      name: 'x',
      value: fromRows([[1], [0], [0]]),
      grad: fromRows([[5], [3], [-4]]),
      manifold: sphere,
    };
    opt.step([x]);
    // ξ = (0, 3, −4), m̂ = ξ, v̂ = ‖ξ‖² = 25: R_x(−0.3·ξ/5) = normalize(1, −0.18, 0.24)
    const n = Math.hypot(1, 0.18, 0.24);
    expect(x.value.data[0]).toBeCloseTo(1 / n, 15);
    expect(x.value.data[1]).toBeCloseTo(-0.18 / n, 15);
    expect(x.value.data[2]).toBeCloseTo(0.24 / n, 15);
    const s = opt.state().params.x;
    expect(typeof s.second).toBe('number');
    expect(s.second as number).toBeCloseTo(0.001 * 25, 15);
  });

  it('Riemannian Adam keeps the sphere norm to rounding over 300 random steps', () => {
    const r = rng(2);
    const opt = adam({ lr: 0.05 });
    const x: Parameter = {
      name: 'x',
      value: sphere.randomPoint?.(7, 1, r) as Matrix,
      manifold: sphere,
    };
    for (let k = 0; k < 300; k++) {
      x.grad = { rows: 7, cols: 1, data: Float64Array.from({ length: 7 }, () => 10 * r.normal()) };
      opt.step([x]);
    }
    // each retraction normalizes: the norm is 1 to a few ulp, whatever the history
    expect(sphere.isPoint?.(x.value, 1e-14)).toBe(true);
  });

  it('adam(lr: schedule) reads the learning rate per step; bad options throw', () => {
    const opt = adam({ lr: stepSchedule({ lr: 1, stepSize: 1, gamma: 0.5 }), eps: 1e-300 });
    const p = Float64Array.from([0]);
    opt.stepInPlace(p, Float64Array.from([1]));
    opt.stepInPlace(p, Float64Array.from([1]));
    // 1 − β² and the ratio m̂/√v̂ each round by a few ulp
    expect(p[0]).toBeCloseTo(-1.5, 13);
    expect(() => adam({ beta1: 1 })).toThrow(InvalidArgumentError);
    expect(() => adam({ beta2: -0.5 })).toThrow(/adam\(\): beta2 must be a number in \[0, 1\)/);
    expect(() => adam({ eps: 0 })).toThrow(/eps/);
    expect(() => adam({ eps: Number.NaN })).toThrow(/eps/);
    expect(() => adam({ lr: -1 })).toThrow(/adam\(\): lr/);
    expect(() => adamw({ weightDecay: -1 })).toThrow(/adamw\(\): weightDecay/);
    expect(() => adamw({ weightDecay: Number.POSITIVE_INFINITY })).toThrow(InvalidArgumentError);
  });

  it('adam(null) and adamw(null) are typed errors naming the optimizer (issue #15)', () => {
    expect(() => adam(null as never)).toThrow(/^adam\(\): options must be an options object/);
    expect(() => adamw(null as never)).toThrow(/^adamw\(\): options must be an options object/);
    expect(() => adamw(null as never)).toThrow(InvalidArgumentError);
  });

  it('issue #15 finding 5: lr schedule returning NaN, eps Infinity, sgd weightDecay Infinity', () => {
    // a schedule that returns NaN is refused at the step, before the parameters are written
    const opt = adam({ lr: () => Number.NaN });
    const p = Float64Array.from([1, 2]);
    expect(() => opt.stepInPlace(p, Float64Array.from([1, 1]))).toThrow(
      /^adam\(\)\.stepInPlace\(\): the learning-rate schedule returned NaN at step 0/,
    );
    expect(Array.from(p)).toEqual([1, 2]);
    // eps = ∞ made every step 0 (m̂/(√v̂ + ∞)) without a word
    expect(() => adam({ eps: Number.POSITIVE_INFINITY })).toThrow(
      /^adam\(\): eps must be a finite number > 0 \(got Infinity\)/,
    );
    expect(() => sgd({ weightDecay: Number.POSITIVE_INFINITY })).toThrow(
      /^sgd\(\): weightDecay must be a finite number ≥ 0 \(got Infinity\)/,
    );
  });
});
