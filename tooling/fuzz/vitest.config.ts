import { rgVitestConfig } from '@rg/vitest-preset';

export default rgVitestConfig({ test: { include: ['src/**/*.test.mjs'] } });
