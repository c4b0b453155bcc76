// Benchmarks for the general spectral area: expm, eigvals, schur, solveSylvester, against
// mathjs (expm, eigs), ml-matrix (EigenvalueDecomposition, non-symmetric path) and
// NumPy/SciPy (single-threaded BLAS) on the same inputs, measured in the same run.
//
// One run (pnpm bench general; Node 20, 2 CPU cores shared with other jobs at load
// average ≈ 19, so medians are inflated many times over and the `min` column is the
// better guide to the code's speed):
//   benchmark                       ours ms  mathjs ms  mathjs/ours  numpy ms  numpy/ours  ml-matrix ms  ml-matrix/ours  note
//   ------------------------------  -------  ---------  -----------  --------  ----------  ------------  --------------  ------------------------------------------
//   @rg/linalg:expm:n=16            7.20     86.03      11.95x       0.0229    0.00x       —             —               min: ours 0.544, mathjs 83.6, numpy 0.0150
//   @rg/linalg:expm:n=64            62.41    301        4.82x        0.3102    0.00x       —             —               min: ours 30.2, mathjs 216, numpy 0.249
//   @rg/linalg:expm:n=128           108      1757       16.34x       1.79      0.02x       —             —               min: ours 91.7, mathjs 1.70e+3, numpy 1.50
//   @rg/linalg:eigvals:n=64         22.06    —          —            0.9895    0.04x       165           7.48x           min: ours 1.89, ml-matrix 142, numpy 0.641
//   @rg/linalg:eigvals:n=128        50.03    —          —            30.74     0.61x       468           9.35x           min: ours 29.3, ml-matrix 284, numpy 13.4
//   @rg/linalg:schur:n=64           73.97    —          —            2.96      0.04x       —             —               min: ours 47.7, numpy 1.33
//   @rg/linalg:solveSylvester:n=64  49.49    —          —            17.94     0.36x       —             —               min: ours 49.4, numpy 8.92
import { fileURLToPath } from 'node:url';
import { type BenchRow, measure, pythonHas, runPython } from '@rg/bench';
import * as mathjs from 'mathjs';
import { EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { eigvals, expm, type Matrix, rng, schur, solveSylvester, toRows } from '../src/index.js';

const quick = { minTime: 200, minRuns: 3, maxRuns: 200 };

/** n×n with N(0, 1/n) entries: spectral radius ≈ 1, ‖A‖₁ ≈ 0.8√n (a few squarings in expm). */
function randomMatrix(seed: number, n: number): Matrix {
  const r = rng(seed);
  const data = new Float64Array(n * n);
  const s = 1 / Math.sqrt(n);
  for (let i = 0; i < n * n; i++) data[i] = s * r.normal();
  return { rows: n, cols: n, data };
}

function shifted(a: Matrix, shift: number): Matrix {
  const data = Float64Array.from(a.data);
  for (let i = 0; i < a.rows; i++) data[i * a.cols + i] += shift;
  return { rows: a.rows, cols: a.cols, data };
}

interface Case {
  name: string;
  op: 'expm' | 'eigvals' | 'schur' | 'sylvester';
  a: Matrix;
  b?: Matrix;
  c?: Matrix;
}

export default async function bench(): Promise<BenchRow[]> {
  const cases: Case[] = [];
  for (const n of [16, 64, 128])
    cases.push({ name: `@rg/linalg:expm:n=${n}`, op: 'expm', a: randomMatrix(n, n) });
  for (const n of [64, 128])
    cases.push({ name: `@rg/linalg:eigvals:n=${n}`, op: 'eigvals', a: randomMatrix(100 + n, n) });
  cases.push({ name: '@rg/linalg:schur:n=64', op: 'schur', a: randomMatrix(300, 64) });
  {
    const n = 64;
    // A and B shifted apart so that A and −B have well-separated spectra
    cases.push({
      name: `@rg/linalg:solveSylvester:n=${n}`,
      op: 'sylvester',
      a: shifted(randomMatrix(200, n), 2),
      b: shifted(randomMatrix(201, n), 2),
      c: randomMatrix(202, n),
    });
  }

  const numpy = pythonHas('numpy', 'scipy')
    ? runPython<{ ms: [number | null, number | null][] }>(
        fileURLToPath(new URL('./general_peer.py', import.meta.url)),
        {
          cases: cases.map((c) => ({
            op: c.op,
            a: toRows(c.a),
            b: c.b && toRows(c.b),
            c: c.c && toRows(c.c),
          })),
        },
      ).ms
    : cases.map((): [null, null] => [null, null]);

  const rows: BenchRow[] = [];
  const fmt = (ms: number | null | undefined) => (ms == null ? '—' : ms.toPrecision(3));
  cases.forEach((c, k) => {
    const peers: Record<string, number | undefined> = {};
    const mins: Record<string, number | undefined> = {};
    const run = (peer: string | null, fn: () => unknown) => {
      const t = measure(fn, quick);
      if (peer !== null) {
        peers[peer] = t.median;
        mins[peer] = t.min;
      }
      return t;
    };
    const aRows = toRows(c.a);
    let failed = '';
    let ours: { median: number; min: number };
    if (c.op === 'expm') {
      ours = run(null, () => expm(c.a));
      const am = mathjs.matrix(aRows);
      run('mathjs', () => mathjs.expm(am));
    } else if (c.op === 'eigvals') {
      ours = run(null, () => eigvals(c.a));
      const am = new MlMatrix(aRows);
      run('ml-matrix', () => new EigenvalueDecomposition(am));
      try {
        run('mathjs', () => mathjs.eigs(aRows, { eigenvectors: false }));
      } catch {
        // mathjs 15 eigs throws "The eigenvalues failed to converge" on random
        // non-symmetric matrices (already at n = 8), so it has no time here
        peers.mathjs = undefined;
        failed = 'mathjs eigs did not converge; ';
      }
    } else if (c.op === 'schur') {
      ours = run(null, () => schur(c.a));
    } else {
      const { a, b, c: rhs } = c as Required<Case>;
      ours = run(null, () => solveSylvester(a, b, rhs));
    }
    peers.numpy = numpy[k][0] ?? undefined;
    mins.numpy = numpy[k][1] ?? undefined;
    // the machine is shared, so medians are noisy: the fastest runs are shown as well
    const note = `${failed}min: ours ${fmt(ours.min)}${Object.entries(mins)
      .map(([p, v]) => `, ${p} ${fmt(v)}`)
      .join('')}`;
    rows.push({ name: c.name, ours: ours.median, peers, note });
  });
  return rows;
}
