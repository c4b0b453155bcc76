import {
  InvalidArgumentError,
  invSqrtmSym,
  type Matrix,
  matmul,
  matmulTransA,
  NonFiniteError,
  rng,
  svd,
} from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newtonSchulz } from './index.js';

const MUON = [3.4445, -4.775, 2.0315];

/** U diag(s) Vᵀ with Haar-random thin U (m×k) and V (n×k), k = min(m, n) */
function withSingularValues(m: number, n: number, s: number[], seed: number): Matrix {
  const r = rng(seed);
  const gauss = (rows: number, cols: number): Matrix => ({
    rows,
    cols,
    data: Float64Array.from({ length: rows * cols }, () => r.normal()),
  });
  const k = Math.min(m, n);
  const u = svd(gauss(m, k)).u;
  const v = svd(gauss(n, k)).u;
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let l = 0; l < k; l++) acc += u.data[i * k + l] * s[l] * v.data[j * k + l];
      out[i * n + j] = acc;
    }
  return { rows: m, cols: n, data: out };
}

/** the scalar map s ↦ a s + b s³ + c s⁵, `steps` times */
function scalarMap(s: number, steps: number, [a, b, c] = MUON): number {
  let x = s;
  for (let k = 0; k < steps; k++) x = a * x + b * x ** 3 + c * x ** 5;
  return x;
}

describe('newtonSchulz', () => {
  it('newtonSchulz(G) keeps the singular vectors of G and maps each s/‖G‖_F by the scalar quintic (vs svd)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom([6, 6], [9, 4], [4, 9], [1, 5], [5, 1]),
        (seed, [m, n]) => {
          const k = Math.min(m, n);
          const r = rng(seed);
          const s = Array.from({ length: k }, () => 0.05 + r.uniform());
          s.sort((x, y) => y - x);
          const g = withSingularValues(m, n, s, seed);
          const fro = Math.hypot(...s);
          const out = newtonSchulz(g);
          // the expected matrix U·p⁵(Σ/‖G‖)·Vᵀ from G's own SVD
          const { u, v } = svd(g);
          const expected = new Float64Array(m * n);
          for (let l = 0; l < k; l++) {
            const t = scalarMap(s[l] / fro, 5);
            for (let i = 0; i < m; i++)
              for (let j = 0; j < n; j++)
                expected[i * n + j] += u.data[i * k + l] * t * v.data[j * k + l];
          }
          // 5 steps of products with entries ≤ ~1.2: rounding grows to a few hundred ulp
          for (let i = 0; i < m * n; i++)
            expect(Math.abs(out.data[i] - expected[i])).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 15, seed: 7 },
    );
  });

  it('maps singular values with s/‖G‖_F ≥ 2e-3 into the documented band [0.68, 1.21]', () => {
    for (const [m, n, seed] of [
      [12, 12, 1],
      [20, 8, 2],
      [8, 20, 3],
    ]) {
      const k = Math.min(m, n);
      // normalized singular values s/‖G‖_F: log-spaced from 0.3 down to 2e-3 (the band's
      // lower end of validity), and the largest one makes Σ s² = 1
      const rest = Array.from({ length: k - 1 }, (_, i) => 0.3 * (2e-3 / 0.3) ** (i / (k - 2)));
      const top = Math.sqrt(1 - rest.reduce((acc, x) => acc + x * x, 0));
      const target = [top, ...rest].map((x) => 7 * x);
      expect(Math.min(...target) / Math.hypot(...target)).toBeCloseTo(2e-3, 12);
      const g = withSingularValues(m, n, target, seed);
      const out = svd(newtonSchulz(g)).s;
      for (const s of out) {
        expect(s).toBeGreaterThan(0.68);
        expect(s).toBeLessThan(1.21);
      }
    }
  });

  it('with the cubic (1.5, −0.5, 0) and enough steps it converges to the polar factor G(GᵀG)^{−1/2}', () => {
    const g = withSingularValues(7, 4, [2, 1.5, 1, 0.8], 11);
    const polar = matmul(g, invSqrtmSym(matmulTransA(g, g)));
    const ns = newtonSchulz(g, { steps: 40, coefficients: [1.5, -0.5, 0] });
    // quadratic convergence once s is near 1: rounding level after 40 steps
    for (let i = 0; i < polar.data.length; i++)
      expect(Math.abs(ns.data[i] - polar.data[i])).toBeLessThan(1e-13);
  });

  it('per-step coefficients run one triple per step; a zero matrix stays zero', () => {
    const g = withSingularValues(3, 3, [1, 0.5, 0.25], 5);
    const a = newtonSchulz(g, { coefficients: [MUON, MUON] as [number, number, number][] });
    const b = newtonSchulz(g, { steps: 2 });
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    const z = newtonSchulz({ rows: 2, cols: 3, data: new Float64Array(6) });
    expect(Array.from(z.data)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('bad input throws typed errors naming newtonSchulz()', () => {
    const g = withSingularValues(2, 2, [1, 1], 1);
    expect(() => newtonSchulz({ rows: 1, cols: 2, data: Float64Array.of(1, Number.NaN) })).toThrow(
      NonFiniteError,
    );
    expect(() => newtonSchulz(g, { steps: 0 })).toThrow(/newtonSchulz\(\): steps/);
    expect(() => newtonSchulz(g, { coefficients: [1, 2] as never })).toThrow(InvalidArgumentError);
    expect(() =>
      newtonSchulz(g, { steps: 3, coefficients: [MUON, MUON] as [number, number, number][] }),
    ).toThrow(/steps \(3\) must equal/);
  });
});
