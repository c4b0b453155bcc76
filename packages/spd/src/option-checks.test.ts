import { AllocationLimitError, InvalidArgumentError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { LogisticRegression, simulateEEG } from '../src/index.js';

// Findings: simulateEEG({ noise: Infinity }) returned all-NaN trials, a 1e5-trial request
// allocated gigabytes, and LogisticRegression accepted tol: NaN.
describe('option checks', () => {
  it('simulateEEG refuses a non-finite noise level', () => {
    expect(() => simulateEEG({ noise: Number.POSITIVE_INFINITY })).toThrow(
      /^simulateEEG\(\): noise/,
    );
    expect(() => simulateEEG({ noise: Number.NaN })).toThrow(InvalidArgumentError);
    expect(() => simulateEEG(null as never)).toThrow(/^simulateEEG\(\): options/);
  });
  it('simulateEEG checks the size of the trials before simulating', () => {
    expect(() => simulateEEG({ trials: 1e5, channels: 64, samples: 256 })).toThrow(
      AllocationLimitError,
    );
  });
  it('LogisticRegression refuses tol NaN and a fractional maxIter', () => {
    expect(() => new LogisticRegression({ tol: Number.NaN })).toThrow(
      /LogisticRegression\(\): tol/,
    );
    expect(() => new LogisticRegression({ maxIter: 1.5 })).toThrow(InvalidArgumentError);
  });
});
