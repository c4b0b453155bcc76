// Benchmark cases shared by bench/index.ts and examples/crossover.ts: each kernel at a size n,
// timed on an accelerator (float32 gpu.js), on the float64 TypeScript path, and as a plain
// float32 TypeScript loop over Float32Array storage.
import { type Accelerator, type Matrix, matrix, rng } from '@rg/linalg';
import { createAccelerator, referenceKernels as R } from '../src/index.js';

type Rng = ReturnType<typeof rng>;

interface Prepared {
  /** work units, as in defaultThresholds */
  work: number;
  accelerated: (acc: Accelerator) => unknown;
  float64: () => unknown;
  float32Loop: () => unknown;
}

function rand(g: Rng, rows: number, cols: number): Matrix {
  const m = matrix(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = g.normal();
  return m;
}

function matmul32(a: Float32Array, b: Float32Array, n: number, k: number, m: number): Float32Array {
  const c = new Float32Array(n * m);
  for (let i = 0; i < n; i++)
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p];
      for (let j = 0; j < m; j++) c[i * m + j] += aip * b[p * m + j];
    }
  return c;
}

/** The kernels benchmarked, and the sizes n (a power of two) each is run at. */
export const benchKernels: Record<
  string,
  { sizes: number[]; prepare: (n: number, g: Rng) => Prepared }
> = {
  matmul: {
    sizes: [64, 128, 256, 512],
    prepare(n, g) {
      const a = rand(g, n, n);
      const b = rand(g, n, n);
      const a32 = Float32Array.from(a.data);
      const b32 = Float32Array.from(b.data);
      return {
        work: n * n * n,
        accelerated: (acc) => acc.matmul(a, b),
        float64: () => R.matmul(a, b),
        float32Loop: () => matmul32(a32, b32, n, n, n),
      };
    },
  },
  batchedMatmul: {
    // n products of 8×8 matrices
    sizes: [64, 256, 1024, 4096],
    prepare(n, g) {
      const as = Array.from({ length: n }, () => rand(g, 8, 8));
      const bs = Array.from({ length: n }, () => rand(g, 8, 8));
      const a32 = as.map((m) => Float32Array.from(m.data));
      const b32 = bs.map((m) => Float32Array.from(m.data));
      return {
        work: n * 512,
        accelerated: (acc) => acc.batchedMatmul(as, bs),
        float64: () => R.batchedMatmul(as, bs),
        float32Loop: () => a32.map((a, t) => matmul32(a, b32[t], 8, 8, 8)),
      };
    },
  },
  pairwiseSqDist: {
    // n points against n points in 16 dimensions
    sizes: [64, 256, 1024, 2048],
    prepare(n, g) {
      const d = 16;
      const x = rand(g, n, d);
      const y = rand(g, n, d);
      const x32 = Float32Array.from(x.data);
      const y32 = Float32Array.from(y.data);
      return {
        work: n * n * d,
        accelerated: (acc) => acc.pairwiseSqDist(x, y),
        float64: () => R.pairwiseSqDist(x, y),
        float32Loop: () => {
          const out = new Float32Array(n * n);
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) {
              let s = 0;
              for (let t = 0; t < d; t++) {
                const diff = x32[i * d + t] - y32[j * d + t];
                s += diff * diff;
              }
              out[i * n + j] = s;
            }
          return out;
        },
      };
    },
  },
  gibbsKernel: {
    sizes: [64, 256, 1024, 4096],
    prepare(n, g) {
      const c = matrix(n, n);
      for (let i = 0; i < c.data.length; i++) c.data[i] = g.uniform();
      const c32 = Float32Array.from(c.data);
      return {
        work: n * n,
        accelerated: (acc) => acc.gibbsKernel(c, 0.1),
        float64: () => R.gibbsKernel(c, 0.1),
        float32Loop: () => c32.map((v) => Math.exp(-v / 0.1)),
      };
    },
  },
  kernelMatvec: {
    sizes: [64, 256, 1024, 4096],
    prepare(n, g) {
      const k = matrix(n, n);
      for (let i = 0; i < k.data.length; i++) k.data[i] = g.uniform();
      const v = Float64Array.from({ length: n }, () => g.uniform());
      const k32 = Float32Array.from(k.data);
      const v32 = Float32Array.from(v);
      return {
        work: n * n,
        accelerated: (acc) => acc.kernelMatvec(k, v),
        float64: () => R.kernelMatvec(k, v),
        float32Loop: () => {
          const out = new Float32Array(n);
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < n; j++) s += k32[i * n + j] * v32[j];
            out[i] = s;
          }
          return out;
        },
      };
    },
  },
  logSumExp: {
    sizes: [64, 256, 1024, 2048],
    prepare(n, g) {
      const c = matrix(n, n);
      for (let i = 0; i < c.data.length; i++) c.data[i] = g.uniform();
      const f = Float64Array.from({ length: n }, () => g.normal());
      const c32 = Float32Array.from(c.data);
      const f32 = Float32Array.from(f);
      return {
        work: n * n,
        accelerated: (acc) => acc.logSumExpRows(f, f, c, 0.1),
        float64: () => R.logSumExpRows(f, f, c, 0.1),
        float32Loop: () => {
          const out = new Float32Array(n);
          for (let i = 0; i < n; i++) {
            let mx = -Infinity;
            for (let j = 0; j < n; j++) mx = Math.max(mx, (f32[i] + f32[j] - c32[i * n + j]) / 0.1);
            let s = 0;
            for (let j = 0; j < n; j++)
              s += Math.exp((f32[i] + f32[j] - c32[i * n + j]) / 0.1 - mx);
            out[i] = mx + Math.log(s);
          }
          return out;
        },
      };
    },
  },
  gram: {
    // G is n×64
    sizes: [64, 256, 1024],
    prepare(n, g) {
      const d = 64;
      const gm = rand(g, n, d);
      const g32 = Float32Array.from(gm.data);
      return {
        work: n * n * d,
        accelerated: (acc) => acc.gram(gm),
        float64: () => R.gram(gm),
        float32Loop: () => {
          const out = new Float32Array(n * n);
          for (let i = 0; i < n; i++)
            for (let j = 0; j <= i; j++) {
              let s = 0;
              for (let t = 0; t < d; t++) s += g32[i * d + t] * g32[j * d + t];
              out[i * n + j] = out[j * n + i] = s;
            }
          return out;
        },
      };
    },
  },
  sums: {
    sizes: [64, 256, 1024, 4096],
    prepare(n, g) {
      const a = rand(g, n, n);
      const a32 = Float32Array.from(a.data);
      return {
        work: n * n,
        accelerated: (acc) => acc.rowSums(a),
        float64: () => R.rowSums(a),
        float32Loop: () => {
          const out = new Float32Array(n);
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < n; j++) s += a32[i * n + j];
            out[i] = s;
          }
          return out;
        },
      };
    },
  },
  chebyshevFilter: {
    // dense n×n L, X with 8 columns, degree 20
    sizes: [64, 128, 256, 512],
    prepare(n, g) {
      const l = matrix(n, n);
      for (let i = 0; i < n; i++)
        for (let j = i; j < n; j++) l.data[i * n + j] = l.data[j * n + i] = g.uniform() / n;
      const x = rand(g, n, 8);
      const coeffs = Array.from({ length: 20 }, (_, k) => 1 / (k + 1));
      const l32 = Float32Array.from(l.data);
      const x32 = Float32Array.from(x.data);
      return {
        work: n * n * 8 * 20,
        accelerated: (acc) => acc.chebyshevFilter(l, x, coeffs),
        float64: () => R.chebyshevFilter(l, x, coeffs),
        float32Loop: () => {
          let prev: Float32Array = x32;
          let cur = matmul32(l32, x32, n, n, 8);
          const acc = x32.map((v, i) => coeffs[0] * v + coeffs[1] * cur[i]);
          for (let k = 2; k < 20; k++) {
            const next = matmul32(l32, cur, n, n, 8);
            for (let i = 0; i < next.length; i++) {
              next[i] = 2 * next[i] - prev[i];
              acc[i] += coeffs[k] * next[i];
            }
            prev = cur;
            cur = next;
          }
          return acc;
        },
      };
    },
  },
};

