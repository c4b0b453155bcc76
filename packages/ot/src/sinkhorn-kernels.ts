// Sinkhorn scaling kernels (Cuturi 2013; log domain and absorption: Schmitzer 2019,
// "Stabilized sparse scaling algorithms for entropy regularized transport problems").
// Internal: inputs are validated by the public wrappers, all weights are > 0.
import { type ProgressInfo, throwIfAborted } from '@rg/linalg';
import { createSinkhornSweep, type SinkhornSweep } from './sinkhorn-sweep.js';

/** Loop controls shared by the kernels. */
export interface LoopControl {
  fn: string;
  maxIter: number;
  tol: number;
  signal?: AbortSignal;
  onProgress?: (info: ProgressInfo) => void;
  /** iterations already spent by earlier stages (for progress reports) */
  offset: number;
  /** label reported to onProgress */
  method: string;
  /** check the marginal error every `checkEvery` iterations (POT: 10) */
  checkEvery: number;
}

/** What a kernel hands back: potentials in cost units, the plan, and loop statistics. */
export interface KernelOutput {
  f: Float64Array;
  g: Float64Array;
  plan: Float64Array;
  iterations: number;
  marginalError: number;
  converged: boolean;
  /** set when the kernel hit an underflow/overflow and gave up (state not usable) */
  failure?: string;
  /** error after every check, for convergence plots */
  history: { iteration: number; marginalError: number }[];
}

/**
 * The stopping rule of every Sinkhorn loop in @rg/ot, and of a device loop behind
 * `SinkhornAccelerator`: the marginal error is measured after iteration 1, 1 + checkEvery,
 * 1 + 2·checkEvery, … and after the last one (POT's `ii % 10 == 0` on a 0-based count).
 */
export function isCheckIteration(it: number, checkEvery: number, maxIter: number): boolean {
  return (it - 1) % checkEvery === 0 || it === maxIter;
}

/**
 * Record one check of the marginal error: history, onProgress, abort; true when it is below
 * tol (the loop then stops and reports convergence).
 */
export function recordCheck(
  ctl: LoopControl,
  history: KernelOutput['history'],
  it: number,
  err: number,
): boolean {
  history.push({ iteration: ctl.offset + it, marginalError: err });
  ctl.onProgress?.({ iteration: ctl.offset + it, residual: err, method: ctl.method });
  throwIfAborted(ctl.fn, ctl.signal);
  return err < ctl.tol;
}

/** The fused sweep of the problem, with a copied in. */
function scalingBuffers(a: Float64Array, m: number): SinkhornSweep {
  const bufs = createSinkhornSweep(a.length, m);
  bufs.a.set(a);
  return bufs;
}

function colError(b: Float64Array, v: Float64Array, acc: Float64Array): number {
  let e = 0;
  for (let j = 0; j < b.length; j++) {
    const t = v[j] * acc[j] - b[j];
    e += t * t;
  }
  return Math.sqrt(e);
}

/**
 * The storage of one standard Sinkhorn solve and the passes over its Gibbs kernel K, which
 * {@link standardLoop} asks for by name: on this thread one memory and the fused sweep
 * ({@link standardKernel}); on a worker pool rows of K resident in the workers.
 */
export interface StandardStorage {
  u: Float64Array;
  v: Float64Array;
  /** Kᵀu after 'accumulate' and 'sweep' */
  acc: Float64Array;
  /** the plan after 'plan' */
  plan: Float64Array;
}

/**
 * The passes of the standard loop: 'gibbs' fills K = exp(−C/reg) and answers the first entry
 * that underflowed to 0 (−1 for none); 'accumulate' sets acc = Kᵀu; 'sweep' sets u = a / Kv,
 * then acc = Kᵀu; 'plan' sets plan = diag(u) K diag(v).
 */
export type StandardPass = 'gibbs' | 'accumulate' | 'sweep' | 'plan';

/**
 * Sinkhorn–Knopp on the Gibbs kernel K = exp(−C/reg), POT's update order (v then u), as a
 * generator: it yields each pass over K it needs (see {@link StandardPass}) and is resumed when
 * the storage has done it, so one loop — starting point, stopping rule, overflow checks,
 * potentials — serves the one-thread solve and the pooled one. `C` is read only for messages.
 */
