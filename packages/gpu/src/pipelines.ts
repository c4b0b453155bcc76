// Device-resident iterations: Sinkhorn scaling (Cuturi 2013, "Sinkhorn distances") with K, u, v
// kept in gpu.js pipeline textures, and the Chebyshev recurrence T_{k+1} = 2L̃T_k − T_{k−1}
// (Hammond, Vandergheynst & Gribonval 2011) with L, T_k and the running sum on the device.
// Only the column gaps (at each check) and the final results are read back.
import { ConvergenceError, type Matrix, matrix, NonFiniteError, throwIfAborted } from '@rg/linalg';
import type { GpuSinkhornOptions, GpuSinkhornResult } from './gpu-accelerator.js';
import type { DeviceValue, GpuBackend, KernelThis } from './gpu-backend.js';
import { f32 } from './gpu-kernels.js';

type Dev2D = Float32Array[];

function gibbs2D(this: KernelThis, c: Float32Array, eps: number): number {
  return Math.exp(-c[this.thread.y * this.constants.m + this.thread.x] / eps);
}

function fill1D(this: KernelThis): number {
  return this.constants.value;
}

function uStep(this: KernelThis, k: Dev2D, v: Float32Array, a: Float32Array): number {
  const i = this.thread.x;
  let s = 0;
  for (let j = 0; j < this.constants.m; j++) {
    s += k[i][j] * v[j];
  }
  return a[i] / s;
}

function vStep(this: KernelThis, k: Dev2D, u: Float32Array, b: Float32Array): number {
  const j = this.thread.x;
  let s = 0;
  for (let i = 0; i < this.constants.n; i++) {
    s += k[i][j] * u[i];
  }
  return b[j] / s;
}

function columnGap(
  this: KernelThis,
  k: Dev2D,
  u: Float32Array,
  v: Float32Array,
  b: Float32Array,
): number {
  const j = this.thread.x;
  let s = 0;
  for (let i = 0; i < this.constants.n; i++) {
    s += k[i][j] * u[i];
  }
  return v[j] * s - b[j];
}

function upload2D(this: KernelThis, a: Float32Array): number {
  return a[this.thread.y * this.constants.cols + this.thread.x];
}

function chebFirst(this: KernelThis, l: Dev2D, t: Dev2D, alpha: number, beta: number): number {
  const i = this.thread.y;
  const j = this.thread.x;
  let s = 0;
  for (let p = 0; p < this.constants.n; p++) {
    s += l[i][p] * t[p][j];
  }
  return alpha * s - beta * t[i][j];
}

function chebStep(
  this: KernelThis,
  l: Dev2D,
  t: Dev2D,
  prev: Dev2D,
  alpha: number,
  beta: number,
): number {
  const i = this.thread.y;
  const j = this.thread.x;
  let s = 0;
  for (let p = 0; p < this.constants.n; p++) {
    s += l[i][p] * t[p][j];
  }
  return 2 * (alpha * s - beta * t[i][j]) - prev[i][j];
}

function scaleAdd(this: KernelThis, acc: Dev2D, t: Dev2D, c: number): number {
  return acc[this.thread.y][this.thread.x] + c * t[this.thread.y][this.thread.x];
}

function scale2D(this: KernelThis, t: Dev2D, c: number): number {
  return c * t[this.thread.y][this.thread.x];
}

/** Read a device value (texture or array) back as a flat Float64Array of `len` entries. */
export function readBack(value: DeviceValue, len: number): Float64Array {
  const raw = 'toArray' in value && typeof value.toArray === 'function' ? value.toArray() : value;
  const out = new Float64Array(len);
  if (Array.isArray(raw) && raw.length > 0 && typeof raw[0] !== 'number') {
    let o = 0;
    for (const row of raw as ArrayLike<number>[])
      for (let j = 0; j < row.length; j++) out[o++] = row[j];
  } else {
    const flat = raw as ArrayLike<number>;
    for (let i = 0; i < len; i++) out[i] = flat[i];
  }
  return out;
}

function free(value: unknown): void {
  if (value && typeof (value as { delete?: unknown }).delete === 'function')
    (value as { delete(): void }).delete();
}

/**
 * Sinkhorn scaling on the device, with the update order and stopping rule of @rg/ot's float64
 * loop; inputs are validated by the caller.
 */
