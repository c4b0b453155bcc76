// Benchmarks for @rg/linalg. Each bench/*.bench.ts module default-exports an
// async function returning rows { name, ours, peers }; this runner prints one
// table per module with ratios against the peers measured in the same run
// (ml-matrix, mathjs, and NumPy/SciPy through /usr/bin/python3 when present).
// Usage: pnpm bench [filter]   (filter matches module file names)
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type BenchRow, report } from '@rg/bench';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv[2] ?? '';
const modules = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
for (const file of modules) {
  const mod = (await import(new URL(file, import.meta.url).href)) as {
    default: () => Promise<BenchRow[]> | BenchRow[];
  };
  report(`@rg/linalg ${file.replace('.bench.ts', '')}`, await mod.default());
}
