import { describe, expect, it } from 'vitest';
import { EPS, jacobiEigenvalues, orthogonalityError, refMatmul } from '../test/dense-reference.js';
import {
  AbortError,
  ConvergenceError,
  diag,
  InvalidArgumentError,
  lanczos,
  type Matrix,
  matvec,
  NonFiniteError,
  randomOrthogonal,
  rng,
  ShapeError,
} from './index.js';

const opOf = (a: Matrix) => (x: Float64Array, out: Float64Array) => {
  matvec(a, x, out);
};

function tridiagonal(alpha: Float64Array, beta: Float64Array): Matrix {
  const m = alpha.length;
  const t = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    t[i * m + i] = alpha[i];
    if (i + 1 < m) {
      t[i * m + i + 1] = beta[i];
      t[(i + 1) * m + i] = beta[i];
    }
  }
  return { rows: m, cols: m, data: t };
}

/** Diagonal operator with spectrum 1, 2, …, n−1 and one separated top eigenvalue 2n. */
function spectrum(n: number): number[] {
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? 2 * n : i + 1));
}

describe('lanczos', () => {
  it('lanczos(op, n, k) with full reorthogonalization: Ritz values converge to the extreme eigenvalues of a diagonal operator', () => {
    const n = 200;
    const ev = spectrum(n);
    const a = diag(ev);
    // Rounding floor of a Ritz value: ~n·eps·‖A‖ (Jacobi on T adds the same order).
    const floor = 1e-9 * 2 * n;
    let prevErr = Number.POSITIVE_INFINITY;
    for (const k of [3, 6, 12, 40]) {
      const r = lanczos(opOf(a), n, k);
      expect(r.iterations).toBe(k);
      expect(r.alpha.length).toBe(k);
      expect(r.beta.length).toBe(k - 1);
      const ritz = jacobiEigenvalues(tridiagonal(r.alpha, r.beta));
      const err = Math.abs(ritz[k - 1] - ev[n - 1]);
      if (prevErr > floor) expect(err).toBeLessThan(prevErr);
      else expect(err).toBeLessThanOrEqual(floor);
      prevErr = err;
      // Ritz values lie inside the spectrum (Cauchy interlacing).
      expect(ritz[0]).toBeGreaterThanOrEqual(1 - 1e-10);
      expect(ritz[k - 1]).toBeLessThanOrEqual(2 * n + 1e-10);
    }
    // The isolated eigenvalue 2n has gap ratio ~1, so 40 steps reach it to rounding level.
    expect(prevErr).toBeLessThanOrEqual(floor);
  });

  it('lanczos basis is orthonormal to 1e-10 with full reorthogonalization, and A V = V T + β v eᵀ', () => {
    const n = 150;
    const q = randomOrthogonal(n, rng(3));
    const lam = spectrum(n);
    // A = Q Λ Qᵀ: a dense operator with the same known spectrum.
    const a = refMatmul(q, refMatmul(diag(lam), { rows: n, cols: n, data: transposeData(q) }));
    const k = 60;
    const r = lanczos(opOf(a), n, k, { reorthogonalize: 'full' });
    const v = r.basis as Matrix;
    expect([v.rows, v.cols]).toEqual([n, k]);
    expect(orthogonalityError(v)).toBeLessThanOrEqual(1e-10);
    // Vᵀ A V = T to rounding (the projection is exactly tridiagonal only with an orthonormal V).
    const vt = { rows: k, cols: n, data: transposeData(v) };
    const proj = refMatmul(vt, refMatmul(a, v));
    const t = tridiagonal(r.alpha, r.beta);
    let maxDev = 0;
    for (let i = 0; i < k * k; i++) maxDev = Math.max(maxDev, Math.abs(proj.data[i] - t.data[i]));
    // Rounding in V and in A·V: ~n·eps·‖A‖ with ‖A‖ = 2n.
    expect(maxDev).toBeLessThanOrEqual(n * EPS * 2 * n * 10);
  });

  it("without reorthogonalization the basis loses orthogonality once a Ritz value converges ('none' is cheaper, not exact)", () => {
    const n = 300;
    const a = diag(spectrum(n));
    const none = lanczos(opOf(a), n, 80, { reorthogonalize: 'none', basis: true });
    const full = lanczos(opOf(a), n, 80);
    expect(orthogonalityError(full.basis as Matrix)).toBeLessThanOrEqual(1e-10);
    expect(orthogonalityError(none.basis as Matrix)).toBeGreaterThan(1e-6);
    expect(lanczos(opOf(a), n, 5, { reorthogonalize: 'none' }).basis).toBeUndefined();
  });

  it('lanczos stops early with converged: true when the Krylov space is invariant', () => {
    const a = diag([1, 1, 2, 2, 3, 3, 3, 4]);
    const r = lanczos(opOf(a), 8, 8, { start: Float64Array.from([1, 1, 1, 1, 1, 1, 1, 1]) });
    // Only 4 distinct eigenvalues: the Krylov space of any start vector has dimension ≤ 4.
    expect(r.iterations).toBe(4);
    expect(r.converged).toBe(true);
    expect(
      jacobiEigenvalues(tridiagonal(r.alpha, r.beta)).map((x) => Math.round(x * 1e10) / 1e10),
    ).toEqual([1, 2, 3, 4]);
    // k larger than n is clamped to n; maxIter caps the steps further.
    expect(lanczos(opOf(diag([1, 2, 3])), 3, 10).iterations).toBe(3);
    expect(lanczos(opOf(diag([1, 2, 3])), 3, 3, { maxIter: 2 }).iterations).toBe(2);
  });

  it('lanczos reports a non-invariant run as converged: false and throws ConvergenceError only with strict', () => {
    const a = diag(spectrum(50));
    expect(lanczos(opOf(a), 50, 5)).toMatchObject({ converged: false, iterations: 5 });
    expect(() => lanczos(opOf(a), 50, 5, { strict: true })).toThrow(ConvergenceError);
  });

  it('lanczos honours onProgress and signal and rejects bad input', () => {
    const a = diag([1, 2, 3, 4]);
    const seen: number[] = [];
    lanczos(opOf(a), 4, 3, { onProgress: (i) => seen.push(i.iteration) });
    expect(seen).toEqual([1, 2, 3]);
    expect(() => lanczos(opOf(a), 4, 3, { signal: AbortSignal.abort() })).toThrow(AbortError);
    expect(() => lanczos(opOf(a), 4, 0)).toThrow(InvalidArgumentError);
    expect(() => lanczos(opOf(a), 4, 2, { start: new Float64Array(3) })).toThrow(ShapeError);
    expect(() => lanczos(opOf(a), 4, 2, { start: new Float64Array(4) })).toThrow(
      /start must not be the zero vector/,
    );
    expect(() => lanczos(opOf(a), 4, 2, { reorthogonalize: 'partial' as 'full' })).toThrow(
      InvalidArgumentError,
    );
    expect(() => lanczos((_x, out) => out.fill(Number.POSITIVE_INFINITY), 4, 2)).toThrow(
      NonFiniteError,
    );
    const start = Float64Array.from([1, 2, 3, 4]);
    lanczos(opOf(a), 4, 2, { start });
    expect(Array.from(start)).toEqual([1, 2, 3, 4]);
  });
});

function transposeData(a: Matrix): Float64Array {
  const t = new Float64Array(a.data.length);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.cols; j++) t[j * a.rows + i] = a.data[i * a.cols + j];
  return t;
}
