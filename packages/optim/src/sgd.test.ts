import {
  fromRows,
  InvalidArgumentError,
  type Matrix,
  NonFiniteError,
  rng,
  ShapeError,
} from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  euclidean,
  type GradientTransform,
  type Manifold,
  type Parameter,
  sgd,
  sphere,
  stiefel,
} from './index.js';

function gaussian(rows: number, cols: number, r: ReturnType<typeof rng>): Matrix {
  return { rows, cols, data: Float64Array.from({ length: rows * cols }, () => r.normal()) };
}

describe('sgd', () => {
  it('sgd({ lr, momentum }) follows buf ← μ buf + g, θ ← θ − lr·buf', () => {
    const opt = sgd({ lr: 0.1, momentum: 0.9 });
    const p = Float64Array.from([1]);
    opt.stepInPlace(p, Float64Array.from([2])); // buf = 2, p = 0.8
    opt.stepInPlace(p, Float64Array.from([1])); // buf = 2.8, p = 0.52
    expect(p[0]).toBeCloseTo(0.52, 15);
    expect(opt.steps).toBe(2);
  });

  it('sgd({ dampening }) adds (1 − d)·g to the buffer after the first step', () => {
    const opt = sgd({ lr: 1, momentum: 0.5, dampening: 0.5 });
    const p = Float64Array.from([0]);
    opt.stepInPlace(p, Float64Array.from([4])); // buf = 4
    opt.stepInPlace(p, Float64Array.from([4])); // buf = 2 + 2 = 4
    expect(p[0]).toBe(-8);
  });

  it('sgd({ weightDecay }) adds λ·x to the Euclidean gradient', () => {
    const opt = sgd({ lr: 0.5, weightDecay: 0.2 });
    const w: Parameter = { name: 'w', value: fromRows([[2, -1]]), grad: fromRows([[1, 0]]) };
    opt.step([w]);
    // g = [1 + 0.4, −0.2], x ← x − 0.5 g
    expect(Array.from(w.value.data)).toEqual([2 - 0.5 * 1.4, -1 + 0.5 * 0.2]);
  });

  it('the curved code path equals the in-place flat path bit for bit on the Euclidean space', () => {
    const curvedEuclidean: Manifold = { ...euclidean, name: 'euclidean', flat: false };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.constantFrom(
          { lr: 0.1 },
          { lr: 0.1, momentum: 0.9 },
          { lr: 0.05, momentum: 0.5, nesterov: true },
          { lr: 0.1, momentum: 0.7, dampening: 0.3, weightDecay: 0.01 },
        ),
        (seed, options) => {
          const r = rng(seed);
          const start = gaussian(3, 2, r);
          const flat: Parameter = { name: 'w', value: { ...start, data: start.data.slice() } };
          const curved: Parameter = {
            name: 'w',
            value: { ...start, data: start.data.slice() },
            manifold: curvedEuclidean,
          };
          const a = sgd(options);
          const b = sgd(options);
          for (let k = 0; k < 5; k++) {
            const g = gaussian(3, 2, r);
            flat.grad = g;
            curved.grad = g;
            a.step([flat]);
            b.step([curved]);
          }
          expect(Array.from(curved.value.data)).toEqual(Array.from(flat.value.data));
        },
      ),
      { seed: 3, numRuns: 20 },
    );
  });

  it('weight decay follows the manifold: none on the sphere, Manifold.weightDecay when given', () => {
    const x0 = fromRows([[0.6], [0.8]]);
    const g = fromRows([[1], [-2]]);
    const plain: Parameter = {
      name: 'x',
      value: { ...x0, data: x0.data.slice() },
      grad: g,
      manifold: sphere,
    };
    const decayed: Parameter = {
      name: 'x',
      value: { ...x0, data: x0.data.slice() },
      grad: g,
      manifold: sphere,
    };
    sgd({ lr: 0.1 }).step([plain]);
    sgd({ lr: 0.1, weightDecay: 5 }).step([decayed]);
    // the decay term 5·x projects to 5(x − ⟨x, x⟩x), a few ulp
    for (let i = 0; i < 2; i++) expect(decayed.value.data[i]).toBeCloseTo(plain.value.data[i], 14);
    const toward: Manifold = {
      ...euclidean,
      name: 'shifted',
      flat: false,
      weightDecay: (x) => ({ ...x, data: x.data.map((v) => v - 1) }),
    };
    const p: Parameter = {
      name: 'p',
      value: fromRows([[3]]),
      grad: fromRows([[0]]),
      manifold: toward,
    };
    sgd({ lr: 0.5, weightDecay: 1 }).step([p]);
    // direction λ(x − 1) = 2: x ← 3 − 0.5·2
    expect(p.value.data[0]).toBe(2);
  });

  it('precondition transforms the flat concatenation of the gradients, in params order, before weight decay', () => {
    const seen: number[][] = [];
    const halve: GradientTransform = {
      name: 'halve',
      apply(g, out) {
        seen.push(Array.from(g));
        for (let i = 0; i < g.length; i++) out[i] = 0.5 * g[i];
        return out;
      },
      state: () => null,
      loadState() {},
      reset() {},
    };
    const opt = sgd({ lr: 1, weightDecay: 1, precondition: halve });
    expect(opt.name).toBe('sgd+halve');
    const a: Parameter = { name: 'a', value: fromRows([[1, 2]]), grad: fromRows([[2, 4]]) };
    const skipped: Parameter = { name: 's', value: fromRows([[7]]) };
    const b: Parameter = { name: 'b', value: fromRows([[1], [1]]), grad: fromRows([[6], [8]]) };
    opt.step([a, skipped, b]);
    expect(seen).toEqual([[2, 4, 6, 8]]);
    // x ← x − (g/2 + x)
    expect(Array.from(a.value.data)).toEqual([-1, -2]);
    expect(Array.from(b.value.data)).toEqual([-3, -4]);
    expect(skipped.value.data[0]).toBe(7);
  });

  it('updates value in place, never touches grad, and skips parameters without grad', () => {
    const value = fromRows([
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    const data = value.data;
    const grad = fromRows([
      [0, 1],
      [0, 0],
      [1, 0],
    ]);
    const before = Array.from(grad.data);
    const w: Parameter = { name: 'W', value, grad, manifold: stiefel };
    sgd({ lr: 0.1, momentum: 0.9 }).step([w, { name: 'idle', value: fromRows([[1]]) }]);
    expect(w.value).toBe(value);
    expect(w.value.data).toBe(data);
    expect(Array.from(grad.data)).toEqual(before);
    expect(stiefel.isPoint?.(w.value, 1e-14)).toBe(true);
  });

  it('lr: schedules are read per step, `opt.lr = …` replaces them, and a bad rate is a typed error', () => {
    const opt = sgd({ lr: (t) => 1 / (t + 1) });
    expect(opt.lr).toBe(1);
    const p = Float64Array.from([0]);
    opt.stepInPlace(p, Float64Array.from([1]));
    expect(opt.lr).toBe(0.5);
    opt.lr = 0.25;
    opt.stepInPlace(p, Float64Array.from([1]));
    expect(p[0]).toBe(-1.25);
    expect(opt.state().lr).toBe(0.25);
    expect(() => {
      opt.lr = 0;
    }).toThrow(InvalidArgumentError);
    const bad = sgd({ lr: (t) => (t < 1 ? 0.1 : Number.NaN) });
    bad.stepInPlace(p, Float64Array.from([1]));
    expect(() => bad.stepInPlace(p, Float64Array.from([1]))).toThrow(
      /sgd\(\)\.stepInPlace\(\): the learning-rate schedule returned NaN at step 1/,
    );
  });

  it('bad options throw InvalidArgumentError naming sgd() and the option', () => {
    expect(() => sgd({ lr: 0 })).toThrow(InvalidArgumentError);
    expect(() => sgd({ lr: Number.POSITIVE_INFINITY })).toThrow(/sgd\(\): lr/);
    expect(() => sgd({ momentum: 1 })).toThrow(/sgd\(\): momentum must be a number in \[0, 1\)/);
    expect(() => sgd({ momentum: -0.1 })).toThrow(InvalidArgumentError);
    expect(() => sgd({ dampening: 1.5 })).toThrow(/dampening/);
    expect(() => sgd({ nesterov: true })).toThrow(/nesterov/);
    expect(() => sgd({ momentum: 0.5, dampening: 0.1, nesterov: true })).toThrow(/nesterov/);
    expect(() => sgd({ weightDecay: -1 })).toThrow(/weightDecay/);
    expect(() => sgd({ weightDecay: Number.NaN })).toThrow(/weightDecay/);
    expect(() => sgd({ precondition: {} as GradientTransform })).toThrow(/precondition/);
  });

  it('bad parameters throw typed errors naming sgd().step() and the parameter, before any update', () => {
    const opt = sgd({ lr: 0.1 });
    const ok: Parameter = { name: 'ok', value: fromRows([[1]]), grad: fromRows([[1]]) };
    const wrong: Parameter = { name: 'b', value: fromRows([[1], [2]]), grad: fromRows([[1, 2]]) };
    expect(() => opt.step([ok, wrong])).toThrow(ShapeError);
    expect(() => opt.step([ok, wrong])).toThrow(
      "sgd().step(): params[1] ('b').grad must be 2×1 like its value (got 1×2)",
    );
    expect(ok.value.data[0]).toBe(1);
    const nan: Parameter = {
      name: 'layer1.weight',
      value: fromRows([[1]]),
      grad: fromRows([[Number.NaN]]),
    };
    expect(() => opt.step([nan])).toThrow(NonFiniteError);
    expect(() => opt.step([nan])).toThrow(/params\[0\] \('layer1\.weight'\)\.grad/);
    expect(() => opt.step([ok, { ...ok }])).toThrow(/names must be unique/);
    expect(() => opt.step([{ ...ok, name: '' }])).toThrow(InvalidArgumentError);
    expect(() => opt.step([{ ...ok, manifold: { name: 'broken' } as Manifold }])).toThrow(
      /manifold must be a Manifold/,
    );
    expect(() =>
      opt.step([
        { name: 's', value: fromRows([[2], [0]]), grad: fromRows([[0], [1]]), manifold: sphere },
      ]),
    ).toThrow(/unit Frobenius norm/);
    expect(() =>
      opt.step([
        { name: 'W', value: fromRows([[1, 0]]), grad: fromRows([[0, 1]]), manifold: stiefel },
      ]),
    ).toThrow(ShapeError);
    expect(() => opt.step('x' as unknown as Parameter[])).toThrow(InvalidArgumentError);
    opt.step([ok]);
    expect(() =>
      opt.step([{ name: 'ok', value: fromRows([[1, 2]]), grad: fromRows([[1, 2]]) }]),
    ).toThrow(/optimizer state is 1×1/);
    expect(() =>
      sgd().stepInPlace(Float64Array.from([1]), Float64Array.from([Number.NaN])),
    ).toThrow(/NaN/);
  });
});
