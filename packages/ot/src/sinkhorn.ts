// Entropic optimal transport by Sinkhorn scaling (Cuturi 2013, "Sinkhorn distances";
// log-domain, absorption and ε-scaling: Schmitzer 2019, SIAM J. Sci. Comput. 41(3)).
import {
  assertFiniteArray,
  checkInteger,
  checkPositive,
  ConvergenceError,
  describeValue,
  InvalidArgumentError,
  type IterativeOptions,
  type IterativeResult,
  type Matrix,
  ShapeError,
} from '@rg/linalg';
import {
  acceleratedKernel,
  acceleratorWork,
  belowThresholdInfo,
  type SinkhornAcceleratorInfo,
} from './sinkhorn-accelerated.js';
import type { SinkhornAccelerator } from './sinkhorn-accelerator.js';
import { type CostInput, checkProblem, type Weights } from './problem.js';
import {
  type KernelOutput,
  type LoopControl,
  logKernel,
  stabilizedKernel,
  standardKernel,
} from './sinkhorn-kernels.js';
import { embedPlan, embedVector, restrict, restrictVector, supportOf } from './support.js';

/** Sinkhorn variants, named as in POT (`sinkhorn`, `sinkhorn_log`, `sinkhorn_stabilized`, `sinkhorn_epsilon_scaling`). */
export type SinkhornMethod = 'standard' | 'log' | 'stabilized' | 'epsilonScaling';

/** Options of {@link sinkhorn}. */
export interface SinkhornOptions extends IterativeOptions {
  /** entropic regularization ε > 0 (the plan is ∝ exp(−C/ε) before scaling) */
  reg: number;
  /** default `'standard'`; it switches to `'log'` by itself when exp(−C/reg) underflows */
  method?: SinkhornMethod;
  /** initial dual potentials (cost units), e.g. the `potentials` of an earlier solve */
  warmStart?: { f: ArrayLike<number>; g: ArrayLike<number> };
  /** iterations between two marginal-error checks (default 10, as POT) */
  checkEvery?: number;
  /**
   * run the iterations on a device (a {@link SinkhornAccelerator}, e.g. `createAccelerator()` of
   * @rg/gpu) when n·m·maxIter reaches its `thresholds.sinkhorn`; only with method `'standard'`
   * and without `warmStart`. Device results are float32-accurate.
   */
  accelerator?: SinkhornAccelerator;
}

/** Result of {@link sinkhorn}. */
export interface SinkhornResult extends IterativeResult {
  /** the entropic plan P = exp((f ⊕ g − C)/reg), n×m */
  plan: Matrix;
  /** transport cost ⟨C, P⟩ (no entropy term; POT's `sinkhorn2`) */
  cost: number;
  /**
   * dual potentials in cost units, f = reg·log u and g = reg·log v (as in {@link emd}'s result);
   * −Infinity on zero-mass bins. Pass them back as `warmStart`.
   */
  potentials: { f: Float64Array; g: Float64Array };
  /** @deprecated since 0.x: use `potentials.f` (the same array); removed in 1.0 */
  f: Float64Array;
  /** @deprecated since 0.x: use `potentials.g` (the same array); removed in 1.0 */
  g: Float64Array;
  /** ‖Pᵀ1 − b‖₂ after the last check; P1 = a holds to rounding (POT's measure) */
  marginalError: number;
  /** same as marginalError */
  residual: number;
  /** the method that produced the result (differs from the requested one after a switch) */
  method: SinkhornMethod;
  /**
   * present when the solver changed method (underflow), or when it stopped unconverged (the
   * marginal error still above `tol` after `maxIter` iterations; `converged` is false and the
   * message says how far it got and what to change). Both sentences appear when both happened.
   */
  warning?: string;
  /**
   * the marginal error at every check: the convergence curve (on a device: the same measure,
   * ‖v ⊙ Kᵀu − b‖₂, computed in the device's precision)
   */
  history: { iteration: number; marginalError: number }[];
  /**
   * present when `options.accelerator` was given: its backend, what computed the iterations
   * (`computedOn`: the device, or `'float64'` below its threshold, with the `reason`) and their precision
   */
  accelerator?: SinkhornAcceleratorInfo;
}

const FN = 'sinkhorn';

