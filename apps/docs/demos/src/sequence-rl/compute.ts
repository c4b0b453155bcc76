// The numbers behind the sequence-RL demo, shared by the page and the Node test: a small
// transformer policy on a verifiable digit task, a supervised warm start in slices of a few
// steps, then GRPO, CAPO or G2RL one update at a time (trainingSteps); after every slice or
// update, pass@1 and the policy's entropy on held-out prompts, and one group of sampled
// completions to a held-out prompt with their rewards and group-relative advantages.
import { rng } from '@rg/linalg';
import { adam, sgd } from '@rg/optim';
import {
  capo,
  evaluateSequencePolicy,
  g2rl,
  groupRelativeAdvantages,
  grpo,
  reverseTask,
  type SequencePolicy,
  supervisedWarmStart,
  sortTask,
  type TokenTask,
  trainingSteps,
  transformerPolicy,
} from '@rg/policy-gradient';

/** The tasks the page offers: reverse 4 digits, or sort 3 digits. */
export const TASKS = [
  { name: 'reverse', label: 'reverse 4 digits (1234= → 4321)' },
  { name: 'sort', label: 'sort 3 digits (312= → 123)' },
] as const;
export type TaskName = (typeof TASKS)[number]['name'];

/** The algorithms the page offers. */
export const ALGORITHMS = [
  { name: 'grpo', label: 'GRPO' },
  { name: 'capo', label: 'CAPO (curvature-aware token masking)' },
  { name: 'g2rl', label: 'G2RL (gradient-guided reward scaling)' },
] as const;
export type AlgorithmName = (typeof ALGORITHMS)[number]['name'];

/** The settings the page exposes. */
export interface RlSettings {
  seed: number;
  task: TaskName;
  algorithm: AlgorithmName;
  /** learning rate of the plain SGD step of each RL update */
  lr: number;
  reward: 'exact' | 'partial';
}

/** The page's settings when it opens. */
export const DEFAULT_SETTINGS: RlSettings = {
  seed: 1,
  task: 'reverse',
  algorithm: 'grpo',
  lr: 0.3,
  reward: 'exact',
};

/** The fixed sizes of a run. */
export const RUN = {
  /** supervised steps (Adam, lr 3e-3, 32 prompts each) per warm-start frame */
  warmStepsPerFrame: 10,
  /** the warm start stops at the first frame whose training pass@1 reaches this */
  warmTarget: 0.2,
  /** … or after this many steps */
  warmMaxSteps: 400,
  /** RL updates after the warm start */
  updates: 100,
  promptsPerUpdate: 8,
  groupSize: 8,
  /** held-out prompts × samples of each evaluation */
  evalPrompts: 64,
  evalSamples: 4,
} as const;

/** One group of completions sampled for a held-out prompt, as GRPO would score it. */
export interface CompletionGroup {
  prompt: string;
  completions: string[];
  rewards: number[];
  /** (r − mean)/(sd + 1e-4) over the group: what GRPO weights each completion's tokens by */
  advantages: number[];
}

/** What the page draws after each warm-start slice or RL update. */
export interface RlFrame {
  phase: 'warm' | 'rl';
  /** supervised steps so far (warm) or RL updates so far (rl) */
  step: number;
  /** pass@1 on the held-out prompts (the same draws every frame) */
  passAt1: number;
  /** mean next-token entropy (nats) of the policy along its held-out responses */
  entropy: number;
  /** warm: sampled pass@1 on training prompts (the stopping check); rl: null */
  trainPassAt1: number | null;
  /** rl: mean reward of the update's sampled responses; warm: null */
  batchReward: number | null;
  /** CAPO: share of the update's response tokens masked; otherwise null */
  maskedShare: number | null;
  group: CompletionGroup;
}

/** The task of the settings (512 training, 256 held-out prompts). */
export function taskOf(s: Pick<RlSettings, 'task' | 'reward'>): TokenTask {
  return s.task === 'sort'
    ? sortTask({ length: 3, reward: s.reward, seed: 0 })
    : reverseTask({ length: 4, reward: s.reward, seed: 0 });
}

