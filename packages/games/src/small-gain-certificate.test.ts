import {
  InvalidArgumentError,
  NonFiniteError,
  eigvals,
  expm,
  fromRows,
  matrix,
  rng,
} from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boxSet,
  defineGame,
  euclideanMonotonicity,
  type Game,
  quadraticGame,
  rk4Flow,
  simultaneousGD,
  smallGainCertificate,
  timescaleBand,
} from '../src/index.js';

const m1 = (v: number) => fromRows([[v]]);
/** Two scalar players with Jacobian [[μ₁, a], [b, μ₂]] and equilibrium (1, −1). */
function scalarGame(mu1: number, a: number, b: number, mu2: number): Game {
  return quadraticGame({
    blocks: [
      [m1(mu1), m1(a)],
      [m1(b), m1(mu2)],
    ],
    b: [[-(mu1 - a)], [-(b - mu2)]],
  });
}

/** λ_min of the symmetric 2×2 [[p, q], [q, s]] in closed form (independent of eigh). */
const lmin2 = (p: number, q: number, s: number) => 0.5 * (p + s) - Math.hypot(0.5 * (p - s), q);

/** λ_min of a symmetric 3×3 by the trigonometric formula (Smith 1961), independent of eigh. */
function lmin3(M: number[]): number {
  const [a, b, c, , d, e, , , f] = [M[0], M[1], M[2], M[3], M[4], M[5], M[6], M[7], M[8]];
  const q = (a + d + f) / 3;
  const p1 = b * b + c * c + e * e;
  const p2 = (a - q) ** 2 + (d - q) ** 2 + (f - q) ** 2 + 2 * p1;
  const p = Math.sqrt(p2 / 6);
  if (p === 0) return q;
  const B = [(a - q) / p, b / p, c / p, b / p, (d - q) / p, e / p, c / p, e / p, (f - q) / p];
  const detB =
    B[0] * (B[4] * B[8] - B[5] * B[7]) -
    B[1] * (B[3] * B[8] - B[5] * B[6]) +
    B[2] * (B[3] * B[7] - B[4] * B[6]);
  const phi = Math.acos(Math.max(-1, Math.min(1, detB / 2))) / 3;
  return q + 2 * p * Math.cos(phi + (2 * Math.PI) / 3);
}

describe('timescaleBand(μ₁, μ₂, L₁₂, L₂₁)', () => {
  it('r is inside the band iff the 2×2 weighted matrix M(1, r) is positive definite', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        fc.double({ min: -4, max: 4, noNaN: true }),
        (mu1, mu2, l12, l21, logr) => {
          const r = 10 ** logr;
          const band = timescaleBand(mu1, mu2, l12, l21);
          const det = r * mu1 * mu2 - 0.25 * (l12 + r * l21) ** 2;
          // stay away from the band edges, where both sides round differently
          if (Math.abs(det) < 1e-9 * (1 + r * r)) return;
          const inside = band !== null && r > band[0] && r < band[1];
          expect(inside).toBe(det > 0);
        },
      ),
      { numRuns: 500, seed: 19 },
    );
  });

  it('the band exists iff the small-gain product L₁₂L₂₁/(μ₁μ₂) is below 1', () => {
    expect(timescaleBand(1, 2, 1, 1.99)).not.toBeNull();
    expect(timescaleBand(1, 2, 1, 2.01)).toBeNull();
    expect(timescaleBand(-1, 2, 0, 0)).toBeNull();
    // no coupling back from player 1: every ratio above L₁₂²/(4μ₁μ₂) certifies
    expect(timescaleBand(1, 1, 2, 0)).toEqual([1, Number.POSITIVE_INFINITY]);
    expect(() => timescaleBand(1, 1, -1, 0)).toThrow(InvalidArgumentError);
    expect(() => timescaleBand(Number.NaN, 1, 0, 0)).toThrow(InvalidArgumentError);
  });
});

