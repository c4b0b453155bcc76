// The WebAssembly SIMD Cholesky and matrix–vector kernels (assembly/cholesky.ts,
// assembly/level2.ts) against their TypeScript twins (bit for bit), against textbook loops, and
// the blocked Cholesky (panels by the same kernel, trailing updates on gemm) on both backends.
import { afterEach, describe, expect, it } from 'vitest';
import { EPS, maxAbs, maxAbsDiff } from '../../test/dense-reference.js';
import { cholesky, NonFiniteError, NotSymmetricError, rng, setKernelBackend } from '../index.js';
import { choleskyBlocked, choleskyKernel, choleskyLower } from './cholesky.js';
import { gemv, gemvTransA } from './gemv.js';

afterEach(() => setKernelBackend('auto'));

function onBoth<T>(run: () => T): [T, T] {
  setKernelBackend('typescript');
  const ts = run();
  setKernelBackend('wasm-simd');
  const wasm = run();
  return [ts, wasm];
}

function mismatches(x: Float64Array, y: Float64Array): number {
  let bad = x.length === y.length ? 0 : 1;
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) bad++;
  return bad;
}

/** B Bᵀ/n + I: SPD with condition about 5. */
function spd(n: number, seed: number): Float64Array {
  const r = rng(seed);
  const b = Float64Array.from({ length: n * n }, () => r.normal());
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += b[i * n + k] * b[j * n + k];
      s = s / n + (i === j ? 1 : 0);
      a[i * n + j] = s;
      a[j * n + i] = s;
    }
  return a;
}

describe('choleskyLower on both backends', () => {
  it('gives bit-for-bit the same factor (odd and even n, all tile remainders)', () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 16, 33, 64, 101]) {
      const a = spd(n, n);
      const [ts, wasm] = onBoth(() => {
        const l = new Float64Array(n * n);
        return { info: choleskyLower(n, a, l), l };
      });
      expect(ts.info).toBe(-1);
      expect(wasm.info).toBe(-1);
      expect(mismatches(ts.l, wasm.l)).toBe(0);
    }
  });

  it('reports the same failing pivot with the same value, and never touches the strict upper triangle', () => {
    for (const n of [9, 40]) {
      const a = spd(n, 3);
      const p = n - 3;
      a[p * n + p] -= 50;
      const [ts, wasm] = onBoth(() => {
        const l = new Float64Array(n * n).fill(7);
        return { info: choleskyLower(n, a, l), l };
      });
      expect(ts.info).toBe(p);
      expect(wasm.info).toBe(p);
      expect(Object.is(ts.l[p * n + p], wasm.l[p * n + p])).toBe(true);
      expect(ts.l[p * n + p]).toBeLessThan(0);
      for (const l of [ts.l, wasm.l])
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(l[i * n + j]).toBe(7);
    }
  });

  it('cholesky() rejects asymmetric and non-finite input on both backends (fused check)', () => {
    for (const backend of ['typescript', 'wasm-simd'] as const) {
      setKernelBackend(backend);
      const n = 30;
      const a = { rows: n, cols: n, data: spd(n, 5) };
      const asym = { rows: n, cols: n, data: a.data.slice() };
      asym.data[3 * n + 20] += 1e-3;
      expect(() => cholesky(asym)).toThrow(NotSymmetricError);
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
        const c = { rows: n, cols: n, data: a.data.slice() };
        c.data[29 * n + 28] = bad;
        expect(() => cholesky(c)).toThrow(/cholesky\(\): a\[29, 28\]/);
        expect(() => cholesky(c)).toThrow(NonFiniteError);
      }
      // rounding-level asymmetry (SYMMETRY_TOLERANCE) is accepted
      const near = { rows: n, cols: n, data: a.data.slice() };
      near.data[3 * n + 20] *= 1 + 1e-14;
      expect(cholesky(near).rows).toBe(n);
    }
  });
});

