// SPDNet: BiMap/ReEig/LogEig layers and a softmax head trained end to end by Riemannian
// minibatch optimization (Huang & Van Gool 2017, "A Riemannian network for SPD matrix learning").
import {
  InvalidArgumentError,
  type Matrix,
  NonFiniteError,
  type ProgressInfo,
  rng,
} from '@rg/linalg';
import type { Optimizer } from '@rg/optim';
import { assertSPD } from '../internal/validate.js';
import { BiMap } from './bimap.js';
import { LogEig } from './logeig.js';
import { optimParameters } from './optim-parameters.js';
import type { RiemannianOptimizer } from './optimizers.js';
import { ReEig } from './reeig.js';
import {
  argmaxRows,
  assertBatchArray,
  assertPositiveInteger,
  assertShape,
  assertSymmetricBatch,
  checkLabelArray,
  firstSize,
} from './shared.js';
import { SoftmaxHead } from './softmax-head.js';
import { RiemannianBatchNorm, type RiemannianBatchNormConfig } from './batch-norm.js';
import type { ForwardOptions, Parameter, SPDLayer } from './types.js';

/** Options of {@link SPDNet}. */
export interface SPDNetOptions {
  /** the layers in order; put a LogEig last so the head sees symmetric tangent matrices */
  layers: SPDLayer[];
  head: SoftmaxHead;
}

/**
 * An SPD neural network: a sequence of {@link SPDLayer}s (BiMap, ReEig, batch normalization,
 * LogEig, …) followed by a {@link SoftmaxHead}. `forward` returns the logits (batch × classes),
 * `predict` the class indices in evaluation mode, `lossAndBackward` the mean cross-entropy of
 * one batch after writing every parameter's gradient. See {@link createSPDNet} for the
 * standard architecture and {@link trainSPDNet} for training.
 *
 * @throws {InvalidArgumentError} when a layer does not implement SPDLayer or the head is missing
 * @example
 * import { fromRows } from '@rg/linalg';
 * const net = new SPDNet({
 *   layers: [new BiMap({ inputSize: 2, outputSize: 2, seed: 1 }), new ReEig(), new LogEig()],
 *   head: new SoftmaxHead({ inputSize: 2, classes: 2, seed: 1 }),
 * });
 * net.forward([fromRows([[2, 0], [0, 1]])]).cols // => 2
 * net.predict([fromRows([[2, 0], [0, 1]])]).length // => 1
 * net.parameters().length // => 3
 * net.lossAndBackward([fromRows([[2, 0], [0, 1]])], [1]) > 0 // => true
 */
export class SPDNet {
  readonly layers: readonly SPDLayer[];
  readonly head: SoftmaxHead;

  constructor(options: SPDNetOptions) {
    const fn = 'SPDNet';
    if (!options || typeof options !== 'object')
      throw new InvalidArgumentError(`${fn}(): options { layers, head } are required`);
    const { layers, head } = options;
    if (!Array.isArray(layers))
      throw new InvalidArgumentError(`${fn}(): layers must be an array of SPDLayers`);
    layers.forEach((l, i) => {
      if (
        !l ||
        typeof l.forward !== 'function' ||
        typeof l.backward !== 'function' ||
        typeof l.parameters !== 'function'
      )
        throw new InvalidArgumentError(
          `${fn}(): layers[${i}] must implement SPDLayer (forward, backward, parameters)`,
        );
    });
    if (!(head instanceof SoftmaxHead))
      throw new InvalidArgumentError(`${fn}(): head must be a SoftmaxHead`);
    this.layers = layers.slice();
    this.head = head;
  }

  /** number of classes of the head */
  get classes(): number {
    return this.head.classes;
  }

  /** Logits (batch × classes); `training` (default true) is passed to every layer. */
  forward(batch: readonly Matrix[], options: ForwardOptions = {}): Matrix {
    assertBatchArray('SPDNet.forward', 'batch', batch);
    let x: readonly Matrix[] = batch;
    const opts = { training: options.training ?? true };
    for (const layer of this.layers) x = layer.forward(x, opts);
    return this.head.forward(x).logits;
  }

