import {
  fromRows,
  InvalidArgumentError,
  identity,
  type Matrix,
  NotPositiveDefiniteError,
  ShapeError,
} from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import means from '../test/fixtures/means.json' with { type: 'json' };
import { relErr } from '../test/helpers.js';
import {
  affineInvariant,
  augmentedCovariance,
  covariance,
  delayEmbed,
  gridSearchCV,
  LogisticRegression,
  logEuclidean,
  MDM,
  Potato,
  simulateEEG,
  stratifiedKFold,
  TangentSpace,
  TangentSpaceClassifier,
} from './index.js';

function cvAccuracy(
  make: () => { fit(c: Matrix[], l: number[]): unknown; predict(c: Matrix[]): number[] },
  covs: Matrix[],
  labels: number[],
  k = 4,
): number {
  const folds = stratifiedKFold(labels, k, 0);
  let correct = 0;
  for (const { train, test } of folds) {
    const clf = make();
    clf.fit(
      train.map((i) => covs[i]),
      train.map((i) => labels[i]),
    );
    const p = clf.predict(test.map((i) => covs[i]));
    correct += p.filter((v, j) => v === labels[test[j]]).length;
  }
  return correct / labels.length;
}

describe('delayEmbed(x, { order, lag })', () => {
  it("matches moabb's test vector: [[0..5]], p = 2, τ = 1 → [[0,1,2,3],[1,2,3,4]]", () => {
    const y = delayEmbed(fromRows([[0, 1, 2, 3, 4, 5]]), { order: 2, lag: 1 });
    expect([y.rows, y.cols]).toEqual([2, 4]);
    expect(Array.from(y.data)).toEqual([0, 1, 2, 3, 1, 2, 3, 4]);
  });
  it('stacks blocks shifted by k·τ and keeps N − p·τ samples; order 1 is the identity', () => {
    const x = fromRows([
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      [10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
    ]);
    const y = delayEmbed(x, { order: 3, lag: 2 });
    expect([y.rows, y.cols]).toEqual([6, 4]);
    expect(Array.from(y.data.subarray(4 * 4, 4 * 5))).toEqual([4, 5, 6, 7]);
    expect(Array.from(y.data.subarray(4 * 5, 4 * 6))).toEqual([14, 15, 16, 17]);
    expect(delayEmbed(x, { order: 1, lag: 3 }).data).toEqual(x.data);
    expect(() => delayEmbed(x, { order: 0, lag: 1 })).toThrow(InvalidArgumentError);
    expect(() => delayEmbed(x, { order: 5, lag: 2 })).toThrow(InvalidArgumentError);
  });
  it('augmentedCovariance is the covariance of the embedding', () => {
    const { trials } = simulateEEG({ channels: 3, samples: 64, trials: 2, seed: 4 });
    const a = augmentedCovariance(trials[0], { order: 3, lag: 2, estimator: 'oas' });
    const b = covariance(delayEmbed(trials[0], { order: 3, lag: 2 }), { estimator: 'oas' });
    expect(a.data).toEqual(b.data);
    expect(affineInvariant.isPoint(a)).toBe(true);
  });
});

describe('TangentSpace (pyRiemann convention)', () => {
  for (const c of means.cases) {
    it(`transform matches logm(C^{-½}XC^{-½}) upper triangle with √2 off-diagonal (${c.points[0].length}×${c.points[0].length})`, () => {
      const pts = c.points.map((x) => fromRows(x));
      const ts = new TangentSpace({ reference: fromRows(c.mean['affine-invariant']) });
      const v = ts.transform(pts);
      const expected = fromRows(c.tangentSpace);
      // κ ≤ 100 inputs, references from SciPy's Schur-based logm: ~1e-12 relative
      expect(relErr(v, expected)).toBeLessThan(1e-10);
      const back = ts.inverseTransform(v);
      back.forEach((b, i) => {
        expect(relErr(b, pts[i])).toBeLessThan(1e-10);
      });
    });
  }
  it('fit learns the mean under the chosen metric; a given reference skips fitting', () => {
    const pts = means.cases[0].points.map((x) => fromRows(x));
    const ts = new TangentSpace({ metric: logEuclidean }).fit(pts);
    expect(ts.reference).toBeDefined();
    const fixed = new TangentSpace({ reference: identity(3) }).fit(pts);
    expect(fixed.reference?.data).toEqual(identity(3).data);
    // Euclidean norm of a vector equals the AIRM distance to the reference
    const v = fixed.transform([pts[0]]);
    const norm = Math.hypot(...v.data);
    expect(norm).toBeCloseTo(affineInvariant.distance(identity(3), pts[0]), 12);
    expect(() => new TangentSpace().transform(pts)).toThrow(InvalidArgumentError);
  });
});

describe('MDM', () => {
  const pts = [
    identity(2),
    fromRows([
      [1.2, 0.1],
      [0.1, 1],
    ]),
    fromRows([
      [5, 0],
      [0, 5],
    ]),
    fromRows([
      [6, 1],
      [1, 5],
    ]),
  ];
  it('predictProba = softmax(−d²) of transform, rows sum to 1, and predict is the nearest mean', () => {
    const mdm = new MDM().fit(pts, [3, 3, 7, 7]);
    expect(mdm.classes).toEqual([3, 7]);
    const q = [
      fromRows([
        [2, 0],
        [0, 2],
      ]),
    ];
    const t = mdm.transform(q);
    // a trials × classes Matrix, like TangentSpace.transform and pairwiseDistances
    expect([t.rows, t.cols]).toEqual([1, 2]);
    const d = Array.from(t.data);
    const p = mdm.predictProba(q)[0];
    const e = d.map((x) => Math.exp(-x * x));
    expect(p[0]).toBeCloseTo(e[0] / (e[0] + e[1]), 14);
    expect(p[0] + p[1]).toBeCloseTo(1, 15);
    expect(mdm.predict(q)).toEqual([d[0] < d[1] ? 3 : 7]);
    expect(d[0]).toBeCloseTo(affineInvariant.distance(mdm.means[0], q[0]), 12);
  });
  it('does not mutate the matrices it is given', () => {
    const snap = pts.map((p) => Float64Array.from(p.data));
    const mdm = new MDM().fit(pts, [0, 0, 1, 1]);
    mdm.predictProba(pts);
    new TangentSpace().fitTransform(pts);
    new Potato().fit(pts).predict(pts);
    pts.forEach((p, i) => {
      expect(p.data).toEqual(snap[i]);
    });
  });
  it('rejects bad input with typed errors', () => {
    expect(() => new MDM().predict(pts)).toThrow(InvalidArgumentError);
    expect(() => new MDM().fit(pts, [0, 0, 1])).toThrow(ShapeError);
    expect(() => new MDM().fit(pts, [0, 0, 0, 0])).toThrow(InvalidArgumentError);
    expect(() =>
      new MDM().fit(
        [
          ...pts.slice(0, 3),
          fromRows([
            [1, 2],
            [2, 1],
          ]),
        ],
        [0, 0, 1, 1],
      ),
    ).toThrow(NotPositiveDefiniteError);
    const mdm = new MDM().fit(pts, [0, 0, 1, 1]);
    expect(() => mdm.predict([identity(3)])).toThrow(ShapeError);
  });
});

describe('LogisticRegression', () => {
  it('separates linearly separable classes and its gradient vanishes at the optimum', () => {
    const x = fromRows([
      [0, 0],
      [1, 0.2],
      [0.2, 1],
      [3, 3],
      [4, 3.2],
      [3.1, 4],
      [-3, 3],
      [-4, 3.5],
      [-3.5, 4],
    ]);
    const y = [0, 0, 0, 1, 1, 1, 2, 2, 2];
    const lr = new LogisticRegression({ tol: 1e-8, maxIter: 500 }).fit(x, y);
    expect(lr.converged).toBe(true);
    expect(lr.predict(x)).toEqual(y);
    const p = lr.predictProba(x);
    p.forEach((row) => {
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    });
    // independent check of stationarity: ∂/∂b_c Σ loss = Σ_i (p_ic − 1[y_i = c]) must vanish
    for (let c = 0; c < 3; c++) {
      const g = p.reduce((a, row, i) => a + row[c] - (y[i] === c ? 1 : 0), 0);
      expect(Math.abs(g)).toBeLessThan(1e-7);
    }
  });
});

describe('Potato', () => {
  it('flags the simulated artifacts as z-score outliers', () => {
    const { trials, artifacts } = simulateEEG({
      channels: 4,
      samples: 128,
      trials: 40,
      seed: 3,
      artifactRate: 0.1,
    });
    expect(artifacts.length).toBeGreaterThan(0);
    const covs = trials.map((x) => covariance(x, { estimator: 'lwf' }));
    const pred = new Potato({ threshold: 3 }).fit(covs).predict(covs);
    for (const a of artifacts) expect(pred[a]).toBe(0);
    const falseAlarms = pred.filter((p, i) => p === 0 && !artifacts.includes(i)).length;
    expect(falseAlarms).toBeLessThanOrEqual(2);
  });
});

describe('stratifiedKFold(labels, k, seed)', () => {
  it('gives disjoint test sets covering every index with class proportions kept', () => {
    const labels = Array.from({ length: 23 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const folds = stratifiedKFold(labels, 4, 9);
    const all = folds.flatMap((f) => f.test).sort((a, b) => a - b);
    expect(all).toEqual(labels.map((_, i) => i));
    for (const f of folds) {
      expect(f.train.length + f.test.length).toBe(23);
      const ones = f.test.filter((i) => labels[i] === 1).length;
      expect(ones === 2 || ones === 1).toBe(true);
    }
    expect(() => stratifiedKFold([0, 0, 1], 2)).toThrow(InvalidArgumentError);
  });
});

describe("the ACM paper's point on simulated data", () => {
  it('MDM on plain covariances is near chance; ACM + MDM and ACM + tangent space are far above it with (order, lag) from the grid search', () => {
    // artifacts off: MDM class means are not robust to them (that is Potato's job, tested above)
    const { trials, labels } = simulateEEG({
      channels: 4,
      samples: 160,
      trials: 48,
      classes: 2,
      seed: 11,
      artifactRate: 0,
    });
    const plain = trials.map((x) => covariance(x, { estimator: 'lwf' }));
    const chance = cvAccuracy(() => new MDM(), plain, labels);
    const search = gridSearchCV(trials, labels, {
      orders: [1, 3],
      lags: [2, 5],
      folds: 4,
      classifier: () => new MDM(),
    });
    expect(search.results).toHaveLength(4);
    expect(search.best.order).toBeGreaterThan(1);
    const { order, lag } = search.best;
    const acm = trials.map((x) => augmentedCovariance(x, { order, lag, estimator: 'lwf' }));
    const acmMdm = cvAccuracy(() => new MDM(), acm, labels);
    const acmTs = cvAccuracy(() => new TangentSpaceClassifier(), acm, labels);
    // 48 trials: a binomial 95% band around chance is 0.5 ± 0.14
    expect(Math.abs(chance - 0.5)).toBeLessThan(0.18);
    expect(acmMdm).toBeGreaterThan(0.8);
    expect(acmTs).toBeGreaterThan(0.8);
  });
});
