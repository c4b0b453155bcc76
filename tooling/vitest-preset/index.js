// Shared Vitest preset: the same test layout, timeouts and machine-readable
// report (.vitest/results.json, summed by scripts/test.mjs) in every package.
import { defineConfig, mergeConfig } from 'vitest/config';

/** @param {import('vitest/config').UserConfig} [overrides] */
export function rgVitestConfig(overrides = {}) {
  const base = defineConfig({
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      exclude: ['**/node_modules/**', '**/dist/**'],
      testTimeout: 60_000,
      hookTimeout: 60_000,
      pool: 'forks',
      maxWorkers: 2,
      reporters: process.env.CI
        ? ['dot', ['json', { outputFile: '.vitest/results.json' }]]
        : ['default', ['json', { outputFile: '.vitest/results.json' }]],
    },
  });
  return mergeConfig(base, overrides);
}
