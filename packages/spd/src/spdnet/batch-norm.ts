// Riemannian batch normalization on the SPD manifold (Brooks et al. 2019, "Riemannian batch
// normalization for SPD neural networks"; Chen et al. 2024, "A Lie group approach to Riemannian
// batch normalization" (LieBN); Wang, Chen, Sebe et al., "Learning to normalize on the SPD
// manifold under Bures–Wasserstein geometry" (GBW-RBN)). One algorithm for every metric, with the
// metric-specific pieces supplied by the metric itself (its batch-normalization pieces, recorded
// on the tape): centre the batch at its Fréchet mean G by a linear isometry T_G → T_I, scale the
// tangent vectors by s/√(var + ε), move them to the bias W and map back. Pullback metrics (power
// deformation X ↦ X^θ, GBW's whitening by M) run their base's pieces through their chart. The
// backward pass is exact reverse-mode differentiation of that computation, the mean iterations
// included.
import {
  assertFiniteArray,
  identity,
  InvalidArgumentError,
  type Matrix,
  ShapeError,
  symmetrize,
} from '@rg/linalg';
import { Tape, type TNode } from '../internal/autodiff.js';
import { sq } from '../internal/sq.js';
import { spdCholesky } from '../internal/validate.js';
import { powerDeformed } from '../metrics/power-deformed.js';
import { canonicalMetricName, type MetricName, resolveMetric } from '../metrics/resolve-metric.js';
import type { SPDMetric } from '../metrics/spd-metric.js';
import type { ForwardOptions, Parameter, SPDLayer } from './types.js';

/** The names of the metrics with batch-normalization pieces (pyRiemann's aliases also work). */
export type BatchNormMetric =
  | 'affine-invariant'
  | 'log-euclidean'
  | 'log-cholesky'
  | 'bures-wasserstein'
  | 'generalized-bures-wasserstein';

const METRICS_TEXT =
  "'affine-invariant' ('riemann'), 'log-euclidean' ('logeuclid'), 'log-cholesky' ('logchol'), 'bures-wasserstein' ('wasserstein'), 'generalized-bures-wasserstein'";

/** Options of {@link RiemannianBatchNorm}. */
export interface RiemannianBatchNormOptions {
  /** matrix size n (inputs are n×n SPD) */
  n: number;
  /**
   * the metric the batch is normalized under, by name (pyRiemann's aliases accepted); to pass a
   * metric object instead, see {@link RiemannianBatchNormConfig}
   */
  metric: BatchNormMetric | MetricName;
  /** weight of the batch statistics in the running statistics (default 0.1) */
  momentum?: number;
  /** added to the variance before dividing (default 1e−5) */
  eps?: number;
  /** power deformation: the layer works on X^θ with distances scaled by 1/θ (default 1) */
  theta?: number;
  /** learn the metric's SPD parameter M (default true for GBW; only for metrics with a parameter) */
  learnMetric?: boolean;
  /** initial bias W (default I) */
  bias?: Matrix;
  /** initial scale s (default 1) */
  scale?: number;
  /** initial GBW parameter M (default I, or the metric object's own; metrics with a parameter only) */
  metricParameter?: Matrix;
  /**
   * refinement of the eigendecompositions (default 'auto', see `eigh` in @rg/linalg): 'auto'
   * refines matrices with eigenvalue spread above 1e4 so that their tiny eigenvalues keep full
   * relative accuracy; false is faster (about 3× per pass on condition-1e6 batches) and
   * loses about ε·κ relative accuracy in the smallest eigenvalues
   */
  refine?: boolean | 'auto';
  /** iteration cap of the batch Fréchet mean (default 50) */
  meanMaxIter?: number;
  /** stop the mean iteration when the norm of the mean tangent vector at the current estimate (the Riemannian gradient of the Fréchet function) is below this (default 1e−8, pyRiemann's) */
  meanTol?: number;
}

/**
 * What the {@link RiemannianBatchNorm} constructor takes: the options with the metric by name,
 * or with a metric object whose core has batch-normalization pieces (e.g. a composed pullback).
 */
