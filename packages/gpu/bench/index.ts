// Benchmarks for @rg/gpu: each kernel and mode against the float64 TypeScript path and a plain
// float32 TypeScript loop, measured in the same run (CPU time: the machine is shared); the
// crossovers feed defaultThresholds. Run: pnpm bench (headlessgl joins under `xvfb-run -a`).
//
// One run (2026-11-29, 2 shared x86-64 cores, no GPU, Node 20, sizes ≤ 2048; times in ms,
// ratios > 1 mean the float32 gpu.js path was faster):
//
// benchmark                             ours ms  float64 ms  float64/ours  float32Loop ms  float32Loop/ours  note
// ------------------------------------  -------  ----------  ------------  --------------  ----------------  ----
// @rg/gpu:matmul:n=64:webasm            0.8980   0.1040      0.12x         0.6380          0.71x
// @rg/gpu:matmul:n=64:cpu               1.38     0.1040      0.08x         0.6380          0.46x
// @rg/gpu:matmul:n=128:webasm           5.46     0.3190      0.06x         5.22            0.95x
// @rg/gpu:matmul:n=128:cpu              7.26     0.3190      0.04x         5.22            0.72x
// @rg/gpu:matmul:n=256:webasm           37.54    2.43        0.06x         47.67           1.27x
// @rg/gpu:matmul:n=256:cpu              54.45    2.43        0.04x         47.67           0.88x
// @rg/gpu:matmul:n=512:webasm           281      24.12       0.09x         354             1.26x
// @rg/gpu:matmul:n=512:cpu              523      24.12       0.05x         354             0.68x
// @rg/gpu:batchedMatmul:n=64:webasm     1.21     0.5820      0.48x         0.1450          0.12x
// @rg/gpu:batchedMatmul:n=64:cpu        1.06     0.5820      0.55x         0.1450          0.14x
// @rg/gpu:batchedMatmul:n=256:webasm    1.47     1.45        0.99x         0.4180          0.28x
// @rg/gpu:batchedMatmul:n=256:cpu       0.9480   1.45        1.53x         0.4180          0.44x
// @rg/gpu:batchedMatmul:n=1024:webasm   5.98     3.05        0.51x         2.82            0.47x
// @rg/gpu:batchedMatmul:n=1024:cpu      14.29    3.05        0.21x         2.82            0.20x
// @rg/gpu:pairwiseSqDist:n=64:webasm    0.3030   0.3810      1.26x         0.1900          0.63x
// @rg/gpu:pairwiseSqDist:n=64:cpu       0.1830   0.3810      2.08x         0.1900          1.04x
// @rg/gpu:pairwiseSqDist:n=256:webasm   2.90     2.40        0.83x         3.69            1.27x
// @rg/gpu:pairwiseSqDist:n=256:cpu      2.87     2.40        0.84x         3.69            1.29x
// @rg/gpu:pairwiseSqDist:n=1024:webasm  92.14    90.43       0.98x         66.30           0.72x
// @rg/gpu:pairwiseSqDist:n=1024:cpu     106      90.43       0.85x         66.30           0.63x
// @rg/gpu:pairwiseSqDist:n=2048:webasm  319      361         1.13x         315             0.99x
// @rg/gpu:pairwiseSqDist:n=2048:cpu     371      361         0.97x         315             0.85x
// @rg/gpu:gibbsKernel:n=64:webasm       0.8930   0.0830      0.09x         0.5590          0.63x
// @rg/gpu:gibbsKernel:n=64:cpu          0.1150   0.0830      0.72x         0.5590          4.86x
// @rg/gpu:gibbsKernel:n=256:webasm      2.37     1.65        0.69x         3.62            1.53x
// @rg/gpu:gibbsKernel:n=256:cpu         1.73     1.65        0.95x         3.62            2.09x
// @rg/gpu:gibbsKernel:n=1024:webasm     120      55.78       0.47x         49.61           0.41x
// @rg/gpu:gibbsKernel:n=1024:cpu        57.59    55.78       0.97x         49.61           0.86x
// @rg/gpu:kernelMatvec:n=64:webasm      0.0380   0.0220      0.58x         0.0140          0.37x
// @rg/gpu:kernelMatvec:n=64:cpu         0.0290   0.0220      0.76x         0.0140          0.48x
// @rg/gpu:kernelMatvec:n=256:webasm     0.3410   0.2250      0.66x         0.1580          0.46x
// @rg/gpu:kernelMatvec:n=256:cpu        0.3480   0.2250      0.65x         0.1580          0.45x
// @rg/gpu:kernelMatvec:n=1024:webasm    7.96     3.64        0.46x         2.10            0.26x
// @rg/gpu:kernelMatvec:n=1024:cpu       5.03     3.64        0.72x         2.10            0.42x
// @rg/gpu:logSumExp:n=64:webasm         0.6970   0.1360      0.20x         0.0760          0.11x
// @rg/gpu:logSumExp:n=64:cpu            0.0900   0.1360      1.51x         0.0760          0.84x
// @rg/gpu:logSumExp:n=256:webasm        3.69     2.37        0.64x         1.81            0.49x
// @rg/gpu:logSumExp:n=256:cpu           2.06     2.37        1.15x         1.81            0.88x
// @rg/gpu:logSumExp:n=1024:webasm       36.97    26.02       0.70x         20.84           0.56x
// @rg/gpu:logSumExp:n=1024:cpu          23.94    26.02       1.09x         20.84           0.87x
// @rg/gpu:logSumExp:n=2048:webasm       287      95.33       0.33x         75.82           0.26x
// @rg/gpu:logSumExp:n=2048:cpu          234      95.33       0.41x         75.82           0.32x
// @rg/gpu:gram:n=64:webasm              0.4990   0.0890      0.18x         0.2900          0.58x
// @rg/gpu:gram:n=64:cpu                 0.6220   0.0890      0.14x         0.2900          0.47x
// @rg/gpu:gram:n=256:webasm             9.55     0.5630      0.06x         8.23            0.86x
// @rg/gpu:gram:n=256:cpu                7.34     0.5630      0.08x         8.23            1.12x
// @rg/gpu:gram:n=1024:webasm            152      21.79       0.14x         97.14           0.64x
// @rg/gpu:gram:n=1024:cpu               157      21.79       0.14x         97.14           0.62x
// @rg/gpu:sums:n=64:webasm              0.0400   0.1940      4.85x         0.0070          0.17x
// @rg/gpu:sums:n=64:cpu                 0.0240   0.1940      8.08x         0.0070          0.29x
// @rg/gpu:sums:n=256:webasm             0.2870   0.1870      0.65x         0.0960          0.33x
// @rg/gpu:sums:n=256:cpu                0.3110   0.1870      0.60x         0.0960          0.31x
// @rg/gpu:sums:n=1024:webasm            27.73    4.33        0.16x         1.63            0.06x
// @rg/gpu:sums:n=1024:cpu               7.34     4.33        0.59x         1.63            0.22x
// @rg/gpu:chebyshevFilter:n=64:webasm   3.36     0.4840      0.14x         2.33            0.69x
// @rg/gpu:chebyshevFilter:n=64:cpu      2.96     0.4840      0.16x         2.33            0.79x
// @rg/gpu:chebyshevFilter:n=128:webasm  8.15     0.7300      0.09x         11.86           1.46x
// @rg/gpu:chebyshevFilter:n=128:cpu     14.08    0.7300      0.05x         11.86           0.84x
// @rg/gpu:chebyshevFilter:n=256:webasm  23.14    2.98        0.13x         30.02           1.30x
// @rg/gpu:chebyshevFilter:n=256:cpu     72.42    2.98        0.04x         30.02           0.41x
// @rg/gpu:chebyshevFilter:n=512:webasm  139      16.27       0.12x         189             1.36x
// @rg/gpu:chebyshevFilter:n=512:cpu     200      16.27       0.08x         189             0.95x
// @rg/gpu:sinkhorn:n=64:webasm          1.39     1.16        0.83x         1.14            0.82x
// @rg/gpu:sinkhorn:n=64:cpu             1.22     1.16        0.95x         1.14            0.94x
// @rg/gpu:sinkhorn:n=256:webasm         21.25    22.38       1.05x         23.52           1.11x
// @rg/gpu:sinkhorn:n=256:cpu            25.69    22.38       0.87x         23.52           0.92x
// @rg/gpu:sinkhorn:n=1024:webasm        427      524         1.23x         326             0.76x
// @rg/gpu:sinkhorn:n=1024:cpu           518      524         1.01x         326             0.63x
// crossover work sizes (webasm): {"matmul":null,"batchedMatmul":null,"pairwiseSqDist":67108864,"gibbsKernel":null,"kernelMatvec":null,"logSumExp":null,"gram":null,"sums":null,"chebyshevFilter":null,"sinkhorn":3276800}
// crossover work sizes (cpu): {"matmul":null,"batchedMatmul":null,"pairwiseSqDist":null,"gibbsKernel":null,"kernelMatvec":null,"logSumExp":null,"gram":null,"sums":null,"chebyshevFilter":null,"sinkhorn":52428800}
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
// BENCH_KERNELS=sinkhorn,matmul restricts the kernels
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
