// Geodesic preservation of heat-geodesic embeddings against diffusion maps and shortest paths
// (Isomap), the benchmark of "A heat diffusion perspective on geodesic preserving
// dimensionality reduction" (Huguet et al., NeurIPS 2023): Swiss roll and S-curve, 2000 points,
// noise 0.05, ground-truth geodesics from the unrolled coordinates.
import { defineExample, Plot, plotToSVG } from '@rg/gallery';
import { type Matrix, matrix, svd } from '@rg/linalg';
import {
  diffusionMap,
  type FlatManifoldSample,
  heatGeodesicEmbedding,
  isomap,
  sCurve,
  swissRoll,
} from '../src/index.js';
import { fmt, pairwiseUpper, pearson, spearman } from './support/metrics.js';

/** Column means of an n×2 matrix. */
function centroid(x: Matrix): [number, number] {
  let a = 0;
  let b = 0;
  for (let i = 0; i < x.rows; i++) {
    a += x.data[2 * i] / x.rows;
    b += x.data[2 * i + 1] / x.rows;
  }
  return [a, b];
}

/**
 * The n×2 embedding Y mapped onto the (centred) target X by the similarity s·R·(y − ȳ) that
 * minimizes the squared error (orthogonal Procrustes with scale: R from the SVD of YᵀX).
 */
function procrustes(y: Matrix, x: Matrix): Float64Array {
  const n = y.rows;
  const [ya, yb] = centroid(y);
  const [xa, xb] = centroid(x);
  const m = svd(
    matrix(
      2,
      2,
      [0, 1, 2, 3].map((q) => {
        const a = q >> 1;
        const b = q & 1;
        let s = 0;
        for (let i = 0; i < n; i++)
          s += (y.data[2 * i + a] - (a ? yb : ya)) * (x.data[2 * i + b] - (b ? xb : xa));
        return s;
      }),
    ),
  );
  // R = U Vᵀ maps y-coordinates to x-coordinates: (y − ȳ) R
  const U = m.u.data;
  const V = m.v.data;
  const R = [0, 1, 2, 3].map(
    (q) => U[(q >> 1) * 2] * V[(q & 1) * 2] + U[(q >> 1) * 2 + 1] * V[(q & 1) * 2 + 1],
  );
  let syy = 0;
  for (let i = 0; i < n; i++) syy += (y.data[2 * i] - ya) ** 2 + (y.data[2 * i + 1] - yb) ** 2;
  const scale = (m.s[0] + m.s[1]) / syy;
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const u = y.data[2 * i] - ya;
    const v = y.data[2 * i + 1] - yb;
    out[2 * i] = scale * (u * R[0] + v * R[2]);
    out[2 * i + 1] = scale * (u * R[1] + v * R[3]);
  }
  return out;
}

interface Run {
  dataset: string;
  method: string;
  t: string;
  seed: number;
  pearson: number;
  spearman: number;
  seconds: number;
}

