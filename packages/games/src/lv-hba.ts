// LV-HBA: the proximal Lagrangian value-function approach to constrained bilevel optimization,
// a single-loop Hessian-free gradient method (Yao, Yu, Zeng & Zhang, "Constrained Bi-Level
// Optimization: Proximal Lagrangian Value Function Approach and Hessian-free Algorithm",
// ICLR 2024).
import {
  ConvergenceError,
  InvalidArgumentError,
  type IterativeOptions,
  type IterativeResult,
  type Matrix,
  ShapeError,
  throwIfAborted,
  checkCallbackOutput,
  checkFunction,
  checkOptions,
  checkInteger,
  checkMatrix,
  checkPositive,
  checkVector,
} from '@rg/linalg';
import { allFinite } from './internal/kernels.js';

/** A smooth function of (x, y) with its partial gradients. */
export interface BilevelFunction {
  value(x: Float64Array, y: Float64Array): number;
  /** ∇_x, length dimX */
  gradX(x: Float64Array, y: Float64Array): Float64Array;
  /** ∇_y, length dimY */
  gradY(x: Float64Array, y: Float64Array): Float64Array;
}

/** Constraints g(x, y) ≤ 0 componentwise, coupling x and y (an equality as two inequalities). */
export interface BilevelConstraint {
  count: number;
  /** g(x, y), length count */
  value(x: Float64Array, y: Float64Array): Float64Array;
  /** ∂g/∂x, count×dimX */
  jacobianX(x: Float64Array, y: Float64Array): Matrix;
  /** ∂g/∂y, count×dimY */
  jacobianY(x: Float64Array, y: Float64Array): Matrix;
}

/** A projection: change the argument in place, or return the projected point. */
export type Projection = (v: Float64Array) => unknown;

/**
 * min_{x ∈ X, y} F(x, y) subject to y ∈ argmin_{θ ∈ Y} { f(x, θ) : g(x, θ) ≤ 0 }.
 */
export interface BilevelProblem {
  dimX: number;
  dimY: number;
  /** upper-level objective */
  F: BilevelFunction;
  /** lower-level objective */
  f: BilevelFunction;
  /** lower-level constraints g(x, y) ≤ 0 (they also bind the upper-level pair (x, y)) */
  g?: BilevelConstraint;
  /** projection onto X */
  projectX?: Projection;
  /** projection onto Y (applied to y and to the lower-level variable θ) */
  projectY?: Projection;
  /**
   * joint projection onto C = {(x, y) ∈ X × Y : g(x, y) ≤ 0}, in place; when given it replaces
   * the multiplier that otherwise enforces g(x, y) ≤ 0 on the upper-level step
   */
  projectXY?: (x: Float64Array, y: Float64Array) => void;
}

/** Options of {@link lvHba} (defaults: the paper's). */
export interface LvHbaOptions extends IterativeOptions {
  /** step of (x, y) (default 0.008) */
  alpha?: number;
  /** step of z and of the upper-level multiplier (default 0.02) */
  beta?: number;
  /** step of the lower-level pair (θ, λ) (default 0.01) */
  eta?: number;
  /** proximal parameter of θ (default 10) */
  gamma1?: number;
  /** proximal parameter of λ (default 10) */
  gamma2?: number;
  /** c̲ in the penalty schedule c_k = c̲(k + 1)^p (default 0.025) */
  penaltyScale?: number;
  /** p in c_k = c̲(k + 1)^p (default 0.3) */
  penaltyPower?: number;
  /** starting points (default 0; projected first) */
  x0?: Float64Array;
  y0?: Float64Array;
  /** starting lower-level variable θ (default y0) */
  theta0?: Float64Array;
  /** record the history every k iterations (default 1; 0: never) */
  recordEvery?: number;
  /** iterations (default 5000) */
  maxIter?: number;
  /** stop when the relative step residual ≤ tol (default 1e-8) */
  tol?: number;
}

