import { describe, expect, it } from 'vitest';
import {
  ConvergenceError,
  csrFromTriplets,
  csrOperator,
  csrToDense,
  eigh,
  InvalidArgumentError,
  lanczosEigenpairs,
  lobpcg,
  NotPositiveDefiniteError,
  rng,
  sparseEigsh,
  type EigenpairsResult,
} from '../index.js';

/** Laplacian of the path graph on n nodes: eigenvalues 2 − 2cos(jπ/n), j = 0..n−1. */
function pathLaplacian(n: number) {
  const i: number[] = [];
  const j: number[] = [];
  const v: number[] = [];
  for (let q = 0; q < n - 1; q++) {
    i.push(q, q + 1, q, q + 1);
    j.push(q + 1, q, q, q + 1);
    v.push(-1, -1, 1, 1);
  }
  return csrFromTriplets(n, n, i, j, v);
}

/** A random sparse symmetric matrix with a spread spectrum. */
function randomSymmetric(n: number, seed: number) {
  const r = rng(seed);
  const i: number[] = [];
  const j: number[] = [];
  const v: number[] = [];
  for (let q = 0; q < n; q++) {
    i.push(q);
    j.push(q);
    v.push(q / 4 + r.normal());
    for (let e = 0; e < 3; e++) {
      const p = r.int(n);
      const w = r.normal();
      i.push(q, p);
      j.push(p, q);
      v.push(w, w);
    }
  }
  return csrFromTriplets(n, n, i, j, v);
}

function checkPairs(a: ReturnType<typeof csrFromTriplets>, r: EigenpairsResult, tol: number) {
  const n = a.rows;
  const k = r.values.length;
  const ax = new Float64Array(n);
  const x = new Float64Array(n);
  for (let c = 0; c < k; c++) {
    for (let q = 0; q < n; q++) x[q] = r.vectors.data[q * k + c];
    csrOperator(a)(x, ax);
    let res = 0;
    for (let q = 0; q < n; q++) res += (ax[q] - r.values[c] * x[q]) ** 2;
    expect(Math.sqrt(res)).toBeLessThanOrEqual(tol);
    expect(Math.abs(Math.sqrt(res) - r.residuals[c])).toBeLessThanOrEqual(1e-12);
    // orthonormal columns
    for (let d = 0; d <= c; d++) {
      let s = 0;
      for (let q = 0; q < n; q++) s += r.vectors.data[q * k + c] * r.vectors.data[q * k + d];
      expect(Math.abs(s - (c === d ? 1 : 0))).toBeLessThanOrEqual(1e-10);
    }
  }
}

describe('lanczosEigenpairs', () => {
  it('finds the k largest and smallest eigenvalues of a random sparse symmetric matrix (vs dense eigh)', () => {
    const n = 300;
    const a = randomSymmetric(n, 7);
    const ref = eigh(csrToDense(a)).values;
    const op = csrOperator(a);
    const hi = lanczosEigenpairs(op, n, 4, { tol: 1e-11 });
    expect(hi.converged).toBe(true);
    // eigenvalue error ≤ residual²/gap ≪ residual ≤ 1e-11·‖A‖ (‖A‖ ≈ 80)
    for (let c = 0; c < 4; c++) expect(hi.values[c]).toBeCloseTo(ref[n - 4 + c], 8);
    checkPairs(a, hi, 1e-8);
    const lo = lanczosEigenpairs(op, n, 3, { which: 'smallest', tol: 1e-11 });
    for (let c = 0; c < 3; c++) expect(lo.values[c]).toBeCloseTo(ref[c], 8);
    expect(lo.iterations).toBeGreaterThan(1); // restarts were needed and kept the pairs
  });
  it('with ncv = n it is a full Rayleigh–Ritz (exact after one cycle) and restarts after an invariant subspace', () => {
    const a = pathLaplacian(12);
    const ref = eigh(csrToDense(a)).values;
    const r = lanczosEigenpairs(csrOperator(a), 12, 12, { ncv: 12 });
    for (let c = 0; c < 12; c++) expect(r.values[c]).toBeCloseTo(ref[c], 12);
    // a start vector inside a 2-D invariant subspace of diag(1, 1, 2, 2, ...)
    const d = csrFromTriplets(
      8,
      8,
      [0, 1, 2, 3, 4, 5, 6, 7],
      [0, 1, 2, 3, 4, 5, 6, 7],
      [1, 1, 2, 2, 3, 3, 9, 10],
    );
    const s = lanczosEigenpairs(csrOperator(d), 8, 2, {
      start: Float64Array.of(0, 0, 0, 0, 0, 0, 1, 1),
      ncv: 5,
    });
    expect(Array.from(s.values)).toEqual([9, 10].map((v) => expect.closeTo(v, 12)));
  });
  it('reports non-convergence, or throws it with strict, and validates its arguments', () => {
    const a = pathLaplacian(400);
    const r = lanczosEigenpairs(csrOperator(a), 400, 2, { which: 'smallest', maxIter: 2 });
    expect(r.converged).toBe(false);
    expect(() =>
      lanczosEigenpairs(csrOperator(a), 400, 2, { which: 'smallest', maxIter: 2, strict: true }),
    ).toThrow(ConvergenceError);
    expect(() => lanczosEigenpairs(csrOperator(a), 400, 0)).toThrow(InvalidArgumentError);
    expect(() => lanczosEigenpairs(csrOperator(a), 400, 2, { ncv: 2 })).toThrow(
      InvalidArgumentError,
    );
  });
});

