// Entropic Wasserstein barycenter on a fixed support by iterative Bregman projections
// (Benamou, Carlier, Cuturi, Nenna & Peyré 2015, SIAM J. Sci. Comput. 37(2)).
import {
  checkInteger,
  checkPositive,
  ConvergenceError,
  InvalidArgumentError,
  type IterativeOptions,
  type IterativeResult,
  NonFiniteError,
  ShapeError,
  throwIfAborted,
} from '@rg/linalg';
import { type CostInput, checkWeights, toMatrix, total, type Weights } from './problem.js';
import { isCheckIteration } from './sinkhorn-kernels.js';

/** Options of {@link sinkhornBarycenter}. */
export interface SinkhornBarycenterOptions extends IterativeOptions {
  /** entropic regularization > 0 */
  reg: number;
  /** barycentric weights of the histograms (default uniform; normalized to sum 1) */
  weights?: Weights;
}

/** Result of {@link sinkhornBarycenter}. */
export interface SinkhornBarycenterResult extends IterativeResult {
  /** the barycenter histogram on the rows of `cost` (sums to 1) */
  barycenter: Float64Array;
  /** max over histograms of ‖u_k ⊙ K v_k − barycenter‖₁ at the last check */
  residual: number;
}

/**
 * Fixed-support Wasserstein barycenter argmin_p Σ_k w_k OT_reg(p, h_k) by iterative
 * Bregman projections: alternately fit each plan's histogram marginal and set the
 * barycenter to the weighted geometric mean of the plans' other marginals. Same
 * fixed point as POT's `ot.bregman.barycenter` (method 'sinkhorn'); defaults
 * maxIter 1000, tol 1e−9, residual checked every 10 iterations.
 *
 * @param histograms - k histograms on the columns of `cost` (each m, ≥ 0, any positive mass; normalized)
 * @param costInput - n×m ground cost (a Matrix or nested rows) between the barycenter's support (rows) and the histograms' (columns)
 * @param options - `{ reg, weights, maxIter = 1000, tol = 1e-9, signal, onProgress, strict }`
 * @returns `{ barycenter, iterations, converged, residual }`
 * @throws {ShapeError} on an empty list, histograms that do not match cost.cols, or `weights`
 *   whose length is not the number of histograms
 * @throws {InvalidArgumentError} on negative weights or reg ≤ 0
 * @throws {NonFiniteError} when exp(−cost/reg) underflows to 0 (raise reg)
 * @example
 * import { fromRows } from '@rg/linalg';
 * const C = fromRows([[0, 1, 4], [1, 0, 1], [4, 1, 0]]);
 * const r = sinkhornBarycenter([[1, 0, 0], [0, 0, 1]], C, { reg: 0.05 });
 * r.converged // => true
 * r.barycenter[1] > 0.99 // => true
 */
export function sinkhornBarycenter(
  histograms: readonly Weights[],
  costInput: CostInput,
  options: SinkhornBarycenterOptions,
): SinkhornBarycenterResult {
  const fn = 'sinkhornBarycenter';
  if (!options || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options { reg } are required`);
  if (!Array.isArray(histograms) || histograms.length === 0)
    throw new ShapeError(`${fn}(): histograms must be a non-empty array`);
  const cost = toMatrix(fn, 'cost', costInput);
  const reg = checkPositive(fn, 'reg', options.reg);
  const maxIter = checkInteger(fn, 'maxIter', options.maxIter ?? 1000, 0);
  const tol = checkPositive(fn, 'tol', options.tol ?? 1e-9, true);
  const n = cost.rows;
  const m = cost.cols;
  const k = histograms.length;
  const H = histograms.map((h, idx) => {
    const w = checkWeights(fn, `histograms[${idx}]`, h);
    if (w.length !== m)
      throw new ShapeError(
        `${fn}(): histograms[${idx}] has ${w.length} bins but cost has ${m} columns`,
      );
    const s = total(w);
    for (let j = 0; j < m; j++) w[j] /= s;
    return w;
  });
  const lw = options.weights
    ? checkWeights(fn, 'weights', options.weights)
    : new Float64Array(k).fill(1);
  if (lw.length !== k)
    throw new ShapeError(`${fn}(): weights has ${lw.length} entries for ${k} histograms`);
  const sw = total(lw);
  for (let t = 0; t < k; t++) lw[t] /= sw;
  const K = new Float64Array(n * m);
  for (let q = 0; q < K.length; q++) {
    K[q] = Math.exp(-cost.data[q] / reg);
    if (K[q] === 0)
      throw new NonFiniteError(
        `${fn}(): exp(−cost/reg) underflows to 0 at entry (${Math.floor(q / m)}, ${q % m}) (cost/reg = ${(cost.data[q] / reg).toPrecision(4)}); raise reg`,
        q,
      );
  }
  const U = H.map(() => new Float64Array(n).fill(1));
  const V = H.map(() => new Float64Array(m));
  const KV = H.map(() => new Float64Array(n));
  const ktu = new Float64Array(m);
  const logP = new Float64Array(n);
  const bary = new Float64Array(n).fill(1 / n);
  let it = 0;
  let residual = Number.POSITIVE_INFINITY;
  let converged = false;
  while (it < maxIter) {
    logP.fill(0);
    for (let t = 0; t < k; t++) {
      const u = U[t];
      const v = V[t];
      const h = H[t];
      const kv = KV[t];
      // v_t = h_t / Kᵀu_t, then K v_t: two row-major passes.
      ktu.fill(0);
      for (let i = 0; i < n; i++) {
        const ui = u[i];
        const o = i * m;
        for (let j = 0; j < m; j++) ktu[j] += K[o + j] * ui;
      }
      for (let j = 0; j < m; j++) v[j] = h[j] / ktu[j];
      for (let i = 0; i < n; i++) {
        const o = i * m;
        let s = 0;
        for (let j = 0; j < m; j++) s += K[o + j] * v[j];
        kv[i] = s;
        logP[i] += lw[t] * Math.log(u[i] * s);
      }
    }
    for (let i = 0; i < n; i++) bary[i] = Math.exp(logP[i]);
    it++;
    const check = isCheckIteration(it, 10, maxIter);
    if (check) {
      residual = 0;
      for (let t = 0; t < k; t++) {
        let e = 0;
        for (let i = 0; i < n; i++) e += Math.abs(U[t][i] * KV[t][i] - bary[i]);
        residual = Math.max(residual, e);
      }
    }
    // u_t = p / K v_t: each plan's barycenter marginal becomes the geometric mean.
    for (let t = 0; t < k; t++) for (let i = 0; i < n; i++) U[t][i] = bary[i] / KV[t][i];
    if (check) {
      if (!Number.isFinite(residual))
        throw new NonFiniteError(`${fn}(): scalings overflowed at iteration ${it}; raise reg`);
      options.onProgress?.({ iteration: it, residual });
      throwIfAborted(fn, options.signal);
      if (residual < tol) {
        converged = true;
        break;
      }
    }
  }
  if (!converged && options.strict)
    throw new ConvergenceError(
      `${fn}(): residual ${residual.toExponential(2)} > tol ${tol} after ${it} iterations`,
      { iterations: it, residual },
    );
  const s = total(bary);
  for (let i = 0; i < n; i++) bary[i] /= s;
  return { barycenter: bary, iterations: it, converged, residual };
}
