import { AllocationLimitError, InvalidArgumentError, NonFiniteError, ShapeError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  gnsNewton,
  hessianEigenvalues,
  hessianTrace,
  mfacOptimizer,
  type Objective,
  spectralDensity,
  stabilityReport,
} from '../src/index.js';

// A 2-D quadratic whose hvp can be made to misbehave.
function quad(hvpOut: (v: Float64Array) => ArrayLike<number>): Objective {
  return {
    dim: 2,
    value: (x) => 0.5 * (x[0] * x[0] + 3 * x[1] * x[1]),
    grad: (x, out = new Float64Array(2)) => {
      out[0] = x[0];
      out[1] = 3 * x[1];
      return out;
    },
    hvp: (_x, v) => hvpOut(v) as Float64Array,
  };
}
const x0 = new Float64Array([1, 1]);
const nanHvp = quad(() => new Float64Array([Number.NaN, 0]));
const shortHvp = quad(() => new Float64Array(1));

// Finding: a NaN hvp became lambdaMax: NaN ("not stable"), NaN trace/eigenvalues; a
// wrong-length one threw RangeError: offset is out of bounds.
describe('user hvp outputs are checked', () => {
  const calls: [string, (o: Objective) => unknown][] = [
    ['stabilityReport', (o) => stabilityReport(o, x0, { lr: 0.1 })],
    ['hessianEigenvalues', (o) => hessianEigenvalues(o, x0)],
    ['hessianTrace', (o) => hessianTrace(o, x0, { samples: 4 })],
    ['spectralDensity', (o) => spectralDensity(o, x0, { steps: 2 })],
  ];
  for (const [name, call] of calls) {
    it(`${name}(): NaN from hvp → NonFiniteError naming ${name} and objective.hvp`, () => {
      expect(() => call(nanHvp)).toThrow(NonFiniteError);
      expect(() => call(nanHvp)).toThrow(new RegExp(`^${name}\\(\\): objective\\.hvp`));
    });
    it(`${name}(): wrong-length hvp → ShapeError`, () => {
      expect(() => call(shortHvp)).toThrow(ShapeError);
    });
  }
});

describe('gnsNewton checks value and grad outputs', () => {
  it('NaN gradient → NonFiniteError, NaN value → NonFiniteError', () => {
    const good = quad((v) => Float64Array.from([v[0], 3 * v[1]]));
    const badGrad = { ...good, grad: () => new Float64Array([Number.NaN, 0]) };
    const badValue = { ...good, value: () => Number.NaN };
    expect(() => gnsNewton(badGrad, x0)).toThrow(/^gnsNewton\(\): objective\.grad/);
    expect(() => gnsNewton(badValue, x0)).toThrow(NonFiniteError);
  });
});

describe('hessianTrace samples and spectralDensity grid', () => {
  const good = quad((v) => Float64Array.from([v[0], 3 * v[1]]));
  it('samples: 1 has no standard error → InvalidArgumentError', () => {
    expect(() => hessianTrace(good, x0, { samples: 1 })).toThrow(InvalidArgumentError);
    const r = hessianTrace(good, x0, { samples: 2 });
    expect(Number.isFinite(r.standardError)).toBe(true);
  });
  it('a 3e8-point grid is refused before any work', () => {
    expect(() => spectralDensity(good, x0, { grid: 3e8 })).toThrow(AllocationLimitError);
  });
});

describe('mfacOptimizer option errors name mfacOptimizer', () => {
  it('weightDecay: Infinity, lr: NaN, momentum: 1', () => {
    expect(() => mfacOptimizer({ weightDecay: Number.POSITIVE_INFINITY })).toThrow(
      /^mfacOptimizer\(\): weightDecay/,
    );
    expect(() => mfacOptimizer({ lr: Number.NaN })).toThrow(/^mfacOptimizer\(\): lr/);
    expect(() => mfacOptimizer({ momentum: 1 })).toThrow(InvalidArgumentError);
  });
});
