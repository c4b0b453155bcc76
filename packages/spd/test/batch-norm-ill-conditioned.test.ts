// Batch normalization on inputs whose condition number approaches 1/ε (HDM05-like skeleton
// covariances reach κ ≈ 1e10): the BW square roots on the tape meet eigenvalues that rounding
// pushed below zero, and the tridiagonal QL iteration can stall on such graded matrices. Both
// made BW- and GBW-RBN produce NaN; these tests fail when either guard is removed.
import { eigh, type Matrix, matmul, randomOrthogonal, randomSPD, rng } from '@rg/linalg';
import { eigensystem } from '@rg/linalg/kernels';
import { describe, expect, it } from 'vitest';
import { buresWasserstein, frechetMean, RiemannianBatchNorm } from '../src/index.js';
import { SQRT, Tape } from '../src/internal/autodiff.js';

const finite = (ms: readonly Matrix[]) => ms.every((m) => m.data.every(Number.isFinite));

function batchOf(n: number, size: number, condition: number, seed: number): Matrix[] {
  const r = rng(seed);
  return Array.from({ length: size }, () => randomSPD(n, r, { condition }));
}

describe('RiemannianBatchNorm on matrices with κ near 1/ε', () => {
  for (const metric of ['bures-wasserstein', 'generalized-bures-wasserstein'] as const)
    it(`${metric}: forward and backward stay finite for κ = 1e12 batches, outputs SPD`, () => {
      // without the floor on the roots of G^½XG^½, 9 of 10 such batches (6×6, κ 1e11–1e13) threw
      for (let seed = 1; seed <= 4; seed++) {
        const batch = batchOf(6, 6, 1e12, seed);
        const bn = new RiemannianBatchNorm({ n: 6, metric, meanMaxIter: 5 });
        const out = bn.forward(batch);
        expect(finite(out)).toBe(true);
        for (const o of out) expect(eigh(o).values[0]).toBeGreaterThan(0);
        const g = bn.backward(out.map((o) => ({ ...o, data: o.data.map((_, k) => k % 7) })));
        expect(finite(g.input)).toBe(true);
        expect(Number.isFinite(g.scale)).toBe(true);
        expect(finite([g.bias])).toBe(true);
      }
    });

  it('bures-wasserstein: the output batch is still centred at the bias W = I', () => {
    const batch = batchOf(6, 6, 1e12, 7);
    const bn = new RiemannianBatchNorm({ n: 6, metric: 'bures-wasserstein', eps: 0 });
    const out = bn.forward(batch);
    const m = frechetMean(out, buresWasserstein).mean;
    // at κ = 1e12 the batch's BW fixed point converges slowly: after its default 50 iterations
    // the gradient norm is still above the tolerance, and the output mean misses I by about 2e-4
    // (measured for this seed; 1e-8 for κ = 1e6 batches), so three digits are asserted
    let err = 0;
    for (let i = 0; i < 6; i++)
      for (let j = 0; j < 6; j++)
        err = Math.max(err, Math.abs(m.data[i * 6 + j] - (i === j ? 1 : 0)));
    expect(err).toBeLessThan(1e-3);
  });
});

describe('Tape.spectral when the QL iteration stalls', () => {
  it('the square root of a 70×70 matrix with one large and many rounding-level eigenvalues is finite and squares back', () => {
    // the spectrum of G^½XG^½ in an HDM05-like BW-RBN batch: 210, a few decades below it, and
    // some fifty eigenvalues at the rounding level (±1e-15); with such spectra linalg's QL
    // reported converged: false for 35 of 40 random eigenbases (and NaN values), which made
    // BW-RBN fail; the tape then retries with Jacobi
    const n = 70;
    const r = rng(1000);
    const lam = Array.from({ length: n }, (_, k) =>
      k === n - 1 ? 1 : k >= n - 8 ? 10 ** (-3 - 1.5 * (n - 1 - k)) : r.uniform() * 6e-16 - 1e-16,
    );
    const q = randomOrthogonal(n, rng(0)).data;
    const c = new Float64Array(n * n);
    for (let a = 0; a < n; a++)
      for (let b = 0; b <= a; b++) {
        let v = 0;
        for (let k = 0; k < n; k++) v += q[a * n + k] * lam[k] * q[b * n + k];
        c[a * n + b] = v;
        c[b * n + a] = v;
      }
    const direct = eigensystem(n, c);
    const tape = new Tape();
    // the negative eigenvalues are not the point here: the root is taken of max(λ, 0)
    const root = tape.spectral(tape.constant(c, n), {
      ...SQRT,
      f: (v) => Math.sqrt(Math.max(v, 0)),
    });
    expect(root.value.every(Number.isFinite), `QL converged: ${direct.converged}`).toBe(true);
    // R² = C up to the eigensystem's backward error, a small multiple of n·ε·‖C‖ (‖C‖ ≈ 1 here;
    // measured 0.009·n·ε), plus the clamped negative eigenvalues (≤ 1e-16)
    const r2 = matmul(
      { rows: n, cols: n, data: root.value },
      { rows: n, cols: n, data: root.value },
    );
    let err = 0;
    for (let k = 0; k < n * n; k++) err = Math.max(err, Math.abs(r2.data[k] - c[k]));
    expect(err).toBeLessThan(n * Number.EPSILON);
  });
});