describe('choleskyBlocked (right-looking, gemm trailing updates)', () => {
  it('agrees bit for bit across backends, matches the unblocked kernel to n·ε·κ, and finds the failing pivot', () => {
    const n = 263; // panels of 128, a last panel of 7 rows below, trailing chunks
    const a = spd(n, 11);
    const ref = new Float64Array(n * n);
    expect(choleskyKernel(a, ref, n)).toBe(-1);
    const [ts, wasm] = onBoth(() => {
      const l = new Float64Array(n * n);
      return { info: choleskyBlocked(a, l, n), l };
    });
    expect(ts.info).toBe(-1);
    expect(wasm.info).toBe(-1);
    expect(mismatches(ts.l, wasm.l)).toBe(0);
    // Both orders are backward stable: they differ by ≲ n·ε·κ(A)·max|L| (κ ≈ 5 here).
    expect(maxAbsDiff(ts.l, ref)).toBeLessThanOrEqual(4 * n * EPS * 5 * maxAbs(ref));
    for (const p of [40, 200, n - 1]) {
      const bad = a.slice();
      bad[p * n + p] -= 100;
      const [bt, bw] = onBoth(() => choleskyBlocked(bad, new Float64Array(n * n), n));
      expect(bt).toBe(p);
      expect(bw).toBe(p);
    }
  });
});

describe('gemv, gemvTransA', () => {
  function naive(trans: boolean, m: number, n: number, a: Float64Array, x: Float64Array) {
    const y = new Float64Array(trans ? n : m);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++)
        if (trans) y[j] += a[i * n + j] * x[i];
        else y[i] += a[i * n + j] * x[j];
    return y;
  }

  it('agree bit for bit across backends and with the textbook loop to n·ε·Σ|a||x|', () => {
    for (const [m, n] of [
      [1, 1],
      [3, 5],
      [7, 7],
      [21, 33],
      [64, 30],
      [203, 199],
    ]) {
      const r = rng(m * 1000 + n);
      const a = Float64Array.from({ length: m * n }, () => r.normal());
      for (const trans of [false, true]) {
        const x = Float64Array.from({ length: trans ? m : n }, () => r.normal());
        const f = trans ? gemvTransA : gemv;
        const [ts, wasm] = onBoth(() => {
          const out = new Float64Array(trans ? n : m);
          return { ok: f(m, n, a, x, out), out };
        });
        expect(ts.ok && wasm.ok).toBe(true);
        expect(mismatches(ts.out, wasm.out)).toBe(0);
        // Entries are O(1) Gaussians: each sum has |error| ≤ k·ε·Σ|a||x| ≤ k²·ε·max|a|·max|x|.
        const k = trans ? m : n;
        const tol = k * k * EPS * maxAbs(a) * maxAbs(x);
        expect(maxAbsDiff(ts.out, naive(trans, m, n, a, x))).toBeLessThanOrEqual(tol);
      }
    }
  });

  it('return false and fill out with NaN on a non-finite operand, on both backends', () => {
    for (const backend of ['typescript', 'wasm-simd'] as const) {
      setKernelBackend(backend);
      const m = 30;
      const n = 31;
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
        const a = new Float64Array(m * n).fill(1);
        a[5 * n + 7] = bad;
        const out = new Float64Array(m);
        expect(gemv(m, n, a, new Float64Array(n), out)).toBe(false);
        expect(out.every(Number.isNaN)).toBe(true);
        const x = new Float64Array(m).fill(1);
        x[3] = bad;
        const outT = new Float64Array(n);
        expect(gemvTransA(m, n, new Float64Array(m * n), x, outT)).toBe(false);
        expect(outT.every(Number.isNaN)).toBe(true);
      }
      // overflow from finite operands is a result, not an error
      const big = new Float64Array(m * n).fill(1e308);
      const out = new Float64Array(m);
      expect(gemv(m, n, big, new Float64Array(n).fill(10), out)).toBe(true);
      expect(out[0]).toBe(Number.POSITIVE_INFINITY);
    }
  });
});
