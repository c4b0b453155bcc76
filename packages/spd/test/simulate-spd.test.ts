import { eigh, InvalidArgumentError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { simulateSPDClassification } from '../src/index.js';

describe('simulateSPDClassification', () => {
  it('draws SPD matrices with the requested spectrum spread, interleaved labels, reproducibly', () => {
    const opts = { n: 6, classes: 3, perClass: 5, condition: 1e6, spectrumNoise: 0.3, seed: 4 };
    const a = simulateSPDClassification(opts);
    const b = simulateSPDClassification(opts);
    expect(a.labels).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]);
    a.inputs.forEach((x, i) => {
      expect(x.data).toEqual(b.inputs[i].data);
      const { values } = eigh(x);
      expect(values[0]).toBeGreaterThan(0);
      // log-spread = log(condition) plus two jitters of sd 0.3: within ±6 sd of 1e6
      const spread = Math.log(values[values.length - 1] / values[0]);
      expect(Math.abs(spread - Math.log(1e6))).toBeLessThan(6 * 0.3 * Math.SQRT2);
    });
  });
  it('the nuisance scale moves the determinant, not the class: log det spreads over ±log(nuisance)·n', () => {
    const { inputs } = simulateSPDClassification({
      n: 4,
      perClass: 40,
      nuisance: 100,
      spectrumNoise: 0,
      seed: 2,
    });
    const logdets = inputs.map((x) => eigh(x).values.reduce((s, v) => s + Math.log(v), 0));
    expect(Math.max(...logdets) - Math.min(...logdets)).toBeGreaterThan(4 * Math.log(100));
    expect(Math.max(...logdets.map(Math.abs))).toBeLessThanOrEqual(4 * Math.log(100) + 1e-9);
  });
  it('rejects bad options with typed errors', () => {
    expect(() => simulateSPDClassification({ n: 1 })).toThrow(InvalidArgumentError);
    expect(() => simulateSPDClassification({ classes: 2.5 })).toThrow(/classes/);
    expect(() => simulateSPDClassification({ condition: 0.5 })).toThrow(/condition/);
    expect(() => simulateSPDClassification({ nuisance: Number.NaN })).toThrow(/nuisance/);
  });
});
