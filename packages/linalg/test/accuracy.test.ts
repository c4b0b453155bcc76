// Accuracy target of the symmetric spectral area (issue 3): on every fixture of
// gen_symmetric.py the error of eigh, svd, logmSym and sqrtmSym, measured against the mpmath
// 50-digit reference, is no worse than twice NumPy/SciPy's error on the same input (plus a
// floor, below). `npx tsx scripts/accuracy-report.ts` prints the same numbers as a table.
import { describe, expect, it } from 'vitest';
import { type AccuracyRow, accuracyRows, EPS } from './symmetric-accuracy.js';

/**
 * Floor under which a difference is rounding noise rather than accuracy: a backward-stable
 * float64 method guarantees the normalized measures (valuesAbs, residual, orthogonality and the
 * relative Frobenius error of a function of a well-conditioned matrix) only to c·n·ε, so two
 * such methods may differ by a few n·ε; we allow 4·n·ε. For relative eigenvalue / singular value
 * errors the same backward error allows c·n·ε·κ (Weyl: |δλ| ≤ ‖δA‖₂), κ = ‖A‖₂ / min|λ|.
 */
function floor(r: AccuracyRow): number {
  const base = 4 * Math.max(r.n, 2) * EPS;
  return r.measure === 'valuesRel' ? base * r.kappa : base;
}

const rows = accuracyRows();

describe('accuracy against mpmath (ours ≤ 2 × NumPy/SciPy + floor)', () => {
  for (const r of rows) {
    it(`${r.op} ${r.name} (${r.regime}) ${r.measure}: ours ≤ 2 × ${r.peerName}`, () => {
      expect(r.ours).toBeLessThanOrEqual(2 * r.peer + floor(r));
    });
  }
});

describe('relative accuracy for ill-conditioned and graded SPD matrices', () => {
  // The mixed-precision refinement in eigh (refine: 'auto') gives eigenvalues, logm and sqrtm
  // with relative error of a few ε even at condition 1e14, where LAPACK's backward-stable
  // answer is only good to ε·κ. 4·n·ε is the claim, independent of κ.
  const spd = rows.filter(
    (r) =>
      (r.regime === 'ill-conditioned SPD' || r.regime === 'graded SPD') &&
      ((r.op === 'eigh' && r.measure === 'valuesRel') || r.op === 'logmSym' || r.op === 'sqrtmSym'),
  );
  it('covers every SPD fixture', () => {
    expect(spd.length).toBeGreaterThanOrEqual(9 * 3);
  });
  for (const r of spd) {
    it(`${r.op} ${r.name} ${r.measure} ≤ 4nε (${r.peerName} has ${r.peer.toExponential(1)})`, () => {
      expect(r.ours).toBeLessThanOrEqual(4 * r.n * EPS);
    });
  }
});
