import { AllocationLimitError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { mlp } from '../src/index.js';

// Finding: mlp({ sizes: [20000, 20000] }) tried to allocate and initialize 3.2 GB of weights.
describe('mlp size guard', () => {
  it('refuses a parameter vector above the allocation limit before initializing it', () => {
    expect(() => mlp({ sizes: [20000, 20000] })).toThrow(AllocationLimitError);
    expect(() => mlp({ sizes: [20000, 20000] })).toThrow(/^mlp\(\)/);
    expect(mlp({ sizes: [3, 2] }).dim).toBe(8);
  });
});