export type RiemannianBatchNormConfig =
  | RiemannianBatchNormOptions
  | (Omit<RiemannianBatchNormOptions, 'metric'> & { metric: SPDMetric });

/** What {@link RiemannianBatchNorm.backward} returns: Euclidean gradients of the loss. */
export interface RiemannianBatchNormGradients {
  /** with respect to each input matrix (symmetric) */
  input: Matrix[];
  /** with respect to the bias W (symmetric) */
  bias: Matrix;
  /** with respect to the scale s */
  scale: number;
  /** with respect to the GBW parameter M (symmetric); undefined for other metrics */
  metric: Matrix | undefined;
}

/** Statistics of the most recent training-mode batch. */
export interface BatchStatistics {
  /** the batch's Fréchet mean under {@link RiemannianBatchNorm.geometry} */
  mean: Matrix;
  /** mean squared distance to the mean, under the same metric */
  variance: number;
  /** iterations of the mean (0 for the closed forms of LEM and LCM) */
  iterations: number;
  converged: boolean;
}

/** Plain-JSON state of a {@link RiemannianBatchNorm} (matrices as row-major number arrays). */
export interface RiemannianBatchNormState {
  version: 1;
  n: number;
  /** the metric's name (pass the metric object to `fromJSON` for a metric without a name) */
  metric: BatchNormMetric | string;
  theta: number;
  momentum: number;
  eps: number;
  learnMetric: boolean;
  meanMaxIter: number;
  meanTol: number;
  refine: boolean | 'auto';
  bias: number[];
  scale: number;
  metricParameter: number[] | null;
  runningMean: number[];
  runningVariance: number;
}

interface Recorded {
  tape: Tape;
  inputs: TNode[];
  outputs: TNode[];
  bias: TNode;
  scale: TNode;
  metric: TNode | undefined;
  used: boolean;
}

const FN = 'RiemannianBatchNorm';

function positiveInt(fn: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be a positive integer (got ${String(v)})`,
    );
  return v;
}

function finiteIn(
  fn: string,
  name: string,
  v: unknown,
  lo: number,
  hi: number,
  open = false,
): number {
  const bad =
    typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi || (open && v === lo);
  if (bad)
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be a finite number in ${open ? '(' : '['}${lo}, ${hi}] (got ${String(v)})`,
    );
  return v as number;
}

function spdCopy(fn: string, name: string, m: Matrix, n: number): Matrix {
  spdCholesky(fn, name, m);
  if (m.rows !== n)
    throw new ShapeError(`${fn}(): ${name} must be ${n}×${n} (got ${m.rows}×${m.cols})`);
  return symmetrize(m);
}

/**
 * Riemannian batch normalization of SPD matrices under the affine-invariant (AIRM),
 * log-Euclidean (LEM), log-Cholesky (LCM), Bures–Wasserstein (BW) or generalized BW (GBW, with a
 * learnable SPD parameter M) metric — or any metric object whose core has batch-normalization
 * pieces — each optionally power-deformed by θ. The metric may be given by name (pyRiemann's
 * aliases 'riemann', 'logeuclid', 'logchol', 'wasserstein' work) or as an object.
 *
 * Training mode: the batch's Fréchet mean G and variance var = mean d²(Xᵢ, G) are computed by the
 * metric's own mean algorithm recorded on the tape (AIRM: the same pyRiemann Karcher flow as
 * {@link frechetMean}, started from the log-Euclidean mean; BW/GBW: the same fixed point
 * G ← G^{−½}[mean (G^½XᵢG^½)^½]²G^{−½} from the arithmetic mean; LEM and LCM: closed forms in
 * their chart), each Xᵢ is centred by a linear isometry from T_G to T_I, its tangent vector is
 * scaled by s/√(var + ε) and moved to the bias W along the metric's exponential map. The output
 * batch then has Fréchet mean W and dispersion s²·var/(var + ε), under
 * {@link RiemannianBatchNorm.geometry}. For GBW, W is the output mean under d_M (the layer whitens
 * by M^{−½}, normalizes under BW and unwhitens). Running statistics: the mean moves along the
 * geodesic towards the batch mean by `momentum`, the variance is an exponential moving average;
 * evaluation mode uses them, so each output depends on its own input only.
 *
 * `backward` differentiates the last `forward` exactly (reverse mode through every operation,
 * eigenfunctions by Daleckii–Krein, the mean iterations unrolled), returning Euclidean gradients
 * for the inputs, W, s and M; gradients with respect to symmetric matrices are symmetric (the
 * derivative along symmetric directions).
 *
 * @example
 * import { fromRows } from '@rg/linalg';
 * const bn = new RiemannianBatchNorm({ n: 2, metric: 'log-euclidean', eps: 0 });
 * const out = bn.forward([fromRows([[2, 0], [0, 1]]), fromRows([[8, 0], [0, 1]])]);
 * out[0] // => ~[[0.367879, 0], [0, 1]]
 * bn.backward([fromRows([[1, 0], [0, 0]]), fromRows([[0, 0], [0, 0]])]).scale // => ~-0.367879
 */
