// Device-resident iterations: Sinkhorn scaling (Cuturi 2013, "Sinkhorn distances") with K, u, v
// kept in gpu.js pipeline textures, and the Chebyshev recurrence T_{k+1} = 2L̃T_k − T_{k−1}
// (Hammond, Vandergheynst & Gribonval 2011) with L, T_k and the running sum on the device.
// Only the marginal error (every checkEvery iterations) and the final results are read back.
import {
  type AcceleratorSinkhornOptions,
  ConvergenceError,
  type Matrix,
  matrix,
  NonFiniteError,
  throwIfAborted,
} from '@rg/linalg';
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

function rowError(
  this: KernelThis,
  k: Dev2D,
  u: Float32Array,
  v: Float32Array,
  a: Float32Array,
): number {
  const i = this.thread.x;
  let s = 0;
  for (let j = 0; j < this.constants.m; j++) {
    s += k[i][j] * v[j];
  }
  return Math.abs(u[i] * s - a[i]);
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

/** Sinkhorn scaling on the device; inputs are validated by the caller. */
export function sinkhornPipeline(
  backend: GpuBackend,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  c: Matrix,
  options: AcceleratorSinkhornOptions,
) {
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
  const errKernel = backend.kernel(`sk.err:${key}`, rowError, { output: [n], constants: { m } });
  const a32 = f32(a);
  const b32 = f32(b);
  const k = kKernel(f32(c.data), reg) as DeviceValue;
  let v = vInit() as DeviceValue;
  let u = uKernel(k, v, a32) as DeviceValue;
  let residual = Infinity;
  let it = 0;
  while (it < maxIter) {
    throwIfAborted(fn, options.signal);
    u = uKernel(k, v, a32) as DeviceValue;
    v = vKernel(k, u, b32) as DeviceValue;
    it++;
    if (it % checkEvery === 0 || it === maxIter) {
      const err = errKernel(k, u, v, a32) as ArrayLike<number>;
      residual = 0;
      for (let i = 0; i < n; i++) residual += err[i];
      if (!Number.isFinite(residual))
        throw new NonFiniteError(
          `${fn}(): the float32 scalings overflowed at iteration ${it} (reg ${reg} is too small for exp(−C/reg) in float32; raise reg or use logSumExpRows/logSumExpCols)`,
        );
      options.onProgress?.({ iteration: it, residual });
      if (residual < tol) break;
    }
  }
  const converged = residual < tol;
  if (!converged && options.strict)
    throw new ConvergenceError(
      `${fn}(): no convergence in ${it} iterations (residual ${residual})`,
      {
        iterations: it,
        residual,
      },
    );
  const uh = readBack(u, n);
  const vh = readBack(v, m);
  // the plan is formed on the host in float64 from the float32 scalings: one n×m readback saved
  const plan = matrix(n, m);
  let cost = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      const p = uh[i] * Math.exp(-c.data[i * m + j] / reg) * vh[j];
      plan.data[i * m + j] = p;
      cost += p * c.data[i * m + j];
    }
  return { plan, u: uh, v: vh, cost, iterations: it, converged, residual };
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
