// The cyclic Jacobi kernel called directly: its sweep limit and convergence flag, which eigh()
// never reaches with its default of 40 sweeps (mutation testing: tooling/mutation).
import { describe, expect, it } from 'vitest';
import { jacobiEigen } from './symmetric-eigensolvers.js';

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
});