export class RiemannianBatchNorm implements SPDLayer {
  readonly name: string;
  readonly n: number;
  /** the metric's canonical name, e.g. 'affine-invariant' (for an alias, the name it stands for) */
  readonly metric: BatchNormMetric | string;
  readonly theta: number;
  readonly momentum: number;
  readonly eps: number;
  readonly learnMetric: boolean;
  readonly meanMaxIter: number;
  readonly meanTol: number;
  readonly refine: boolean | 'auto';
  /** the metric with the parameter it was created with (before power deformation) */
  private readonly baseMetric: SPDMetric;
  private readonly biasParam: Parameter;
  private readonly scaleParam: Parameter;
  private readonly metricParam: Parameter | undefined;
  private runMean: Matrix;
  private runVar: number;
  private recorded: Recorded | undefined;
  private lastStats: BatchStatistics | undefined;

  constructor(options: RiemannianBatchNormConfig) {
    const fn = FN;
    if (options === null || typeof options !== 'object')
      throw new InvalidArgumentError(`${fn}(): options must be an object`);
    const n = positiveInt(fn, 'n', options.n);
    const requested = options.metric;
    const canonical = typeof requested === 'string' ? canonicalMetricName(requested) : undefined;
    let base: SPDMetric | undefined;
    if (requested !== null && typeof requested === 'object') base = resolveMetric(FN, requested);
    else if (canonical !== undefined && canonical !== 'power-euclidean')
      // a named GBW starts at M = I; the layer's own M (metricParameter) is set below
      base = resolveMetric(FN, canonical, { parameter: identity(n) });
    if (!base?.unchecked.batchNorm)
      throw new InvalidArgumentError(
        `${fn}(): metric must be one of ${METRICS_TEXT}, or a metric object with batch-normalization pieces (got ${base ? `'${base.name}', which has none` : String(requested)})`,
      );
    const hasParameter = typeof base.withParameter === 'function';
    this.n = n;
    this.metric = canonical ?? base.name;
    this.momentum = finiteIn(fn, 'momentum', options.momentum ?? 0.1, 0, 1);
    this.eps = finiteIn(fn, 'eps', options.eps ?? 1e-5, 0, Number.MAX_VALUE);
    const theta = options.theta ?? 1;
    if (typeof theta !== 'number' || !Number.isFinite(theta) || theta <= 0)
      throw new InvalidArgumentError(
        `${fn}(): theta must be a finite number > 0 (got ${String(theta)})`,
      );
    this.theta = theta;
    if (options.learnMetric && !hasParameter)
      throw new InvalidArgumentError(
        `${fn}(): learnMetric is only available for metrics with an SPD parameter, e.g. 'generalized-bures-wasserstein' (got metric '${this.metric}')`,
      );
    if (options.metricParameter !== undefined && !hasParameter)
      throw new InvalidArgumentError(
        `${fn}(): metricParameter is only available for metrics with an SPD parameter, e.g. 'generalized-bures-wasserstein' (got metric '${this.metric}')`,
      );
    this.learnMetric = hasParameter && (options.learnMetric ?? true);
    this.meanMaxIter = positiveInt(fn, 'meanMaxIter', options.meanMaxIter ?? 50);
    const refine = options.refine ?? 'auto';
    if (refine !== true && refine !== false && refine !== 'auto')
      throw new InvalidArgumentError(
        `${fn}(): refine must be true, false or 'auto' (got ${String(refine)})`,
      );
    this.refine = refine;
    this.meanTol = finiteIn(fn, 'meanTol', options.meanTol ?? 1e-8, 0, Number.MAX_VALUE);
    const bias = options.bias === undefined ? identity(n) : spdCopy(fn, 'bias', options.bias, n);
    const scale = options.scale ?? 1;
    if (typeof scale !== 'number' || !Number.isFinite(scale))
      throw new InvalidArgumentError(
        `${fn}(): scale must be a finite number (got ${String(scale)})`,
      );
    this.biasParam = { name: 'bias', manifold: 'spd', value: bias, grad: undefined };
    this.scaleParam = {
      name: 'scale',
      manifold: 'euclidean',
      value: sq(1, Float64Array.of(scale)),
      grad: undefined,
    };
    let metricValue: Matrix | undefined;
    if (hasParameter) {
      const given = options.metricParameter ?? base.parameter ?? identity(n);
      metricValue = spdCopy(fn, 'metricParameter', given, n);
      if (options.metricParameter !== undefined)
        base = (base.withParameter as (m: Matrix) => SPDMetric)(metricValue);
    }
    this.baseMetric = base;
    this.metricParam =
      metricValue === undefined
        ? undefined
        : { name: 'metric', manifold: 'spd', value: metricValue, grad: undefined };
    this.name = `RiemannianBatchNorm(${this.metric}${theta === 1 ? '' : `, θ=${theta}`})`;
    this.runMean = identity(n);
    this.runVar = 1;
  }

