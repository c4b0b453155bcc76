// Gallery: where float32 acceleration pays. Every kernel is timed on webasm and gpu.js's cpu
// mode against the float64 TypeScript path at growing sizes; the speedup crossing 1 is the
// threshold `auto` mode uses (defaultThresholds).
import { defineExample, Plot, plotToSVG } from '@rg/gallery';
import { crossovers, runCrossover } from '../bench/cases.js';
import { defaultThresholds } from '../src/index.js';

export default defineExample({
  title: 'When acceleration pays: float32 gpu.js kernels against the float64 path',
  description:
    'Each accelerator primitive (matmul, batched 8×8 products, pairwise distances, Gibbs kernel, K·v, log-sum-exp, Gram, row sums, Chebyshev filter) timed at growing sizes on gpu.js webasm (WebAssembly SIMD) and cpu modes, against the float64 TypeScript reference path and a plain float32 TypeScript loop, in one run on this machine. The figure shows the speedup over float64; where a line stays above 1 the accelerator wins, and that crossover is the `auto` threshold.',
  run(ctx) {
    const kernels = ctx.quick ? ['matmul', 'sums'] : undefined;
    const total = ctx.quick ? 4 : 60;
    let done = 0;
    const rows = runCrossover(['webasm', 'cpu'], {
      maxSizes: ctx.quick ? 1 : undefined,
      // sizes up to 1024 keep the gallery run near two minutes; bench/index.ts goes further
      maxN: 1024,
      kernels,
      onRow: (r) => ctx.progress(Math.min(1, ++done / total), `${r.kernel} n=${r.n} ${r.mode}`),
    });
    const points = rows.map((r) => ({
      kernel: r.kernel,
      mode: r.mode,
      work: r.work,
      speedup: r.float64Ms / r.acceleratedMs,
    }));
    const svg = plotToSVG({
      width: 760,
      height: 360,
      x: { type: 'log', label: 'work (multiply-adds or entries)', tickFormat: '.0e' },
      y: { type: 'log', label: 'speedup over float64 TypeScript (×)', tickFormat: '~g' },
      color: { legend: true },
      fx: { label: null },
      marks: [
        Plot.ruleY([1], { stroke: '#888', strokeDasharray: '4,3' }),
        Plot.line(points, { x: 'work', y: 'speedup', fx: 'mode', stroke: 'kernel', sort: 'work' }),
        Plot.dot(points, { x: 'work', y: 'speedup', fx: 'mode', stroke: 'kernel', r: 3 }),
      ],
    });
    const cross = crossovers(rows, 'webasm');
    const table = rows.map((r) => ({
      kernel: r.kernel,
      n: r.n,
      mode: r.mode,
      'accelerated ms': Number(r.acceleratedMs.toPrecision(3)),
      'float64 ms': Number(r.float64Ms.toPrecision(3)),
      'float32 loop ms': Number(r.float32LoopMs.toPrecision(3)),
      'speedup vs float64': Number((r.float64Ms / r.acceleratedMs).toPrecision(3)),
    }));
    const wins = Object.entries(cross)
      .filter(([, w]) => Number.isFinite(w))
      .map(([k, w]) => `${k} from ${w.toExponential(0)}`);
    return {
      figures: [
        {
          name: 'crossover',
          title: 'Speedup of the float32 accelerator over float64 (log–log)',
          svg,
        },
      ],
      table,
      summary: `On this machine webasm beats the float64 path, at every larger size measured, for ${
        wins.length ? wins.join(', ') : 'none of the kernels at the sizes run'
      } (work units). gpu.js cpu mode is plain JavaScript in float32 and rarely wins. The shipped \`auto\` thresholds (\`defaultThresholds\`: pairwiseSqDist from ${defaultThresholds.pairwiseSqDist.toExponential(1)}, every other primitive never) come from the run of bench/index.ts pasted in its header, which goes to n = 2048; the device Sinkhorn's (${defaultThresholds.sinkhorn}) is measured by @rg/ot's bench against @rg/ot's float64 loop.`,
    };
  },
});
