import { describe, expect, it } from 'vitest';
import { gpuVersion } from '../src/index.js';

describe('gpuVersion', () => {
  it('gpuVersion is a semantic version', () => {
    expect(gpuVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});
