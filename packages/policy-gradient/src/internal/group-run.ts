// The group-sampling loop shared by GRPO, CAPO and G2RL: sample G responses to each prompt,
// verify them, form group-relative advantages, and take clipped-surrogate steps with an optional
// exact per-token KL penalty (Shao et al. 2024, "DeepSeekMath", §4.1). CAPO masks tokens by its
// curvature model before the step; G2RL scales rewards by gradient novelty before the
// advantages.
import {
  InvalidArgumentError,
  type Matrix,
  checkInRange,
  checkInteger,
  checkPositive,
  checkVector,
} from '@rg/linalg';
import { softmaxRow } from '@rg/linalg/kernels';
import { adam, type Optimizer } from '@rg/optim';
import { curvatureKernel, headStep, lastLayerOf } from '../curvature-shifts.js';
import { gradientFeaturesKernel } from '../gradient-features.js';
import { noveltyScalesKernel } from '../gradient-novelty-scales.js';
import { groupAdvantagesKernel } from '../group-relative-advantages.js';
import type { SequencePolicy } from '../sequence-policy.js';
import type { TokenTask } from '../token-task.js';
import type {
  CapoOptions,
  G2rlOptions,
  GrpoOptions,
  TrainProgress,
  TrainResult,
} from '../train-types.js';
import {
  categoricalEntropy,
  categoricalKl,
  categoricalLogProbs,
  categoricalScore,
} from './heads.js';
import { joinSequences, sequenceKernelsOf } from './sequence-network-policy.js';
import { checkTask, taskKernels } from './token-task-kit.js';
import { RunLoop } from './train-loop.js';

export type GroupVariant = 'grpo' | 'capo' | 'g2rl';

/** the step the optimizer would take from θ for the descent direction, its state left as it was */
function proposedStep(optimizer: Optimizer, theta: Float64Array, descent: Float64Array) {
  const saved = optimizer.state();
  const x = theta.slice();
  optimizer.stepInPlace(x, descent);
  optimizer.loadState(saved);
  for (let i = 0; i < x.length; i++) x[i] -= theta[i];
  return x;
}

