import { NotPositiveDefiniteError, randomSPD, rng, ShapeError, toRows } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { frechetMean, geometricMedian, MDM, Potato, TangentSpace } from '../src/index.js';

const r = rng(11);
const mats = Array.from({ length: 8 }, () => randomSPD(3, r, { condition: 20 }));
const rows = mats.map(toRows);
// half Matrices, half nested rows
const mixed = mats.map((m, i) => (i % 2 ? rows[i] : m));
const labels = [0, 1, 0, 1, 0, 1, 0, 1];

describe('SPD inputs as Matrices or nested rows', () => {
  it('frechetMean and geometricMedian give the same result, bit for bit', () => {
    for (const metric of ['riemann', 'logeuclid', 'wasserstein'] as const) {
      expect(frechetMean(rows, metric)).toEqual(frechetMean(mats, metric));
      expect(frechetMean(mixed, metric)).toEqual(frechetMean(mats, metric));
    }
    expect(geometricMedian(rows, 'riemann')).toEqual(geometricMedian(mats, 'riemann'));
  });

  it('MDM, TangentSpace and Potato: every method takes nested rows', () => {
    const a = new MDM().fit(mats, labels);
    const b = new MDM().fit(rows, labels);
    expect(b.means).toEqual(a.means);
    expect(b.transform(rows)).toEqual(a.transform(mats));
    expect(b.predict(mixed)).toEqual(a.predict(mats));
    expect(b.predictProba(rows)).toEqual(a.predictProba(mats));
    const t = new TangentSpace().fit(mats);
    expect(new TangentSpace().fit(rows).transform(rows)).toEqual(t.transform(mats));
    expect(new TangentSpace().fitTransform(mixed)).toEqual(t.transform(mats));
    const p = new Potato().fit(mats);
    expect(new Potato().fit(rows).transform(rows)).toEqual(p.transform(mats));
    expect(new Potato().fit(rows).predict(mixed)).toEqual(p.predict(mats));
  });

  it('the nested rows are copied: editing them afterwards changes nothing', () => {
    const copy = rows.map((m) => m.map((row) => [...row]));
    const mean = frechetMean(copy, 'riemann').mean;
    copy[0][0][0] = 1e9;
    expect(mean).toEqual(frechetMean(mats, 'riemann').mean);
  });

  it('ragged rows throw ShapeError and non-SPD rows NotPositiveDefiniteError, naming the entry', () => {
    const ragged = [
      rows[0],
      [
        [1, 0, 0],
        [0, 1],
        [0, 0, 1],
      ],
    ];
    expect(() => frechetMean(ragged, 'riemann')).toThrow(
      new ShapeError('frechetMean(): points[1] row 1 has 2 entries, row 0 has 3'),
    );
    expect(() => new MDM().fit(ragged, [0, 1])).toThrow(/^MDM\.fit\(\): covs\[1\] row 1/);
    const indefinite = [
      rows[0],
      [
        [1, 0, 0],
        [0, -1, 0],
        [0, 0, 1],
      ],
    ];
    expect(() => frechetMean(indefinite, 'riemann')).toThrow(NotPositiveDefiniteError);
    expect(() => frechetMean(indefinite, 'riemann')).toThrow(/^frechetMean\(\): points\[1\]/);
    expect(() => new TangentSpace().fit(mats).transform([[[1, 2]]])).toThrow(
      /^TangentSpace\.transform\(\): covs\[0\]/,
    );
  });
});
