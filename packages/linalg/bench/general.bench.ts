// Benchmarks for the general spectral area: expm, eigvals, schur, solveSylvester, against
// mathjs (expm, eigs), ml-matrix (EigenvalueDecomposition, non-symmetric path) and
// NumPy/SciPy (single-threaded BLAS) on the same inputs, measured in the same run.
//
// One run (pnpm bench general, 02:42 UTC; Node 20, 2 CPU cores shared with other jobs
// at load average ≈ 10, so medians are inflated and noisy; the `min` column is the
// better guide to the code's speed. Isolated runs of ours (min of 30) measured
// expm 64 ≈ 1.4 ms, eigvals 64 ≈ 1.0 ms, schur 64 ≈ 2.1 ms, solveSylvester 64 ≈ 6 ms):
//   benchmark                       ours ms  mathjs ms  mathjs/ours  numpy ms  numpy/ours  ml-matrix ms  ml-matrix/ours  note
//   ------------------------------  -------  ---------  -----------  --------  ----------  ------------  --------------  -------------------------------------------------------------------------
//   @rg/linalg:expm:n=16            0.1466   8.37       57.07x       0.0208    0.14x       —             —               min: ours 0.0658, mathjs 0.539, numpy 0.0185
//   @rg/linalg:expm:n=64            8.09     82.09      10.15x       0.2541    0.03x       —             —               min: ours 2.34, mathjs 74.2, numpy 0.184
//   @rg/linalg:expm:n=128           33.38    513        15.37x       3.19      0.10x       —             —               min: ours 28.2, mathjs 407, numpy 1.36
//   @rg/linalg:eigvals:n=64         1.79     —          —            1.03      0.57x       13.49         7.52x           mathjs eigs did not converge; min: ours 1.47, ml-matrix 6.06, numpy 0.782
//   @rg/linalg:eigvals:n=128        49.83    —          —            15.14     0.30x       154           3.09x           mathjs eigs did not converge; min: ours 37.1, ml-matrix 96.2, numpy 5.70
//   @rg/linalg:schur:n=64           10.88    —          —            3.63      0.33x       —             —               min: ours 5.61, numpy 1.29
//   @rg/linalg:solveSylvester:n=64  37.40    —          —            10.96     0.29x       —             —               min: ours 24.5, numpy 7.43
import { fileURLToPath } from 'node:url';
import { type BenchRow, measure, pythonHas, runPython } from '@rg/bench';
import * as mathjs from 'mathjs';
import { EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { eigvals, expm, type Matrix, rng, schur, solveSylvester, toRows } from '../src/index.js';

const quick = { minTime: 400, minRuns: 5, maxRuns: 300, warmup: 5 };

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
