// Exact gradients by backprop and Hessian-vector products by Pearlmutter's R-operator
// (Pearlmutter 1994, "Fast exact multiplication by the Hessian"); Gauss–Newton products
// as in Schraudolph 2002, "Fast curvature matrix-vector products". Built on the layers of
// the net's `model` through the model objective.
import {
  assertFinite,
  checkOptions,
  InvalidArgumentError,
  type Matrix,
  ShapeError,
} from '@rg/linalg';
import { LayerBase } from './internal/layer-base.js';
import { LOSSES, type LossName } from './internal/loss-kernels.js';
import type { Mlp } from './mlp.js';
import { buildModelObjective } from './model-objective.js';
import type { Objective } from './objective.js';

export type { LossName } from './internal/loss-kernels.js';

/** Options of {@link mlpObjective}. */
export interface MlpObjectiveOptions {
  /** 'mse' (½‖f − y‖²), 'softmaxCrossEntropy' (on logits) or 'logistic' (on logits); default 'mse' */
  loss?: LossName;
}

/** The mean loss of an {@link Mlp} on fixed data, as a function of the flat parameters. */
export interface MlpObjective extends Objective {
  readonly net: Mlp;
  readonly X: Matrix;
  readonly Y: Matrix;
  readonly loss: LossName;
  /** number of samples n */
  readonly samples: number;
  /** exact ∇²f(x) v by the R-operator (forward-over-reverse), not finite differences */
  hvp(x: Float64Array, v: Float64Array, out?: Float64Array): Float64Array;
  /** generalized Gauss–Newton (1/n) Σ J_iᵀ ∇²ℓ_i J_i v (PSD for the convex losses here) */
  gaussNewtonVectorProduct(x: Float64Array, v: Float64Array, out?: Float64Array): Float64Array;
  /** empirical Fisher (1/n) Σ g_i g_iᵀ v with g_i the per-sample gradients (PSD) */
  fisherVectorProduct(x: Float64Array, v: Float64Array, out?: Float64Array): Float64Array;
  /** n × dim matrix whose row i is ∇ℓ(f(x_i), y_i); the row mean is `grad(x)` */
  perSampleGradients(x: Float64Array): Matrix;
  /** the same objective on a subset of the samples (rows of X and Y) */
  subset(rows: ArrayLike<number>): MlpObjective;
}

/**
 * The mean loss `f(θ) = (1/n) Σ_i ℓ(net(x_i; θ), y_i)` of a network on data X (n × inputs),
 * Y (n × outputs), with exact gradient (backprop), exact Hessian-vector product
 * (Pearlmutter's R-operator: one forward-mode pass over the backward pass), generalized
 * Gauss–Newton and empirical Fisher products and per-sample gradients. All products cost a
 * few batched matrix products per layer; nothing is differenced numerically. It is
 * {@link modelObjective} on `net.model`.
 *
 * @param net - the network (its structure; parameters are the argument x of each method)
 * @param X - inputs, n × sizes[0]
 * @param Y - targets, n × sizes[last]: real values (mse), one-hot or probabilities (softmaxCrossEntropy), 0/1 (logistic)
 * @param options - `{ loss }`, default 'mse'
 * @returns an {@link Objective} over the flat parameters of `net`
 * @throws {ShapeError} when X or Y does not fit the network
 * @throws {NonFiniteError} when X or Y holds NaN or ±Infinity
 * @example
 * import { fromRows } from '@rg/linalg';
 * const net = mlp({ sizes: [1, 1], activation: 'identity' });
 * const f = mlpObjective(net, fromRows([[1], [2]]), fromRows([[0], [0]]));
 * f.value(Float64Array.from([1, 0])) // => 1.25
 * f.grad(Float64Array.from([1, 0])) // => [2.5, 1.5]
 * f.hvp(Float64Array.from([1, 0]), Float64Array.from([1, 0])) // => [2.5, 1.5]
 */
export function mlpObjective(
  net: Mlp,
  X: Matrix,
  Y: Matrix,
  options: MlpObjectiveOptions = {},
): MlpObjective {
  return mlpObjectiveAs('mlpObjective', '', net, X, Y, options);
}

/**
 * {@link mlpObjective} with its errors naming `fn`, the function the user called, and the
 * arguments prefixed by `where` (`'target.'` for `train({ net, X, Y })`).
 *
 * @internal
 */
export function mlpObjectiveAs(
  fn: string,
  where: string,
  net: Mlp,
  X: Matrix,
  Y: Matrix,
  optionsIn: MlpObjectiveOptions,
): MlpObjective {
  const options = checkOptions(fn, 'options', optionsIn);
  if (
    net === null ||
    typeof net !== 'object' ||
    !Array.isArray(net.sizes) ||
    net.sizes.length < 2 ||
    !(net.model instanceof LayerBase)
  )
    throw new InvalidArgumentError(`${fn}(): ${where}net must be a network made by mlp()`);
  assertFinite(fn, `${where}X`, X);
  assertFinite(fn, `${where}Y`, Y);
  const sizes = net.sizes;
  const kOut = sizes[sizes.length - 1];
  if (X.cols !== sizes[0])
    throw new ShapeError(`${fn}(): ${where}X must have ${sizes[0]} columns (has ${X.cols})`);
  if (Y.rows !== X.rows || Y.cols !== kOut)
    throw new ShapeError(
      `${fn}(): ${where}Y must be ${X.rows}×${kOut} to match ${where}X and the output width (is ${Y.rows}×${Y.cols})`,
    );
  if (X.rows === 0) throw new ShapeError(`${fn}(): ${where}X must have at least one row`);
  const lossName = options.loss ?? 'mse';
  if (!(lossName in LOSSES))
    throw new InvalidArgumentError(
      `${fn}(): loss must be one of ${Object.keys(LOSSES).join(', ')} (got '${lossName}')`,
    );
  const n = X.rows;
  const f = buildModelObjective(fn, net.model, { x: X, y: Y }, lossName, {});

  const subset = (rows: ArrayLike<number>): MlpObjective => {
    const m = rows.length;
    const xs = new Float64Array(m * X.cols);
    const ys = new Float64Array(m * kOut);
    for (let i = 0; i < m; i++) {
      const r = rows[i];
      if (!Number.isInteger(r) || r < 0 || r >= n)
        throw new InvalidArgumentError(
          `${fn}().subset(): rows[${i}] = ${r} is not a row index below ${n}`,
        );
      xs.set(X.data.subarray(r * X.cols, (r + 1) * X.cols), i * X.cols);
      ys.set(Y.data.subarray(r * kOut, (r + 1) * kOut), i * kOut);
    }
    return mlpObjectiveAs(
      fn,
      where,
      net,
      { rows: m, cols: X.cols, data: xs },
      { rows: m, cols: kOut, data: ys },
      options,
    );
  };

  return {
    net,
    X,
    Y,
    loss: lossName,
    samples: n,
    dim: f.dim,
    value: f.value,
    grad: f.grad,
    hvp: f.hvp,
    gaussNewtonVectorProduct: f.gaussNewtonVectorProduct,
    fisherVectorProduct: f.fisherVectorProduct,
    perSampleGradients: f.perSampleGradients,
    subset,
  };
}