export default defineExample({
  title: 'Heat-geodesic embeddings of the Swiss roll and the S-curve',
  description:
    'Points on a Swiss roll and an S-curve with Gaussian noise (sd 0.05) are embedded in the plane by heat-geodesic embedding (kNN graph, normalized Laplacian, d² = −4t log H_t with the volume correction, classical MDS then SMACOF) at the automatic time and at fixed times, by a diffusion map (t = 1) and by Isomap (graph shortest paths, then classical MDS). The table gives the Pearson and Spearman correlation between all pairwise distances in the embedding and the true geodesic distances, mean ± sd over seeds.',
  run(ctx) {
    // below ~800 points this roll's kNN graphs short-circuit between layers (every method fails)
    const n = ctx.quick ? 800 : 2000;
    const seeds = ctx.quick ? [0] : [0, 1, 2];
    const knn = 10;
    const fixedTimes = ctx.quick ? [] : [50, 200];
    const datasets: { name: string; make: (seed: number) => FlatManifoldSample }[] = [
      { name: 'Swiss roll', make: (seed) => swissRoll({ n, noise: 0.05, seed }) },
    ];
    if (!ctx.quick)
      datasets.push({ name: 'S-curve', make: (seed) => sCurve({ n, noise: 0.05, seed }) });
    const runs: Run[] = [];
    const shown: { x: number; y: number; color: number; method: string }[] = [];
    const total = datasets.length * seeds.length;
    let step = 0;
    for (const ds of datasets)
      for (const seed of seeds) {
        ctx.progress(step++ / total, `${ds.name}, seed ${seed}`);
        const sample = ds.make(seed);
        const truth = pairwiseUpper(sample.intrinsic);
        const score = (method: string, t: string, embedding: Matrix, t0: number) => {
          const d = pairwiseUpper(embedding);
          runs.push({
            dataset: ds.name,
            method,
            t,
            seed,
            pearson: pearson(d, truth),
            spearman: spearman(d, truth),
            seconds: (performance.now() - t0) / 1000,
          });
          if (ds.name === 'Swiss roll' && seed === 0 && (t === 'auto' || t === '—' || t === '1')) {
            const aligned = procrustes(embedding, sample.intrinsic);
            for (let i = 0; i < n; i++)
              shown.push({
                x: aligned[2 * i],
                y: aligned[2 * i + 1],
                color: sample.t[i],
                method: method === 'heat geodesic' ? `heat geodesic (t = auto)` : method,
              });
          }
        };
        for (const t of ['auto', ...fixedTimes] as const) {
          const t0 = performance.now();
          const e = heatGeodesicEmbedding(sample.points, { knn, t });
          score('heat geodesic', t === 'auto' ? 'auto' : String(t), e.embedding, t0);
          if (t === 'auto') runs[runs.length - 1].t = `auto (${e.t.toFixed(0)})`;
        }
        let t0 = performance.now();
        score('diffusion map', '1', diffusionMap(sample.points, { knn, t: 1 }).embedding, t0);
        t0 = performance.now();
        score('Isomap (shortest paths)', '—', isomap(sample.points, { knn }).embedding, t0);
        if (ds.name === 'Swiss roll' && seed === 0)
          for (let i = 0; i < n; i++)
            shown.push({
              x: sample.intrinsic.data[2 * i] - centroid(sample.intrinsic)[0],
              y: sample.intrinsic.data[2 * i + 1] - centroid(sample.intrinsic)[1],
              color: sample.t[i],
              method: 'ground truth (unrolled)',
            });
      }
    const table: Record<string, string | number>[] = [];
    const keyOf = (r: Run) => `${r.dataset}|${r.method}|${r.t.startsWith('auto') ? 'auto' : r.t}`;
    for (const key of [...new Set(runs.map(keyOf))]) {
      const sel = runs.filter((r) => keyOf(r) === key);
      const autoTimes = sel.filter((r) => r.t.startsWith('auto')).map((r) => r.t.slice(6, -1));
      table.push({
        dataset: sel[0].dataset,
        method: sel[0].method,
        t: sel[0].t.startsWith('auto') ? `auto (${autoTimes.join(', ')})` : sel[0].t,
        'Pearson r': fmt(sel.map((r) => r.pearson)),
        'Spearman ρ': fmt(sel.map((r) => r.spearman)),
        'seconds (mean)': (sel.reduce((s, r) => s + r.seconds, 0) / sel.length).toFixed(1),
        seeds: sel.length,
      });
    }
    const order = [
      'ground truth (unrolled)',
      'heat geodesic (t = auto)',
      'diffusion map',
      'Isomap (shortest paths)',
    ];
    const svg = plotToSVG({
      width: 960,
      height: 300,
      grid: false,
      x: { axis: null },
      y: { axis: null },
      fx: { label: null, domain: order },
      color: { type: 'linear', scheme: 'turbo' },
      facet: { data: shown, x: 'method' },
      marks: [
        Plot.dot(shown, { x: 'x', y: 'y', fill: 'color', r: 1.3, fx: 'method' }),
        Plot.frame({ stroke: '#ccc' }),
      ],
    });
    const mean = (dataset: string, method: string, key: 'pearson' | 'spearman') => {
      const sel = runs.filter(
        (r) =>
          r.dataset === dataset &&
          r.method === method &&
          (method !== 'heat geodesic' || r.t.startsWith('auto')),
      );
      return sel.reduce((a, r) => a + r[key], 0) / sel.length;
    };
    const sentence = (dataset: string) => {
      const h = mean(dataset, 'heat geodesic', 'spearman');
      const d = mean(dataset, 'diffusion map', 'spearman');
      const i = mean(dataset, 'Isomap (shortest paths)', 'spearman');
      return `${dataset}: heat geodesics ρ = ${h.toFixed(3)}, diffusion map ${d.toFixed(3)}, Isomap ${i.toFixed(3)} (heat geodesics ${h > d ? 'above' : 'below'} the diffusion map, ${h > i ? 'above' : 'below'} Isomap)`;
    };
    return {
      figures: [
        {
          name: 'swiss-roll-embeddings',
          title: `Swiss roll (${n} points, noise 0.05): unrolled truth and three embeddings`,
          svg,
          caption:
            'Each embedding is aligned to the unrolled truth by an orthogonal Procrustes fit with scale (embeddings are defined up to a rigid motion); colour is the roll parameter t, from 1.5π (dark blue) to 4.5π (dark red).',
        },
      ],
      table,
      summary: `Spearman correlation of embedded and true geodesic distances, mean over ${seeds.length} seed(s) of ${n} points, heat geodesics at the automatic time. ${datasets.map((d) => sentence(d.name)).join('; ')}.`,
    };
  },
});
