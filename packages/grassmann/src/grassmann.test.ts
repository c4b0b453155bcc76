import { readFileSync } from 'node:fs';
import {
  det,
  eigh,
  fromRows,
  type Matrix,
  matmul,
  matmulTransA,
  matmulTransB,
  randomOrthogonal,
  type Rng,
  rng,
  svd,
} from '@rg/linalg';
import { describeManifold, describeOptimizers } from '@rg/manifold-suite';
import { adam, adamw, cosineSchedule, sgd } from '@rg/optim';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grassmann } from './index.js';

// ---------------------------------------------------------------------------------------------
// helpers

function scaled(a: Matrix, s: number): Matrix {
  return { rows: a.rows, cols: a.cols, data: a.data.map((v) => v * s) };
}

function maxAbsDiff(a: Matrix | Float64Array, b: Matrix | Float64Array): number {
  const x = 'data' in a ? a.data : a;
  const y = 'data' in b ? b.data : b;
  let e = 0;
  for (let i = 0; i < x.length; i++) e = Math.max(e, Math.abs(x[i] - y[i]));
  return e;
}

function frob(a: Matrix): number {
  return Math.sqrt(a.data.reduce((s, v) => s + v * v, 0));
}

/** ‖YYᵀ − ZZᵀ‖_F: zero exactly when the spans agree (independent of the bases) */
function projectorGap(y: Matrix, z: Matrix): number {
  const a = matmulTransB(y, y);
  const b = matmulTransB(z, z);
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += (a.data[i] - b.data[i]) ** 2;
  return Math.sqrt(s);
}

/** Q diag(spectrum) Qᵀ with a seeded Haar-random Q */
function withSpectrum(spectrum: number[], seed: number): Matrix {
  const n = spectrum.length;
  const q = randomOrthogonal(n, rng(seed));
  const d = { rows: n, cols: n, data: new Float64Array(n * n) };
  spectrum.forEach((v, i) => {
    d.data[i * n + i] = v;
  });
  return matmulTransB(matmul(q, d), q);
}

function property(runs: number, body: (r: Rng) => void): void {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (s) => body(rng(s))),
    { seed: 11, numRuns: runs },
  );
}

// ---------------------------------------------------------------------------------------------
// the shared suites: manifold identities and the core optimizers

describeManifold('grassmann(7, 3)', { manifold: grassmann(7, 3), rows: 7, cols: 3 });
describeManifold('grassmann(7, 3) with the polar retraction', {
  manifold: grassmann(7, 3, { retraction: 'polar' }),
  rows: 7,
  cols: 3,
});
describeManifold('grassmann(5, 1) (lines)', { manifold: grassmann(5, 1), rows: 5, cols: 1 });
describeManifold('grassmann(12, 6)', { manifold: grassmann(12, 6), rows: 12, cols: 6 });

{
  // f(Y) = −tr(YᵀAY) on Gr(8, 3): the minimizer is the span of the top 3 eigenvectors. The
  // Riemannian Hessian there has eigenvalues 2(λᵢ − λⱼ), i in the top 3 and j outside:
  // [2·(4 − 2), 2·(5 − 0)] = [4, 10]. lr 0.1 gives the rate ρ = max|1 − 0.1h| = 0.6, heavy-ball
  // with μ = 0.5 the rate √μ ≈ 0.71 (complex roots for every h); 200 steps make ρ^200 < 1e-29,
  // so the error ends at the rounding floor of the reference eigenvectors (ε‖A‖/gap ≈ 1e-15).
  // 1e-12 leaves three orders of margin. Adam anneals its step to 0 with a cosine schedule; a
  // stalled run stays above 1e-3, a converged one near the floor, and 1e-10 separates them.
  const gr = grassmann(8, 3);
  const a = withSpectrum([5, 4.5, 4, 2, 1.5, 1, 0.5, 0], 3);
  const { vectors } = eigh(a);
  const top: Matrix = { rows: 8, cols: 3, data: new Float64Array(24) };
  for (let i = 0; i < 8; i++)
    for (let j = 0; j < 3; j++) top.data[i * 3 + j] = vectors.data[i * 8 + 5 + j];
  describeOptimizers(
    'block Rayleigh quotient on Gr(8, 3) → dominant eigenspace (vs eigh)',
    {
      manifold: gr,
      start: gr.randomPoint(rng(5)),
      gradient: (y) => scaled(matmul(a, y), -2),
      error: (y) => projectorGap(y, top),
    },
    {
      sgd: { make: () => sgd({ lr: 0.1 }), steps: 200, tolerance: 1e-12 },
      'sgd-momentum': { make: () => sgd({ lr: 0.1, momentum: 0.5 }), steps: 200, tolerance: 1e-12 },
      'sgd-nesterov': {
        make: () => sgd({ lr: 0.1, momentum: 0.5, nesterov: true }),
        steps: 200,
        tolerance: 1e-12,
      },
      adam: {
        make: () => adam({ lr: cosineSchedule({ lr: 0.05, totalSteps: 1000 }) }),
        steps: 1000,
        tolerance: 1e-10,
      },
      // weight decay does nothing on a Grassmann manifold (‖Y‖_F is constant)
      adamw: {
        make: () => adamw({ lr: cosineSchedule({ lr: 0.05, totalSteps: 1000 }), weightDecay: 0.1 }),
        steps: 1000,
        tolerance: 1e-10,
      },
    },
  );
}