export function* standardLoop(
  a: Float64Array,
  b: Float64Array,
  C: Float64Array,
  reg: number,
  f0: Float64Array | undefined,
  g0: Float64Array | undefined,
  ctl: LoopControl,
  st: StandardStorage,
): Generator<StandardPass, KernelOutput, number | undefined> {
  const n = a.length;
  const m = b.length;
  const { u, v, acc } = st;
  const zeroAt = (yield 'gibbs') as number;
  for (let i = 0; i < n; i++) u[i] = f0 ? Math.exp(f0[i] / reg) : 1 / n;
  for (let j = 0; j < m; j++) v[j] = g0 ? Math.exp(g0[j] / reg) : 1 / m;
  const history: KernelOutput['history'] = [];
  const fail = (iterations: number, failure: string): KernelOutput => ({
    f: new Float64Array(n),
    g: new Float64Array(m),
    plan: new Float64Array(0),
    iterations,
    marginalError: Number.NaN,
    converged: false,
    failure,
    history,
  });
  // An entry of K that underflows to 0 cannot carry the mass the exact plan may put
  // there, and a zero row or column forces the scalings to overflow: leave it to the log domain.
  if (zeroAt >= 0)
    return fail(
      0,
      `exp(−cost/reg) underflows to 0 at entry (${Math.floor(zeroAt / m)}, ${zeroAt % m}) (cost/reg = ${(C[zeroAt] / reg).toPrecision(4)} > 745)`,
    );
  yield 'accumulate';
  let err = Number.POSITIVE_INFINITY;
  let it = 0;
  let converged = false;
  while (it < ctl.maxIter) {
    for (let j = 0; j < m; j++) v[j] = b[j] / acc[j];
    acc.fill(0);
    yield 'sweep';
    let bad = false;
    for (let i = 0; i < n; i++) if (!(u[i] < Number.POSITIVE_INFINITY) || u[i] === 0) bad = true;
    it++;
    if (bad) return fail(it, `the scaling u overflowed at iteration ${it}`);
    if (isCheckIteration(it, ctl.checkEvery, ctl.maxIter)) {
      err = colError(b, v, acc);
      if (!Number.isFinite(err)) return fail(it, `the scaling v overflowed at iteration ${it}`);
      if (recordCheck(ctl, history, it, err)) {
        converged = true;
        break;
      }
    }
  }
  if (it === 0) err = colError(b, v, acc);
  yield 'plan';
  const f = new Float64Array(n);
  const g = new Float64Array(m);
  for (let i = 0; i < n; i++) f[i] = reg * Math.log(u[i]);
  for (let j = 0; j < m; j++) g[j] = reg * Math.log(v[j]);
  return { f, g, plan: st.plan, iterations: it, marginalError: err, converged, history };
}

/** K = exp(C·inv) on rows of K and C (any range of entries); the first index that underflowed, or −1. */
export function gibbsInto(C: Float64Array, inv: number, K: Float64Array): number {
  let zeroAt = -1;
  for (let k = 0; k < K.length; k++) {
    const e = Math.exp(C[k] * inv);
    if (e === 0 && zeroAt < 0) zeroAt = k;
    K[k] = e;
  }
  return zeroAt;
}

/** acc += Σᵢ uᵢ Kᵢ over the rows of K (row-major, m columns), in row order. */
export function accumulateRows(
  K: Float64Array,
  u: Float64Array,
  acc: Float64Array,
  m: number,
): void {
  for (let i = 0; i < u.length; i++) {
    const o = i * m;
    const ui = u[i];
    for (let j = 0; j < m; j++) acc[j] += ui * K[o + j];
  }
}

/** plan = diag(u) K diag(v) on rows of K (row-major, m columns). */
export function planRows(
  K: Float64Array,
  u: Float64Array,
  v: Float64Array,
  plan: Float64Array,
  m: number,
): void {
  for (let i = 0; i < u.length; i++) {
    const o = i * m;
    const ui = u[i];
    for (let j = 0; j < m; j++) plan[o + j] = ui * K[o + j] * v[j];
  }
}

/**
 * Sinkhorn–Knopp on the Gibbs kernel K = exp(−C/reg), POT's update order (v then u), on this
 * thread ({@link standardLoop} on one memory). One pass over K per iteration: row i gives
 * (Kv)_i, hence u_i, and while the row is in cache it is added, scaled by the new u_i, into Kᵀu
 * for the next v update; the column marginal v ⊙ Kᵀu used for the stopping test comes for free.
 */
