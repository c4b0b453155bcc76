// Sinkhorn scaling (Cuturi 2013, "Sinkhorn distances") delegated to a SinkhornAccelerator
// (declared in sinkhorn-accelerator.ts; @rg/gpu implements it): K, u, v stay on the device and
// the plan, potentials and marginal error are rebuilt here in float64 from the scalings.
// Internal: sinkhorn() validates the problem and options before calling it.
import { type AcceleratorMode, NonFiniteError, type ProgressInfo } from '@rg/linalg';
import type { SinkhornAccelerator } from './sinkhorn-accelerator.js';
import type { KernelOutput } from './sinkhorn-kernels.js';

/** Where an accelerated solve ran, as reported in `SinkhornResult.accelerator`. */
export interface SinkhornAcceleratorInfo {
  /** the accelerator's backend (`accelerator.mode`) */
  mode: AcceleratorMode;
  /**
   * what computed the iterations: the backend, or `'float64'` when the problem was below
   * `accelerator.thresholds.sinkhorn` and @rg/ot's own float64 loop ran instead
   */
  computedOn: AcceleratorMode | 'float64';
  /** precision of the iterations: the accelerator's (float32 for @rg/gpu), or `'float64'` */
  precision: 'float32' | 'float64';
  /** why the float64 loop ran instead of the device (present only then) */
  reason?: string;
}

/** The work size n·m·maxIter compared with `accelerator.thresholds.sinkhorn`. */
export function acceleratorWork(n: number, m: number, maxIter: number): number {
  return n * m * maxIter;
}

/** The report of a solve that stayed on the float64 loop because it was below the threshold. */
export function belowThresholdInfo(
  accelerator: SinkhornAccelerator,
  n: number,
  m: number,
  maxIter: number,
): SinkhornAcceleratorInfo {
  return {
    mode: accelerator.mode,
    computedOn: 'float64',
    precision: 'float64',
    reason: `n·m·maxIter = ${n}·${m}·${maxIter} = ${acceleratorWork(n, m, maxIter)} is below accelerator.thresholds.sinkhorn = ${accelerator.thresholds.sinkhorn}: @rg/ot's float64 loop ran`,
  };
}

/** max(‖P1 − a‖₂, ‖Pᵀ1 − b‖₂) in float64. */
function marginalGap(P: Float64Array, n: number, m: number, a: Float64Array, b: Float64Array) {
  const cols = new Float64Array(m);
  let rowErr = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    const o = i * m;
    for (let j = 0; j < m; j++) {
      s += P[o + j];
      cols[j] += P[o + j];
    }
    rowErr += (s - a[i]) ** 2;
  }
  let colErr = 0;
  for (let j = 0; j < m; j++) colErr += (cols[j] - b[j]) ** 2;
  return Math.max(Math.sqrt(rowErr), Math.sqrt(colErr));
}

/**
 * Run the iterations on `accelerator` for the problem restricted to the support (all
 * weights > 0) and rebuild a KernelOutput in float64. The device loop stops by the same rule
 * as the float64 loop (measured in its own precision); `converged` and `marginalError` are then
 * measured here on the float64 plan, so a float32 solve that could not reach `tol` says so.
 */
export function acceleratedKernel(
  accelerator: SinkhornAccelerator,
  a: Float64Array,
  b: Float64Array,
  C: Float64Array,
  reg: number,
  ctl: {
    fn: string;
    maxIter: number;
    tol: number;
    checkEvery: number;
    signal?: AbortSignal;
    onProgress?: (info: ProgressInfo) => void;
  },
): KernelOutput & { info: SinkhornAcceleratorInfo } {
  const n = a.length;
  const m = b.length;
  const onProgress = ctl.onProgress;
  const r = accelerator.sinkhorn(
    a,
    b,
    { rows: n, cols: m, data: C },
    {
      reg,
      maxIter: ctl.maxIter,
      tol: ctl.tol,
      checkEvery: ctl.checkEvery,
      signal: ctl.signal,
      // strict is applied by sinkhorn() on the float64 measure, not on the device's
      strict: false,
      onProgress: onProgress
        ? (p) => onProgress({ ...p, method: 'standard', accelerator: accelerator.mode })
        : undefined,
    },
  );
  const u = r.u;
  const v = r.v;
  const hint = `exp(−cost/reg) under- or overflows in ${accelerator.precision} at reg ${reg}; raise reg or solve without an accelerator, which switches to the log domain`;
  for (let i = 0; i < n; i++)
    if (!(u[i] > 0 && u[i] < Number.POSITIVE_INFINITY))
      throw new NonFiniteError(
        `${ctl.fn}(): the accelerator's scaling u[${i}] is ${u[i]} after ${r.iterations} iterations (${hint})`,
        i,
      );
  for (let j = 0; j < m; j++)
    if (!(v[j] > 0 && v[j] < Number.POSITIVE_INFINITY))
      throw new NonFiniteError(
        `${ctl.fn}(): the accelerator's scaling v[${j}] is ${v[j]} after ${r.iterations} iterations (${hint})`,
        j,
      );
  const plan = new Float64Array(n * m);
  const f = new Float64Array(n);
  const g = new Float64Array(m);
  const inv = -1 / reg;
  for (let i = 0; i < n; i++) {
    const o = i * m;
    const ui = u[i];
    f[i] = reg * Math.log(ui);
    for (let j = 0; j < m; j++) plan[o + j] = ui * Math.exp(C[o + j] * inv) * v[j];
  }
  for (let j = 0; j < m; j++) g[j] = reg * Math.log(v[j]);
  const marginalError = marginalGap(plan, n, m, a, b);
  return {
    f,
    g,
    plan,
    iterations: r.iterations,
    marginalError,
    converged: marginalError < ctl.tol,
    history: r.history.map((h) => ({ iteration: h.iteration, marginalError: h.marginalError })),
    info: {
      mode: accelerator.mode,
      computedOn: accelerator.mode,
      precision: accelerator.precision,
    },
  };
}
