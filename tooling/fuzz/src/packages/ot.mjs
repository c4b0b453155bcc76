// @rg/ot: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

// A non-negative 3×3 ground cost for the three-bin histograms of kind `vec` (mass 1).
const cost3 = () => ({ rows: 3, cols: 3, data: Float64Array.from([0, 1, 4, 1, 0, 1, 4, 1, 0]) });

export const descriptions = {
  // points as a Matrix, one point per row (the `mat` kind's 3×3 matrix is three 3-D points)
  costMatrix: 'x:mat y:mat metric?:str',
  costMatrixParallel: 'x:mat y:mat metric?:str options?:opts',
  COST_MATRIX_PARALLEL_MIN: 'value',
  emd: { call: 'a:vec b:vec costInput:mat options?:opts', valid: { costInput: cost3 } },
  emd2: { call: 'a:vec b:vec cost:mat options?:opts', valid: { cost: cost3 } },
  gaussianW2: 'm1:vec c1:spd m2:vec c2:spd',
  sinkhorn: {
    call: 'a:vec b:vec costInput:mat options:opts',
    valid: { costInput: cost3, options: () => ({ reg: 0.5 }) },
  },
  sinkhornParallel: {
    call: 'a:vec b:vec costInput:mat options:opts',
    valid: { costInput: cost3, options: () => ({ reg: 0.5 }) },
  },
  SINKHORN_PARALLEL_MIN: 'value',
  sinkhornBarycenter: {
    call: 'histograms:any costInput:mat options:opts',
    valid: {
      histograms: () => [Float64Array.from([0.6, 0.3, 0.1]), Float64Array.from([0.1, 0.3, 0.6])],
      costInput: cost3,
      options: () => ({ reg: 0.5 }),
    },
  },
  sinkhornNewtonSparse: {
    call: 'a:vec b:vec costInput:mat options:opts',
    valid: { costInput: cost3, options: () => ({ reg: 0.5 }) },
  },
  slicedWasserstein: 'x:mat y:mat options?:opts',
  wasserstein1D: 'u:vec v:vec options?:opts',
};

export const knownFailures = {};
