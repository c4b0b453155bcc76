// Linear softmax classifier on tangent vectors (upper-triangle vectorization with √2 off the
// diagonal, as in pyRiemann's tangent space; Barachant et al. 2013), cross-entropy loss.
import { InvalidArgumentError, type Matrix, rng } from '@rg/linalg';
import { gemm, gemmTransA, gemmTransB, softmaxRow } from '@rg/linalg/kernels';
import {
  argmaxRows,
  assertPositiveInteger,
  assertSymmetricBatch,
  checkLabelArray,
} from './shared.js';
import type { Parameter } from './types.js';

/** Options of {@link SoftmaxHead}. */
export interface SoftmaxHeadOptions {
  /** size n of the symmetric input matrices (features: n(n+1)/2) */
  inputSize: number;
  /** number of classes k ≥ 2; labels are 0 … k−1 */
  classes: number;
  /** seed of the initial weight, N(0, 1/features) entries (default 0); the bias starts at 0 */
  seed?: number;
}

/** Output of {@link SoftmaxHead.forward}. */
export interface SoftmaxHeadOutput {
  /** batch × classes scores v Wᵀ + b */
  logits: Matrix;
  /** batch × classes softmax of the logits (rows sum to 1) */
  probabilities: Matrix;
}

const SQRT2 = Math.SQRT2;

/**
 * Linear softmax classifier on symmetric matrices (the LogEig outputs of an SPDNet). Each
 * matrix S is vectorized as its upper triangle, row by row, with off-diagonal entries times √2
 * (so ‖v‖₂ = ‖S‖_F, pyRiemann's tangent-space convention); logits = v Wᵀ + b and the loss is
 * the softmax cross-entropy averaged over the batch. `weight` (classes × n(n+1)/2) and `bias`
 * (1 × classes) are 'euclidean' {@link Parameter}s whose gradients `backward` writes.
 *
 * @throws {InvalidArgumentError} on a bad size or class count
 * @example
 * import { fromRows } from '@rg/linalg';
 * const head = new SoftmaxHead({ inputSize: 1, classes: 2 });
 * head.weight.value = fromRows([[1], [-1]]);
 * head.forward([fromRows([[1]])]).probabilities // => ~[[0.880797, 0.119203]]
 * head.loss([0]) // => ~0.126928
 * head.backward([0]).input // => ~[[[-0.238406]]]
 * head.bias.grad // => ~[[-0.119203, 0.119203]]
 */
export class SoftmaxHead {
  readonly name = 'softmax';
  readonly inputSize: number;
  readonly classes: number;
  /** number of features n(n+1)/2 */
  readonly features: number;
  /** classes × features */
  readonly weight: Parameter;
  /** 1 × classes */
  readonly bias: Parameter;
  private cache: { v: Float64Array; logits: Float64Array; probs: Float64Array; w: Matrix } | null =
    null;

  constructor(options: SoftmaxHeadOptions) {
    const fn = 'SoftmaxHead';
    if (!options || typeof options !== 'object')
      throw new InvalidArgumentError(`${fn}(): options { inputSize, classes } are required`);
    assertPositiveInteger(fn, 'inputSize', options.inputSize);
    assertPositiveInteger(fn, 'classes', options.classes);
    if (options.classes < 2)
      throw new InvalidArgumentError(`${fn}(): classes must be ≥ 2 (got ${options.classes})`);
    const n = options.inputSize;
    const k = options.classes;
    const d = (n * (n + 1)) / 2;
    this.inputSize = n;
    this.classes = k;
    this.features = d;
    const r = rng(options.seed ?? 0);
    const w = new Float64Array(k * d);
    const s = 1 / Math.sqrt(d);
    for (let i = 0; i < k * d; i++) w[i] = s * r.normal();
    this.weight = {
      name: 'softmax.weight',
      manifold: 'euclidean',
      value: { rows: k, cols: d, data: w },
      grad: undefined,
    };
    this.bias = {
      name: 'softmax.bias',
      manifold: 'euclidean',
      value: { rows: 1, cols: k, data: new Float64Array(k) },
      grad: undefined,
    };
  }

