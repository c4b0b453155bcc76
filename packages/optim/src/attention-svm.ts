// The attention SVM (Att-SVM) of Tarzanagh, Li, Thrampoulidis & Oymak 2023, "Transformers as
// support vector machines", solved as the nearest point of a convex hull (the max-margin / nearest
// point duality of Bennett & Bredensteiner 2000) by Wolfe's algorithm (Wolfe 1976, "Finding the
// nearest point in a polytope").
import {
  checkInRange,
  checkOptions,
  checkInteger,
  InvalidArgumentError,
  type Matrix,
  SingularMatrixError,
  throwIfAborted,
} from '@rg/linalg';
import { choleskyLower, solveTriangularInPlace } from '@rg/linalg/kernels';
import type { AttentionProblem } from './attention-problem.js';
import { checkAttentionProblem, optimalIndices } from './internal/attention-check.js';

/** Options of {@link attentionSVM}. */
export interface AttentionSVMOptions {
  /** the token to select in each sample (default: {@link optimalTokens}) */
  optimal?: readonly number[];
  /**
   * Wolfe's stopping tolerance, relative to max_j ‖a_j‖² (default 1e-12): the margins then hold
   * to about tol·max‖a_j‖²/‖p‖² (see the result's `kkt`)
   */
  tol?: number;
  /** maximum number of corral changes (default 10 × the number of constraints) */
  maxIter?: number;
  signal?: AbortSignal;
}

/**
 * The KKT residuals of a solution, recomputed from W and the multipliers: all three are 0 at the
 * exact optimum (stationarity, W = Σ_j λ_j a_j, holds by construction).
 */
export interface AttentionSVMKkt {
  /** primal feasibility: max_j max(0, 1 − ⟨W, a_j⟩) */
  primal: number;
  /** dual feasibility: max_j max(0, −λ_j) */
  dual: number;
  /** complementary slackness: max_j |λ_j (⟨W, a_j⟩ − 1)| */
  complementarity: number;
}

/** Result of {@link attentionSVM}. */
export interface AttentionSVMResult {
  /** the max-margin W_mm, d×d */
  W: Matrix;
  /** the selected token per sample */
  optimal: number[];
  /** the constraints in order: sample i, non-optimal token t (a_j = (x_opt − x_t) z_iᵀ) */
  constraints: { sample: number; token: number }[];
  /** ⟨W, a_j⟩ per constraint (≥ 1; = 1 on the support) */
  margins: Float64Array;
  /** the Lagrange multipliers λ_j ≥ 0 (> 0 on the support vectors) */
  multipliers: Float64Array;
  /** number of constraints with λ_j > 0 */
  support: number;
  kkt: AttentionSVMKkt;
  iterations: number;
  converged: boolean;
  /** the largest KKT residual */
  residual: number;
}

/**
 * The attention SVM: the max-margin key-query matrix that separates each sample's optimal token
 * from its other tokens,
 *   W_mm = argmin ‖W‖_F  subject to  (x_it − x_i,opt)ᵀ W z_i ≤ −1 for every sample i and every
 *   token t ≠ opt_i,
 * the direction in which gradient descent on the attention weights of
 * f(X) = vᵀXᵀ softmax(XWz) converges (Tarzanagh et al. 2023; see {@link trainAttention}).
 *
 * Method: each constraint reads ⟨W, a_j⟩ ≥ 1 with a_j = (x_opt − x_t) z_iᵀ, a hard-margin SVM
 * through the origin, whose solution is W = p/‖p‖² for the point p of the convex hull of the
 * a_j nearest to the origin (and which is infeasible exactly when p = 0). p is found by
 * Wolfe's algorithm, an active-set method that terminates in finitely many steps: add the
 * a_j most beyond the hyperplane ⟨x, p⟩ = ‖p‖², move to the nearest point of the affine hull
 * of the active set ("corral", by a Cholesky solve with the Gram matrix
 * Q_jl = ⟨a_j, a_l⟩ = (δ_jᵀδ_l)(z_jᵀz_l) lifted by a constant so that it is positive definite
 * on affinely independent sets), and step back when a weight would turn negative. The
 * multipliers of the QP are λ_j = w_j/‖p‖², so W = Σ λ_j a_j. The result carries its KKT
 * residuals.
 *
 * @param problem - an attention problem
 * @param options - optimal, tol, maxIter, signal
 * @returns { W, optimal, constraints, margins, multipliers, support, kkt, iterations,
 *   converged, residual }
 * @throws {ShapeError} on a malformed problem; {InvalidArgumentError} on a bad option, or when
 *   no W satisfies the constraints (a void constraint: a token equal to the optimal one or a
 *   zero query; or more generally 0 in the convex hull of the a_j, common when the number of
 *   constraints n(T − 1) exceeds d²); {SingularMatrixError} when the corral turns affinely
 *   dependent in rounding (a degenerate problem)
 * @example
 * import { fromRows } from '@rg/linalg';
 * // one sample, tokens e1 and e2, query e1: W must score e2 above e1 by 1 along z
 * const p = { X: [fromRows([[1, 0], [0, 1]])], z: [Float64Array.of(1, 0)], y: Float64Array.of(1), v: Float64Array.of(0, 1) };
 * const svm = attentionSVM(p);
 * svm.optimal // => [1]
 * svm.W // => ~[[-0.5, 0], [0.5, 0]]
 */
