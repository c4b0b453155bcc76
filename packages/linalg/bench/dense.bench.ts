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

/**
 * Medians of interleaved runs: each round times every contestant once, in rotating order, so
 * a load spike on the (shared) machine hits all of them alike instead of whichever happened
 * to be measured at that moment.
 */
function race(
  contestants: Record<string, () => unknown>,
  minTime = 400,
  minRounds = 5,
): Record<string, number> {
  const names = Object.keys(contestants);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, []]));
  for (const k of names) contestants[k]();
  const start = performance.now();
  for (
    let round = 0;
    round < minRounds || (performance.now() - start < minTime && round < 2000);
    round++
  ) {
    for (let i = 0; i < names.length; i++) {
      const k = names[(i + round) % names.length];
      const t0 = performance.now();
      contestants[k]();
      samples[k].push(performance.now() - t0);
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
