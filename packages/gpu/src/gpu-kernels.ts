// The float32 gpu.js paths of the accelerator kernels. Loop bounds are kernel constants (one
// compiled kernel per shape, cached), outputs larger than one tile are computed block by block
// with the block offset passed as an argument, and flat row-major float32 inputs are indexed
// as a[i * cols + j] (exact in float32 arithmetic below 2^24 entries, the GL element limit).
import { type Matrix, matrix } from '@rg/linalg';
import type { GpuBackend, KernelThis } from './gpu-backend.js';

type KernelFn = (this: KernelThis, ...args: never[]) => number;

function matmulKernel(
  this: KernelThis,
  a: Float32Array,
  b: Float32Array,
  rowOff: number,
  colOff: number,
): number {
  const i = this.thread.y + rowOff;
  const j = this.thread.x + colOff;
  let s = 0;
  for (let p = 0; p < this.constants.k; p++) {
    s += a[i * this.constants.k + p] * b[p * this.constants.m + j];
  }
  return s;
}

function batchedMatmulKernel(
  this: KernelThis,
  a: Float32Array,
  b: Float32Array,
  rowOff: number,
  colOff: number,
): number {
  const row = this.thread.y + rowOff;
  const j = this.thread.x + colOff;
  // +0.5 keeps the quotient away from integers, so a GPU division that is off by an ulp
  // cannot floor to the wrong batch
  const t = Math.floor((row + 0.5) / this.constants.p);
  const i = row - t * this.constants.p;
  let s = 0;
  for (let q = 0; q < this.constants.q; q++) {
    s +=
      a[t * this.constants.p * this.constants.q + i * this.constants.q + q] *
      b[t * this.constants.q * this.constants.r + q * this.constants.r + j];
  }
  return s;
}

function sqDistKernel(
  this: KernelThis,
  x: Float32Array,
  y: Float32Array,
  rowOff: number,
  colOff: number,
): number {
  const i = this.thread.y + rowOff;
  const j = this.thread.x + colOff;
  let s = 0;
  for (let t = 0; t < this.constants.d; t++) {
    const diff = x[i * this.constants.d + t] - y[j * this.constants.d + t];
    s += diff * diff;
  }
  return s;
}

function gibbsKernelFn(
  this: KernelThis,
  c: Float32Array,
  eps: number,
  rowOff: number,
  colOff: number,
): number {
  const i = this.thread.y + rowOff;
  const j = this.thread.x + colOff;
  return Math.exp(-c[i * this.constants.m + j] / eps);
}

function gramKernel(this: KernelThis, g: Float32Array, rowOff: number, colOff: number): number {
  const i = this.thread.y + rowOff;
  const j = this.thread.x + colOff;
  let s = 0;
  for (let t = 0; t < this.constants.d; t++) {
    s += g[i * this.constants.d + t] * g[j * this.constants.d + t];
  }
  return s;
}

function matvecKernel(this: KernelThis, k: Float32Array, v: Float32Array, off: number): number {
  const i = this.thread.x + off;
  let s = 0;
  for (let j = 0; j < this.constants.m; j++) {
    s += k[i * this.constants.m + j] * v[j];
  }
  return s;
}

function matvecTransKernel(
  this: KernelThis,
  k: Float32Array,
  u: Float32Array,
  off: number,
): number {
  const j = this.thread.x + off;
  let s = 0;
  for (let i = 0; i < this.constants.n; i++) {
    s += k[i * this.constants.m + j] * u[i];
  }
  return s;
}

function lseRowsKernel(
  this: KernelThis,
  f: Float32Array,
  g: Float32Array,
  c: Float32Array,
  eps: number,
  off: number,
): number {
  const i = this.thread.x + off;
  let mx = -3.4e38;
  for (let j = 0; j < this.constants.m; j++) {
    mx = Math.max(mx, (f[i] + g[j] - c[i * this.constants.m + j]) / eps);
  }
  let s = 0;
  for (let j = 0; j < this.constants.m; j++) {
    s += Math.exp((f[i] + g[j] - c[i * this.constants.m + j]) / eps - mx);
  }
  return mx + Math.log(s);
}

