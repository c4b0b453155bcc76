// Public surface of @rg/nn: named re-exports only.
export type { ActivationOptions } from './activation.js';
export { activation } from './activation.js';
export type { AdamOptions } from './adam.js';
export { adam } from './adam.js';
export type { AttentionOptions } from './attention.js';
export { attention } from './attention.js';
export type { ColumnsOptions } from './columns.js';
export { columns } from './columns.js';
export type { ConcatOptions } from './concat.js';
export { concat } from './concat.js';
export type { DenseOptions } from './dense.js';
export { dense } from './dense.js';
export type { DropoutOptions } from './dropout.js';
export { dropout } from './dropout.js';
export type { EmbeddingOptions } from './embedding.js';
export { embedding } from './embedding.js';
export { fromJSON } from './from-json.js';
export type { InitName, SeedOrRng } from './internal/init.js';
export type { Targets } from './internal/targets.js';
export type {
  ForwardOptions,
  Layer,
  LayerSpec,
  ModelJSON,
  RBackwardResult,
} from './layer.js';
export type { LayerNormOptions } from './layer-norm.js';
export { layerNorm } from './layer-norm.js';
export type { LearnedPositionsOptions } from './learned-positions.js';
export { learnedPositions } from './learned-positions.js';
export type { LossAndGradient, LossOptions } from './loss-and-gradient.js';
export { lossAndGradient } from './loss-and-gradient.js';
export type { ActivationName, Mlp, MlpLayer, MlpOptions } from './mlp.js';
export { mlp } from './mlp.js';
export type { LossName, MlpObjective, MlpObjectiveOptions } from './mlp-objective.js';
export { mlpObjective } from './mlp-objective.js';
export type { ModelData, ModelObjective, ModelObjectiveOptions } from './model-objective.js';
export { modelObjective } from './model-objective.js';
export type { Objective } from './objective.js';
export type { Optimizer } from './optimizer.js';
export type { PerSampleGradientsOptions } from './per-sample-gradients.js';
export { perSampleGradients } from './per-sample-gradients.js';
export type { PerSampleGradientsParallelOptions } from './per-sample-gradients-parallel.js';
export {
  PER_SAMPLE_PARALLEL_MIN,
  perSampleGradientsParallel,
} from './per-sample-gradients-parallel.js';
export type { ResidualOptions } from './residual.js';
export { residual } from './residual.js';
export type { Schedule } from './schedules.js';
export { constantSchedule, cosineSchedule, stepSchedule } from './schedules.js';
export type { SequentialOptions } from './sequential.js';
export { sequential } from './sequential.js';
export type { SgdOptions } from './sgd.js';
export { sgd } from './sgd.js';
export type { SinusoidalEmbeddingOptions } from './sinusoidal-embedding.js';
export { sinusoidalEmbedding } from './sinusoidal-embedding.js';
export type { SinusoidalPositionsOptions } from './sinusoidal-positions.js';
export { sinusoidalPositions } from './sinusoidal-positions.js';
export type { TrainData, TrainOptions, TrainResult } from './train.js';
export { train } from './train.js';
export type { TransformerBlockOptions } from './transformer-block.js';
export { transformerBlock } from './transformer-block.js';
