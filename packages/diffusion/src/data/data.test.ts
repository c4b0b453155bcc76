import { InvalidArgumentError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { sCurve, sphere, swissRoll, torus } from '../index.js';

/** Arc length of (t cos t, t sin t) on [a, b] by composite Simpson with 2000 panels. */
function simpsonArc(a: number, b: number): number {
  const m = 2000;
  const h = (b - a) / m;
  let s = 0;
  for (let q = 0; q <= m; q++) {
    const t = a + q * h;
    const f = Math.sqrt(1 + t * t);
    s += (q === 0 || q === m ? 1 : q % 2 ? 4 : 2) * f;
  }
  return (s * h) / 3;
}

describe('swissRoll / sCurve', () => {
  it('swissRoll points lie on (t cos t, h, t sin t) and the intrinsic coordinate is the arc length', () => {
    const r = swissRoll({ n: 200, seed: 4 });
    for (let i = 0; i < 200; i++) {
      const [x, y, z] = r.points.data.subarray(3 * i, 3 * i + 3);
      expect(x).toBeCloseTo(r.t[i] * Math.cos(r.t[i]), 12);
      expect(z).toBeCloseTo(r.t[i] * Math.sin(r.t[i]), 12);
      expect(y).toBe(r.height[i]);
      expect(r.t[i]).toBeGreaterThanOrEqual(1.5 * Math.PI);
      expect(r.t[i]).toBeLessThanOrEqual(4.5 * Math.PI);
    }
    // s(t_j) − s(t_i) is the integral of √(1 + t²): Simpson's rule error ~h⁴ ≈ 1e-12
    for (const [i, j] of [
      [0, 1],
      [5, 77],
      [120, 3],
    ]) {
      const a = Math.min(r.t[i], r.t[j]);
      const b = Math.max(r.t[i], r.t[j]);
      const ds = Math.abs(r.intrinsic.data[2 * i] - r.intrinsic.data[2 * j]);
      expect(ds).toBeCloseTo(simpsonArc(a, b), 8);
    }
  });
  it('noise perturbs the points with the requested standard deviation; seeds reproduce', () => {
    const a = swissRoll({ n: 3000, seed: 1 });
    const b = swissRoll({ n: 3000, seed: 1, noise: 0.05 });
    let s = 0;
    for (let q = 0; q < a.points.data.length; q++) s += (a.points.data[q] - b.points.data[q]) ** 2;
    // sample sd of 9000 draws: 0.05·(1 ± 3/√(2·9000))
    expect(Math.sqrt(s / 9000)).toBeGreaterThan(0.05 * (1 - 0.023));
    expect(Math.sqrt(s / 9000)).toBeLessThan(0.05 * (1 + 0.023));
    expect(swissRoll({ n: 5, seed: 9 }).points).toEqual(swissRoll({ n: 5, seed: 9 }).points);
    expect(() => swissRoll({ n: 0 })).toThrow(InvalidArgumentError);
    expect(() => swissRoll({ noise: -1 })).toThrow(InvalidArgumentError);
  });
  it('the S-curve has unit speed: chords of close points equal their intrinsic distances', () => {
    const s = sCurve({ n: 500, seed: 2 });
    for (let i = 0; i < 500; i++) {
      const [x, , z] = s.points.data.subarray(3 * i, 3 * i + 3);
      expect(x).toBeCloseTo(Math.sin(s.t[i]), 14);
      expect(z).toBeCloseTo(Math.sign(s.t[i]) * (Math.cos(s.t[i]) - 1), 14);
    }
    // two points 1e-4 apart in t on the same side: chord = arc (1 − O(1e-9))
    const t0 = 1.3;
    const chord = Math.hypot(
      Math.sin(t0 + 1e-4) - Math.sin(t0),
      Math.cos(t0 + 1e-4) - Math.cos(t0),
    );
    expect(chord / 1e-4).toBeCloseTo(1, 8);
  });
});

describe('sphere / torus', () => {
  it('sphere points have the requested radius and a mean near 0', () => {
    const s = sphere({ n: 4000, radius: 2, seed: 3 });
    let mx = 0;
    for (let i = 0; i < 4000; i++) {
      const [x, y, z] = s.points.data.subarray(3 * i, 3 * i + 3);
      expect(Math.hypot(x, y, z)).toBeCloseTo(2, 12);
      mx += x;
    }
    // the mean of x is N(0, 4/(3·4000)): |mean| < 4 sd = 0.13
    expect(Math.abs(mx / 4000)).toBeLessThan(0.13);
    expect(sphere({ n: 3, dim: 4 }).points.cols).toBe(5);
  });
  it('torus points satisfy (√(x² + y²) − R)² + z² = r², uniform in φ and area-weighted in θ', () => {
    const t = torus({ n: 20000, seed: 6 });
    let outer = 0;
    for (let i = 0; i < 20000; i++) {
      const [x, y, z] = t.points.data.subarray(3 * i, 3 * i + 3);
      expect((Math.hypot(x, y) - 2) ** 2 + z * z).toBeCloseTo(1, 12);
      if (Math.cos(t.theta[i]) > 0) outer++;
    }
    // P(cos θ > 0) = ∫ (R + r cos θ) over the outer half / (2πR) = ½ + r/(πR) = 0.659; sd 0.0034
    expect(Math.abs(outer / 20000 - (0.5 + 1 / (2 * Math.PI)))).toBeLessThan(0.014);
    expect(() => torus({ majorRadius: 1, minorRadius: 2 })).toThrow(InvalidArgumentError);
  });
});
