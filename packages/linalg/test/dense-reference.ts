// Test-only references for the dense tests: textbook loops that share no code with src/,
// fixture loading, and generators of random inputs for fast-check properties.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Matrix } from '../src/matrix.js';
import { rng } from '../src/rng.js';

export const EPS = 2 ** -52;

/** Load test/fixtures/<name>.json (written by gen_dense.py). */
export function fixture<T>(name: string): { meta: Record<string, unknown>; cases: T[] } {
  const text = readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');
  const special: Record<string, number> = {
    Infinity: Number.POSITIVE_INFINITY,
    '-Infinity': Number.NEGATIVE_INFINITY,
    NaN: Number.NaN,
  };
  return JSON.parse(text, (_k, v) => (typeof v === 'string' && v in special ? special[v] : v));
}

export function fromNested(r: number[][]): Matrix {
  const m = r.length;
  const n = m ? r[0].length : 0;
  return { rows: m, cols: n, data: Float64Array.from(r.flat()) };
}

/** Textbook triple loop C = A B. */
export function refMatmul(a: Matrix, b: Matrix): Matrix {
  const c = new Float64Array(a.rows * b.cols);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < b.cols; j++) {
      let s = 0;
      for (let k = 0; k < a.cols; k++) s += a.data[i * a.cols + k] * b.data[k * b.cols + j];
      c[i * b.cols + j] = s;
    }
  return { rows: a.rows, cols: b.cols, data: c };
}

export function refTranspose(a: Matrix): Matrix {
  const t = new Float64Array(a.data.length);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.cols; j++) t[j * a.rows + i] = a.data[i * a.cols + j];
  return { rows: a.cols, cols: a.rows, data: t };
}

export function refIdentity(n: number): Matrix {
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) d[i * n + i] = 1;
  return { rows: n, cols: n, data: d };
}

/** max |a_i − b_i| */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

export function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

/** Normwise relative difference max|a−b| / max|b| (absolute when b = 0). */
export function relDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const s = maxAbs(b);
  return maxAbsDiff(a, b) / (s === 0 ? 1 : s);
}

/** ‖QᵀQ − I‖_max for the columns of q. */
export function orthogonalityError(q: Matrix): number {
  const qtq = refMatmul(refTranspose(q), q);
  return maxAbsDiff(qtq.data, refIdentity(q.cols).data);
}

/** A rows×cols Gaussian matrix from a seed. */
export function gaussian(rows: number, cols: number, seed: number): Matrix {
  const r = rng(seed);
  const d = new Float64Array(rows * cols);
  for (let i = 0; i < d.length; i++) d[i] = r.normal();
  return { rows, cols, data: d };
}

/** A random SPD matrix G Gᵀ + n I (condition well below 100), exactly symmetric. */
export function wellConditionedSPD(n: number, seed: number): Matrix {
  const g = gaussian(n, n, seed);
  const a = refMatmul(g, refTranspose(g));
  for (let i = 0; i < n; i++) {
    a.data[i * n + i] += n;
    for (let j = 0; j < i; j++) a.data[i * n + j] = a.data[j * n + i];
  }
  return a;
}

/**
 * Eigenvalues of a symmetric matrix by the cyclic Jacobi method (Golub & Van Loan §8.5),
 * sorted ascending; a slow but independent reference with absolute error ~ n·eps·‖A‖.
 */
export function jacobiEigenvalues(a: Matrix): number[] {
  const n = a.rows;
  const d = Array.from(a.data);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += d[i * n + j] ** 2;
    if (off === 0) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = d[p * n + q];
        if (apq === 0) continue;
        const theta = (d[q * n + q] - d[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = d[k * n + p];
          const akq = d[k * n + q];
          d[k * n + p] = c * akp - s * akq;
          d[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = d[p * n + k];
          const aqk = d[q * n + k];
          d[p * n + k] = c * apk - s * aqk;
          d[q * n + k] = s * apk + c * aqk;
        }
      }
  }
  const ev: number[] = [];
  for (let i = 0; i < n; i++) ev.push(d[i * n + i]);
  return ev.sort((x, y) => x - y);
}

/** Call `fn` and assert that none of the typed arrays in `inputs` changed. */
export function expectInputsUnchanged(inputs: (Matrix | Float64Array)[], fn: () => unknown): void {
  const arrays = inputs.map((x) => (x instanceof Float64Array ? x : x.data));
  const before = arrays.map((x) => x.slice());
  fn();
  for (let i = 0; i < arrays.length; i++)
    expect(Array.from(arrays[i])).toEqual(Array.from(before[i]));
}