/** History of an {@link lvHba} run, one entry per recorded iteration. */
export interface LvHbaHistory {
  iteration: number[];
  residual: number[];
  /** F(x, y) */
  upper: number[];
  /** f(x, y) − ℓ(θ, λ), the estimate of f − v_γ (≥ 0 at the exact inner solution) */
  gap: number[];
  /** max(0, max_i g_i(x, y)) */
  violation: number[];
}

/** Result of {@link lvHba}. */
export interface LvHbaResult extends IterativeResult {
  x: Float64Array;
  y: Float64Array;
  /** proximal centre of the lower-level multipliers */
  z: Float64Array;
  /** the lower-level iterate (the proximal point of y) */
  theta: Float64Array;
  /** the lower-level multipliers */
  lambda: Float64Array;
  /** true when an iterate became non-finite (the run stopped there; step sizes too large) */
  diverged: boolean;
  history: LvHbaHistory;
}

function checkBilevelFunction(fn: string, name: string, h: BilevelFunction): void {
  if (!h || typeof h !== 'object')
    throw new InvalidArgumentError(`${fn}(): problem.${name} must be an object`);
  checkFunction(fn, `problem.${name}.value`, h.value);
  checkFunction(fn, `problem.${name}.gradX`, h.gradX);
  checkFunction(fn, `problem.${name}.gradY`, h.gradY);
}

function applyProjection(p: Projection | undefined, v: Float64Array): void {
  if (!p) return;
  const r = p(v);
  if (r instanceof Float64Array && r !== v) v.set(r);
}

/** out += Jᵀ v for a count×n Jacobian. */
function addJtv(J: Matrix, v: Float64Array, out: Float64Array, scale: number): void {
  const n = J.cols;
  for (let i = 0; i < J.rows; i++) {
    const vi = scale * v[i];
    if (vi === 0) continue;
    for (let j = 0; j < n; j++) out[j] += vi * J.data[i * n + j];
  }
}

/**
 * LV-HBA for bilevel problems whose lower level has constraints coupling x and y. With the
 * proximal Lagrangian value function
 *
 * v_γ(x, y, z) = min_{θ ∈ Y} max_{λ ≥ 0} f(x, θ) + λᵀg(x, θ) + ‖θ − y‖²/(2γ₁) − ‖λ − z‖²/(2γ₂),
 *
 * the bilevel problem is equivalent to min F(x, y) s.t. f(x, y) − v_γ(x, y, z) ≤ 0,
 * g(x, y) ≤ 0, and each iteration k does, with c_k = c̲(k + 1)^p:
 *
 * 1. one projected gradient step on the inner saddle problem (step η):
 *    θ⁺ = Π_Y(θ − η[∇_y f(x, θ) + ∂_y g(x, θ)ᵀλ + (θ − y)/γ₁]),
 *    λ⁺ = max(0, λ + η[g(x, θ) − (λ − z)/γ₂]);
 * 2. one projected gradient step (α on (x, y), β on z) on ψ_k = F/c_k + f − v_γ, whose
 *    gradient (Danskin, with (θ⁺, λ⁺) in place of the inner saddle point) is
 *    d_x = ∇_x F/c_k + ∇_x f(x, y) − ∇_x f(x, θ⁺) − ∂_x g(x, θ⁺)ᵀλ⁺,
 *    d_y = ∇_y F/c_k + ∇_y f(x, y) − (y − θ⁺)/γ₁,  d_z = (z − λ⁺)/γ₂,
 *    x⁺ = Π_X(x − αd_x), y⁺ = Π_Y(y − αd_y), z⁺ = max(0, z − βd_z).
 *
 * The constraint g(x, y) ≤ 0 of the upper-level pair is kept by `projectXY` when given, and
 * otherwise by an augmented-Lagrangian multiplier μ ≥ 0: the (x, y) step adds
 * ∂g(x, y)ᵀ max(0, μ + βg(x, y)) to (d_x, d_y), and afterwards μ⁺ = max(0, μ + βg(x⁺, y⁺))
 * (a plain dual ascent step would make the step a rotation, like gradient play on a bilinear
 * game). No Hessian is used, and the lower level needs to be convex but
 * not strongly convex. Because the penalty F/c_k vanishes only as c_k grows, the iterates
 * approach the bilevel solution at the pace of 1/c_k; for a problem whose solution must be
 * reached to 1e-3, raise `penaltyScale` (the defaults are the paper's, tuned to its
 * experiments). The residual is (‖Δ(x, y)‖/α + ‖Δ(θ, λ)‖/η + ‖Δz‖/β)/max(1, ‖(x, y)‖).
 *
 * @param problem - `{ dimX, dimY, F, f, g?, projectX?, projectY?, projectXY? }`
 * @param options - step sizes, proximal parameters, penalty schedule, starts, `maxIter` (5000), `tol` (1e-8), `recordEvery`, `signal`, `onProgress`, `strict`
 * @throws {InvalidArgumentError} when a callback is missing or an option is out of range
 * @throws {ShapeError} when a gradient, constraint value or Jacobian has the wrong size
 * @throws {NonFiniteError} when a callback returns NaN or ±Infinity at the start
 * @throws {ConvergenceError} with `strict: true` when the residual stays above tol
 * @example
 * // lower level: y = argmin ½(θ − x)²; upper level: min ½(x − 1)² + ½(y − 1)² → x = y = 1
 * const r = lvHba({
 *   dimX: 1,
 *   dimY: 1,
 *   F: { value: (x, y) => 0.5 * (x[0] - 1) ** 2 + 0.5 * (y[0] - 1) ** 2, gradX: (x) => new Float64Array([x[0] - 1]), gradY: (x, y) => new Float64Array([y[0] - 1]) },
 *   f: { value: (x, y) => 0.5 * (y[0] - x[0]) ** 2, gradX: (x, y) => new Float64Array([x[0] - y[0]]), gradY: (x, y) => new Float64Array([y[0] - x[0]]) },
 * }, { alpha: 0.1, eta: 0.2, beta: 0.1, penaltyScale: 10, maxIter: 4000 });
 * r.x[0] // => ~1.00
 * r.y[0] // => ~1.00
 */
