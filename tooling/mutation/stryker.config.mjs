// StrykerJS configuration shared by every package. `npm run mutation` (run.mjs) starts
// Stryker with the package directory as working directory and passes the files to mutate;
// paths below are relative to that package unless made absolute.
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = basename(process.cwd());
const out = join(root, 'reports', 'mutation');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // pnpm keeps plugins out of core's own node_modules: load the runner from the root
  appendPlugins: [import.meta.resolve('@stryker-mutator/vitest-runner')],
  testRunner: 'vitest',
  // targets.json may narrow a package's tests (`tests`): run.mjs passes them in MUTATION_TESTS
  vitest: {
    configFile: process.env.MUTATION_TESTS
      ? join(root, 'tooling', 'mutation', 'vitest.config.mjs')
      : 'vitest.config.ts',
    related: true,
  },
  // each mutant runs only the tests that executed it in the dry run
  coverageAnalysis: 'perTest',
  // the machines this runs on are small and shared
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  // a mutant that breaks a loop's exit is a timeout (counted as detected) after
  // 1.5 × the covering tests' own time + 5 s (Stryker's defaults)
  timeoutMS: 5_000,
  timeoutFactor: 1.5,
  incremental: process.env.MUTATION_INCREMENTAL !== '0',
  incrementalFile: join(out, `${pkg}.incremental.json`),
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: join(out, `${pkg}.json`) },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['.vitest', '.turbo'],
  thresholds: { high: 90, low: 85, break: null },
};
