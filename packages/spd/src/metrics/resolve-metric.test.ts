// One way to name a metric: resolveMetric and every function that takes a metric accept the
// canonical names and pyRiemann's aliases, and reject unknown names with the list of valid ones.
import { fromRows, InvalidArgumentError, type Matrix } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { randomSPD, relErr } from '../../test/helpers.js';
import {
  affineInvariant,
  buresWasserstein,
  euclidean,
  frechetMean,
  geometricMedian,
  logCholesky,
  logEuclidean,
  MDM,
  pairwiseDistances,
  Potato,
  RiemannianBatchNorm,
  resolveMetric,
  type SPDMetric,
  TangentSpace,
} from '../index.js';

const pairs: Array<[string, SPDMetric]> = [
  ['affine-invariant', affineInvariant],
  ['riemann', affineInvariant],
  ['log-euclidean', logEuclidean],
  ['logeuclid', logEuclidean],
  ['log-cholesky', logCholesky],
  ['logchol', logCholesky],
  ['bures-wasserstein', buresWasserstein],
  ['wasserstein', buresWasserstein],
  ['euclidean', euclidean],
  ['euclid', euclidean],
];

describe('resolveMetric(fn, nameOrMetric)', () => {
  it.each(pairs)("'%s' resolves to its metric object", (name, metric) => {
    expect(resolveMetric('f', name as never)).toBe(metric);
  });

  it('returns metric objects as they are and parameterized names need their parameter', () => {
    expect(resolveMetric('f', logCholesky)).toBe(logCholesky);
    const m = randomSPD(3, 1, 5);
    const gbw = resolveMetric('f', 'generalized-bures-wasserstein', { parameter: m });
    expect(gbw.kind).toBe('generalized-bures-wasserstein');
    expect(Array.from(gbw.parameter?.data ?? [])).toEqual(Array.from(m.data));
    expect(() => resolveMetric('f', 'generalized-bures-wasserstein')).toThrow(
      /needs its SPD parameter/,
    );
  });

  it('an unknown name or a missing metric throws InvalidArgumentError naming the function and listing the names', () => {
    expect(() => resolveMetric('frechetMean', 'riemanian' as never)).toThrow(InvalidArgumentError);
    expect(() => resolveMetric('frechetMean', 'riemanian' as never)).toThrow(
      /^frechetMean\(\): metric must be an SPDMetric or one of 'affine-invariant' \('riemann'\), 'log-euclidean' \('logeuclid'\)/,
    );
    expect(() => resolveMetric('MDM', undefined)).toThrow(/MDM\(\): metric is required/);
  });

  it('adapts a hand-written metric object without `unchecked` (its methods become its core)', () => {
    const { unchecked: _u, ...plain } = affineInvariant;
    const adapted = resolveMetric('f', plain as unknown as SPDMetric);
    const a = randomSPD(3, 2, 10);
    const b = randomSPD(3, 3, 10);
    expect(adapted.distance(a, b)).toBeCloseTo(affineInvariant.distance(a, b), 14);
    expect(() => resolveMetric('f', { name: 'bad' } as unknown as SPDMetric)).toThrow(
      /metric must be an SPDMetric/,
    );
  });
});

describe('metric names are accepted everywhere', () => {
  const xs = Array.from({ length: 6 }, (_, i) => randomSPD(3, 10 + i, 10));
  const labels = [0, 0, 0, 1, 1, 1];

  it("frechetMean(points, 'riemann') is frechetMean(points, affineInvariant) (was a TypeError)", () => {
    const a = frechetMean(xs, 'riemann').mean;
    expect(Array.from(a.data)).toEqual(Array.from(frechetMean(xs, affineInvariant).mean.data));
    expect(() => frechetMean(xs, 'nope' as never)).toThrow(/frechetMean\(\): metric must be/);
  });

  it('MDM, TangentSpace, Potato, geometricMedian and pairwiseDistances take names', () => {
    const byName = new MDM({ metric: 'logeuclid' }).fit(xs, labels);
    const byObject = new MDM({ metric: logEuclidean }).fit(xs, labels);
    expect(byName.metric).toBe(logEuclidean);
    expect(byName.transform(xs)).toEqual(byObject.transform(xs));
    expect(() => new MDM({ metric: 'riemanian' as never })).toThrow(/MDM\(\): metric must be/);
    const ts = new TangentSpace({ metric: 'wasserstein' }).fit(xs);
    expect(relErr(ts.reference as Matrix, frechetMean(xs, buresWasserstein).mean)).toBeLessThan(
      1e-15,
    );
    expect(new Potato({ metric: 'logchol' }).fit(xs).metric).toBe(logCholesky);
    expect(
      relErr(geometricMedian(xs, 'euclid').median, geometricMedian(xs, euclidean).median),
    ).toBe(0);
    expect(pairwiseDistances(xs, undefined, 'riemann').data).toEqual(
      pairwiseDistances(xs, undefined, affineInvariant).data,
    );
  });

  it("RiemannianBatchNorm takes aliases ('riemann' is 'affine-invariant') and metric objects", () => {
    const batch = xs.slice(0, 4);
    const a = new RiemannianBatchNorm({ n: 3, metric: 'riemann' });
    const b = new RiemannianBatchNorm({ n: 3, metric: 'affine-invariant' });
    expect(a.metric).toBe('affine-invariant');
    expect(a.name).toBe(b.name);
    expect(a.forward(batch).map((y) => Array.from(y.data))).toEqual(
      b.forward(batch).map((y) => Array.from(y.data)),
    );
    const c = new RiemannianBatchNorm({ n: 3, metric: logCholesky });
    const d = new RiemannianBatchNorm({ n: 3, metric: 'logchol' });
    expect(c.forward(batch)[0].data).toEqual(d.forward(batch)[0].data);
    // the Euclidean metric is incomplete and has no batch-normalization pieces
    expect(() => new RiemannianBatchNorm({ n: 3, metric: euclidean })).toThrow(
      /metric must be one of .*'euclidean', which has none/,
    );
  });

  it('a GBW metric object brings its parameter M to RiemannianBatchNorm; fromJSON takes the metric object back', () => {
    const mm = fromRows([
      [2, 0.5, 0],
      [0.5, 1, 0],
      [0, 0, 3],
    ]);
    const batch = xs.slice(0, 4);
    const byObject = new RiemannianBatchNorm({
      n: 3,
      metric: resolveMetric('test', 'generalized-bures-wasserstein', { parameter: mm }),
    });
    const byName = new RiemannianBatchNorm({
      n: 3,
      metric: 'generalized-bures-wasserstein',
      metricParameter: mm,
    });
    expect(Array.from(byObject.metricParameter?.data ?? [])).toEqual(Array.from(mm.data));
    expect(byObject.forward(batch)[1].data).toEqual(byName.forward(batch)[1].data);
    const copy = RiemannianBatchNorm.fromJSON(JSON.parse(JSON.stringify(byName)));
    expect(copy.forward(batch, { training: false })[0].data).toEqual(
      byName.forward(batch, { training: false })[0].data,
    );
  });
});