// ---------------------------------------------------------------------------------------------
// exp, log, distance, geodesic, parallel transport: properties on random points
//
// Tolerances: every map below is a handful of products of n×k and k×k matrices with entries of
// order one plus a k×k eigen- or singular value decomposition; each step is backward stable
// with error of a few nε ≈ 1e-15 for n ≤ 12. 1e-12 leaves a margin of about 1e3 for the
// growth through the chain (and for angles up to about 1.2, where θ/sin θ is still mild).

const TOL = 1e-12;

describe('grassmann(n, k): exp and log', () => {
  for (const [n, k] of [
    [7, 3],
    [10, 1],
    [9, 4],
  ]) {
    const gr = grassmann(n, k);

    it(`exp(y, log(y, z)) spans z on Gr(${n}, ${k})`, () => {
      property(30, (r) => {
        const y = gr.randomPoint(r);
        // points within distance 1.2 (well inside the injectivity radius π/2)
        const h = gr.randomTangent(y, r);
        const z = gr.exp(y, scaled(h, (1.2 * r.uniform()) / frob(h)));
        expect(projectorGap(gr.exp(y, gr.log(y, z)), z)).toBeLessThan(TOL);
      });
    });

    it(`log(y, exp(y, h)) = h for ‖h‖ < π/2 on Gr(${n}, ${k})`, () => {
      property(30, (r) => {
        const y = gr.randomPoint(r);
        const h0 = gr.randomTangent(y, r);
        // the largest singular value of h must stay below π/2 for h to be the minimizing log
        const h = scaled(h0, (1.4 * r.uniform()) / frob(h0));
        expect(maxAbsDiff(gr.log(y, gr.exp(y, h)), h)).toBeLessThan(TOL);
      });
    });

    it(`distance(y, z) = ‖log(y, z)‖ = ‖θ‖ and log(y, z) is tangent at y on Gr(${n}, ${k})`, () => {
      property(30, (r) => {
        const y = gr.randomPoint(r);
        const z = gr.randomPoint(r);
        const l = gr.log(y, z);
        expect(gr.isTangent(y, l, 1e-13)).toBe(true);
        const d = gr.distance(y, z);
        expect(Math.abs(gr.norm(y, l) - d)).toBeLessThan(TOL);
        const theta = gr.principalAngles(y, z);
        expect(Math.abs(Math.hypot(...theta) - d)).toBeLessThan(TOL);
        // symmetric
        expect(Math.abs(gr.distance(z, y) - d)).toBeLessThan(TOL);
      });
    });
  }

  it('exp(y, th) traces a unit-speed geodesic: d(exp(y, sh), exp(y, th)) = |s − t|·‖h‖ below π/2', () => {
    const gr = grassmann(6, 2);
    property(30, (r) => {
      const y = gr.randomPoint(r);
      const h0 = gr.randomTangent(y, r);
      const h = scaled(h0, 1 / frob(h0));
      const s = 1.2 * r.uniform();
      const t = 1.2 * r.uniform();
      const d = gr.distance(gr.exp(y, scaled(h, s)), gr.exp(y, scaled(h, t)));
      expect(Math.abs(d - Math.abs(s - t))).toBeLessThan(TOL);
    });
  });

  it('log(y, z) is defined when yᵀz is singular (an angle of π/2) and has norm ‖θ‖', () => {
    const gr = grassmann(4, 2);
    const y = fromRows([
      [1, 0],
      [0, 1],
      [0, 0],
      [0, 0],
    ]);
    const z = fromRows([
      [1, 0],
      [0, 0],
      [0, 1],
      [0, 0],
    ]);
    const l = gr.log(y, z);
    expect(Math.abs(gr.norm(y, l) - Math.PI / 2)).toBeLessThan(1e-15);
    expect(projectorGap(gr.exp(y, l), z)).toBeLessThan(1e-15);
  });

  it('exp and log agree with the textbook SVD formulas (NumPy fixture)', () => {
    const geometry = JSON.parse(
      readFileSync(new URL('../test/fixtures/geometry.json', import.meta.url), 'utf8'),
    );
    for (const c of geometry.logExp) {
      const y = fromRows(c.y);
      const gr = grassmann(y.rows, y.cols);
      // Both sides compute the same smooth maps in double precision from well-conditioned
      // inputs (angles ≤ 1): differences are a few hundred ulp at most.
      expect(maxAbsDiff(gr.log(y, fromRows(c.z)), fromRows(c.log))).toBeLessThan(1e-13);
      expect(maxAbsDiff(gr.exp(y, fromRows(c.h)), fromRows(c.exp))).toBeLessThan(1e-13);
    }
  });
});

