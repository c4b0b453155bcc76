// Benchmarks for the dense products: matmul (A·B) at n = 64…512 and the Gram matrix AᵀA of
// a 1024×256 matrix, against ml-matrix (`mmul`), mathjs (`multiply`) and NumPy (OpenBLAS
// dgemm/dsyrk through bench/products_peer.py, single-threaded and multi-threaded), on the
// same inputs in the same run. Inputs are converted to each library's format outside the
// timed region; our times include validation and, on the WebAssembly path, the copies
// into and out of wasm memory. The note gives GFLOP/s (2mnk flops for a product,
// n(n+1)d for a Gram matrix, which needs only one triangle) from the median wall time,
// the fastest run, and the process CPU time per run (the machine is shared: the best run
// and the CPU time show the kernel with less of the contention). Rows tagged ts force the
// TypeScript fallback with setKernelBackend('typescript').
//
// RESULTS — one run of `pnpm bench products`, 2026-11-29 02:20 UTC, Node 20.20, NumPy with
// OpenBLAS 0.3.31, on a 2-vCPU AMD EPYC VM shared with five other jobs (load average 24).
// Wall-clock medians of runs longer than a scheduler slice (n = 512, the ts rows) are
// inflated several-fold by preemption; the CPU-time figure is the kernel's own speed there.
// (For sub-millisecond rows CPU time also counts V8's background compile and GC threads.)
//   benchmark                             ours ms  ml-matrix ms  ml-matrix/ours  mathjs ms  mathjs/ours  numpy ms  numpy/ours  numpy(2 threads) ms  numpy(2 threads)/ours  note
//   ------------------------------------  -------  ------------  --------------  ---------  -----------  --------  ----------  -------------------  ---------------------  ----------------------------------------------------------
//   @rg/linalg:matmul:n=64                0.0265   1.10          41.30x          0.8458     31.90x       0.0131    0.49x       0.0129               0.49x                  19.78 GFLOP/s (best run 20.11, by CPU time 13.69)
//   @rg/linalg:matmul:n=128               0.1957   39.97         204.27x         24.81      126.77x      0.0925    0.47x       0.1175               0.60x                  21.43 GFLOP/s (best run 22.71, by CPU time 16.81)
//   @rg/linalg:matmul:n=256               1.95     223           114.16x         237        121.40x      0.8102    0.42x       12.44                6.38x                  17.20 GFLOP/s (best run 22.30, by CPU time 16.94)
//   @rg/linalg:matmul:n=512               50.56    1646          32.56x          —          —            34.32     0.68x       37.08                0.73x                  5.31 GFLOP/s (best run 6.55, by CPU time 14.94)
//   @rg/linalg:gram:AtA:n=256,d=1024      11.69    643           55.02x          —          —            10.32     0.88x       9.56                 0.82x                  5.76 GFLOP/s (best run 18.82, by CPU time 16.61)
//   @rg/linalg:matmul(ts):n=64            0.1358   0.7377        5.43x           0.7413     5.46x        0.0130    0.10x       0.0131               0.10x                  3.86 GFLOP/s (best run 3.93, by CPU time 0.99) TS fallback
//   @rg/linalg:matmul(ts):n=256           43.49    192           4.42x           378        8.69x        0.8295    0.02x       3.29                 0.08x                  0.77 GFLOP/s (best run 1.12, by CPU time 3.61) TS fallback
//   @rg/linalg:matmul(ts):n=512           365      1932          5.29x           —          —            32.86     0.09x       32.57                0.09x                  0.74 GFLOP/s (best run 0.85, by CPU time 3.60) TS fallback
//   @rg/linalg:gram(ts):AtA:n=256,d=1024  99.35    978           9.84x           —          —            14.46     0.15x       10.78                0.11x                  0.68 GFLOP/s (best run 1.34, by CPU time 1.97) TS fallback
import { fileURLToPath } from 'node:url';
import { type BenchRow, measure, pythonHas, runPython } from '@rg/bench';
import * as mathjs from 'mathjs';
import { Matrix as MlMatrix } from 'ml-matrix';
import { gram, type Matrix, matmul, rng, setKernelBackend, toRows, zeros } from '../src/index.js';

interface Case {
  name: string;
  op: 'matmul' | 'gram';
  a: Matrix;
  b?: Matrix;
  flops: number;
  backend: 'auto' | 'typescript';
  /** mathjs takes seconds per run at the largest sizes; skip it there. */
  mathjs: boolean;
}

const budget = { minTime: 300, minRuns: 5, maxRuns: 1000 };
const slowBudget = { minTime: 200, minRuns: 3, maxRuns: 20, warmup: 1 };

