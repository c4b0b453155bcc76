// Minibatch training loop for first-order optimizers (Bottou, Curtis & Nocedal 2018, §3).
import {
  assertFiniteArray,
  checkInteger,
  checkOptions,
  checkPositive,
  checkSeed,
  InvalidArgumentError,
  type IterativeResult,
  type Matrix,
  NonFiniteError,
  type ProgressInfo,
  rng,
  ShapeError,
  throwIfAborted,
} from '@rg/linalg';
import { adam, type Optimizer } from '@rg/optim';
import type { Mlp } from './mlp.js';
import { type LossName, mlpObjectiveAs } from './mlp-objective.js';
import type { Objective } from './objective.js';

/** An objective that can be restricted to a minibatch (an mlpObjective or modelObjective). */
interface Minibatched extends Objective {
  readonly samples: number;
  subset(rows: ArrayLike<number>): Objective;
  readonly net?: { readonly params: Float64Array };
  readonly model?: { readonly params: Float64Array };
}

/** A network with its data, as accepted by {@link train}. */
export interface TrainData {
  net: Mlp;
  X: Matrix;
  Y: Matrix;
  loss?: LossName;
}

/** Options of {@link train}. */
export interface TrainOptions {
  /**
   * an optimizer of @rg/optim (default `adam({ lr: 1e-2 })`); train steps the flat parameter
   * vector with `stepInPlace`, so any object with `name`, `steps` and `stepInPlace` works
   */
  optimizer?: Pick<Optimizer, 'name' | 'steps' | 'stepInPlace'>;
  /** passes over the data (default 100) */
  epochs?: number;
  /** samples per step; default all (full batch). Needs a target with `subset` (mlpObjective, modelObjective) */
  batchSize?: number;
  /** seed of the minibatch shuffling (default 0) */
  seed?: number;
  /** starting parameters (default: the net's or model's own, copied; required for a bare Objective) */
  x0?: Float64Array;
  /**
   * write the trained parameters into the network or model at the end (default: true for
   * `{ net, X, Y }`, false for an objective). `false` for `{ net, X, Y }` keeps the behaviour
   * before 0.x (the net untouched, the parameters only in the result); `true` for an
   * {@link MlpObjective} or {@link ModelObjective} trains its model. Not written when training
   * throws (abort, divergence).
   */
  updateModel?: boolean;
  /** stop early once the full-data gradient norm is ≤ tol (checked each epoch when tol > 0) */
  tol?: number;
  signal?: AbortSignal;
  onProgress?: (info: ProgressInfo & { epoch: number; loss: number }) => void;
}

/** Result of {@link train}. */
export interface TrainResult extends IterativeResult {
  /**
   * trained parameters (a new array). With `updateModel` (the default for `{ net, X, Y }`)
   * the network's own `params` hold the same values after train returns.
   */
  params: Float64Array;
  /** full-data loss at the start and after each epoch (length epochs + 1) */
  lossHistory: number[];
  /** optimizer steps taken */
  steps: number;
}

function isObjective(t: Objective | TrainData): t is Objective {
  return typeof (t as Objective).grad === 'function';
}

/**
 * Train with a first-order optimizer: shuffled minibatches each epoch, the full-data loss
 * recorded after each epoch. `iterations` counts epochs; `residual` is the final full-data
 * gradient norm; `converged` is true when it fell to `tol` (tol > 0).
 *
 * `train({ net, X, Y })` trains `net`: its `params` are updated to the trained values (until
 * 0.x they were left untouched; pass `updateModel: false` for that). `train(objective)`
 * optimizes the objective's parameter vector and returns it in `params`, leaving the
 * objective's model as it was unless `updateModel: true` (so one objective can start several
 * runs from the same point). Either way the result carries the loss history (`lossHistory`)
 * and a copy of the trained parameters (`params`).
 *
 * @param target - an {@link Objective} (full batch, needs `x0`), an {@link MlpObjective} or {@link ModelObjective}, or `{ net, X, Y, loss }`
 * @param options - optimizer, epochs, batchSize, seed, x0, tol, signal, onProgress
 * @throws {InvalidArgumentError} on a bad epochs/batchSize, or minibatches without `subset`
 * @throws {NonFiniteError} when the loss becomes NaN or infinite (learning rate too large?)
 * @throws {AbortError} when `signal` aborts
 * @example
 * import { fromRows } from '@rg/linalg';
 * import { sgd } from '@rg/optim';
 * const net = mlp({ sizes: [1, 1], activation: 'identity' });
 * const data = { net, X: fromRows([[0], [1], [2]]), Y: fromRows([[1], [3], [5]]) };
 * const r = train(data, { optimizer: sgd({ lr: 0.2, momentum: 0.5 }), epochs: 200 });
 * r.params // => ~[2, 1]
 * net.params // => ~[2, 1]
 */
