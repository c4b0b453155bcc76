import {
  csrFromTriplets,
  csrToDense,
  eigh,
  fromRows,
  InvalidArgumentError,
  type Matrix,
  matrix,
  NotSymmetricError,
  rng,
} from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  classicalMds,
  diffusionMap,
  heatGeodesicDistances,
  heatGeodesicEmbedding,
  heatKernel,
  isomap,
  knnGraph,
  laplacian,
  shortestPathDistances,
  smacof,
  swissRoll,
} from '../index.js';

function euclidean(x: Matrix): Matrix {
  const n = x.rows;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let c = 0; c < x.cols; c++) s += (x.data[i * x.cols + c] - x.data[j * x.cols + c]) ** 2;
      d[i * n + j] = Math.sqrt(s);
    }
  return { rows: n, cols: n, data: d };
}

function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe('classicalMds', () => {
  it('recovers a Euclidean configuration up to a rigid motion (all pairwise distances)', () => {
    const r = rng(2);
    const x = matrix(
      50,
      3,
      Float64Array.from({ length: 150 }, () => r.normal()),
    );
    const d = euclidean(x);
    const e = classicalMds(d, 3);
    const de = euclidean(e.embedding);
    // eigenvectors to 1e-9 relative residual (Lanczos tol): distances to ~1e-8
    for (let q = 0; q < d.data.length; q++)
      expect(Math.abs(de.data[q] - d.data[q])).toBeLessThan(1e-7);
    // eigenvalues descending
    expect(e.eigenvalues[0]).toBeGreaterThanOrEqual(e.eigenvalues[1]);
  });
  it('validates the distance matrix', () => {
    expect(() =>
      classicalMds(
        fromRows([
          [0, 1],
          [2, 0],
        ]),
      ),
    ).toThrow(NotSymmetricError);
    expect(() =>
      classicalMds(
        fromRows([
          [1, 1],
          [1, 0],
        ]),
      ),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      classicalMds(
        fromRows([
          [0, -1],
          [-1, 0],
        ]),
      ),
    ).toThrow(InvalidArgumentError);
  });
});

describe('smacof', () => {
  it('never increases the stress (majorization), on non-Euclidean dissimilarities from a random start', () => {
    const r = rng(8);
    const n = 60;
    const x = matrix(
      n,
      3,
      Float64Array.from({ length: 3 * n }, () => r.normal()),
    );
    const d = euclidean(x);
    // perturb into non-Euclidean dissimilarities
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const v = d.data[i * n + j] * (1 + 0.3 * r.uniform());
        d.data[i * n + j] = v;
        d.data[j * n + i] = v;
      }
    const init = matrix(
      n,
      2,
      Float64Array.from({ length: 2 * n }, () => r.normal()),
    );
    const res = smacof(d, { init, maxIter: 200, tol: 0 });
    const h = res.stressHistory;
    expect(h.length).toBe(res.iterations + 1);
    // monotone up to rounding of the stress sum (~n²ε relative)
    for (let q = 1; q < h.length; q++) expect(h[q]).toBeLessThanOrEqual(h[q - 1] * (1 + 1e-12));
    expect(h[h.length - 1]).toBeLessThan(0.5 * h[0]);
    // the reported stress is the stress of the returned embedding
    const de = euclidean(res.embedding);
    let s = 0;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) s += (de.data[i * n + j] - d.data[i * n + j]) ** 2;
    expect(res.stress).toBeCloseTo(s, 8);
  });
  it('from classical MDS it refines, and a perfect fit stops at once', () => {
    const s = Math.SQRT2;
    const sq = fromRows([
      [0, 1, s, 1],
      [1, 0, 1, s],
      [s, 1, 0, 1],
      [1, s, 1, 0],
    ]);
    const r = smacof(sq);
    expect(r.stress).toBeLessThan(1e-20);
    expect(r.converged).toBe(true);
    expect(() => smacof(sq, { init: matrix(3, 2) })).toThrow(/rows/);
  });
});

describe('shortestPathDistances / isomap', () => {
  it('Dijkstra equals Floyd–Warshall on a random weighted graph', () => {
    const r = rng(12);
    const n = 25;
    const rows: number[] = [];
    const cols: number[] = [];
    const vals: number[] = [];
    for (let e = 0; e < 60; e++) {
      const i = r.int(n);
      const j = r.int(n);
      if (i === j) continue;
      const w = 0.1 + r.uniform();
      rows.push(i, j);
      cols.push(j, i);
      vals.push(w, w);
    }
    const g = csrFromTriplets(n, n, rows, cols, vals);
    const fw = new Float64Array(n * n).fill(Number.POSITIVE_INFINITY);
    for (let i = 0; i < n; i++) fw[i * n + i] = 0;
    // duplicate edges sum in the CSR: use its stored lengths
    for (let i = 0; i < n; i++)
      for (let p = g.rowPtr[i]; p < g.rowPtr[i + 1]; p++)
        fw[i * n + g.colIndex[p]] = Math.min(fw[i * n + g.colIndex[p]], g.values[p]);
    for (let k = 0; k < n; k++)
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          fw[i * n + j] = Math.min(fw[i * n + j], fw[i * n + k] + fw[k * n + j]);
    const d = shortestPathDistances(g).data;
    for (let q = 0; q < n * n; q++)
      if (fw[q] === Number.POSITIVE_INFINITY) expect(d[q]).toBe(Number.POSITIVE_INFINITY);
      else expect(d[q]).toBeCloseTo(fw[q], 12);
  });
  it('isomap unrolls the Swiss roll: graph distances correlate with the true geodesics', () => {
    // 800 points: sparser samples of this roll short-circuit between layers at any k
    const s = swissRoll({ n: 800, seed: 1 });
    const iso = isomap(s.points, { knn: 8 });
    const truth = euclidean(s.intrinsic).data;
    expect(pearson(iso.distances.data, truth)).toBeGreaterThan(0.99);
    expect(() =>
      isomap(
        fromRows([
          [0, 0],
          [0, 1],
          [10, 10],
          [10, 11],
        ]),
        { knn: 1 },
      ),
    ).toThrow(/disconnected/);
  });
});

