import { readdirSync, readFileSync } from 'node:fs';
import { extractExamples, runDocExamples } from '@rg/doctest';
import { describe, expect, it } from 'vitest';
import * as pkg from '../src/index.js';
import * as kernels from '../src/kernels/index.js';

// One run over every source file: the examples of the kernels entry import it by its
// published name, which resolves to the source here.
runDocExamples({
  name: '@rg/linalg',
  srcDir: new URL('../src', import.meta.url),
  exports: pkg,
  importer: (specifier) =>
    specifier === '@rg/linalg/kernels' ? Promise.resolve(kernels) : import(specifier),
});

describe('@rg/linalg/kernels executable docs', () => {
  it('every runtime export of the kernels entry has an @example in its TSDoc', () => {
    const dir = new URL('../src/kernels/', import.meta.url);
    const documented = new Set<string>();
    for (const file of readdirSync(dir))
      if (file.endsWith('.ts') && !file.endsWith('.test.ts'))
        for (const ex of extractExamples(readFileSync(new URL(file, dir), 'utf8')))
          documented.add(ex.name);
    const missing = Object.keys(kernels).filter((k) => !documented.has(k));
    expect(missing, `kernels exports without an @example: ${missing.join(', ')}`).toEqual([]);
  });
});
