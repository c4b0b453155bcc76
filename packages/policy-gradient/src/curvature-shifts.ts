// CAPO's per-token curvature model: the objective shift and the policy shift a proposed update
// causes at each sampled token, under the last-layer model (Melo, Abate & Gal 2025,
// "Stabilizing policy gradients for sample-efficient reinforcement learning in LLM reasoning").
import { InvalidArgumentError, type Matrix, checkOptions, checkVector } from '@rg/linalg';
import { gemm, softmaxRow } from '@rg/linalg/kernels';
import { categoricalLogProbs } from './internal/heads.js';
import {
  type HeadWeights,
  type ResponsePass,
  sequenceKernelsOf,
  weightsOf,
} from './internal/sequence-network-policy.js';
import type { SequencePolicy } from './sequence-policy.js';

/** Options of {@link curvatureShifts}. */
export interface CurvatureShiftsOptions {
  /** advantages Â: one per sequence (n) or per token (n·responseLength) (default 1) */
  advantages?: ArrayLike<number>;
  /**
   * log-probabilities of the response tokens under the sampling policy (n × responseLength), for
   * the ratios ρ = π_θ/π_old in the objective (default: ρ = 1, θ is the sampling policy)
   */
  oldLogProbs?: Matrix;
}

/** What {@link curvatureShifts} returns: n × responseLength Matrices, one entry per token. */
export interface CurvatureShifts {
  /** ½ (vᵀu)², the second-order estimate of the token's policy shift (KL) */
  readonly policyShift: Matrix;
  /** Â ρ (vᵀu + ½((vᵀu)² − uᵀFu)), the second-order change of the token's objective Â ρ */
  readonly objectiveShift: Matrix;
}

/**
 * @internal per-token shifts of the update `dW`, `db` of the dense head, at a pass (features H,
 * logits): u = H dW + db (the exact logit change when only the head moves), v = e_a − π,
 * F = diag π − ππᵀ; policy ½(vᵀu)², objective Âρ(vᵀu + ½((vᵀu)² − uᵀFu)). Unchecked.
 */
export function curvatureKernel(
  pass: ResponsePass,
  vocab: number,
  head: HeadWeights,
  dW: Float64Array,
  db: Float64Array | null,
  advantage: (i: number) => number,
  ratio: (i: number) => number,
  policyShift: Float64Array,
  objectiveShift: Float64Array,
): void {
  const N = pass.n * pass.R;
  const V = vocab;
  const U = new Float64Array(N * V);
  gemm(N, V, head.inputs, pass.features as Float64Array, dW, U);
  const p = new Float64Array(N * V);
  for (let row = 0; row < N; row++) softmaxRow(pass.logits, row * V, V, p, row * V);
  for (let i = 0; i < N; i++) {
    const o = i * V;
    let pu = 0;
    let puu = 0;
    for (let j = 0; j < V; j++) {
      const u = db ? U[o + j] + db[j] : U[o + j];
      U[o + j] = u;
      pu += p[o + j] * u;
      puu += p[o + j] * u * u;
    }
    const a = U[o + pass.actions[i]] - pu;
    const q = puu - pu * pu;
    policyShift[i] = 0.5 * a * a;
    objectiveShift[i] = advantage(i) * ratio(i) * (a + 0.5 * (a * a - q));
  }
}

