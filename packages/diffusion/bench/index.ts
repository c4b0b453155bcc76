// Benchmarks for @rg/diffusion: our time and the ratio against SciPy / scikit-learn measured in
// the same run by bench/diffusion_peer.py (NumPy with OPENBLAS_NUM_THREADS=1, one core like us).
// Both sides read the same points and the same Laplacian from binary files; results are
// cross-checked where they are comparable.
//
// Rows: kNN graph of 10 000 Swiss-roll points (k = 10, Gaussian weights) vs cKDTree (and
// scikit-learn's kneighbors_graph); sparse mat-vec of that graph's normalized Laplacian
// (@rg/linalg's CSR kernel, GFLOP/s = 2·nnz/time) vs SciPy's CSR @ x; the Chebyshev heat filter
// exp(−tL)·B (t = 10, one vector and a block of 16) vs scipy.sparse.linalg.expm_multiply; the full
// heat-geodesic embedding of 2000 points (t = 20, Chebyshev, classical MDS then SMACOF) vs the
// same pipeline in SciPy + scikit-learn's smacof; our SMACOF vs scikit-learn's MDS (its defaults:
// 4 inits) on the same distances; Isomap for reference.
//
// Paste a run's table here when it changes. Run of 2026-12-04 (one run, 2 shared cores, load ≈ 18):
//   knnGraph n=10000 k=10              ours 360 ms   SciPy 211 ms (0.58x)  sklearn 188 ms (0.52x)
//   spmv n=10000 nnz=124054            ours 0.861 ms SciPy 0.745 ms (0.87x); 0.29 vs 0.33 GFLOP/s
//   heatKernel t=10 cols=1 (order 23)  ours 14.9 ms  SciPy expm_multiply 61.8 ms (4.14x)
//   heatKernel t=10 cols=16            ours 559 ms   SciPy 2104 ms (3.76x); max |Δ| 4.3e-11
//   heatGeodesicEmbedding n=2000 t=20  ours 25.7 s   SciPy+sklearn 89.0 s (3.46x)
//   smacof n=2000 (184 it)             ours 13.5 s   sklearn MDS 167 s (12.4x); stress 1.092e8 vs 1.110e8
//   isomap n=2000 k=10                 ours 8.67 s   sklearn Isomap 7.35 s (0.85x)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, PYTHON, pythonHas, report } from '@rg/bench';
import { csrOperator, matrix } from '@rg/linalg';
import {
  heatGeodesicEmbedding,
  heatKernel,
  isomap,
  knnGraph,
  laplacian,
  smacof,
  swissRoll,
} from '../src/index.js';
import { generativeRows } from './generative.js';

const quick = process.argv.includes('--quick');
const peerPath = new URL('./diffusion_peer.py', import.meta.url).pathname;
const hasScipy = pythonHas('numpy', 'scipy');
const dir = mkdtempSync(join(tmpdir(), 'rg-diffusion-bench-'));
const rows: Parameters<typeof report>[1] = [];

interface PeerResult {
  name: string;
  sklearn: boolean;
  ms: number;
  sklearnMs?: number;
  nnz?: number;
  result?: number[];
  stress?: number;
  sample?: number[];
  mdsMs?: number;
  mdsStress?: number;
  isomapMs?: number;
}

function peer(tasks: Record<string, unknown>[]): PeerResult[] {
  if (!hasScipy) return [];
  const out = execFileSync(PYTHON, [peerPath], {
    input: JSON.stringify({ tasks }),
    env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' },
    maxBuffer: 1 << 28,
    encoding: 'utf8',
  });
  return (JSON.parse(out) as { results: PeerResult[] }).results;
}

function writeTriplets(path: string, l: ReturnType<typeof laplacian>): void {
  const nnz = l.values.length;
  const tri = new Float64Array(3 * nnz);
  for (let i = 0; i < l.rows; i++)
    for (let p = l.rowPtr[i]; p < l.rowPtr[i + 1]; p++) {
      tri[p] = i;
      tri[nnz + p] = l.colIndex[p];
      tri[2 * nnz + p] = l.values[p];
    }
  writeFileSync(path, tri);
}

