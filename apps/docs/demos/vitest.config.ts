import { rgVitestConfig } from '@rg/vitest-preset';

export default rgVitestConfig();
