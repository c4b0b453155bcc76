import { describe, expect, it } from 'vitest';
import { optimVersion } from '../src/index.js';

describe('optimVersion', () => {
  it('optimVersion is a semantic version', () => {
    expect(optimVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});