function gaussian(rows: number, cols: number, seed: number): Matrix {
  const r = rng(seed);
  const m = zeros(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = r.normal();
  return m;
}

function b64(m: Matrix) {
  const bytes = new Uint8Array(m.data.buffer, m.data.byteOffset, m.data.byteLength);
  return { rows: m.rows, cols: m.cols, b64: Buffer.from(bytes).toString('base64') };
}

function matmulCase(n: number, backend: 'auto' | 'typescript'): Case {
  return {
    name: `@rg/linalg:matmul${backend === 'typescript' ? '(ts)' : ''}:n=${n}`,
    op: 'matmul',
    a: gaussian(n, n, n),
    b: gaussian(n, n, n + 1),
    flops: 2 * n ** 3,
    backend,
    mathjs: n <= 256,
  };
}

function gramCase(n: number, d: number, backend: 'auto' | 'typescript'): Case {
  return {
    name: `@rg/linalg:gram${backend === 'typescript' ? '(ts)' : ''}:AtA:n=${n},d=${d}`,
    op: 'gram',
    a: gaussian(d, n, n + d),
    flops: n * (n + 1) * d,
    backend,
    mathjs: false,
  };
}

export default async function bench(): Promise<BenchRow[]> {
  const cases: Case[] = [
    matmulCase(64, 'auto'),
    matmulCase(128, 'auto'),
    matmulCase(256, 'auto'),
    matmulCase(512, 'auto'),
    gramCase(256, 1024, 'auto'),
    matmulCase(64, 'typescript'),
    matmulCase(256, 'typescript'),
    matmulCase(512, 'typescript'),
    gramCase(256, 1024, 'typescript'),
  ];
  const numpy = pythonHas('numpy')
    ? runPython<{ single: number[]; multi: number[]; threads: number }>(
        fileURLToPath(new URL('./products_peer.py', import.meta.url)),
        {
          cases: cases.map((c) => ({
            op: c.op,
            a: b64(c.a),
            ...(c.b ? { b: b64(c.b) } : {}),
          })),
        },
      )
    : null;

  // Warm every library's code paths once so the first row does not pay for JIT compilation.
  {
    const a = gaussian(64, 64, 1);
    const ml = new MlMatrix(toRows(a));
    const mj = mathjs.matrix(toRows(a));
    for (let i = 0; i < 20; i++) {
      ml.mmul(ml);
      mathjs.multiply(mj, mj);
      matmul(a, a);
      gram(a);
    }
  }
  const rows: BenchRow[] = [];
  cases.forEach((c, k) => {
    const big = c.flops > 1e8;
    const peers: Record<string, number | undefined> = {};
    const mlA = new MlMatrix(toRows(c.a));
    if (c.op === 'matmul' && c.b) {
      const mlB = new MlMatrix(toRows(c.b));
      peers['ml-matrix'] = measure(() => mlA.mmul(mlB), big ? slowBudget : budget).median;
      if (c.mathjs) {
        const mjA = mathjs.matrix(toRows(c.a));
        const mjB = mathjs.matrix(toRows(c.b));
        peers.mathjs = measure(() => mathjs.multiply(mjA, mjB), big ? slowBudget : budget).median;
      }
    } else {
      const mlAt = mlA.transpose();
      peers['ml-matrix'] = measure(() => mlAt.mmul(mlA), slowBudget).median;
    }
    if (numpy) {
      peers.numpy = numpy.single[k];
      peers[`numpy(${numpy.threads} threads)`] = numpy.multi[k];
    }
    setKernelBackend(c.backend);
    const out = zeros(c.op === 'gram' ? c.a.cols : c.a.rows, c.op === 'gram' ? c.a.cols : c.a.rows);
    const a = c.a;
    const b = c.b;
    const run = c.op === 'matmul' && b ? () => matmul(a, b, out) : () => gram(a, 'AtA', out);
    const cpu0 = process.cpuUsage();
    const timing = measure(run, budget);
    const cpu = process.cpuUsage(cpu0);
    // CPU time per run (user + system over every run incl. warm-up) discounts the time
    // this process spent descheduled on a shared machine.
    const cpuMs = (cpu.user + cpu.system) / 1e3 / (timing.runs + 2);
    setKernelBackend('auto');
    const gflops = (ms: number) => (c.flops / ms / 1e6).toFixed(2);
    rows.push({
      name: c.name,
      ours: timing.median,
      peers,
      note: `${gflops(timing.median)} GFLOP/s (best run ${gflops(timing.min)}, by CPU time ${gflops(cpuMs)})${c.backend === 'typescript' ? ' TS fallback' : ''}`,
    });
  });
  return rows;
}