export function sinkhornPipeline(
  backend: GpuBackend,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  c: Matrix,
  options: GpuSinkhornOptions,
): GpuSinkhornResult {
  const fn = 'accelerator.sinkhorn';
  const { maxIter = 1000, tol = 1e-9, checkEvery = 10, reg } = options;
  const n = c.rows;
  const m = c.cols;
  const key = `${n}x${m}`;
  const kKernel = backend.kernel(`sk.gibbs:${key}`, gibbs2D, {
    output: [m, n],
    constants: { m },
    pipeline: true,
  });
  const uInit = backend.kernel(`sk.uinit:${key}`, fill1D, {
    output: [n],
    constants: { value: 1 / n },
    pipeline: true,
  });
  const vInit = backend.kernel(`sk.vinit:${key}`, fill1D, {
    output: [m],
    constants: { value: 1 / m },
    pipeline: true,
  });
  const uKernel = backend.kernel(`sk.u:${key}`, uStep, {
    output: [n],
    constants: { m },
    pipeline: true,
  });
  const vKernel = backend.kernel(`sk.v:${key}`, vStep, {
    output: [m],
    constants: { n },
    pipeline: true,
  });
  const gapKernel = backend.kernel(`sk.gap:${key}`, columnGap, {
    output: [m],
    constants: { n },
  });
  const a32 = f32(a);
  const b32 = f32(b);
  const k = kKernel(f32(c.data), reg) as DeviceValue;
  let u = uInit() as DeviceValue;
  let v = vInit() as DeviceValue;
  const history: GpuSinkhornResult['history'] = [];
  // ‖v ⊙ Kᵀu − b‖₂: the float32 gaps, squared and summed in float64
  const measure = (): number => {
    const gap = gapKernel(k, u, v, b32) as ArrayLike<number>;
    let s = 0;
    for (let j = 0; j < m; j++) s += gap[j] * gap[j];
    return Math.sqrt(s);
  };
  let err = Number.POSITIVE_INFINITY;
  let it = 0;
  let converged = false;
  while (it < maxIter) {
    v = vKernel(k, u, b32) as DeviceValue;
    u = uKernel(k, v, a32) as DeviceValue;
    it++;
    if ((it - 1) % checkEvery === 0 || it === maxIter) {
      err = measure();
      if (!Number.isFinite(err))
        throw new NonFiniteError(
          `${fn}(): the float32 scalings overflowed at iteration ${it} (reg ${reg} is too small for exp(−C/reg) in float32; raise reg or use logSumExpRows/logSumExpCols)`,
        );
      history.push({ iteration: it, marginalError: err });
      options.onProgress?.({ iteration: it, residual: err });
      throwIfAborted(fn, options.signal);
      if (err < tol) {
        converged = true;
        break;
      }
    }
  }
  if (it === 0) err = measure();
  if (!converged && options.strict)
    throw new ConvergenceError(
      `${fn}(): marginal error ${err.toExponential(2)} > tol ${tol} after ${it} iterations`,
      { iterations: it, residual: err },
    );
  return {
    u: readBack(u, n),
    v: readBack(v, m),
    iterations: it,
    converged,
    residual: err,
    marginalError: err,
    history,
  };
}

/** Σ_k c_k T_k(L̃)·X on the device; inputs are validated by the caller. */
export function chebyshevPipeline(
  backend: GpuBackend,
  l: Matrix,
  x: Matrix,
  coeffs: ArrayLike<number>,
  lo: number,
  hi: number,
): Matrix {
  const n = l.rows;
  const k = x.cols;
  const alpha = 2 / (hi - lo);
  const beta = (hi + lo) / (hi - lo);
  const key = `${n}x${k}`;
  // immutable: every call returns a fresh texture, so T_{k−1}, T_k and the sum never alias
  const s = { pipeline: true, immutable: true };
  const upL = backend.kernel(`cb.upL:${n}`, upload2D, {
    output: [n, n],
    constants: { cols: n },
    ...s,
  });
  const upX = backend.kernel(`cb.upX:${key}`, upload2D, {
    output: [k, n],
    constants: { cols: k },
    ...s,
  });
  const first = backend.kernel(`cb.first:${key}`, chebFirst, {
    output: [k, n],
    constants: { n },
    ...s,
  });
  const step = backend.kernel(`cb.step:${key}`, chebStep, {
    output: [k, n],
    constants: { n },
    ...s,
  });
  const axpy = backend.kernel(`cb.axpy:${key}`, scaleAdd, { output: [k, n], ...s });
  const scale = backend.kernel(`cb.scale:${key}`, scale2D, { output: [k, n], ...s });
  const lDev = upL(f32(l.data));
  let prev = upX(f32(x.data));
  let acc = scale(prev, coeffs[0]);
  if (coeffs.length > 1) {
    let cur = first(lDev, prev, alpha, beta);
    let next = axpy(acc, cur, coeffs[1]);
    free(acc);
    acc = next;
    for (let d = 2; d < coeffs.length; d++) {
      const t = step(lDev, cur, prev, alpha, beta);
      free(prev);
      prev = cur;
      cur = t;
      next = axpy(acc, cur, coeffs[d]);
      free(acc);
      acc = next;
    }
    free(cur);
  }
  free(prev);
  free(lDev);
  const out = matrix(n, k, readBack(acc as DeviceValue, n * k));
  free(acc);
  return out;
}