/**
 * Median CPU time (user + system, ms) of `fn` over at least `minRuns` calls after one warm-up
 * call (which also compiles gpu.js kernels). CPU time rather than wall time: the benchmark
 * machine is shared, and every path here is single-threaded and synchronous.
 */
export function measureCpu(
  fn: () => unknown,
  { minRuns = 1, maxRuns = 15, minTime = 120 } = {},
): number {
  fn();
  const times: number[] = [];
  let spent = 0;
  while (times.length < minRuns || (spent < minTime && times.length < maxRuns)) {
    const c0 = process.cpuUsage();
    fn();
    const d = process.cpuUsage(c0);
    const ms = (d.user + d.system) / 1000;
    times.push(ms);
    spent += ms;
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** One measured row: median milliseconds of the three paths. */
export interface CrossoverRow {
  kernel: string;
  n: number;
  work: number;
  mode: string;
  acceleratedMs: number;
  float64Ms: number;
  float32LoopMs: number;
}

/**
 * Time every kernel at its sizes on each mode. `maxSizes` caps how many sizes per kernel run
 * (the quick gallery run uses the two smallest).
 */
export function runCrossover(
  modes: ('cpu' | 'webasm' | 'headlessgl')[],
  options: {
    maxSizes?: number;
    maxN?: number;
    kernels?: string[];
    onRow?: (row: CrossoverRow) => void;
  } = {},
): CrossoverRow[] {
  const rows: CrossoverRow[] = [];
  const names = options.kernels ?? Object.keys(benchKernels);
  const accs = modes.map((mode) => createAccelerator({ mode, strict: true }));
  try {
    for (const kernel of names) {
      const spec = benchKernels[kernel];
      for (const n of spec.sizes
        .filter((s) => s <= (options.maxN ?? Infinity))
        .slice(0, options.maxSizes ?? spec.sizes.length)) {
        const p = spec.prepare(n, rng(n));
        const float64Ms = measureCpu(p.float64);
        const float32LoopMs = measureCpu(p.float32Loop);
        for (const acc of accs) {
          const acceleratedMs = measureCpu(() => p.accelerated(acc));
          const row = {
            kernel,
            n,
            work: p.work,
            mode: acc.mode,
            acceleratedMs,
            float64Ms,
            float32LoopMs,
          };
          rows.push(row);
          options.onRow?.(row);
        }
      }
    }
  } finally {
    for (const acc of accs) acc.dispose();
  }
  return rows;
}

/**
 * The smallest measured work size from which `mode` beat the float64 path at every larger size
 * measured (Infinity when it never did): the `auto` threshold these numbers support.
 */
export function crossovers(rows: CrossoverRow[], mode: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const kernel of new Set(rows.map((r) => r.kernel))) {
    const mine = rows
      .filter((r) => r.kernel === kernel && r.mode === mode)
      .sort((a, b) => a.work - b.work);
    let threshold = Infinity;
    for (let i = mine.length - 1; i >= 0; i--) {
      if (mine[i].acceleratedMs < mine[i].float64Ms) threshold = mine[i].work;
      else break;
    }
    out[kernel] = threshold;
  }
  return out;
}