  /** Predicted class index of each matrix (evaluation mode: `training: false`). */
  predict(batch: readonly Matrix[]): number[] {
    const logits = this.forward(batch, { training: false });
    return argmaxRows(logits.data, logits.cols);
  }

  /** Every trainable parameter: the layers' in order, then the head's weight and bias. */
  parameters(): Parameter[] {
    return [...this.layers.flatMap((l) => l.parameters()), ...this.head.parameters()];
  }

  /**
   * Forward (training mode), mean cross-entropy against `labels` (class indices), and backward
   * through the head and every layer: each parameter's `grad` is overwritten. Returns the loss.
   */
  lossAndBackward(batch: readonly Matrix[], labels: ArrayLike<number>): number {
    const fn = 'SPDNet.lossAndBackward';
    assertBatchArray(fn, 'batch', batch);
    checkLabelArray(fn, 'labels', labels, batch.length, this.head.classes);
    this.forward(batch, { training: true });
    const loss = this.head.loss(labels);
    let g = this.head.backward(labels).input;
    for (let i = this.layers.length - 1; i >= 0; i--) g = this.layers[i].backward(g).input;
    return loss;
  }
}

/** Options of {@link createSPDNet}. */
export interface CreateSPDNetOptions {
  /** matrix sizes from the input down, e.g. [16, 8, 4]: one BiMap + ReEig per step */
  sizes: number[];
  /** number of classes (≥ 2) */
  classes: number;
  /** seed of the initial weights (default 0) */
  seed?: number;
  /** ReEig threshold (default 1e-4) */
  epsilon?: number;
  /**
   * insert a {@link RiemannianBatchNorm} after every BiMap with these options (its size `n` is
   * filled in), e.g. `{ metric: 'generalized-bures-wasserstein', theta: 0.5 }`
   */
  batchNorm?: Omit<RiemannianBatchNormConfig, 'n'>;
}

/**
 * The standard SPDNet of Huang & Van Gool (2017): for consecutive sizes n → m a BiMap(n, m)
 * followed by a ReEig, then LogEig and a softmax head on the last size. With `batchNorm`, a
 * Riemannian batch normalization follows every BiMap (Brooks et al. 2019's SPDNetBN layout).
 *
 * @throws {InvalidArgumentError} on fewer than 2 sizes, a size that grows, or a bad class count
 * @example
 * const net = createSPDNet({ sizes: [4, 3, 2], classes: 3 });
 * net.layers.map((l) => l.name) // => ['bimap1', 'reeig1', 'bimap2', 'reeig2', 'logeig']
 * net.head.features // => 3
 * @example
 * const bn = createSPDNet({ sizes: [4, 2], classes: 2, batchNorm: { metric: 'log-euclidean' } });
 * bn.layers.map((l) => l.name) // => ['bimap1', 'RiemannianBatchNorm(log-euclidean)', 'reeig1', 'logeig']
 */
