// Public surface of @rg/diffusion: named re-exports only. Each section is owned by one area;
// add exports inside your section, keep the sections in place.

// --- graphs: nearest neighbours, kNN and α-decay kernels, Laplacians ---
export type { AlphaDecayKernelOptions } from './graphs/alpha-decay-kernel.js';
export { alphaDecayKernel } from './graphs/alpha-decay-kernel.js';
export type { KnnGraphOptions } from './graphs/knn-graph.js';
export { knnGraph } from './graphs/knn-graph.js';
export type { LaplacianOptions } from './graphs/laplacian.js';
export { laplacian } from './graphs/laplacian.js';
export type { NearestNeighbors, NearestNeighborsOptions } from './graphs/nearest-neighbors.js';
export { nearestNeighbors } from './graphs/nearest-neighbors.js';

// --- heat kernels: Bessel coefficients, Chebyshev / exact / backward-Euler exp(−tL) ---
export { scaledBesselI } from './heat/bessel.js';
export type { HeatChebyshevCoefficients } from './heat/chebyshev-heat.js';
export { heatChebyshevCoefficients, MAX_CHEBYSHEV_ORDER } from './heat/chebyshev-heat.js';
export type { HeatKernel, HeatKernelOptions } from './heat/heat-kernel.js';
export { HEAT_EXACT_MAX_N, heatKernel } from './heat/heat-kernel.js';

// --- heat geometry: heat-geodesic distances and embeddings, MDS, baselines ---
export type { ClassicalMdsResult } from './embedding/classical-mds.js';
export { classicalMds } from './embedding/classical-mds.js';
export type { DiffusionMapOptions, DiffusionMapResult } from './embedding/diffusion-map.js';
export { diffusionMap } from './embedding/diffusion-map.js';
export type { DiffusionTimeOptions, DiffusionTimeResult } from './embedding/diffusion-time.js';
export { selectDiffusionTime } from './embedding/diffusion-time.js';
export type {
  HeatGeodesicDistancesResult,
  HeatGeodesicOptions,
} from './embedding/heat-geodesic-distances.js';
export { heatGeodesicDistances } from './embedding/heat-geodesic-distances.js';
export type {
  HeatGeodesicEmbeddingOptions,
  HeatGeodesicEmbeddingResult,
} from './embedding/heat-geodesic-embedding.js';
export { heatGeodesicEmbedding } from './embedding/heat-geodesic-embedding.js';
export type { IsomapOptions } from './embedding/shortest-paths.js';
export { isomap, shortestPathDistances } from './embedding/shortest-paths.js';
export type { SmacofOptions, SmacofResult } from './embedding/smacof.js';
export { smacof } from './embedding/smacof.js';

// --- data: manifold samplers with ground truth ---
export type { SphereOptions, TorusOptions } from './data/sphere.js';
export { sphere, torus } from './data/sphere.js';
export type { FlatManifoldSample, ManifoldSampleOptions } from './data/swiss-roll.js';
export { sCurve, swissRoll } from './data/swiss-roll.js';

// --- vector fields on manifolds: local frames, connection Laplacian, vector heat, RVGP ---
export type { ConnectionLaplacianOptions } from './vector-fields/connection-laplacian.js';
export { connectionLaplacian } from './vector-fields/connection-laplacian.js';
export type { LocalFramesOptions, TangentFrames } from './vector-fields/local-frames.js';
export { localFrames } from './vector-fields/local-frames.js';
export type {
  GraphGpModel,
  RvgpModel,
  RvgpOptions,
  SpectralBasis,
  SpectralGpHyperparameters,
  SpectralGpOptions,
  VectorFieldPrediction,
} from './vector-fields/rvgp.js';
export { graphGp, rvgp } from './vector-fields/rvgp.js';
export {
  liftFromFrames,
  projectToFrames,
  vectorHeatDiffusion,
} from './vector-fields/tangent-vectors.js';

// --- generative: multiplicative (GBM) diffusion models (part 2) ---
export type { GbmOptions, GbmParameters, LogNormal } from './generative/gbm.js';
export {
  gbmForward,
  gbmLogDensity,
  gbmLogNormalMarginal,
  gbmParameters,
  gbmScore,
} from './generative/gbm.js';
export { multiplicativeDsmLoss } from './generative/loss.js';
export type { MmdOptions } from './generative/metrics.js';
export { mmd } from './generative/metrics.js';
export type {
  AdditiveDiffusionOptions,
  DiffusionModel,
  DiffusionModelJSON,
  DiffusionSampleOptions,
  DiffusionTrainOptions,
  DiffusionTrainResult,
  MultiplicativeDiffusionOptions,
} from './generative/models.js';
export {
  additiveDiffusion,
  diffusionModelFromJSON,
  multiplicativeDiffusion,
} from './generative/models.js';
export type { GbmSampleOptions, ScoreFunction } from './generative/samplers.js';
export { gbmReverseSample } from './generative/samplers.js';
export type { ScoreNetworkOptions } from './generative/score-network.js';
export { scoreNetwork } from './generative/score-network.js';
