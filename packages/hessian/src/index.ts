// Public surface of @rg/hessian: named re-exports only.
export { finiteDifferenceHVP } from './finite-difference-hvp.js';
export type { GnsHessian, GnsNewtonOptions, GnsNewtonResult, GnsStep } from './gns-newton.js';
export { gnsNewton } from './gns-newton.js';
export type {
  HessianEigenvaluesOptions,
  HessianEigenvaluesResult,
} from './hessian-eigenvalues.js';
export { hessianEigenvalues } from './hessian-eigenvalues.js';
export type { HessianTraceResult } from './hessian-trace.js';
export { hessianTrace } from './hessian-trace.js';
export type { RegressionObjective } from './logistic-regression.js';
export { logisticRegression } from './logistic-regression.js';
export type { MfacOptimizer, MfacOptimizerOptions } from './mfac-optimizer.js';
export { mfacOptimizer } from './mfac-optimizer.js';
export type { MfacPreconditionerOptions } from './mfac-preconditioner.js';
export { mfacPreconditioner } from './mfac-preconditioner.js';
export type { CurvatureObjective, Objective } from './objective.js';
export { SlidingWindowMFAC } from './sliding-window-mfac.js';
export { softmaxRegression } from './softmax-regression.js';
export type { SpectralDensityOptions, SpectralDensityResult } from './spectral-density.js';
export { spectralDensity } from './spectral-density.js';
export type { StabilityReport } from './stability-report.js';
export { stabilityReport } from './stability-report.js';
export type { StaticMFACOptions } from './static-mfac.js';
export { StaticMFAC } from './static-mfac.js';
