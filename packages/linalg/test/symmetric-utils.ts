// Test helpers for the symmetric spectral area: naive reference products and generators that
// do not depend on the functions under test (plain triple loops, Gram–Schmidt).
import fc from 'fast-check';
import type { Matrix } from '../src/matrix.js';
import { rng as makeRng, type Rng } from '../src/rng.js';

export const EPS = 2.220446049250313e-16;

export function mul(a: Matrix, b: Matrix): Matrix {
  const out = new Float64Array(a.rows * b.cols);
  for (let i = 0; i < a.rows; i++)
    for (let k = 0; k < a.cols; k++) {
      const x = a.data[i * a.cols + k];
      for (let j = 0; j < b.cols; j++) out[i * b.cols + j] += x * b.data[k * b.cols + j];
    }
  return { rows: a.rows, cols: b.cols, data: out };
}

export function tr(a: Matrix): Matrix {
  const out = new Float64Array(a.rows * a.cols);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.cols; j++) out[j * a.rows + i] = a.data[i * a.cols + j];
  return { rows: a.cols, cols: a.rows, data: out };
}

export function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

export function fro(a: Matrix | Float64Array): number {
  const d = 'data' in a ? a.data : a;
  let s = 0;
  for (let i = 0; i < d.length; i++) s += d[i] * d[i];
  return Math.sqrt(s);
}

export function diffFro(a: Matrix, b: Matrix): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += (a.data[i] - b.data[i]) ** 2;
  return Math.sqrt(s);
}

/** ‖VᵀV − I‖_max for the columns of v. */
export function orthogonalityError(v: Matrix): number {
  const g = mul(tr(v), v);
  let e = 0;
  for (let i = 0; i < g.rows; i++)
    for (let j = 0; j < g.cols; j++)
      e = Math.max(e, Math.abs(g.data[i * g.cols + j] - (i === j ? 1 : 0)));
  return e;
}

export function isExactlySymmetric(a: Matrix): boolean {
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < i; j++) if (a.data[i * a.cols + j] !== a.data[j * a.cols + i]) return false;
  return true;
}

export function identityM(n: number): Matrix {
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) d[i * n + i] = 1;
  return { rows: n, cols: n, data: d };
}

/** Haar-ish random orthogonal matrix by modified Gram–Schmidt on Gaussian columns (twice). */
export function orthogonal(n: number, r: Rng): Matrix {
  const q = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) q[i] = r.normal();
  for (let pass = 0; pass < 2; pass++)
    for (let j = 0; j < n; j++) {
      for (let k = 0; k < j; k++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += q[i * n + j] * q[i * n + k];
        for (let i = 0; i < n; i++) q[i * n + j] -= s * q[i * n + k];
      }
      let nrm = 0;
      for (let i = 0; i < n; i++) nrm += q[i * n + j] ** 2;
      nrm = Math.sqrt(nrm);
      for (let i = 0; i < n; i++) q[i * n + j] /= nrm;
    }
  return { rows: n, cols: n, data: q };
}

/** Q diag(values) Qᵀ, mirrored so that it is exactly symmetric. */
export function withSpectrum(values: ArrayLike<number>, r: Rng): Matrix {
  const n = values.length;
  const q = orthogonal(n, r);
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += q.data[i * n + k] * values[k] * q.data[j * n + k];
      d[i * n + j] = s;
      d[j * n + i] = s;
    }
  return { rows: n, cols: n, data: d };
}

export function randomSymmetric(n: number, r: Rng): Matrix {
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const x = r.normal();
      d[i * n + j] = x;
      d[j * n + i] = x;
    }
  return { rows: n, cols: n, data: d };
}

/** SPD with eigenvalues log-uniform in [1/√cond, √cond]·scale. */
export function randomSPDWithCondition(n: number, cond: number, r: Rng): Matrix {
  const vals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = n === 1 ? 0.5 : i / (n - 1);
    vals[i] = cond ** (t - 0.5);
  }
  return withSpectrum(vals, r);
}

/** fast-check arbitrary of a seed; the matrices are then drawn from our seeded rng. */
export const seedArb = fc.integer({ min: 1, max: 2 ** 31 - 1 });
export const rngFrom = (seed: number): Rng => makeRng(seed);

/** Symmetric matrices with entries from fast-check (so shrinking works on entries). */
export function symmetricArb(minN: number, maxN: number, range = 10): fc.Arbitrary<Matrix> {
  return fc.integer({ min: minN, max: maxN }).chain((n) =>
    fc
      .array(fc.double({ min: -range, max: range, noNaN: true, noDefaultInfinity: true }), {
        minLength: (n * (n + 1)) / 2,
        maxLength: (n * (n + 1)) / 2,
      })
      .map((xs) => {
        const d = new Float64Array(n * n);
        let t = 0;
        for (let i = 0; i < n; i++)
          for (let j = 0; j <= i; j++) {
            d[i * n + j] = xs[t];
            d[j * n + i] = xs[t++];
          }
        return { rows: n, cols: n, data: d };
      }),
  );
}

/** SPD matrices Q diag(λ) Qᵀ with λ log-uniform in [1e-3, 1e3] (condition ≤ 1e6). */
export function spdArb(minN: number, maxN: number): fc.Arbitrary<Matrix> {
  return fc
    .tuple(
      fc.integer({ min: minN, max: maxN }),
      seedArb,
      fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: maxN, maxLength: maxN }),
    )
    .map(([n, seed, logs]) =>
      withSpectrum(
        logs.slice(0, n).map((x) => 10 ** x),
        rngFrom(seed),
      ),
    );
}

export function rectArb(maxM: number, maxN: number): fc.Arbitrary<Matrix> {
  return fc
    .tuple(fc.integer({ min: 1, max: maxM }), fc.integer({ min: 1, max: maxN }), seedArb)
    .map(([m, n, seed]) => {
      const r = rngFrom(seed);
      const d = new Float64Array(m * n);
      for (let i = 0; i < m * n; i++) d[i] = r.normal();
      return { rows: m, cols: n, data: d };
    });
}
