// Public surface of @rg/nn: named re-exports only.
export type { AdamOptions } from './adam.js';
export { adam } from './adam.js';
export type { ActivationName, Mlp, MlpLayer, MlpOptions } from './mlp.js';
export { mlp } from './mlp.js';
export type { LossName, MlpObjective, MlpObjectiveOptions } from './mlp-objective.js';
export { mlpObjective } from './mlp-objective.js';
export type { Objective } from './objective.js';
export type { Optimizer } from './optimizer.js';
export type { Schedule } from './schedules.js';
export { constantSchedule, cosineSchedule, stepSchedule } from './schedules.js';
export type { SgdOptions } from './sgd.js';
export { sgd } from './sgd.js';
export type { TrainData, TrainOptions, TrainResult } from './train.js';
export { train } from './train.js';
