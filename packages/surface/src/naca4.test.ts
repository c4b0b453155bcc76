import { InvalidArgumentError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { naca4 } from './index.js';

// The textbook formulas (Abbott & von Doenhoff §6.2), written independently of the
// θ-parametrization used by naca4.
const thickness = (t: number, x: number, a4 = 0.1036) =>
  5 * t * (0.2969 * Math.sqrt(x) - 0.126 * x - 0.3516 * x ** 2 + 0.2843 * x ** 3 - a4 * x ** 4);
const camber = (m: number, p: number, x: number) =>
  x < p ? (m / p ** 2) * (2 * p * x - x * x) : (m / (1 - p) ** 2) * (1 - 2 * p + 2 * p * x - x * x);

describe('naca4(code, options)', () => {
  it("'0012': symmetric, half-thickness 5t(0.2969√x − …) at each x, closed trailing edge", () => {
    const n = 64;
    const s = naca4('0012', { points: n });
    expect(s.x[0]).toBe(1);
    expect(Math.abs(s.z[0])).toBeLessThan(1e-15);
    for (let k = 1; k < n; k++) {
      // lower surface first (k < n/2), then upper, mirrored: z(k) = −z(n − k)
      expect(s.z[k]).toBeCloseTo(-s.z[n - k], 15);
      expect(Math.abs(s.z[k])).toBeCloseTo(thickness(0.12, s.x[k]), 14);
      if (k !== n / 2) expect(s.z[k] < 0).toBe(k < n / 2);
    }
  });
  it("'2412': the midpoint of matching upper and lower points lies on the camber line", () => {
    const n = 80;
    const s = naca4('2412', { points: n });
    for (let k = 1; k < n / 2; k++) {
      const mx = (s.x[k] + s.x[n - k]) / 2;
      const mz = (s.z[k] + s.z[n - k]) / 2;
      // upper = (x − y_t sin θ, y_c + y_t cos θ), lower = (x + y_t sin θ, y_c − y_t cos θ)
      expect(mz).toBeCloseTo(camber(0.02, 0.4, mx), 14);
    }
  });
  it('closedTrailingEdge: false keeps the 0.1015 coefficient and a thin base at x = 1', () => {
    const s = naca4('0012', { points: 32, closedTrailingEdge: false });
    expect(-s.z[0]).toBeCloseTo(thickness(0.12, 1, 0.1015), 15);
  });
  it('rejects malformed codes and too few points', () => {
    expect(() => naca4('241')).toThrow(InvalidArgumentError);
    expect(() => naca4('2012')).toThrow(/maximum camber at 0 %/);
    expect(() => naca4('0000')).toThrow(/zero thickness/);
    expect(() => naca4('0012', { points: 4 })).toThrow(/points must be an integer ≥ 8/);
  });
});