describe('grassmann(n, k): geodesics and parallel transport', () => {
  const gr = grassmann(8, 3);

  it('geodesic(y, z, t) starts at y, ends at span(z), and is unit-speed in t·d(y, z)', () => {
    property(30, (r) => {
      const y = gr.randomPoint(r);
      const z = gr.randomPoint(r);
      expect(maxAbsDiff(gr.geodesic(y, z, 0), y)).toBeLessThan(1e-15);
      expect(projectorGap(gr.geodesic(y, z, 1), z)).toBeLessThan(TOL);
      const d = gr.distance(y, z);
      const t = r.uniform();
      expect(Math.abs(gr.distance(y, gr.geodesic(y, z, t)) - t * d)).toBeLessThan(TOL);
      expect(Math.abs(gr.distance(gr.geodesic(y, z, t), z) - (1 - t) * d)).toBeLessThan(TOL);
    });
  });

  it('parallelTransport(y, h, ·) lands in the tangent space at exp(y, h) and preserves inner products', () => {
    property(30, (r) => {
      const y = gr.randomPoint(r);
      const h = gr.randomTangent(y, r);
      const u = gr.randomTangent(y, r);
      const v = gr.randomTangent(y, r);
      const end = gr.exp(y, h);
      const tu = gr.parallelTransport(y, h, u);
      const tv = gr.parallelTransport(y, h, v);
      expect(gr.isTangent(end, tu, 1e-13)).toBe(true);
      const scale = frob(u) * frob(v);
      expect(Math.abs(gr.inner(end, tu, tv) - gr.inner(y, u, v))).toBeLessThan(TOL * scale);
    });
  });

  it('parallelTransport moves the velocity of the geodesic along it: τ(h) = d/dt exp(y, th) at t = 1', () => {
    property(20, (r) => {
      const y = gr.randomPoint(r);
      const h = gr.randomTangent(y, r);
      const step = 1e-5;
      const fwd = gr.exp(y, scaled(h, 1 + step));
      const bwd = gr.exp(y, scaled(h, 1 - step));
      const velocity = {
        rows: 8,
        cols: 3,
        data: fwd.data.map((a, i) => (a - bwd.data[i]) / (2 * step)),
      };
      // central difference: truncation O(step²·‖h‖³) ≈ 1e-9 and rounding ε/step ≈ 1e-11
      expect(maxAbsDiff(gr.parallelTransport(y, h, h), velocity)).toBeLessThan(1e-8 * frob(h) ** 3);
    });
  });

  it('parallelTransport along h = 0 is the identity', () => {
    const r = rng(3);
    const y = gr.randomPoint(r);
    const u = gr.randomTangent(y, r);
    const zero = { rows: 8, cols: 3, data: new Float64Array(24) };
    expect(maxAbsDiff(gr.parallelTransport(y, zero, u), u)).toBe(0);
  });
});