describe('lobpcg', () => {
  it('finds the smallest and largest eigenpairs (vs dense eigh), faster with a good preconditioner', () => {
    const n = 300;
    const a = randomSymmetric(n, 11);
    const ref = eigh(csrToDense(a)).values;
    const op = csrOperator(a);
    const lo = lobpcg(op, n, 3, { tol: 1e-9 });
    expect(lo.converged).toBe(true);
    for (let c = 0; c < 3; c++) expect(lo.values[c]).toBeCloseTo(ref[c], 7);
    checkPairs(a, lo, 1e-6);
    const hi = lobpcg(op, n, 3, { which: 'largest', tol: 1e-9 });
    for (let c = 0; c < 3; c++) expect(hi.values[c]).toBeCloseTo(ref[n - 3 + c], 7);
    // shifted path Laplacian: the exact inverse as preconditioner converges in a few steps
    const L = pathLaplacian(200);
    const plain = lobpcg(csrOperator(L), 200, 2, { tol: 1e-8, maxIter: 2000 });
    const dense = csrToDense(L);
    for (let q = 0; q < 200; q++) dense.data[q * 201] += 1e-2;
    const e = eigh(dense);
    const inv = (x: Float64Array, out: Float64Array) => {
      // (L + 0.01 I)⁻¹ x through the dense eigendecomposition
      const c = new Float64Array(200);
      for (let j = 0; j < 200; j++) {
        let s = 0;
        for (let q = 0; q < 200; q++) s += e.vectors.data[q * 200 + j] * x[q];
        c[j] = s / e.values[j];
      }
      out.fill(0);
      for (let q = 0; q < 200; q++)
        for (let j = 0; j < 200; j++) out[q] += e.vectors.data[q * 200 + j] * c[j];
    };
    const pre = lobpcg(csrOperator(L), 200, 2, { tol: 1e-8, preconditioner: inv });
    expect(pre.converged).toBe(true);
    expect(pre.iterations).toBeLessThan(plain.iterations / 5);
    expect(pre.values[1]).toBeCloseTo(2 - 2 * Math.cos(Math.PI / 200), 9);
  });
  it('validates its arguments', () => {
    const op = csrOperator(pathLaplacian(6));
    expect(() => lobpcg(op, 6, 2)).toThrow(InvalidArgumentError);
    expect(() => lobpcg(op, 6, 1, { which: 'middle' as 'largest' })).toThrow(InvalidArgumentError);
  });
});

describe('sparseEigsh', () => {
  it('sparseEigsh(L, k, { sigma }) gives the smallest path-Laplacian eigenvalues 2 − 2cos(jπ/n)', () => {
    const n = 500;
    const L = pathLaplacian(n);
    const r = sparseEigsh(L, 5, { sigma: -1e-3 });
    expect(r.converged).toBe(true);
    for (let j = 0; j < 5; j++)
      expect(r.values[j]).toBeCloseTo(2 - 2 * Math.cos((j * Math.PI) / n), 12);
    checkPairs(L, r, 1e-10);
    // without the shift: Lanczos on the largest end (well separated) is quick too
    const top = sparseEigsh(L, 2, { which: 'largest' });
    expect(top.values[1]).toBeCloseTo(2 - 2 * Math.cos(((n - 1) * Math.PI) / n), 10);
    const lob = sparseEigsh(pathLaplacian(60), 2, { method: 'lobpcg', tol: 1e-9, maxIter: 3000 });
    expect(lob.values[1]).toBeCloseTo(2 - 2 * Math.cos(Math.PI / 60), 7);
  });
  it('refuses a shift above the spectrum and bad options', () => {
    const L = pathLaplacian(20);
    expect(() => sparseEigsh(L, 2, { sigma: 0.5 })).toThrow(NotPositiveDefiniteError);
    expect(() => sparseEigsh(L, 2, { sigma: -1, which: 'largest' })).toThrow(InvalidArgumentError);
    expect(() => sparseEigsh(L, 2, { method: 'arpack' as 'lanczos' })).toThrow(
      InvalidArgumentError,
    );
  });
});