  /** Logits and class probabilities of a batch of symmetric inputSize × inputSize matrices. */
  forward(batch: readonly Matrix[]): SoftmaxHeadOutput {
    const fn = 'SoftmaxHead.forward';
    const n = this.inputSize;
    assertSymmetricBatch(fn, 'batch', batch, n);
    const w = this.weight.value;
    const bias = this.bias.value.data;
    const k = this.classes;
    const d = this.features;
    const m = batch.length;
    const v = new Float64Array(m * d);
    for (let b = 0; b < m; b++) {
      const x = batch[b].data;
      let p = b * d;
      for (let i = 0; i < n; i++) {
        v[p++] = x[i * n + i];
        for (let j = i + 1; j < n; j++) v[p++] = SQRT2 * x[i * n + j];
      }
    }
    const logits = new Float64Array(m * k);
    const probs = new Float64Array(m * k);
    gemmTransB(m, k, d, v, w.data, logits);
    for (let b = 0; b < m; b++) {
      for (let c = 0; c < k; c++) logits[b * k + c] += bias[c];
      softmaxRow(logits, b * k, k, probs, b * k);
    }
    this.cache = { v, logits, probs, w };
    return {
      logits: { rows: m, cols: k, data: logits.slice() },
      probabilities: { rows: m, cols: k, data: probs.slice() },
    };
  }

  /** Mean softmax cross-entropy of the last forward batch against integer labels 0 … k−1. */
  loss(labels: ArrayLike<number>): number {
    const fn = 'SoftmaxHead.loss';
    const c = this.requireCache(fn);
    const k = this.classes;
    const m = c.logits.length / k;
    this.checkLabels(fn, labels, m);
    let total = 0;
    const p = new Float64Array(k);
    for (let b = 0; b < m; b++)
      total += softmaxRow(c.logits, b * k, k, p, 0) - c.logits[b * k + labels[b]];
    return total / m;
  }

  /**
   * Gradient of {@link SoftmaxHead.loss} for the last forward batch: stores the weight and
   * bias gradients and returns the (symmetric) gradients with respect to the input matrices.
   */
  backward(labels: ArrayLike<number>): { input: Matrix[] } {
    const fn = 'SoftmaxHead.backward';
    const c = this.requireCache(fn);
    const k = this.classes;
    const d = this.features;
    const n = this.inputSize;
    const m = c.logits.length / k;
    this.checkLabels(fn, labels, m);
    // R (m×k): ∂loss/∂logits; Ḡ_W = Rᵀ V, ḡ_bias = column sums of R, V̄ = R W
    const r = new Float64Array(m * k);
    const gb = new Float64Array(k);
    for (let b = 0; b < m; b++)
      for (let j = 0; j < k; j++) {
        const rj = (c.probs[b * k + j] - (j === labels[b] ? 1 : 0)) / m;
        r[b * k + j] = rj;
        gb[j] += rj;
      }
    const gw = new Float64Array(k * d);
    gemmTransA(k, d, m, r, c.v, gw);
    const gvAll = new Float64Array(m * d);
    gemm(m, d, k, r, c.w.data, gvAll);
    const input: Matrix[] = [];
    for (let b = 0; b < m; b++) {
      const gv = gvAll.subarray(b * d, (b + 1) * d);
      // v_ij = √2 S_ij for i < j: the symmetric gradient puts gv/√2 on both (i, j) and (j, i).
      const g = new Float64Array(n * n);
      let p = 0;
      for (let i = 0; i < n; i++) {
        g[i * n + i] = gv[p++];
        for (let j = i + 1; j < n; j++) {
          const val = gv[p++] / SQRT2;
          g[i * n + j] = val;
          g[j * n + i] = val;
        }
      }
      input.push({ rows: n, cols: n, data: g });
    }
    this.weight.grad = { rows: k, cols: d, data: gw };
    this.bias.grad = { rows: 1, cols: k, data: gb };
    return { input };
  }

  /** Index of the largest logit of each row of the last forward batch. */
  predicted(): number[] {
    const c = this.requireCache('SoftmaxHead.predicted');
    return argmaxRows(c.logits, this.classes);
  }

  parameters(): Parameter[] {
    return [this.weight, this.bias];
  }

  private requireCache(fn: string) {
    if (!this.cache) throw new InvalidArgumentError(`${fn}(): call forward() first`);
    return this.cache;
  }

  private checkLabels(fn: string, labels: ArrayLike<number>, m: number): void {
    checkLabelArray(fn, 'labels', labels, m, this.classes);
  }
}
