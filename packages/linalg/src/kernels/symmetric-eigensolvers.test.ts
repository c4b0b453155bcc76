// The cyclic Jacobi kernel called directly: its sweep limit and convergence flag, which eigh()
// never reaches with its default of 40 sweeps (mutation testing: tooling/mutation).
import { describe, expect, it } from 'vitest';
import { jacobiEigen } from './symmetric-eigensolvers.js';

const EPS = 2 ** -52;

// A dense 3×3 with distinct eigenvalues 1, 2, 4 (A = Q diag(1, 2, 4) Qᵀ for the rotation Q of
// Householder's u = (1, 1, 1)/√3: Q = I − 2uuᵀ), so every off-diagonal entry is non-zero.
const dense3 = (): Float64Array => {
  const lambda = [1, 2, 4];
  const q = (i: number, j: number) => (i === j ? 1 : 0) - 2 / 3;
  const a = new Float64Array(9);
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) {
      let s = 0;
      for (let k = 0; k < 3; k++) s += q(i, k) * lambda[k] * q(j, k);
      a[i * 3 + j] = s;
    }
  return a;
};

describe('jacobiEigen (cyclic Jacobi kernel)', () => {
  it('maxSweeps = 0 rotates nothing: d is the diagonal of a, vt the identity, and it reports no convergence', () => {
    const a = dense3();
    const diag = [a[0], a[4], a[8]];
    const d = new Float64Array(3);
    const vt = new Float64Array(9).fill(Number.NaN);
    expect(jacobiEigen(3, a, d, vt, 0)).toBe(false);
    expect(Array.from(d)).toEqual(diag);
    expect(Array.from(vt)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('one sweep does not diagonalize a dense 3×3 (false); the default limit does, to the exact spectrum', () => {
    const d = new Float64Array(3);
    // after one cyclic sweep the (0, 1) entry, annihilated first, is refilled by the later
    // rotations (it is non-zero unless the (0, 2) and (1, 2) rotations are trivial)
    expect(jacobiEigen(3, dense3(), d, null, 1)).toBe(false);
    const vt = new Float64Array(9);
    expect(jacobiEigen(3, dense3(), d, vt)).toBe(true);
    const sorted = Array.from(d).sort((x, y) => x - y);
    for (let i = 0; i < 3; i++) expect(Math.abs(sorted[i] - [1, 2, 4][i])).toBeLessThan(8e-16 * 4);
  });

  it('skips |a_pq| ≤ ε·√|a_pp a_qq| (the relative test, bound included): such a matrix converges in one sweep', () => {
    // a sweep that rotates nothing is convergence, so maxSweeps = 1 suffices exactly when every
    // off-diagonal entry passes the skip test; 1e-17 and ε (= ε·√(1·1), the bound) do, while the
    // absolute floor ε²‖A‖ alone would rotate both. d = (1, 1) is 1 ± 1e-17 rounded.
    for (const off of [1e-17, EPS]) {
      const d = new Float64Array(2);
      expect(jacobiEigen(2, Float64Array.of(1, off, off, 1), d, null, 1)).toBe(true);
      expect(Array.from(d)).toEqual([1, 1]);
    }
    // just above the bound one rotation is needed, so one sweep is not enough
    const d = new Float64Array(2);
    expect(jacobiEigen(2, Float64Array.of(1, 2 * EPS, 2 * EPS, 1), d, null, 1)).toBe(false);
  });
});
