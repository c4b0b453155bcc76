import { InvalidArgumentError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { geometricFeatures, gridFeatures, sampleGrid, wingSurface } from './index.js';

describe('wingSurface(options)', () => {
  const opts = { semiSpan: 5, rootChord: 2, taperRatio: 0.3, sweep: 25, twist: -4, dihedral: 6 };
  const w = wingSurface(opts);
  const deg = Math.PI / 180;
  it('places the leading edge at x = y tan(sweep) and the tip chord at taperRatio·rootChord, twisted by twist', () => {
    for (const v of [0, 0.5, 1]) {
      const le = w.position(Math.PI, v);
      const te = w.position(0, v);
      const y = v * opts.semiSpan;
      expect(le[1]).toBeCloseTo(y, 14);
      const c = opts.rootChord * (1 - (1 - opts.taperRatio) * v);
      expect(Math.hypot(te[0] - le[0], te[2] - le[2])).toBeCloseTo(c, 12);
      // the chord line is rotated nose-up by twist·v: (te − le) = c (cos ε, −sin ε)
      const eps = opts.twist * v * deg;
      expect(Math.atan2(-(te[2] - le[2]), te[0] - le[0])).toBeCloseTo(eps, 12);
      // quarter chord on the swept, dihedral reference line
      const qx = le[0] + 0.25 * (te[0] - le[0]);
      const qz = le[2] + 0.25 * (te[2] - le[2]);
      expect(qx).toBeCloseTo(y * Math.tan(opts.sweep * deg) + 0.25 * c, 12);
      expect(qz).toBeCloseTo(y * Math.tan(opts.dihedral * deg), 12);
    }
  });
  it('normals point out of the wing (away from the section centre) on a sampled grid', () => {
    const g = sampleGrid(w, {
      nu: 48,
      nv: 9,
      uRange: [0, 2 * Math.PI],
      vRange: [0, 1],
      periodicU: true,
    });
    const f = gridFeatures(g);
    for (let j = 0; j < g.nv; j++) {
      let cx = 0;
      let cz = 0;
      for (let i = 0; i < g.nu; i++) {
        cx += f.point[3 * (i * g.nv + j)] / g.nu;
        cz += f.point[3 * (i * g.nv + j) + 2] / g.nu;
      }
      let out = 0;
      for (let i = 0; i < g.nu; i++) {
        const k = i * g.nv + j;
        const d =
          (f.point[3 * k] - cx) * f.normal[3 * k] + (f.point[3 * k + 2] - cz) * f.normal[3 * k + 2];
        if (d > 0) out++;
      }
      // all but the nodes by the trailing-edge crease
      expect(out).toBeGreaterThanOrEqual(g.nu - 2);
    }
  });
  it('the leading edge is far more curved than mid-chord (|H| larger by > 10)', () => {
    const le = geometricFeatures(w, Math.PI, 0.5);
    const mid = geometricFeatures(w, 1.5 * Math.PI, 0.5);
    expect(Math.abs(le.meanCurvature)).toBeGreaterThan(10 * Math.abs(mid.meanCurvature));
  });
  it('without twist the wing is developable: K = 0 everywhere off the crease (sweep, taper and dihedral keep it ruled by straight lines along the span)', () => {
    const flat = wingSurface({ ...opts, twist: 0 });
    for (const u of [0.5, 2, Math.PI, 4, 5.5])
      for (const v of [0.1, 0.5, 0.9]) {
        const f = geometricFeatures(flat, u, v);
        // Richardson derivatives (~1e-11) times the leading-edge curvature (|κ₁| ≲ 1e2)
        expect(Math.abs(f.gaussianCurvature)).toBeLessThan(1e-7);
      }
    expect(Math.abs(geometricFeatures(w, 2, 0.5).gaussianCurvature)).toBeGreaterThan(1e-4);
  });
  it('rejects bad planform parameters', () => {
    expect(() => wingSurface({ taperRatio: 0 })).toThrow(InvalidArgumentError);
    expect(() => wingSurface({ sweep: 85 })).toThrow(/sweep must be a number in \(-80, 80\)/);
    expect(() => wingSurface({ semiSpan: -1 })).toThrow(/semiSpan must be a finite number > 0/);
    expect(() => wingSurface({ airfoil: 'abcd' })).toThrow(/four-digit NACA code/);
  });
});