describe('grassmann(n, k): invariances', () => {
  const gr = grassmann(9, 3);

  it('distances, angles and log do not depend on the bases: y → yQ, z → zQ′ (Q orthogonal k×k)', () => {
    property(30, (r) => {
      const y = gr.randomPoint(r);
      const z = gr.randomPoint(r);
      const q1 = randomOrthogonal(3, r);
      const q2 = randomOrthogonal(3, r);
      const yq = matmul(y, q1);
      const zq = matmul(z, q2);
      for (const kind of ['geodesic', 'chordal', 'projection', 'binetCauchy'] as const)
        expect(Math.abs(gr.distance(yq, zq, { kind }) - gr.distance(y, z, { kind }))).toBeLessThan(
          TOL,
        );
      expect(maxAbsDiff(gr.principalAngles(yq, zq), gr.principalAngles(y, z))).toBeLessThan(TOL);
      // log at yQ is the same horizontal vector expressed in the rotated basis: log(y, z)·Q
      expect(maxAbsDiff(gr.log(yq, zq), matmul(gr.log(y, z), q1))).toBeLessThan(TOL);
    });
  });

  it('distances are invariant under rotations of ℝⁿ: y → Uy, z → Uz (U orthogonal n×n)', () => {
    property(30, (r) => {
      const y = gr.randomPoint(r);
      const z = gr.randomPoint(r);
      const u = randomOrthogonal(9, r);
      for (const kind of ['geodesic', 'chordal', 'projection', 'binetCauchy'] as const)
        expect(
          Math.abs(gr.distance(matmul(u, y), matmul(u, z), { kind }) - gr.distance(y, z, { kind })),
        ).toBeLessThan(TOL);
      expect(maxAbsDiff(gr.log(matmul(u, y), matmul(u, z)), matmul(u, gr.log(y, z)))).toBeLessThan(
        TOL,
      );
    });
  });
});

