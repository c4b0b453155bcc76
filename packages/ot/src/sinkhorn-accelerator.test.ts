import { createAccelerator, type GpuAccelerator } from '@rg/gpu';
import {
  AbortError,
  ConvergenceError,
  InvalidArgumentError,
  type Matrix,
  NonFiniteError,
  rng,
} from '@rg/linalg';
import { afterAll, describe, expect, it } from 'vitest';
import { costMatrix, type SinkhornAccelerator, type SinkhornMethod, sinkhorn } from './index.js';

// Explicit modes accelerate every call (threshold 0), so even these small problems run on the device.
const accelerators: GpuAccelerator[] = [
  createAccelerator({ mode: 'cpu' }),
  createAccelerator({ mode: 'webasm' }),
];
// @rg/gpu implements the device Sinkhorn structurally (the type checker verifies this line)
const structural: SinkhornAccelerator[] = accelerators;
afterAll(() => {
  for (const acc of accelerators) acc.dispose();
});

/** Two Gaussian clouds, L2² cost scaled to max 1, uneven a and uniform b. */
function problem(n: number, m: number, seed: number) {
  const r = rng(seed);
  const x = Array.from({ length: n }, () => [r.normal(), r.normal()]);
  const y = Array.from({ length: m }, () => [r.normal() + 0.5, r.normal()]);
  const C = costMatrix(x, y);
  let mx = 0;
  for (const v of C.data) mx = Math.max(mx, v);
  for (let k = 0; k < C.data.length; k++) C.data[k] /= mx;
  const a = Float64Array.from({ length: n }, () => 0.5 + r.uniform());
  let sa = 0;
  for (const v of a) sa += v;
  for (let i = 0; i < n; i++) a[i] /= sa;
  const b = new Float64Array(m).fill(1 / m);
  return { a, b, C };
}

function maxRelDiff(x: Matrix, y: Matrix): number {
  let d = 0;
  for (let k = 0; k < x.data.length; k++)
    d = Math.max(d, Math.abs(x.data[k] - y.data[k]) / y.data[k]);
  return d;
}