export function train(target: Objective | TrainData, optionsIn: TrainOptions = {}): TrainResult {
  const fn = 'train';
  const options = checkOptions(fn, 'options', optionsIn);
  if (target === null || typeof target !== 'object')
    throw new InvalidArgumentError(
      `${fn}(): target must be an Objective or { net, X, Y } (got ${target === null ? 'null' : typeof target})`,
    );
  const objective: Objective = isObjective(target)
    ? target
    : mlpObjectiveAs(fn, 'target.', target.net, target.X, target.Y, {
        loss: target.loss ?? 'mse',
      });
  if (
    typeof objective.value !== 'function' ||
    !Number.isInteger(objective.dim) ||
    objective.dim < 1
  )
    throw new InvalidArgumentError(
      `${fn}(): target must have a positive integer dim, value(x) and grad(x, out?)`,
    );
  const dim = objective.dim;
  const epochs = options.epochs ?? 100;
  checkInteger(fn, 'epochs', epochs, 0);
  const optimizer = options.optimizer ?? adam({ lr: 1e-2 });
  if (optimizer === null || typeof optimizer.stepInPlace !== 'function')
    throw new InvalidArgumentError(`${fn}(): optimizer must be an optimizer of @rg/optim`);
  const tol = checkPositive(fn, 'tol', options.tol ?? 0, true);
  if (options.seed !== undefined) checkSeed(fn, 'seed', options.seed);
  const mlpObj =
    typeof (objective as Minibatched).subset === 'function' ? (objective as Minibatched) : null;
  const n = mlpObj ? mlpObj.samples : 1;
  const batchSize = options.batchSize ?? n;
  checkInteger(fn, 'batchSize', batchSize, 1);
  if (!mlpObj && options.batchSize !== undefined)
    throw new InvalidArgumentError(
      `${fn}(): batchSize needs an objective with subset() (mlpObjective, modelObjective); a plain Objective trains full batch`,
    );

  const own = mlpObj ? (mlpObj.net?.params ?? mlpObj.model?.params) : undefined;
  const updateModel = options.updateModel ?? !isObjective(target);
  if (typeof updateModel !== 'boolean')
    throw new InvalidArgumentError(
      `${fn}(): updateModel must be true or false (got ${String(updateModel)})`,
    );
  if (updateModel && !own)
    throw new InvalidArgumentError(
      `${fn}(): updateModel needs a network or model to update ({ net, X, Y }, mlpObjective, modelObjective); a plain Objective has none`,
    );
  let x0 = options.x0;
  if (!x0) {
    if (!mlpObj) throw new InvalidArgumentError(`${fn}(): x0 is required for a plain Objective`);
    if (!own) throw new InvalidArgumentError(`${fn}(): x0 is required for this objective`);
    x0 = own;
  }
  if (!(x0 instanceof Float64Array) || x0.length !== dim)
    throw new ShapeError(`${fn}(): x0 must be a Float64Array of length ${dim}`);
  assertFiniteArray(fn, 'x0', x0);
  const params = Float64Array.from(x0);

  const fullLoss = (epoch: number): number => {
    const v = objective.value(params);
    if (!Number.isFinite(v))
      throw new NonFiniteError(
        `${fn}(): the loss became ${v} at epoch ${epoch} (learning rate too large for ${optimizer.name}?)`,
      );
    return v;
  };
  const gradNorm = (): number => {
    const g = objective.grad(params);
    let s = 0;
    for (let i = 0; i < dim; i++) s += g[i] * g[i];
    return Math.sqrt(s);
  };

  const r = rng(options.seed ?? 0);
  const order = Array.from({ length: n }, (_, i) => i);
  const grad = new Float64Array(dim);
  const lossHistory = [fullLoss(0)];
  const stepsBefore = optimizer.steps;
  let residual = Number.NaN;
  let converged = false;
  let epoch = 0;
  while (epoch < epochs) {
    throwIfAborted(fn, options.signal);
    if (mlpObj && batchSize < n) {
      const perm = r.shuffle(order);
      for (let start = 0; start < n; start += batchSize) {
        throwIfAborted(fn, options.signal);
        const g = mlpObj.subset(perm.slice(start, start + batchSize)).grad(params, grad);
        if (g !== grad) grad.set(g);
        optimizer.stepInPlace(params, grad);
      }
    } else {
      // an objective may ignore `out` and return a fresh array
      const g = objective.grad(params, grad);
      if (g !== grad) grad.set(g);
      optimizer.stepInPlace(params, grad);
    }
    epoch++;
    const loss = fullLoss(epoch);
    lossHistory.push(loss);
    if (tol > 0) {
      residual = gradNorm();
      converged = residual <= tol;
    }
    options.onProgress?.({ iteration: epoch, epoch, loss, residual: tol > 0 ? residual : loss });
    if (converged) break;
  }
  if (tol <= 0) residual = gradNorm();
  if (updateModel && own) own.set(params);
  return {
    params,
    lossHistory,
    steps: optimizer.steps - stepsBefore,
    iterations: epoch,
    converged,
    residual,
  };
}
