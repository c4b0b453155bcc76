import { describe, expect, it } from 'vitest';
import {
  AllocationLimitError,
  DEFAULT_ALLOCATION_LIMIT,
  diag,
  getAllocationLimit,
  gram,
  guardAllocation,
  identity,
  InvalidArgumentError,
  kron,
  lanczos,
  matmul,
  matmulTransA,
  matmulTransB,
  randomOrthogonal,
  randomSPD,
  RgError,
  rng,
  setAllocationLimit,
  zeros,
} from '../src/index.js';

describe('guardAllocation(fn, elements, bytesPerElement)', () => {
  it('passes requests within the limit and refuses larger ones before allocating', () => {
    expect(() => guardAllocation('f', DEFAULT_ALLOCATION_LIMIT / 8)).not.toThrow();
    const err = (() => {
      try {
        guardAllocation('f', DEFAULT_ALLOCATION_LIMIT / 8 + 1);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AllocationLimitError);
    expect(err).toBeInstanceOf(RgError);
    const e = err as AllocationLimitError;
    expect(e.message).toMatch(/^f\(\): /);
    expect(e.message).toContain('setAllocationLimit');
    expect(e.requestedBytes).toBe(DEFAULT_ALLOCATION_LIMIT + 8);
    expect(e.limitBytes).toBe(DEFAULT_ALLOCATION_LIMIT);
  });

  it('counts bytes per element', () => {
    expect(() => guardAllocation('f', DEFAULT_ALLOCATION_LIMIT / 4, 4)).not.toThrow();
    expect(() => guardAllocation('f', DEFAULT_ALLOCATION_LIMIT / 4, 8)).toThrow(
      AllocationLimitError,
    );
  });

  it('refuses a negative or NaN size', () => {
    expect(() => guardAllocation('f', -1)).toThrow(InvalidArgumentError);
    expect(() => guardAllocation('f', Number.NaN)).toThrow(InvalidArgumentError);
  });

  it('setAllocationLimit changes the limit for later calls and returns the previous one', () => {
    const previous = setAllocationLimit(800);
    try {
      expect(getAllocationLimit()).toBe(800);
      expect(() => zeros(10, 10)).not.toThrow();
      expect(() => zeros(10, 11)).toThrow(AllocationLimitError);
    } finally {
      expect(setAllocationLimit(previous)).toBe(800);
    }
    expect(getAllocationLimit()).toBe(previous);
    for (const bad of [0, -1, Number.NaN, '1e9' as unknown as number])
      expect(() => setAllocationLimit(bad)).toThrow(InvalidArgumentError);
  });
});

// Finding: tiny inputs that ask for gigabytes. Each call must fail fast with the typed error
// naming the public function, not allocate (these would need 2.8 to 12.8 GB).
describe('size guard at the public boundaries', () => {
  const cases: [string, () => unknown][] = [
    ['kron', () => kron(identity(200), identity(200))],
    ['matmul', () => matmul(zeros(40000, 1), zeros(1, 40000))],
    ['matmulTransA', () => matmulTransA(zeros(1, 40000), zeros(1, 40000))],
    ['matmulTransB', () => matmulTransB(zeros(40000, 1), zeros(40000, 1))],
    ['gram', () => gram(zeros(1, 40000))],
    ['randomSPD', () => randomSPD(30000, rng(1))],
    ['randomOrthogonal', () => randomOrthogonal(30000, rng(1))],
    ['lanczos', () => lanczos((_x, out) => out.fill(0), 2e8, 10)],
    ['zeros', () => zeros(40000)],
    ['identity', () => identity(40000)],
    ['diag', () => diag({ length: 40000 } as ArrayLike<number>)],
  ];
  for (const [name, call] of cases)
    it(`${name}() throws AllocationLimitError`, () => {
      const t0 = performance.now();
      expect(call).toThrow(AllocationLimitError);
      expect(call).toThrow(new RegExp(`^${name}\\(\\)`));
      // refused before any O(size) work: generous bound for a loaded 2-core CI machine
      expect(performance.now() - t0).toBeLessThan(1000);
    });
});