describe('sinkhorn(a, b, C, { accelerator })', () => {
  for (const acc of accelerators)
    for (const [n, m] of [
      [24, 24],
      [40, 23],
      [150, 200],
    ])
      it(`sinkhorn(a, b, C, { accelerator: ${acc.mode} }) matches the float64 plan to float32 accuracy (${n}×${m})`, () => {
        const { a, b, C } = problem(n, m, n * 1000 + m);
        const reg = 0.05;
        const ref = sinkhorn(a, b, C, { reg, tol: 1e-13, maxIter: 100000 });
        expect(ref.converged).toBe(true);
        // tol 0 with 300 iterations: the device runs to its float32 fixed point (float64
        // converges in < 100 here), so what remains is rounding, not truncation.
        const r = sinkhorn(a, b, C, { reg, tol: 0, maxIter: 300, accelerator: acc });
        // Each device scaling u_i = a_i / Σ_j K_ij v_j is a float32 sum of max(n, m) positive
        // terms (relative error ≤ max(n, m)·2⁻²⁴, Higham's γ bound) plus a few ulp for exp and
        // the division; P_ij = u_i K_ij v_j takes one u and one v error. The Sinkhorn map
        // contracts in Hilbert's projective metric (cost/reg ≤ 20 here), so the fixed point does
        // not amplify them much: 2·(max(n, m) + 16)·2⁻²⁴ relative per entry (measured 20–40× below).
        const bound = 2 * (Math.max(n, m) + 16) * 2 ** -24;
        expect(maxRelDiff(r.plan, ref.plan)).toBeLessThan(bound);
        expect(Math.abs(r.cost - ref.cost) / ref.cost).toBeLessThan(bound);
        // float64 from the float32 scalings: the marginals hold to float32 rounding, not 1e-13
        expect(r.marginalError).toBeLessThan(1e-6);
        expect(r.converged).toBe(false);
        expect(r.iterations).toBe(300);
      });

  it('sinkhorn(a, b, C, { accelerator }) returns the CPU result shape plus where it ran', () => {
    const acc = accelerators[1];
    const { a, b, C } = problem(12, 9, 7);
    const reg = 0.1;
    const r = sinkhorn(a, b, C, { reg, tol: 1e-5, accelerator: acc });
    const cpu = sinkhorn(a, b, C, { reg, tol: 1e-5 });
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(r)).toEqual([...keys(cpu), 'accelerator'].sort());
    expect(r.accelerator).toEqual({ mode: 'webasm', computedOn: 'webasm', precision: 'float32' });
    expect(r.method).toBe('standard');
    expect(r.converged).toBe(true);
    expect(r.residual).toBe(r.marginalError);
    expect(r.marginalError).toBeLessThan(1e-5);
    expect(r.plan.rows).toBe(12);
    expect(r.plan.cols).toBe(9);
    expect(r.f).toBeInstanceOf(Float64Array);
    expect(r.history.length).toBeGreaterThan(0);
    for (let i = 0; i < 12; i++)
      for (let j = 0; j < 9; j++) {
        const p = Math.exp((r.f[i] + r.g[j] - C.data[i * 9 + j]) / reg);
        // f, g are logs of the returned scalings: the plan is exp((f ⊕ g − C)/reg) to float64 ulps
        expect(Math.abs(p - r.plan.data[i * 9 + j]) / p).toBeLessThan(1e-12);
      }
  });

  it('sinkhorn(a, b, C, { accelerator }) with zero-mass bins solves on the support (zero rows, −Infinity potentials)', () => {
    const C = costMatrix([[0], [1], [2]], [[0], [2]]);
    const r = sinkhorn([0.5, 0, 0.5], [0.6, 0.4], C, {
      reg: 0.5,
      tol: 1e-5,
      accelerator: accelerators[0],
    });
    expect(r.plan.data[2]).toBe(0);
    expect(r.plan.data[3]).toBe(0);
    expect(r.f[1]).toBe(Number.NEGATIVE_INFINITY);
    expect(r.converged).toBe(true);
  });

  it('sinkhorn(a, b, C, { accelerator, tol: 1e-12 }) reports non-convergence after maxIter, or throws with strict', () => {
    const { a, b, C } = problem(30, 20, 3);
    const acc = accelerators[1];
    const r = sinkhorn(a, b, C, { reg: 0.05, tol: 1e-12, maxIter: 60, accelerator: acc });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(60);
    expect(() =>
      sinkhorn(a, b, C, { reg: 0.05, tol: 1e-12, maxIter: 60, accelerator: acc, strict: true }),
    ).toThrow(ConvergenceError);
  });

  it('sinkhorn(a, b, C, { accelerator, signal, onProgress }) reports progress and aborts', () => {
    const { a, b, C } = problem(30, 20, 4);
    const acc = accelerators[0];
    const seen: number[] = [];
    sinkhorn(a, b, C, {
      reg: 0.05,
      tol: 0,
      maxIter: 30,
      accelerator: acc,
      onProgress: (p) => seen.push(p.iteration),
    });
    // the stopping rule of the float64 loop: iteration 1, 1 + checkEvery, … and the last
    expect(seen).toEqual([1, 11, 21, 30]);
    const early = new AbortController();
    early.abort();
    expect(() => sinkhorn(a, b, C, { reg: 0.05, accelerator: acc, signal: early.signal })).toThrow(
      AbortError,
    );
    const midway = new AbortController();
    expect(() =>
      sinkhorn(a, b, C, {
        reg: 0.05,
        tol: 0,
        maxIter: 1000,
        accelerator: acc,
        signal: midway.signal,
        onProgress: (p) => {
          if (p.iteration === 21) midway.abort();
        },
      }),
    ).toThrow(AbortError);
  });

  it('sinkhorn(a, b, C, { accelerator }) rejects other methods, warmStart and non-accelerators', () => {
    const { a, b, C } = problem(6, 5, 5);
    const acc = structural[0];
    for (const method of ['log', 'stabilized', 'epsilonScaling'] as SinkhornMethod[])
      expect(() => sinkhorn(a, b, C, { reg: 0.1, method, accelerator: acc })).toThrow(
        /no accelerated version/,
      );
    const cold = sinkhorn(a, b, C, { reg: 0.1 });
    expect(() =>
      sinkhorn(a, b, C, { reg: 0.1, accelerator: acc, warmStart: { f: cold.f, g: cold.g } }),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      sinkhorn(a, b, C, { reg: 0.1, accelerator: {} as unknown as SinkhornAccelerator }),
    ).toThrow(InvalidArgumentError);
    const noThreshold = {
      mode: 'cpu',
      precision: 'float32',
      thresholds: {},
      sinkhorn: () => {
        throw new Error('not reached: the threshold is validated first');
      },
    };
    expect(() =>
      sinkhorn(a, b, C, {
        reg: 0.1,
        accelerator: noThreshold as unknown as SinkhornAccelerator,
      }),
    ).toThrow(/thresholds\.sinkhorn/);
    // the problem is validated as on the CPU path, before the device is touched
    expect(() => sinkhorn(a, b, C, { reg: 0, accelerator: acc })).toThrow(InvalidArgumentError);
    expect(() => sinkhorn([1, 0], b, C, { reg: 0.1, accelerator: acc })).toThrow();
  });

  it('sinkhorn(a, b, C, { accelerator }) throws NonFiniteError when exp(−C/reg) underflows in float32', () => {
    // row 2 costs 4 and 9: every exp(−C/reg) of it underflows, so Kv = 0 and u overflows
    const C = costMatrix([[0], [3]], [[0], [1]]);
    expect(() =>
      sinkhorn([0.5, 0.5], [0.5, 0.5], C, { reg: 1e-3, accelerator: accelerators[0] }),
    ).toThrow(NonFiniteError);
  });

  it('sinkhorn(a, b, C, { accelerator }) checks the marginal error at the iterations the float64 loop checks', () => {
    const { a, b, C } = problem(30, 20, 8);
    const normB = Math.hypot(...b);
    for (const [maxIter, checkEvery] of [
      [35, 10],
      [12, 4],
      [7, 1],
    ]) {
      const opts = { reg: 0.05, tol: 0, maxIter, checkEvery };
      const cpu = sinkhorn(a, b, C, opts);
      for (const accelerator of accelerators) {
        const dev = sinkhorn(a, b, C, { ...opts, accelerator });
        expect(dev.history.map((h) => h.iteration)).toEqual(cpu.history.map((h) => h.iteration));
        expect(dev.iterations).toBe(cpu.iterations);
        // the same quantity, ‖v ⊙ Kᵀu − b‖₂ after the u-update, measured in float32: the
        // device's iterate carries the float32 relative error 2·(max(n, m) + 16)·2⁻²⁴ per plan
        // entry of the first test, and the measure's own length-n reductions add (n + 4)·2⁻²⁴
        // per column, so |Δ error| ≤ ‖Δ(v ⊙ Kᵀu)‖₂ ≤ ‖b‖₂·(2·(max(n, m) + 16) + n + 4)·2⁻²⁴
        const bound = normB * (2 * (30 + 16) + 30 + 4) * 2 ** -24;
        for (let k = 0; k < cpu.history.length; k++)
          expect(
            Math.abs(dev.history[k].marginalError - cpu.history[k].marginalError),
          ).toBeLessThanOrEqual(bound);
      }
    }
  });

  it('sinkhorn(a, b, C, { accelerator }) below thresholds.sinkhorn runs the float64 loop itself and says why', () => {
    const { a, b, C } = problem(16, 12, 9);
    const opts = { reg: 0.1, tol: 1e-10, maxIter: 500 };
    const plain = sinkhorn(a, b, C, opts);
    const auto = createAccelerator({ thresholds: { sinkhorn: 16 * 12 * 500 + 1 } });
    try {
      const r = sinkhorn(a, b, C, { ...opts, accelerator: auto });
      expect(r.accelerator).toMatchObject({
        mode: auto.mode,
        computedOn: 'float64',
        precision: 'float64',
      });
      expect(r.accelerator?.reason).toMatch(
        /16·12·500 = 96000 is below accelerator\.thresholds\.sinkhorn = 96001/,
      );
      // the very loop that runs without an accelerator: identical bits, not a float64 copy elsewhere
      expect(r.plan.data).toEqual(plain.plan.data);
      expect(r.potentials.f).toEqual(plain.potentials.f);
      expect(r.history).toEqual(plain.history);
      expect(r.iterations).toBe(plain.iterations);
      // at the threshold itself the device runs
      const at = createAccelerator({ mode: 'webasm', thresholds: { sinkhorn: 16 * 12 * 500 } });
      expect(sinkhorn(a, b, C, { ...opts, accelerator: at }).accelerator).toEqual({
        mode: 'webasm',
        computedOn: 'webasm',
        precision: 'float32',
      });
      at.dispose();
    } finally {
      auto.dispose();
    }
  });

  it('sinkhorn(a, b, C, { accelerator }) returns potentials as the CPU path does (f, g kept as aliases)', () => {
    const { a, b, C } = problem(10, 7, 10);
    const r = sinkhorn(a, b, C, { reg: 0.1, tol: 1e-5, accelerator: accelerators[1] });
    expect(r.potentials.f).toBe(r.f);
    expect(r.potentials.g).toBe(r.g);
    const warm = sinkhorn(a, b, C, { reg: 0.1, tol: 1e-5, warmStart: r.potentials });
    // the device's potentials already satisfy tol in float64 (marginalError < 1e-5), so the
    // float64 loop started from them stops at its first check
    expect(r.marginalError).toBeLessThan(1e-5);
    expect(warm.iterations).toBe(1);
  });
});