export function* groupRun(
  fn: GroupVariant,
  task: TokenTask,
  policy: SequencePolicy,
  options: GrpoOptions | CapoOptions | G2rlOptions | undefined,
): Generator<TrainProgress, TrainResult, void> {
  checkTask(fn, task);
  const sk = sequenceKernelsOf(fn, policy);
  const head = fn === 'grpo' ? null : lastLayerOf(fn, policy);
  const P = task.promptLength;
  const R = task.responseLength;
  if (P + R > policy.maxTokens)
    throw new InvalidArgumentError(
      `${fn}(): the task's sequences (${P + R} tokens) do not fit the policy's maxTokens ${policy.maxTokens}`,
    );
  sk.checkIds(fn, 'task.train', task.train, 1);
  const loop = new RunLoop(fn, policy.dim, () => policy.initialParameters(), options);
  const o = options ?? {};
  const m = checkInteger(fn, 'options.promptsPerIteration', o.promptsPerIteration ?? 8, 1);
  const G = checkInteger(fn, 'options.groupSize', o.groupSize ?? 8, 2);
  const epochs = checkInteger(fn, 'options.epochs', o.epochs ?? 1, 1);
  const eps = checkInRange(fn, 'options.clip', o.clip ?? 0.2, 0, 1, true);
  const beta = checkPositive(fn, 'options.klCoefficient', o.klCoefficient ?? 0, true);
  const reference =
    o.reference === undefined
      ? loop.theta.slice()
      : checkVector(fn, 'options.reference', o.reference, policy.dim).slice();
  const normalize = o.normalize ?? 'std';
  if (normalize !== 'std' && normalize !== 'none')
    throw new InvalidArgumentError(
      `${fn}(): options.normalize must be 'std' or 'none' (got ${String(normalize)})`,
    );
  const optimizer: Optimizer =
    o.optimizer ?? adam({ lr: checkPositive(fn, 'options.lr', o.lr ?? 1e-3) });
  if (typeof optimizer.stepInPlace !== 'function')
    throw new InvalidArgumentError(`${fn}(): options.optimizer must be an @rg/optim optimizer`);
  const co = o as CapoOptions;
  const tauF = checkPositive(fn, 'options.policyShiftThreshold', co.policyShiftThreshold ?? 1e-4);
  const tauH = checkPositive(
    fn,
    'options.objectiveShiftThreshold',
    co.objectiveShiftThreshold ?? 0.01,
  );
  const go = o as G2rlOptions;
  const bound = checkInRange(fn, 'options.scaleBound', go.scaleBound ?? 0.5, 0, 1, false, true);
  const sharpness = checkPositive(fn, 'options.scaleSharpness', go.scaleSharpness ?? 5, true);

  const tk = taskKernels(task);
  const V = policy.vocab;
  const N = m * G;
  const NR = N * R;
  const train = task.train;
  let order: number[] = [];
  let next = 0;
  const grad = new Float64Array(policy.dim);
  const descent = new Float64Array(policy.dim);
  const Dfeat = head ? (head.inputs + (head.b ? 1 : 0)) * V : 0;

  while (!loop.done) {
    // ---- sample: m prompts (reshuffled passes over the training set), G responses each ----
    const prompts: Matrix = { rows: m, cols: P, data: new Float64Array(m * P) };
    for (let i = 0; i < m; i++) {
      if (next >= order.length) {
        order = loop.rng.shuffle(Array.from({ length: train.rows }, (_, j) => j));
        next = 0;
      }
      const row = order[next++];
      prompts.data.set(train.data.subarray(row * P, (row + 1) * P), i * P);
    }
    const responses = sk.generate(loop.theta, prompts, R, G, loop.rng, 1, false);
    const S = joinSequences(prompts, responses, G);
    const rewards = new Float64Array(N);
    let degenerate = 0;
    for (let b = 0; b < N; b++) {
      const i = Math.floor(b / G);
      rewards[b] = tk.reward(
        prompts.data.subarray(i * P, (i + 1) * P),
        responses.data.subarray(b * R, (b + 1) * R),
      );
    }
    for (let g = 0; g < m; g++) {
      let same = true;
      for (let j = 1; j < G; j++) if (rewards[g * G + j] !== rewards[g * G]) same = false;
      if (same) degenerate++;
    }
    const stats: Record<string, number> = {};
    // ---- the sampling policy's pass: old log-probabilities, entropy, G2RL's features ----
    const refLogits = beta > 0 ? sk.pass(reference, S, P).logits.slice() : null;
    const pass0 = sk.pass(loop.theta, S, P);
    const oldLogp = new Float64Array(NR);
    categoricalLogProbs(pass0.logits, NR, V, pass0.actions, oldLogp);
    const H = new Float64Array(NR);
    categoricalEntropy(pass0.logits, NR, V, H);
    let entropy = 0;
    for (let i = 0; i < NR; i++) entropy += H[i];
    stats.entropy = entropy / NR;
    let scaled: Float64Array = rewards;
    if (fn === 'g2rl' && head) {
      const features = gradientFeaturesKernel(
        pass0,
        V,
        head.inputs,
        head.b !== null,
        new Float64Array(N * Dfeat),
      );
      const s = noveltyScalesKernel(features, N, Dfeat, G, bound, sharpness, new Float64Array(N));
      scaled = new Float64Array(N);
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let b = 0; b < N; b++) {
        scaled[b] = s[b] * rewards[b];
        lo = Math.min(lo, s[b]);
        hi = Math.max(hi, s[b]);
      }
      stats.minScale = lo;
      stats.maxScale = hi;
    }
    const adv = groupAdvantagesKernel(scaled, G, normalize === 'std', 1e-4, new Float64Array(N));

    // ---- optimizer steps on the clipped surrogate ----
    let clipped = 0;
    let masked = 0;
    // contributing tokens with positive / negative advantage, and how many of each were masked
    const signs = [0, 0, 0, 0];
    let klSum = 0;
    const logp = new Float64Array(NR);
    const ratio = new Float64Array(NR);
    const w = new Float64Array(NR);
    const probs = new Float64Array(NR * V);
    const Gpg = new Float64Array(NR * V);
    const Gz = new Float64Array(refLogits ? NR * V : 0);
    const GK = new Float64Array(refLogits ? NR * V : 0);
    const klValues = new Float64Array(NR);
    const klWeights = new Float64Array(NR).fill(-beta / NR);
    for (let epoch = 0; epoch < epochs; epoch++) {
      const pass = epoch === 0 ? pass0 : sk.pass(loop.theta, S, P);
      categoricalLogProbs(pass.logits, NR, V, pass.actions, logp);
      for (let i = 0; i < NR; i++) {
        const a = adv[Math.floor(i / R)];
        ratio[i] = Math.exp(logp[i] - oldLogp[i]);
        if ((a > 0 && ratio[i] > 1 + eps) || (a < 0 && ratio[i] < 1 - eps)) {
          clipped++;
          w[i] = 0;
        } else w[i] = (ratio[i] * a) / NR;
      }
      // ∂J/∂logits: w (e_a − π) − (β/NR) ∂KL/∂logits, the two parts kept apart for CAPO's mask
      for (let row = 0; row < NR; row++) softmaxRow(pass.logits, row * V, V, probs, row * V);
      categoricalScore(probs, NR, V, pass.actions, w, Gpg);
      if (refLogits) {
        categoricalKl(pass.logits, refLogits, NR, V, klValues, klWeights, GK);
        for (let i = 0; i < NR; i++) klSum += klValues[i];
      }
      const combine = () => {
        if (!refLogits) return Gpg;
        for (let i = 0; i < NR * V; i++) Gz[i] = Gpg[i] + GK[i];
        return Gz;
      };
      sk.back(combine(), grad);
      if (fn === 'capo' && head) {
        // the step the optimizer proposes, its curvature model per token, and the mask
        for (let i = 0; i < grad.length; i++) descent[i] = -grad[i];
        const step = proposedStep(optimizer, loop.theta, descent);
        const { dW, db } = headStep(policy, head, step);
        const kl = new Float64Array(NR);
        const dj = new Float64Array(NR);
        curvatureKernel(
          pass,
          V,
          head,
          dW,
          db,
          (i) => adv[Math.floor(i / R)],
          (i) => ratio[i],
          kl,
          dj,
        );
        // tokens that move the update (w ≠ 0) and fail the test lose their policy-gradient term
        // w (e_a − π); their KL penalty stays
        let any = false;
        for (let i = 0; i < NR; i++) {
          if (w[i] === 0) continue;
          const negative = w[i] > 0 ? 0 : 1;
          signs[negative]++;
          if (!(kl[i] < tauF && Math.abs(dj[i]) < tauH)) {
            masked++;
            signs[negative + 2]++;
            Gpg.fill(0, i * V, (i + 1) * V);
            any = true;
          }
        }
        if (any) sk.back(combine(), grad);
      }
      for (let i = 0; i < grad.length; i++) descent[i] = -grad[i];
      optimizer.stepInPlace(loop.theta, descent);
    }
    stats.clipFraction = clipped / (NR * epochs);
    if (beta > 0) stats.kl = klSum / (NR * epochs);
    if (fn === 'capo') {
      stats.maskedShare = masked / (NR * epochs);
      stats.maskedPositive = signs[0] > 0 ? signs[2] / signs[0] : 0;
      stats.maskedNegative = signs[1] > 0 ? signs[3] / signs[1] : 0;
    }
    stats.degenerateGroups = degenerate / m;
    loop.count(NR, N, rewards);
    yield loop.finish(stats);
  }
  return loop.result();
}
