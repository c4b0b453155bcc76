import { AbortError, fromRows, identity } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { frechetMean } from '../src/index.js';

// Finding: closed-form means never looked at the signal, so an aborted one was ignored.
describe('frechetMean with an already-aborted signal', () => {
  const points = [
    identity(2),
    fromRows([
      [4, 0],
      [0, 4],
    ]),
  ];
  for (const metric of ['log-euclidean', 'euclidean', 'riemann'] as const)
    it(`${metric}: throws AbortError naming frechetMean`, () => {
      const signal = AbortSignal.abort();
      expect(() => frechetMean(points, metric, { signal })).toThrow(AbortError);
      expect(() => frechetMean(points, metric, { signal })).toThrow(/^frechetMean\(\)/);
    });
  it('options = null is a typed error', () => {
    expect(() => frechetMean(points, 'riemann', null as never)).toThrow(
      /^frechetMean\(\): options/,
    );
  });
});
