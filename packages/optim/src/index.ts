// Public surface of @rg/optim: named re-exports only.
export type { AdamOptions } from './adam.js';
export { adam } from './adam.js';
export type { AdamWOptions } from './adamw.js';
export { adamw } from './adamw.js';
export type { AttentionProblem, AttentionProblemOptions } from './attention-problem.js';
export { attentionProblem, optimalTokens } from './attention-problem.js';
export type { AttentionSVMKkt, AttentionSVMOptions, AttentionSVMResult } from './attention-svm.js';
export { attentionSVM } from './attention-svm.js';
export type { BenchmarkFunction } from './benchmark-functions.js';
export { ackley, griewank, rastrigin, rosenbrock, schwefel } from './benchmark-functions.js';
export type { CboOptions, CboResult } from './cbo.js';
export { cbo } from './cbo.js';
export type { CboRunSummary, CboRunsOptions, CboRunsResult } from './cbo-runs.js';
export { cboRuns } from './cbo-runs.js';
export type { DefineOptimizerOptions, Slot, UpdateRule } from './define-optimizer.js';
export { defineOptimizer } from './define-optimizer.js';
export { euclidean } from './euclidean.js';
export type { ExponentiatedGradientOptions } from './exponentiated-gradient.js';
export { exponentiatedGradient } from './exponentiated-gradient.js';
export type { GradientTransform, JsonValue } from './gradient-transform.js';
export type { Manifold } from './manifold.js';
export type { MatrixSensingOptions, SensingProblem } from './matrix-sensing.js';
export { matrixSensing } from './matrix-sensing.js';
export type { MuonOptions } from './muon.js';
export { muon } from './muon.js';
export type { NewtonSchulzOptions } from './newton-schulz.js';
export { newtonSchulz } from './newton-schulz.js';
export type {
  LmoNorm,
  NoiseAdaptiveOptimizer,
  NoiseAdaptiveOptions,
  NoiseAdaptiveState,
} from './noise-adaptive.js';
export { noiseAdaptive } from './noise-adaptive.js';
export type { Optimizer, OptimizerState, ParameterState } from './optimizer.js';
export type { Parameter } from './parameter.js';
export type { Schedule } from './schedules.js';
export { constantSchedule, cosineSchedule, linearWarmup, stepSchedule } from './schedules.js';
export type { SensingGDOptions, SensingGDResult } from './sensing-gd.js';
export { sensingGD } from './sensing-gd.js';
export type { SgdOptions, SgdRuleOptions } from './sgd.js';
export { sgd, sgdRule } from './sgd.js';
export type { SignDescentOptions } from './sign-descent.js';
export { signDescent } from './sign-descent.js';
export type { SpectralDescentOptions } from './spectral-descent.js';
export { spectralDescent } from './spectral-descent.js';
export { sphere } from './sphere.js';
export { stiefel, stiefelPolar } from './stiefel.js';
export type { TrainAttentionOptions, TrainAttentionResult } from './train-attention.js';
export { trainAttention } from './train-attention.js';