  /** The bias W (the output mean in training mode); a copy. */
  get bias(): Matrix {
    return sq(this.n, Float64Array.from(this.biasParam.value.data));
  }

  /** The scale s (the output standard deviation in training mode, up to the ε correction). */
  get scale(): number {
    return this.scaleParam.value.data[0];
  }

  /** The GBW parameter M (a copy), or undefined for metrics without a parameter. */
  get metricParameter(): Matrix | undefined {
    const m = this.metricParam?.value;
    return m === undefined ? undefined : sq(this.n, Float64Array.from(m.data));
  }

  /** Running mean (a copy), used in evaluation mode. */
  get runningMean(): Matrix {
    return sq(this.n, Float64Array.from(this.runMean.data));
  }

  /** Running variance, used in evaluation mode. */
  get runningVariance(): number {
    return this.runVar;
  }

  /** Statistics of the last training-mode batch, or undefined before the first. */
  get batchStatistics(): BatchStatistics | undefined {
    return this.lastStats;
  }

  /**
   * The metric this layer's means, variances and running-mean geodesics are measured under, for
   * the current M: the base metric, power-deformed when θ ≠ 1.
   */
  get geometry(): SPDMetric {
    const withParameter = this.baseMetric.withParameter;
    const base =
      this.metricParam && withParameter ? withParameter(this.metricParam.value) : this.baseMetric;
    return this.theta === 1 ? base : powerDeformed(base, this.theta);
  }

  /** Trainable parameters: bias W ('spd'), scale s (1×1 'euclidean') and, when learned, M ('spd'). */
  parameters(): Parameter[] {
    const out = [this.biasParam, this.scaleParam];
    if (this.metricParam && this.learnMetric) out.push(this.metricParam);
    return out;
  }

