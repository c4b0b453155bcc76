import { describe, expect, it } from 'vitest';
import { surfaceVersion } from '../src/index.js';

describe('surfaceVersion', () => {
  it('surfaceVersion is a semantic version', () => {
    expect(surfaceVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});
