// The mean loss of a layer model on fixed data as a function of its flat parameters: exact
// gradient (backprop), Hessian-vector products by Pearlmutter's R-operator (Pearlmutter 1994),
// Gauss–Newton and Fisher products (Schraudolph 2002), per-sample gradients.
import {
  assertFinite,
  assertFiniteArray,
  checkOptions,
  InvalidArgumentError,
  type Matrix,
  type Objective,
  ShapeError,
} from '@rg/linalg';
import {
  type ForwardToken,
  isCurrent,
  LayerBase,
  markForward,
  PerSampleSink,
  type RunContext,
  runContext,
  SumSink,
} from './internal/layer-base.js';
import type { LossName } from './internal/loss-kernels.js';
import { type PreparedLoss, prepareLoss, type Targets } from './internal/targets.js';
import type { Layer } from './layer.js';

/** Inputs and targets of a {@link modelObjective}. */
export interface ModelData {
  /** inputs: one row per sample, (batch·tokens) rows of a sequence batch, or token ids */
  x: Matrix;
  /**
   * targets, one per output row: a Matrix like the output (real values for 'mse', one-hot or
   * probabilities for 'softmaxCrossEntropy', 0/1 for 'logistic'), or class indices
   * (softmaxCrossEntropy only; entries equal to `ignoreIndex` are padding)
   */
  y: Targets;
  /** output rows per sample (default 1); passed to the layers as ForwardOptions.tokens */
  tokens?: number;
  /** padding tokens attention does not attend to, one entry per sequence row */
  keyPaddingMask?: ArrayLike<boolean | number>;
}

/** Options of {@link modelObjective}. */
export interface ModelObjectiveOptions {
  /** a class index in `y` that marks a row to ignore (e.g. −100, as PyTorch) */
  ignoreIndex?: number;
}

/** The mean loss of a model on fixed data, as a function of the model's flat parameters. */
export interface ModelObjective extends Objective {
  readonly model: Layer;
  readonly data: ModelData;
  readonly loss: LossName;
  /** number of samples n (output rows / tokens) */
  readonly samples: number;
  /** output rows that count in the mean (all rows unless some targets are ignored) */
  readonly counted: number;
  /** exact ∇²f(x) v by the R-operator (forward-over-reverse) */
  hvp(x: Float64Array, v: Float64Array, out?: Float64Array): Float64Array;
  /** generalized Gauss–Newton Jᵀ (∇²ℓ/m) J v (PSD for the convex losses here) */
  gaussNewtonVectorProduct(x: Float64Array, v: Float64Array, out?: Float64Array): Float64Array;
  /** empirical Fisher (1/n) Σ_s g_s g_sᵀ v over the rows g_s of `perSampleGradients(x)` (PSD) */
  fisherVectorProduct(x: Float64Array, v: Float64Array, out?: Float64Array): Float64Array;
  /**
   * n × dim matrix whose row s is sample s's gradient, scaled so that the rows average to
   * `grad(x)`: with one row per sample and no ignored targets simply ∇ℓ(f(x_s), y_s); for
   * sequences, (n/m) Σ over the sample's counted rows
   */
  perSampleGradients(x: Float64Array): Matrix;
  /** the same objective on a subset of the samples */
  subset(samples: ArrayLike<number>): ModelObjective;
}

