import { describe, expect, it } from 'vitest';
import { panelMethod } from '../examples/support/panel-method.js';
import { naca4 } from '../src/index.js';

const deg = Math.PI / 180;

describe('panelMethod (the synthetic pressure target of the regression example)', () => {
  it('a symmetric section at zero incidence has zero lift and mirror-symmetric Cp', () => {
    const s = naca4('0012', { points: 128 });
    const r = panelMethod(s.x, s.z, 0);
    expect(Math.abs(r.cl)).toBeLessThan(1e-12);
    for (let k = 1; k < 64; k++) expect(r.cpNodes[k]).toBeCloseTo(r.cpNodes[128 - k], 10);
  });
  it('lift from the pressure and from the circulation (Kutta–Joukowski) converge together', () => {
    const gap = (n: number) => {
      const s = naca4('2412', { points: n });
      const r = panelMethod(s.x, s.z, 5 * deg);
      return Math.abs(r.cl - r.clCirculation) / r.clCirculation;
    };
    // measured 1.9 %, 1.0 %, 0.5 %: both are first-order consistent discretizations
    expect(gap(256)).toBeLessThan(0.01);
    expect(gap(64) / gap(256)).toBeGreaterThan(3);
  });
  it('the lift slope of NACA 0012 is 2π(1 + 0.77 t/c) per radian within 1 % (thin-airfoil theory with the thickness correction)', () => {
    const s = naca4('0012', { points: 256 });
    const slope = (panelMethod(s.x, s.z, 5 * deg).cl - panelMethod(s.x, s.z, 0).cl) / (5 * deg);
    const theory = 2 * Math.PI * (1 + 0.77 * 0.12);
    expect(Math.abs(slope / theory - 1)).toBeLessThan(0.01);
  });
});
