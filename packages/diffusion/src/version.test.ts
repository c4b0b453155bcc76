import { describe, expect, it } from 'vitest';
import { diffusionVersion } from '../src/index.js';

describe('diffusionVersion', () => {
  it('diffusionVersion is a semantic version', () => {
    expect(diffusionVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});