function lseColsKernel(
  this: KernelThis,
  f: Float32Array,
  g: Float32Array,
  c: Float32Array,
  eps: number,
  off: number,
): number {
  const j = this.thread.x + off;
  let mx = -3.4e38;
  for (let i = 0; i < this.constants.n; i++) {
    mx = Math.max(mx, (f[i] + g[j] - c[i * this.constants.m + j]) / eps);
  }
  let s = 0;
  for (let i = 0; i < this.constants.n; i++) {
    s += Math.exp((f[i] + g[j] - c[i * this.constants.m + j]) / eps - mx);
  }
  return mx + Math.log(s);
}

function rowSumsKernel(this: KernelThis, a: Float32Array, off: number): number {
  const i = this.thread.x + off;
  let s = 0;
  for (let j = 0; j < this.constants.m; j++) {
    s += a[i * this.constants.m + j];
  }
  return s;
}

function colSumsKernel(this: KernelThis, a: Float32Array, off: number): number {
  const j = this.thread.x + off;
  let s = 0;
  for (let i = 0; i < this.constants.n; i++) {
    s += a[i * this.constants.m + j];
  }
  return s;
}

/** Float32 copy of a float64 array (what crosses to the device). */
export function f32(a: ArrayLike<number>): Float32Array {
  return Float32Array.from(a);
}

/** Copy a gpu.js 2D result (array of row arrays) into rows r0.. and columns c0.. of `out`. */
function copyBlock(
  res: unknown,
  out: Matrix,
  r0: number,
  c0: number,
  tr: number,
  tc: number,
): void {
  const rows = res as ArrayLike<number>[];
  for (let i = 0; i < tr; i++) {
    const row = rows[i];
    const base = (r0 + i) * out.cols + c0;
    for (let j = 0; j < tc; j++) out.data[base + j] = row[j];
  }
}

/** Run a 2D kernel over an rows×cols output in tiles of at most tile×tile. */
function tiled2D(
  backend: GpuBackend,
  name: string,
  fn: KernelFn,
  shapeKey: string,
  constants: Record<string, number>,
  rows: number,
  cols: number,
  tile: number,
  args: unknown[],
): Matrix {
  const out = matrix(rows, cols);
  for (let r0 = 0; r0 < rows; r0 += tile) {
    const tr = Math.min(tile, rows - r0);
    for (let c0 = 0; c0 < cols; c0 += tile) {
      const tc = Math.min(tile, cols - c0);
      const k = backend.kernel(`${name}:${shapeKey}:${tr}x${tc}`, fn, {
        output: [tc, tr],
        constants,
      });
      copyBlock(k(...args, r0, c0), out, r0, c0, tr, tc);
    }
  }
  return out;
}

/** Run a 1D kernel over a length-len output in chunks of at most `chunk`. */
function chunked1D(
  backend: GpuBackend,
  name: string,
  fn: KernelFn,
  shapeKey: string,
  constants: Record<string, number>,
  len: number,
  chunk: number,
  args: unknown[],
): Float64Array {
  const out = new Float64Array(len);
  for (let o = 0; o < len; o += chunk) {
    const t = Math.min(chunk, len - o);
    const k = backend.kernel(`${name}:${shapeKey}:${t}`, fn, { output: [t], constants });
    const res = k(...args, o) as ArrayLike<number>;
    for (let i = 0; i < t; i++) out[o + i] = res[i];
  }
  return out;
}

