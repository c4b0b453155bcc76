import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NonFiniteError, ShapeError } from './errors.js';
import { expm } from './expm.js';
import { diag, fromRows, identity, type Matrix, zeros } from './matrix.js';
import { rng } from './rng.js';

const U = 2 ** -53; // unit roundoff

interface ExpmFixture {
  name: string;
  regime: string;
  a: number[][];
  expected: number[][];
  scipy_err: number;
  cond: number;
}
const fixtures = JSON.parse(
  readFileSync(new URL('../test/fixtures/general-expm.json', import.meta.url), 'utf8'),
) as { cases: ExpmFixture[] };

function mul(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const x = a[i * n + k];
      for (let j = 0; j < n; j++) c[i * n + j] += x * b[k * n + j];
    }
  return c;
}

function frob(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}

function relErr(x: ArrayLike<number>, ref: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < ref.length; i++) {
    num += (x[i] - ref[i]) ** 2;
    den += ref[i] ** 2;
  }
  return den === 0 ? Math.sqrt(num) : Math.sqrt(num / den);
}

/** A random n×n matrix scaled to Frobenius norm `norm`. */
function randomMatrix(seed: number, n: number, norm: number): Matrix {
  const r = rng(seed);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) data[i] = r.normal();
  const f = frob(data);
  for (let i = 0; i < n * n; i++) data[i] *= norm / f;
  return { rows: n, cols: n, data };
}

const arbSmall = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    n: fc.integer({ min: 1, max: 8 }),
    norm: fc.double({ min: 0, max: 2, noNaN: true }),
  })
  .map(({ seed, n, norm }) => randomMatrix(seed, n, norm));

// For ‖A‖₂ ≤ 2 the relative condition number of exp is at most ‖A‖e^{2‖A‖} ≤ 2e⁴ < 110
// (Van Loan 1977), and the algorithm's backward error is ≤ c·n·u (c = 4 for the
// Padé/LU/squaring steps at these sizes), so a relative forward error of 110·4·n·u.
const KAPPA_MAX = 110;

