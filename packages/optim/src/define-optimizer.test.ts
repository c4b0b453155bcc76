import { type Matrix, rng } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  defineOptimizer,
  type Parameter,
  type Slot,
  sgd,
  sgdRule,
  sphere,
  stiefel,
  type UpdateRule,
} from './index.js';

function gaussian(rows: number, cols: number, r: ReturnType<typeof rng>): Matrix {
  return { rows, cols, data: Float64Array.from({ length: rows * cols }, () => r.normal()) };
}

function unit(m: Matrix): Matrix {
  const norm = Math.hypot(...m.data);
  return { ...m, data: m.data.map((v) => v / norm) };
}

describe('defineOptimizer and sgdRule', () => {
  it('defineOptimizer({ rule: sgdRule(o) }) is sgd(o) bit for bit on flat and curved parameters', () => {
    const settings = [
      { momentum: 0 },
      { momentum: 0.9 },
      { momentum: 0.8, nesterov: true, weightDecay: 0.01 },
      { momentum: 0.7, dampening: 0.3, weightDecay: 0.1 },
    ];
    for (const o of settings) {
      const r = rng(3);
      const w0 = gaussian(3, 2, r);
      const x0 = unit(gaussian(4, 1, r));
      const q0 = stiefel.randomPoint?.(5, 2, r) as Matrix;
      const make = (): Parameter[] => [
        { name: 'w', value: { ...w0, data: w0.data.slice() } },
        { name: 'x', value: { ...x0, data: x0.data.slice() }, manifold: sphere },
        { name: 'q', value: { ...q0, data: q0.data.slice() }, manifold: stiefel },
      ];
      const a = make();
      const b = make();
      const ref = sgd({ lr: 0.05, ...o });
      const mine = defineOptimizer({ rule: sgdRule(o), lr: 0.05 });
      for (let t = 0; t < 6; t++) {
        const grads = [gaussian(3, 2, r), gaussian(4, 1, r), gaussian(5, 2, r)];
        grads.forEach((g, i) => {
          a[i].grad = g;
          b[i].grad = g;
        });
        ref.step(a);
        mine.step(b);
      }
      for (let i = 0; i < 3; i++)
        expect(Array.from(b[i].value.data)).toEqual(Array.from(a[i].value.data));
      expect(mine.state().params).toEqual(ref.state().params);
    }
  });

  it('defineOptimizer keeps a slot per name, counts t, names its messages after fn and checkpoints under rule.kind', () => {
    const seen: [string, number][] = [];
    const base = sgdRule({ momentum: 0.5 });
    const rule: UpdateRule = {
      ...base,
      kind: 'counting',
      flat(slot: Slot, x, g, lr, step) {
        seen.push([slot.name, slot.t]);
        base.flat(slot, x, g, lr, step);
      },
    };
    const opt = defineOptimizer({ fn: 'counting', rule, lr: 0.1, name: 'counting-sgd' });
    expect(opt.name).toBe('counting-sgd');
    const p: Parameter = { name: 'p', value: { rows: 1, cols: 1, data: Float64Array.of(1) } };
    const q: Parameter = { name: 'q', value: { rows: 1, cols: 1, data: Float64Array.of(1) } };
    for (let t = 0; t < 3; t++) {
      p.grad = { rows: 1, cols: 1, data: Float64Array.of(1) };
      opt.step(t === 1 ? [p] : [p, q]);
      delete p.grad;
      q.grad = { rows: 1, cols: 1, data: Float64Array.of(2) };
    }
    // q has a gradient from the second step on, and the second step passes only p
    expect(seen).toEqual([
      ['p', 1],
      ['p', 2],
      ['p', 3],
      ['q', 1],
    ]);
    const saved = JSON.parse(JSON.stringify(opt.state()));
    expect(saved.optimizer).toBe('counting');
    expect(() => sgd().loadState(saved)).toThrow(/written by 'counting', not 'sgd'/);
    expect(() =>
      opt.step([
        { name: 'p', value: p.value, grad: { rows: 2, cols: 1, data: new Float64Array(2) } },
      ]),
    ).toThrow(/^counting\(\)\.step\(\): params\[0\] \('p'\)\.grad must be 1×1/);
  });

  it('defineOptimizer and sgdRule throw typed errors naming the function and the option', () => {
    const cases: [() => unknown, RegExp][] = [
      [
        () => defineOptimizer(undefined as never),
        /defineOptimizer\(\): rule must be an UpdateRule/,
      ],
      [
        () => defineOptimizer(null as never),
        /defineOptimizer\(\): options must be an options object/,
      ],
      [
        () => defineOptimizer({ rule: { ...sgdRule(), kind: '' } }),
        /defineOptimizer\(\): rule\.kind must be a non-empty string/,
      ],
      [
        () => defineOptimizer({ rule: { ...sgdRule(), curved: 1 as never } }),
        /defineOptimizer\(\): rule\.curved must be a function/,
      ],
      [
        () => defineOptimizer({ rule: { ...sgdRule(), secondMoment: 'no' as never } }),
        /defineOptimizer\(\): rule\.secondMoment must be a boolean/,
      ],
      [
        () => defineOptimizer({ rule: sgdRule(), fn: 'a b' }),
        /defineOptimizer\(\): fn must be a function name/,
      ],
      [
        () => defineOptimizer({ rule: sgdRule(), fn: 'mine', lr: -1 }),
        /mine\(\): lr must be a finite number > 0/,
      ],
      [() => sgdRule({ momentum: 1 }), /sgdRule\(\): momentum must be a number in \[0, 1\)/],
      [() => sgdRule({ momentum: 1, fn: 'gcr' }), /gcr\(\): momentum must be a number in \[0, 1\)/],
      [() => sgdRule({ nesterov: true }), /sgdRule\(\): nesterov needs momentum > 0/],
      [() => sgdRule({ fn: 3 as never }), /sgdRule\(\): fn must be a function name/],
      [() => sgdRule(null as never), /sgdRule\(\): options must be an options object/],
    ];
    for (const [call, message] of cases) {
      expect(call).toThrow(message);
      expect(call).toThrow(expect.objectContaining({ name: 'InvalidArgumentError' }));
    }
  });
});