/** @internal the objective of {@link modelObjective}, with the calling function's name */
export function buildModelObjective(
  fn: string,
  model: Layer,
  data: ModelData,
  loss: LossName,
  optionsIn: ModelObjectiveOptions,
): ModelObjective {
  const options = checkOptions(fn, 'options', optionsIn);
  if (!(model instanceof LayerBase))
    throw new InvalidArgumentError(`${fn}(): model must be a layer made by @rg/nn`);
  if (data === null || typeof data !== 'object')
    throw new InvalidArgumentError(`${fn}(): data must be an object { x, y }`);
  const { x: X, y: Y } = data;
  assertFinite(fn, 'data.x', X);
  if (X.rows === 0) throw new ShapeError(`${fn}(): data.x must have at least one row`);
  const ctx: RunContext = runContext(
    fn,
    { tokens: data.tokens, keyPaddingMask: data.keyPaddingMask },
    'data',
  );
  const out = model.outShape({ rows: X.rows, cols: X.cols }, ctx, 'data.x');
  const T = ctx.tokens;
  if (out.rows % T !== 0)
    throw new ShapeError(
      `${fn}(): the model output has ${out.rows} rows, not a whole number of samples of data.tokens = ${T}`,
    );
  const n = out.rows / T;
  if (X.rows % n !== 0)
    throw new ShapeError(
      `${fn}(): data.x has ${X.rows} rows, which do not split into the ${n} samples of the output`,
    );
  const target: PreparedLoss = prepareLoss(
    fn,
    'data.y',
    loss,
    Y,
    out.rows,
    out.cols,
    options.ignoreIndex,
  );
  const { kernel, y, counted: m } = target;
  const rowsOut = out.rows;
  const k = out.cols;
  const dim = model.dim;

  const checkX = (method: string, name: string, x: Float64Array): void => {
    if (!(x instanceof Float64Array) || x.length !== dim)
      throw new ShapeError(
        `${fn}().${method}(): ${name} must be a Float64Array of length ${dim} (got ${x instanceof Float64Array ? `length ${x.length}` : Array.isArray(x) ? `a number[] of length ${(x as unknown[]).length}; use Float64Array.from(...)` : x === null ? 'null' : typeof x})`,
      );
    assertFiniteArray(`${fn}().${method}`, name, x);
  };
  const outVec = (method: string, o?: Float64Array): Float64Array => {
    if (o === undefined) return new Float64Array(dim);
    if (!(o instanceof Float64Array) || o.length !== dim)
      throw new ShapeError(`${fn}().${method}(): out must be a Float64Array of length ${dim}`);
    return o;
  };

  // Evaluate at x by writing it into the model's parameters for the duration of the call.
  const saved = new Float64Array(dim);
  const at = <T>(x: Float64Array, f: () => T): T => {
    const p = model.params;
    if (x.buffer === p.buffer && x.byteOffset === p.byteOffset) return f();
    saved.set(p);
    p.set(x);
    try {
      return f();
    } finally {
      p.set(saved);
    }
  };

  // Lanczos, power iteration and CG call products many times at one x: keep the forward pass
  // (the layers' cached state) and reuse it while x and the model's forward state are unchanged.
  let cachedX: Float64Array | null = null;
  let cachedOut: Matrix | null = null;
  let token: ForwardToken | null = null;
  const forwardAt = (x: Float64Array): Matrix => {
    if (cachedX !== null && cachedOut !== null && isCurrent(model, token)) {
      let same = true;
      for (let i = 0; i < dim && same; i++) same = cachedX[i] === x[i];
      if (same) return cachedOut;
    }
    cachedOut = null;
    token = markForward(model);
    cachedOut = model.fwd(X, ctx);
    if (cachedX === null) cachedX = new Float64Array(dim);
    cachedX.set(x);
    return cachedOut;
  };
  /** the R-pass overwrote the layers' directional state; the forward state is still good */
  const afterRPass = () => {
    token = markForward(model);
  };

  const sink = (o: Float64Array) => new SumSink({ data: o, base: model.offset });
  const scaled = (a: Float64Array, s: number): Matrix => {
    for (let i = 0; i < a.length; i++) a[i] *= s;
    return { rows: rowsOut, cols: k, data: a };
  };
  /** ∇ of the mean loss with respect to the output */
  const outputGrad = (F: Matrix): Matrix => {
    const g = new Float64Array(rowsOut * k);
    kernel.grad(F.data, y, rowsOut, k, g);
    return scaled(g, 1 / m);
  };
  const jvp = (v: Float64Array): Matrix => {
    const r = model.rfwd(null, { data: v, base: model.offset });
    afterRPass();
    return r ?? { rows: rowsOut, cols: k, data: new Float64Array(rowsOut * k) };
  };

  const value = (x: Float64Array): number => {
    checkX('value', 'x', x);
    return at(x, () => kernel.sum(forwardAt(x).data, y, rowsOut, k) / m);
  };

  const grad = (x: Float64Array, o?: Float64Array): Float64Array => {
    checkX('grad', 'x', x);
    const res = outVec('grad', o);
    return at(x, () => {
      const G = outputGrad(forwardAt(x));
      res.fill(0);
      model.bwd(G, sink(res), false);
      return res;
    });
  };

  const hvp = (x: Float64Array, v: Float64Array, o?: Float64Array): Float64Array => {
    checkX('hvp', 'x', x);
    checkX('hvp', 'v', v);
    const res = outVec('hvp', o);
    return at(x, () => {
      const F = forwardAt(x);
      const JV = jvp(v);
      const G = outputGrad(F);
      const rg = new Float64Array(rowsOut * k);
      kernel.hvp(F.data, y, JV.data, rowsOut, k, rg);
      res.fill(0);
      model.rbwd(G, scaled(rg, 1 / m), sink(res), false);
      afterRPass();
      return res;
    });
  };

  const gaussNewtonVectorProduct = (x: Float64Array, v: Float64Array, o?: Float64Array) => {
    const method = 'gaussNewtonVectorProduct';
    checkX(method, 'x', x);
    checkX(method, 'v', v);
    const res = outVec(method, o);
    return at(x, () => {
      const F = forwardAt(x);
      const JV = jvp(v);
      const u = new Float64Array(rowsOut * k);
      kernel.hvp(F.data, y, JV.data, rowsOut, k, u);
      res.fill(0);
      model.bwd(scaled(u, 1 / m), sink(res), false);
      return res;
    });
  };

  const fisherVectorProduct = (x: Float64Array, v: Float64Array, o?: Float64Array) => {
    const method = 'fisherVectorProduct';
    checkX(method, 'x', x);
    checkX(method, 'v', v);
    const res = outVec(method, o);
    return at(x, () => {
      const F = forwardAt(x);
      const JV = jvp(v).data;
      const g = new Float64Array(rowsOut * k);
      kernel.grad(F.data, y, rowsOut, k, g);
      // g_s = (n/m) Σ_{r∈s} J_rᵀ ∇ℓ_r, so g_sᵀv = (n/m) Σ_{r∈s} ∇ℓ_r·(Jv)_r and
      // (1/n) Σ_s g_s g_sᵀ v = Jᵀ u with u_r = ∇ℓ_r (g_{s(r)}ᵀ v)/m
      for (let s = 0; s < n; s++) {
        let a = 0;
        for (let i = s * T * k; i < (s + 1) * T * k; i++) a += g[i] * JV[i];
        a *= n / m / m;
        for (let i = s * T * k; i < (s + 1) * T * k; i++) g[i] *= a;
      }
      res.fill(0);
      model.bwd({ rows: rowsOut, cols: k, data: g }, sink(res), false);
      return res;
    });
  };

  const perSampleGradients = (x: Float64Array): Matrix => {
    checkX('perSampleGradients', 'x', x);
    return at(x, () => {
      const F = forwardAt(x);
      const g = new Float64Array(rowsOut * k);
      kernel.grad(F.data, y, rowsOut, k, g);
      const res = new Float64Array(n * dim);
      model.bwd(scaled(g, n / m), new PerSampleSink(res, dim, model.offset, T), false);
      return { rows: n, cols: dim, data: res };
    });
  };

  const subset = (samples: ArrayLike<number>): ModelObjective => {
    const count = samples.length;
    const xPer = X.rows / n;
    const xs = new Float64Array(count * xPer * X.cols);
    const isIndex = !('data' in (Y as object));
    const yPer = T * (isIndex ? 1 : k);
    const src = isIndex ? (Y as ArrayLike<number>) : (Y as Matrix).data;
    const ys = new Float64Array(count * yPer);
    const pad = data.keyPaddingMask === undefined ? null : new Uint8Array(count * T);
    for (let i = 0; i < count; i++) {
      const s = samples[i];
      if (!Number.isInteger(s) || s < 0 || s >= n)
        throw new InvalidArgumentError(
          `${fn}().subset(): samples[${i}] = ${s} is not a sample index below ${n}`,
        );
      xs.set(X.data.subarray(s * xPer * X.cols, (s + 1) * xPer * X.cols), i * xPer * X.cols);
      for (let j = 0; j < yPer; j++) ys[i * yPer + j] = src[s * yPer + j];
      if (pad !== null && ctx.padding !== null)
        pad.set(ctx.padding.subarray(s * T, (s + 1) * T), i * T);
    }
    const sub: ModelData = {
      x: { rows: count * xPer, cols: X.cols, data: xs },
      y: isIndex ? ys : { rows: count * T, cols: k, data: ys },
      tokens: data.tokens,
    };
    if (pad !== null) sub.keyPaddingMask = pad;
    return buildModelObjective(fn, model, sub, loss, options);
  };

  return {
    model,
    data,
    loss: target.name,
    samples: n,
    counted: m,
    dim,
    value,
    grad,
    hvp,
    gaussNewtonVectorProduct,
    fisherVectorProduct,
    perSampleGradients,
    subset,
  };
}

