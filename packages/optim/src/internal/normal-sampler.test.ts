import { rng } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { zigguratNormals } from './normal-sampler.js';

/** Φ(x) by composite Simpson integration of the standard normal density from 0 */
function normalCdf(x: number): number {
  const n = 2000;
  const h = x / n;
  let s = 0;
  for (let i = 0; i <= n; i++) {
    const t = i * h;
    const w = i === 0 || i === n ? 1 : i % 2 ? 4 : 2;
    s += w * Math.exp(-0.5 * t * t);
  }
  return 0.5 + (s * h) / 3 / Math.sqrt(2 * Math.PI);
}

describe('zigguratNormals', () => {
  it('draws standard normals: moments, Kolmogorov–Smirnov distance and tail mass', () => {
    const n = 400_000;
    const z = new Float64Array(n);
    zigguratNormals(rng(12))(z, n);
    let m1 = 0;
    let m2 = 0;
    let m4 = 0;
    let tail = 0;
    for (const v of z) {
      m1 += v;
      m2 += v * v;
      m4 += v ** 4;
      if (Math.abs(v) > 3.442619855899) tail++;
    }
    m1 /= n;
    m2 /= n;
    m4 /= n;
    // standard errors: 1/√n for the mean, √2/√n for the variance, √96/√n for the 4th moment
    expect(Math.abs(m1)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(m2 - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(m4 - 3)).toBeLessThan(4 * Math.sqrt(96 / n));
    // the tail beyond the ziggurat's base, P(|Z| > r) = 2(1 − Φ(r)) ≈ 5.8e-4 (binomial sd)
    const p = 2 * (1 - normalCdf(3.442619855899));
    expect(Math.abs(tail / n - p)).toBeLessThan(4 * Math.sqrt(p / n));
    // KS distance on a sorted subsample: the 0.1% critical value is 1.95/√m
    const m = 20_000;
    const sorted = Array.from(z.subarray(0, m)).sort((a, b) => a - b);
    let ks = 0;
    for (let i = 0; i < m; i += 7) {
      const f = normalCdf(sorted[i]);
      ks = Math.max(ks, Math.abs(f - i / m), Math.abs(f - (i + 1) / m));
    }
    expect(ks).toBeLessThan(1.95 / Math.sqrt(m));
  });

  it('is reproducible from a seeded generator and differs across seeds', () => {
    const a = new Float64Array(100);
    const b = new Float64Array(100);
    const c = new Float64Array(100);
    zigguratNormals(rng(1))(a, 100);
    zigguratNormals(rng(1))(b, 100);
    zigguratNormals(rng(2))(c, 100);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });
});
