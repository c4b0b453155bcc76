// Public surface of @rg/grassmann: named re-exports only.
export type { GcrSgdOptions } from './gcr-sgd.js';
export { gcrSgd } from './gcr-sgd.js';
export type { Grassmann, GrassmannDistanceKind, GrassmannOptions } from './grassmann.js';
export { grassmann } from './grassmann.js';
export type {
  GrassmannClassHead,
  GrassmannClassHeadOptions,
} from './grassmann-class-head.js';
export { grassmannClassHead } from './grassmann-class-head.js';
export type { KarcherMeanOptions, KarcherMeanResult } from './karcher-mean.js';
export { karcherMean } from './karcher-mean.js';
export type { ProjectionMeanOptions } from './projection-mean.js';
export { projectionMean } from './projection-mean.js';
export { stiefelCanonical } from './stiefel-canonical.js';
