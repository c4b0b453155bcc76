import { describe, expect, it } from 'vitest';
import { policyGradientVersion } from '../src/index.js';

describe('policyGradientVersion', () => {
  it('policyGradientVersion is a semantic version', () => {
    expect(policyGradientVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});
