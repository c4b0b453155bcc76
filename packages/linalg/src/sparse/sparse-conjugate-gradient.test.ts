import { describe, expect, it } from 'vitest';
import {
  csrFromTriplets,
  csrToDense,
  InvalidArgumentError,
  matrix,
  NotPositiveDefiniteError,
  NotSymmetricError,
  rng,
  solve,
  sparseConjugateGradient,
} from '../index.js';

/** The 1-D Poisson matrix tridiag(−1, 2 + shift, −1). */
function poisson(n: number, shift: number) {
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < n; i++) {
    rows.push(i);
    cols.push(i);
    vals.push(2 + shift);
    if (i + 1 < n) {
      rows.push(i, i + 1);
      cols.push(i + 1, i);
      vals.push(-1, -1);
    }
  }
  return csrFromTriplets(n, n, rows, cols, vals);
}

describe('sparseConjugateGradient', () => {
  it('sparseConjugateGradient(A, b) matches a dense solve, with and without Jacobi', () => {
    const n = 80;
    const a = poisson(n, 0.01);
    const r = rng(3);
    const b = Float64Array.from({ length: n }, () => r.normal());
    const ref = solve(csrToDense(a), matrix(n, 1, b)).data;
    for (const preconditioner of ['jacobi', 'none'] as const) {
      const s = sparseConjugateGradient(a, b, { tol: 1e-12, preconditioner });
      expect(s.converged).toBe(true);
      // ‖x − x*‖/‖x*‖ ≤ κ·tol with κ ≈ 400 for this shift
      let err = 0;
      let nrm = 0;
      for (let i = 0; i < n; i++) {
        err += (s.x[i] - ref[i]) ** 2;
        nrm += ref[i] ** 2;
      }
      expect(Math.sqrt(err / nrm)).toBeLessThan(400 * 1e-12 * 10);
    }
  });
  it('a user preconditioner is used, and bad input throws typed errors', () => {
    const a = poisson(10, 1);
    let calls = 0;
    const s = sparseConjugateGradient(a, new Float64Array(10).fill(1), {
      preconditioner: (x, out) => {
        calls++;
        out.set(x);
      },
    });
    expect(s.converged).toBe(true);
    expect(calls).toBeGreaterThan(0);
    expect(() =>
      sparseConjugateGradient(
        csrFromTriplets(2, 2, [0, 1], [0, 1], [1, -1]),
        Float64Array.of(1, 1),
      ),
    ).toThrow(NotPositiveDefiniteError);
    expect(() =>
      sparseConjugateGradient(csrFromTriplets(2, 2, [0], [1], [1]), Float64Array.of(1, 1)),
    ).toThrow(NotSymmetricError);
    expect(() =>
      sparseConjugateGradient(a, new Float64Array(10), { preconditioner: 'ilu' as 'none' }),
    ).toThrow(InvalidArgumentError);
    expect(() => sparseConjugateGradient(a, new Float64Array(3))).toThrow(/length 10/);
  });
});