describe('expm', () => {
  it('expm(a) on fixtures: error vs mpmath at most twice SciPy’s plus 4u·κ_exp + u', () => {
    const rows: string[] = [];
    for (const c of fixtures.cases) {
      const x = expm(fromRows(c.a));
      const err = relErr(x.data, c.expected.flat());
      // floor: a backward-stable result has forward error ≲ κ_exp(A)·(a few u); the
      // reference itself is rounded to float64 (≤ u relative in the Frobenius norm)
      const floor = 4 * U * Math.max(1, c.cond) + U;
      rows.push(`${c.name}: ours ${err.toExponential(2)} scipy ${c.scipy_err.toExponential(2)}`);
      expect(err, c.name).toBeLessThanOrEqual(2 * c.scipy_err + floor);
    }
    console.log(`expm relative Frobenius error vs mpmath (dps 50):\n  ${rows.join('\n  ')}`);
  });

  it('expm(a)·expm(−a) = I (property)', () => {
    fc.assert(
      fc.property(arbSmall, (a) => {
        const n = a.rows;
        const neg = { rows: n, cols: n, data: a.data.map((v) => -v) };
        const e = expm(a).data;
        const f = expm(neg).data;
        const p = mul(e, f, n);
        for (let i = 0; i < n; i++) p[i * n + i] -= 1;
        expect(frob(p)).toBeLessThanOrEqual(2 * KAPPA_MAX * 4 * n * U * frob(e) * frob(f));
      }),
      { numRuns: 100 },
    );
  });

  it('expm(a + b) = expm(a)·expm(b) for commuting b = αa + βI (property)', () => {
    fc.assert(
      fc.property(
        arbSmall,
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (a, alpha, beta) => {
          const n = a.rows;
          const b = { rows: n, cols: n, data: a.data.map((v) => alpha * v) };
          for (let i = 0; i < n; i++) b.data[i * n + i] += beta;
          const sum = { rows: n, cols: n, data: a.data.map((v, i) => v + b.data[i]) };
          const lhs = expm(sum).data;
          const ea = expm(a).data;
          const eb = expm(b).data;
          const rhs = mul(ea, eb, n);
          // ‖a‖, ‖b‖, ‖a + b‖ ≤ 2·1.5 + √n: the same κ bound with e^{2·4.2}; instead use
          // the three forward errors (κ·4nu each, κ ≤ ‖X‖e^{2‖X‖}) directly
          const kappa = (m: Float64Array) => {
            const nm = frob(m);
            return Math.max(1, nm * Math.exp(2 * nm));
          };
          const tol =
            4 *
            n *
            U *
            (kappa(sum.data) * frob(lhs) + (kappa(a.data) + kappa(b.data)) * frob(ea) * frob(eb));
          expect(frob(lhs.map((v, i) => v - rhs[i]))).toBeLessThanOrEqual(tol);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('expm(a) of a skew-symmetric a is orthogonal (property)', () => {
    fc.assert(
      fc.property(arbSmall, (m) => {
        const n = m.rows;
        const a = new Float64Array(n * n);
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) a[i * n + j] = 0.5 * (m.data[i * n + j] - m.data[j * n + i]);
        const q = expm({ rows: n, cols: n, data: a }).data;
        const qt = new Float64Array(n * n);
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) qt[j * n + i] = q[i * n + j];
        const p = mul(qt, q, n);
        for (let i = 0; i < n; i++) p[i * n + i] -= 1;
        // ‖Q‖ = 1 and ‖A‖ ≤ 2: same bound as expm(a)expm(−a) = I with ‖e^A‖_F = √n
        expect(frob(p)).toBeLessThanOrEqual(2 * KAPPA_MAX * 4 * n * U * n);
      }),
      { numRuns: 100 },
    );
  });

  it('expm(diag(d)) = diag(exp(d)) exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -700, max: 700, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (d) => {
          const n = d.length;
          const x = expm(diag(d)).data;
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) expect(x[i * n + j]).toBe(i === j ? Math.exp(d[i]) : 0);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('expm(n) of a nilpotent n is the finite series I + N + N²/2 + … to rounding', () => {
    const n = fromRows([
      [0, 1, 2, -1],
      [0, 0, 3, 1],
      [0, 0, 0, -2],
      [0, 0, 0, 0],
    ]);
    // I + N + N²/2 + N³/6 by hand: N² rows (0,0,3,−3), (0,0,0,−6), 0, 0; N³ = −6 e₀e₃ᵀ
    const expected = [
      [1, 1, 3.5, -3.5],
      [0, 1, 3, -2],
      [0, 0, 1, -2],
      [0, 0, 0, 1],
    ].flat();
    const x = expm(n).data;
    // the entries are sums of ≤ 14 Padé terms of size ≤ ‖N‖-powers: a few ulps of 4
    for (let i = 0; i < 16; i++)
      expect(Math.abs(x[i] - expected[i])).toBeLessThanOrEqual(16 * 4 * U);
    expect(
      Array.from(
        expm(
          fromRows([
            [0, 1],
            [0, 0],
          ]),
        ).data,
      ),
    ).toEqual([1, 1, 0, 1]);
  });

  it('expm(a) with ‖a‖ ≫ 2⁶⁴: nilpotent stays exact, decaying underflows to 0', () => {
    // I + N is exact for nilpotent N of index 2, at any scale: halving and squaring by
    // powers of two are exact, and (I + N/2^k)^(2^k) = I + N
    expect(
      Array.from(
        expm(
          fromRows([
            [0, 1e300],
            [0, 0],
          ]),
        ).data,
      ),
    ).toEqual([1, 1e300, 0, 1]);
    // e^{−1e60} underflows; the result is 0, not an overflow error
    const x = expm(
      fromRows([
        [-1e60, 1],
        [0, -1e60],
      ]),
    ).data;
    expect(Array.from(x).every((v) => v === 0)).toBe(true);
    expect(() =>
      expm(
        fromRows([
          [1e60, 1],
          [0, 1],
        ]),
      ),
    ).toThrow(NonFiniteError);
  });

  it('expm(0) = I exactly, and 0×0 / 1×1 inputs', () => {
    expect(Array.from(expm(zeros(3)).data)).toEqual(Array.from(identity(3).data));
    expect(expm(zeros(0)).rows).toBe(0);
    expect(expm(fromRows([[1]])).data[0]).toBe(Math.E);
  });

  it('expm(a) does not mutate a', () => {
    const a = randomMatrix(5, 6, 40);
    const before = Float64Array.from(a.data);
    expm(a);
    expect(a.data).toEqual(before);
  });

  it('expm(a) rejects bad input and overflow with typed errors', () => {
    expect(() => expm(zeros(2, 3))).toThrow(ShapeError);
    expect(() =>
      expm(
        fromRows([
          [Number.NaN, 0],
          [0, 1],
        ]),
      ),
    ).toThrow(NonFiniteError);
    expect(() => expm(fromRows([[800]]))).toThrow(NonFiniteError);
    expect(() =>
      expm(
        fromRows([
          [800, 1],
          [0, 1],
        ]),
      ),
    ).toThrow(/expm\(\): e\^a overflows/);
  });
});
