// Public surface of @rg/optim: named re-exports only.
export type { AdamOptions } from './adam.js';
export { adam } from './adam.js';
export type { AdamWOptions } from './adamw.js';
export { adamw } from './adamw.js';
export { euclidean } from './euclidean.js';
export type { GradientTransform, JsonValue } from './gradient-transform.js';
export type { Manifold } from './manifold.js';
export type { Optimizer, OptimizerState, ParameterState } from './optimizer.js';
export type { Parameter } from './parameter.js';
export type { Schedule } from './schedules.js';
export { constantSchedule, cosineSchedule, linearWarmup, stepSchedule } from './schedules.js';
export type { SgdOptions } from './sgd.js';
export { sgd } from './sgd.js';
export { sphere } from './sphere.js';
export { stiefel, stiefelPolar } from './stiefel.js';
export { optimVersion } from './version.js';