describe('diffusionMap', () => {
  it('its eigenvalues are those of the α-normalized Markov matrix (dense check)', () => {
    const s = swissRoll({ n: 150, seed: 2 });
    const dm = diffusionMap(s.points, { dims: 3, knn: 8, alpha: 1 });
    // dense: P = D_α⁻¹ W_α, W_α = D^{-1} W D^{-1}
    const W = csrToDense(knnGraph(s.points, { k: 8, weights: 'gaussian' })).data;
    const n = 150;
    const deg = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) deg[i] += W[i * n + j];
    const Wa = W.map((v, q) => v / (deg[Math.floor(q / n)] * deg[q % n]));
    const da = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) da[i] += Wa[i * n + j];
    const S = Wa.map((v, q) => v / Math.sqrt(da[Math.floor(q / n)] * da[q % n]));
    const ev = eigh({ rows: n, cols: n, data: S }).values;
    expect(ev[n - 1]).toBeCloseTo(1, 10);
    for (let c = 0; c < 3; c++) expect(dm.eigenvalues[c]).toBeCloseTo(ev[n - 2 - c], 8);
  });
});

describe('heatGeodesicDistances / heatGeodesicEmbedding', () => {
  it('heat geodesics of a flat, uniformly sampled square track Euclidean distances', () => {
    const side = 14;
    const pts: number[][] = [];
    for (let i = 0; i < side; i++) for (let j = 0; j < side; j++) pts.push([i, j]);
    const x = fromRows(pts);
    const r = heatGeodesicDistances(x, { t: 8, knn: 8 });
    const d = r.distances.data;
    const n = side * side;
    // symmetric, zero diagonal (σ = 1), positive off the diagonal
    for (let i = 0; i < n; i++) {
      expect(d[i * n + i]).toBe(0);
      for (let j = i + 1; j < n; j++) {
        expect(d[i * n + j]).toBe(d[j * n + i]);
        expect(d[i * n + j]).toBeGreaterThan(0);
      }
    }
    // Varadhan's formula on a grid: monotone in the true distance, highly correlated
    expect(pearson(d, euclidean(x).data)).toBeGreaterThan(0.97);
  });
  it('d² = −4t log H_ij + 2tσ(log H_ii + log H_jj) on the normalized kNN Laplacian; auto t lies in the grid', () => {
    const s = swissRoll({ n: 120, seed: 3 });
    const t = 5;
    const L = laplacian(knnGraph(s.points, { k: 6, weights: 'gaussian' }), { normalized: true });
    const H = heatKernel(L, t, { method: 'exact' }).matrix().data;
    const n = 120;
    for (const harnack of [0, 0.5, 1]) {
      const d = heatGeodesicDistances(s.points, { t, knn: 6, harnack, method: 'exact' }).distances
        .data;
      for (let i = 0; i < n; i += 7)
        for (let j = i + 1; j < n; j += 5) {
          const hij = 0.5 * (H[i * n + j] + H[j * n + i]);
          const d2 =
            -4 * t * Math.log(hij) +
            2 * t * harnack * (Math.log(H[i * n + i]) + Math.log(H[j * n + j]));
          // the same dense eigendecomposition on both sides; logs of values ≥ 1e-200 here
          expect(d[i * n + j] ** 2).toBeCloseTo(Math.max(d2, 0), 8);
        }
    }
    const auto = heatGeodesicDistances(s.points, { knn: 6 });
    expect(auto.t).toBeGreaterThanOrEqual(1);
    expect(auto.t).toBeLessThanOrEqual(100);
    expect(() => heatGeodesicDistances(s.points, { harnack: 2 })).toThrow(InvalidArgumentError);
    expect(() => heatGeodesicDistances(s.points, { graph: 'umap' as 'knn' })).toThrow(
      InvalidArgumentError,
    );
  });
  it('the embedding of a Swiss roll preserves geodesic distances better than its ambient distances', () => {
    const s = swissRoll({ n: 300, seed: 5, noise: 0.05 });
    const e = heatGeodesicEmbedding(s.points, { knn: 8 });
    const truth = euclidean(s.intrinsic).data;
    const emb = euclidean(e.embedding).data;
    const amb = euclidean(s.points).data;
    expect(pearson(emb, truth)).toBeGreaterThan(pearson(amb, truth));
    // the reported stress is that of the returned embedding against the returned distances
    let stress = 0;
    for (let i = 0; i < 300; i++)
      for (let j = i + 1; j < 300; j++)
        stress += (emb[i * 300 + j] - e.distances.data[i * 300 + j]) ** 2;
    expect(e.stress).toBeCloseTo(stress, 6);
    expect(e.iterations).toBeGreaterThan(0);
    // SMACOF only lowers the stress of its classical-MDS start
    const classical = heatGeodesicEmbedding(s.points, { knn: 8, t: e.t, mds: 'classical' });
    expect(e.stress).toBeLessThanOrEqual(classical.stress);
  });
});
