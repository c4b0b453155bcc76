// Evaluation helpers for the gallery examples: pairwise distances, Pearson and Spearman
// correlation over all pairs i < j, mean ± sd.
import type { Matrix } from '@rg/linalg';

/** Upper-triangle (i < j) Euclidean distances between the rows of x. */
export function pairwiseUpper(x: Matrix): Float64Array {
  const n = x.rows;
  const k = x.cols;
  const out = new Float64Array((n * (n - 1)) / 2);
  let q = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let c = 0; c < k; c++) {
        const d = x.data[i * k + c] - x.data[j * k + c];
        s += d * d;
      }
      out[q++] = Math.sqrt(s);
    }
  return out;
}

/** Upper triangle of a square matrix. */
export function upper(d: Matrix): Float64Array {
  const n = d.rows;
  const out = new Float64Array((n * (n - 1)) / 2);
  let q = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out[q++] = d.data[i * n + j];
  return out;
}

export function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Ranks (1-based, ties averaged). */
export function ranks(a: Float64Array): Float64Array {
  const idx = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) idx[i] = i;
  idx.sort((x, y) => a[x] - a[y]);
  const r = new Float64Array(a.length);
  for (let q = 0; q < idx.length; ) {
    let e = q;
    while (e + 1 < idx.length && a[idx[e + 1]] === a[idx[q]]) e++;
    const v = (q + e) / 2 + 1;
    for (let z = q; z <= e; z++) r[idx[z]] = v;
    q = e + 1;
  }
  return r;
}

export function spearman(a: Float64Array, b: Float64Array): number {
  return pearson(ranks(a), ranks(b));
}

export function meanSd(v: number[]): { mean: number; sd: number } {
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(v.length - 1, 1));
  return { mean, sd };
}

/** "0.9912 ± 0.0011" */
export function fmt(v: number[], digits = 4): string {
  const { mean, sd } = meanSd(v);
  return v.length > 1 ? `${mean.toFixed(digits)} ± ${sd.toFixed(digits)}` : mean.toFixed(digits);
}
