import {
  eigh,
  fromRows,
  type Matrix,
  matmul,
  matmulTransA,
  matmulTransB,
  randomOrthogonal,
  rng,
  svd,
} from '@rg/linalg';
import { type Parameter, sgd } from '@rg/optim';
import { describe, expect, it } from 'vitest';
import { gcrSgd, grassmann } from './index.js';

function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  let e = 0;
  for (let i = 0; i < a.length; i++) e = Math.max(e, Math.abs(a[i] - b[i]));
  return e;
}

function gaussian(rows: number, cols: number, seed: number): Matrix {
  const r = rng(seed);
  return { rows, cols, data: Float64Array.from({ length: rows * cols }, () => r.normal()) };
}

/**
 * The paper's step written with an explicit thin SVD (linalg's svd): Δ = B − S(SᵀB) = UΣVᵀ,
 * S ← (S V cos(αΣ) + U sin(αΣ)) Vᵀ with α = −lr.
 */
function paperStep(s: Matrix, b: Matrix, lr: number): Matrix {
  const proj = matmul(s, matmulTransA(s, b));
  const delta = { ...b, data: b.data.map((v, i) => v - proj.data[i]) };
  const { u, s: sigma, v } = svd(delta);
  const k = s.cols;
  const cos = { rows: k, cols: k, data: new Float64Array(k * k) };
  const sin = { rows: k, cols: k, data: new Float64Array(k * k) };
  for (let i = 0; i < k; i++) {
    cos.data[i * k + i] = Math.cos(-lr * sigma[i]);
    sin.data[i * k + i] = Math.sin(-lr * sigma[i]);
  }
  const a = matmul(matmul(s, v), cos);
  const c = matmul(u, sin);
  return matmulTransB({ ...a, data: a.data.map((x, i) => x + c.data[i]) }, v);
}

function projectorGap(y: Matrix, z: Matrix): number {
  const a = matmulTransB(y, y);
  const b = matmulTransB(z, z);
  return Math.sqrt(a.data.reduce((s, x, i) => s + (x - b.data[i]) ** 2, 0));
}

