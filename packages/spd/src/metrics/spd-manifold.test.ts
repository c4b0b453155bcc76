// spdManifold(metric) in @rg/optim's Manifold shape: the shared manifold identities, the core
// optimizers on the Karcher-mean problem (their limit checked against frechetMean), and the
// deprecated riemannianSGD/riemannianAdam as thin wrappers of optim's sgd/adam.
import { fromRows, identity, type Matrix, type Rng, rng } from '@rg/linalg';
import { describeManifold, describeOptimizers } from '@rg/manifold-suite';
import { adam, adamw, cosineSchedule, stiefel as optimStiefel, sgd } from '@rg/optim';
import { describe, expect, it } from 'vitest';
import { randomSPD } from '../../test/helpers.js';
import {
  affineInvariant,
  frechetMean,
  logCholesky,
  logEuclidean,
  type Parameter,
  powerDeformed,
  riemannianAdam,
  riemannianSGD,
  spdManifold,
} from '../index.js';

describeManifold('spdManifold(affineInvariant) (4×4)', {
  manifold: spdManifold(affineInvariant),
  rows: 4,
  cols: 4,
});
describeManifold('spdManifold(logEuclidean) (3×3)', {
  manifold: spdManifold(logEuclidean),
  rows: 3,
  cols: 3,
});
// the log-Cholesky core has no closed-form gradient conversion: this also checks the Gram solve
describeManifold('spdManifold(logCholesky) (3×3)', {
  manifold: spdManifold(logCholesky),
  rows: 3,
  cols: 3,
});
describeManifold('spdManifold(powerDeformed(affineInvariant, ½)) (3×3)', {
  manifold: spdManifold(powerDeformed(affineInvariant, 0.5)),
  rows: 3,
  cols: 3,
});

function congruenceBy(a: Matrix, x: Matrix): Matrix {
  const n = x.rows;
  const ax = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a.data[i * n + k] * x.data[k * n + j];
      ax[i * n + j] = s;
    }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += ax[i * n + k] * a.data[j * n + k];
      out[i * n + j] = s;
    }
  return { rows: n, cols: n, data: out };
}

{
  // The Karcher problem f(P) = ½ Σ wᵢ d²(P, Xᵢ) under AIRM on 3×3 matrices of condition ≤ 10:
  // its Riemannian gradient is −Σ wᵢ Log_P(Xᵢ), so the Euclidean gradient handed to the
  // optimizers is P⁻¹(−Σ wᵢ Log_P Xᵢ)P⁻¹ (the inverse of ξ = P·sym(G)·P). Its minimizer is
  // frechetMean's result (computed to gradient 1e-13). The Riemannian Hessian's eigenvalues lie
  // in [1, h_max] with h_max ≈ 1.3 for this spread (a Hadamard manifold): sgd with lr 0.5
  // contracts by ρ = max|1 − 0.5h| ≤ 0.5 per step and heavy-ball momentum 0.5 by about √0.5, so
  // 200 steps reach the rounding floor (the AIRM distance of two SPD matrices that agree to a few
  // ulp, ~1e-15); 1e-10 leaves margin. Adam anneals its step to 0 with a cosine schedule: a
  // stalled run stays above 1e-3, a converged one ends near the floor, and 1e-9 separates them.
  // AdamW runs without decay (a decay toward I would move the minimizer).
  const points = Array.from({ length: 5 }, (_, i) => randomSPD(3, 700 + i, 10));
  const w = [0.1, 0.3, 0.2, 0.25, 0.15];
  const target = frechetMean(points, affineInvariant, { weights: w, tol: 1e-13, maxIter: 200 });
  const m = spdManifold(affineInvariant);
  const inverse = (p: Matrix): Matrix => affineInvariant.geodesic(identity(3), p, -1);
  describeOptimizers(
    'Karcher mean ½Σwᵢd²(P, Xᵢ) on SPD(3) under AIRM → frechetMean',
    {
      manifold: m,
      start: identity(3),
      gradient(p) {
        const xi = new Float64Array(9);
        points.forEach((x, i) => {
          const l = affineInvariant.unchecked.log(p, x).data;
          for (let k = 0; k < 9; k++) xi[k] -= w[i] * l[k];
        });
        return congruenceBy(inverse(p), { rows: 3, cols: 3, data: xi });
      },
      error: (p) => affineInvariant.distance(p, target.mean),
      // Euclidean gradients P^{-½} S P^{-½} with S symmetric of norm 0.4: Riemannian gradients of
      // AIRM norm 0.4, so a step moves by at most lr·0.4/(1 − μ) = 0.4 and 100 steps random-walk a
      // distance of about 0.4·√100 = 4 (log-eigenvalue spread below ~10, far inside float64; the
      // suite's default Gaussian of norm 10 would walk to κ ≈ e^100). A Gaussian G instead would
      // give ‖P G P‖ growing with P and steps that leave the float64 range.
      randomGradient(p: Matrix, random: Rng) {
        const s = spdManifold().randomTangent?.(identity(3), random) as Matrix;
        const scaled = { rows: 3, cols: 3, data: s.data.map((v) => 0.4 * v) };
        return congruenceBy(affineInvariant.geodesic(identity(3), p, -0.5), scaled);
      },
    },
    {
      sgd: { make: () => sgd({ lr: 0.5 }), steps: 200, tolerance: 1e-10 },
      'sgd-momentum': { make: () => sgd({ lr: 0.5, momentum: 0.5 }), steps: 200, tolerance: 1e-10 },
      'sgd-nesterov': {
        make: () => sgd({ lr: 0.3, momentum: 0.5, nesterov: true }),
        steps: 200,
        tolerance: 1e-10,
      },
      adam: {
        make: () => adam({ lr: cosineSchedule({ lr: 0.05, totalSteps: 1000 }) }),
        steps: 1000,
        tolerance: 1e-9,
      },
      adamw: {
        make: () => adamw({ lr: cosineSchedule({ lr: 0.05, totalSteps: 1000 }), weightDecay: 0 }),
        steps: 1000,
        tolerance: 1e-9,
      },
    },
  );
}