export function createSPDNet(options: CreateSPDNetOptions): SPDNet {
  const fn = 'createSPDNet';
  if (!options || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options { sizes, classes } are required`);
  const { sizes, classes } = options;
  if (!Array.isArray(sizes) || sizes.length < 2)
    throw new InvalidArgumentError(
      `${fn}(): sizes must list at least 2 sizes, input first (got ${String(sizes)})`,
    );
  sizes.forEach((s, i) => {
    assertPositiveInteger(fn, `sizes[${i}]`, s);
  });
  const seed = options.seed ?? 0;
  const layers: SPDLayer[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    if (sizes[i + 1] > sizes[i])
      throw new InvalidArgumentError(
        `${fn}(): sizes must not increase (sizes[${i + 1}] = ${sizes[i + 1]} > sizes[${i}] = ${sizes[i]})`,
      );
    layers.push(
      new BiMap({
        inputSize: sizes[i],
        outputSize: sizes[i + 1],
        seed: seed + i,
        name: `bimap${i + 1}`,
      }),
    );
    if (options.batchNorm !== undefined)
      layers.push(
        new RiemannianBatchNorm({
          ...options.batchNorm,
          n: sizes[i + 1],
        } as RiemannianBatchNormConfig),
      );
    layers.push(new ReEig({ epsilon: options.epsilon, name: `reeig${i + 1}` }));
  }
  layers.push(new LogEig());
  const head = new SoftmaxHead({
    inputSize: sizes[sizes.length - 1],
    classes,
    seed: seed + sizes.length,
  });
  return new SPDNet({ layers, head });
}

/** Progress report of {@link trainSPDNet}, after each epoch. */
export interface TrainSPDNetProgress extends ProgressInfo {
  epoch: number;
  /** mean training loss over the epoch's batches */
  loss: number;
  /** training accuracy over the epoch's batches (predictions made during training) */
  accuracy: number;
  validationAccuracy?: number;
}

/** One row of {@link TrainSPDNetResult.history}. */
export interface TrainSPDNetEpoch {
  epoch: number;
  loss: number;
  accuracy: number;
  validationAccuracy?: number;
}

/** Options of {@link trainSPDNet}. */
export interface TrainSPDNetOptions {
  /** SPD training matrices, all of the network's input size */
  inputs: readonly Matrix[];
  /** class index (0 … classes−1) of each input */
  labels: ArrayLike<number>;
  /** passes over the data (non-negative integer) */
  epochs: number;
  /** matrices per optimizer step (default 32) */
  batchSize?: number;
  /**
   * an @rg/optim optimizer (`sgd`, `adam`, `adamw`, …), or a deprecated {@link riemannianSGD} /
   * {@link riemannianAdam}; it steps the network's parameters as {@link optimParameters} views
   */
  optimizer: Optimizer | RiemannianOptimizer;
  /** seed of the per-epoch shuffling (default 0) */
  seed?: number;
  /** reshuffle the training set every epoch (default true) */
  shuffle?: boolean;
  /** held-out set: its accuracy (evaluation mode) is reported after each epoch */
  validation?: { inputs: readonly Matrix[]; labels: ArrayLike<number> };
  /** checked before every batch: training stops and returns `aborted: true` */
  signal?: AbortSignal;
  onProgress?: (info: TrainSPDNetProgress) => void;
}

/** Result of {@link trainSPDNet}. */
export interface TrainSPDNetResult {
  /** one entry per completed epoch */
  history: TrainSPDNetEpoch[];
  /** epochs completed */
  epochs: number;
  /** true when `signal` stopped training early (the epoch in progress is not in history) */
  aborted: boolean;
}

function accuracyOf(predicted: readonly number[], labels: ArrayLike<number>): number {
  let ok = 0;
  for (let i = 0; i < predicted.length; i++) if (predicted[i] === labels[i]) ok++;
  return ok / predicted.length;
}

function checkInputs(fn: string, name: string, inputs: readonly Matrix[]): number {
  assertBatchArray(fn, name, inputs);
  const n = firstSize(inputs);
  assertShape(fn, `${name}[0]`, inputs[0], n, n);
  assertSymmetricBatch(fn, name, inputs, n);
  // symmetric is not enough: BiMap/ReEig/LogEig take logs of the spectrum
  for (let i = 0; i < inputs.length; i++) assertSPD(fn, `${name}[${i}]`, inputs[i]);
  return n;
}

/**
 * Train an {@link SPDNet} by minibatch Riemannian optimization of the mean cross-entropy: each
 * epoch shuffles the training set (seeded), and for every batch runs `lossAndBackward` and one
 * `optimizer.step` over all parameters (as {@link optimParameters} views, so @rg/optim's `sgd` and
 * `adam` work directly: Stiefel weights by QR retraction, SPD parameters by the affine-invariant
 * exponential). The network is trained in place. History records, per
 * epoch, the mean batch loss, the training accuracy of the predictions made during the epoch,
 * and the validation accuracy (evaluation mode) when `validation` is given. An aborted `signal`
 * is checked before each batch; training then stops and the result says `aborted: true`
 * (unlike the solvers of this package, which throw AbortError: a partly trained network is a
 * usable result).
 *
 * @throws {InvalidArgumentError | ShapeError | NotSymmetricError | NonFiniteError} on bad inputs, labels or options
 * @throws {NotPositiveDefiniteError} when an input is symmetric but not positive definite
 * @throws {NonFiniteError} when the loss becomes NaN or infinite (learning rate too large?)
 * @example
 * import { fromRows } from '@rg/linalg';
 * import { adam } from '@rg/optim';
 * const net = createSPDNet({ sizes: [2, 2], classes: 2, seed: 3 });
 * const inputs = [fromRows([[4, 0], [0, 1]]), fromRows([[1, 0], [0, 4]])];
 * const r = trainSPDNet(net, { inputs, labels: [0, 1], epochs: 60, optimizer: adam({ lr: 0.05 }) });
 * r.history[r.epochs - 1].accuracy // => 1
 * net.predict(inputs) // => [0, 1]
 */
export function trainSPDNet(net: SPDNet, options: TrainSPDNetOptions): TrainSPDNetResult {
  const fn = 'trainSPDNet';
  if (!(net instanceof SPDNet)) throw new InvalidArgumentError(`${fn}(): net must be an SPDNet`);
  if (!options || typeof options !== 'object')
    throw new InvalidArgumentError(
      `${fn}(): options { inputs, labels, epochs, optimizer } are required`,
    );
  const { inputs, labels, epochs, optimizer, validation } = options;
  const n = checkInputs(fn, 'inputs', inputs);
  checkLabelArray(fn, 'labels', labels, inputs.length, net.classes);
  if (typeof epochs !== 'number' || !Number.isInteger(epochs) || epochs < 0)
    throw new InvalidArgumentError(
      `${fn}(): epochs must be a non-negative integer (got ${String(epochs)})`,
    );
  const batchSize = options.batchSize ?? 32;
  assertPositiveInteger(fn, 'batchSize', batchSize);
  if (!optimizer || typeof optimizer.step !== 'function')
    throw new InvalidArgumentError(
      `${fn}(): optimizer must be an optimizer with step(params), e.g. sgd or adam from @rg/optim`,
    );
  const shuffle = options.shuffle ?? true;
  if (validation !== undefined) {
    if (!validation || typeof validation !== 'object')
      throw new InvalidArgumentError(`${fn}(): validation must be { inputs, labels }`);
    const nv = checkInputs(fn, 'validation.inputs', validation.inputs);
    if (nv !== n)
      throw new InvalidArgumentError(
        `${fn}(): validation.inputs must be ${n}×${n} like inputs (got ${nv}×${nv})`,
      );
    checkLabelArray(
      fn,
      'validation.labels',
      validation.labels,
      validation.inputs.length,
      net.classes,
    );
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function')
    throw new InvalidArgumentError(`${fn}(): onProgress must be a function`);
  const r = rng(options.seed ?? 0);
  const count = inputs.length;
  const indices = Array.from({ length: count }, (_, i) => i);
  const params = optimParameters(net.parameters());
  const history: TrainSPDNetEpoch[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const order = shuffle ? r.shuffle(indices) : indices;
    let lossSum = 0;
    let correct = 0;
    for (let start = 0; start < count; start += batchSize) {
      if (options.signal?.aborted) return { history, epochs: history.length, aborted: true };
      const idx = order.slice(start, start + batchSize);
      const batch = idx.map((i) => inputs[i]);
      const batchLabels = idx.map((i) => labels[i]);
      const loss = net.lossAndBackward(batch, batchLabels);
      const predicted = net.head.predicted();
      if (!Number.isFinite(loss))
        throw new NonFiniteError(
          `${fn}(): the loss became ${loss} at epoch ${epoch} (learning rate too large for ${optimizer.name}?)`,
        );
      lossSum += loss * idx.length;
      for (let j = 0; j < idx.length; j++) if (predicted[j] === batchLabels[j]) correct++;
      (optimizer.step as (p: typeof params) => void)(params);
    }
    const row: TrainSPDNetEpoch = { epoch, loss: lossSum / count, accuracy: correct / count };
    if (validation)
      row.validationAccuracy = accuracyOf(net.predict(validation.inputs), validation.labels);
    history.push(row);
    options.onProgress?.({ iteration: epoch, residual: row.loss, ...row });
  }
  return { history, epochs: history.length, aborted: false };
}
