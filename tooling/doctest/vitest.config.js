import { rgVitestConfig } from '@rg/vitest-preset';

export default rgVitestConfig({ test: { include: ['test/**/*.test.js'] } });
