// (Normalized) gradient descent on the attention weights of the one-layer softmax model
// f(X) = vᵀXᵀ softmax(XWz), whose direction converges to the attention SVM (Tarzanagh, Li,
// Thrampoulidis & Oymak 2023, "Transformers as support vector machines").
import {
  checkOptions,
  checkInteger,
  checkPositive,
  InvalidArgumentError,
  type Matrix,
  type ProgressInfo,
  ShapeError,
  throwIfAborted,
} from '@rg/linalg';
import { sigmoid, softmaxRow, softplus } from '@rg/linalg/kernels';
import type { AttentionProblem } from './attention-problem.js';
import { checkAttentionProblem, optimalIndices } from './internal/attention-check.js';

/** Options of {@link trainAttention}. */
export interface TrainAttentionOptions {
  /** step size (default 0.1): the Frobenius length of each step when normalized */
  lr?: number;
  /** number of steps (default 1000) */
  iterations?: number;
  /** normalized gradient descent W ← W − lr·∇/‖∇‖_F (default true); false: W ← W − lr·∇ */
  normalized?: boolean;
  /** the decreasing loss ℓ of the margin y·f(X): 'logistic' log(1 + e^{−u}) (default) or 'exponential' e^{−u} */
  loss?: 'logistic' | 'exponential';
  /** the initial W, d×d (default zero) */
  init?: Matrix;
  /** a reference direction (e.g. attentionSVM's W) for the recorded correlation */
  reference?: Matrix;
  /** record the history every this many steps (default 1) */
  recordEvery?: number;
  signal?: AbortSignal;
  /** called at each recorded step with { iteration, residual: ‖∇‖_F, loss } */
  onProgress?: (info: ProgressInfo) => void;
}

/** Result of {@link trainAttention}. */
export interface TrainAttentionResult {
  /** the final attention weights, d×d */
  W: Matrix;
  history: {
    iteration: number[];
    /** the empirical risk (1/n)Σ ℓ(y_i f(X_i)) */
    loss: number[];
    /** ‖W‖_F */
    norm: number[];
    /** ⟨W, reference⟩/(‖W‖_F‖reference‖_F) (when a reference is given) */
    correlation?: number[];
  };
  /** per sample, the softmax weight of its optimal token at the final W */
  selection: Float64Array;
  /** the optimal token of each sample (argmax_t y_i vᵀx_it) */
  optimal: number[];
  iterations: number;
}

/**
 * The risk at W, and its exact gradient as e^{logScale}·grad (grad written into `grad`): the
 * scale keeps the direction representable when the softmax weights of the non-selected tokens
 * underflow, which is where the direction converges. Per sample, with r the token of largest
 * score, f = γ_r + D where D = Σ_u s_u(γ_u − γ_r) carries no cancellation, and
 * X_iᵀ(s ⊙ (γ − f)) = Σ_{t≠r} s_t(γ_t − f)(x_t − x_r) because Σ_t s_t(γ_t − f) = 0.
 */
