import { eigh, fromRows, type Matrix, matmul, randomOrthogonal, rng } from '@rg/linalg';
import { describeManifold, describeOptimizers } from '@rg/manifold-suite';
import { adam, adamw, cosineSchedule, sgd, stiefel } from '@rg/optim';
import { describe, expect, it } from 'vitest';
import { stiefelCanonical } from './index.js';

describeManifold('stiefelCanonical (8×3)', { manifold: stiefelCanonical, rows: 8, cols: 3 });
describeManifold('stiefelCanonical (square, 4×4)', {
  manifold: stiefelCanonical,
  rows: 4,
  cols: 4,
});
describeManifold('stiefelCanonical (a unit vector, 5×1)', {
  manifold: stiefelCanonical,
  rows: 5,
  cols: 1,
});

function scaled(a: Matrix, s: number): Matrix {
  return { rows: a.rows, cols: a.cols, data: a.data.map((v) => v * s) };
}

{
  // Brockett's cost tr(XᵀAXN), N = diag(3, 2, 1), on St(8, 3), as in @rg/optim's suite: column j
  // of the minimizer is ± the eigenvector of the (j+1)-th smallest eigenvalue. In the canonical
  // metric the Hessian eigenvalues at the minimizer lie in about [1, 36] (the in-span block is
  // weighted by ½): lr 0.03 with μ = 0.5 converges at rate ≤ 0.97; 1500 steps reach the rounding
  // floor of the eigh reference (≈ 1e-15), and 1e-12 leaves three orders of margin. Adam as there.
  const q = randomOrthogonal(8, rng(4));
  const spectrum = [1, 2, 3, 5, 5.5, 6, 6.5, 7];
  const a = { rows: 8, cols: 8, data: new Float64Array(64) };
  for (let i = 0; i < 8; i++)
    for (let j = 0; j < 8; j++) {
      let s = 0;
      for (let k = 0; k < 8; k++) s += q.data[i * 8 + k] * spectrum[k] * q.data[j * 8 + k];
      a.data[i * 8 + j] = s;
    }
  const { vectors } = eigh(a);
  const weights = [3, 2, 1];
  const offLine = (x: Matrix, j: number) => {
    let c = 0;
    for (let i = 0; i < 8; i++) c += x.data[i * 3 + j] * vectors.data[i * 8 + j];
    let s = 0;
    for (let i = 0; i < 8; i++) s += (x.data[i * 3 + j] - c * vectors.data[i * 8 + j]) ** 2;
    return Math.sqrt(s);
  };
  describeOptimizers(
    "Brockett's cost on St(8, 3) with the canonical metric and the Cayley retraction (vs eigh)",
    {
      manifold: stiefelCanonical,
      start: stiefel.randomPoint?.(8, 3, rng(6)) as Matrix,
      gradient: (x) => {
        const ax = matmul(a, x);
        return { ...ax, data: ax.data.map((v, i) => 2 * weights[i % 3] * v) };
      },
      error: (x) => Math.max(offLine(x, 0), offLine(x, 1), offLine(x, 2)),
    },
    {
      sgd: { make: () => sgd({ lr: 0.04 }), steps: 2000, tolerance: 1e-12 },
      'sgd-momentum': {
        make: () => sgd({ lr: 0.03, momentum: 0.5 }),
        steps: 1500,
        tolerance: 1e-12,
      },
      'sgd-nesterov': {
        make: () => sgd({ lr: 0.03, momentum: 0.5, nesterov: true }),
        steps: 1500,
        tolerance: 1e-12,
      },
      adam: {
        make: () => adam({ lr: cosineSchedule({ lr: 0.02, totalSteps: 3000 }) }),
        steps: 3000,
        tolerance: 1e-10,
      },
      adamw: {
        make: () => adamw({ lr: cosineSchedule({ lr: 0.02, totalSteps: 3000 }), weightDecay: 0.1 }),
        steps: 3000,
        tolerance: 1e-10,
      },
    },
  );
}

describe('stiefelCanonical', () => {
  it('exp on St(n, 1) is the great circle cos‖h‖x + sin‖h‖ h/‖h‖ (the canonical metric is the embedded one there)', () => {
    const x = fromRows([[1], [0], [0]]);
    const h = fromRows([[0], [0.6], [0.8]]);
    const y = stiefelCanonical.exp?.(x, scaled(h, 2)) as Matrix;
    const expected = [Math.cos(2), Math.sin(2) * 0.6, Math.sin(2) * 0.8];
    for (let i = 0; i < 3; i++) expect(Math.abs(y.data[i] - expected[i])).toBeLessThan(1e-15);
  });

  it('exp(x, th) has constant canonical speed ‖h‖_c (a geodesic), checked by central differences', () => {
    const r = rng(3);
    const x = stiefel.randomPoint?.(6, 2, r) as Matrix;
    const h = stiefel.randomTangent?.(x, r) as Matrix;
    const speed = Math.sqrt(stiefelCanonical.inner(x, h, h));
    const exp = stiefelCanonical.exp?.bind(stiefelCanonical) as (x: Matrix, v: Matrix) => Matrix;
    for (const t of [0.3, 0.9, 1.7]) {
      const step = 1e-6;
      const p = exp(x, scaled(h, t));
      const fwd = exp(x, scaled(h, t + step));
      const bwd = exp(x, scaled(h, t - step));
      const v = { rows: 6, cols: 2, data: fwd.data.map((a, i) => (a - bwd.data[i]) / (2 * step)) };
      // central difference: truncation ~step²‖h‖³ ≈ 1e-11, rounding ~ε/step ≈ 1e-10
      expect(Math.abs(Math.sqrt(stiefelCanonical.inner(p, v, v)) - speed)).toBeLessThan(1e-8);
    }
  });

  it('the Cayley retraction stays orthonormal for huge steps and equals x + ξ to first order', () => {
    const r = rng(4);
    const x = stiefel.randomPoint?.(7, 3, r) as Matrix;
    const xi = stiefel.randomTangent?.(x, r) as Matrix;
    const far = stiefelCanonical.retract(x, scaled(xi, 1e4));
    expect(stiefel.isPoint?.(far, 1e-12)).toBe(true);
    const small = stiefelCanonical.retract(x, scaled(xi, 1e-7));
    for (let i = 0; i < x.data.length; i++)
      expect(Math.abs(small.data[i] - x.data[i] - 1e-7 * xi.data[i])).toBeLessThan(1e-13);
  });
});
