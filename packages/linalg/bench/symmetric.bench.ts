// Benchmarks of the symmetric spectral area: eigh (single and a batch of 1000 8×8), svd and
// logmSym against ml-matrix, mathjs and NumPy/SciPy (single-threaded, same inputs).
// Result of one run (see the end of this header; `pnpm bench symmetric` to reproduce).
import { type BenchRow, measure, pythonHas, runPython } from '@rg/bench';
import { create, all as mathAll } from 'mathjs';
import { EigenvalueDecomposition, Matrix as MlMatrix, SingularValueDecomposition } from 'ml-matrix';
import { fileURLToPath } from 'node:url';
import { eigh, logmSym, type Matrix, rng, svd, toRows } from '../src/index.js';

const math = create(mathAll);

function randomSymmetric(n: number, seed: number): Matrix {
  const r = rng(seed);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const x = r.normal();
      data[i * n + j] = x;
      data[j * n + i] = x;
    }
  return { rows: n, cols: n, data };
}

function randomSPD(n: number, seed: number): Matrix {
  // B Bᵀ / n + I: well conditioned, so every library takes its ordinary path.
  const r = rng(seed);
  const b = new Float64Array(n * n).map(() => r.normal());
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += b[i * n + k] * b[j * n + k];
      s = s / n + (i === j ? 1 : 0);
      data[i * n + j] = s;
      data[j * n + i] = s;
    }
  return { rows: n, cols: n, data };
}

function randomRect(m: number, n: number, seed: number): Matrix {
  const r = rng(seed);
  return { rows: m, cols: n, data: new Float64Array(m * n).map(() => r.normal()) };
}

const quick = (slow: boolean) => (slow ? { minTime: 0, minRuns: 3, warmup: 1 } : { minTime: 200 });

export default async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const peerCases: { op: string; rows: number; cols: number; batch?: number; data: number[] }[] =
    [];
  const peerIndex: number[] = [];
  const push = (row: BenchRow, peer?: (typeof peerCases)[number]) => {
    rows.push(row);
    peerIndex.push(peer ? peerCases.push(peer) - 1 : -1);
  };

  for (const n of [4, 8, 16, 32, 64, 128, 256]) {
    const a = randomSymmetric(n, n);
    const ours = measure(() => eigh(a), quick(n >= 256)).median;
    const ml = new MlMatrix(toRows(a));
    const mlt = measure(
      () => new EigenvalueDecomposition(ml, { assumeSymmetric: true }),
      quick(n >= 128),
    ).median;
    const mj = n <= 32 ? measure(() => math.eigs(toRows(a)), quick(n >= 32)).median : undefined;
    push(
      { name: `@rg/linalg:eigh:n=${n}`, ours, peers: { 'ml-matrix': mlt, mathjs: mj } },
      { op: 'eigh', rows: n, cols: n, data: Array.from(a.data) },
    );
  }
  {
    const batch = Array.from({ length: 1000 }, (_, i) => randomSymmetric(8, 1000 + i));
    const ours = measure(() => {
      for (const a of batch) eigh(a);
    }, quick(false)).median;
    const mls = batch.map((a) => new MlMatrix(toRows(a)));
    const mlt = measure(() => {
      for (const m of mls) new EigenvalueDecomposition(m, { assumeSymmetric: true });
    }, quick(false)).median;
    const data: number[] = [];
    for (const a of batch) data.push(...a.data);
    push(
      { name: '@rg/linalg:eigh:batch=1000x8x8', ours, peers: { 'ml-matrix': mlt } },
      { op: 'eigh', rows: 8, cols: 8, batch: 1000, data },
    );
  }
  for (const n of [8, 32, 64, 128]) {
    const a = randomRect(n, n, 7 * n);
    const ours = measure(() => svd(a), quick(n >= 128)).median;
    const ml = new MlMatrix(toRows(a));
    const mlt = measure(() => new SingularValueDecomposition(ml), quick(n >= 128)).median;
    push(
      { name: `@rg/linalg:svd:n=${n}`, ours, peers: { 'ml-matrix': mlt } },
      { op: 'svd', rows: n, cols: n, data: Array.from(a.data) },
    );
  }
  {
    const a = randomRect(200, 50, 11);
    const ours = measure(() => svd(a)).median;
    const ml = new MlMatrix(toRows(a));
    const mlt = measure(() => new SingularValueDecomposition(ml), quick(true)).median;
    push(
      { name: '@rg/linalg:svd:200x50', ours, peers: { 'ml-matrix': mlt } },
      { op: 'svd', rows: 200, cols: 50, data: Array.from(a.data) },
    );
  }
  for (const n of [8, 32, 64]) {
    const a = randomSPD(n, 3 * n);
    const ours = measure(() => logmSym(a)).median;
    push(
      {
        name: `@rg/linalg:logmSym:n=${n}`,
        ours,
        peers: {},
        note: 'numpy = eigh-based V log(Λ) Vᵀ (mathjs, ml-matrix: no logm)',
      },
      { op: 'logm-eigh', rows: n, cols: n, data: Array.from(a.data) },
    );
  }

  if (pythonHas('numpy', 'scipy')) {
    const script = fileURLToPath(new URL('./symmetric_peer.py', import.meta.url));
    const { ms } = runPython<{ ms: (number | null)[] }>(script, { cases: peerCases });
    rows.forEach((row, i) => {
      const k = peerIndex[i];
      if (k >= 0 && ms[k] != null) row.peers = { ...row.peers, numpy: ms[k] ?? undefined };
    });
  }
  return rows;
}
