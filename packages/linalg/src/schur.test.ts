import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AbortError, ConvergenceError, NonFiniteError, ShapeError } from './errors.js';
import { fromRows, identity, type Matrix, zeros } from './matrix.js';
import { rng } from './rng.js';
import { schur } from './schur.js';

const EPS = 2 ** -52;

interface EigFixture {
  name: string;
  regime: string;
  a: number[][];
  scipy_schur_backward: number;
  ref_re: number[];
  ref_im: number[];
}
const fixtures = JSON.parse(
  readFileSync(new URL('../test/fixtures/general-eigvals.json', import.meta.url), 'utf8'),
) as { cases: EigFixture[] };

function mul(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const x = a[i * n + k];
      for (let j = 0; j < n; j++) c[i * n + j] += x * b[k * n + j];
    }
  return c;
}

function tr(a: Float64Array, n: number): Float64Array {
  const t = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t[j * n + i] = a[i * n + j];
  return t;
}

/** Frobenius norm, scaled so that entries near 1e±300 neither overflow nor underflow. */
function frob(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]));
  if (m === 0) return 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] / m) ** 2;
  return m * Math.sqrt(s);
}

/** ‖A − Q T Qᵀ‖_F and ‖QᵀQ − I‖_F. */
function residuals(a: Matrix, t: Matrix, q: Matrix): { rec: number; orth: number } {
  const n = a.rows;
  const back = mul(mul(q.data, t.data, n), tr(q.data, n), n);
  const qtq = mul(tr(q.data, n), q.data, n);
  for (let i = 0; i < n * n; i++) back[i] -= a.data[i];
  for (let i = 0; i < n; i++) qtq[i * n + i] -= 1;
  return { rec: frob(back), orth: frob(qtq) };
}

/** Determinant by Gaussian elimination with partial pivoting (independent of the QR code). */
function naiveDet(a: Matrix): number {
  const n = a.rows;
  const m = Float64Array.from(a.data);
  let det = 1;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i * n + k]) > Math.abs(m[p * n + k])) p = i;
    if (m[p * n + k] === 0) return 0;
    if (p !== k) {
      det = -det;
      for (let j = 0; j < n; j++) {
        const t = m[k * n + j];
        m[k * n + j] = m[p * n + j];
        m[p * n + j] = t;
      }
    }
    det *= m[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const l = m[i * n + k] / m[k * n + k];
      for (let j = k; j < n; j++) m[i * n + j] -= l * m[k * n + j];
    }
  }
  return det;
}

function randomMatrix(seed: number, n: number, scale = 1): Matrix {
  const r = rng(seed);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) data[i] = scale * r.normal();
  return { rows: n, cols: n, data };
}

// Random normal matrices, and small-integer ones, which often have repeated or zero
// eigenvalues, zero subdiagonals and defective blocks.
const arbMatrix = fc.oneof(
  fc
    .record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), n: fc.integer({ min: 1, max: 12 }) })
    .map(({ seed, n }) => randomMatrix(seed, n)),
  fc
    .integer({ min: 1, max: 7 })
    .chain((n) =>
      fc
        .array(fc.integer({ min: -3, max: 3 }), { minLength: n * n, maxLength: n * n })
        .map((v) => ({ rows: n, cols: n, data: Float64Array.from(v) }) as Matrix),
    ),
);

/**
 * Householder and Givens transformations are backward stable: the computed T is the exact
 * Schur form of A + E with ‖E‖_F ≤ c·n·u·‖A‖_F for a modest c (Golub & Van Loan §7.5.6);
 * c = 10 leaves a margin over the ≈ 1–3 measured.
 */
function backwardTol(a: Matrix): number {
  return 10 * Math.max(a.rows, 1) * EPS * frob(a.data);
}