describe('grassmann(n, k): distance kinds against their closed forms', () => {
  const gr = grassmann(7, 3);

  it("distance(y, z, { kind: 'chordal' }) = min over orthogonal Q of ‖y − zQ‖_F = (2k − 2‖yᵀz‖_*)^{1/2}", () => {
    property(30, (r) => {
      const y = gr.randomPoint(r);
      const z = gr.randomPoint(r);
      // the orthogonal Procrustes minimum: Q = VUᵀ from yᵀz = UΣVᵀ, ‖y − zQ‖² = 2k − 2 Σσ
      const nuclear = svd(matmulTransA(y, z)).s.reduce((s, v) => s + v, 0);
      const closed = Math.sqrt(Math.max(2 * 3 - 2 * nuclear, 0));
      expect(Math.abs(gr.distance(y, z, { kind: 'chordal' }) - closed)).toBeLessThan(TOL);
    });
  });

  it("distance(y, z, { kind: 'projection' }) = ‖yyᵀ − zzᵀ‖_F / √2", () => {
    property(30, (r) => {
      const y = gr.randomPoint(r);
      const z = gr.randomPoint(r);
      expect(
        Math.abs(gr.distance(y, z, { kind: 'projection' }) - projectorGap(y, z) / Math.SQRT2),
      ).toBeLessThan(TOL);
    });
  });

  it("distance(y, z, { kind: 'binetCauchy' }) = (1 − det(yᵀz)²)^{1/2}", () => {
    property(30, (r) => {
      const y = gr.randomPoint(r);
      const z = gr.randomPoint(r);
      const closed = Math.sqrt(1 - det(matmulTransA(y, z)) ** 2);
      expect(Math.abs(gr.distance(y, z, { kind: 'binetCauchy' }) - closed)).toBeLessThan(TOL);
    });
  });

  it('tiny distances keep their relative accuracy in every kind (no 1 − cos cancellation)', () => {
    // span(z) at the single angle 1e-9 from span(y), built exactly in the coordinate basis:
    // θ = atan(1e-9) to within an ulp, so every kind is known to about 1e-16 relative
    const t = 1e-9;
    const y = fromRows([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    const z = fromRows([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
      [0, 0, t],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    const theta = Math.atan(t);
    const rel = (a: number, b: number) => Math.abs(a - b) / b;
    expect(rel(gr.distance(y, z), theta)).toBeLessThan(1e-14);
    expect(rel(gr.distance(y, z, { kind: 'chordal' }), 2 * Math.sin(theta / 2))).toBeLessThan(
      1e-14,
    );
    expect(rel(gr.distance(y, z, { kind: 'projection' }), Math.sin(theta))).toBeLessThan(1e-14);
    expect(rel(gr.distance(y, z, { kind: 'binetCauchy' }), Math.sin(theta))).toBeLessThan(1e-14);
  });
});

// ---------------------------------------------------------------------------------------------
// principal angles against SciPy and against constructed angles

interface AngleCase {
  name: string;
  regime: string;
  y: number[][];
  z: number[][];
  scipy: number[];
  exact?: number[];
}

describe('grassmann(n, k).principalAngles(y, z)', () => {
  const { cases } = JSON.parse(
    readFileSync(new URL('../test/fixtures/principal-angles.json', import.meta.url), 'utf8'),
  ) as { cases: AngleCase[] };

  // Absolute error: the cosines (SVD of yᵀz) and the sines (from z − y(yᵀz)) both carry an
  // absolute error of a few nε ≈ 1e-15 for n ≤ 64; an angle taken from the better conditioned
  // of the two inherits it. SciPy's answer carries the same kind of error where it takes the
  // accurate formula, so 1e-14 bounds the difference with a margin of about 10.
  const ANGLE_TOL = 1e-14;

  for (const c of cases) {
    it(`matches scipy.linalg.subspace_angles where SciPy is accurate and the constructed angles: ${c.name} (${c.regime})`, () => {
      const y = fromRows(c.y);
      const z = fromRows(c.z);
      const theta = grassmann(y.rows, y.cols).principalAngles(y, z);
      expect(theta.length).toBe(c.scipy.length);
      for (let i = 1; i < theta.length; i++) expect(theta[i]).toBeGreaterThanOrEqual(theta[i - 1]);
      if (c.exact) expect(maxAbsDiff(theta, Float64Array.from(c.exact))).toBeLessThan(ANGLE_TOL);
      // SciPy 1.10 applies its arcsin/arccos choice to mismatched angles when the spectrum holds
      // both kinds (angles on both sides of π/4), so there it is only √ε-accurate: compare
      // with the constructed angles alone
      if (c.regime !== 'mixed')
        expect(maxAbsDiff(theta, Float64Array.from(c.scipy))).toBeLessThan(ANGLE_TOL);
    });
  }

  it('tiny angles are accurate to about ε where arccos of the cosines gives √ε', () => {
    const c = cases.find((x) => x.name === 'nearly-equal-2') as AngleCase;
    const y = fromRows(c.y);
    const z = fromRows(c.z);
    const theta = grassmann(y.rows, y.cols).principalAngles(y, z);
    const cosines = svd(matmulTransA(y, z)).s;
    const viaArccos = Array.from(cosines, (s) => Math.acos(Math.min(1, s))).sort((a, b) => a - b);
    // the constructed 1e-13: we are within 2e-15; arccos of a cosine that rounds to 1 (or to
    // 1 − ε) gives 0 or ~1e-8, off by at least half the angle
    expect(Math.abs(theta[0] - 1e-13)).toBeLessThan(2e-15);
    expect(Math.abs(viaArccos[0] - 1e-13)).toBeGreaterThanOrEqual(0.5e-13);
  });

  it('returns k angles in [0, π/2], ascending, symmetric in its arguments', () => {
    const gr = grassmann(6, 3);
    property(30, (r) => {
      const y = gr.randomPoint(r);
      const z = gr.randomPoint(r);
      const a = gr.principalAngles(y, z);
      expect(a.length).toBe(3);
      for (const t of a) {
        expect(t).toBeGreaterThanOrEqual(0);
        expect(t).toBeLessThanOrEqual(Math.PI / 2);
      }
      expect(maxAbsDiff(gr.principalAngles(z, y), a)).toBeLessThan(TOL);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// the other members and bad input

describe('grassmann(n, k): members and errors', () => {
  it('grassmann(n, k) has dim k(n − k) and the name of its size', () => {
    const gr = grassmann(6, 2);
    expect(gr.dim).toBe(8);
    expect(gr.name).toBe('grassmann(6, 2)');
    expect(gr.isometricTransport).toBe(false);
  });

  it('randomPoint(random) and the core form randomPoint(n, k, random) give orthonormal bases', () => {
    const gr = grassmann(6, 2);
    expect(gr.isPoint(gr.randomPoint(rng(1)))).toBe(true);
    expect(gr.isPoint(gr.randomPoint(6, 2, rng(1)))).toBe(true);
    expect(maxAbsDiff(gr.randomPoint(rng(1)), gr.randomPoint(6, 2, rng(1)))).toBe(0);
    expect(() => gr.randomPoint(5, 2, rng(1))).toThrow(/rows and cols must be 6 and 2/);
  });

  it('isPoint and isTangent recognize bases and horizontal vectors', () => {
    const gr = grassmann(3, 1);
    const y = fromRows([[1], [0], [0]]);
    expect(gr.isPoint(y)).toBe(true);
    expect(gr.isPoint(fromRows([[1], [1], [0]]))).toBe(false);
    expect(gr.isPoint(fromRows([[1], [0]]))).toBe(false);
    expect(gr.isTangent(y, fromRows([[0], [2], [3]]))).toBe(true);
    expect(gr.isTangent(y, fromRows([[1e-3], [2], [3]]))).toBe(false);
  });

  it('grassmann() rejects sizes with k > n, non-integers and unknown retractions', () => {
    expect(() => grassmann(3, 4)).toThrow(
      /grassmann\(\): k must be an integer in \[1, 3\] \(got 4\)/,
    );
    expect(() => grassmann(0, 1)).toThrow(/grassmann\(\): n must be an integer ≥ 1/);
    expect(() => grassmann(3, 1.5)).toThrow(/k must be an integer/);
    // @ts-expect-error: an unknown retraction
    expect(() => grassmann(3, 1, { retraction: 'cayley' })).toThrow(
      /retraction must be 'qr' or 'polar'/,
    );
    for (const call of [() => grassmann(3, 4), () => grassmann(3, 1.5)])
      expect(call).toThrow(expect.objectContaining({ name: 'InvalidArgumentError' }));
  });

  it('the geometry throws typed errors that name the argument', () => {
    const gr = grassmann(4, 2);
    const y = gr.randomPoint(rng(1));
    const z = gr.randomPoint(rng(2));
    const bad = fromRows([
      [1, 0],
      [0, 2],
      [0, 0],
      [0, 0],
    ]);
    const nan = { ...y, data: y.data.map((v, i) => (i === 3 ? Number.NaN : v)) };
    const small = gr.randomPoint(rng(3));
    const wrongSize = grassmann(5, 2).randomPoint(rng(1));
    const cases: [() => unknown, string, RegExp][] = [
      [
        () => gr.distance(bad, z),
        'InvalidArgumentError',
        /grassmann\(4, 2\)\.distance\(\): y must have orthonormal columns/,
      ],
      [
        () => gr.log(y, bad),
        'InvalidArgumentError',
        /grassmann\(4, 2\)\.log\(\): z must have orthonormal columns/,
      ],
      [() => gr.principalAngles(y, nan), 'NonFiniteError', /principalAngles\(\): z\[1, 1\] is NaN/],
      [() => gr.exp(wrongSize, small), 'ShapeError', /exp\(\): y must be 4×2 \(got 5×2\)/],
      [() => gr.geodesic(y, wrongSize, 0.5), 'ShapeError', /geodesic\(\): z must be 4×2/],
      [
        () => gr.geodesic(y, z, Number.NaN),
        'InvalidArgumentError',
        /geodesic\(\): t must be a finite number/,
      ],
      [() => gr.exp(y, z), 'InvalidArgumentError', /exp\(\): h must be tangent at y/],
      [
        () => gr.parallelTransport(y, gr.randomTangent(y, rng(4)), z),
        'InvalidArgumentError',
        /parallelTransport\(\): xi must be tangent at y/,
      ],
      // an unknown kind
      [
        () => gr.distance(y, z, { kind: 'hausdorff' as 'geodesic' }),
        'InvalidArgumentError',
        /kind must be 'geodesic', 'chordal', 'projection' or 'binetCauchy'/,
      ],
      [
        () => gr.validate('train', 'S', bad),
        'InvalidArgumentError',
        /train\(\): S must have orthonormal columns/,
      ],
    ];
    for (const [call, name, message] of cases) {
      expect(call).toThrow(message);
      expect(call).toThrow(expect.objectContaining({ name }));
    }
  });
});
