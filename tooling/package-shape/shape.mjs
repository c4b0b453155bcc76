// The package shape from CONVENTIONS.md, as code: the generator writes it and
// the checker enforces it, so neither drifts from the other.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const TOOLING_DEV_DEPS = {
  '@biomejs/biome': 'catalog:',
  '@rg/bench': 'workspace:*',
  '@rg/doctest': 'workspace:*',
  '@rg/gallery': 'workspace:*',
  '@rg/package-shape': 'workspace:*',
  '@rg/tsconfig': 'workspace:*',
  '@rg/vitest-preset': 'workspace:*',
  '@types/node': 'catalog:',
  'fast-check': 'catalog:',
  publint: 'catalog:',
  tsx: 'catalog:',
  typescript: 'catalog:',
  vite: 'catalog:',
  vitest: 'catalog:',
};

export const SCRIPTS = {
  build: 'tsc -p tsconfig.json',
  typecheck: 'tsc -p tsconfig.check.json',
  lint: 'biome check . && rg-package-shape . && publint --strict',
  test: 'vitest run',
  bench: 'tsx bench/index.ts',
};

/**
 * Export entries besides "." (and "./package.json") that a package may have: exactly these,
 * each built from src/<name>/index.ts into dist/<name>/ and smoke-tested through
 * rg.smokeSubpaths. Every other package exports "." only.
 */
export const SUBPATH_EXPORTS = {
  '@rg/linalg': ['./kernels'],
};

export const REQUIRED_PATHS = [
  'src/index.ts',
  'test/doc-examples.test.ts',
  'test/fixtures',
  'bench/index.ts',
  'examples',
  'README.md',
  'typedoc.json',
  'tsconfig.json',
  'tsconfig.check.json',
  'vitest.config.ts',
];

/** Return the list of departures from the shape for the package in `dir`. */
export function checkPackage(dir) {
  const problems = [];
  const pkgPath = join(dir, 'package.json');
  if (!existsSync(pkgPath)) return ['package.json is missing'];
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const dirName = dir.replace(/\/+$/, '').split('/').pop();
  const want = (cond, msg) => {
    if (!cond) problems.push(msg);
  };
  want(pkg.name === `@rg/${dirName}`, `name must be @rg/${dirName} (is ${pkg.name})`);
  want(typeof pkg.version === 'string', 'version is missing');
  want(
    typeof pkg.description === 'string' && pkg.description.length > 10,
    'description is missing',
  );
  want(pkg.license === 'MIT', 'license must be MIT');
  want(pkg.type === 'module', '"type" must be "module"');
  want(pkg.sideEffects === false, '"sideEffects" must be false');
  const root = pkg.exports?.['.'];
  want(root && typeof root === 'object', 'exports["."] must be an object with types + default');
  if (root && typeof root === 'object') {
    want(root.types === './dist/index.d.ts', 'exports["."].types must be ./dist/index.d.ts');
    want(root.default === './dist/index.js', 'exports["."].default must be ./dist/index.js');
    want(Object.keys(root)[0] === 'types', 'exports["."].types must come first');
  }
  const subpaths = SUBPATH_EXPORTS[pkg.name] ?? [];
  const keys = Object.keys(pkg.exports ?? {});
  const allowedKeys = ['.', ...subpaths, './package.json'];
  want(
    keys.every((k) => allowedKeys.includes(k)),
    `exports may only hold ${allowedKeys.map((k) => `"${k}"`).join(', ')} (has ${keys.map((k) => `"${k}"`).join(', ')})`,
  );
  for (const sub of subpaths) {
    const entry = pkg.exports?.[sub];
    const base = sub.slice(2);
    want(
      entry && typeof entry === 'object',
      `exports["${sub}"] must be an object with types + default`,
    );
    if (entry && typeof entry === 'object') {
      want(
        entry.types === `./dist/${base}/index.d.ts`,
        `exports["${sub}"].types must be ./dist/${base}/index.d.ts`,
      );
      want(
        entry.default === `./dist/${base}/index.js`,
        `exports["${sub}"].default must be ./dist/${base}/index.js`,
      );
      want(Object.keys(entry)[0] === 'types', `exports["${sub}"].types must come first`);
    }
    want(
      existsSync(join(dir, `src/${base}/index.ts`)),
      `src/${base}/index.ts is missing (entry "${sub}")`,
    );
    want(
      typeof pkg.rg?.smokeSubpaths?.[sub] === 'string',
      `rg.smokeSubpaths["${sub}"] must hold the expression the smoke test evaluates against that entry`,
    );
  }
  want(Array.isArray(pkg.files) && pkg.files.includes('dist'), 'files must include "dist"');
  want(pkg.publishConfig?.access === 'public', 'publishConfig.access must be "public"');
  want(pkg.engines?.node === '>=20', 'engines.node must be ">=20"');
  for (const [k, v] of Object.entries(SCRIPTS)) {
    // build may run a code generator first (e.g. WebAssembly kernels): "<gen> && tsc -p tsconfig.json"
    const got = pkg.scripts?.[k];
    const ok = got === v || (k === 'build' && typeof got === 'string' && got.endsWith(` && ${v}`));
    want(ok, `scripts.${k} must be "${v}" (is "${got}")`);
  }
  want(
    typeof pkg.rg?.smoke === 'string',
    'rg.smoke must hold the expression the consumer smoke test evaluates against the exports',
  );
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
    for (const [dep, range] of Object.entries(pkg[field] ?? {})) {
      if (dep.startsWith('@rg/')) {
        if (field !== 'peerDependencies')
          want(range === 'workspace:*', `${field}.${dep} must be "workspace:*" (is "${range}")`);
      } else if (field !== 'peerDependencies') {
        want(
          range === 'catalog:',
          `${field}.${dep} must come from the catalog ("catalog:", is "${range}")`,
        );
      }
    }
  }
  for (const p of REQUIRED_PATHS) want(existsSync(join(dir, p)), `${p} is missing`);
  const tsconfigPath = join(dir, 'tsconfig.json');
  if (existsSync(tsconfigPath)) {
    const ts = JSON.parse(readFileSync(tsconfigPath, 'utf8'));
    want(
      ts.extends === '@rg/tsconfig/base.json',
      'tsconfig.json must extend @rg/tsconfig/base.json',
    );
    const extra = Object.keys(ts).filter((k) => !['extends', 'references'].includes(k));
    want(
      extra.length === 0,
      `tsconfig.json must only extend the base (and list references); found ${extra.join(', ')}`,
    );
    const internal = Object.keys({ ...pkg.dependencies }).filter((d) => d.startsWith('@rg/'));
    const refs = (ts.references ?? []).map((r) => r.path);
    for (const d of internal)
      want(
        refs.includes(`../${d.slice(4)}`),
        `tsconfig.json must reference ../${d.slice(4)} (a dependency)`,
      );
  }
  const indexPath = join(dir, 'src/index.ts');
  if (existsSync(indexPath)) {
    const body = readFileSync(indexPath, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '')
      .replace(/export\s+(type\s+)?\{[^}]*\}\s+from\s+['"][^'"]+['"];?/g, '')
      .replace(/export\s+\*\s+(as\s+\w+\s+)?from\s+['"][^'"]+['"];?/g, '')
      .trim();
    want(body === '', 'src/index.ts must only hold named re-exports');
  }
  if (existsSync(join(dir, 'test/fixtures')))
    want(statSync(join(dir, 'test/fixtures')).isDirectory(), 'test/fixtures must be a folder');
  return problems;
}