export function attentionSVM(
  problem: AttentionProblem,
  options: AttentionSVMOptions = {},
): AttentionSVMResult {
  const fn = 'attentionSVM';
  const { n, d } = checkAttentionProblem(fn, problem);
  checkOptions(fn, 'options', options);
  const optimal = options.optimal ? Array.from(options.optimal) : optimalIndices(problem, n, d);
  if (optimal.length !== n)
    throw new InvalidArgumentError(`${fn}(): optimal must have one token index per sample (${n})`);
  optimal.forEach((t, i) => {
    if (!Number.isInteger(t) || t < 0 || t >= problem.X[i].rows)
      throw new InvalidArgumentError(`${fn}(): optimal[${i}] must be a token index of sample ${i}`);
  });
  const tol = options.tol ?? 1e-12;
  checkInRange(fn, 'tol', tol, 0, Number.POSITIVE_INFINITY, true);
  // the differences δ_j = x_opt − x_t and the query of each constraint
  const constraints: { sample: number; token: number }[] = [];
  const deltas: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const x = problem.X[i].data;
    const o = optimal[i];
    let zz = 0;
    for (let j = 0; j < d; j++) zz += problem.z[i][j] ** 2;
    for (let t = 0; t < problem.X[i].rows; t++) {
      if (t === o) continue;
      const delta = new Float64Array(d);
      let dd = 0;
      for (let j = 0; j < d; j++) {
        delta[j] = x[o * d + j] - x[t * d + j];
        dd += delta[j] ** 2;
      }
      if (dd === 0 || zz === 0)
        throw new InvalidArgumentError(
          `${fn}(): the constraint of sample ${i}, token ${t} is void (${zz === 0 ? 'z is zero' : 'the token equals the optimal one'}); no W separates them`,
        );
      constraints.push({ sample: i, token: t });
      deltas.push(delta);
    }
  }
  const m = constraints.length;
  const maxIter = options.maxIter ?? 10 * m;
  checkInteger(fn, 'maxIter', maxIter, 1);
  throwIfAborted(fn, options.signal);

  // Q_jl = (δ_j·δ_l)(z_j·z_l)
  const zdot = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += problem.z[i][j] * problem.z[k][j];
      zdot[i * n + k] = s;
    }
  const q = new Float64Array(m * m);
  for (let a = 0; a < m; a++)
    for (let b = a; b < m; b++) {
      let s = 0;
      const da = deltas[a];
      const db = deltas[b];
      for (let j = 0; j < d; j++) s += da[j] * db[j];
      s *= zdot[constraints[a].sample * n + constraints[b].sample];
      q[a * m + b] = s;
      q[b * m + a] = s;
    }

  // Wolfe's nearest-point algorithm on conv{a_j}, in Gram form: the current point is
  // p = Σ_{j∈S} w_j a_j with weights w ≥ 0 summing to 1 on an affinely independent corral S.
  let maxDiag = 0;
  for (let j = 0; j < m; j++) maxDiag = Math.max(maxDiag, q[j * m + j]);
  const weights = new Float64Array(m);
  const inS = new Uint8Array(m);
  const qp = new Float64Array(m); // ⟨a_j, p⟩
  const updateQp = (): number => {
    for (let j = 0; j < m; j++) {
      let v = 0;
      for (let l = 0; l < m; l++) if (weights[l] !== 0) v += q[j * m + l] * weights[l];
      qp[j] = v;
    }
    let pp = 0;
    for (let l = 0; l < m; l++) if (weights[l] !== 0) pp += weights[l] * qp[l];
    return pp;
  };
  /** the affine minimizer of ‖Σ α_j a_j‖ over S (Σα = 1), through the Cholesky factor of the
   * lifted Gram matrix Q_SS + c²11ᵀ (positive definite exactly when S is affinely independent) */
  const affineMinimizer = (alpha: Float64Array): void => {
    const idx: number[] = [];
    for (let j = 0; j < m; j++) if (inS[j]) idx.push(j);
    const k = idx.length;
    const a = new Float64Array(k * k);
    for (let u = 0; u < k; u++)
      for (let v = 0; v < k; v++) a[u * k + v] = q[idx[u] * m + idx[v]] + maxDiag;
    const l = new Float64Array(k * k);
    const info = choleskyLower(k, a, l);
    if (info >= 0)
      throw new SingularMatrixError(
        `${fn}(): the corral of Wolfe's algorithm became affinely dependent (pivot ${info} of ${k}); the problem is degenerate`,
        info,
      );
    const rhs = new Float64Array(k).fill(1);
    solveTriangularInPlace(k, 1, l, rhs, { lower: true });
    solveTriangularInPlace(k, 1, l, rhs, { lower: true, transpose: true });
    let sum = 0;
    for (let u = 0; u < k; u++) sum += rhs[u];
    alpha.fill(0);
    for (let u = 0; u < k; u++) alpha[idx[u]] = rhs[u] / sum;
  };

  let first = 0;
  for (let j = 1; j < m; j++) if (q[j * m + j] < q[first * m + first]) first = j;
  weights[first] = 1;
  inS[first] = 1;
  let pp = updateQp();
  let iterations = 0;
  let converged = false;
  const alpha = new Float64Array(m);
  while (iterations < maxIter) {
    throwIfAborted(fn, options.signal);
    let j = 0;
    for (let l = 1; l < m; l++) if (qp[l] < qp[j]) j = l;
    // p is the nearest point when no a_j lies beyond the hyperplane ⟨x, p⟩ = ‖p‖²
    if (pp - qp[j] <= tol * maxDiag || inS[j]) {
      converged = true;
      break;
    }
    inS[j] = 1;
    iterations++;
    for (;;) {
      affineMinimizer(alpha);
      let theta = 1;
      let blocked = false;
      for (let l = 0; l < m; l++)
        if (inS[l] && alpha[l] <= 0) {
          const r = weights[l] / (weights[l] - alpha[l]);
          if (r < theta) theta = r;
          blocked = true;
        }
      if (!blocked) {
        weights.set(alpha);
        break;
      }
      let largest = 0;
      for (let l = 0; l < m; l++) {
        if (!inS[l]) continue;
        weights[l] = (1 - theta) * weights[l] + theta * alpha[l];
        largest = Math.max(largest, weights[l]);
      }
      // the blocking weights reach 0 up to rounding: they leave the corral
      for (let l = 0; l < m; l++)
        if (inS[l] && weights[l] <= 4 * Number.EPSILON * largest) {
          weights[l] = 0;
          inS[l] = 0;
        }
      iterations++;
      if (iterations >= maxIter) break;
    }
    pp = updateQp();
  }
  if (!(pp > tol * maxDiag))
    throw new InvalidArgumentError(
      `${fn}(): no W satisfies the constraints: 0 lies in the convex hull of the a_j (the tokens cannot be separated; ‖p‖² = ${pp.toExponential(2)})`,
    );
  // W_mm = p/‖p‖² and λ_j = w_j/‖p‖² (the nearest point of conv{a_j} is the max-margin normal)
  const lambda = new Float64Array(m);
  for (let j = 0; j < m; j++) lambda[j] = weights[j] / pp;
  const w = new Float64Array(d * d);
  let support = 0;
  for (let c = 0; c < m; c++) {
    const lc = lambda[c];
    if (lc === 0) continue;
    support++;
    const zi = problem.z[constraints[c].sample];
    const delta = deltas[c];
    for (let a = 0; a < d; a++) {
      const da = lc * delta[a];
      for (let b = 0; b < d; b++) w[a * d + b] += da * zi[b];
    }
  }
  // KKT residuals, recomputed from W (not from the dual's bookkeeping)
  const margins = new Float64Array(m);
  let primal = 0;
  let dual = 0;
  let complementarity = 0;
  for (let c = 0; c < m; c++) {
    const zi = problem.z[constraints[c].sample];
    const delta = deltas[c];
    let v = 0;
    for (let a = 0; a < d; a++) {
      let row = 0;
      for (let b = 0; b < d; b++) row += w[a * d + b] * zi[b];
      v += delta[a] * row;
    }
    margins[c] = v;
    primal = Math.max(primal, 1 - v);
    dual = Math.max(dual, -lambda[c]);
    complementarity = Math.max(complementarity, Math.abs(lambda[c] * (v - 1)));
  }
  const kkt = { primal, dual, complementarity };
  const residual = Math.max(primal, dual, complementarity);
  return {
    W: { rows: d, cols: d, data: w },
    optimal,
    constraints,
    margins,
    multipliers: lambda,
    support,
    kkt,
    iterations,
    converged,
    residual,
  };
}
