import { InvalidArgumentError, ShapeError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { adam, constantSchedule, cosineSchedule, sgd, stepSchedule } from '../src/index.js';

describe('sgd', () => {
  it('sgd({ lr, momentum }) follows buf ← μ buf + g, θ ← θ − lr·buf', () => {
    const opt = sgd({ lr: 0.1, momentum: 0.9 });
    const p = Float64Array.from([1]);
    opt.stepInPlace(p, Float64Array.from([2])); // buf = 2, p = 0.8
    opt.stepInPlace(p, Float64Array.from([1])); // buf = 2.8, p = 0.52
    expect(p[0]).toBeCloseTo(0.52, 15);
    expect(opt.steps).toBe(2);
  });

  it('sgd({ nesterov: true }) steps along g + μ·buf', () => {
    const opt = sgd({ lr: 0.1, momentum: 0.5, nesterov: true });
    const p = Float64Array.from([0]);
    opt.stepInPlace(p, Float64Array.from([1])); // buf = 1, d = 1.5
    opt.stepInPlace(p, Float64Array.from([1])); // buf = 1.5, d = 1.75
    expect(p[0]).toBeCloseTo(-0.325, 15);
  });

  it('sgd with momentum minimises a quadratic ½ Σ a_i x_i²', () => {
    const a = [1, 10, 100];
    const opt = sgd({ lr: 0.015, momentum: 0.8 });
    const p = Float64Array.from([1, 1, 1]);
    for (let t = 0; t < 500; t++)
      opt.stepInPlace(
        p,
        p.map((x, i) => a[i] * x),
      );
    for (const x of p) expect(Math.abs(x)).toBeLessThan(1e-8);
  });

  it('reset() forgets the momentum buffer; bad options and shapes throw typed errors', () => {
    const opt = sgd({ lr: 0.1, momentum: 0.9 });
    const p = Float64Array.from([1]);
    opt.stepInPlace(p, Float64Array.from([1]));
    opt.reset();
    expect(opt.steps).toBe(0);
    expect(() => opt.stepInPlace(Float64Array.from([1, 2]), Float64Array.from([1]))).toThrow(
      ShapeError,
    );
    expect(() => sgd({ lr: -1 })).toThrow(InvalidArgumentError);
    expect(() => sgd({ momentum: 1 })).toThrow(InvalidArgumentError);
    expect(() => sgd({ nesterov: true })).toThrow(InvalidArgumentError);
    expect(() =>
      sgd().stepInPlace(Float64Array.from([1]), Float64Array.from([Number.NaN])),
    ).toThrow(/NaN/);
  });
});

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

  it('adam(lr: schedule) reads the learning rate per step; bad options throw', () => {
    const opt = adam({ lr: stepSchedule({ lr: 1, stepSize: 1, gamma: 0.5 }), eps: 1e-300 });
    const p = Float64Array.from([0]);
    opt.stepInPlace(p, Float64Array.from([1]));
    opt.stepInPlace(p, Float64Array.from([1]));
    // 1 − β² and the ratio m̂/√v̂ each round by a few ulp
    expect(p[0]).toBeCloseTo(-1.5, 13);
    expect(() => adam({ beta1: 1 })).toThrow(InvalidArgumentError);
    expect(() => adam({ eps: 0 })).toThrow(InvalidArgumentError);
  });
});

describe('schedules', () => {
  it('constant, step and cosine schedules give their closed forms', () => {
    expect(constantSchedule(0.3)(7)).toBe(0.3);
    const s = stepSchedule({ lr: 2, stepSize: 3, gamma: 0.1 });
    expect([s(0), s(2), s(3), s(6)].map((x) => +x.toPrecision(12))).toEqual([2, 2, 0.2, 0.02]);
    const c = cosineSchedule({ lr: 1, totalSteps: 4, minLr: 0.2 });
    expect(c(2)).toBeCloseTo(0.6, 15);
    expect(c(10)).toBeCloseTo(0.2, 15);
    expect(() => cosineSchedule({ lr: 1, totalSteps: 0 })).toThrow(InvalidArgumentError);
    expect(() => constantSchedule(0)).toThrow(InvalidArgumentError);
  });
});