describe('schur', () => {
  it('schur(a) gives orthogonal q and a = q t qᵀ (property)', () => {
    fc.assert(
      fc.property(arbMatrix, (a) => {
        const { t, q, converged } = schur(a);
        expect(converged).toBe(true);
        const { rec, orth } = residuals(a, t, q);
        expect(rec).toBeLessThanOrEqual(backwardTol(a));
        expect(orth).toBeLessThanOrEqual(10 * a.rows * EPS);
      }),
      { numRuns: 150 },
    );
  });

  it('schur(a).t is quasi-upper-triangular with standardized 2×2 blocks of complex pairs (property)', () => {
    fc.assert(
      fc.property(arbMatrix, (a) => {
        const { t, re, im } = schur(a);
        const n = a.rows;
        const d = t.data;
        for (let i = 0; i < n; i++) for (let j = 0; j + 1 < i; j++) expect(d[i * n + j]).toBe(0);
        for (let k = 0; k + 1 < n; k++) {
          const sub = d[(k + 1) * n + k];
          if (sub === 0) continue;
          // a nonzero subdiagonal starts a 2×2 block: the next one must be zero
          if (k + 2 < n) expect(d[(k + 2) * n + k + 1]).toBe(0);
          expect(d[k * n + k]).toBe(d[(k + 1) * n + k + 1]);
          expect(d[k * n + k + 1] * sub).toBeLessThan(0);
          expect(re[k]).toBe(d[k * n + k]);
          expect(im[k]).toBeGreaterThan(0);
          expect(im[k + 1]).toBe(-im[k]);
          k++;
        }
      }),
      { numRuns: 150 },
    );
  });

  it('schur(a) eigenvalues: sum = trace, product = det (property)', () => {
    fc.assert(
      fc.property(arbMatrix, (a) => {
        const n = a.rows;
        const { re, im } = schur(a);
        let sum = 0;
        let traceA = 0;
        for (let i = 0; i < n; i++) {
          sum += re[i];
          traceA += a.data[i * n + i];
        }
        const nf = frob(a.data);
        // |tr E| ≤ √n ‖E‖_F for the backward error E, plus n roundings of the sum
        expect(Math.abs(sum - traceA)).toBeLessThanOrEqual(
          Math.sqrt(n) * backwardTol(a) + 2 * n * EPS * nf,
        );
        let prod = 1;
        for (let i = 0; i < n; i++) {
          if (im[i] > 0) {
            prod *= re[i] * re[i] + im[i] * im[i];
            i++;
          } else prod *= re[i];
        }
        // |det(A + E) − det A| ≤ n‖adj A‖₂‖E‖₂ ≤ n‖A‖₂^{n−1}‖E‖₂ (first order), and both
        // products and the elimination round at most ~2n·u relative to ‖A‖^n
        const scaleDet = nf ** Math.max(n - 1, 0);
        expect(Math.abs(prod - naiveDet(a))).toBeLessThanOrEqual(
          n * scaleDet * backwardTol(a) + 4 * n * EPS * scaleDet * nf,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('schur(c·a) for c = 1e±200, 1e±300 is accurate: scaling into range is exact (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom(1e200, 1e-200, 1e300, 1e-300),
        (seed, n, c) => {
          const a = randomMatrix(seed, n);
          const ca = { rows: n, cols: n, data: a.data.map((v) => v * c) };
          const { t, q, re, im, converged } = schur(ca);
          expect(converged).toBe(true);
          // the residual is formed in the test in float64; Q T Qᵀ has entries ≈ c·‖A‖,
          // whose products stay in range for c ≤ 1e300 (‖Q‖ = 1)
          const { rec, orth } = residuals(ca, t, q);
          expect(rec).toBeLessThanOrEqual(backwardTol(ca));
          expect(orth).toBeLessThanOrEqual(10 * n * EPS);
          // eigenvalues scale with c: compare with those of a, to the backward error of
          // each computation times a loose eigenvalue condition bound of 1e4 (random a)
          const ref = schur(a);
          for (let i = 0; i < n; i++) {
            let best = Number.POSITIVE_INFINITY;
            for (let k = 0; k < n; k++)
              best = Math.min(best, Math.hypot(re[i] / c - ref.re[k], im[i] / c - ref.im[k]));
            expect(best).toBeLessThanOrEqual(1e4 * 2 * backwardTol(a));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('schur(a) on 2×2 inputs covers every standardization branch', () => {
    const cases = [
      [
        [1, 2],
        [0, 3],
      ], // already triangular
      [
        [1, 0],
        [2, 3],
      ], // b = 0: quarter turn
      [
        [1, -2],
        [3, 1],
      ], // already standardized complex
      [
        [1, -5],
        [2, 3],
      ], // complex, unequal diagonal
      [
        [4, 1],
        [2, 3],
      ], // real, well separated
      [
        [1, 1e-20],
        [1e-20, 1],
      ], // equal diagonal, b·c > 0 tiny: real after the equalizing rotation
      [
        [2, 1],
        [-1e-30, 2],
      ], // near-defective complex pair
    ];
    for (const rows of cases) {
      const a = fromRows(rows);
      const { t, q, re, im } = schur(a);
      const { rec, orth } = residuals(a, t, q);
      expect(rec).toBeLessThanOrEqual(backwardTol(a));
      expect(orth).toBeLessThanOrEqual(10 * EPS);
      const [x, y, z, w] = t.data;
      if (z !== 0) {
        expect(x).toBe(w);
        expect(y * z).toBeLessThan(0);
      }
      // 2×2: the eigenvalues solve λ² − tr λ + det = 0 to rounding of tr² and det
      const trA = rows[0][0] + rows[1][1];
      const detA = rows[0][0] * rows[1][1] - rows[0][1] * rows[1][0];
      expect(Math.abs(re[0] + re[1] - trA)).toBeLessThanOrEqual(8 * EPS * frob(a.data));
      const p = z !== 0 ? re[0] * re[0] + im[0] * im[0] : re[0] * re[1];
      expect(Math.abs(p - detA)).toBeLessThanOrEqual(8 * EPS * frob(a.data) ** 2);
    }
  });

  it('schur(a) handles the cyclic permutation (needs exceptional shifts)', () => {
    const n = 8;
    const p = zeros(n);
    for (let i = 0; i < n; i++) p.data[((i + 1) % n) * n + i] = 1;
    const { t, q, re, im, converged } = schur(p);
    expect(converged).toBe(true);
    const { rec } = residuals(p, t, q);
    expect(rec).toBeLessThanOrEqual(backwardTol(p));
    // eigenvalues are the 8th roots of unity: |λ| = 1, perturbed by κ = 1 times ‖E‖
    for (let i = 0; i < n; i++)
      expect(Math.abs(Math.hypot(re[i], im[i]) - 1)).toBeLessThanOrEqual(backwardTol(p));
  });

  it('schur(a) on fixtures: backward error at most twice SciPy’s or c·n·u, eigenvalues match mpmath', () => {
    for (const c of fixtures.cases) {
      const a = fromRows(c.a);
      const { t, q, re, im } = schur(a);
      const { rec, orth } = residuals(a, t, q);
      const nf = frob(a.data);
      const backward = nf === 0 ? rec : rec / nf;
      expect(backward, c.name).toBeLessThanOrEqual(
        Math.max(2 * c.scipy_schur_backward, 10 * a.rows * EPS),
      );
      expect(orth, c.name).toBeLessThanOrEqual(10 * a.rows * EPS);
      // each computed eigenvalue is near a reference one (eigvals.test.ts checks accuracy)
      for (let i = 0; i < a.rows; i++) {
        let best = Number.POSITIVE_INFINITY;
        for (let k = 0; k < c.ref_re.length; k++)
          best = Math.min(best, Math.hypot(re[i] - c.ref_re[k], im[i] - c.ref_im[k]));
        // defective blocks move eigenvalues by up to (n·u·‖A‖)^{1/k}‖A‖^{1−1/k}; 1e-4‖A‖
        // covers k ≤ 3 at these sizes
        expect(best, c.name).toBeLessThanOrEqual(1e-4 * Math.max(nf, Number.MIN_VALUE));
      }
    }
  });

  it('schur(a) of 0×0, 1×1 and identity', () => {
    expect(schur(zeros(0)).t.rows).toBe(0);
    expect(schur(fromRows([[5]])).t.data[0]).toBe(5);
    const { t, q } = schur(identity(4));
    expect(Array.from(t.data)).toEqual(Array.from(identity(4).data));
    expect(Array.from(q.data)).toEqual(Array.from(identity(4).data));
  });

  it('schur(a) does not mutate a', () => {
    const a = randomMatrix(7, 6);
    const before = Float64Array.from(a.data);
    schur(a);
    expect(a.data).toEqual(before);
  });

  it('schur(a) rejects non-square and non-finite input with typed errors', () => {
    expect(() => schur(zeros(2, 3))).toThrow(ShapeError);
    expect(() =>
      schur(
        fromRows([
          [1, Number.NaN],
          [0, 1],
        ]),
      ),
    ).toThrow(NonFiniteError);
    expect(() => schur(fromRows([[Number.POSITIVE_INFINITY]]))).toThrow(/schur\(\): a\[0, 0\]/);
  });

  it('schur(a, { maxIter }) reports non-convergence, and throws it with strict', () => {
    const a = randomMatrix(3, 6);
    const r = schur(a, { maxIter: 1 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(1);
    expect(() => schur(a, { maxIter: 1, strict: true })).toThrow(ConvergenceError);
    try {
      schur(a, { maxIter: 1, strict: true });
    } catch (e) {
      // the residual is the largest subdiagonal left in the unreduced block
      expect((e as ConvergenceError).iterations).toBe(1);
      expect((e as ConvergenceError).residual).toBeGreaterThan(0);
    }
  });
  it('schur(a, { signal }) throws AbortError when the signal is aborted', () => {
    const a = randomMatrix(12, 6);
    expect(() => schur(a, { signal: AbortSignal.abort('stop') })).toThrow(AbortError);
    expect(schur(a, { signal: new AbortController().signal }).converged).toBe(true);
  });
});