/**
 * The mean loss of a layer model on fixed data, `f(θ) = (1/m) Σ_r ℓ(model(x; θ)_r, y_r)` over
 * the m output rows that count (all, unless class-index targets equal `ignoreIndex`), as an
 * {@link Objective} of the flat parameters (the layout of `model.params`): exact gradient,
 * exact Hessian-vector product by the R-operator, Gauss–Newton and empirical Fisher products,
 * per-sample gradients and minibatch subsets, for @rg/hessian's tools, @rg/optim's flat
 * optimizers and {@link train}. Each method evaluates at its argument x: it writes x into the
 * model's parameters for the call and restores them after, so the model is left as it was.
 * Losses: 'mse' (½‖f − y‖²), 'softmaxCrossEntropy' (on logits), 'logistic' (on logits).
 *
 * @param model - any layer or {@link sequential} model
 * @param data - `{ x, y, tokens, keyPaddingMask }`
 * @param loss - 'mse' (default), 'softmaxCrossEntropy' or 'logistic'
 * @param options - `{ ignoreIndex }`
 * @throws {ShapeError} when x or y does not fit the model
 * @throws {NonFiniteError} when x or y holds NaN or ±Infinity
 * @throws {InvalidArgumentError} on an unknown loss or a bad class index
 * @example
 * import { fromRows } from '@rg/linalg';
 * const model = dense({ inputs: 1, outputs: 1 });
 * const f = modelObjective(model, { x: fromRows([[1], [2]]), y: fromRows([[0], [0]]) });
 * f.value(Float64Array.from([1, 0])) // => 1.25
 * f.grad(Float64Array.from([1, 0])) // => [2.5, 1.5]
 * f.hvp(Float64Array.from([1, 0]), Float64Array.from([1, 0])) // => [2.5, 1.5]
 */
export function modelObjective(
  model: Layer,
  data: ModelData,
  loss: LossName = 'mse',
  options: ModelObjectiveOptions = {},
): ModelObjective {
  return buildModelObjective('modelObjective', model, data, loss, options);
}
