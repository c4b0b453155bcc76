import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('..', import.meta.url));
const kernelsDir = join(src, 'kernels');
// The WebAssembly loader and its generated module are kernel-layer code that lives beside
// the build step that writes it.
const allowed = [kernelsDir, join(src, 'wasm')];

function importsOf(file: string): string[] {
  // Comments hold the @example blocks, which import the published entry: not code imports.
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g))
    specs.push(m[1]);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]);
  return specs;
}

describe('@rg/linalg/kernels layering', () => {
  const files = [kernelsDir, join(src, 'wasm')].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => join(dir, f)),
  );

  it('a kernel file imports only other kernel files (never index.ts or a validating wrapper)', () => {
    const offending: string[] = [];
    for (const file of files)
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) {
          offending.push(`${relative(src, file)} imports the package ${spec}`);
          continue;
        }
        const target = normalize(join(dirname(file), spec));
        if (!allowed.some((dir) => target.startsWith(`${dir}/`)))
          offending.push(`${relative(src, file)} imports ${relative(src, target)}`);
      }
    expect(files.length).toBeGreaterThan(10);
    expect(offending).toEqual([]);
  });

  it('the kernels entry holds only named re-exports', () => {
    const body = readFileSync(join(kernelsDir, 'index.ts'), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '')
      .replace(/export\s+(type\s+)?\{[^}]*\}\s+from\s+['"][^'"]+['"];?/g, '')
      .trim();
    expect(body).toBe('');
  });
});
