import {
  fromRows,
  InvalidArgumentError,
  invSqrtmSym,
  type Matrix,
  matmul,
  matmulTransA,
  rng,
  svd,
} from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adamw,
  muon,
  newtonSchulz,
  type Parameter,
  signDescent,
  spectralDescent,
  sphere,
  stiefel,
} from './index.js';

function gaussian(rows: number, cols: number, r: ReturnType<typeof rng>): Matrix {
  return { rows, cols, data: Float64Array.from({ length: rows * cols }, () => r.normal()) };
}

function copyOf(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: m.data.slice() };
}

/** argmin over the 2ⁿ vertices of the ℓ∞ unit ball of ⟨g, d⟩ (the LMO, by enumeration) */
function linfLmoByEnumeration(g: Float64Array): Float64Array {
  const n = g.length;
  let best = Number.POSITIVE_INFINITY;
  let arg = new Float64Array(n);
  for (let mask = 0; mask < 1 << n; mask++) {
    const d = Float64Array.from({ length: n }, (_, i) => ((mask >> i) & 1 ? 1 : -1));
    let v = 0;
    for (let i = 0; i < n; i++) v += g[i] * d[i];
    if (v < best) {
      best = v;
      arg = d;
    }
  }
  return arg;
}

describe('signDescent', () => {
  it('signDescent step equals lr times the ℓ∞ LMO argmin_{‖d‖∞≤1} ⟨g, d⟩ (by vertex enumeration)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 8 }), (seed, n) => {
        const r = rng(seed);
        const g = Float64Array.from({ length: n }, () => r.normal());
        const x = Float64Array.from({ length: n }, () => r.normal());
        const before = x.slice();
        signDescent({ lr: 0.3 }).stepInPlace(x, g);
        const lmo = linfLmoByEnumeration(g);
        for (let i = 0; i < n; i++) expect(x[i]).toBe(before[i] + 0.3 * lmo[i]);
      }),
      { numRuns: 30, seed: 3 },
    );
  });

  it('signDescent({ momentum, nesterov, weightDecay }) follows buf ← μ buf + g and decoupled decay', () => {
    const opt = signDescent({ lr: 0.1, momentum: 0.9 });
    const x = Float64Array.from([0, 0]);
    opt.stepInPlace(x, Float64Array.from([1, -1])); // buf = [1, −1]
    opt.stepInPlace(x, Float64Array.from([-2, -1])); // buf = [−1.1, −1.9]
    expect(Array.from(x)).toEqual([-0.1 + 0.1, 0.1 + 0.1]);
    const nes = signDescent({ lr: 1, momentum: 0.5, nesterov: true });
    const y = Float64Array.from([0]);
    nes.stepInPlace(y, Float64Array.from([1])); // buf = 1, d = 1 + 0.5
    nes.stepInPlace(y, Float64Array.from([-1.2])); // buf = −0.7, d = −1.2 − 0.35 < 0
    expect(y[0]).toBe(0);
    const wd = signDescent({ lr: 0.5, weightDecay: 0.2 });
    const z = Float64Array.from([2]);
    wd.stepInPlace(z, Float64Array.from([1]));
    expect(z[0]).toBe(2 * (1 - 0.5 * 0.2) - 0.5);
  });
});