export function standardKernel(
  a: Float64Array,
  b: Float64Array,
  C: Float64Array,
  reg: number,
  f0: Float64Array | undefined,
  g0: Float64Array | undefined,
  ctl: LoopControl,
): KernelOutput {
  const n = a.length;
  const m = b.length;
  const bufs = scalingBuffers(a, m);
  const { K, u, v, acc } = bufs;
  const st: StandardStorage = { u, v, acc, plan: new Float64Array(0) };
  const pass: Record<StandardPass, () => unknown> = {
    gibbs: () => gibbsInto(C, -1 / reg, K),
    accumulate: () => accumulateRows(K, u, acc, m),
    sweep: () => bufs.run(),
    plan: () => {
      st.plan = new Float64Array(n * m);
      planRows(K, u, v, st.plan, m);
    },
  };
  const loop = standardLoop(a, b, C, reg, f0, g0, ctl, st);
  let r = loop.next();
  while (!r.done) r = loop.next(pass[r.value]() as number | undefined);
  return r.value;
}

/**
 * Log-domain Sinkhorn: α ← log a − LSEⱼ(−C/reg + β), β ← log b − LSEᵢ(−C/reg + α).
 * One pass per iteration and one exponential per entry: each row's shifted exponentials
 * t_ij = exp(−C_ij/reg + β_j − max) give α_i, and t_ij·a_i/Σ_j t_ij is the plan entry,
 * so the same values accumulate the column marginal col_j; the next β update is then
 * β_j += log(b_j / col_j). A column whose marginal underflows (< 1e-280) gets an exact
 * strided log-sum-exp instead, so the kernel never produces ±Infinity.
 */
export function logKernel(
  a: Float64Array,
  b: Float64Array,
  C: Float64Array,
  reg: number,
  f0: Float64Array | undefined,
  g0: Float64Array | undefined,
  ctl: LoopControl,
): KernelOutput {
  const n = a.length;
  const m = b.length;
  const Mr = new Float64Array(n * m);
  const inv = -1 / reg;
  for (let k = 0; k < Mr.length; k++) Mr[k] = C[k] * inv;
  const la = new Float64Array(n);
  const lb = new Float64Array(m);
  for (let i = 0; i < n; i++) la[i] = Math.log(a[i]);
  for (let j = 0; j < m; j++) lb[j] = Math.log(b[j]);
  const alpha = new Float64Array(n);
  const beta = new Float64Array(m);
  if (f0) for (let i = 0; i < n; i++) alpha[i] = f0[i] / reg;
  if (g0) for (let j = 0; j < m; j++) beta[j] = g0[j] / reg;
  // Exact column log-sum-exp of −C/reg + α (strided, with a running max).
  const columnLse = (j: number): number => {
    let mx = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) mx = Math.max(mx, Mr[i * m + j] + alpha[i]);
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.exp(Mr[i * m + j] + alpha[i] - mx);
    return mx + Math.log(s);
  };
  const col = new Float64Array(m);
  const rowBuf = new Float64Array(m);
  // Column marginals of the starting point, from exact LSEs: exp(β_j + LSE_j).
  for (let j = 0; j < m; j++) col[j] = Math.exp(beta[j] + columnLse(j));
  const history: KernelOutput['history'] = [];
  let err = Number.POSITIVE_INFINITY;
  let it = 0;
  let converged = false;
  const columnError = (): number => {
    let e = 0;
    for (let j = 0; j < m; j++) {
      const t = col[j] - b[j];
      e += t * t;
    }
    return Math.sqrt(e);
  };
  while (it < ctl.maxIter) {
    for (let j = 0; j < m; j++) {
      const cj = col[j];
      if (cj > 1e-280 && cj < Number.POSITIVE_INFINITY) beta[j] += lb[j] - Math.log(cj);
      else beta[j] = lb[j] - columnLse(j);
    }
    col.fill(0);
    for (let i = 0; i < n; i++) {
      const o = i * m;
      let mx = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < m; j++) {
        const x = Mr[o + j] + beta[j];
        if (x > mx) mx = x;
      }
      let s = 0;
      for (let j = 0; j < m; j++) {
        const t = Math.exp(Mr[o + j] + beta[j] - mx);
        rowBuf[j] = t;
        s += t;
      }
      alpha[i] = la[i] - mx - Math.log(s);
      const sc = a[i] / s;
      for (let j = 0; j < m; j++) col[j] += rowBuf[j] * sc;
    }
    it++;
    if (isCheckIteration(it, ctl.checkEvery, ctl.maxIter)) {
      err = columnError();
      if (recordCheck(ctl, history, it, err)) {
        converged = true;
        break;
      }
    }
  }
  if (it === 0) {
    // No update ran: report the state we were given.
    err = columnError();
  }
  const plan = new Float64Array(n * m);
  const f = new Float64Array(n);
  const g = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const o = i * m;
    const ai = alpha[i];
    f[i] = reg * ai;
    for (let j = 0; j < m; j++) plan[o + j] = Math.exp(Mr[o + j] + ai + beta[j]);
  }
  for (let j = 0; j < m; j++) g[j] = reg * beta[j];
  return { f, g, plan, iterations: it, marginalError: err, converged, history };
}