/** A decoder-only transformer: 1 causal block, width 16, 2 heads. */
export function policyOf(task: TokenTask, seed: number): SequencePolicy {
  return transformerPolicy({
    maxTokens: task.promptLength + task.responseLength,
    dModel: 16,
    heads: 2,
    layers: 1,
    seed,
  });
}

/** G completions to held-out prompt `index`, drawn with `seed`, with rewards and advantages. */
export function completionGroup(
  task: TokenTask,
  policy: SequencePolicy,
  theta: Float64Array,
  index: number,
  seed: number,
): CompletionGroup {
  const P = task.promptLength;
  const R = task.responseLength;
  const G = RUN.groupSize;
  const row = index % task.test.rows;
  const prompt = task.test.data.slice(row * P, (row + 1) * P);
  const drawn = policy.generate(
    theta,
    { rows: 1, cols: P, data: prompt },
    { responseLength: R, samples: G, rng: rng(seed) },
  );
  const responses = Array.from({ length: G }, (_, i) => drawn.data.subarray(i * R, (i + 1) * R));
  const rewards = responses.map((r) => task.reward(prompt, r));
  return {
    prompt: task.decode(prompt),
    completions: responses.map((r) => task.decode(r)),
    rewards,
    advantages: Array.from(groupRelativeAdvantages(rewards, G)),
  };
}

/**
 * A generator of frames: the untrained policy, then one frame per `warmStepsPerFrame`
 * supervised steps until the training pass@1 reaches `warmTarget`, then one frame per RL update
 * (plain SGD at `lr`, 8 prompts × 8 responses, clip 0.2, no KL). The warm start's Adam state
 * carries over from slice to slice; slice k draws its prompts with seed 1000·seed + k.
 */
export function* rlFrames(s: RlSettings): Generator<RlFrame> {
  const task = taskOf(s);
  const policy = policyOf(task, s.seed);
  const evaluate = (theta: Float64Array, split: 'test' | 'train') =>
    evaluateSequencePolicy(task, policy, theta, {
      split,
      prompts: RUN.evalPrompts,
      samples: RUN.evalSamples,
      k: [1],
      seed: s.seed + (split === 'train' ? 500 : 0),
    });
  let frameIndex = 0;
  const frame = (
    theta: Float64Array,
    phase: 'warm' | 'rl',
    step: number,
    extra: Pick<RlFrame, 'trainPassAt1' | 'batchReward' | 'maskedShare'>,
  ): RlFrame => {
    const e = evaluate(theta, 'test');
    const group = completionGroup(task, policy, theta, frameIndex, 7000 + frameIndex);
    frameIndex++;
    return { phase, step, passAt1: e.passAt1, entropy: e.entropy, ...extra, group };
  };

  let theta = policy.initialParameters();
  const none = { batchReward: null, maskedShare: null };
  let trainPassAt1 = evaluate(theta, 'train').passAt1;
  yield frame(theta, 'warm', 0, { trainPassAt1, ...none });
  const optimizer = adam({ lr: 3e-3 });
  let steps = 0;
  while (trainPassAt1 < RUN.warmTarget && steps < RUN.warmMaxSteps) {
    const w = supervisedWarmStart(task, policy, {
      steps: RUN.warmStepsPerFrame,
      theta,
      optimizer,
      seed: 1000 * s.seed + steps / RUN.warmStepsPerFrame,
    });
    theta = Float64Array.from(w.theta);
    steps += RUN.warmStepsPerFrame;
    trainPassAt1 = evaluate(theta, 'train').passAt1;
    yield frame(theta, 'warm', steps, { trainPassAt1, ...none });
  }

  const algorithm = s.algorithm === 'capo' ? capo : s.algorithm === 'g2rl' ? g2rl : grpo;
  const updates = trainingSteps(algorithm, task, policy, {
    theta,
    seed: s.seed,
    maxIterations: RUN.updates,
    promptsPerIteration: RUN.promptsPerUpdate,
    groupSize: RUN.groupSize,
    optimizer: sgd({ lr: s.lr }),
  });
  for (const p of updates)
    yield frame(p.theta, 'rl', p.iteration, {
      trainPassAt1: null,
      batchReward: p.meanReturn,
      maskedShare: p.stats.maskedShare ?? null,
    });
}
