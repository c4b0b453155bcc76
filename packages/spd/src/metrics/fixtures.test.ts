import { fromRows, type Matrix } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import means from '../../test/fixtures/means.json' with { type: 'json' };
import fixture from '../../test/fixtures/metrics.json' with { type: 'json' };
import { relErr } from '../../test/helpers.js';
import {
  affineInvariant,
  buresWasserstein,
  euclidean,
  frechetMean,
  generalizedBuresWasserstein,
  logCholesky,
  logEuclidean,
  type SPDMetric,
} from '../index.js';

const byName: Record<string, SPDMetric> = {
  'affine-invariant': affineInvariant,
  'log-euclidean': logEuclidean,
  'log-cholesky': logCholesky,
  'bures-wasserstein': buresWasserstein,
  euclidean,
};

// Relative tolerance on distances per regime: tiny/typical inputs (κ ≤ 30) agree with SciPy to
// ~1e-13; for κ = 1e10 the references are mpmath at 50 digits and the bound is what float64
// inputs allow (AIRM/LEM/LCM ~κ^{1/2}ε in the log of the smallest eigenvalues, relative to a
// distance of order ln κ; BW is a difference of traces of size ~√κ: absolute error ~ε√κ·‖·‖).
const distanceTol: Record<string, number> = {
  tiny: 1e-12,
  typical: 1e-11,
  'ill-conditioned': 1e-6,
};

describe('metrics against NumPy/SciPy and mpmath fixtures', () => {
  for (const c of fixture.cases) {
    const p = fromRows(c.p);
    const q = fromRows(c.q);
    const tol = distanceTol[c.regime];
    it(`distance(p, q) matches the reference (${c.regime}, ${p.rows}×${p.rows})`, () => {
      for (const [name, d] of Object.entries(c.distance)) {
        const metric =
          name === 'generalized-bures-wasserstein'
            ? generalizedBuresWasserstein(fromRows(c.m))
            : byName[name];
        expect(Math.abs(metric.distance(p, q) - d)).toBeLessThanOrEqual(tol * Math.max(1, d));
      }
    });
    if ('log' in c && c.log) {
      it(`log(p, q) and exp(p, v) match SciPy's logm/sqrtm/expm/Lyapunov (${c.regime})`, () => {
        for (const [name, l] of Object.entries(c.log as Record<string, number[][]>)) {
          // SciPy's general (Schur-based) sqrtm/logm of non-symmetric products lose ~κ·ε
          expect(relErr(byName[name].log(p, q), fromRows(l))).toBeLessThan(1e-9);
        }
        for (const [name, e] of Object.entries((c as { exp: Record<string, number[][]> }).exp)) {
          expect(relErr(byName[name].exp(p, fromRows(c.v)), fromRows(e))).toBeLessThan(1e-11);
        }
      });
    }
  }
});

describe('frechetMean against NumPy/SciPy fixtures', () => {
  for (const c of means.cases) {
    const pts: Matrix[] = c.points.map((x) => fromRows(x));
    it(`means of ${pts.length} ${pts[0].rows}×${pts[0].rows} points match (AIRM via pyRiemann's loop, LEM, LCM, BW fixed point, Euclidean)`, () => {
      for (const [name, m] of Object.entries(c.mean)) {
        const r = frechetMean(pts, byName[name], { weights: c.weights, tol: 1e-11, maxIter: 500 });
        // both sides stop at gradient ≤ 1e-11..1e-12; with κ ≤ 100 the means agree to ~1e-10
        expect(relErr(r.mean, fromRows(m))).toBeLessThan(1e-9);
      }
    });
  }
});
