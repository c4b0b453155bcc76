// Sinkhorn-Newton-Sparse (Tang, Shavlovsky, Rahmanian, Tardini, Thekumparampil, Xiao &
// Ying, "Accelerating Sinkhorn algorithm with sparse Newton iterations", ICLR 2024).
import {
  checkInRange,
  checkInteger,
  checkPositive,
  ConvergenceError,
  conjugateGradient,
  csrFromDense,
  csrOperator,
  InvalidArgumentError,
  type IterativeOptions,
  type IterativeResult,
  type LinearOperator,
  type Matrix,
  NotPositiveDefiniteError,
  throwIfAborted,
} from '@rg/linalg';
import { type CostInput, checkProblem, type Weights } from './problem.js';
import { logKernel } from './sinkhorn-kernels.js';
import { embedPlan, embedVector, restrict, supportOf } from './support.js';

/** Options of {@link sinkhornNewtonSparse}. */
export interface SinkhornNewtonSparseOptions extends Omit<IterativeOptions, 'maxIter'> {
  /** entropic regularization (the paper's η is 1/reg) */
  reg: number;
  /** log-domain Sinkhorn warm-up iterations (stage 1, default 20) */
  sinkhornIters?: number;
  /** maximum Newton iterations (stage 2, default 100) */
  newtonIters?: number;
  /**
   * fraction λ of the n·m plan entries kept in the sparsified Hessian at least (default
   * min(1, 2/min(n, m)), the paper's choice); doubled per step while the dropped mass
   * exceeds `maxDroppedMass`
   */
  sparsity?: number;
  /**
   * largest fraction of the plan's mass the sparsified Hessian may drop (default 1e-3).
   * With a fixed λ = 2/n we measured Newton stalling at a linear rate (≈0.75 per step on
   * L2² clouds at η = 1200) because the dropped entries carry curvature; bounding the
   * dropped mass restores fast convergence. Set 1 to keep exactly ⌈λ·n·m⌉ entries.
   */
  maxDroppedMass?: number;
  /** maximum conjugate-gradient iterations per Newton step (default 10·(n + m)) */
  cgIters?: number;
}

/** Result of {@link sinkhornNewtonSparse}. */
export interface SinkhornNewtonSparseResult extends IterativeResult {
  plan: Matrix;
  /** ⟨C, P⟩ */
  cost: number;
  /**
   * dual potentials in cost units, P = exp((f ⊕ g − C)/reg), as in {@link sinkhorn} and
   * {@link emd}; −Infinity on zero-mass bins
   */
  potentials: { f: Float64Array; g: Float64Array };
  /** @deprecated since 0.x: use `potentials.f` (the same array); removed in 1.0 */
  f: Float64Array;
  /** @deprecated since 0.x: use `potentials.g` (the same array); removed in 1.0 */
  g: Float64Array;
  /** √(‖P1 − a‖² + ‖Pᵀ1 − b‖²): the dual gradient norm (equals sinkhorn's measure when P1 = a) */
  marginalError: number;
  residual: number;
  /** sinkhornIterations + newtonIterations */
  iterations: number;
  sinkhornIterations: number;
  newtonIterations: number;
  /** conjugate-gradient iterations summed over all Newton steps */
  cgIterations: number;
  /** dual objective evaluations spent in line searches */
  lineSearchEvaluations: number;
  /** number of Hessian entries kept in the last Newton step (≥ ⌈λ·n·m⌉, see maxDroppedMass) */
  kept: number;
  method: 'sinkhornNewtonSparse';
  /** the marginal error after every iteration of both stages */
  history: { iteration: number; marginalError: number; stage: 'sinkhorn' | 'newton' }[];
}

const FN = 'sinkhornNewtonSparse';