export function lvHba(problem: BilevelProblem, options: LvHbaOptions = {}): LvHbaResult {
  const fn = 'lvHba';
  if (!problem || typeof problem !== 'object')
    throw new InvalidArgumentError(`${fn}(): problem must be an object`);
  const nx = checkInteger(fn, 'problem.dimX', problem.dimX, 1);
  const ny = checkInteger(fn, 'problem.dimY', problem.dimY, 1);
  checkBilevelFunction(fn, 'F', problem.F);
  checkBilevelFunction(fn, 'f', problem.f);
  const G = problem.g;
  const m = G === undefined ? 0 : checkInteger(fn, 'problem.g.count', G.count, 1);
  if (G) {
    checkFunction(fn, 'problem.g.value', G.value);
    checkFunction(fn, 'problem.g.jacobianX', G.jacobianX);
    checkFunction(fn, 'problem.g.jacobianY', G.jacobianY);
  }
  for (const name of ['projectX', 'projectY', 'projectXY'] as const)
    if (problem[name] !== undefined) checkFunction(fn, `problem.${name}`, problem[name]);
  const o = checkOptions(fn, 'options', options);
  const alpha = checkPositive(fn, 'alpha', o.alpha ?? 0.008);
  const beta = checkPositive(fn, 'beta', o.beta ?? 0.02);
  const eta = checkPositive(fn, 'eta', o.eta ?? 0.01);
  const gamma1 = checkPositive(fn, 'gamma1', o.gamma1 ?? 10);
  const gamma2 = checkPositive(fn, 'gamma2', o.gamma2 ?? 10);
  const cScale = checkPositive(fn, 'penaltyScale', o.penaltyScale ?? 0.025);
  const cPower = checkPositive(fn, 'penaltyPower', o.penaltyPower ?? 0.3, true);
  const maxIter = checkInteger(fn, 'maxIter', o.maxIter ?? 5000, 0);
  const tol = checkPositive(fn, 'tol', o.tol ?? 1e-8, true);
  const recordEvery = checkInteger(fn, 'recordEvery', o.recordEvery ?? 1, 0);
  const x =
    o.x0 === undefined ? new Float64Array(nx) : Float64Array.from(checkVector(fn, 'x0', o.x0, nx));
  const y =
    o.y0 === undefined ? new Float64Array(ny) : Float64Array.from(checkVector(fn, 'y0', o.y0, ny));
  applyProjection(problem.projectX, x);
  applyProjection(problem.projectY, y);
  problem.projectXY?.(x, y);
  const theta =
    o.theta0 === undefined
      ? Float64Array.from(y)
      : Float64Array.from(checkVector(fn, 'theta0', o.theta0, ny));
  applyProjection(problem.projectY, theta);
  const lambda = new Float64Array(m);
  const z = new Float64Array(m);
  const mu = new Float64Array(m);
  const useMultiplier = m > 0 && problem.projectXY === undefined;

  // One checked evaluation of every callback at the start; the loop trusts them afterwards.
  const expect = (what: string, v: unknown, len: number) => {
    if (!(v instanceof Float64Array) || v.length !== len)
      throw new ShapeError(`${fn}(): ${what} must return a Float64Array of length ${len}`);
    checkCallbackOutput(fn, what, v, v.length);
  };
  for (const [name, h] of [
    ['F', problem.F],
    ['f', problem.f],
  ] as const) {
    const v = h.value(x, y);
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new InvalidArgumentError(
        `${fn}(): problem.${name}.value must return a finite number (got ${String(v)})`,
      );
    expect(`problem.${name}.gradX`, h.gradX(x, y), nx);
    expect(`problem.${name}.gradY`, h.gradY(x, y), ny);
  }
  if (G) {
    expect('problem.g.value', G.value(x, y), m);
    checkMatrix(fn, 'problem.g.jacobianX()', G.jacobianX(x, y), m, nx);
    checkMatrix(fn, 'problem.g.jacobianY()', G.jacobianY(x, y), m, ny);
  }

  const history: LvHbaHistory = { iteration: [], residual: [], upper: [], gap: [], violation: [] };
  const dx = new Float64Array(nx);
  const dy = new Float64Array(ny);
  const gTheta = new Float64Array(ny);
  const xn = new Float64Array(nx);
  const yn = new Float64Array(ny);
  const thetaPrev = new Float64Array(ny);
  let residual = Number.POSITIVE_INFINITY;
  let iterations = 0;
  let diverged = false;
  let converged = false;
  const sq = (v: Float64Array) => {
    let s = 0;
    for (const t of v) s += t * t;
    return s;
  };
  for (let k = 0; k < maxIter; k++) {
    throwIfAborted(fn, o.signal);
    const ck = cScale * (k + 1) ** cPower;
    // 1. the inner (θ, λ) step at (x, y, z)
    gTheta.set(problem.f.gradY(x, theta));
    for (let j = 0; j < ny; j++) gTheta[j] += (theta[j] - y[j]) / gamma1;
    let gLam: Float64Array | undefined;
    if (G) {
      addJtv(G.jacobianY(x, theta), lambda, gTheta, 1);
      gLam = G.value(x, theta);
    }
    thetaPrev.set(theta);
    for (let j = 0; j < ny; j++) theta[j] -= eta * gTheta[j];
    applyProjection(problem.projectY, theta);
    let dInner = 0;
    for (let j = 0; j < ny; j++) dInner += (theta[j] - thetaPrev[j]) ** 2;
    if (gLam)
      for (let i = 0; i < m; i++) {
        const nl = Math.max(0, lambda[i] + eta * (gLam[i] - (lambda[i] - z[i]) / gamma2));
        dInner += (nl - lambda[i]) ** 2;
        lambda[i] = nl;
      }
    // 2. the (x, y, z) step on ψ_k = F/c_k + f − v_γ
    const Fx = problem.F.gradX(x, y);
    const Fy = problem.F.gradY(x, y);
    const fx = problem.f.gradX(x, y);
    const fy = problem.f.gradY(x, y);
    const fxTheta = problem.f.gradX(x, theta);
    for (let j = 0; j < nx; j++) dx[j] = Fx[j] / ck + fx[j] - fxTheta[j];
    for (let j = 0; j < ny; j++) dy[j] = Fy[j] / ck + fy[j] - (y[j] - theta[j]) / gamma1;
    let gxy: Float64Array | undefined;
    if (G) {
      addJtv(G.jacobianX(x, theta), lambda, dx, -1);
      if (useMultiplier) {
        // augmented-Lagrangian multiplier estimate max(0, μ + βg(x, y))
        const gv = G.value(x, y);
        gxy = Float64Array.from(gv, (v, i) => Math.max(0, mu[i] + beta * v));
        addJtv(G.jacobianX(x, y), gxy, dx, 1);
        addJtv(G.jacobianY(x, y), gxy, dy, 1);
      }
    }
    for (let j = 0; j < nx; j++) xn[j] = x[j] - alpha * dx[j];
    for (let j = 0; j < ny; j++) yn[j] = y[j] - alpha * dy[j];
    applyProjection(problem.projectX, xn);
    applyProjection(problem.projectY, yn);
    problem.projectXY?.(xn, yn);
    let dz = 0;
    for (let i = 0; i < m; i++) {
      const nz = Math.max(0, z[i] - (beta * (z[i] - lambda[i])) / gamma2);
      dz += (nz - z[i]) ** 2;
      z[i] = nz;
    }
    if (gxy && allFinite(xn) && allFinite(yn)) {
      // the multiplier step at the new point (first-order method of multipliers)
      const gn = G!.value(xn, yn);
      for (let i = 0; i < m; i++) mu[i] = Math.max(0, mu[i] + beta * gn[i]);
    }
    let dOuter = 0;
    for (let j = 0; j < nx; j++) dOuter += (xn[j] - x[j]) ** 2;
    for (let j = 0; j < ny; j++) dOuter += (yn[j] - y[j]) ** 2;
    if (!allFinite(xn) || !allFinite(yn) || !allFinite(theta) || !allFinite(lambda)) {
      diverged = true;
      iterations = k;
      residual = Number.POSITIVE_INFINITY;
      break;
    }
    x.set(xn);
    y.set(yn);
    iterations = k + 1;
    const scale = Math.max(1, Math.sqrt(sq(x) + sq(y)));
    residual = (Math.sqrt(dOuter) / alpha + Math.sqrt(dInner) / eta + Math.sqrt(dz) / beta) / scale;
    if (recordEvery > 0 && (k % recordEvery === 0 || residual <= tol || k === maxIter - 1)) {
      let lower = problem.f.value(x, theta);
      let prox = 0;
      for (let j = 0; j < ny; j++) prox += (theta[j] - y[j]) ** 2;
      lower += prox / (2 * gamma1);
      let violation = 0;
      if (G) {
        const gt = G.value(x, theta);
        const gv = G.value(x, y);
        for (let i = 0; i < m; i++) {
          lower += lambda[i] * gt[i] - (lambda[i] - z[i]) ** 2 / (2 * gamma2);
          violation = Math.max(violation, gv[i]);
        }
      }
      history.iteration.push(k + 1);
      history.residual.push(residual);
      history.upper.push(problem.F.value(x, y));
      history.gap.push(problem.f.value(x, y) - lower);
      history.violation.push(violation);
    }
    o.onProgress?.({ iteration: k + 1, residual, x, y });
    if (residual <= tol) {
      converged = true;
      break;
    }
  }
  if (!converged && o.strict)
    throw new ConvergenceError(
      `${fn}(): ${diverged ? 'diverged' : 'did not converge'} after ${iterations} iterations (residual ${residual.toExponential(2)}, tol ${tol})`,
      { iterations, residual },
    );
  return {
    x: Float64Array.from(x),
    y: Float64Array.from(y),
    z: Float64Array.from(z),
    theta: Float64Array.from(theta),
    lambda: Float64Array.from(lambda),
    iterations,
    converged,
    residual,
    diverged,
    history,
  };
}
