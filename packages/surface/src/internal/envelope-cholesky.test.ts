import { matrix, rng, solve } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { csrFromTriplets, csrMatvec } from './csr.js';
import { envelopeCholesky, envelopeSolve, reverseCuthillMcKee } from './envelope-cholesky.js';

/** A random sparse SPD matrix: a random graph Laplacian plus a positive diagonal. */
function randomSparseSPD(n: number, seed: number) {
  const r = rng(seed);
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  for (let e = 0; e < 3 * n; e++) {
    const i = r.int(n);
    const j = r.int(n);
    if (i === j) continue;
    const w = 0.1 + r.uniform();
    rows.push(i, j, i, j);
    cols.push(j, i, i, j);
    vals.push(-w, -w, w, w);
  }
  for (let i = 0; i < n; i++) {
    rows.push(i);
    cols.push(i);
    vals.push(0.01 + r.uniform());
  }
  return { rows, cols, vals };
}

describe('envelopeCholesky + envelopeSolve', () => {
  it('solves sparse SPD systems like a dense LU solve (random graph Laplacians + diagonal)', () => {
    for (const seed of [1, 2, 3]) {
      const n = 60;
      const t = randomSparseSPD(n, seed);
      const A = csrFromTriplets(n, t.rows, t.cols, t.vals);
      const perm = reverseCuthillMcKee(A);
      expect(Array.from(perm).sort((a, b) => a - b)).toEqual(
        Array.from({ length: n }, (_, i) => i),
      );
      const f = envelopeCholesky(A, perm);
      if (typeof f === 'number') throw new Error('not SPD');
      const b = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
      const x = envelopeSolve(f, b);
      const dense = new Float64Array(n * n);
      for (let k = 0; k < t.rows.length; k++) dense[t.rows[k] * n + t.cols[k]] += t.vals[k];
      const ref = solve(matrix(n, n, dense), matrix(n, 1, b)).data;
      // both backward stable; the condition number of these matrices is ≤ ~1e4
      for (let i = 0; i < n; i++) expect(x[i]).toBeCloseTo(ref[i], 9);
      const ax = new Float64Array(n);
      csrMatvec(A, x, ax);
      for (let i = 0; i < n; i++) expect(ax[i]).toBeCloseTo(b[i], 11);
    }
  });
  it('sums duplicate triplets and reports the first non-positive pivot of an indefinite matrix', () => {
    const A = csrFromTriplets(2, [0, 0, 1, 0, 1], [0, 0, 1, 1, 0], [1, 1, -1, 0.5, 0.5]);
    expect(Array.from(A.val)).toEqual([2, 0.5, 0.5, -1]);
    expect(envelopeCholesky(A, Int32Array.of(0, 1))).toBe(1);
  });
});
