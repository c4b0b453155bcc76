import { describe, expect, it } from 'vitest';
import { grassmannVersion } from '../src/index.js';

describe('grassmannVersion', () => {
  it('grassmannVersion is a semantic version', () => {
    expect(grassmannVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});
