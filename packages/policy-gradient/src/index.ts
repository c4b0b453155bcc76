// Public surface of @rg/policy-gradient: named re-exports only.

// --- spaces and environments ---
export type { CartPoleOptions } from './cart-pole.js';
export { cartPole } from './cart-pole.js';
export type { CartPoleVectorOptions } from './cart-pole-vector.js';
export { cartPoleVector } from './cart-pole-vector.js';
export type {
  Action,
  Environment,
  StepResult,
  VectorEnvironment,
  VectorStepResult,
} from './environment.js';
export type { Cell, GridWorld, GridWorldOptions } from './grid-world.js';
export { gridWorld } from './grid-world.js';
export type { LQR, LqrOptions } from './lqr.js';
export { lqr } from './lqr.js';
export type { MountainCarOptions } from './mountain-car.js';
export { mountainCar } from './mountain-car.js';
export type { RandomMDPOptions } from './random-mdp.js';
export { randomMDP } from './random-mdp.js';
export type { BoxSpace, DiscreteSpace, Space } from './spaces.js';
export { boxSpace, discreteSpace, spaceSize } from './spaces.js';
export type { TabularMDP, TabularMDPSpec } from './tabular-mdp.js';
export { tabularMDP } from './tabular-mdp.js';
export { vectorize } from './vectorize.js';

// --- policies ---
export type { CategoricalPolicyOptions } from './categorical-policy.js';
export { categoricalPolicy } from './categorical-policy.js';
export type { GaussianPolicyOptions } from './gaussian-policy.js';
export { gaussianPolicy } from './gaussian-policy.js';
export type { LinearGaussianPolicyOptions } from './linear-gaussian-policy.js';
export { linearGaussianPolicy } from './linear-gaussian-policy.js';
export type { LinearSoftmaxPolicyOptions } from './linear-softmax-policy.js';
export { linearSoftmaxPolicy } from './linear-softmax-policy.js';
export type { MlpGaussianPolicyOptions } from './mlp-gaussian-policy.js';
export { mlpGaussianPolicy } from './mlp-gaussian-policy.js';
export type { MlpPolicyOptions } from './mlp-softmax-policy.js';
export { mlpSoftmaxPolicy } from './mlp-softmax-policy.js';
export type { Policy, PolicyDistribution } from './policy.js';
export { softmaxTabularPolicy } from './softmax-tabular-policy.js';

// --- sequence policies and verifiable token tasks ---
export type { AdditionTaskOptions } from './addition-task.js';
export { additionTask } from './addition-task.js';
export type { BracketsTaskOptions } from './brackets-task.js';
export { bracketsTask } from './brackets-task.js';
export type { DigitTaskOptions } from './reverse-task.js';
export { reverseTask } from './reverse-task.js';
export type { GenerateOptions, SequencePolicy, SequencePolicyOptions } from './sequence-policy.js';
export { sequencePolicy } from './sequence-policy.js';
export { sortTask } from './sort-task.js';
export type {
  SupervisedWarmStartOptions,
  SupervisedWarmStartResult,
} from './supervised-warm-start.js';
export { supervisedWarmStart } from './supervised-warm-start.js';
export type { TokenTask, TokenTaskOptions } from './token-task.js';
export { tokenVocabulary } from './token-task.js';
export type { TransformerPolicyOptions } from './transformer-policy.js';
export { transformerPolicy } from './transformer-policy.js';

// --- sampling, estimators and exact quantities ---
export type { EvaluatePolicyOptions, PolicyEvaluationEstimate } from './evaluate-policy.js';
export { evaluatePolicy } from './evaluate-policy.js';
export type { GeneralizedAdvantagesOptions } from './generalized-advantages.js';
export { gae, generalizedAdvantages } from './generalized-advantages.js';
export { importanceRatios } from './importance-ratios.js';
export { leaveOneOutBaseline } from './leave-one-out-baseline.js';
export type { PolicyEvaluation } from './policy-evaluation.js';
export { exactPolicyGradient, exactReturn, policyEvaluation } from './policy-evaluation.js';
export type { PolicyGradientEstimateOptions } from './policy-gradient-estimate.js';
export { policyGradientEstimate } from './policy-gradient-estimate.js';
export { returnsToGo } from './returns-to-go.js';
export type { RolloutOptions, Trajectories } from './rollout.js';
export { rollout } from './rollout.js';
export type { ValueIterationOptions, ValueIterationResult } from './value-iteration.js';
export { valueIteration } from './value-iteration.js';

// --- sequence RL: advantages, curvature, gradient features, metrics ---
export type { CurvatureShifts, CurvatureShiftsOptions } from './curvature-shifts.js';
export { curvatureShifts } from './curvature-shifts.js';
export type {
  EvaluateSequencePolicyOptions,
  SequenceEvaluation,
} from './evaluate-sequence-policy.js';
export { evaluateSequencePolicy } from './evaluate-sequence-policy.js';
export { gradientFeatures } from './gradient-features.js';
export type { GradientNoveltyScalesOptions } from './gradient-novelty-scales.js';
export { gradientNoveltyScales } from './gradient-novelty-scales.js';
export type { GroupRelativeAdvantagesOptions } from './group-relative-advantages.js';
export { groupRelativeAdvantages } from './group-relative-advantages.js';
export { passAtK } from './pass-at-k.js';

// --- algorithms ---
export { capo } from './capo.js';
export { g2rl } from './g2rl.js';
export { grpo } from './grpo.js';
export { harpg } from './harpg.js';
export { mdpo } from './mdpo.js';
export { nHarpg } from './n-harpg.js';
export { npgIgt } from './npg-igt.js';
export { ppoClip } from './ppo-clip.js';
export type {
  ActorCriticOptions,
  BaselineKind,
  CapoOptions,
  G2rlOptions,
  GrpoOptions,
  HarpgOptions,
  MdpoOptions,
  MomentumScheduleOptions,
  NpgIgtOptions,
  PpoClipOptions,
  RunOptions,
  ScoreFunctionOptions,
  TrainOptions,
  TrainProgress,
  TrainRecord,
  TrainResult,
  VanillaPGOptions,
} from './train-types.js';
export { trainingSteps } from './training-steps.js';
export { vanillaPG } from './vanilla-pg.js';