  /**
   * Normalizes a batch. Training mode (the default) uses and records the batch statistics and
   * updates the running ones; `{ training: false }` uses the running statistics.
   *
   * @throws {InvalidArgumentError | ShapeError | NotPositiveDefiniteError | NotSymmetricError | NonFiniteError} on bad input
   */
  forward(batch: readonly Matrix[], options: ForwardOptions = {}): Matrix[] {
    const fn = `${FN}.forward`;
    const training = options.training ?? true;
    if (!Array.isArray(batch) || batch.length === 0)
      throw new InvalidArgumentError(`${fn}(): batch must be a non-empty array of SPD matrices`);
    const n = this.n;
    for (let i = 0; i < batch.length; i++) {
      const x = batch[i];
      if (x === null || typeof x !== 'object' || x.rows !== n || x.cols !== n)
        throw new ShapeError(`${fn}(): batch[${i}] must be ${n}×${n} (got ${x?.rows}×${x?.cols})`);
      spdCholesky(fn, `batch[${i}]`, x);
    }
    const geometry = this.geometry;
    const pieces = geometry.unchecked.batchNorm;
    if (!pieces)
      throw new InvalidArgumentError(
        `${fn}(): metric '${geometry.name}' has no batch-normalization pieces`,
      );
    const tape = new Tape(this.refine);
    const inputs = batch.map((x) => tape.variable(symmetrize(x).data, n));
    const bias = tape.variable(Float64Array.from(this.biasParam.value.data), n);
    const scale = tape.variable(Float64Array.from(this.scaleParam.value.data), 1);
    const metric = this.metricParam
      ? tape.variable(Float64Array.from(this.metricParam.value.data), n)
      : undefined;
    // the metric's pieces on this tape (the parameter M, when there is one, as a variable)
    const geo = pieces.record(tape, metric);
    const centred = training
      ? geo.centre(inputs, { tol: this.meanTol, maxIter: this.meanMaxIter })
      : (() => {
          const g = tape.constant(Float64Array.from(this.runMean.data), n);
          return { ...geo.centreAt(inputs, g), mean: g, iterations: 0, converged: true };
        })();
    // var = mean of the squared norms (already in the geometry's units); a = s/√(var + ε)
    const nb = batch.length;
    const variance = training
      ? tape.linear(centred.sqNorm, new Float64Array(nb).fill(1 / nb))
      : tape.scalar(this.runVar);
    const eps = this.eps;
    const factor = tape.mul(
      scale,
      tape.scalarFn(
        variance,
        (x) => 1 / Math.sqrt(x + eps),
        (x) => -0.5 / ((x + eps) * Math.sqrt(x + eps)),
      ),
    );
    const place = geo.placer(bias);
    const outputs = centred.v.map((v) => place(tape.mulScalar(v, factor)));
    this.recorded = { tape, inputs, outputs, bias, scale, metric, used: false };
    if (training) {
      const meanIn = symmetrize(sq(n, Float64Array.from(centred.mean.value)));
      const varValue = variance.value[0];
      this.lastStats = {
        mean: meanIn,
        variance: varValue,
        iterations: centred.iterations,
        converged: centred.converged,
      };
      const m = this.momentum;
      if (m > 0) {
        this.runMean = symmetrize(geometry.unchecked.geodesic(this.runMean, meanIn, m));
        this.runVar = (1 - m) * this.runVar + m * varValue;
      }
    }
    return outputs.map((y) => sq(n, Float64Array.from(y.value)));
  }

  /**
   * Gradients of the loss with respect to the inputs and parameters of the last `forward`, given
   * the gradient with respect to its outputs; also stores them in `parameters()[k].grad`.
   *
   * @throws {InvalidArgumentError} before any forward pass
   * @throws {ShapeError | NonFiniteError} when gradOutput does not match the last output
   */
  backward(gradOutput: readonly Matrix[]): RiemannianBatchNormGradients {
    const fn = `${FN}.backward`;
    const rec = this.recorded;
    if (!rec) throw new InvalidArgumentError(`${fn}(): call forward() first`);
    const n = this.n;
    if (!Array.isArray(gradOutput) || gradOutput.length !== rec.outputs.length)
      throw new ShapeError(
        `${fn}(): gradOutput must be an array of ${rec.outputs.length} matrices (one per output; got ${Array.isArray(gradOutput) ? gradOutput.length : typeof gradOutput})`,
      );
    for (let i = 0; i < gradOutput.length; i++) {
      const g = gradOutput[i];
      if (g === null || typeof g !== 'object' || g.rows !== n || g.cols !== n)
        throw new ShapeError(
          `${fn}(): gradOutput[${i}] must be ${n}×${n} (got ${g?.rows}×${g?.cols})`,
        );
      assertFiniteArray(fn, `gradOutput[${i}]`, g.data);
    }
    if (rec.used)
      rec.tape.resetGrads([
        rec.bias,
        rec.scale,
        ...(rec.metric ? [rec.metric] : []),
        ...rec.inputs,
      ]);
    rec.used = true;
    rec.tape.backward(
      rec.outputs.map((y, i) => [y, Float64Array.from(gradOutput[i].data)] as const),
    );
    const symGrad = (x: TNode) => symmetrize(sq(n, x.grad ?? new Float64Array(n * n)));
    const out: RiemannianBatchNormGradients = {
      input: rec.inputs.map(symGrad),
      bias: symGrad(rec.bias),
      scale: rec.scale.grad ? rec.scale.grad[0] : 0,
      metric: rec.metric ? symGrad(rec.metric) : undefined,
    };
    this.biasParam.grad = out.bias;
    this.scaleParam.grad = sq(1, Float64Array.of(out.scale));
    if (this.metricParam) this.metricParam.grad = out.metric;
    return out;
  }

