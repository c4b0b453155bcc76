import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  diffFro,
  EPS,
  fro,
  isExactlySymmetric,
  mul,
  rngFrom,
  seedArb,
  spdArb,
} from '../test/symmetric-utils.js';
import {
  fromRows,
  NotPositiveDefiniteError,
  ShapeError,
  solveLyapunovSym,
  zeros,
} from './index.js';

describe('solveLyapunovSym', () => {
  it('solveLyapunovSym(p, v) gives L with P L + L P = V, symmetric for symmetric V (property, cond ≤ 1e6)', () => {
    fc.assert(
      fc.property(spdArb(1, 7), seedArb, fc.boolean(), (p, seed, symmetricV) => {
        const n = p.rows;
        const r = rngFrom(seed);
        const v = { rows: n, cols: n, data: new Float64Array(n * n) };
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) v.data[i * n + j] = r.normal();
        if (symmetricV)
          for (let i = 0; i < n; i++)
            for (let j = 0; j < i; j++) v.data[j * n + i] = v.data[i * n + j];
        const l = solveLyapunovSym(p, v);
        if (symmetricV) expect(isExactlySymmetric(l)).toBe(true);
        const pl = mul(p, l);
        const lp = mul(l, p);
        const res = { rows: n, cols: n, data: pl.data.map((x, i) => x + lp.data[i]) };
        // backward stable through eigh: residual ≤ c·n·ε·‖P‖·‖L‖ (+ ε‖V‖ from the transforms)
        expect(diffFro(res, v)).toBeLessThanOrEqual(20 * n * EPS * (2 * fro(p) * fro(l) + fro(v)));
      }),
      { numRuns: 50 },
    );
  });

  it('solveLyapunovSym(p, v) throws for non-SPD p and mismatched shapes', () => {
    expect(() =>
      solveLyapunovSym(
        fromRows([
          [1, 0],
          [0, -1],
        ]),
        zeros(2, 2),
      ),
    ).toThrow(NotPositiveDefiniteError);
    expect(() => solveLyapunovSym(fromRows([[1]]), zeros(2, 2))).toThrow(ShapeError);
  });

  it('solveLyapunovSym(p, v) does not mutate its inputs', () => {
    const p = fromRows([
      [2, 1],
      [1, 2],
    ]);
    const v = fromRows([
      [1, 0],
      [3, 1],
    ]);
    const p0 = p.data.slice();
    const v0 = v.data.slice();
    solveLyapunovSym(p, v);
    expect(p.data).toEqual(p0);
    expect(v.data).toEqual(v0);
  });
});
