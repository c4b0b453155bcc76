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
    // off-diagonal entry passes the skip test; 1e-17 and ε (= ε·√(1·1), the bound) do, while an
    // absolute floor alone would rotate both. d = (1, 1) is 1 ± 1e-17 rounded.
    for (const off of [1e-17, EPS]) {
      const d = new Float64Array(2);
      expect(jacobiEigen(2, Float64Array.of(1, off, off, 1), d, null, 1)).toBe(true);
      expect(Array.from(d)).toEqual([1, 1]);
    }
    // just above the bound one rotation is needed, so one sweep is not enough
    const d = new Float64Array(2);
    expect(jacobiEigen(2, Float64Array.of(1, 2 * EPS, 2 * EPS, 1), d, null, 1)).toBe(false);
  });

  it('rotates by couplings far below ε²‖A‖ when the relative test asks for it, and by tan θ ≈ 1/(2θ) when θ² overflows', () => {
    // [[1, 1e-33], [1e-33, 2e-66]]: λ_min = 2e-66 − 1e-66 (to 1e-99 relative: the exact
    // eigenvalues are (1 + c ∓ √((1 − c)² + 4b²))/2 with b = 1e-33, c = 2e-66)
    const d = new Float64Array(2);
    expect(jacobiEigen(2, Float64Array.of(1, 1e-33, 1e-33, 2e-66), d, null)).toBe(true);
    const [lo, hi] = Array.from(d).sort((x, y) => x - y);
    expect(Math.abs(lo - 1e-66) / 1e-66).toBeLessThanOrEqual(4 * EPS);
    expect(hi).toBe(1);
    // b = 1e-160, c = 1e-300: θ = (c − 1)/(2b) ≈ −5e159, θ² overflows. The eigenvector of λ ≈ 1
    // is (1, b/(1 − c)) to 1e-300 relative, so its second entry is 1e-160; tan θ taken as 0
    // would give exactly 0.
    const vt = new Float64Array(4);
    expect(jacobiEigen(2, Float64Array.of(1, 1e-160, 1e-160, 1e-300), d, vt)).toBe(true);
    const big = d[0] > d[1] ? 0 : 1;
    const v = [vt[big * 2], vt[big * 2 + 1]];
    expect(Math.abs(v[1] / v[0] - 1e-160) / 1e-160).toBeLessThanOrEqual(4 * EPS);
    expect(d[1 - big]).toBe(1e-300);
  });
});
