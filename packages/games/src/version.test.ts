import { describe, expect, it } from 'vitest';
import { gamesVersion } from '../src/index.js';

describe('gamesVersion', () => {
  it('gamesVersion is a semantic version', () => {
    expect(gamesVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});
