import { describe, expect, it } from 'vitest';
import { spdVersion } from '../src/index.js';

describe('spdVersion', () => {
  it('spdVersion is a semantic version', () => {
    expect(spdVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});
