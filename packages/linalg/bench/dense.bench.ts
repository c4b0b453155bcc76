// Benchmarks for the dense decompositions (cholesky, lu + solve, qr, inverse, lstsq) against
// ml-matrix (CholeskyDecomposition, LuDecomposition, QrDecomposition, inverse), mathjs
// (lusolve, inv, qr) and NumPy/SciPy through bench/dense_peer.py (single-threaded LAPACK),
// all on the same inputs in the same run. Inputs are converted to each library's format
// outside the timed region; our times include input validation.
//
// One run (npx tsx bench/index.ts dense; Node 20, 2 CPU cores shared with five other jobs,
// load average ~20, so CPU-time medians; NumPy 1.24 with single-threaded OpenBLAS):
//
//   @rg/linalg dense
//   benchmark                  ours ms  ml-matrix ms  ml-matrix/ours  numpy ms  numpy/ours  mathjs ms  mathjs/ours  note
//   -------------------------  -------  ------------  --------------  --------  ----------  ---------  -----------  ----
//   @rg/linalg:cholesky:n=64   0.0440   0.2430        5.52x           0.0150    0.34x       —          —
//   @rg/linalg:cholesky:n=256  4.50     12.88         2.86x           0.8877    0.20x       —          —
//   @rg/linalg:lu+solve:n=64   0.2130   0.5570        2.62x           0.0263    0.12x       2.93       13.77x
//   @rg/linalg:lu+solve:n=256  4.60     20.59         4.47x           0.6660    0.14x       105        22.84x
//   @rg/linalg:qr:n=64         0.7600   1.82          2.40x           0.0912    0.12x       33.74      44.40x
//   @rg/linalg:qr:n=256        37.14    114           3.08x           4.16      0.11x       —          —
//   @rg/linalg:inverse:n=64    0.6990   2.24          3.20x           0.0592    0.08x       11.59      16.58x
//   @rg/linalg:lstsq:n=64      0.4830   0.6680        1.38x           0.0895    0.19x       —          —
//
// Goal of the issue: cholesky n=64 at least 4x faster than ml-matrix (met: 5.5x). NumPy/LAPACK
// stays 3-12x ahead: its kernels are blocked, vectorized Fortran/C.
import { fileURLToPath } from 'node:url';
import { type BenchRow, pythonHas, runPython } from '@rg/bench';
import * as mathjs from 'mathjs';
import {
  CholeskyDecomposition,
  LuDecomposition,
  Matrix as MlMatrix,
  inverse as mlInverse,
  QrDecomposition,
} from 'ml-matrix';
import {
  cholesky,
  inverse,
  lstsq,
  type Matrix,
  qr,
  randomSPD,
  rng,
  solve,
  toRows,
} from '../src/index.js';

type Op = 'cholesky' | 'lusolve' | 'qr' | 'inverse' | 'lstsq';
interface Case {
  op: Op;
  n: number;
  a: Matrix;
  b: Float64Array;
}

/** CPU time of this process in ms (all threads: includes GC helpers). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Median CPU time per call of each contestant. Each sample times a batch of calls (≥ ~2 ms,
 * so the µs resolution of process.cpuUsage does not matter) and every round runs each
 * contestant once, in rotating order. CPU time rather than wall time because the bench
 * machine is shared: wall time then mostly measures the scheduler, while CPU time of these
 * single-threaded calls equals their wall time on an idle machine.
 */
function race(
  contestants: Record<string, () => unknown>,
  minTime = 600,
  minRounds = 5,
): Record<string, number> {
  const names = Object.keys(contestants);
  const batch: Record<string, number> = {};
  for (const k of names) {
    const t0 = cpuMs();
    contestants[k]();
    const once = Math.max(cpuMs() - t0, 0.001);
    batch[k] = Math.max(1, Math.min(1000, Math.round(2 / once)));
  }
  const samples: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, []]));
  const start = cpuMs();
  for (let round = 0; round < minRounds || (cpuMs() - start < minTime && round < 500); round++) {
    for (let i = 0; i < names.length; i++) {
      const k = names[(i + round) % names.length];
      const fn = contestants[k];
      const reps = batch[k];
      const t0 = cpuMs();
      for (let r = 0; r < reps; r++) fn();
      samples[k].push((cpuMs() - t0) / reps);
    }
  }
  return Object.fromEntries(
    names.map((k) => {
      const t = samples[k].sort((x, y) => x - y);
      return [k, t[t.length >> 1]];
    }),
  );
}

function gaussianMatrix(rows: number, cols: number, seed: number): Matrix {
  const r = rng(seed);
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = r.normal();
  return { rows, cols, data };
}

function makeCase(op: Op, n: number): Case {
  const seed = n * 31 + op.length;
  const a =
    op === 'cholesky' ? randomSPD(n, rng(seed), { condition: 1e3 }) : gaussianMatrix(n, n, seed);
  return { op, n, a, b: gaussianMatrix(n, 1, seed + 1).data };
}

export default async function bench(): Promise<BenchRow[]> {
  const cases: Case[] = [
    makeCase('cholesky', 64),
    makeCase('cholesky', 256),
    makeCase('lusolve', 64),
    makeCase('lusolve', 256),
    makeCase('qr', 64),
    makeCase('qr', 256),
    makeCase('inverse', 64),
    makeCase('lstsq', 64),
  ];
  const numpy = pythonHas('numpy', 'scipy')
    ? runPython<{ ms: (number | null)[] }>(
        fileURLToPath(new URL('./dense_peer.py', import.meta.url)),
        {
          cases: cases.map((c) => ({ op: c.op, a: toRows(c.a), b: Array.from(c.b) })),
        },
      ).ms
    : cases.map(() => null);

  return cases.map((c, k) => {
    const nested = toRows(c.a);
    const ml = new MlMatrix(nested);
    const mlB = MlMatrix.columnVector(Array.from(c.b));
    const mj = mathjs.matrix(nested);
    const mjB = mathjs.matrix(Array.from(c.b).map((v) => [v]));
    const fns: Record<string, () => unknown> = {};
    switch (c.op) {
      case 'cholesky':
        fns.ours = () => cholesky(c.a);
        fns['ml-matrix'] = () => new CholeskyDecomposition(ml).lowerTriangularMatrix;
        break;
      case 'lusolve':
        fns.ours = () => solve(c.a, c.b);
        fns['ml-matrix'] = () => new LuDecomposition(ml).solve(mlB);
        fns.mathjs = () => mathjs.lusolve(mj, mjB);
        break;
      case 'qr':
        fns.ours = () => qr(c.a);
        fns['ml-matrix'] = () => {
          const f = new QrDecomposition(ml);
          return [f.orthogonalMatrix, f.upperTriangularMatrix];
        };
        // mathjs.qr takes several seconds at n = 256; timed at n = 64 only.
        if (c.n <= 64) fns.mathjs = () => mathjs.qr(mj);
        break;
      case 'inverse':
        fns.ours = () => inverse(c.a);
        fns['ml-matrix'] = () => mlInverse(ml);
        fns.mathjs = () => mathjs.inv(mj);
        break;
      case 'lstsq':
        fns.ours = () => lstsq(c.a, c.b);
        fns['ml-matrix'] = () => new QrDecomposition(ml).solve(mlB);
        break;
    }
    const { ours, ...peers }: Record<string, number | undefined> = race(fns);
    peers.numpy = numpy[k] ?? undefined;
    return {
      name: `@rg/linalg:${c.op === 'lusolve' ? 'lu+solve' : c.op}:n=${c.n}`,
      ours: ours ?? Number.NaN,
      peers,
    };
  });
}
