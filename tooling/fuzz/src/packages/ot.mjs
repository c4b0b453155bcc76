// @rg/ot: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

export const descriptions = {
  costMatrix: 'x:any y:any metric?:any',
  emd: 'a:any b:any costInput:any options?:opts',
  emd2: 'a:any b:any cost:any options?:opts',
  gaussianW2: 'm1:vec c1:mat m2:vec c2:mat',
  sinkhorn: 'a:any b:any costInput:any options:opts',
  sinkhornBarycenter: 'histograms:any costInput:any options:opts',
  sinkhornNewtonSparse: 'a:any b:any costInput:any options:opts',
  slicedWasserstein: 'x:any y:any options?:opts',
  wasserstein1D: 'u:vec v:vec options?:opts',
};

export const knownFailures = {
  'ot:costMatrix:baseline': {
    category: 'baseline',
    observed: 'ShapeError: costMatrix(): x must be a Matrix or an array of points',
  },
  'ot:emd:baseline': {
    category: 'baseline',
    observed: 'ShapeError: emd(): a must be a Float64Array or an array of numbers',
  },
  'ot:emd2:baseline': {
    category: 'baseline',
    observed: 'ShapeError: emd2(): a must be a Float64Array or an array of numbers',
  },
  'ot:gaussianW2:baseline': {
    category: 'baseline',
    observed:
      'NotSymmetricError: gaussianW2(): c1 must be symmetric (relative asymmetry 7.50e-1 > 1e-10)',
  },
  'ot:sinkhorn:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: sinkhorn(): options { reg } are required',
  },
  'ot:sinkhornBarycenter:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: sinkhornBarycenter(): options { reg } are required',
  },
  'ot:sinkhornNewtonSparse:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: sinkhornNewtonSparse(): options { reg } are required',
  },
  'ot:slicedWasserstein:baseline': {
    category: 'baseline',
    observed: 'ShapeError: slicedWasserstein(): x must be a Matrix or an array of points',
  },
  'ot:wasserstein1D:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'p')",
  },
};
