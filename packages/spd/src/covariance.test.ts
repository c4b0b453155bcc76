import {
  fromRows,
  InvalidArgumentError,
  identity,
  NonFiniteError,
  NotPositiveDefiniteError,
} from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import fixture from '../test/fixtures/covariance.json' with { type: 'json' };
import { relErr } from '../test/helpers.js';
import { affineInvariant, covariance } from './index.js';

describe('covariance(x, { estimator }) against scikit-learn', () => {
  for (const c of fixture.cases) {
    const x = fromRows(c.x);
    it(`${x.rows} channels × ${x.cols} samples: scm, cov, lwf, oas, shrinkage match sklearn.covariance / numpy.cov`, () => {
      // sums of N ≤ 200 products: ~1e-14 relative; the shrinkage intensities are ratios of such sums
      const tol = 1e-12;
      expect(relErr(covariance(x), fromRows(c.scm))).toBeLessThan(tol);
      expect(relErr(covariance(x, { assumeCentered: true }), fromRows(c.scmCentered))).toBeLessThan(
        tol,
      );
      expect(relErr(covariance(x, { estimator: 'cov' }), fromRows(c.cov))).toBeLessThan(tol);
      expect(relErr(covariance(x, { estimator: 'lwf' }), fromRows(c.lwf))).toBeLessThan(tol);
      expect(
        relErr(
          covariance(x, { estimator: 'lwf', assumeCentered: true }),
          fromRows(c.lwfAssumeCentered),
        ),
      ).toBeLessThan(tol);
      expect(relErr(covariance(x, { estimator: 'oas' }), fromRows(c.oas))).toBeLessThan(tol);
      expect(
        relErr(covariance(x, { estimator: { shrinkage: 0.2 } }), fromRows(c.shrunk02)),
      ).toBeLessThan(tol);
    });
  }

  it('fewer samples than channels: scm throws NotPositiveDefiniteError suggesting shrinkage, lwf/oas stay SPD', () => {
    const x = fromRows([
      [1, 2, 3],
      [0, 1, 0],
      [2, 2, 1],
      [5, 1, 0],
    ]);
    expect(() => covariance(x)).toThrow(NotPositiveDefiniteError);
    expect(() => covariance(x)).toThrow(/lwf/);
    expect(affineInvariant.isPoint(covariance(x, { estimator: 'lwf' }))).toBe(true);
    expect(affineInvariant.isPoint(covariance(x, { estimator: 'oas' }))).toBe(true);
    expect(affineInvariant.isPoint(covariance(x, { estimator: { shrinkage: 0.1 } }))).toBe(true);
  });

  it('rejects NaN, unknown estimators and bad shrinkage; does not mutate x', () => {
    const x = fromRows([
      [1, 2, 3, 4],
      [0, 1, 0, 2],
    ]);
    const snap = Float64Array.from(x.data);
    covariance(x, { estimator: 'lwf' });
    expect(x.data).toEqual(snap);
    const bad = identity(2);
    bad.data[1] = Number.NaN;
    expect(() => covariance(bad)).toThrow(NonFiniteError);
    // @ts-expect-error unknown estimator name
    expect(() => covariance(x, { estimator: 'mcd' })).toThrow(InvalidArgumentError);
    expect(() => covariance(x, { estimator: { shrinkage: 2 } })).toThrow(InvalidArgumentError);
  });
});
