// Benchmarks for the dense decompositions (cholesky, lu + solve, qr, inverse, lstsq) against
// ml-matrix (CholeskyDecomposition, LuDecomposition, QrDecomposition, inverse), mathjs
// (lusolve, inv, qr) and NumPy/SciPy through bench/dense_peer.py (single-threaded LAPACK),
// all on the same inputs in the same run. Inputs are converted to each library's format
// outside the timed region; our times include input validation.
//
// RESULTS
import { fileURLToPath } from 'node:url';
import { type BenchRow, measure, pythonHas, runPython } from '@rg/bench';
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

const budget = { minTime: 250, minRuns: 5, maxRuns: 2000 };

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
    const peers: Record<string, number | undefined> = {};
    let ours: number;
    switch (c.op) {
      case 'cholesky':
        ours = measure(() => cholesky(c.a), budget).median;
        peers['ml-matrix'] = measure(
          () => new CholeskyDecomposition(ml).lowerTriangularMatrix,
          budget,
        ).median;
        break;
      case 'lusolve':
        ours = measure(() => solve(c.a, c.b), budget).median;
        peers['ml-matrix'] = measure(() => new LuDecomposition(ml).solve(mlB), budget).median;
        peers.mathjs = measure(() => mathjs.lusolve(mj, mjB), budget).median;
        break;
      case 'qr':
        ours = measure(() => qr(c.a), budget).median;
        peers['ml-matrix'] = measure(() => {
          const f = new QrDecomposition(ml);
          return [f.orthogonalMatrix, f.upperTriangularMatrix];
        }, budget).median;
        peers.mathjs = measure(() => mathjs.qr(mj), budget).median;
        break;
      case 'inverse':
        ours = measure(() => inverse(c.a), budget).median;
        peers['ml-matrix'] = measure(() => mlInverse(ml), budget).median;
        peers.mathjs = measure(() => mathjs.inv(mj), budget).median;
        break;
      case 'lstsq':
        ours = measure(() => lstsq(c.a, c.b), budget).median;
        peers['ml-matrix'] = measure(() => new QrDecomposition(ml).solve(mlB), budget).median;
        break;
    }
    peers.numpy = numpy[k] ?? undefined;
    return { name: `@rg/linalg:${c.op === 'lusolve' ? 'lu+solve' : c.op}:n=${c.n}`, ours, peers };
  });
}