describe('spectralDescent', () => {
  it("spectralDescent({ orthogonalize: 'svd' }) steps by lr·G(GᵀG)^{−1/2}: unit spectral norm, ⟨G, D⟩ = ‖G‖_*", () => {
    const r = rng(4);
    for (const [m, n] of [
      [5, 3],
      [3, 5],
      [4, 4],
    ]) {
      const g = gaussian(m, n, r);
      const w: Parameter = { name: 'W', value: gaussian(m, n, r), grad: g };
      const before = copyOf(w.value);
      spectralDescent({ lr: 0.2, orthogonalize: 'svd' }).step([w]);
      const d = w.value.data.map((v, i) => (before.data[i] - v) / 0.2);
      // the polar factor by an independent route: G(GᵀG)^{−1/2} (tall) or (GGᵀ)^{−1/2}G (wide)
      const polar =
        m >= n
          ? matmul(g, invSqrtmSym(matmulTransA(g, g)))
          : matmul(invSqrtmSym(matmul(g, { rows: n, cols: m, data: transpose(g) })), g);
      for (let i = 0; i < d.length; i++) expect(Math.abs(d[i] - polar.data[i])).toBeLessThan(1e-12);
      const { s } = svd({ rows: m, cols: n, data: d });
      for (const v of s) expect(v).toBeCloseTo(1, 12);
      const nuclear = svd(g).s.reduce((a, b) => a + b, 0);
      let inner = 0;
      for (let i = 0; i < d.length; i++) inner += g.data[i] * d[i];
      expect(inner).toBeCloseTo(nuclear, 11);
    }
  });

  it('spectralDescent (Newton–Schulz) steps by lr·newtonSchulz(buf) with heavy-ball momentum', () => {
    const r = rng(5);
    const g1 = gaussian(6, 4, r);
    const g2 = gaussian(6, 4, r);
    const w: Parameter = { name: 'W', value: gaussian(6, 4, r) };
    const x0 = copyOf(w.value);
    const opt = spectralDescent({ lr: 0.05, momentum: 0.8 });
    w.grad = g1;
    opt.step([w]);
    w.grad = g2;
    opt.step([w]);
    const buf2 = { rows: 6, cols: 4, data: g2.data.map((v, i) => 0.8 * g1.data[i] + v) };
    const d1 = newtonSchulz(g1).data;
    const d2 = newtonSchulz(buf2).data;
    for (let i = 0; i < 24; i++)
      expect(w.value.data[i]).toBeCloseTo(x0.data[i] - 0.05 * d1[i] - 0.05 * d2[i], 14);
  });

  it('on the sphere and the Stiefel manifold the LMO steps stay on the manifold', () => {
    const r = rng(6);
    for (const [manifold, rows, cols] of [
      [sphere, 5, 1],
      [stiefel, 6, 3],
    ] as const) {
      const value = manifold.randomPoint?.(rows, cols, r) as Matrix;
      const p: Parameter = { name: 'x', value, manifold };
      for (const opt of [
        spectralDescent({ lr: 0.1, momentum: 0.9 }),
        signDescent({ lr: 0.05, momentum: 0.5 }),
        muon({ lr: 0.1, useAdam: () => false }),
      ])
        for (let k = 0; k < 20; k++) {
          p.grad = gaussian(rows, cols, r);
          opt.step([p]);
          expect(manifold.isPoint?.(p.value, 1e-12)).toBe(true);
        }
    }
  });

  it('a decaying spectral step reaches the minimizer of ½‖W − A‖²_F', () => {
    const r = rng(7);
    const a = gaussian(5, 4, r);
    const w: Parameter = { name: 'W', value: { rows: 5, cols: 4, data: new Float64Array(20) } };
    const opt = spectralDescent({ lr: (t) => 2 / (t + 10), orthogonalize: 'svd' });
    for (let k = 0; k < 4000; k++) {
      w.grad = { rows: 5, cols: 4, data: w.value.data.map((v, i) => v - a.data[i]) };
      opt.step([w]);
    }
    // the step lr_t bounds the distance once the iterate oscillates around A: 2/4010 ≈ 5e-4
    for (let i = 0; i < 20; i++) expect(Math.abs(w.value.data[i] - a.data[i])).toBeLessThan(1e-3);
  });
});

