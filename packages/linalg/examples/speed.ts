// Gallery: a quick speed table of the numerical core against ml-matrix, measured
// in this process on the machine that runs the gallery (the full tables with
// mathjs and NumPy peers come from `pnpm bench`).
import { measure } from '@rg/bench';
import { defineExample, Plot, plotToSVG } from '@rg/gallery';
import {
  cholesky,
  eigh,
  expm,
  type Matrix,
  matmul,
  randomSPD,
  rng,
  scale,
  svd,
  zeros,
} from '@rg/linalg';
import {
  CholeskyDecomposition,
  EigenvalueDecomposition,
  Matrix as MlMatrix,
  SingularValueDecomposition,
} from 'ml-matrix';

function gaussian(n: number, seed: number): Matrix {
  const r = rng(seed);
  const m = zeros(n, n);
  for (let i = 0; i < m.data.length; i++) m.data[i] = r.normal();
  return m;
}

const toMl = (a: Matrix) => {
  const rows: number[][] = [];
  for (let i = 0; i < a.rows; i++)
    rows.push(Array.from(a.data.subarray(i * a.cols, (i + 1) * a.cols)));
  return new MlMatrix(rows);
};

export default defineExample({
  title: 'Speed of the numerical core against ml-matrix',
  description:
    'Median times of matrix products and decompositions on random inputs, ours against ml-matrix (the most used JavaScript linear-algebra library) in the same process. Bars show the speed-up (ml-matrix time / our time); the full benchmark tables, with mathjs and NumPy, come from `pnpm bench` in packages/linalg.',
  run(ctx) {
    const budget = ctx.quick ? { minTime: 60, minRuns: 3 } : { minTime: 400, minRuns: 5 };
    const cases: { name: string; ours: () => unknown; peer: () => unknown; flops?: number }[] = [];
    for (const n of ctx.quick ? [128] : [128, 256]) {
      const a = gaussian(n, 1);
      const b = gaussian(n, 2);
      const ma = toMl(a);
      const mb = toMl(b);
      cases.push({
        name: `matmul n=${n}`,
        ours: () => matmul(a, b),
        peer: () => ma.mmul(mb),
        flops: 2 * n ** 3,
      });
    }
    const n = 64;
    const spd = randomSPD(n, rng(3), { condition: 1e3 });
    const mlSpd = toMl(spd);
    const g = gaussian(n, 4);
    const mlG = toMl(g);
    cases.push(
      {
        name: 'cholesky n=64',
        ours: () => cholesky(spd),
        peer: () => new CholeskyDecomposition(mlSpd),
      },
      {
        name: 'eigh n=64',
        ours: () => eigh(spd),
        peer: () => new EigenvalueDecomposition(mlSpd, { assumeSymmetric: true }),
      },
      { name: 'svd n=64', ours: () => svd(g), peer: () => new SingularValueDecomposition(mlG) },
    );
    const small = scale(g, 0.1);
    cases.push({ name: 'expm n=64', ours: () => expm(small), peer: () => null });
    const rows: {
      operation: string;
      'ours ms': number;
      'ml-matrix ms': number | string;
      speedup: number | string;
      'GFLOP/s': number | string;
    }[] = [];
    cases.forEach((c, i) => {
      ctx.progress(i / cases.length, c.name);
      const ours = measure(c.ours, budget).median;
      const hasPeer = c.peer() !== null;
      const peer = hasPeer ? measure(c.peer, budget).median : Number.NaN;
      rows.push({
        operation: c.name,
        'ours ms': ours,
        'ml-matrix ms': hasPeer ? peer : '—',
        speedup: hasPeer ? peer / ours : '—',
        'GFLOP/s': c.flops ? c.flops / (ours * 1e6) : '—',
      });
    });
    const bars = rows
      .filter((r) => typeof r.speedup === 'number')
      .map((r) => ({ operation: r.operation, speedup: r.speedup as number }));
    // Bars start at 1× (parity with ml-matrix), not at 0, which a log scale cannot draw:
    // a bar to the right is a speed-up, one to the left a slow-down.
    const speedups = bars.map((b) => b.speedup);
    const xDomain = [
      Math.min(0.5, Math.min(...speedups) / 1.5),
      Math.max(2, Math.max(...speedups) * 2.5),
    ];
    const svg = plotToSVG({
      width: 640,
      height: 260,
      marginLeft: 110,
      marginRight: 20,
      x: {
        type: 'log',
        domain: xDomain,
        label: 'speed-up over ml-matrix (×, log scale; 1 = same speed)',
        grid: true,
        ticks: [0.01, 0.1, 1, 10, 100, 1000].filter((t) => t >= xDomain[0] && t <= xDomain[1]),
        tickFormat: (v: number) => `${v}×`,
      },
      y: { label: null },
      marks: [
        Plot.barX(bars, {
          x1: 1,
          x2: 'speedup',
          y: 'operation',
          fill: '#3b78b5',
          sort: { y: 'x2', reverse: true },
        }),
        Plot.ruleX([1]),
        Plot.text(
          bars.filter((d) => d.speedup >= 1),
          {
            x: 'speedup',
            y: 'operation',
            text: (d: { speedup: number }) => `${d.speedup.toFixed(1)}×`,
            textAnchor: 'start',
            dx: 4,
          },
        ),
        Plot.text(
          bars.filter((d) => d.speedup < 1),
          {
            x: 'speedup',
            y: 'operation',
            text: (d: { speedup: number }) => `${d.speedup.toFixed(2)}×`,
            textAnchor: 'end',
            dx: -4,
          },
        ),
      ],
    });
    return {
      figures: [
        { name: 'speed', title: 'Speed-up over ml-matrix (same process, median of runs)', svg },
      ],
      table: rows,
      summary: `Measured on this machine while the gallery ran${ctx.quick ? ' (quick run: few repetitions, noisy)' : ''}.`,
    };
  },
});
