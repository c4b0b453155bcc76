// Sinkhorn scaling (Cuturi 2013, "Sinkhorn distances") delegated to a float32 Accelerator
// (@rg/linalg's structural interface; @rg/gpu implements it): K, u, v stay on the device and
// the plan, potentials and marginal error are rebuilt here in float64 from the scalings.
// Internal: sinkhorn() validates the problem and options before calling it.
import {
  type Accelerator,
  type AcceleratorMode,
  NonFiniteError,
  type ProgressInfo,
} from '@rg/linalg';
import type { KernelOutput } from './sinkhorn-kernels.js';

/** Where an accelerated solve ran, as reported in `SinkhornResult.accelerator`. */
export interface SinkhornAcceleratorInfo {
  /** the accelerator's backend (`accelerator.mode`) */
  mode: AcceleratorMode;
  /** what computed the iterations: the backend, or `'float64'` when the accelerator sent a small call to its float64 path */
  computedOn: AcceleratorMode | 'float64';
  /** precision of the iterations: `'float32'` on the device, `'float64'` on the accelerator's fallback */
  precision: 'float32' | 'float64';
}

/** Root of the sum of squares of (row sums of P − target). */
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
 * weights > 0) and rebuild a KernelOutput in float64. The accelerator's own stop test (L1
 * error of the row marginal, summed in float32) decides when to stop; `converged` and
 * `marginalError` are then measured here on the float64 plan, so a float32 solve that could
 * not reach `tol` says so.
 */
export function acceleratedKernel(
  accelerator: Accelerator,
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
  const history: KernelOutput['history'] = [];
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
      onProgress: (p) => {
        history.push({ iteration: p.iteration, marginalError: p.residual });
        ctl.onProgress?.({ ...p, method: 'standard', accelerator: accelerator.mode });
      },
    },
  );
  const u = r.u;
  const v = r.v;
  for (let i = 0; i < n; i++)
    if (!(u[i] > 0 && u[i] < Number.POSITIVE_INFINITY))
      throw new NonFiniteError(
        `${ctl.fn}(): the accelerator's scaling u[${i}] is ${u[i]} after ${r.iterations} iterations (exp(−cost/reg) under- or overflows in float32 at reg ${reg}; raise reg or solve without an accelerator, which switches to the log domain)`,
      );
  for (let j = 0; j < m; j++)
    if (!(v[j] > 0 && v[j] < Number.POSITIVE_INFINITY))
      throw new NonFiniteError(
        `${ctl.fn}(): the accelerator's scaling v[${j}] is ${v[j]} after ${r.iterations} iterations (exp(−cost/reg) under- or overflows in float32 at reg ${reg}; raise reg or solve without an accelerator, which switches to the log domain)`,
      );
  // the accelerator already formed diag(u) exp(−C/reg) diag(v) in float64 from the scalings
  const plan = r.plan.data;
  const f = new Float64Array(n);
  const g = new Float64Array(m);
  for (let i = 0; i < n; i++) f[i] = reg * Math.log(u[i]);
  for (let j = 0; j < m; j++) g[j] = reg * Math.log(v[j]);
  const marginalError = marginalGap(plan, n, m, a, b);
  const computedOn = r.computedOn;
  return {
    f,
    g,
    plan,
    iterations: r.iterations,
    marginalError,
    converged: marginalError < ctl.tol,
    history,
    info: {
      mode: accelerator.mode,
      computedOn,
      precision: computedOn === 'float64' ? 'float64' : 'float32',
    },
  };
}
