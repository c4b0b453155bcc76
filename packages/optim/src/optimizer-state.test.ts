import { fromRows, InvalidArgumentError, type Matrix, rng } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  adam,
  adamw,
  type GradientTransform,
  type JsonValue,
  type Optimizer,
  type OptimizerState,
  type Parameter,
  sgd,
  sphere,
  stiefel,
} from './index.js';

/** three parameters on three manifolds with a seeded gradient stream */
function setup(seed: number) {
  const r = rng(seed);
  const params: Parameter[] = [
    {
      name: 'w',
      value: fromRows([
        [0.5, -1],
        [2, 0],
      ]),
    },
    { name: 'x', value: sphere.randomPoint?.(4, 1, r) as Matrix, manifold: sphere },
    { name: 'W', value: stiefel.randomPoint?.(5, 2, r) as Matrix, manifold: stiefel },
  ];
  const feed = (gr: ReturnType<typeof rng>) => {
    for (const p of params)
      p.grad = {
        rows: p.value.rows,
        cols: p.value.cols,
        data: Float64Array.from(p.value.data, () => gr.normal()),
      };
  };
  return { params, feed };
}

function clone(params: Parameter[]): Parameter[] {
  return params.map((p) => ({ ...p, value: { ...p.value, data: p.value.data.slice() } }));
}

/** a stateful transform: scales the gradient by 1/(number of calls) */
function counting(): GradientTransform {
  let calls = 0;
  return {
    name: 'counting',
    apply(g, out) {
      calls++;
      for (let i = 0; i < g.length; i++) out[i] = g[i] / calls;
      return out;
    },
    state: () => ({ calls }),
    loadState(s: JsonValue) {
      calls = (s as { calls: number }).calls;
    },
    reset() {
      calls = 0;
    },
  };
}

const makers: [string, () => Optimizer][] = [
  ['sgd-nesterov', () => sgd({ lr: 0.05, momentum: 0.9, nesterov: true })],
  [
    'sgd with a stateful precondition',
    () => sgd({ lr: 0.05, momentum: 0.5, precondition: counting() }),
  ],
  ['adam', () => adam({ lr: 0.02 })],
  ['adamw (amsgrad)', () => adamw({ lr: 0.02, weightDecay: 0.1, amsgrad: true })],
];

describe.each(makers)('%s: state() and loadState()', (_name, make) => {
  it('a JSON round trip of state() resumes bit for bit', () => {
    const { params, feed } = setup(4);
    const a = make();
    const gr = rng(11);
    for (let k = 0; k < 5; k++) {
      feed(gr);
      a.step(params);
    }
    const saved: OptimizerState = JSON.parse(JSON.stringify(a.state()));
    const resumed = clone(params);
    const b = make();
    b.loadState(saved);
    expect(b.steps).toBe(5);
    for (let k = 0; k < 5; k++) {
      feed(gr);
      a.step(params);
      for (let i = 0; i < params.length; i++) resumed[i].grad = params[i].grad;
      b.step(resumed);
    }
    for (let i = 0; i < params.length; i++)
      expect(Array.from(resumed[i].value.data)).toEqual(Array.from(params[i].value.data));
  });

  it('reset() forgets the state; loadState rejects a state of another kind or a malformed one', () => {
    const { params, feed } = setup(5);
    const a = make();
    feed(rng(1));
    a.step(params);
    a.reset();
    expect(a.steps).toBe(0);
    expect(a.state().params).toEqual({});
    const other = a.state().optimizer === 'sgd' ? adam() : sgd();
    expect(() => a.loadState(other.state())).toThrow(InvalidArgumentError);
    a.step(params);
    const s = a.state();
    const key = Object.keys(s.params)[0];
    const broken = {
      ...s,
      params: { ...s.params, [key]: { ...s.params[key], moment: [Number.NaN] } },
    };
    expect(() => a.loadState(broken)).toThrow(/moment/);
    expect(() => a.loadState({ ...s, steps: -1 })).toThrow(/steps/);
  });
});

describe('checkpoints', () => {
  it('state() of a flat parameter lists plain arrays; the transform state travels with it', () => {
    const opt = sgd({ lr: 0.1, momentum: 0.9, precondition: counting() });
    opt.stepInPlace(Float64Array.from([1, 2]), Float64Array.from([3, 4]));
    expect(opt.state()).toEqual({
      optimizer: 'sgd',
      steps: 1,
      params: { '': { manifold: 'euclidean', rows: 2, cols: 1, t: 1, moment: [3, 4] } },
      transform: { calls: 1 },
    });
    expect(() => sgd().loadState(opt.state())).toThrow(/no precondition/);
  });
});
