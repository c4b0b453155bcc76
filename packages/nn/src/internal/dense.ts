// Private row-major products used until @rg/linalg's matmul family is in its dist
// (same signatures as linalg's agreed matmul, matmulTransA, matmulTransB).
import type { Matrix } from '@rg/linalg';

function target(rows: number, cols: number, out?: Matrix): Matrix {
  if (out) {
    out.data.fill(0);
    return out;
  }
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** C = A B (A: n×k, B: k×m). */
export function matmul(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  const n = a.rows;
  const k = a.cols;
  const m = b.cols;
  const c = target(n, m, out);
  const ad = a.data;
  const bd = b.data;
  const cd = c.data;
  for (let i = 0; i < n; i++) {
    const ci = i * m;
    for (let p = 0; p < k; p++) {
      const s = ad[i * k + p];
      if (s === 0) continue;
      const bp = p * m;
      for (let j = 0; j < m; j++) cd[ci + j] += s * bd[bp + j];
    }
  }
  return c;
}

/** C = Aᵀ B (A: k×n, B: k×m). */
export function matmulTransA(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  const k = a.rows;
  const n = a.cols;
  const m = b.cols;
  const c = target(n, m, out);
  const ad = a.data;
  const bd = b.data;
  const cd = c.data;
  for (let p = 0; p < k; p++) {
    const ap = p * n;
    const bp = p * m;
    for (let i = 0; i < n; i++) {
      const s = ad[ap + i];
      if (s === 0) continue;
      const ci = i * m;
      for (let j = 0; j < m; j++) cd[ci + j] += s * bd[bp + j];
    }
  }
  return c;
}

/** C = A Bᵀ (A: n×k, B: m×k). */
export function matmulTransB(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  const n = a.rows;
  const k = a.cols;
  const m = b.rows;
  const c = target(n, m, out);
  const ad = a.data;
  const bd = b.data;
  const cd = c.data;
  for (let i = 0; i < n; i++) {
    const ai = i * k;
    for (let j = 0; j < m; j++) {
      const bj = j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += ad[ai + p] * bd[bj + p];
      cd[i * m + j] = s;
    }
  }
  return c;
}
