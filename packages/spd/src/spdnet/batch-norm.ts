// Riemannian batch normalization on the SPD manifold (Brooks et al. 2019, "Riemannian batch
// normalization for SPD neural networks"; Chen et al. 2024, "A Lie group approach to Riemannian
// batch normalization" (LieBN); Wang, Chen, Sebe et al., "Learning to normalize on the SPD
// manifold under Bures–Wasserstein geometry" (GBW-RBN)). One algorithm for every metric:
// deform X ↦ X^θ (and whiten by M^{−½} for GBW), centre the batch at its Fréchet mean G by a
// linear isometry T_G → T_I, scale the tangent vectors by s/√(var + ε), move them to the bias W and
// map back. The backward pass is exact reverse-mode differentiation of that computation, the
// fixed-point mean iterations included.
import {
  assertFiniteArray,
  frobeniusNorm,
  identity,
  InvalidArgumentError,
  type Matrix,
  ShapeError,
  symmetrize,
} from '@rg/linalg';
import {
  bwWeight,
  EXP,
  INV_SQRT,
  LOG,
  powFn,
  SQRT,
  Tape,
  type TNode,
} from '../internal/autodiff.js';
import { sq } from '../internal/sq.js';
import { spdCholesky } from '../internal/validate.js';
import { affineInvariant } from '../metrics/affine-invariant.js';
import { buresWasserstein } from '../metrics/bures-wasserstein.js';
import { generalizedBuresWasserstein } from '../metrics/generalized-bures-wasserstein.js';
import { logCholesky } from '../metrics/log-cholesky.js';
import { logEuclidean } from '../metrics/log-euclidean.js';
import { powerDeformed } from '../metrics/power-deformed.js';
import type { SPDMetric } from '../metrics/spd-metric.js';
import type { ForwardOptions, Parameter, SPDLayer } from './types.js';

/** The metrics RiemannianBatchNorm normalizes under. */
export type BatchNormMetric =
  | 'affine-invariant'
  | 'log-euclidean'
  | 'log-cholesky'
  | 'bures-wasserstein'
  | 'generalized-bures-wasserstein';

const METRICS: readonly BatchNormMetric[] = [
  'affine-invariant',
  'log-euclidean',
  'log-cholesky',
  'bures-wasserstein',
  'generalized-bures-wasserstein',
];

/** Options of {@link RiemannianBatchNorm}. */
export interface RiemannianBatchNormOptions {
  /** matrix size n (inputs are n×n SPD) */
  n: number;
  /** the metric the batch is normalized under */
  metric: BatchNormMetric;
  /** weight of the batch statistics in the running statistics (default 0.1) */
  momentum?: number;
  /** added to the variance before dividing (default 1e−5) */
  eps?: number;
  /** power deformation: the layer works on X^θ with distances scaled by 1/θ (default 1) */
  theta?: number;
  /** learn the GBW parameter M (default true for GBW; only allowed for GBW) */
  learnMetric?: boolean;
  /** initial bias W (default I) */
  bias?: Matrix;
  /** initial scale s (default 1) */
  scale?: number;
  /** initial GBW parameter M (default I; GBW only) */
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
  metric: BatchNormMetric;
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
    throw new InvalidArgumentError(`${fn}: ${name} must be a positive integer (got ${String(v)})`);
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
      `${fn}: ${name} must be a finite number in ${open ? '(' : '['}${lo}, ${hi}] (got ${String(v)})`,
    );
  return v as number;
}

function spdCopy(fn: string, name: string, m: Matrix, n: number): Matrix {
  spdCholesky(fn, name, m);
  if (m.rows !== n)
    throw new ShapeError(`${fn}: ${name} must be ${n}×${n} (got ${m.rows}×${m.cols})`);
  return symmetrize(m);
}