describe('smallGainCertificate(game, region)', () => {
  it('two players: the weights maximize λ_min(M(w)) over the simplex (grid search of 20001 points)', () => {
    for (const [mu1, a, b, mu2] of [
      [1, 0.2, 3, 1],
      [2, -1, 0.5, 0.3],
      [0.5, 0, 1, 2],
    ]) {
      const c = smallGainCertificate(scalarGame(mu1, a, b, mu2));
      let best = Number.NEGATIVE_INFINITY;
      for (let k = 1; k < 20001; k++) {
        const w1 = k / 20001;
        const w2 = 1 - w1;
        best = Math.max(
          best,
          lmin2(w1 * mu1, -0.5 * (w1 * Math.abs(a) + w2 * Math.abs(b)), w2 * mu2),
        );
      }
      // the grid misses the optimum by at most |dλ/dw|·Δw ≲ 3·5e-5; the optimizer must not be worse
      expect(c.margin).toBeGreaterThanOrEqual(best - 1e-12);
      expect(c.margin).toBeLessThan(best + 2e-4);
      expect(c.weights[0] + c.weights[1]).toBeCloseTo(1, 14);
      const r = c.weights[1] / c.weights[0];
      expect(c.band !== null && r > c.band[0] && r < c.band[1]).toBe(true);
    }
  });

  it('three players: the weights are optimal against a simplex grid (step 1/400) with the 3×3 closed form', () => {
    const r = rng(5);
    for (let trial = 0; trial < 4; trial++) {
      const mu = [0.5 + r.uniform(), 0.5 + r.uniform(), 0.5 + r.uniform()];
      const L = Array.from({ length: 9 }, (_, k) => (k % 4 === 0 ? 0 : 0.6 * r.uniform()));
      const blocks = [0, 1, 2].map((i) => [0, 1, 2].map((j) => m1(i === j ? mu[i] : L[i * 3 + j])));
      const c = smallGainCertificate(quadraticGame({ blocks, b: [[0], [0], [0]] }));
      let best = Number.NEGATIVE_INFINITY;
      const n = 400;
      for (let i = 1; i < n; i++)
        for (let j = 1; i + j < n; j++) {
          const w = [i / n, j / n, (n - i - j) / n];
          const M = [0, 1, 2].flatMap((p) =>
            [0, 1, 2].map((q) =>
              p === q ? w[p] * mu[p] : -0.5 * (w[p] * L[p * 3 + q] + w[q] * L[q * 3 + p]),
            ),
          );
          best = Math.max(best, lmin3(M));
        }
      expect(c.margin).toBeGreaterThanOrEqual(best - 1e-10);
      expect(c.margin).toBeLessThan(best + 1e-2);
    }
  });

  it('certified ⇔ spectral radius of the gain matrix Γ below 1 (random 3-player games)', () => {
    const r = rng(8);
    let yes = 0;
    let no = 0;
    for (let trial = 0; trial < 60; trial++) {
      const mu = [0.3 + r.uniform(), 0.3 + r.uniform(), 0.3 + r.uniform()];
      const L = Array.from({ length: 9 }, (_, k) => (k % 4 === 0 ? 0 : 1.2 * r.uniform()));
      const blocks = [0, 1, 2].map((i) =>
        [0, 1, 2].map((j) => m1(i === j ? mu[i] : -L[i * 3 + j])),
      );
      const c = smallGainCertificate(quadraticGame({ blocks, b: [[0], [0], [0]] }));
      const G = matrix(
        3,
        3,
        L.map((v, k) => v / mu[Math.floor(k / 3)]),
      );
      const ev = eigvals(G);
      const rho = Math.max(...Array.from(ev.re, (re, k) => Math.hypot(re, ev.im[k])));
      if (Math.abs(rho - 1) < 1e-3) continue;
      expect(c.certified).toBe(rho < 1);
      expect(c.smallGain).toBeCloseTo(rho, 10);
      if (rho < 1) yes++;
      else no++;
    }
    expect(yes).toBeGreaterThan(5);
    expect(no).toBeGreaterThan(5);
  });

  it('Euclidean monotonicity fails, the certificate holds, and the certified steps contract as promised', () => {
    const g = scalarGame(1, 0.2, 3, 1);
    expect(euclideanMonotonicity(g).stronglyMonotone).toBe(false);
    const c = smallGainCertificate(g);
    expect(c.certified).toBe(true);
    expect(c.exact).toBe(true);
    const x0 = new Float64Array([4, 3]);
    const e = simultaneousGD(g, x0, { step: c.eulerStep, timescales: c.weights, maxIter: 40000 });
    expect(e.converged).toBe(true);
    const d = e.trajectory.distance!;
    // every Euler step contracts at least by the certified factor (rounding: 1e-12 relative)
    for (let k = 1; k < d.length && d[k - 1] > 1e-9; k++)
      expect(d[k]).toBeLessThanOrEqual(c.eulerFactor * d[k - 1] * (1 + 1e-12));
    const r4 = rk4Flow(g, x0, { step: c.rk4Step, timescales: c.weights, maxIter: 40000 });
    expect(r4.converged).toBe(true);
    const d4 = r4.trajectory.distance!;
    for (let k = 1; k < d4.length && d4[k - 1] > 1e-9; k++)
      expect(d4[k]).toBeLessThanOrEqual(c.rk4Factor * d4[k - 1] * (1 + 1e-12));
  });

  it('the continuous flow contracts at least at the certified rate: ‖x(t) − x*‖ ≤ e^{−mt}‖x₀ − x*‖ (exact solution by expm)', () => {
    const g = scalarGame(1, 0.2, 3, 1);
    const c = smallGainCertificate(g);
    const [w1, w2] = c.weights;
    const WA = fromRows([
      [w1 * 1, w1 * 0.2],
      [w2 * 3, w2 * 1],
    ]);
    const x0 = [4 - 1, 3 + 1];
    for (const t of [0.5, 5, 50, 200]) {
      const E = expm(
        matrix(
          2,
          2,
          Array.from(WA.data, (v) => -t * v),
        ),
      ).data;
      const d = Math.hypot(E[0] * x0[0] + E[1] * x0[1], E[2] * x0[0] + E[3] * x0[1]);
      expect(d).toBeLessThanOrEqual(Math.exp(-c.rate * t) * Math.hypot(x0[0], x0[1]) * (1 + 1e-12));
    }
  });

  it('the Euler bound is sound: eulerStepMax is below the exact stability limit min 2Re λ/|λ|² of W A, and a step past that limit diverges', () => {
    const g = scalarGame(1, 0.2, 3, 1);
    const c = smallGainCertificate(g);
    const [w1, w2] = c.weights;
    const ev = eigvals(
      fromRows([
        [w1, 0.2 * w1],
        [3 * w2, w2],
      ]),
    );
    let limit = Number.POSITIVE_INFINITY;
    for (let k = 0; k < 2; k++)
      limit = Math.min(limit, (2 * ev.re[k]) / (ev.re[k] ** 2 + ev.im[k] ** 2));
    expect(c.eulerStepMax).toBeLessThanOrEqual(limit);
    const x0 = new Float64Array([4, 3]);
    const opts = { timescales: c.weights, maxIter: 20000 };
    expect(simultaneousGD(g, x0, { ...opts, step: 0.95 * limit }).converged).toBe(true);
    expect(simultaneousGD(g, x0, { ...opts, step: 1.05 * limit }).diverged).toBe(true);
  });

  it('refuses when the small-gain product exceeds 1, and there the flow indeed diverges', () => {
    // J = [[1, 2], [3, 1]]: eigenvalues 1 ± √6, one negative: no step size or timescale helps
    const g = scalarGame(1, 2, 3, 1);
    const c = smallGainCertificate(g);
    expect(c.certified).toBe(false);
    expect(c.band).toBeNull();
    expect(c.smallGain).toBeCloseTo(Math.sqrt(6), 12);
    expect(c.eulerStep).toBe(0);
    for (const ratio of [0.01, 1, 100]) {
      const r = simultaneousGD(g, new Float64Array([1.1, -1]), {
        step: 0.01,
        timescales: [1, ratio],
        maxIter: 200000,
      });
      expect(r.diverged).toBe(true);
    }
  });

  it('sampled bounds on a nonlinear game equal the analytic ones (the region centre attains them)', () => {
    // F₁ = 2x₁ + ½ sin x₂, F₂ = 2x₂ + 0.1x₂³ − ½ sin x₁ on [−1, 1]²:
    // μ₁ = 2, μ₂ = min(2 + 0.3x₂²) = 2, L₁₂ = max |½cos x₂| = ½, L₂₁ = ½ (all attained at 0)
    const g = defineGame({
      sizes: [1, 1],
      pseudoGradient: (x, out) => {
        out[0] = 2 * x[0] + 0.5 * Math.sin(x[1]);
        out[1] = 2 * x[1] + 0.1 * x[1] ** 3 - 0.5 * Math.sin(x[0]);
      },
    });
    const region = { lower: [-1, -1], upper: [1, 1] };
    const c = smallGainCertificate(g, region, { samples: 32, seed: 4 });
    // finite-difference Jacobians: error ≈ h² ≈ 4e-11
    expect(c.mu[0]).toBeCloseTo(2, 8);
    expect(c.mu[1]).toBeCloseTo(2, 8);
    expect(c.couplings.data[1]).toBeCloseTo(0.5, 8);
    expect(c.couplings.data[2]).toBeCloseTo(0.5, 8);
    expect(c.exact).toBe(false);
    expect(c.samples).toBe(32);
    expect(euclideanMonotonicity(g, region, { samples: 32 }).minEigenvalue).toBeGreaterThan(1.4);
    const ball = smallGainCertificate(g, { center: [0, 0], radius: 1 }, { samples: 8 });
    expect(ball.certified).toBe(true);
  });

  it('bad input throws typed errors', () => {
    const g = defineGame({
      sizes: [1],
      pseudoGradient: (x, out) => {
        out[0] = x[0] ** 3;
      },
    });
    expect(() => smallGainCertificate(g)).toThrow(InvalidArgumentError);
    expect(() => smallGainCertificate(g, { lower: [1], upper: [0] })).toThrow(InvalidArgumentError);
    expect(() =>
      smallGainCertificate(scalarGame(1, 0, 0, 1), undefined, { weights: [1, -1] }),
    ).toThrow(InvalidArgumentError);
    const bad = defineGame({
      sizes: [1],
      pseudoGradient: (x, out) => {
        out[0] = Math.log(x[0]);
      },
    });
    expect(() => smallGainCertificate(bad, { lower: [-2], upper: [-1] })).toThrow(NonFiniteError);
    expect(() => smallGainCertificate({} as Game)).toThrow(InvalidArgumentError);
    expect(() => euclideanMonotonicity(g, { center: [0], radius: 0 })).toThrow(
      InvalidArgumentError,
    );
  });

  it('a constrained quadratic game: projected Euler with the certified steps converges to the VI solution', () => {
    const g = quadraticGame({
      blocks: [
        [m1(1), m1(0.2)],
        [m1(3), m1(1)],
      ],
      b: [[-5], [2]],
      sets: [boxSet(-1, 1), boxSet(-1, 1)],
    });
    const c = smallGainCertificate(g);
    const r = simultaneousGD(g, new Float64Array([0, 0]), {
      step: c.eulerStep,
      timescales: c.weights,
      maxIter: 60000,
      tol: 1e-12,
    });
    expect(r.converged).toBe(true);
    // the VI solution: x₁ = 1 (its unconstrained response 5 − 0.2x₂ is above the box), x₂ solves 3 + x₂ + 2 = 0 → −5 → clipped to −1
    expect(r.x[0]).toBeCloseTo(1, 10);
    expect(r.x[1]).toBeCloseTo(-1, 10);
  });
});
