import { rgVitestConfig } from '@rg/vitest-preset';

// Snippets are whole programs (an EEG grid search, a model trained for a few steps): more
// time per test than a unit test needs on a loaded 2-core machine.
export default rgVitestConfig({ test: { include: ['test/**/*.test.js'], testTimeout: 180_000 } });
