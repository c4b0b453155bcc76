import { fromRows, InvalidArgumentError, rng } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { muon, noiseAdaptive, type Parameter, sgd, signDescent, sphere } from './index.js';

function vector(n: number, f: (i: number) => number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => f(i));
}

describe('noiseAdaptive', () => {
  it('estimates a layer’s injected gradient noise in the dual norm of the LMO (ℓ1 for sign descent)', () => {
    // g = c + ξ with a fixed c and ξ ~ N(0, s²) entries: the estimator's target is
    // E‖ξ‖₁² = s²(n + n(n − 1)·2/π) (mean and variance of a sum of half-normals)
    const n = 100;
    const s = 0.3;
    const r = rng(1);
    const c = vector(n, (i) => Math.sin(i));
    const opt = noiseAdaptive(signDescent({ lr: 1e-9 }), { beta: 0.95 });
    const w: Parameter = { name: 'w', value: { rows: 10, cols: 10, data: new Float64Array(n) } };
    let sum = 0;
    const steps = 800;
    for (let t = 0; t < steps; t++) {
      w.grad = { rows: 10, cols: 10, data: vector(n, (i) => c[i] + s * r.normal()) };
      opt.step([w]);
      if (t >= steps - 400) sum += opt.noise('w') ?? Number.NaN;
    }
    const expected = s * Math.sqrt(n + (n * (n - 1) * 2) / Math.PI);
    // the EMA of δ² averages ~39 steps with relative sd ~0.15/√39; the mean over 400 steps
    // (~20 independent windows) has sd ≈ 0.5%: 3% is several sd
    expect(Math.abs(sum / 400 / expected - 1)).toBeLessThan(0.03);
  });

  it('a layer with injected noise gets a smaller rate than a clean one: φ = 1 − 2ε̂/‖m̂‖_*', () => {
    const r = rng(2);
    const n = 64;
    const target = vector(n, (i) => Math.cos(i));
    const clean: Parameter = {
      name: 'clean',
      value: { rows: 8, cols: 8, data: new Float64Array(n) },
    };
    const noisy: Parameter = {
      name: 'noisy',
      value: { rows: 8, cols: 8, data: new Float64Array(n) },
    };
    const beta = 0.9;
    const opt = noiseAdaptive(muon({ lr: 0.01, momentum: 0.9 }), { beta });
    const factors: [number, number][] = [];
    for (let t = 0; t < 60; t++) {
      clean.grad = { rows: 8, cols: 8, data: clean.value.data.map((v, i) => v - target[i]) };
      noisy.grad = {
        rows: 8,
        cols: 8,
        data: noisy.value.data.map((v, i) => v - target[i] + 3 * r.normal()),
      };
      opt.step([clean, noisy]);
      factors.push([opt.factor('clean') as number, opt.factor('noisy') as number]);
    }
    // far from the minimum (lr·60 ≪ ‖target‖) the clean gradient barely changes: rate 1
    for (const [fc] of factors.slice(5)) expect(fc).toBeGreaterThan(0.97);
    // the noisy layer's rate is set by its noise (σ = 3 per entry against a signal of ~1)
    for (const [, fn] of factors.slice(10)) expect(fn).toBeLessThan(0.6);
    const stats = opt.state().layerwise.noisy;
    // the reported factor is the rule applied to the reported statistics
    const vhat = stats.noiseSq / stats.noiseWeight;
    const mhat = Float64Array.from(stats.mean, (v) => v / (1 - beta ** stats.t));
    const nuclear = nuclearNorm(mhat, 8);
    const phi = Math.max(0.05, 1 - (2 * Math.sqrt((vhat * (1 - beta)) / 2)) / nuclear);
    expect(stats.factor).toBeCloseTo(phi, 12);
  });

  it('on a noisy layer it reaches a lower error than the same optimizer at a fixed rate', () => {
    const run = (adaptive: boolean): number => {
      const r = rng(3);
      const n = 50;
      const target = vector(n, (i) => Math.sin(3 * i));
      const p: Parameter = { name: 'p', value: { rows: n, cols: 1, data: new Float64Array(n) } };
      const base = signDescent({ lr: 0.02, momentum: 0.9 });
      const opt = adaptive ? noiseAdaptive(base) : base;
      let err = 0;
      for (let t = 0; t < 3000; t++) {
        p.grad = {
          rows: n,
          cols: 1,
          data: p.value.data.map((v, i) => v - target[i] + 2 * r.normal()),
        };
        opt.step([p]);
        if (t >= 2500) err += Math.hypot(...p.value.data.map((v, i) => v - target[i])) / 500;
      }
      return err;
    };
    const fixed = run(false);
    const adaptive = run(true);
    // the fixed-rate sign steps jitter at the noise floor; the adaptive rate shrinks there
    expect(adaptive).toBeLessThan(0.5 * fixed);
  });

  it('with group, the applied factors of a group average 1: the rate moves from the noisy layer to the clean one', () => {
    const r = rng(5);
    const n = 16;
    const target = vector(n, (i) => Math.cos(i));
    const mk = (name: string): Parameter => ({
      name,
      value: { rows: 4, cols: 4, data: new Float64Array(n) },
    });
    const clean = mk('clean');
    const noisy = mk('noisy');
    const opt = noiseAdaptive(muon({ lr: 0.01, momentum: 0.9 }), { group: () => 'all', beta: 0.9 });
    for (let t = 0; t < 40; t++) {
      clean.grad = { rows: 4, cols: 4, data: clean.value.data.map((v, i) => v - target[i]) };
      noisy.grad = {
        rows: 4,
        cols: 4,
        data: noisy.value.data.map((v, i) => v - target[i] + 3 * r.normal()),
      };
      opt.step([clean, noisy]);
      const fc = opt.factor('clean') as number;
      const fn = opt.factor('noisy') as number;
      // below the cap (3) the two applied factors average exactly 1
      if (fc < 3) expect((fc + fn) / 2).toBeCloseTo(1, 12);
      if (t >= 10) expect(fc).toBeGreaterThan(1);
    }
    expect(() => noiseAdaptive(muon(), { maxFactor: 0.5 })).toThrow(/maxFactor/);
  });

  it('state() carries the statistics and resumes bit for bit; the first step is the base step', () => {
    const r = rng(4);
    const grads = Array.from({ length: 8 }, () => vector(6, () => r.normal()));
    const make = (): Parameter => ({
      name: 'w',
      value: { rows: 2, cols: 3, data: new Float64Array(6) },
    });
    const a = make();
    const optA = noiseAdaptive(muon({ lr: 0.1 }));
    for (const g of grads) {
      a.grad = { rows: 2, cols: 3, data: g };
      optA.step([a]);
    }
    const b = make();
    const optB = noiseAdaptive(muon({ lr: 0.1 }));
    for (const g of grads.slice(0, 4)) {
      b.grad = { rows: 2, cols: 3, data: g };
      optB.step([b]);
    }
    const optC = noiseAdaptive(muon({ lr: 0.1 }));
    optC.loadState(JSON.parse(JSON.stringify(optB.state())));
    for (const g of grads.slice(4)) {
      b.grad = { rows: 2, cols: 3, data: g };
      optC.step([b]);
    }
    expect(Array.from(b.value.data)).toEqual(Array.from(a.value.data));
    // first step: no noise estimate yet, the base optimizer's step unchanged
    const x = Float64Array.from([1, 2, 3]);
    const y = x.slice();
    noiseAdaptive(sgd({ lr: 0.1 })).stepInPlace(x, Float64Array.from([1, -1, 0]));
    sgd({ lr: 0.1 }).stepInPlace(y, Float64Array.from([1, -1, 0]));
    expect(Array.from(x)).toEqual(Array.from(y));
  });

  it('bad input throws typed errors naming noiseAdaptive(); a failed base step changes nothing', () => {
    expect(() => noiseAdaptive({} as never)).toThrow(/noiseAdaptive\(\): base/);
    expect(() => noiseAdaptive(muon(), { norm: 'l2' as never })).toThrow(InvalidArgumentError);
    expect(() => noiseAdaptive(muon(), { beta: 1 })).toThrow(/beta/);
    expect(() => noiseAdaptive(muon(), { minFactor: 0 })).toThrow(/minFactor/);
    const opt = noiseAdaptive(muon());
    const s: Parameter = {
      name: 's',
      value: fromRows([[1], [0]]),
      grad: fromRows([[0], [1]]),
      manifold: sphere,
    };
    expect(() => opt.step([s])).toThrow(/Euclidean/);
    const w: Parameter = {
      name: 'w',
      value: fromRows([[1, 2]]),
      grad: fromRows([[Number.NaN, 1]]),
    };
    expect(() => opt.step([w])).toThrow(/muon\(\)\.step\(\)/);
    expect(opt.factor('w')).toBeUndefined();
    expect(() => opt.loadState({ optimizer: 'muon', steps: 0, params: {} })).toThrow(/layerwise/);
  });
});

function nuclearNorm(data: Float64Array, n: number): number {
  // Σ σ_i = tr √(AᵀA), from the eigenvalues of AᵀA by Jacobi rotations (independent of svd)
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += data[k * n + i] * data[k * n + j];
      a[i * n + j] = s;
    }
  for (let sweep = 0; sweep < 50; sweep++)
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const cs = 1 / Math.sqrt(t * t + 1);
        const sn = t * cs;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = cs * akp - sn * akq;
          a[k * n + q] = sn * akp + cs * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = cs * apk - sn * aqk;
          a[q * n + k] = sn * apk + cs * aqk;
        }
      }
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.sqrt(Math.max(0, a[i * n + i]));
  return s;
}