/** The float32 kernels of one backend; inputs are already validated. */
export function gpuKernels(backend: GpuBackend, tile: number) {
  // gpu.js folds a 1D output into a near-square texture, so one chunk may hold tile² entries
  const chunk = tile * tile;
  return {
    matmul(a: Matrix, b: Matrix): Matrix {
      const c = { k: a.cols, m: b.cols };
      return tiled2D(
        backend,
        'matmul',
        matmulKernel,
        `${a.rows}x${a.cols}x${b.cols}`,
        c,
        a.rows,
        b.cols,
        tile,
        [f32(a.data), f32(b.data)],
      );
    },
    batchedMatmul(a: readonly Matrix[], b: readonly Matrix[]): Matrix[] {
      const batch = a.length;
      const p = a[0].rows;
      const q = a[0].cols;
      const r = b[0].cols;
      // all products in one flat buffer pair: one upload, one launch per tile
      const pa = new Float32Array(batch * p * q);
      const pb = new Float32Array(batch * q * r);
      for (let t = 0; t < batch; t++) {
        pa.set(a[t].data, t * p * q);
        pb.set(b[t].data, t * q * r);
      }
      const all = tiled2D(
        backend,
        'batchedMatmul',
        batchedMatmulKernel,
        `${batch}x${p}x${q}x${r}`,
        { p, q, r },
        batch * p,
        r,
        tile,
        [pa, pb],
      );
      const out: Matrix[] = [];
      for (let t = 0; t < batch; t++)
        out.push(matrix(p, r, all.data.subarray(t * p * r, (t + 1) * p * r)));
      return out;
    },
    pairwiseSqDist(x: Matrix, y: Matrix): Matrix {
      return tiled2D(
        backend,
        'pairwiseSqDist',
        sqDistKernel,
        `${x.rows}x${y.rows}x${x.cols}`,
        { d: x.cols },
        x.rows,
        y.rows,
        tile,
        [f32(x.data), f32(y.data)],
      );
    },
    gibbsKernel(c: Matrix, eps: number): Matrix {
      return tiled2D(
        backend,
        'gibbsKernel',
        gibbsKernelFn,
        `${c.rows}x${c.cols}`,
        { m: c.cols },
        c.rows,
        c.cols,
        tile,
        [f32(c.data), eps],
      );
    },
    gram(g: Matrix): Matrix {
      return tiled2D(
        backend,
        'gram',
        gramKernel,
        `${g.rows}x${g.cols}`,
        { d: g.cols },
        g.rows,
        g.rows,
        tile,
        [f32(g.data)],
      );
    },
    kernelMatvec(k: Matrix, v: ArrayLike<number>): Float64Array {
      return chunked1D(
        backend,
        'kernelMatvec',
        matvecKernel,
        `${k.rows}x${k.cols}`,
        { m: k.cols },
        k.rows,
        chunk,
        [f32(k.data), f32(v)],
      );
    },
    kernelMatvecTrans(k: Matrix, u: ArrayLike<number>): Float64Array {
      return chunked1D(
        backend,
        'kernelMatvecTrans',
        matvecTransKernel,
        `${k.rows}x${k.cols}`,
        { n: k.rows, m: k.cols },
        k.cols,
        chunk,
        [f32(k.data), f32(u)],
      );
    },
    logSumExpRows(
      f: ArrayLike<number>,
      g: ArrayLike<number>,
      c: Matrix,
      eps: number,
    ): Float64Array {
      return chunked1D(
        backend,
        'logSumExpRows',
        lseRowsKernel,
        `${c.rows}x${c.cols}`,
        { m: c.cols },
        c.rows,
        chunk,
        [f32(f), f32(g), f32(c.data), eps],
      );
    },
    logSumExpCols(
      f: ArrayLike<number>,
      g: ArrayLike<number>,
      c: Matrix,
      eps: number,
    ): Float64Array {
      return chunked1D(
        backend,
        'logSumExpCols',
        lseColsKernel,
        `${c.rows}x${c.cols}`,
        { n: c.rows, m: c.cols },
        c.cols,
        chunk,
        [f32(f), f32(g), f32(c.data), eps],
      );
    },
    rowSums(a: Matrix): Float64Array {
      return chunked1D(
        backend,
        'rowSums',
        rowSumsKernel,
        `${a.rows}x${a.cols}`,
        { m: a.cols },
        a.rows,
        chunk,
        [f32(a.data)],
      );
    },
    colSums(a: Matrix): Float64Array {
      return chunked1D(
        backend,
        'colSums',
        colSumsKernel,
        `${a.rows}x${a.cols}`,
        { n: a.rows, m: a.cols },
        a.cols,
        chunk,
        [f32(a.data)],
      );
    },
  };
}