describe('muon', () => {
  it('muon orthogonalizes g + μ·buf (Nesterov) and scales by √max(1, m/n); vectors get AdamW bit for bit', () => {
    const r = rng(8);
    const mu = 0.95;
    const lr = 0.02;
    const g1 = gaussian(8, 3, r);
    const g2 = gaussian(8, 3, r);
    const b1 = gaussian(1, 3, r);
    const b2 = gaussian(1, 3, r);
    const w: Parameter = { name: 'W', value: gaussian(8, 3, r) };
    const b: Parameter = { name: 'b', value: gaussian(1, 3, r) };
    const w0 = copyOf(w.value);
    const bRef: Parameter = { name: 'b', value: copyOf(b.value) };
    const opt = muon({ lr, weightDecay: 0.1, adam: { lr: 3e-3 } });
    const ref = adamw({ lr: 3e-3, beta2: 0.95, weightDecay: 0.1 });
    for (const [gw, gb] of [
      [g1, b1],
      [g2, b2],
    ]) {
      w.grad = gw;
      b.grad = gb;
      bRef.grad = gb;
      opt.step([w, b]);
      ref.step([bRef]);
    }
    expect(Array.from(b.value.data)).toEqual(Array.from(bRef.value.data));
    // W: buf₁ = g₁, d₁ = g₁ + μg₁; buf₂ = μg₁ + g₂, d₂ = g₂ + μ·buf₂
    const scale = Math.sqrt(8 / 3);
    const d1 = newtonSchulz({ ...g1, data: g1.data.map((v) => v + mu * v) }).data;
    const buf2 = g2.data.map((v, i) => mu * g1.data[i] + v);
    const d2 = newtonSchulz({ ...g2, data: g2.data.map((v, i) => v + mu * buf2[i]) }).data;
    const decay = 1 - lr * 0.1;
    for (let i = 0; i < 24; i++) {
      const x1 = decay * w0.data[i] - lr * scale * d1[i];
      const x2 = decay * x1 - lr * scale * d2[i];
      expect(w.value.data[i]).toBeCloseTo(x2, 14);
    }
  });

  it("muon({ scale: 'rms' }) scales by 0.2·√max(m, n); names with 'embed' go to AdamW", () => {
    const r = rng(9);
    const g = gaussian(4, 9, r);
    const w: Parameter = {
      name: 'W',
      value: { rows: 4, cols: 9, data: new Float64Array(36) },
      grad: g,
    };
    muon({ lr: 1, scale: 'rms', momentum: 0 }).step([w]);
    const d = newtonSchulz(g).data;
    for (let i = 0; i < 36; i++) expect(w.value.data[i]).toBeCloseTo(-0.2 * 3 * d[i], 14);
    const e: Parameter = {
      name: 'tok_embed',
      value: { rows: 4, cols: 9, data: new Float64Array(36) },
      grad: g,
    };
    const ref: Parameter = {
      name: 'tok_embed',
      value: { rows: 4, cols: 9, data: new Float64Array(36) },
      grad: g,
    };
    muon({ lr: 0.01 }).step([e]);
    adamw({ lr: 0.01, beta2: 0.95, weightDecay: 0 }).step([ref]);
    expect(Array.from(e.value.data)).toEqual(Array.from(ref.value.data));
  });

  it('a JSON checkpoint of muon resumes bit for bit', () => {
    const r = rng(10);
    const grads = Array.from({ length: 6 }, () => [gaussian(5, 3, r), gaussian(1, 3, r)]);
    const make = () =>
      [
        { name: 'W', value: { rows: 5, cols: 3, data: new Float64Array(15).fill(0.1) } },
        { name: 'b', value: { rows: 1, cols: 3, data: new Float64Array(3) } },
      ] as Parameter[];
    const a = make();
    const optA = muon({ lr: 0.05 });
    grads.forEach(([gw, gb]) => {
      a[0].grad = gw;
      a[1].grad = gb;
      optA.step(a);
    });
    const b = make();
    const optB = muon({ lr: 0.05 });
    grads.slice(0, 3).forEach(([gw, gb]) => {
      b[0].grad = gw;
      b[1].grad = gb;
      optB.step(b);
    });
    const optC = muon({ lr: 0.05 });
    optC.loadState(JSON.parse(JSON.stringify(optB.state())));
    grads.slice(3).forEach(([gw, gb]) => {
      b[0].grad = gw;
      b[1].grad = gb;
      optC.step(b);
    });
    expect(Array.from(b[0].value.data)).toEqual(Array.from(a[0].value.data));
    expect(Array.from(b[1].value.data)).toEqual(Array.from(a[1].value.data));
    expect(optC.state().optimizer).toBe('muon');
  });

  it('bad options throw InvalidArgumentError naming the factory', () => {
    expect(() => muon({ momentum: 1 })).toThrow(/muon\(\): momentum/);
    expect(() => muon({ scale: 'x' as never })).toThrow(InvalidArgumentError);
    expect(() => muon({ useAdam: 3 as never })).toThrow(/useAdam/);
    expect(() => muon({ adam: { lr: -1 } })).toThrow(/lr/);
    expect(() => signDescent({ nesterov: true })).toThrow(
      /signDescent\(\): nesterov needs momentum/,
    );
    expect(() => spectralDescent({ orthogonalize: 'qr' as never })).toThrow(/orthogonalize/);
    expect(() => spectralDescent({ lr: 0 })).toThrow(/spectralDescent\(\): lr/);
    const opt = muon({ lr: 0.1, adam: { lr: () => Number.NaN } });
    const w: Parameter = {
      name: 'W',
      value: fromRows([
        [1, 2],
        [3, 4],
      ]),
      grad: fromRows([
        [1, 0],
        [0, 1],
      ]),
    };
    const before = Array.from(w.value.data);
    expect(() => opt.step([w])).toThrow(/muon\(\)\.step\(\): the adam learning-rate schedule/);
    expect(Array.from(w.value.data)).toEqual(before);
  });
});

function transpose(a: Matrix): Float64Array {
  const out = new Float64Array(a.rows * a.cols);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.cols; j++) out[j * a.rows + i] = a.data[i * a.cols + j];
  return out;
}
