// Benchmarks for @rg/gpu: each kernel and mode against the float64 TypeScript path and a plain
// float32 TypeScript loop, measured in the same run; the crossovers feed defaultThresholds.
// Run: pnpm bench (add headlessgl with `xvfb-run -a pnpm bench`). One run's table:
//
// (pasted below after a run)
import { report } from '@rg/bench';
import { createAccelerator } from '../src/index.js';
import { crossovers, runCrossover } from './cases.js';

const modes: ('cpu' | 'webasm' | 'headlessgl')[] = ['webasm', 'cpu'];
const probe = createAccelerator({ mode: 'headlessgl' });
if (probe.mode === 'headlessgl') modes.push('headlessgl');
probe.dispose();

const rows = runCrossover(modes);
report(
  '@rg/gpu (ours = float32 gpu.js; peers = float64 TypeScript path, float32 TypeScript loop)',
  rows.map((r) => ({
    name: `@rg/gpu:${r.kernel}:n=${r.n}:${r.mode}`,
    ours: r.acceleratedMs,
    peers: { float64: r.float64Ms, float32Loop: r.float32LoopMs },
  })),
);
for (const mode of modes)
  console.log(`crossover work sizes (${mode}):`, JSON.stringify(crossovers(rows, mode)));
