// Issue #15 finding 11: a rank-deficient matrix that @rg/linalg's cholesky accepted was refused
// by spd's own Cholesky. One kernel, one rule: spd decides "is this SPD?" with linalg's
// choleskyLower, so isPoint and the SPD checks of every metric agree with cholesky() on every
// matrix, including rank-deficient ones whose rounded pivots stay (barely) positive.
import {
  cholesky,
  fromRows,
  identity,
  type Matrix,
  matmulTransB,
  matrix,
  NotPositiveDefiniteError,
  rng,
} from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { affineInvariant } from './index.js';

const accepts = (a: Matrix): boolean => {
  try {
    cholesky(a);
    return true;
  } catch (e) {
    expect(e).toBeInstanceOf(NotPositiveDefiniteError);
    return false;
  }
};

describe('spd and linalg agree on what is positive definite', () => {
  const r = rng(3);
  const cases: Matrix[] = [
    fromRows([
      [1, 1],
      [1, 1],
    ]),
    fromRows([
      [4, 2],
      [2, 1],
    ]),
    fromRows([
      [1, 0],
      [0, -1e-300],
    ]),
    identity(3),
  ];
  // rank-3 Gram matrices V Vᵀ of size 5: singular in exact arithmetic, some accepted after rounding
  for (let k = 0; k < 20; k++) {
    const v = matrix(
      5,
      3,
      Array.from({ length: 15 }, () => r.normal()),
    );
    cases.push(matmulTransB(v, v));
  }

  it('isPoint(a) and the metric SPD checks say yes exactly when cholesky(a) succeeds', () => {
    let acceptedSingular = 0;
    for (const a of cases) {
      const ok = accepts(a);
      expect(affineInvariant.isPoint(a)).toBe(ok);
      const distance = () => affineInvariant.distance(a, identity(a.rows));
      if (ok) expect(Number.isFinite(distance())).toBe(true);
      else expect(distance).toThrow(NotPositiveDefiniteError);
      if (ok && a.rows === 5) acceptedSingular++;
    }
    // the set includes the case of the finding: rank-deficient yet accepted by cholesky
    expect(acceptedSingular).toBeGreaterThan(0);
  });
});
