// Benchmarks for the dense decompositions (cholesky, lu + solve, qr, inverse, lstsq) against
// ml-matrix (CholeskyDecomposition, LuDecomposition, QrDecomposition, inverse), mathjs
// (lusolve, inv, qr) and NumPy/SciPy through bench/dense_peer.py (single-threaded LAPACK),
// all on the same inputs in the same run. Inputs are converted to each library's format
// outside the timed region; our times include input validation.
//
// RESULTS
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
