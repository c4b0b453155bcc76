import { describe, expect, it } from 'vitest';
import { datasetsVersion } from '../src/index.js';

describe('datasetsVersion', () => {
  it('datasetsVersion is a semantic version', () => {
    expect(datasetsVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});