describe('gcrSgd(options)', () => {
  const gr = grassmann(9, 3);

  it('gcrSgd steps along the geodesic of the projected Euclidean momentum (vs the thin-SVD formula)', () => {
    const lr = 0.05;
    const mu = 0.9;
    const s0 = gr.randomPoint(rng(1));
    const g1 = gaussian(9, 3, 2);
    const g2 = gaussian(9, 3, 3);
    const p: Parameter = {
      name: 'S',
      value: { ...s0, data: s0.data.slice() },
      grad: g1,
      manifold: gr,
    };
    const opt = gcrSgd({ lr, momentum: mu, reorthonormalizeEvery: 100 });
    opt.step([p]);
    // first step: the buffer is the gradient itself
    const e1 = paperStep(s0, g1, lr);
    // the same rounding-level agreement as any two backward-stable evaluations of the map
    expect(maxAbsDiff(p.value.data, e1.data)).toBeLessThan(1e-14);
    p.grad = g2;
    opt.step([p]);
    // second step: the Euclidean buffer μ·g₁ + g₂, never transported
    const b2 = { ...g1, data: g1.data.map((v, i) => mu * v + g2.data[i]) };
    const e2 = paperStep(e1, b2, lr);
    expect(maxAbsDiff(p.value.data, e2.data)).toBeLessThan(1e-14);
    expect(opt.state().params.S.moment).toEqual(Array.from(b2.data));
  });

  it('gcrSgd keeps the bases orthonormal and re-orthonormalizes every few steps without moving the subspace', () => {
    const s0 = gr.randomPoint(rng(4));
    const p: Parameter = { name: 'S', value: { ...s0, data: s0.data.slice() }, manifold: gr };
    const q: Parameter = { name: 'Q', value: { ...s0, data: s0.data.slice() }, manifold: gr };
    const every2 = gcrSgd({ lr: 0.02, momentum: 0.5, reorthonormalizeEvery: 2 });
    const never = gcrSgd({ lr: 0.02, momentum: 0.5, reorthonormalizeEvery: 1000 });
    const r = rng(5);
    for (let t = 0; t < 100; t++) {
      const g = {
        rows: 9,
        cols: 3,
        data: Float64Array.from({ length: 27 }, () => r.normal()),
      };
      p.grad = g;
      q.grad = g;
      every2.step([p]);
      never.step([q]);
      expect(gr.isPoint(p.value, 1e-13)).toBe(true);
    }
    // without the QR the basis drifts from orthonormality only at the rounding level per step;
    // the QR of a basis that is orthonormal to rounding changes it by a rotation I + O(ε), so
    // both runs follow the same path: steps of about 0.1 rad amplify an O(ε) difference by at
    // most (1.1)¹⁰⁰ ≈ 1e4 over 100 steps, far below 1e-10
    expect(gr.isPoint(q.value, 1e-12)).toBe(true);
    expect(projectorGap(p.value, q.value)).toBeLessThan(1e-10);
  });

  it('gcrSgd minimizes the block Rayleigh quotient on Gr(8, 3) (the dominant eigenspace, vs eigh)', () => {
    const g8 = grassmann(8, 3);
    const q = randomOrthogonal(8, rng(3));
    const spectrum = [5, 4.5, 4, 2, 1.5, 1, 0.5, 0];
    const d = { rows: 8, cols: 8, data: new Float64Array(64) };
    spectrum.forEach((v, i) => {
      d.data[i * 8 + i] = v;
    });
    const a = matmulTransB(matmul(q, d), q);
    const { vectors } = eigh(a);
    const top = { rows: 8, cols: 3, data: new Float64Array(24) };
    for (let i = 0; i < 8; i++)
      for (let j = 0; j < 3; j++) top.data[i * 3 + j] = vectors.data[i * 8 + 5 + j];
    const p: Parameter = { name: 'S', value: g8.randomPoint(rng(5)), manifold: g8 };
    const opt = gcrSgd({ lr: 0.05, momentum: 0.5 });
    for (let t = 0; t < 300; t++) {
      const ay = matmul(a, p.value);
      p.grad = { ...ay, data: ay.data.map((v) => -2 * v) };
      opt.step([p]);
    }
    // Hessian eigenvalues in [4, 10] (gaps of A times 2): with lr 0.05 and μ = 0.5 the
    // heavy-ball rate is at most 0.8, and 0.8^300 < 1e-29: the error ends at the rounding floor
    // of the reference eigenvectors (≈ 1e-15); 1e-12 leaves three orders of margin
    expect(projectorGap(p.value, top)).toBeLessThan(1e-12);
  });

  it('gcrSgd updates the other parameters exactly as the core sgd with the same options', () => {
    const w0 = gaussian(4, 3, 7);
    const mine: Parameter = { name: 'w', value: { ...w0, data: w0.data.slice() } };
    const ref: Parameter = { name: 'w', value: { ...w0, data: w0.data.slice() } };
    const s: Parameter = { name: 'S', value: gr.randomPoint(rng(1)), manifold: gr };
    const opt = gcrSgd({ lr: 0.1, momentum: 0.9, weightDecay: 0.01, nesterov: true });
    const core = sgd({ lr: 0.1, momentum: 0.9, weightDecay: 0.01, nesterov: true });
    for (let t = 0; t < 5; t++) {
      const g = gaussian(4, 3, 10 + t);
      mine.grad = g;
      ref.grad = g;
      s.grad = gaussian(9, 3, 20 + t);
      opt.step([mine, s]);
      core.step([ref]);
    }
    expect(Array.from(mine.value.data)).toEqual(Array.from(ref.value.data));
    expect(opt.steps).toBe(5);
  });

  it('gcrSgd state() round-trips through JSON and loadState() resumes bit for bit', () => {
    const make = () => gcrSgd({ lr: 0.1, momentum: 0.8, reorthonormalizeEvery: 3 });
    const s0 = gr.randomPoint(rng(2));
    const w0 = gaussian(2, 2, 3);
    const params = (): Parameter[] => [
      { name: 'S', value: { ...s0, data: s0.data.slice() }, manifold: gr },
      { name: 'w', value: { ...w0, data: w0.data.slice() } },
    ];
    const grads = (t: number) => [gaussian(9, 3, 30 + t), gaussian(2, 2, 40 + t)];
    const a = params();
    const first = make();
    for (let t = 0; t < 4; t++) {
      const g = grads(t);
      a[0].grad = g[0];
      a[1].grad = g[1];
      first.step(a);
    }
    const saved = JSON.parse(JSON.stringify(first.state()));
    expect(saved.optimizer).toBe('gcr-sgd');
    expect(saved.params.S.manifold).toBe('grassmann(9, 3)');
    const b = params();
    b[0].value.data.set(a[0].value.data);
    b[1].value.data.set(a[1].value.data);
    const second = make();
    second.loadState(saved);
    for (let t = 4; t < 8; t++) {
      const g = grads(t);
      a[0].grad = g[0];
      a[1].grad = g[1];
      b[0].grad = g[0];
      b[1].grad = g[1];
      first.step(a);
      second.step(b);
    }
    expect(Array.from(b[0].value.data)).toEqual(Array.from(a[0].value.data));
    expect(Array.from(b[1].value.data)).toEqual(Array.from(a[1].value.data));
    expect(() => second.loadState({ ...saved, optimizer: 'adam' })).toThrow(/written by 'adam'/);
  });

  it('gcrSgd throws typed errors naming the option or parameter', () => {
    const s = gr.randomPoint(rng(1));
    const cases: [() => unknown, string, RegExp][] = [
      [
        () => gcrSgd({ lr: 0 }),
        'InvalidArgumentError',
        /gcrSgd\(\): lr must be a finite number > 0/,
      ],
      [
        () => gcrSgd({ momentum: 1 }),
        'InvalidArgumentError',
        /gcrSgd\(\): momentum must be a number in \[0, 1\)/,
      ],
      [
        () => gcrSgd({ reorthonormalizeEvery: 0 }),
        'InvalidArgumentError',
        /reorthonormalizeEvery must be an integer ≥ 1/,
      ],
      [
        () =>
          gcrSgd().step([
            { name: 'S', value: { ...s, data: s.data.map((v) => 2 * v) }, grad: s, manifold: gr },
          ]),
        'InvalidArgumentError',
        /gcrSgd\(\)\.step\(\): params\[0\] \('S'\)\.value must have orthonormal columns/,
      ],
      [
        () => gcrSgd().step([{ name: 'S', value: s, grad: fromRows([[1]]), manifold: gr }]),
        'ShapeError',
        /params\[0\] \('S'\)\.grad must be 9×3/,
      ],
      [
        () =>
          gcrSgd().step([
            {
              name: 'S',
              value: s,
              grad: { ...s, data: s.data.map(() => Number.NaN) },
              manifold: gr,
            },
          ]),
        'NonFiniteError',
        /params\[0\] \('S'\)\.grad/,
      ],
      [
        () =>
          gcrSgd().step([
            { name: 'S', value: s, manifold: gr },
            { name: 'S', value: s, manifold: gr },
          ]),
        'InvalidArgumentError',
        /names must be unique/,
      ],
    ];
    for (const [call, name, message] of cases) {
      expect(call).toThrow(message);
      expect(call).toThrow(expect.objectContaining({ name }));
    }
  });
});
