// Benchmarks for @rg/gpu: each kernel and mode against the float64 TypeScript path and a plain
// float32 TypeScript loop, measured in the same run (CPU time: the machine is shared); the
// crossovers feed defaultThresholds. Run: pnpm bench (headlessgl joins under `xvfb-run -a`).
//
// One run (2026-12-04, 2 shared x86-64 cores with other jobs running, no GPU, Node 20, sizes ≤ 2048;
// times in ms, ratios > 1 mean the float32 gpu.js path was faster). The device Sinkhorn is not
// here: its float64 peer is @rg/ot's loop, so packages/ot/bench/index.ts times it (and sets
// defaultThresholds.sinkhorn).
//
// benchmark                             ours ms  float64 ms  float64/ours  float32Loop ms  float32Loop/ours  note
// ------------------------------------  -------  ----------  ------------  --------------  ----------------  ----
// @rg/gpu:matmul:n=64:webasm            0.9690   0.0980      0.10x         0.6140          0.63x
// @rg/gpu:matmul:n=64:cpu               0.7290   0.0980      0.13x         0.6140          0.84x
// @rg/gpu:matmul:n=128:webasm           4.03     0.6860      0.17x         7.57            1.88x
// @rg/gpu:matmul:n=128:cpu              3.44     0.6860      0.20x         7.57            2.20x
// @rg/gpu:matmul:n=256:webasm           32.59    3.26        0.10x         40.32           1.24x
// @rg/gpu:matmul:n=256:cpu              69.32    3.26        0.05x         40.32           0.58x
// @rg/gpu:matmul:n=512:webasm           219      18.77       0.09x         301             1.37x
// @rg/gpu:matmul:n=512:cpu              448      18.77       0.04x         301             0.67x
// @rg/gpu:batchedMatmul:n=64:webasm     0.3490   0.1880      0.54x         0.0990          0.28x
// @rg/gpu:batchedMatmul:n=64:cpu        0.4070   0.1880      0.46x         0.0990          0.24x
// @rg/gpu:batchedMatmul:n=256:webasm    1.12     0.5810      0.52x         0.4200          0.37x
// @rg/gpu:batchedMatmul:n=256:cpu       0.6450   0.5810      0.90x         0.4200          0.65x
// @rg/gpu:batchedMatmul:n=1024:webasm   3.50     1.76        0.50x         2.11            0.60x
// @rg/gpu:batchedMatmul:n=1024:cpu      2.58     1.76        0.68x         2.11            0.82x
// @rg/gpu:pairwiseSqDist:n=64:webasm    0.1470   0.1830      1.24x         0.1080          0.73x
// @rg/gpu:pairwiseSqDist:n=64:cpu       0.1630   0.1830      1.12x         0.1080          0.66x
// @rg/gpu:pairwiseSqDist:n=256:webasm   2.00     2.25        1.13x         2.68            1.34x
// @rg/gpu:pairwiseSqDist:n=256:cpu      2.77     2.25        0.81x         2.68            0.97x
// @rg/gpu:pairwiseSqDist:n=1024:webasm  73.27    63.03       0.86x         50.33           0.69x
// @rg/gpu:pairwiseSqDist:n=1024:cpu     45.08    63.03       1.40x         50.33           1.12x
// @rg/gpu:pairwiseSqDist:n=2048:webasm  252      260         1.03x         217             0.86x
// @rg/gpu:pairwiseSqDist:n=2048:cpu     313      260         0.83x         217             0.69x
// @rg/gpu:gibbsKernel:n=64:webasm       0.1380   0.2780      2.01x         0.0930          0.67x
// @rg/gpu:gibbsKernel:n=64:cpu          0.1160   0.2780      2.40x         0.0930          0.80x
// @rg/gpu:gibbsKernel:n=256:webasm      1.82     0.9640      0.53x         1.38            0.75x
// @rg/gpu:gibbsKernel:n=256:cpu         1.31     0.9640      0.74x         1.38            1.05x
// @rg/gpu:gibbsKernel:n=1024:webasm     54.83    15.85       0.29x         34.85           0.64x
// @rg/gpu:gibbsKernel:n=1024:cpu        41.45    15.85       0.38x         34.85           0.84x
// @rg/gpu:kernelMatvec:n=64:webasm      0.0420   0.0210      0.50x         0.0870          2.07x
// @rg/gpu:kernelMatvec:n=64:cpu         0.1070   0.0210      0.20x         0.0870          0.81x
// @rg/gpu:kernelMatvec:n=256:webasm     0.2680   0.2160      0.81x         0.1330          0.50x
// @rg/gpu:kernelMatvec:n=256:cpu        0.4570   0.2160      0.47x         0.1330          0.29x
// @rg/gpu:kernelMatvec:n=1024:webasm    4.40     3.42        0.78x         2.07            0.47x
// @rg/gpu:kernelMatvec:n=1024:cpu       4.37     3.42        0.78x         2.07            0.47x
// @rg/gpu:logSumExp:n=64:webasm         0.1490   0.5000      3.36x         0.4490          3.01x
// @rg/gpu:logSumExp:n=64:cpu            0.4380   0.5000      1.14x         0.4490          1.03x
// @rg/gpu:logSumExp:n=256:webasm        1.69     1.29        0.77x         1.06            0.63x
// @rg/gpu:logSumExp:n=256:cpu           1.22     1.29        1.06x         1.06            0.87x
// @rg/gpu:logSumExp:n=1024:webasm       42.10    25.95       0.62x         16.45           0.39x
// @rg/gpu:logSumExp:n=1024:cpu          27.97    25.95       0.93x         16.45           0.59x
// @rg/gpu:logSumExp:n=2048:webasm       159      120         0.75x         75.50           0.47x
// @rg/gpu:logSumExp:n=2048:cpu          88.04    120         1.37x         75.50           0.86x
// @rg/gpu:gram:n=64:webasm              0.4390   0.0720      0.16x         0.2040          0.46x
// @rg/gpu:gram:n=64:cpu                 0.4570   0.0720      0.16x         0.2040          0.45x
// @rg/gpu:gram:n=256:webasm             6.61     0.3460      0.05x         4.61            0.70x
// @rg/gpu:gram:n=256:cpu                6.63     0.3460      0.05x         4.61            0.70x
// @rg/gpu:gram:n=1024:webasm            142      15.61       0.11x         69.47           0.49x
// @rg/gpu:gram:n=1024:cpu               130      15.61       0.12x         69.47           0.53x
// @rg/gpu:sums:n=64:webasm              0.0380   0.1020      2.68x         0.1410          3.71x
// @rg/gpu:sums:n=64:cpu                 0.0770   0.1020      1.32x         0.1410          1.83x
// @rg/gpu:sums:n=256:webasm             0.2580   0.1820      0.71x         0.0980          0.38x
// @rg/gpu:sums:n=256:cpu                0.2910   0.1820      0.63x         0.0980          0.34x
// @rg/gpu:sums:n=1024:webasm            8.30     2.97        0.36x         1.51            0.18x
// @rg/gpu:sums:n=1024:cpu               16.81    2.97        0.18x         1.51            0.09x
// @rg/gpu:chebyshevFilter:n=64:webasm   1.65     0.8770      0.53x         1.32            0.80x
// @rg/gpu:chebyshevFilter:n=64:cpu      2.09     0.8770      0.42x         1.32            0.63x
// @rg/gpu:chebyshevFilter:n=128:webasm  3.60     0.6540      0.18x         5.77            1.60x
// @rg/gpu:chebyshevFilter:n=128:cpu     7.76     0.6540      0.08x         5.77            0.74x
// @rg/gpu:chebyshevFilter:n=256:webasm  12.85    2.10        0.16x         22.13           1.72x
// @rg/gpu:chebyshevFilter:n=256:cpu     37.02    2.10        0.06x         22.13           0.60x
// @rg/gpu:chebyshevFilter:n=512:webasm  43.78    8.02        0.18x         87.77           2.00x
// @rg/gpu:chebyshevFilter:n=512:cpu     153      8.02        0.05x         87.77           0.57x
// crossover work sizes (webasm): {"matmul":null,"batchedMatmul":null,"pairwiseSqDist":67108864,"gibbsKernel":null,"kernelMatvec":null,"logSumExp":null,"gram":null,"sums":null,"chebyshevFilter":null}
// crossover work sizes (cpu): {"matmul":null,"batchedMatmul":null,"pairwiseSqDist":null,"gibbsKernel":null,"kernelMatvec":null,"logSumExp":4194304,"gram":null,"sums":null,"chebyshevFilter":null}
//
// BENCH_FULL=1 adds n = 4096 (elementwise and mat-vec kernels, 4096 batched 8×8 products); in
// that run webasm took 590 ms for K·v (float64 75), 489 ms for row sums (53), 2235 ms for the
// Gibbs kernel (998) and 59 ms for the batched products (21): the float32 copies into and out of
// gpu.js dominate memory-bound kernels. headlessgl on llvmpipe is slower still (correctness only).
import { report } from '@rg/bench';
import { createAccelerator } from '../src/index.js';
import { crossovers, runCrossover } from './cases.js';

const modes: ('cpu' | 'webasm' | 'headlessgl')[] = ['webasm', 'cpu'];
const probe = createAccelerator({ mode: 'headlessgl' });
if (probe.mode === 'headlessgl') modes.push('headlessgl');
probe.dispose();

// BENCH_FULL=1 adds the 4096 sizes (about 9 minutes instead of 3 on the shared machine);
// BENCH_KERNELS=gram,matmul restricts the kernels
const rows = runCrossover(modes, {
  maxN: process.env.BENCH_FULL ? Infinity : 2048,
  kernels: process.env.BENCH_KERNELS?.split(','),
  onRow: (r) =>
    console.error(
      `${r.kernel} n=${r.n} ${r.mode}: ${r.acceleratedMs.toPrecision(3)} ms (float64 ${r.float64Ms.toPrecision(3)}, float32 loop ${r.float32LoopMs.toPrecision(3)})`,
    ),
});
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
