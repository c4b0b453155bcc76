import { describe, expect, it } from 'vitest';
import fixture from '../../test/fixtures/stencils.json' with { type: 'json' };
import { axisStencil, fornbergWeights } from './stencils.js';

describe('fornbergWeights(z, x, m)', () => {
  it('matches exact rational solves of the Taylor system (test/fixtures/gen_stencils.py)', () => {
    for (const c of fixture.cases) {
      const w = fornbergWeights(c.z, c.x, c.m)[c.m];
      const scale = Math.max(...c.w.map(Math.abs));
      // the recursion loses a few ulps per node; 1e-13 of the largest weight is ~500 ulp
      for (let j = 0; j < c.w.length; j++)
        expect(Math.abs(w[j] - c.w[j])).toBeLessThanOrEqual(1e-13 * scale);
    }
  });
});

describe('axisStencil(n, periodic, m, p, h)', () => {
  // a stencil of order p for derivative m is exact on polynomials of degree < m + p
  for (const p of [2, 4, 6])
    for (const m of [1, 2])
      it(`order ${p}, derivative ${m}: exact on polynomials of degree ${m + p - 1} at every node, ends included`, () => {
        const n = 12;
        const h = 0.3;
        const st = axisStencil(n, false, m, p, h);
        const deg = m + p - 1;
        const f = (x: number) => (1 + x) ** deg;
        const fm = (x: number) => {
          let c = 1;
          for (let k = 0; k < m; k++) c *= deg - k;
          return c * (1 + x) ** (deg - m);
        };
        for (let i = 0; i < n; i++) {
          let s = 0;
          let mag = 0;
          for (let k = 0; k < st.width; k++) {
            const t = st.w[i * st.width + k] * f(st.idx[i * st.width + k] * h);
            s += t;
            mag += Math.abs(t);
          }
          // exact up to rounding: the sum of |terms| times a few hundred ulps (weights carry
          // their own rounding from the recursion)
          expect(Math.abs(s - fm(i * h))).toBeLessThanOrEqual(256 * Number.EPSILON * mag);
        }
      });
  it('periodic axes wrap: the derivative of sin on a full period is cos to O(h^p)', () => {
    const n = 32;
    const h = (2 * Math.PI) / n;
    const st = axisStencil(n, true, 1, 4, h);
    let err = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < st.width; k++)
        s += st.w[i * st.width + k] * Math.sin(st.idx[i * st.width + k] * h);
      err = Math.max(err, Math.abs(s - Math.cos(i * h)));
    }
    // truncation h⁴/30 · max|f⁽⁵⁾| ≈ 1.3e-4 at h = 0.196
    expect(err).toBeLessThan(2e-4);
    expect(err).toBeGreaterThan(1e-6);
  });
});