// ---- kNN graph, spmv and heat filter on 10 000 points ----
const N = quick ? 2000 : 10000;
const roll = swissRoll({ n: N, noise: 0.05, seed: 1 });
const pointsPath = join(dir, 'points.bin');
writeFileSync(pointsPath, roll.points.data);
const tKnn = measure(() => knnGraph(roll.points, { k: 10, weights: 'gaussian' }), {
  minRuns: 3,
  minTime: 1000,
});
const W = knnGraph(roll.points, { k: 10, weights: 'gaussian' });
const L = laplacian(W, { normalized: true });
const triPath = join(dir, 'laplacian.bin');
writeTriplets(triPath, L);
const op = csrOperator(L);
const x = new Float64Array(N).fill(1);
const y = new Float64Array(N);
const inner = 100;
const tSpmv = measure(
  () => {
    for (let q = 0; q < inner; q++) op(x, y);
  },
  { minRuns: 5, minTime: 1000 },
);
const spmvMs = tSpmv.median / inner;
const nnz = L.values.length;
const t = 10;
const blockCols = 16;
const block = matrix(
  N,
  blockCols,
  Float64Array.from({ length: N * blockCols }, (_, q) => Math.sin(q)),
);
const blockPath = join(dir, 'block.bin');
writeFileSync(blockPath, block.data);
const one = matrix(
  N,
  1,
  block.data.filter((_, q) => q % blockCols === 0),
);
const onePath = join(dir, 'one.bin');
writeFileSync(onePath, one.data);
const heat = heatKernel(L, t, { lambdaMax: 2 });
const tHeat1 = measure(() => heat.applyMatrix(one), { minRuns: 5, minTime: 1000 });
const tHeat16 = measure(() => heat.applyMatrix(block), { minRuns: 3, minTime: 1000 });
const ours16 = heat.applyMatrix(block).data;

// ---- full heat-geodesic embedding of 2000 points ----
const M = quick ? 500 : 2000;
const small = swissRoll({ n: M, noise: 0.05, seed: 2 });
const smallPath = join(dir, 'small.bin');
writeFileSync(smallPath, small.points.data);
const embedOptions = { t: 20, knn: 10, method: 'chebyshev', maxIter: 300, tol: 1e-6 } as const;
let embedding = heatGeodesicEmbedding(small.points, embedOptions);
const tEmbed = measure(
  () => {
    embedding = heatGeodesicEmbedding(small.points, embedOptions);
  },
  { minRuns: 1, minTime: 0, warmup: 0 },
);
const tSmacof = measure(() => smacof(embedding.distances, { maxIter: 300, tol: 1e-6 }), {
  minRuns: 1,
  minTime: 0,
  warmup: 1,
});
const ourSmacof = smacof(embedding.distances, { maxIter: 300, tol: 1e-6 });
const tIsomap = measure(() => isomap(small.points, { knn: 10 }), {
  minRuns: 1,
  minTime: 0,
  warmup: 1,
});

const results = peer([
  { kind: 'knn', name: 'knn', points: pointsPath, n: N, d: 3, k: 10, repeat: 3 },
  { kind: 'spmv', name: 'spmv', triplets: triPath, n: N, repeat: 5, inner },
  { kind: 'heat', name: 'heat1', triplets: triPath, n: N, t, block: onePath, cols: 1, repeat: 3 },
  {
    kind: 'heat',
    name: 'heat16',
    triplets: triPath,
    n: N,
    t,
    block: blockPath,
    cols: blockCols,
    repeat: 3,
    stride: 97,
  },
  {
    kind: 'embedding',
    name: 'embedding',
    points: smallPath,
    n: M,
    d: 3,
    k: 10,
    t: embedOptions.t,
    dims: 2,
    maxIter: 300,
    stride: 9973,
    repeat: 1,
  },
]);
rmSync(dir, { recursive: true, force: true });
const byName = new Map(results.map((r) => [r.name, r]));
const haveSklearn = results.some((r) => r.sklearn);