describe('spdManifold(metric)', () => {
  it("spdManifold() is the affine-invariant geometry named 'spd', memoized per metric, and accepts names", () => {
    expect(spdManifold().name).toBe('spd');
    expect(spdManifold('riemann')).toBe(spdManifold());
    expect(spdManifold(logEuclidean).name).toBe('spd(log-euclidean)');
    expect(() => spdManifold('nope' as never)).toThrow(/must be an SPDMetric or one of/);
  });

  it('one sgd step on a diagonal parameter is the closed form P·exp(−lr·P·G) (commuting case)', () => {
    // for diagonal P and G, ξ = PGP and Exp_P(−lr ξ) = P^½ exp(−lr P^{-½}ξP^{-½}) P^½ = P exp(−lr P G)
    const p = {
      name: 'P',
      value: fromRows([
        [2, 0],
        [0, 0.5],
      ]),
      grad: fromRows([
        [0.3, 0],
        [0, -1],
      ]),
      manifold: spdManifold(),
    };
    sgd({ lr: 0.7 }).step([p]);
    expect(p.value.data[0]).toBeCloseTo(2 * Math.exp(-0.7 * 2 * 0.3), 14);
    expect(p.value.data[3]).toBeCloseTo(0.5 * Math.exp(0.7 * 0.5), 14);
    expect(Math.abs(p.value.data[1])).toBeLessThan(1e-15);
  });

  it('weightDecay(P) is −Log_P(I) = P log P under AIRM (the gradient of ½d²(P, I))', () => {
    const d = spdManifold().weightDecay?.(
      fromRows([
        [Math.E, 0],
        [0, 1],
      ]),
    ) as Matrix;
    expect(d.data[0]).toBeCloseTo(Math.E, 14);
    expect(Math.abs(d.data[3])).toBeLessThan(1e-15);
  });

  it('validate() throws typed errors for non-square and non-SPD values', () => {
    const m = spdManifold();
    expect(() => m.validate?.('f', 'x', fromRows([[1, 2]]))).toThrow(/square/);
    expect(() =>
      m.validate?.(
        'f',
        'x',
        fromRows([
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toThrow(/positive definite/);
  });
});

describe('riemannianSGD / riemannianAdam (deprecated) are optim sgd / adam', () => {
  const cases: Array<
    [string, () => { step(p: readonly Parameter[]): void }, () => ReturnType<typeof sgd>]
  > = [
    [
      'riemannianSGD',
      () => riemannianSGD({ lr: 0.05, momentum: 0.9, weightDecay: 0.1 }),
      () => sgd({ lr: 0.05, momentum: 0.9, weightDecay: 0.1 }),
    ],
    [
      'riemannianAdam',
      () => riemannianAdam({ lr: 0.05, beta1: 0.8 }),
      () => adam({ lr: 0.05, beta1: 0.8 }),
    ],
  ];
  for (const [name, legacy, modern] of cases)
    it(`${name} gives bitwise the values of the optim optimizer on SPD, Stiefel and Euclidean parameters`, () => {
      const r = rng(4);
      const spd0 = randomSPD(3, 41, 20);
      const old: Parameter[] = [
        { name: 's', manifold: 'spd', value: spd0, grad: undefined },
        {
          name: 'w',
          manifold: 'stiefel',
          value: fromRows([
            [1, 0],
            [0, 1],
            [0, 0],
          ]),
          grad: undefined,
        },
        { name: 'e', manifold: 'euclidean', value: fromRows([[1, -2, 0.5]]), grad: undefined },
      ];
      const manifolds = [spdManifold(), optimStiefel, undefined];
      const fresh = old.map((p, i) => ({
        name: p.name,
        value: { ...p.value, data: p.value.data.slice() },
        grad: undefined as Matrix | undefined,
        manifold: manifolds[i],
      }));
      const a = legacy();
      const b = modern();
      for (let k = 0; k < 30; k++) {
        const grads = old.map((p) => ({
          rows: p.value.rows,
          cols: p.value.cols,
          data: Float64Array.from({ length: p.value.data.length }, () => 0.3 * r.normal()),
        }));
        // a symmetric gradient for the SPD parameter
        const g = grads[0].data;
        for (let i = 0; i < 3; i++) for (let j = 0; j < i; j++) g[j * 3 + i] = g[i * 3 + j];
        old.forEach((p, i) => {
          p.grad = grads[i];
        });
        fresh.forEach((p, i) => {
          p.grad = grads[i];
        });
        a.step(old);
        b.step(fresh);
      }
      old.forEach((p, i) => {
        expect(Array.from(p.value.data)).toEqual(Array.from(fresh[i].value.data));
      });
      // the old contract: a new value Matrix per update, the caller's Matrix untouched
      expect(old[0].value).not.toBe(spd0);
      expect(Array.from(spd0.data)).toEqual(Array.from(randomSPD(3, 41, 20).data));
    });
});