/**
 * Sinkhorn with absorption of large scalings into log potentials (Schmitzer 2019,
 * Algorithm 2; POT's sinkhorn_stabilized with tau = 1e3): K = exp(−C/reg + α ⊕ β) is
 * rebuilt whenever a scaling leaves [1/tau, tau], so u, v stay O(1) at any reg.
 */
export function stabilizedKernel(
  a: Float64Array,
  b: Float64Array,
  C: Float64Array,
  reg: number,
  f0: Float64Array | undefined,
  g0: Float64Array | undefined,
  ctl: LoopControl,
  tau = 1e3,
): KernelOutput {
  const n = a.length;
  const m = b.length;
  const inv = -1 / reg;
  const alpha = new Float64Array(n);
  const beta = new Float64Array(m);
  if (f0 && g0) {
    for (let i = 0; i < n; i++) alpha[i] = f0[i] / reg;
    for (let j = 0; j < m; j++) beta[j] = g0[j] / reg;
  } else {
    // Start from a c-transform so every row and column of K has an entry equal to 1.
    for (let i = 0; i < n; i++) {
      let mx = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < m; j++) mx = Math.max(mx, C[i * m + j] * inv);
      alpha[i] = -mx;
    }
    beta.fill(Number.NEGATIVE_INFINITY);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < m; j++) beta[j] = Math.max(beta[j], C[i * m + j] * inv + alpha[i]);
    for (let j = 0; j < m; j++) beta[j] = -beta[j];
  }
  const bufs = scalingBuffers(a, m);
  const { K, u, v, acc } = bufs;
  u.fill(1);
  v.fill(1);
  const history: KernelOutput['history'] = [];
  const rebuild = (): void => {
    acc.fill(0);
    for (let i = 0; i < n; i++) {
      const o = i * m;
      const ai = alpha[i];
      const ui = u[i];
      for (let j = 0; j < m; j++) {
        const kij = Math.exp(C[o + j] * inv + ai + beta[j]);
        K[o + j] = kij;
        acc[j] += ui * kij;
      }
    }
  };
  const absorb = (): void => {
    for (let i = 0; i < n; i++) {
      alpha[i] += Math.log(u[i]);
      u[i] = 1;
    }
    for (let j = 0; j < m; j++) {
      beta[j] += Math.log(v[j]);
      v[j] = 1;
    }
    rebuild();
  };
  rebuild();
  let err = Number.POSITIVE_INFINITY;
  let it = 0;
  let converged = false;
  let failure: string | undefined;
  while (it < ctl.maxIter) {
    let big = false;
    for (let j = 0; j < m; j++) {
      const vj = b[j] / acc[j];
      v[j] = vj;
      if (vj > tau || vj < 1 / tau) big = true;
    }
    acc.fill(0);
    bufs.run();
    for (let i = 0; i < n; i++) if (!(u[i] <= tau && u[i] >= 1 / tau)) big = true;
    it++;
    const check = isCheckIteration(it, ctl.checkEvery, ctl.maxIter);
    if (check) err = colError(b, v, acc);
    if (big) {
      let finite = true;
      for (let i = 0; i < n && finite; i++) finite = u[i] > 0 && u[i] < Number.POSITIVE_INFINITY;
      for (let j = 0; j < m && finite; j++) finite = v[j] > 0 && v[j] < Number.POSITIVE_INFINITY;
      if (!finite) {
        failure = `a scaling overflowed at iteration ${it} despite absorption`;
        break;
      }
      absorb();
    }
    if (check && recordCheck(ctl, history, it, err)) {
      converged = true;
      break;
    }
  }
  if (failure)
    return {
      f: new Float64Array(n),
      g: new Float64Array(m),
      plan: new Float64Array(0),
      iterations: it,
      marginalError: Number.NaN,
      converged: false,
      failure,
      history,
    };
  if (it === 0) err = colError(b, v, acc);
  const plan = new Float64Array(n * m);
  const f = new Float64Array(n);
  const g = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const o = i * m;
    const ui = u[i];
    f[i] = reg * (alpha[i] + Math.log(ui));
    for (let j = 0; j < m; j++) plan[o + j] = ui * K[o + j] * v[j];
  }
  for (let j = 0; j < m; j++) g[j] = reg * (beta[j] + Math.log(v[j]));
  return { f, g, plan, iterations: it, marginalError: err, converged, history };
}
