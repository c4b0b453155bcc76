import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertMatrix,
  checkCallbackOutput,
  checkChoice,
  checkFiniteNumber,
  checkInteger,
  checkOptions,
  checkPositive,
  checkProbability,
  eigh,
  fromRows,
  InvalidArgumentError,
  isMatrix,
  NonFiniteError,
  randomSPD,
  rng,
  ShapeError,
} from '../src/index.js';

const fail = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
};

describe('scalar validators', () => {
  it('checkFiniteNumber accepts exactly the finite numbers', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const ok = typeof x === 'number' && Number.isFinite(x);
        if (ok) expect(checkFiniteNumber('g', 't', x)).toBe(x);
        else {
          const e = fail(() => checkFiniteNumber('g', 't', x)) as Error;
          expect(e instanceof NonFiniteError || e instanceof InvalidArgumentError).toBe(true);
          expect(e.message.startsWith('g(): t ')).toBe(true);
        }
      }),
    );
    expect(fail(() => checkFiniteNumber('g', 't', '0.5'))).toBeInstanceOf(InvalidArgumentError);
    expect(fail(() => checkFiniteNumber('g', 't', Infinity))).toBeInstanceOf(NonFiniteError);
  });

  it('checkInteger and checkPositive agree with their definitions', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.constant(-1), fc.constant(1.5)), (x) => {
        if (Number.isSafeInteger(x) && x >= 1) expect(checkInteger('f', 'maxIter', x, 1)).toBe(x);
        else expect(() => checkInteger('f', 'maxIter', x, 1)).toThrow(/^f\(\): maxIter/);
      }),
    );
    expect(checkInteger('f', 'k', 3, 0, 3)).toBe(3);
    expect(() => checkInteger('f', 'k', 4, 0, 3)).toThrow(/in \[0, 3\]/);
    expect(() => checkPositive('f', 'lr', 0)).toThrow(InvalidArgumentError);
    expect(() => checkPositive('f', 'lr', Infinity, true)).toThrow(InvalidArgumentError);
    expect(() => checkPositive('f', 'lr', Number.NaN, true)).toThrow(InvalidArgumentError);
    expect(checkPositive('f', 'lr', 0, true)).toBe(0);
  });

  it('checkProbability: closed and open intervals', () => {
    expect(checkProbability('f', 'p', 0)).toBe(0);
    expect(checkProbability('f', 'p', 1)).toBe(1);
    for (const bad of [-1e-300, 1 + 2 ** -52, Number.NaN, '0.5'])
      expect(() => checkProbability('f', 'p', bad)).toThrow(InvalidArgumentError);
    expect(() => checkProbability('f', 'p', 0, true)).toThrow(InvalidArgumentError);
  });

  it('checkOptions: undefined → {}, null/array/primitive → typed error naming the function', () => {
    expect(checkOptions('f', 'options', undefined)).toEqual({});
    const o = { a: 1 };
    expect(checkOptions('f', 'options', o)).toBe(o);
    for (const bad of [null, [], 3, 'x'])
      expect(() => checkOptions('f', 'options', bad as unknown as object)).toThrow(
        /^f\(\): options must be an options object/,
      );
  });

  it('checkChoice lists the choices', () => {
    expect(() => checkChoice('f', 'side', 'x', ['a', 'b'])).toThrow("'a', 'b'");
  });
});

describe('checkCallbackOutput(fn, name, value, length)', () => {
  it('wrong length → ShapeError, non-finite → NonFiniteError with the index', () => {
    expect(fail(() => checkCallbackOutput('h', 'hvp', new Float64Array(3), 2))).toBeInstanceOf(
      ShapeError,
    );
    const e = fail(() => checkCallbackOutput('h', 'hvp', [0, 1, Infinity], 3)) as NonFiniteError;
    expect(e).toBeInstanceOf(NonFiniteError);
    expect(e.index).toBe(2);
    expect(e.message).toMatch(/^h\(\): hvp returned Infinity at index 2/);
    expect(fail(() => checkCallbackOutput('h', 'hvp', undefined, 3))).toBeInstanceOf(ShapeError);
    expect(fail(() => checkCallbackOutput('h', 'f', Number.NaN))).toBeInstanceOf(NonFiniteError);
    expect(() => checkCallbackOutput('h', 'f', 1.5)).not.toThrow();
  });
});

// Finding: negative dimensions passed assertMatrix/isMatrix.
describe('matrices with negative dimensions', () => {
  it('are refused by assertMatrix and isMatrix', () => {
    const bad = { rows: -1, cols: 0, data: new Float64Array(0) };
    expect(isMatrix(bad)).toBe(false);
    expect(() => assertMatrix('scale', 'a', bad)).toThrow(ShapeError);
    expect(isMatrix({ rows: 0, cols: -2, data: new Float64Array(0) })).toBe(false);
    expect(isMatrix({ rows: 0, cols: 3, data: new Float64Array(0) })).toBe(true);
  });
});

// Finding: eigh(nonSymmetric, { symmetryTolerance: NaN }) turned the symmetry check off.
describe('eigh symmetryTolerance and options', () => {
  it('NaN or negative tolerance is an InvalidArgumentError', () => {
    const a = fromRows([
      [1, 2],
      [0, 1],
    ]);
    expect(() => eigh(a, { symmetryTolerance: Number.NaN })).toThrow(InvalidArgumentError);
    expect(() => eigh(a, { symmetryTolerance: -1 })).toThrow(/symmetryTolerance/);
    expect(() => eigh(a, null as unknown as object)).toThrow(/^eigh\(\): options/);
  });
});

// Finding: eigh(A, { vectors: false, refine: true }) ignored `refine` (15% off at κ = 1e15).
describe('eigh values-only refine', () => {
  it('matches the refined vector path at κ = 1e15', () => {
    for (const seed of [1, 2, 3]) {
      const a = randomSPD(8, rng(seed), { condition: 1e15 });
      const withVectors = eigh(a, { refine: true }).values;
      const valuesOnly = eigh(a, { vectors: false, refine: true }).values;
      // both refine to ≈ ε relative accuracy per eigenvalue; 1e-12 leaves 4 digits of room
      for (let i = 0; i < 8; i++)
        expect(Math.abs(valuesOnly[i] - withVectors[i]) / withVectors[i]).toBeLessThan(1e-12);
      expect(valuesOnly[0]).toBeGreaterThan(0);
    }
  });
});