  /** Plain-JSON state: options, parameters and running statistics. */
  toJSON(): RiemannianBatchNormState {
    return {
      version: 1,
      n: this.n,
      metric: this.metric,
      theta: this.theta,
      momentum: this.momentum,
      eps: this.eps,
      learnMetric: this.learnMetric,
      meanMaxIter: this.meanMaxIter,
      meanTol: this.meanTol,
      refine: this.refine,
      bias: Array.from(this.biasParam.value.data),
      scale: this.scale,
      metricParameter: this.metricParam ? Array.from(this.metricParam.value.data) : null,
      runningMean: Array.from(this.runMean.data),
      runningVariance: this.runVar,
    };
  }

  /**
   * Restores a layer saved with `toJSON` (after `JSON.parse`). The metric is found by its
   * name; pass the metric object for one that has no name {@link resolveMetric} knows.
   *
   * @throws {InvalidArgumentError | ShapeError | NotPositiveDefiniteError} when the state is malformed
   * @example
   * const bn = new RiemannianBatchNorm({ n: 3, metric: 'bures-wasserstein', scale: 2 });
   * const copy = RiemannianBatchNorm.fromJSON(JSON.parse(JSON.stringify(bn)));
   * copy.scale // => 2
   */
  static fromJSON(state: RiemannianBatchNormState, metric?: SPDMetric): RiemannianBatchNorm {
    const fn = `${FN}.fromJSON`;
    if (state === null || typeof state !== 'object' || state.version !== 1)
      throw new InvalidArgumentError(`${fn}(): state must be an object with version 1`);
    const n = positiveInt(fn, 'state.n', state.n);
    const mat = (name: string, v: unknown): Matrix => {
      if (!Array.isArray(v) || v.length !== n * n)
        throw new ShapeError(`${fn}(): ${name} must be an array of ${n * n} numbers`);
      const m = sq(n, Float64Array.from(v as number[]));
      assertFiniteArray(fn, name, m.data);
      return m;
    };
    const config: Omit<RiemannianBatchNormOptions, 'metric'> = {
      n,
      theta: state.theta,
      momentum: state.momentum,
      eps: state.eps,
      learnMetric: state.metricParameter === null ? undefined : state.learnMetric,
      meanMaxIter: state.meanMaxIter,
      meanTol: state.meanTol,
      refine: state.refine ?? 'auto',
      bias: mat('state.bias', state.bias),
      scale: state.scale,
      metricParameter:
        state.metricParameter === null
          ? undefined
          : mat('state.metricParameter', state.metricParameter),
    };
    const bn = metric
      ? new RiemannianBatchNorm({ ...config, metric })
      : new RiemannianBatchNorm({ ...config, metric: state.metric as MetricName });
    bn.runMean = spdCopy(fn, 'state.runningMean', mat('state.runningMean', state.runningMean), n);
    bn.runVar = finiteIn(fn, 'state.runningVariance', state.runningVariance, 0, Number.MAX_VALUE);
    return bn;
  }
}