function epsilonScaling(
  a: Float64Array,
  b: Float64Array,
  C: Float64Array,
  reg: number,
  f0: Float64Array | undefined,
  g0: Float64Array | undefined,
  ctl: LoopControl,
): KernelOutput {
  // Geometric schedule from the cost's spread down to reg, a few inner sweeps per
  // stage (POT uses 100; we stop a stage early once it is within 1e-3).
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < C.length; k++) {
    if (C[k] < lo) lo = C[k];
    if (C[k] > hi) hi = C[k];
  }
  const regs: number[] = [];
  for (let r = Math.max(hi - lo, reg); r > reg; r /= 4) regs.push(r);
  regs.push(reg);
  let f = f0;
  let g = g0;
  let spent = 0;
  const history: KernelOutput['history'] = [];
  let out: KernelOutput | undefined;
  for (let s = 0; s < regs.length; s++) {
    const last = s === regs.length - 1;
    const budget = last ? ctl.maxIter - spent : Math.min(100, ctl.maxIter - spent);
    const stage = stabilizedKernel(a, b, C, regs[s], f, g, {
      ...ctl,
      maxIter: Math.max(budget, 0),
      tol: last ? ctl.tol : Math.max(ctl.tol, 1e-3),
      offset: ctl.offset + spent,
    });
    spent += stage.iterations;
    history.push(...stage.history);
    if (stage.failure) return { ...stage, iterations: spent, history };
    f = stage.f;
    g = stage.g;
    out = stage;
  }
  const o = out as KernelOutput;
  return { ...o, iterations: spent, history };
}

function runMethod(
  method: SinkhornMethod,
  a: Float64Array,
  b: Float64Array,
  C: Float64Array,
  reg: number,
  f0: Float64Array | undefined,
  g0: Float64Array | undefined,
  ctl: LoopControl,
): KernelOutput {
  if (method === 'standard') return standardKernel(a, b, C, reg, f0, g0, ctl);
  if (method === 'log') return logKernel(a, b, C, reg, f0, g0, ctl);
  if (method === 'stabilized') return stabilizedKernel(a, b, C, reg, f0, g0, ctl);
  return epsilonScaling(a, b, C, reg, f0, g0, ctl);
}

/**
 * Entropic optimal transport between histograms `a` and `b`: the plan
 * P = diag(u) K diag(v), K = exp(−C/reg), whose marginals are a and b, found by
 * alternating scalings. Defaults follow POT's `ot.sinkhorn` (maxIter 1000, tol 1e−9,
 * marginal error checked every 10 iterations).
 *
 * Methods: `'standard'` (Sinkhorn–Knopp on K), `'log'` (log-sum-exp updates, never
 * under- or overflows; two exponentials per entry and sweep make it several times
 * slower), `'stabilized'` (absorbs large scalings
 * into log potentials), `'epsilonScaling'` (stabilized, warm-started along a decreasing
 * reg schedule). A `'standard'` or `'stabilized'` solve whose kernel underflows
 * (some cost/reg > 745, or a scaling overflows) restarts in the log domain and says so
 * in `warning`, with `method: 'log'`, instead of returning NaN.
 *
 * Every method measures the same marginal error, ‖Pᵀ1 − b‖₂ after the row update (so
 * P1 = a holds to rounding), after iteration 1, 1 + checkEvery, 1 + 2·checkEvery, … and after
 * the last, and stops at the first check below `tol`.
 *
 * With `accelerator` (a {@link SinkhornAccelerator}: @rg/gpu's `createAccelerator()` makes
 * one) the `'standard'` iterations run on the device with K, u, v resident there, under the same
 * stopping rule, whenever n·m·maxIter (on the support of a and b) reaches
 * `accelerator.thresholds.sinkhorn`; smaller problems run the float64 loop above, and
 * `result.accelerator` says so: `{ mode, computedOn: 'float64', precision: 'float64', reason }`.
 * On the device the plan, `cost`, potentials and `marginalError` are formed in float64 from the
 * returned scalings, and `result.accelerator` is `{ mode, computedOn: mode, precision }`. Such
 * results are float32-accurate (for @rg/gpu): plan entries carry a
 * relative error of order max(n, m)·2⁻²⁴ (about 1e−6 at n = 200), and the marginal error
 * stalls at a float32 floor of about 1e−8 to 1e−6 (growing with n), so a `tol` below about
 * 1e−6 may never be reached: the solve then stops after `maxIter` iterations and reports
 * `converged: false` (or throws with `strict`), it does not loop on. `marginalError` is measured in float64 on the
 * returned plan as the larger of ‖P1 − a‖₂ and ‖Pᵀ1 − b‖₂, and `converged` is
 * `marginalError < tol`. The device has no log-domain Sinkhorn loop, so `'log'`,
 * `'stabilized'` and `'epsilonScaling'` with an accelerator throw InvalidArgumentError
 * (omit `accelerator` for them), as does `warmStart`; there is no automatic switch to the log
 * domain either: a kernel that under- or overflows in float32 (cost/reg beyond about 87)
 * throws NonFiniteError. For example, with `accelerator = createAccelerator({ mode: 'webasm' })`
 * (explicit modes have threshold 0), `sinkhorn(a, b, C, { reg: 0.1, tol: 1e-6, accelerator }).accelerator`
 * is `{ mode: 'webasm', computedOn: 'webasm', precision: 'float32' }`.
 *
 * @param a - source weights (n, ≥ 0, finite)
 * @param b - target weights (m, ≥ 0, same total mass as a within 1e−9 relative)
 * @param costInput - n×m ground cost, a Matrix or nested rows `cost[i][j]`
 * @param options - `{ reg, method, maxIter = 1000, tol = 1e-9, warmStart, checkEvery = 10, signal, onProgress, strict, accelerator }`
 * @returns `{ plan, cost, potentials: { f, g }, iterations, converged, marginalError, residual, method, warning?, history, accelerator? }` (and the deprecated aliases `f`, `g`)
 * @throws {ShapeError} when cost is not a.length × b.length or a weight vector is empty
 * @throws {NonFiniteError} on non-finite weights or cost
 * @throws {InvalidArgumentError} on negative weights, unequal masses, reg ≤ 0 or a bad option,
 *   or an accelerator with a method other than 'standard' or with warmStart
 * @throws {NonFiniteError} with an accelerator, when the float32 scalings under- or overflow
 * @throws {ConvergenceError} with `strict: true` when tol is not reached in maxIter
 * @throws {AbortError} when `signal` is aborted
 * @example
 * import { fromRows } from '@rg/linalg';
 * const C = fromRows([[0, 1], [1, 0]]);
 * const r = sinkhorn([0.5, 0.5], [0.5, 0.5], C, { reg: 0.1 });
 * r.converged // => true
 * r.plan.data[0] + r.plan.data[1] // => ~0.5
 * r.potentials.f[0] - r.potentials.f[1] // => ~0
 * sinkhorn([0.5, 0.5], [0.5, 0.5], C, { reg: 1e-3 }).method // => 'log'
 * sinkhorn([1, 0], [0.5, 0.5], C, { reg: 0 }) // => throws InvalidArgumentError
 */