/**
 * Riemannian batch normalization of SPD matrices under the affine-invariant (AIRM),
 * log-Euclidean (LEM), log-Cholesky (LCM), Bures–Wasserstein (BW) or generalized BW (GBW, with a
 * learnable SPD parameter M) metric, each optionally power-deformed by θ.
 *
 * Training mode: the batch's Fréchet mean G and variance var = mean d²(Xᵢ, G) are computed (AIRM:
 * Karcher flow; BW/GBW: the fixed point G ← G^{−½}[mean (G^½XᵢG^½)^½]²G^{−½} from the arithmetic
 * mean; LEM and LCM: closed forms), each Xᵢ is centred by a linear isometry from T_G to T_I, its
 * tangent vector is scaled by s/√(var + ε) and moved to the bias W along the metric's exponential
 * map. The output batch then has Fréchet mean W and dispersion s²·var/(var + ε), under
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
  readonly metric: BatchNormMetric;
  readonly theta: number;
  readonly momentum: number;
  readonly eps: number;
  readonly learnMetric: boolean;
  readonly meanMaxIter: number;
  readonly meanTol: number;
  readonly refine: boolean | 'auto';
  private readonly biasParam: Parameter;
  private readonly scaleParam: Parameter;
  private readonly metricParam: Parameter | undefined;
  private runMean: Matrix;
  private runVar: number;
  private recorded: Recorded | undefined;
  private lastStats: BatchStatistics | undefined;

  constructor(options: RiemannianBatchNormOptions) {
    const fn = `${FN}()`;
    if (options === null || typeof options !== 'object')
      throw new InvalidArgumentError(`${fn}: options must be an object`);
    const n = positiveInt(fn, 'n', options.n);
    if (!METRICS.includes(options.metric))
      throw new InvalidArgumentError(
        `${fn}: metric must be one of ${METRICS.map((m) => `'${m}'`).join(', ')} (got ${String(options.metric)})`,
      );
    const gbw = options.metric === 'generalized-bures-wasserstein';
    this.n = n;
    this.metric = options.metric;
    this.momentum = finiteIn(fn, 'momentum', options.momentum ?? 0.1, 0, 1);
    this.eps = finiteIn(fn, 'eps', options.eps ?? 1e-5, 0, Number.MAX_VALUE);
    const theta = options.theta ?? 1;
    if (typeof theta !== 'number' || !Number.isFinite(theta) || theta <= 0)
      throw new InvalidArgumentError(
        `${fn}: theta must be a finite number > 0 (got ${String(theta)})`,
      );
    this.theta = theta;
    if (options.learnMetric && !gbw)
      throw new InvalidArgumentError(
        `${fn}: learnMetric is only available for the 'generalized-bures-wasserstein' metric (got metric '${options.metric}')`,
      );
    if (options.metricParameter !== undefined && !gbw)
      throw new InvalidArgumentError(
        `${fn}: metricParameter is only available for the 'generalized-bures-wasserstein' metric`,
      );
    this.learnMetric = gbw && (options.learnMetric ?? true);
    this.meanMaxIter = positiveInt(fn, 'meanMaxIter', options.meanMaxIter ?? 50);
    const refine = options.refine ?? 'auto';
    if (refine !== true && refine !== false && refine !== 'auto')
      throw new InvalidArgumentError(
        `${fn}: refine must be true, false or 'auto' (got ${String(refine)})`,
      );
    this.refine = refine;
    this.meanTol = finiteIn(fn, 'meanTol', options.meanTol ?? 1e-8, 0, Number.MAX_VALUE);
    const bias = options.bias === undefined ? identity(n) : spdCopy(fn, 'bias', options.bias, n);
    const scale = options.scale ?? 1;
    if (typeof scale !== 'number' || !Number.isFinite(scale))
      throw new InvalidArgumentError(`${fn}: scale must be a finite number (got ${String(scale)})`);
    this.biasParam = { name: 'bias', manifold: 'spd', value: bias, grad: undefined };
    this.scaleParam = {
      name: 'scale',
      manifold: 'euclidean',
      value: sq(1, Float64Array.of(scale)),
      grad: undefined,
    };
    this.metricParam = gbw
      ? {
          name: 'metric',
          manifold: 'spd',
          value:
            options.metricParameter === undefined
              ? identity(n)
              : spdCopy(fn, 'metricParameter', options.metricParameter, n),
          grad: undefined,
        }
      : undefined;
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

  /** The GBW parameter M (a copy), or undefined for other metrics. */
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
    let base: SPDMetric;
    switch (this.metric) {
      case 'affine-invariant':
        base = affineInvariant;
        break;
      case 'log-euclidean':
        base = logEuclidean;
        break;
      case 'log-cholesky':
        base = logCholesky;
        break;
      case 'bures-wasserstein':
        base = buresWasserstein;
        break;
      case 'generalized-bures-wasserstein':
        base = generalizedBuresWasserstein((this.metricParam as Parameter).value);
        break;
    }
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
    const fn = `${FN}.forward()`;
    const training = options.training ?? true;
    if (!Array.isArray(batch) || batch.length === 0)
      throw new InvalidArgumentError(`${fn}: batch must be a non-empty array of SPD matrices`);
    const n = this.n;
    for (let i = 0; i < batch.length; i++) {
      const x = batch[i];
      if (x === null || typeof x !== 'object' || x.rows !== n || x.cols !== n)
        throw new ShapeError(`${fn}: batch[${i}] must be ${n}×${n} (got ${x?.rows}×${x?.cols})`);
      spdCholesky(fn, `batch[${i}]`, x);
    }
    const tape = new Tape(this.refine);
    const inputs = batch.map((x) => tape.variable(symmetrize(x).data, n));
    const bias = tape.variable(Float64Array.from(this.biasParam.value.data), n);
    const scale = tape.variable(Float64Array.from(this.scaleParam.value.data), 1);
    const metric = this.metricParam
      ? tape.variable(Float64Array.from(this.metricParam.value.data), n)
      : undefined;
    const ctx = new Pipeline(tape, n, this.theta, metric);
    const d = inputs.map((x) => ctx.pre(x));
    let centred: {
      v: TNode[];
      sqNorm: TNode[];
      mean: TNode;
      iterations: number;
      converged: boolean;
    };
    if (training) centred = ctx.batchCentre(this.metric, d, this.meanMaxIter, this.meanTol);
    else {
      const g = ctx.pre(tape.constant(Float64Array.from(this.runMean.data), n));
      centred = { ...ctx.centreAt(this.metric, d, g), mean: g, iterations: 0, converged: true };
    }
    // var = (1/θ²) mean ‖Vᵢ‖²; a = s/√(var + ε)
    const nb = batch.length;
    let variance: TNode;
    if (training)
      variance = tape.linear(
        centred.sqNorm,
        new Float64Array(nb).fill(1 / (nb * this.theta * this.theta)),
      );
    else variance = tape.scalar(this.runVar);
    const eps = this.eps;
    const factor = tape.mul(
      scale,
      tape.scalarFn(
        variance,
        (x) => 1 / Math.sqrt(x + eps),
        (x) => -0.5 / ((x + eps) * Math.sqrt(x + eps)),
      ),
    );
    const place = ctx.placer(this.metric, ctx.pre(bias));
    const outputs = centred.v.map((v) => ctx.post(place(tape.mulScalar(v, factor))));
    this.recorded = { tape, inputs, outputs, bias, scale, metric, used: false };
    if (training) {
      const meanIn = ctx.postValue(centred.mean);
      const varValue = variance.value[0];
      this.lastStats = {
        mean: meanIn,
        variance: varValue,
        iterations: centred.iterations,
        converged: centred.converged,
      };
      const m = this.momentum;
      if (m > 0) {
        this.runMean = symmetrize(this.geometry.geodesic(this.runMean, meanIn, m));
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
    const fn = `${FN}.backward()`;
    const rec = this.recorded;
    if (!rec) throw new InvalidArgumentError(`${fn}: call forward() first`);
    const n = this.n;
    if (!Array.isArray(gradOutput) || gradOutput.length !== rec.outputs.length)
      throw new ShapeError(
        `${fn}: gradOutput must be an array of ${rec.outputs.length} matrices (one per output; got ${Array.isArray(gradOutput) ? gradOutput.length : typeof gradOutput})`,
      );
    for (let i = 0; i < gradOutput.length; i++) {
      const g = gradOutput[i];
      if (g === null || typeof g !== 'object' || g.rows !== n || g.cols !== n)
        throw new ShapeError(
          `${fn}: gradOutput[${i}] must be ${n}×${n} (got ${g?.rows}×${g?.cols})`,
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
   * Restores a layer saved with `toJSON` (after `JSON.parse`).
   *
   * @throws {InvalidArgumentError | ShapeError | NotPositiveDefiniteError} when the state is malformed
   * @example
   * const bn = new RiemannianBatchNorm({ n: 3, metric: 'bures-wasserstein', scale: 2 });
   * const copy = RiemannianBatchNorm.fromJSON(JSON.parse(JSON.stringify(bn)));
   * copy.scale // => 2
   */
  static fromJSON(state: RiemannianBatchNormState): RiemannianBatchNorm {
    const fn = `${FN}.fromJSON()`;
    if (state === null || typeof state !== 'object' || state.version !== 1)
      throw new InvalidArgumentError(`${fn}: state must be an object with version 1`);
    const n = positiveInt(fn, 'state.n', state.n);
    const mat = (name: string, v: unknown): Matrix => {
      if (!Array.isArray(v) || v.length !== n * n)
        throw new ShapeError(`${fn}: ${name} must be an array of ${n * n} numbers`);
      const m = sq(n, Float64Array.from(v as number[]));
      assertFiniteArray(fn, name, m.data);
      return m;
    };
    const bn = new RiemannianBatchNorm({
      n,
      metric: state.metric,
      theta: state.theta,
      momentum: state.momentum,
      eps: state.eps,
      learnMetric: state.metric === 'generalized-bures-wasserstein' ? state.learnMetric : undefined,
      meanMaxIter: state.meanMaxIter,
      meanTol: state.meanTol,
      refine: state.refine ?? 'auto',
      bias: mat('state.bias', state.bias),
      scale: state.scale,
      metricParameter:
        state.metricParameter === null
          ? undefined
          : mat('state.metricParameter', state.metricParameter),
    });
    bn.runMean = spdCopy(fn, 'state.runningMean', mat('state.runningMean', state.runningMean), n);
    bn.runVar = finiteIn(fn, 'state.runningVariance', state.runningVariance, 0, Number.MAX_VALUE);
    return bn;
  }
}

/** The per-metric pieces of the normalization, recorded on one tape. */
class Pipeline {
  private mHalf: TNode | undefined;
  private mInvHalf: TNode | undefined;

  constructor(
    private readonly tape: Tape,
    private readonly n: number,
    private readonly theta: number,
    m: TNode | undefined,
  ) {
    if (m) {
      this.mHalf = tape.spectral(m, SQRT);
      this.mInvHalf = tape.spectral(m, INV_SQRT);
    }
  }

  /** X ↦ M^{−½} X^θ M^{−½} */
  pre(x: TNode): TNode {
    const t = this.tape;
    let y = this.theta === 1 ? x : t.spectral(x, powFn(this.theta));
    if (this.mInvHalf) y = t.congruence(this.mInvHalf, y);
    return y;
  }

  /** Y ↦ (M^{½} Y M^{½})^{1/θ} */
  post(y: TNode): TNode {
    const t = this.tape;
    let x = this.mHalf ? t.congruence(this.mHalf, y) : y;
    if (this.theta !== 1) x = t.spectral(x, powFn(1 / this.theta));
    return x;
  }

  /** `post` on values only (the running statistics are not differentiated). */
  postValue(y: TNode): Matrix {
    const t = new Tape();
    let x = this.mHalf
      ? t.congruence(t.constant(this.mHalf.value, this.n), t.constant(y.value, this.n))
      : y;
    if (this.theta !== 1) x = t.spectral(t.constant(x.value, this.n), powFn(1 / this.theta));
    return symmetrize(sq(this.n, x.value));
  }

  private mean(xs: readonly TNode[]): TNode {
    return this.tape.linear(xs, new Float64Array(xs.length).fill(1 / xs.length));
  }

  private sqNorms(vs: readonly TNode[], c: number): TNode[] {
    const t = this.tape;
    return vs.map((v) => {
      const d = t.dot(v, v);
      return c === 1 ? d : t.linear([d], [c]);
    });
  }

  /** Batch mean and centred tangent vectors at the identity (training mode). */
  batchCentre(
    metric: BatchNormMetric,
    d: readonly TNode[],
    maxIter: number,
    tol: number,
  ): { v: TNode[]; sqNorm: TNode[]; mean: TNode; iterations: number; converged: boolean } {
    const t = this.tape;
    switch (metric) {
      case 'log-euclidean': {
        const logs = d.map((x) => t.spectral(x, LOG));
        const lbar = this.mean(logs);
        const v = logs.map((l) => t.linear([l, lbar], [1, -1]));
        return {
          v,
          sqNorm: this.sqNorms(v, 1),
          mean: t.spectral(lbar, EXP),
          iterations: 0,
          converged: true,
        };
      }
      case 'log-cholesky': {
        const charts = d.map((x) => this.chart(x));
        const cbar = this.mean(charts);
        const v = charts.map((c) => t.linear([c, cbar], [1, -1]));
        return {
          v,
          sqNorm: this.sqNorms(v, 1),
          mean: this.unchart(cbar),
          iterations: 0,
          converged: true,
        };
      }
      case 'affine-invariant': {
        // Karcher flow G ← G^½ exp(t·mean log(G^{-½}XᵢG^{-½})) G^½ from the log-Euclidean mean.
        // t = 1 overshoots (or diverges) for spread batches, where the Hessian of the Fréchet
        // function exceeds 1: t adapts to the observed contraction, and is halved (the step
        // retried) whenever the gradient norm would grow.
        let g = t.spectral(this.mean(d.map((x) => t.spectral(x, LOG))), EXP);
        let step = 1;
        let prev: { g: TNode; gh: TNode; lbar: TNode; res: number } | undefined;
        for (let it = 1; ; it++) {
          const p = t.spectral(g, INV_SQRT);
          const logs = d.map((x) => t.spectral(t.congruence(p, x), LOG));
          const lbar = this.mean(logs);
          const res = frobeniusNorm(sq(this.n, lbar.value));
          if (prev && res > prev.res && step > 1 / 64 && it < maxIter) {
            step /= 2;
            g = t.congruence(prev.gh, t.spectral(t.linear([prev.lbar], [step]), EXP));
            continue;
          }
          if (res <= tol || it >= maxIter)
            return {
              v: logs,
              sqNorm: this.sqNorms(logs, 1),
              mean: g,
              iterations: it,
              converged: res <= tol,
            };
          if (prev) {
            // Near the mean the error contracts by max|1 − t·h| over the Hessian's eigenvalues
            // h ∈ [1, h_max] (Hadamard manifold). A ratio worse than 1 − t is overshoot along
            // h_max ≈ (1 + ρ)/t: take the step 2/(1 + h_max) that balances both ends.
            const rho = res / prev.res;
            if (rho > Math.max(0.3, 1 - step + 0.05)) step = 2 / (1 + (1 + rho) / step);
          }
          const gh = t.spectral(g, SQRT);
          prev = { g, gh, lbar, res };
          g = t.congruence(gh, t.spectral(step === 1 ? lbar : t.linear([lbar], [step]), EXP));
        }
      }
      case 'bures-wasserstein':
      case 'generalized-bures-wasserstein': {
        let g = this.mean(d);
        for (let it = 1; ; it++) {
          const gh = t.spectral(g, SQRT);
          const gih = t.spectral(g, INV_SQRT);
          const roots = d.map((x) => t.spectral(t.congruence(gh, x), SQRT));
          const maps = roots.map((r) => t.addIdentity(t.congruence(gih, r), -1));
          const sbar = this.mean(maps);
          const res = frobeniusNorm(sq(this.n, sbar.value));
          if (res <= tol || it >= maxIter) {
            const v = maps.map((s) => t.bilinear(g, s, bwWeight(0.5)));
            return {
              v,
              sqNorm: this.sqNorms(v, 0.25),
              mean: g,
              iterations: it,
              converged: res <= tol,
            };
          }
          g = t.congruence(gih, t.gramNT(this.mean(roots)));
        }
      }
    }
  }

  /** Tangent vectors at the identity of a batch centred at a given mean g (evaluation mode). */
  centreAt(
    metric: BatchNormMetric,
    d: readonly TNode[],
    g: TNode,
  ): { v: TNode[]; sqNorm: TNode[] } {
    const t = this.tape;
    let v: TNode[];
    let c = 1;
    switch (metric) {
      case 'log-euclidean': {
        const lg = t.spectral(g, LOG);
        v = d.map((x) => t.linear([t.spectral(x, LOG), lg], [1, -1]));
        break;
      }
      case 'log-cholesky': {
        const cg = this.chart(g);
        v = d.map((x) => t.linear([this.chart(x), cg], [1, -1]));
        break;
      }
      case 'affine-invariant': {
        const p = t.spectral(g, INV_SQRT);
        v = d.map((x) => t.spectral(t.congruence(p, x), LOG));
        break;
      }
      default: {
        const gh = t.spectral(g, SQRT);
        const gih = t.spectral(g, INV_SQRT);
        v = d.map((x) =>
          t.bilinear(
            g,
            t.addIdentity(t.congruence(gih, t.spectral(t.congruence(gh, x), SQRT)), -1),
            bwWeight(0.5),
          ),
        );
        c = 0.25;
      }
    }
    return { v, sqNorm: this.sqNorms(v, c) };
  }

  /**
   * v ↦ Exp at the bias w of the tangent vector v at the identity moved to w by the metric's
   * isometry (the pieces that depend on w only are recorded once).
   */
  placer(metric: BatchNormMetric, w: TNode): (v: TNode) => TNode {
    const t = this.tape;
    switch (metric) {
      case 'log-euclidean': {
        const lw = t.spectral(w, LOG);
        return (v) => t.spectral(t.add(v, lw), EXP);
      }
      case 'log-cholesky': {
        const cw = this.chart(w);
        return (v) => this.unchart(t.add(v, cw));
      }
      case 'affine-invariant': {
        const wh = t.spectral(w, SQRT);
        return (v) => t.congruence(wh, t.spectral(v, EXP));
      }
      default:
        // K = L_W[T_{I→W} v]; Exp_W(T_{I→W} v) = (I + K) W (I + K)
        return (v) => t.congruence(t.addIdentity(t.bilinear(w, v, bwWeight(-0.5)), 1), w);
    }
  }

  /** log-Cholesky chart: strictly lower part of L plus log of its diagonal */
  private chart(x: TNode): TNode {
    return this.tape.mapDiagonal(this.tape.cholesky(x), Math.log, (v) => 1 / v);
  }

  private unchart(c: TNode): TNode {
    return this.tape.gramNT(this.tape.mapDiagonal(c, Math.exp, Math.exp));
  }
}
