import { runDocExamples } from '@rg/doctest';
import * as pkg from '../src/index.js';

runDocExamples({
  name: '@rg/diffusion',
  srcDir: new URL('../src', import.meta.url),
  exports: pkg,
  importer: (specifier) => import(specifier),
});