export function sinkhorn(
  a: Weights,
  b: Weights,
  costInput: CostInput,
  options: SinkhornOptions,
): SinkhornResult {
  return solvePrepared(prepareSinkhorn(FN, a, b, costInput, options), options.strict);
}

/** The iterations of a prepared problem on this thread (or its accelerator), and the result. */
export function solvePrepared(s: PreparedSinkhorn, strict: boolean | undefined): SinkhornResult {
  const { accelerator, sub, maxIter, reg, f0, g0, ctl } = s;
  let info: SinkhornAcceleratorInfo | undefined;
  let out: KernelOutput;
  const sn = sub.a.length;
  const sm = sub.b.length;
  if (accelerator && acceleratorWork(sn, sm, maxIter) >= accelerator.thresholds.sinkhorn) {
    const acc = acceleratedKernel(accelerator, sub.a, sub.b, sub.C, reg, ctl);
    info = acc.info;
    out = acc;
  } else {
    if (accelerator) info = belowThresholdInfo(accelerator, sn, sm, maxIter);
    out = runMethod(s.requested, sub.a, sub.b, sub.C, reg, f0, g0, ctl);
  }
  return finishSinkhorn(s, out, info, strict);
}

/** A validated Sinkhorn problem, reduced to the support of a and b, and its loop controls. */
export type PreparedSinkhorn = ReturnType<typeof prepareSinkhorn>;

/**
 * Validate a Sinkhorn call (`fn` names it in messages), reduce it to the support of a and b and
 * set up its loop controls: the part of {@link sinkhorn} before the iterations.
 */