function riskAndGradient(
  p: AttentionProblem,
  n: number,
  d: number,
  w: Float64Array,
  exponential: boolean,
  grad: Float64Array,
  selectionOf?: { optimal: number[]; out: Float64Array },
): { risk: number; logScale: number } {
  let risk = 0;
  const u = new Float64Array(d);
  const logS: Float64Array[] = [];
  const gammas: Float64Array[] = [];
  const top = new Int32Array(n);
  const coef = new Float64Array(n); // ℓ'(y f)·y/n
  const offsets = new Float64Array(n); // D_i
  let logScale = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = p.X[i];
    const T = x.rows;
    const zi = p.z[i];
    for (let a = 0; a < d; a++) {
      let s = 0;
      for (let b = 0; b < d; b++) s += w[a * d + b] * zi[b];
      u[a] = s;
    }
    const h = new Float64Array(T);
    const gamma = new Float64Array(T);
    let r = 0;
    for (let t = 0; t < T; t++) {
      let ht = 0;
      let g = 0;
      for (let a = 0; a < d; a++) {
        ht += x.data[t * d + a] * u[a];
        g += x.data[t * d + a] * p.v[a];
      }
      h[t] = ht;
      gamma[t] = g;
      if (ht > h[r]) r = t;
    }
    // log s_t = h_t − lse(h)
    const sm = h.slice();
    const lse = softmaxRow(sm, 0, T, sm, 0);
    for (let t = 0; t < T; t++) h[t] -= lse;
    if (selectionOf) selectionOf.out[i] = sm[selectionOf.optimal[i]];
    let dsum = 0;
    for (let t = 0; t < T; t++) if (t !== r) dsum += sm[t] * (gamma[t] - gamma[r]);
    const margin = p.y[i] * (gamma[r] + dsum);
    const l = exponential ? Math.exp(-margin) : softplus(-margin);
    const dl = exponential ? -l : -sigmoid(-margin);
    risk += l;
    logS.push(h);
    gammas.push(gamma);
    top[i] = r;
    coef[i] = (dl * p.y[i]) / n;
    offsets[i] = dsum;
    if (coef[i] !== 0)
      for (let t = 0; t < T; t++)
        if (t !== r) logScale = Math.max(logScale, h[t] + Math.log(Math.abs(coef[i])));
  }
  grad.fill(0);
  if (logScale === Number.NEGATIVE_INFINITY) return { risk: risk / n, logScale: 0 };
  const q = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    if (coef[i] === 0) continue;
    const x = p.X[i].data;
    const T = p.X[i].rows;
    const r = top[i];
    const h = logS[i];
    const gamma = gammas[i];
    const ci = Math.log(Math.abs(coef[i]));
    const sign = Math.sign(coef[i]);
    q.fill(0);
    for (let t = 0; t < T; t++) {
      if (t === r) continue;
      // e^{−logScale}·coef·s_t·(γ_t − f), with γ_t − f = (γ_t − γ_r) − D
      const c = sign * Math.exp(h[t] + ci - logScale) * (gamma[t] - gamma[r] - offsets[i]);
      if (c === 0) continue;
      for (let a = 0; a < d; a++) q[a] += c * (x[t * d + a] - x[r * d + a]);
    }
    const zi = p.z[i];
    for (let a = 0; a < d; a++) {
      const qa = q[a];
      if (qa === 0) continue;
      for (let b = 0; b < d; b++) grad[a * d + b] += qa * zi[b];
    }
  }
  return { risk: risk / n, logScale };
}

/**
 * Trains the attention weights W (d×d, the product of key and query matrices) of the one-layer
 * model f(X) = vᵀXᵀ softmax(XWz) with v fixed, by (normalized) gradient descent on the
 * empirical risk (1/n)Σ ℓ(y_i f(X_i)) with a decreasing loss ℓ. The gradient is exact:
 * ∇_W = (1/n)Σ ℓ'(y_i f_i) y_i · X_iᵀ(s_i ⊙ (γ_i − f_i)) z_iᵀ with s_i = softmax(X_iWz_i) and
 * γ_i = X_iv. Tarzanagh et al. (2023) show that ‖W‖ grows without bound and its direction
 * converges to the attention SVM solution W_mm ({@link attentionSVM}), so the softmax ends up
 * selecting each sample's optimal token; with `reference` the history records the correlation
 * ⟨W, W_mm⟩/(‖W‖‖W_mm‖).
 *
 * @param problem - an attention problem
 * @param options - lr, iterations, normalized, loss, init, reference, recordEvery, signal,
 *   onProgress
 * @returns { W, history, selection, optimal, iterations }
 * @throws {ShapeError} on a malformed problem, init or reference; {InvalidArgumentError} on a
 *   bad option; {AbortError} when aborted
 * @example
 * import { fromRows } from '@rg/linalg';
 * const p = { X: [fromRows([[1, 0], [0, 1]])], z: [Float64Array.of(1, 0)], y: Float64Array.of(1), v: Float64Array.of(0, 1) };
 * const svm = attentionSVM(p);
 * const run = trainAttention(p, { lr: 0.5, iterations: 200, reference: svm.W });
 * run.history.correlation?.at(-1) // => ~1
 * run.selection[0] > 0.99 // => true
 */