const knnPeer = byName.get('knn');
rows.push({
  name: `@rg/diffusion:knnGraph:n=${N},k=10`,
  ours: tKnn.median,
  peers: { SciPy: knnPeer?.ms, sklearn: knnPeer?.sklearnMs },
  note: 'k-d tree + symmetric CSR; SciPy: cKDTree + csr max(W, Wᵀ); sklearn: kneighbors_graph',
});
const spmvPeer = byName.get('spmv');
const gflops = (ms: number) => ((2 * nnz) / (ms * 1e6)).toFixed(2);
rows.push({
  name: `@rg/linalg:spmv:n=${N},nnz=${nnz}`,
  ours: spmvMs,
  peers: { SciPy: spmvPeer?.ms },
  note: `ours ${gflops(spmvMs)} GFLOP/s${spmvPeer ? `, SciPy ${gflops(spmvPeer.ms)} GFLOP/s` : ''}`,
});
const h1 = byName.get('heat1');
rows.push({
  name: `@rg/diffusion:heatKernel:n=${N},t=${t},cols=1`,
  ours: tHeat1.median,
  peers: { SciPy: h1?.ms },
  note: `Chebyshev order ${heat.order} (bound ${heat.errorBound.toExponential(0)}); SciPy expm_multiply`,
});
const h16 = byName.get('heat16');
let heatDiff = Number.NaN;
if (h16?.result) {
  heatDiff = 0;
  h16.result.forEach((v, q) => {
    heatDiff = Math.max(heatDiff, Math.abs(v - ours16[q * 97]));
  });
}
rows.push({
  name: `@rg/diffusion:heatKernel:n=${N},t=${t},cols=${blockCols}`,
  ours: tHeat16.median,
  peers: { SciPy: h16?.ms },
  note: `max |ours − SciPy| ${heatDiff.toExponential(1)} on sampled entries`,
});
const emb = byName.get('embedding');
let distDiff = Number.NaN;
if (emb?.sample) {
  distDiff = 0;
  emb.sample.forEach((v, q) => {
    distDiff = Math.max(distDiff, Math.abs(v - embedding.distances.data[q * 9973]));
  });
}
rows.push({
  name: `@rg/diffusion:heatGeodesicEmbedding:n=${M},t=${embedOptions.t}`,
  ours: tEmbed.median,
  peers: { 'SciPy+sklearn': emb?.ms },
  note: `kNN graph, Chebyshev heat kernel, log, classical MDS, SMACOF ${embedding.iterations} it; max |Δd| vs SciPy ${distDiff.toExponential(1)}; stress ours ${embedding.stress.toExponential(3)}, sklearn ${emb?.stress?.toExponential(3) ?? '—'}`,
});
rows.push({
  name: `@rg/diffusion:smacof:n=${M}`,
  ours: tSmacof.median,
  peers: { 'sklearn MDS': emb?.mdsMs },
  note: `ours from classical MDS, ${ourSmacof.iterations} it, stress ${ourSmacof.stress.toExponential(3)}; sklearn MDS (4 random inits, eps 1e-3) stress ${emb?.mdsStress?.toExponential(3) ?? '—'}`,
});
rows.push({
  name: `@rg/diffusion:isomap:n=${M},k=10`,
  ours: tIsomap.median,
  peers: { 'sklearn Isomap': emb?.isomapMs },
  note: 'Dijkstra from every node + classical MDS (Lanczos)',
});
if (!hasScipy) console.log('NumPy/SciPy not found at /usr/bin/python3: peer columns are empty');
else if (!haveSklearn)
  console.log('scikit-learn not found at /usr/bin/python3: the sklearn columns are empty');
rows.push(...generativeRows(quick));
report('@rg/diffusion', rows);
