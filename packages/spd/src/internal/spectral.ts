// Symmetric matrix functions through the eigendecomposition A = V diag(λ) Vᵀ and the
// Daleckii–Krein formula for their derivatives (Bhatia, Matrix Analysis, 1997, §V.3).
import { eighRaw, eigvalsRaw } from './eig.js';
import { mulABt } from './kernels.js';

/** Eigendecomposition of a symmetric n×n array: ascending values, eigenvectors as columns. */
export interface Eig {
  values: Float64Array;
  vectors: Float64Array;
  n: number;
}

export function eig(a: Float64Array, n: number, refine: boolean | 'auto' = 'auto'): Eig {
  const { values, vectors } = eighRaw(a, n, refine);
  return { values, vectors, n };
}

/** Ascending eigenvalues of a symmetric n×n array. */
export function eigvals(a: Float64Array, n: number): Float64Array {
  return eigvalsRaw(a, n);
}

/** V diag(f) Vᵀ, exactly symmetric. */
export function reconstruct(e: Eig, f: ArrayLike<number>): Float64Array {
  const { vectors: v, n } = e;
  const vf = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) vf[i * n + k] = v[i * n + k] * f[k];
  const out = mulABt(vf, v, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) out[j * n + i] = out[i * n + j];
  return out;
}

export function mapValues(values: Float64Array, f: (x: number) => number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = f(values[i]);
  return out;
}

/** f(A) for symmetric A. */
export function symFn(a: Float64Array, n: number, f: (x: number) => number): Float64Array {
  const e = eig(a, n);
  return reconstruct(e, mapValues(e.values, f));
}

/** Vᵀ X V (X in the eigenbasis). */
export function toEigenbasis(e: Eig, x: Float64Array): Float64Array {
  const { vectors: v, n } = e;
  const xv = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const xik = x[i * n + k];
      if (xik === 0) continue;
      for (let j = 0; j < n; j++) xv[i * n + j] += xik * v[k * n + j];
    }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const vki = v[k * n + i];
      if (vki === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j] += vki * xv[k * n + j];
    }
  return out;
}

/** V Y Vᵀ (back from the eigenbasis), symmetrized. */
export function fromEigenbasis(e: Eig, y: Float64Array): Float64Array {
  const { vectors: v, n } = e;
  const vy = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const vik = v[i * n + k];
      if (vik === 0) continue;
      for (let j = 0; j < n; j++) vy[i * n + j] += vik * y[k * n + j];
    }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += vy[i * n + k] * v[j * n + k];
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  return out;
}

/**
 * Daleckii–Krein: Df(A)[X] = V ((VᵀXV) ∘ Γ) Vᵀ with Γ_ij the first divided difference
 * f[λ_i, λ_j]; `dd(a, b)` must be accurate when a ≈ b.
 */
export function frechet(
  e: Eig,
  x: Float64Array,
  dd: (a: number, b: number) => number,
): Float64Array {
  const n = e.n;
  const y = toEigenbasis(e, x);
  const l = e.values;
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const g = dd(l[i], l[j]);
      y[i * n + j] *= g;
      if (i !== j) y[j * n + i] *= g;
    }
  return fromEigenbasis(e, y);
}

/** log[a, b] for a, b > 0, relative accuracy kept when a ≈ b. */
export function ddLog(a: number, b: number): number {
  if (a === b) return 1 / a;
  const r = (a - b) / b;
  return Math.abs(r) < 0.5 ? Math.log1p(r) / (a - b) : (Math.log(a) - Math.log(b)) / (a - b);
}

/** exp[a, b], relative accuracy kept when a ≈ b. */
export function ddExp(a: number, b: number): number {
  if (a === b) return Math.exp(a);
  const hi = Math.max(a, b);
  const lo = Math.min(a, b);
  return (Math.exp(lo) * Math.expm1(hi - lo)) / (hi - lo);
}

/** x^θ divided difference [a, b] for a, b > 0. */
export function ddPow(theta: number): (a: number, b: number) => number {
  return (a, b) => {
    if (a === b) return theta * a ** (theta - 1);
    const lr = Math.log(a / b);
    const num = Math.expm1(theta * lr);
    const den = Math.expm1(lr);
    return den === 0 ? theta * b ** (theta - 1) : (b ** (theta - 1) * num) / den;
  };
}
