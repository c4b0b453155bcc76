import { describe, expect, it } from 'vitest';
import { nnVersion } from '../src/index.js';

describe('nnVersion', () => {
  it('nnVersion is a semantic version', () => {
    expect(nnVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});
