import { describe, expect, it } from 'vitest';
import { otVersion } from '../src/index.js';

describe('otVersion', () => {
  it('otVersion is a semantic version', () => {
    expect(otVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});
