// @rg/grassmann: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

export const descriptions = {
  gcrSgd: 'options?:opts',
  grassmann: 'n:int k:int options?:opts',
  grassmannClassHead: 'options:opts',
  karcherMean: 'points:mats options?:opts',
  projectionMean: 'points:mats options?:opts',
  stiefelCanonical: 'value',
};

export const knownFailures = {
  'grassmann:grassmannClassHead:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: grassmannClassHead(): options must be an object',
  },
  'grassmann:karcherMean:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: karcherMean(): points[0] must have orthonormal columns to represent a point of Gr(3, 3) (max |poin',
  },
  'grassmann:projectionMean:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: projectionMean(): points[0] must have orthonormal columns to represent a point of Gr(3, 3) (max |p',
  },
};