/** Value of the k-th largest entry of x (k ≥ 1) by quickselect on a scratch copy. */
function kthLargest(x: Float64Array, k: number, scratch: Float64Array): number {
  scratch.set(x);
  let lo = 0;
  let hi = scratch.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    // Median of three keeps the partition balanced on sorted or constant runs.
    let p0 = scratch[lo];
    let p1 = scratch[mid];
    let p2 = scratch[hi];
    if (p0 < p1) [p0, p1] = [p1, p0];
    if (p1 < p2) [p1, p2] = [p2, p1];
    if (p0 < p1) [p0, p1] = [p1, p0];
    const pivot = p1;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (scratch[i] > pivot) i++;
      while (scratch[j] < pivot) j--;
      if (i <= j) {
        const t = scratch[i];
        scratch[i] = scratch[j];
        scratch[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return scratch[target];
  }
  return scratch[target];
}

/**
 * Entropic optimal transport by Sinkhorn-Newton-Sparse (SNS): a short log-domain
 * Sinkhorn warm-up, then Newton steps on the concave dual
 * L(α, β) = a·α + b·β − Σ exp(α_i + β_j − C_ij/reg) whose Hessian
 * −[[diag(P1), P], [Pᵀ, diag(Pᵀ1)]] keeps only the ⌈λ·n·m⌉ largest plan entries off the
 * diagonal (held as a linalg `CsrMatrix`). Each Newton system is solved by Jacobi-preconditioned conjugate gradient (linalg's `conjugateGradient`)
 * with the last column potential fixed (this removes the Hessian's null direction
 * (1, −1)); a backtracking (Armijo) line search on L keeps every step an ascent step.
 * When P is close to sparse (small reg) Newton converges in tens of iterations where
 * Sinkhorn needs thousands.
 *
 * @param a - source weights (n)
 * @param b - target weights (m, same total mass)
 * @param costInput - n×m ground cost, a Matrix or nested rows `cost[i][j]`
 * @param options - `{ reg, sinkhornIters = 20, newtonIters = 100, sparsity = min(1, 2/min(n,m)), maxDroppedMass = 1e-3, tol = 1e-9, cgIters = 10(n+m), signal, onProgress, strict }`
 * @returns sinkhorn's result fields plus `sinkhornIterations`, `newtonIterations`, `cgIterations`, `lineSearchEvaluations`, `kept`
 * @throws {ShapeError | NonFiniteError | InvalidArgumentError} on bad input (as {@link sinkhorn})
 * @throws {ConvergenceError} with `strict: true` when tol is not reached
 * @example
 * import { fromRows } from '@rg/linalg';
 * const C = fromRows([[0, 1, 4], [1, 0, 1], [4, 1, 0]]);
 * const r = sinkhornNewtonSparse([0.2, 0.3, 0.5], [0.4, 0.4, 0.2], C, { reg: 0.1 });
 * r.converged // => true
 * r.marginalError < 1e-9 // => true
 * r.newtonIterations < 20 // => true
 */
export function sinkhornNewtonSparse(
  a: Weights,
  b: Weights,
  costInput: CostInput,
  options: SinkhornNewtonSparseOptions,
): SinkhornNewtonSparseResult {
  if (!options || typeof options !== 'object')
    throw new InvalidArgumentError(`${FN}(): options { reg } are required`);
  const p = checkProblem(FN, a, b, costInput);
  const cost = p.cost;
  const reg = checkPositive(FN, 'reg', options.reg);
  const tol = checkPositive(FN, 'tol', options.tol ?? 1e-9, true);
  const sinkhornIters = checkInteger(FN, 'sinkhornIters', options.sinkhornIters ?? 20, 0);
  const newtonIters = checkInteger(FN, 'newtonIters', options.newtonIters ?? 100, 0);
  const ri = supportOf(p.a);
  const ci = supportOf(p.b);
  const sub = restrict(p.a, p.b, cost, ri, ci);
  const A = sub.a;
  const B = sub.b;
  const n = A.length;
  const m = B.length;
  const nm = n * m;
  const lambda = checkInRange(
    FN,
    'sparsity',
    options.sparsity ?? Math.min(1, 2 / Math.min(n, m)),
    0,
    1,
    true,
  );
  const cgIters = checkInteger(FN, 'cgIters', options.cgIters ?? 10 * (n + m), 0);
  const kept = Math.min(nm, Math.ceil(lambda * nm));
  const maxDropped = checkInRange(FN, 'maxDroppedMass', options.maxDroppedMass ?? 1e-3, 0, 1);
  let keptLast = kept;
  const history: SinkhornNewtonSparseResult['history'] = [];
  const onProgress = options.onProgress;

  // Stage 1: log-domain Sinkhorn, every iteration's error recorded.
  const warm = logKernel(A, B, sub.C, reg, undefined, undefined, {
    fn: FN,
    maxIter: sinkhornIters,
    tol,
    signal: options.signal,
    onProgress: onProgress ? (info) => onProgress({ ...info, stage: 'sinkhorn' }) : undefined,
    offset: 0,
    method: 'sinkhorn',
    checkEvery: 1,
  });
  for (const h of warm.history) history.push({ ...h, stage: 'sinkhorn' });
  const alpha = new Float64Array(n);
  const beta = new Float64Array(m);
  for (let i = 0; i < n; i++) alpha[i] = warm.f[i] / reg;
  for (let j = 0; j < m; j++) beta[j] = warm.g[j] / reg;

  const Mr = new Float64Array(nm);
  for (let k = 0; k < nm; k++) Mr[k] = -sub.C[k] / reg;
  let P = new Float64Array(nm);
  let Ptry = new Float64Array(nm);
  const scratch = new Float64Array(nm);
  const r = new Float64Array(n);
  const c = new Float64Array(m);
  const rTry = new Float64Array(n);
  const cTry = new Float64Array(m);
  const aTry = new Float64Array(n);
  const bTry = new Float64Array(m);
  // P at (α, β) with its marginals; returns Σ P.
  const evaluate = (
    al: Float64Array,
    be: Float64Array,
    out: Float64Array,
    ro: Float64Array,
    co: Float64Array,
  ): number => {
    co.fill(0);
    let s = 0;
    for (let i = 0; i < n; i++) {
      const o = i * m;
      const ai = al[i];
      let rs = 0;
      for (let j = 0; j < m; j++) {
        const v = Math.exp(Mr[o + j] + ai + be[j]);
        out[o + j] = v;
        rs += v;
        co[j] += v;
      }
      ro[i] = rs;
      s += rs;
    }
    return s;
  };
  const gradNorm = (ro: Float64Array, co: Float64Array): number => {
    let e = 0;
    for (let i = 0; i < n; i++) e += (A[i] - ro[i]) ** 2;
    for (let j = 0; j < m; j++) e += (B[j] - co[j]) ** 2;
    return Math.sqrt(e);
  };
  let mass = evaluate(alpha, beta, P, r, c);
  let err = gradNorm(r, c);
  let it = warm.iterations;
  let newton = 0;
  let cgTotal = 0;
  let lsEvals = 0;
  let converged = err < tol;

  // The sparsified plan S (linalg's CSR type, rebuilt each Newton step) applied as S and Sᵀ,
  // and CG work vectors over the n + m − 1 free unknowns.
  let applyS: LinearOperator = () => {};
  let applySt: LinearOperator = () => {};
  const N = n + m;
  const rhs = new Float64Array(N);
  const x = new Float64Array(N);
  const xFull = new Float64Array(N);
  const yFull = new Float64Array(N);
  const xAlpha = xFull.subarray(0, n);
  const xBeta = xFull.subarray(n);
  const yAlpha = yFull.subarray(0, n);
  const yBeta = yFull.subarray(n);
  const diagInv = new Float64Array(N);
  // y = M x with x[N − 1] ≡ 0 (last β fixed) and y[N − 1] ignored: the diagonal blocks, then
  // S x_β added to the α rows and Sᵀ x_α to the β rows.
  const apply = (): void => {
    for (let i = 0; i < n; i++) yFull[i] = r[i] * xFull[i];
    for (let j = 0; j < m; j++) yFull[n + j] = c[j] * xFull[n + j];
    applyS(xBeta, yAlpha);
    applySt(xAlpha, yBeta);
    yFull[N - 1] = 0;
  };
  // The CG unknowns are (Δα, Δβ without its last entry): fixing one potential removes
  // the null direction (1, −1) of the dual Hessian.
  const reducedOp = (xr: Float64Array, out: Float64Array): void => {
    xFull.set(xr);
    xFull[N - 1] = 0;
    apply();
    out.set(yFull.subarray(0, N - 1));
  };
  const jacobi = (rr: Float64Array, out: Float64Array): void => {
    for (let k = 0; k < N - 1; k++) out[k] = rr[k] * diagInv[k];
  };
  const dot = (u: Float64Array, v: Float64Array): number => {
    let s = 0;
    for (let k = 0; k < N - 1; k++) s += u[k] * v[k];
    return s;
  };

  while (!converged && newton < newtonIters) {
    throwIfAborted(FN, options.signal);
    // Sparsify: keep the `keep` largest plan entries (ties at the threshold too), doubling
    // `keep` from ⌈λ·n·m⌉ until the dropped plan mass is at most `maxDroppedMass` of the
    // total: a model that misses more curvature only converges linearly.
    let keep = kept;
    let thr = Number.NEGATIVE_INFINITY;
    for (;;) {
      if (keep >= nm) {
        thr = Number.NEGATIVE_INFINITY;
        break;
      }
      thr = kthLargest(P, keep, scratch);
      let dropped = 0;
      for (let k = 0; k < nm; k++) if (P[k] < thr) dropped += P[k];
      if (dropped <= maxDropped * mass) break;
      keep *= 2;
    }
    keptLast = keep;
    // P ≥ 0, so |P_ij| ≥ thr keeps exactly the entries P_ij ≥ thr (all of them at −∞)
    const S = csrFromDense({ rows: n, cols: m, data: P }, { threshold: thr });
    applyS = csrOperator(S, { accumulate: true });
    applySt = csrOperator(S, { transpose: true, accumulate: true });
    // Newton system M Δ = ∇L, ∇L = (a − P1, b − Pᵀ1), M = [[diag(P1), S], [Sᵀ, diag(Pᵀ1)]]
    // with S the kept entries; the diagonal keeps the full marginals so M stays
    // diagonally dominant (positive semidefinite).
    for (let i = 0; i < n; i++) {
      rhs[i] = A[i] - r[i];
      diagInv[i] = r[i] > 0 ? 1 / r[i] : 1;
    }
    for (let j = 0; j < m; j++) {
      rhs[n + j] = B[j] - c[j];
      diagInv[n + j] = c[j] > 0 ? 1 / c[j] : 1;
    }
    rhs[N - 1] = 0;
    x.fill(0);
    // Solve to 1e-10 relative: each CG step costs O(kept + n + m), far below the
    // O(n·m) exponentials of one line-search evaluation, so accuracy is cheap here.
    // Rounding can make the nearly singular M look indefinite to CG: that step then
    // falls back to a Sinkhorn sweep below instead of failing.
    let cg = 0;
    let cgResidual = Number.NaN;
    try {
      const sol = conjugateGradient(reducedOp, rhs.subarray(0, N - 1), {
        tol: 1e-10,
        maxIter: cgIters,
        preconditioner: jacobi,
      });
      x.set(sol.x);
      cg = sol.iterations;
      cgResidual = sol.residual;
    } catch (e) {
      if (!(e instanceof NotPositiveDefiniteError)) throw e;
      x.fill(0);
    }
    cgTotal += cg;
    // Backtracking line search on the dual: accept t when
    // L(z + tΔ) − L(z) = t(a·Δα + b·Δβ) − (ΣP_new − ΣP) ≥ 1e-4 · t · ∇L·Δ.
    const slope = dot(rhs, x);
    let lin = 0;
    for (let i = 0; i < n; i++) lin += A[i] * x[i];
    for (let j = 0; j < m; j++) lin += B[j] * x[n + j];
    let t = 1;
    let accepted = false;
    let newMass = mass;
    for (let ls = 0; ls < 40 && slope > 0; ls++) {
      for (let i = 0; i < n; i++) aTry[i] = alpha[i] + t * x[i];
      for (let j = 0; j < m; j++) bTry[j] = beta[j] + t * x[n + j];
      newMass = evaluate(aTry, bTry, Ptry, rTry, cTry);
      lsEvals++;
      const gain = t * lin - (newMass - mass);
      if (gain >= 1e-4 * t * slope || gradNorm(rTry, cTry) < err * (1 - 1e-4 * t)) {
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    newton++;
    it++;
    if (accepted) {
      alpha.set(aTry);
      beta.set(bTry);
      const tmp = P;
      P = Ptry;
      Ptry = tmp;
      r.set(rTry);
      c.set(cTry);
      mass = newMass;
    }
    if (!accepted) {
      // No ascent along the Newton direction (rounding at the optimum, or a poor sparse
      // model): take one exact Sinkhorn sweep instead, which always ascends the dual.
      const s = logKernel(A, B, sub.C, reg, scaled(alpha, reg), scaled(beta, reg), {
        fn: FN,
        maxIter: 1,
        tol: 0,
        offset: 0,
        method: 'sinkhorn',
        checkEvery: 1,
      });
      for (let i = 0; i < n; i++) alpha[i] = s.f[i] / reg;
      for (let j = 0; j < m; j++) beta[j] = s.g[j] / reg;
      mass = evaluate(alpha, beta, P, r, c);
    }
    err = gradNorm(r, c);
    history.push({ iteration: it, marginalError: err, stage: 'newton' });
    onProgress?.({
      iteration: it,
      residual: err,
      stage: 'newton',
      cgIterations: cg,
      cgResidual,
      step: t,
      kept: keptLast,
    });
    converged = err < tol;
  }

  if (!converged && options.strict)
    throw new ConvergenceError(
      `${FN}(): marginal error ${err.toExponential(2)} > tol ${tol} after ${warm.iterations} Sinkhorn and ${newton} Newton iterations (reg ${reg})`,
      { iterations: it, residual: err },
    );
  const plan = embedPlan(P, p.n, p.m, ri, ci);
  let total = 0;
  for (let k = 0; k < plan.length; k++) total += plan[k] * cost.data[k];
  const f = embedVector(scaled(alpha, reg), p.n, ri, Number.NEGATIVE_INFINITY);
  const g = embedVector(scaled(beta, reg), p.m, ci, Number.NEGATIVE_INFINITY);
  return {
    plan: { rows: p.n, cols: p.m, data: plan === P ? Float64Array.from(P) : plan },
    cost: total,
    potentials: { f, g },
    f,
    g,
    marginalError: err,
    residual: err,
    iterations: it,
    sinkhornIterations: warm.iterations,
    newtonIterations: newton,
    cgIterations: cgTotal,
    lineSearchEvaluations: lsEvals,
    kept: keptLast,
    converged,
    method: 'sinkhornNewtonSparse',
    history,
  };
}

function scaled(x: Float64Array, s: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let k = 0; k < x.length; k++) out[k] = x[k] * s;
  return out;
}
