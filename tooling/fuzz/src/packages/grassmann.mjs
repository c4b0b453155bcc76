// @rg/grassmann: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

/** Two points of Gr(3, 2): orthonormal 3×2 bases. */
const planes = () => {
  const c = Math.cos(0.3);
  const sn = Math.sin(0.3);
  return [
    { rows: 3, cols: 2, data: Float64Array.from([1, 0, 0, 1, 0, 0]) },
    // columns (cos 0.3, 0, sin 0.3) and (0, 1, 0)
    { rows: 3, cols: 2, data: Float64Array.from([c, 0, 0, 1, sn, 0]) },
  ];
};

export const descriptions = {
  gcrSgd: 'options?:opts',
  grassmann: 'n:int k:int options?:opts',
  grassmannClassHead: {
    call: 'options:opts',
    valid: { options: () => ({ features: 3, classes: 2, k: 1, seed: 1 }) },
  },
  karcherMean: { call: 'points:mats options?:opts', valid: { points: planes } },
  projectionMean: { call: 'points:mats options?:opts', valid: { points: planes } },
  stiefelCanonical: 'value',
};

export const knownFailures = {};