/**
 * CAPO's curvature model of one update: for a proposed step Δθ and each response token, the
 * policy shift KL ≈ ½ (vᵀu)² and the objective shift ΔJ ≈ Âρ(vᵀu + ½((vᵀu)² − uᵀFu)), where u
 * is the change of the token's logits under the last-layer model (only the dense head moves,
 * by its part of Δθ: u = h ΔW + Δb for the token's features h, exact for that motion),
 * v = e_a − π is the score of the sampled token a with respect to the logits, and
 * F = diag π − ππᵀ the softmax Fisher. vᵀu is the first-order change of log π(a), so
 * ½(vᵀu)² is the second-order estimate of ½(Δ log π(a))², whose mean over a ∼ π is the
 * Fisher form ½uᵀFu ≈ KL(π ‖ π'); Âρ(vᵀu + ½((vᵀu)² − uᵀFu)) is the second-order Taylor
 * expansion of the change of the token's surrogate term Âρ = Â π(a)/π_old(a). CAPO keeps a
 * token iff its KL < τ_F and |ΔJ| < τ_H (see {@link capo}).
 *
 * @param policy - a sequence policy whose head is a dense layer
 * @param theta - the parameters before the step
 * @param sequences - n × (promptLength + responseLength) token ids
 * @param promptLength - tokens of each prompt
 * @param step - the proposed Δθ (length `policy.dim`); only its head part is read
 * @param options - advantages (1), oldLogProbs (ρ = 1)
 * @throws {InvalidArgumentError} when the policy has no dense head, or on bad sizes
 * @example
 * const pi = transformerPolicy({ maxTokens: 6, dModel: 8, seed: 2 });
 * const theta = pi.initialParameters();
 * const seqs = { rows: 1, cols: 6, data: Float64Array.of(1, 2, 11, 2, 1, 0) };
 * const step = new Float64Array(pi.dim);
 * pi.gradLogProbs(theta, seqs, 3, [1, 1, 1], step);
 * for (let i = 0; i < step.length; i++) step[i] *= 1e-3; // a gradient step of size 1e-3
 * const s = curvatureShifts(pi, theta, seqs, 3, step);
 * s.policyShift.data.every((kl) => kl > 0 && kl < 1e-4) // => true
 */
export function curvatureShifts(
  policy: SequencePolicy,
  theta: Float64Array,
  sequences: Matrix,
  promptLength: number,
  step: Float64Array,
  options: CurvatureShiftsOptions = {},
): CurvatureShifts {
  const fn = 'curvatureShifts';
  const sk = sequenceKernelsOf(fn, policy);
  const head = lastLayerOf(fn, policy);
  sk.checkTheta(fn, theta);
  const Pn = sk.checkSequences(fn, sequences, promptLength);
  checkVector(fn, 'step', step, policy.dim);
  const o = checkOptions(fn, 'options', options);
  const n = sequences.rows;
  const R = sequences.cols - Pn;
  const N = n * R;
  let adv: (i: number) => number = () => 1;
  if (o.advantages !== undefined) {
    const len = o.advantages?.length;
    if (len !== n && len !== N)
      throw new InvalidArgumentError(
        `${fn}(): options.advantages must have one entry per sequence (${n}) or per token (${N})`,
      );
    const a = weightsOf(fn, o.advantages, len === n ? n : N, 1);
    adv = len === n ? (i) => a[Math.floor(i / R)] : (i) => a[i];
  }
  const pass = sk.pass(theta, sequences, Pn);
  let ratio: (i: number) => number = () => 1;
  if (o.oldLogProbs !== undefined) {
    const old = weightsOf(fn, o.oldLogProbs, n, R);
    const lp = new Float64Array(N);
    categoricalLogProbs(pass.logits, N, policy.vocab, pass.actions, lp);
    ratio = (i) => Math.exp(lp[i] - old[i]);
  }
  const { dW, db } = headStep(policy, head, step);
  const kl = new Float64Array(N);
  const dj = new Float64Array(N);
  curvatureKernel(pass, policy.vocab, head, dW, db, adv, ratio, kl, dj);
  return {
    policyShift: { rows: n, cols: R, data: kl },
    objectiveShift: { rows: n, cols: R, data: dj },
  };
}

/** @internal the dense head of a policy, or a typed error naming the caller */
export function lastLayerOf(fn: string, policy: SequencePolicy): HeadWeights {
  const h = sequenceKernelsOf(fn, policy).headWeights();
  if (!h)
    throw new InvalidArgumentError(
      `${fn}(): policy must have a dense head (options.head of sequencePolicy, or transformerPolicy): the last-layer model reads its input features`,
    );
  return h;
}

/** @internal the head's part of a step of θ: ΔW (inputs × vocab) and Δb */
export function headStep(
  policy: SequencePolicy,
  head: HeadWeights,
  step: Float64Array,
): { dW: Float64Array; db: Float64Array | null } {
  const V = policy.vocab;
  const at = policy.dim - (head.inputs * V + (head.b ? V : 0));
  return {
    dW: step.subarray(at, at + head.inputs * V),
    db: head.b ? step.subarray(at + head.inputs * V, at + head.inputs * V + V) : null,
  };
}
