import { fromRows, ShapeError, toRows } from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  costMatrix,
  emd,
  emd2,
  sinkhorn,
  sinkhornBarycenter,
  sinkhornNewtonSparse,
} from './index.js';

const x = [
  [0, 0],
  [1, 0],
  [0, 2],
];
const y = [
  [0, 1],
  [2, 1],
];
const C = costMatrix(x, y);
const a = [0.2, 0.5, 0.3];
const b = [0.6, 0.4];

describe('cost as a Matrix or nested rows', () => {
  it('every solver gives the same result, bit for bit, for the Matrix and its rows', () => {
    const rows = toRows(C);
    expect(emd(a, b, rows).plan).toEqual(emd(a, b, C).plan);
    expect(emd2(a, b, rows)).toBe(emd2(a, b, C));
    expect(sinkhorn(a, b, rows, { reg: 0.1 }).plan).toEqual(sinkhorn(a, b, C, { reg: 0.1 }).plan);
    expect(sinkhornNewtonSparse(a, b, rows, { reg: 0.1 }).plan).toEqual(
      sinkhornNewtonSparse(a, b, C, { reg: 0.1 }).plan,
    );
    const square = costMatrix(x, x);
    expect(
      sinkhornBarycenter([a, [0.1, 0.1, 0.8]], toRows(square), { reg: 0.5 }).barycenter,
    ).toEqual(sinkhornBarycenter([a, [0.1, 0.1, 0.8]], square, { reg: 0.5 }).barycenter);
  });

  it('nested rows are checked like a Matrix: ragged rows, shape and non-finite entries', () => {
    expect(() => emd(a, b, [[0, 1], [1], [2, 2]])).toThrow(
      new ShapeError('emd(): cost[1] has 1 entries, cost[0] has 2'),
    );
    expect(() => sinkhorn(a, b, [[0, 1]], { reg: 1 })).toThrow(
      /^sinkhorn\(\): cost is 1×2 but a has 3 and b has 2 entries$/,
    );
    expect(() =>
      emd(a, b, [
        [0, 1],
        [1, Number.NaN],
        [2, 2],
      ]),
    ).toThrow(/^emd\(\): cost/);
    expect(() => emd(a, b, 'C' as never)).toThrow(
      /^emd\(\): cost must be a Matrix or nested arrays of numbers/,
    );
  });

  it('the rows are copied: editing them afterwards changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (c) => {
          const rows = [c.slice(0, 2), c.slice(2, 4), c.slice(4, 6)];
          const expected = emd(a, b, fromRows(rows));
          const got = emd(a, b, rows);
          rows[0][0] = 1e6;
          expect(got.plan).toEqual(expected.plan);
          expect(got.cost).toBe(expected.cost);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('sinkhorn(): warning when it stops unconverged', () => {
  it('says how far it got, with converged false and the same numbers as the result', () => {
    const r = sinkhorn(a, b, C, { reg: 0.01, maxIter: 3 });
    expect(r.converged).toBe(false);
    expect(r.marginalError).toBeGreaterThan(1e-9);
    expect(r.warning).toBe(
      `sinkhorn(): stopped unconverged: marginal error ${r.marginalError.toExponential(2)} > tol 1e-9 after 3 iterations (maxIter 3, method 'standard', reg 0.01); raise maxIter or reg, or pass strict: true to throw`,
    );
  });

  it('no warning once converged; a method switch and a stop give both sentences', () => {
    expect('warning' in sinkhorn(a, b, C, { reg: 0.01, maxIter: 100000 })).toBe(false);
    const both = sinkhorn(a, b, C, {
      reg: 0.1,
      method: 'stabilized',
      maxIter: 5,
      warmStart: { f: [0, 0, 0], g: [0, -1e4] },
    });
    expect(both.converged).toBe(false);
    expect(both.warning).toMatch(
      /^sinkhorn\(\): method 'stabilized' at reg = 0\.1: .*switched to the log domain \(method 'log'\)\. sinkhorn\(\): stopped unconverged: .* after 5 iterations \(maxIter 5, method 'log', reg 0\.1\)/,
    );
  });

  it('the warning agrees with converged on random problems', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0.02, max: 1, noNaN: true }),
        (maxIter, reg) => {
          const r = sinkhorn(a, b, C, { reg, maxIter, tol: 1e-6 });
          expect(r.warning !== undefined).toBe(!r.converged);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('option messages say what was passed', () => {
  it('an object, an array or a string is described, never "[object Object]"', () => {
    expect(() => sinkhorn(a, b, C, { reg: {} as never })).toThrow(
      /^sinkhorn\(\): reg must be a finite number > 0 \(got an empty object\)$/,
    );
    expect(() => sinkhorn(a, b, C, { reg: 1, maxIter: [5] as never })).toThrow(
      /^sinkhorn\(\): maxIter must be a non-negative integer \(got an array of length 1\)$/,
    );
    expect(() => emd(a, b, C, { maxIter: { n: 5 } as never })).toThrow(
      /^emd\(\): maxIter must be a non-negative integer \(got an object with keys n\)$/,
    );
    expect(() => sinkhorn(a, b, C, { reg: 1, tol: '1e-9' as never })).toThrow(
      /^sinkhorn\(\): tol must be a finite number ≥ 0 \(got '1e-9'\)$/,
    );
  });
});