export function prepareSinkhorn(
  fn: string,
  a: Weights,
  b: Weights,
  costInput: CostInput,
  options: SinkhornOptions,
) {
  if (!options || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options { reg } are required`);
  const p = checkProblem(fn, a, b, costInput);
  const cost = p.cost;
  const reg = checkPositive(fn, 'reg', options.reg);
  const maxIter = checkInteger(fn, 'maxIter', options.maxIter ?? 1000, 0);
  const tol = checkPositive(fn, 'tol', options.tol ?? 1e-9, true);
  const checkEvery = options.checkEvery ?? 10;
  if (!Number.isInteger(checkEvery) || checkEvery < 1)
    throw new InvalidArgumentError(
      `${fn}(): checkEvery must be a positive integer (got ${checkEvery})`,
    );
  const requested = options.method ?? 'standard';
  if (!['standard', 'log', 'stabilized', 'epsilonScaling'].includes(requested))
    throw new InvalidArgumentError(
      `${fn}(): method must be 'standard', 'log', 'stabilized' or 'epsilonScaling' (got ${String(requested)})`,
    );
  const accelerator = options.accelerator;
  if (accelerator !== undefined) {
    if (
      !accelerator ||
      typeof accelerator !== 'object' ||
      typeof accelerator.sinkhorn !== 'function'
    )
      throw new InvalidArgumentError(
        `${fn}(): accelerator must implement SinkhornAccelerator (a sinkhorn() device loop, e.g. createAccelerator() of @rg/gpu; got ${describeValue(accelerator)})`,
      );
    const threshold = accelerator.thresholds?.sinkhorn;
    if (typeof threshold !== 'number' || Number.isNaN(threshold) || threshold < 0)
      throw new InvalidArgumentError(
        `${fn}(): accelerator.thresholds.sinkhorn must be a number ≥ 0 (got ${String(threshold)})`,
      );
    if (requested !== 'standard')
      throw new InvalidArgumentError(
        `${fn}(): method '${requested}' has no accelerated version (the accelerator runs the 'standard' scaling in float32); omit accelerator to use it`,
      );
    if (options.warmStart)
      throw new InvalidArgumentError(
        `${fn}(): warmStart is not supported with an accelerator (the device loop starts from v = 1/m); omit one of them`,
      );
  }
  const ri = supportOf(p.a);
  const ci = supportOf(p.b);
  const sub = restrict(p.a, p.b, cost, ri, ci);
  let f0: Float64Array | undefined;
  let g0: Float64Array | undefined;
  if (options.warmStart) {
    const { f, g } = options.warmStart;
    if (!f || !g || f.length !== p.n || g.length !== p.m)
      throw new ShapeError(
        `${fn}(): warmStart must be { f, g } with ${p.n} and ${p.m} entries (got ${f?.length} and ${g?.length})`,
      );
    const fr = restrictVector(f, ri);
    const gr = restrictVector(g, ci);
    assertFiniteArray(fn, 'warmStart.f (on the support of a)', fr);
    assertFiniteArray(fn, 'warmStart.g (on the support of b)', gr);
    f0 = fr;
    g0 = gr;
  }
  const ctl: LoopControl = {
    fn,
    maxIter,
    tol,
    signal: options.signal,
    onProgress: options.onProgress,
    offset: 0,
    method: requested,
    checkEvery,
  };
  return { fn, p, cost, reg, maxIter, tol, requested, accelerator, ri, ci, sub, f0, g0, ctl };
}

/**
 * The part of {@link sinkhorn} after the iterations: the switch to the log domain after a
 * failure, `strict`, the plan and potentials back on the full support, the result.
 */
export function finishSinkhorn(
  s: PreparedSinkhorn,
  first: KernelOutput,
  info: SinkhornAcceleratorInfo | undefined,
  strict: boolean | undefined,
): SinkhornResult {
  const { fn, p, cost, reg, maxIter, tol, requested, ri, ci, sub, f0, g0, ctl } = s;
  let out = first;
  let method: SinkhornMethod = requested;
  let warning: string | undefined;
  if (out.failure) {
    warning = `${fn}(): method '${requested}' at reg = ${reg}: ${out.failure}; switched to the log domain (method 'log')`;
    const spent = out.iterations;
    const earlier = out.history;
    method = 'log';
    out = logKernel(sub.a, sub.b, sub.C, reg, f0, g0, {
      ...ctl,
      maxIter: Math.max(maxIter - spent, 0),
      offset: spent,
      method,
    });
    out = { ...out, iterations: out.iterations + spent, history: [...earlier, ...out.history] };
  }
  const n = p.n;
  const m = p.m;
  const plan = embedPlan(out.plan, n, m, ri, ci);
  let total = 0;
  const Cd = cost.data;
  for (let k = 0; k < plan.length; k++) total += plan[k] * Cd[k];
  if (!out.converged && strict)
    throw new ConvergenceError(
      `${fn}(): marginal error ${out.marginalError.toExponential(2)} > tol ${tol} after ${out.iterations} iterations (method '${method}'${info ? `, ${info.precision} on ${info.computedOn}` : ''}, reg ${reg})`,
      { iterations: out.iterations, residual: out.marginalError },
    );
  if (!out.converged) {
    const stopped = `${fn}(): stopped unconverged: marginal error ${out.marginalError.toExponential(2)} > tol ${tol} after ${out.iterations} iterations (maxIter ${maxIter}, method '${method}', reg ${reg}); raise maxIter or reg, or pass strict: true to throw`;
    warning = warning ? `${warning}. ${stopped}` : stopped;
  }
  const f = embedVector(out.f, n, ri, Number.NEGATIVE_INFINITY);
  const g = embedVector(out.g, m, ci, Number.NEGATIVE_INFINITY);
  const result: SinkhornResult = {
    plan: { rows: n, cols: m, data: plan },
    cost: total,
    potentials: { f, g },
    f,
    g,
    iterations: out.iterations,
    converged: out.converged,
    marginalError: out.marginalError,
    residual: out.marginalError,
    method,
    history: out.history,
  };
  if (warning) result.warning = warning;
  if (info) result.accelerator = info;
  return result;
}
