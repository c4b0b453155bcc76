// The package's shared Vitest configuration with `include` narrowed to the test files that
// targets.json names for the package (`tests`), so a mutation run leaves out slow end-to-end
// suites that only repeat what the unit tests of the mutated code check. stryker.config.mjs
// selects this file when run.mjs passes MUTATION_TESTS (a JSON array of globs).
import { rgVitestConfig } from '../vitest-preset/index.js';

const config = rgVitestConfig({ root: process.cwd() });
config.test.include = JSON.parse(process.env.MUTATION_TESTS ?? '[]');
export default config;