export function trainAttention(
  problem: AttentionProblem,
  options: TrainAttentionOptions = {},
): TrainAttentionResult {
  const fn = 'trainAttention';
  const { n, d } = checkAttentionProblem(fn, problem);
  checkOptions(fn, 'options', options);
  const lr = options.lr ?? 0.1;
  checkPositive(fn, 'lr', lr);
  const iterations = options.iterations ?? 1000;
  checkInteger(fn, 'iterations', iterations, 0);
  const normalized = options.normalized ?? true;
  if (typeof normalized !== 'boolean')
    throw new InvalidArgumentError(`${fn}(): normalized must be a boolean`);
  const lossName = options.loss ?? 'logistic';
  if (lossName !== 'logistic' && lossName !== 'exponential')
    throw new InvalidArgumentError(
      `${fn}(): loss must be 'logistic' or 'exponential' (got ${String(lossName)})`,
    );
  const every = options.recordEvery ?? 1;
  checkInteger(fn, 'recordEvery', every, 1);
  const square = (m: Matrix | undefined, what: string): Float64Array | undefined => {
    if (m === undefined) return undefined;
    if (
      !m ||
      m.rows !== d ||
      m.cols !== d ||
      !(m.data instanceof Float64Array) ||
      m.data.length !== d * d
    )
      throw new ShapeError(`${fn}(): ${what} must be a ${d}×${d} Matrix`);
    for (let k = 0; k < m.data.length; k++)
      if (!Number.isFinite(m.data[k]))
        throw new InvalidArgumentError(`${fn}(): ${what} has a non-finite entry at index ${k}`);
    return m.data;
  };
  const init = square(options.init, 'init');
  const ref = square(options.reference, 'reference');
  let refNorm = 0;
  if (ref) {
    for (let k = 0; k < ref.length; k++) refNorm += ref[k] * ref[k];
    refNorm = Math.sqrt(refNorm);
    if (refNorm === 0) throw new InvalidArgumentError(`${fn}(): reference must not be zero`);
  }
  const { signal, onProgress } = options;
  throwIfAborted(fn, signal);
  const exponential = lossName === 'exponential';
  const w = init ? init.slice() : new Float64Array(d * d);
  const grad = new Float64Array(d * d);
  const history: TrainAttentionResult['history'] = {
    iteration: [],
    loss: [],
    norm: [],
    ...(ref ? { correlation: [] } : {}),
  };
  const record = (t: number, risk: number, gnorm: number): void => {
    let ww = 0;
    let wr = 0;
    for (let k = 0; k < w.length; k++) {
      ww += w[k] * w[k];
      if (ref) wr += w[k] * ref[k];
    }
    history.iteration.push(t);
    history.loss.push(risk);
    history.norm.push(Math.sqrt(ww));
    if (ref) history.correlation?.push(ww === 0 ? 0 : wr / (Math.sqrt(ww) * refNorm));
    onProgress?.({ iteration: t, residual: gnorm, loss: risk });
  };
  let t = 0;
  for (;;) {
    const { risk, logScale } = riskAndGradient(problem, n, d, w, exponential, grad);
    let gg = 0;
    for (let k = 0; k < grad.length; k++) gg += grad[k] * grad[k];
    const scaledNorm = Math.sqrt(gg);
    if (t % every === 0 || t === iterations) record(t, risk, Math.exp(logScale) * scaledNorm);
    if (t === iterations || scaledNorm === 0) break;
    if (t % 64 === 0) throwIfAborted(fn, signal);
    // normalized steps need only the direction, which the scaled gradient keeps
    const step = normalized ? lr / scaledNorm : lr * Math.exp(logScale);
    for (let k = 0; k < w.length; k++) w[k] -= step * grad[k];
    t++;
  }
  const optimal = optimalIndices(problem, n, d);
  const selection = new Float64Array(n);
  riskAndGradient(problem, n, d, w, exponential, grad, { optimal, out: selection });
  return { W: { rows: d, cols: d, data: w }, history, selection, optimal, iterations: t };
}
