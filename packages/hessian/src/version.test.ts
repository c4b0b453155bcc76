import { describe, expect, it } from 'vitest';
import { hessianVersion } from '../src/index.js';

describe('hessianVersion', () => {
  it('hessianVersion is a semantic version', () => {
    expect(hessianVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});
