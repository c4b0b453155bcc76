import v8 from 'node:v8';
import vm from 'node:vm';
import {
  AbortError,
  ConvergenceError,
  fromRows,
  InvalidArgumentError,
  NonFiniteError,
  matrix,
  rng,
  ShapeError,
} from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { executedModes } from '../test/kernel-suite.js';
import { createAccelerator, defaultThresholds, referenceKernels } from './index.js';

v8.setFlagsFromString('--expose_gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('createAccelerator', () => {
  it("createAccelerator({ mode: 'cpu' }) reports mode, float32, sync calls and limits", () => {
    const acc = createAccelerator({ mode: 'cpu' });
    expect(acc.mode).toBe('cpu');
    expect(acc.requestedMode).toBe('cpu');
    expect(acc.precision).toBe('float32');
    expect(acc.async).toBe(false);
    expect(acc.fallbacks).toEqual([]);
    expect(acc.limits.maxElements).toBe(2 ** 24);
    expect(acc.limits.tileSize).toBe(4096);
    expect(acc.thresholds.matmul).toBe(0);
    acc.dispose();
  });

  it("createAccelerator({ mode: 'webgpu' }) falls back down the documented order and says why", () => {
    const acc = createAccelerator({ mode: 'webgpu' });
    const tried = acc.fallbacks.map((f) => f.mode);
    expect(tried.slice(0, 3)).toEqual(['webgpu', 'webgl2', 'webgl']);
    expect(['headlessgl', 'webasm', 'cpu']).toContain(acc.mode);
    expect(acc.fallbacks[0].reason).toMatch(/Promise/);
    expect(acc.fallbacks[1].reason).toMatch(/browser/);
    for (const f of acc.fallbacks) expect(f.reason.length).toBeGreaterThan(10);
    acc.dispose();
  });

  it("createAccelerator({ mode: 'webgl2', strict: true }) throws InvalidArgumentError outside a browser", () => {
    expect(() => createAccelerator({ mode: 'webgl2', strict: true })).toThrow(InvalidArgumentError);
    expect(() => createAccelerator({ mode: 'webgl2', strict: true })).toThrow(/needs a browser/);
  });

  it("createAccelerator({ mode: 'auto' }) skips software GL, picks webasm here, and keeps small calls on float64", () => {
    const acc = createAccelerator();
    expect(acc.requestedMode).toBe('auto');
    // no GPU on the test machines: webasm is the best backend; under xvfb the llvmpipe GL is skipped
    expect(acc.mode).toBe('webasm');
    const gl = acc.fallbacks.find((f) => f.mode === 'headlessgl');
    expect(gl).toBeDefined();
    expect(acc.thresholds).toEqual(defaultThresholds);
    // a 2×2 product is far below the threshold: the float64 path runs, bit-exact
    const a = fromRows([
      [0.1, 0.2],
      [0.3, 0.4],
    ]);
    expect(acc.matmul(a, a).data).toEqual(referenceKernels.matmul(a, a).data);
    expect(Object.keys(executedModes(acc))).toEqual([]);
    // with the threshold lowered to 0 the same call runs in float32 on webasm
    const eager = createAccelerator({ thresholds: { matmul: 0 } });
    const r = eager.matmul(a, a);
    expect(Object.values(executedModes(eager))).toEqual(['webasm']);
    expect(r.data).not.toEqual(referenceKernels.matmul(a, a).data);
    expect(r.data[0]).toBe(Math.fround(r.data[0]));
    acc.dispose();
    eager.dispose();
  });

  it('createAccelerator({ thresholds }) overrides chosen thresholds and rejects unknown or negative ones', () => {
    const acc = createAccelerator({ mode: 'cpu', thresholds: { gram: Infinity } });
    expect(acc.thresholds.gram).toBe(Infinity);
    const g = fromRows([[1, 2, 3]]);
    expect(acc.gram(g).data).toEqual(Float64Array.from([14]));
    expect(Object.keys(executedModes(acc))).toEqual([]);
    acc.dispose();
    expect(() => createAccelerator({ thresholds: { nope: 1 } as never })).toThrow(
      InvalidArgumentError,
    );
    expect(() => createAccelerator({ thresholds: { matmul: -1 } })).toThrow(InvalidArgumentError);
    expect(() => createAccelerator({ mode: 'gpu' as never })).toThrow(InvalidArgumentError);
    expect(() => createAccelerator({ tileSize: 0 })).toThrow(InvalidArgumentError);
    // options = null: a typed error naming the function, not a TypeError (issue #15)
    expect(() => createAccelerator(null as never)).toThrow(
      /^createAccelerator\(\): options must be an options object or undefined \(got null\)/,
    );
    expect(() => createAccelerator(null as never)).toThrow(InvalidArgumentError);
  });

  it('calls after dispose() throw InvalidArgumentError; dispose() is idempotent', () => {
    const acc = createAccelerator({ mode: 'cpu' });
    acc.dispose();
    acc.dispose();
    expect(acc.disposed).toBe(true);
    expect(() => acc.rowSums(fromRows([[1]]))).toThrow(/disposed/);
  });

  it('1000 create/dispose cycles in cpu mode leave no heap growth and no open handles', () => {
    const a = matrix(
      3,
      3,
      Float64Array.from({ length: 9 }, (_, i) => i),
    );
    const cycle = () => {
      const acc = createAccelerator({ mode: 'cpu' });
      acc.matmul(a, a);
      acc.dispose();
    };
    for (let i = 0; i < 100; i++) cycle();
    const handles = process.getActiveResourcesInfo().length;
    const before = heapAfterGc();
    for (let i = 0; i < 1000; i++) cycle();
    const after = heapAfterGc();
    // one leaked accelerator keeps a GPU object, a compiled kernel and its source (≳ 20 kB):
    // 1000 leaks would add ≳ 20 MB; 4 MB allows for allocator and JIT noise
    expect(after - before).toBeLessThan(4 * 2 ** 20);
    expect(process.getActiveResourcesInfo().length).toBeLessThanOrEqual(handles);
  });

  it('sinkhorn(a, b, C) always runs on the device, also in auto mode below thresholds.sinkhorn (no float64 copy)', () => {
    const acc = createAccelerator();
    expect(acc.thresholds.sinkhorn).toBe(defaultThresholds.sinkhorn);
    const g = rng(3);
    const c = matrix(
      4,
      3,
      Float64Array.from({ length: 12 }, () => g.uniform()),
    );
    const r = acc.sinkhorn([0.25, 0.25, 0.25, 0.25], [0.2, 0.3, 0.5], c, { reg: 0.5, tol: 1e-6 });
    // the threshold is for callers (@rg/ot's sinkhorn() keeps small problems on its float64
    // loop); here the float32 device ran: every scaling is a float32 number
    expect(r.converged).toBe(true);
    for (const x of [...r.u, ...r.v]) expect(x).toBe(Math.fround(x));
    expect(Object.keys(executedModes(acc)).length).toBeGreaterThan(0);
    acc.dispose();
  });

  it('sinkhorn on the device honours signal (AbortError) and strict (ConvergenceError), and validates options', () => {
    const acc = createAccelerator({ mode: 'webasm' });
    const g = rng(4);
    const c = matrix(
      5,
      4,
      Float64Array.from({ length: 20 }, () => g.uniform()),
    );
    const a = new Float64Array(5).fill(0.2);
    const b = new Float64Array(4).fill(0.25);
    const controller = new AbortController();
    controller.abort('stop');
    expect(() => acc.sinkhorn(a, b, c, { reg: 0.1, signal: controller.signal })).toThrow(
      AbortError,
    );
    expect(() =>
      acc.sinkhorn(a, b, c, { reg: 0.01, maxIter: 3, tol: 1e-12, strict: true }),
    ).toThrow(ConvergenceError);
    const r = acc.sinkhorn(a, b, c, { reg: 0.01, maxIter: 3, tol: 1e-12 });
    expect(r).toMatchObject({ converged: false, iterations: 3 });
    expect(r.history.map((h) => h.iteration)).toEqual([1, 3]);
    expect(() => acc.sinkhorn(a, b, c, { reg: 0.1, checkEvery: 0 })).toThrow(InvalidArgumentError);
    expect(() => acc.sinkhorn(a, b, c, { reg: -1 })).toThrow(InvalidArgumentError);
    expect(() => acc.sinkhorn(a, b, c, { reg: 0.1, tol: -1 })).toThrow(InvalidArgumentError);
    // a marginal that is not positive is a bad value, not a bad size
    expect(() => acc.sinkhorn([0, 0.5, 0.5, 0, 0], b, c, { reg: 0.1 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => acc.sinkhorn([0.5, 0.5], b, c, { reg: 0.1 })).toThrow(ShapeError);
    // issue #15 finding 10: unequal masses used to run until the float32 scalings overflowed
    // (a NonFiniteError blaming reg); maxIter −1/NaN/1.5 and tol NaN are refused
    expect(() =>
      acc.sinkhorn(
        a,
        b.map((x) => x / 2),
        c,
        { reg: 1 },
      ),
    ).toThrow(/^accelerator\.sinkhorn\(\): a and b must have the same total mass/);
    for (const maxIter of [-1, Number.NaN, 1.5])
      expect(() => acc.sinkhorn(a, b, c, { reg: 0.1, maxIter })).toThrow(/options\.maxIter/);
    expect(() => acc.sinkhorn(a, b, c, { reg: 0.1, tol: Number.NaN })).toThrow(/options\.tol/);
    // cost/reg ≥ 500: exp(−C/reg) underflows in float32; a typed error, never an all-NaN plan
    const far = matrix(2, 2, [1, 2, 2, 1]);
    expect(() => acc.sinkhorn([0.5, 0.5], [0.5, 0.5], far, { reg: 0.001 })).toThrow(NonFiniteError);
    acc.dispose();
  });
});
