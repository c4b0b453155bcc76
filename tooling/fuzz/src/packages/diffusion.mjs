// @rg/diffusion: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

export const descriptions = {
  alphaDecayKernel: 'x:mat options?:opts',
  knnGraph: 'x:mat options?:opts',
  laplacian: 'w:any options?:opts',
  nearestNeighbors: 'x:mat options?:opts',
  scaledBesselI: 'order:int x:num',
  heatChebyshevCoefficients: 't:num lambdaMax:num options?:opts',
  MAX_CHEBYSHEV_ORDER: 'value',
  HEAT_EXACT_MAX_N: 'value',
  heatKernel: 'l:any t:num options?:opts',
  classicalMds: 'd:mat dims?:num',
  diffusionMap: 'x:mat options?:opts',
  selectDiffusionTime: 'lap:any options?:opts',
  heatGeodesicDistances: 'x:mat options?:opts',
  heatGeodesicEmbedding: 'x:mat options?:opts',
  isomap: 'x:mat options?:opts',
  shortestPathDistances: 'lengths:any',
  smacof: 'd:mat options?:opts',
  sphere: 'options?:opts',
  torus: 'options?:opts',
  sCurve: 'options?:opts',
  swissRoll: 'options?:opts',
  connectionLaplacian: 'w:any frames:any options?:opts',
  localFrames: 'x:mat options?:opts',
  graphGp: 'points:mat train:vec values:vec options?:opts',
  rvgp: 'points:mat train:vec vectors:mat options?:opts',
  liftFromFrames: 'frames:any coords:mat',
  projectToFrames: 'frames:any vectors:mat',
  vectorHeatDiffusion: 'lc:any frames:any vectors:mat t:num options?:opts',
  gbmForward: 'x0:mat t:vec z:mat options?:opts',
  gbmLogDensity: 'x:mat x0:mat t:vec options?:opts',
  gbmLogNormalMarginal: 'data:vec t:num options?:opts',
  gbmParameters: 'options?:opts fn?:str',
  gbmScore: 'x:mat x0:mat t:vec options?:opts',
  multiplicativeDsmLoss: 'score:any x0:mat t:vec z:mat options?:opts',
  mmd: 'x:mat y:mat options?:opts',
  additiveDiffusion: 'options:opts',
  diffusionModelFromJSON: 'json:str',
  multiplicativeDiffusion: 'options:opts',
  gbmReverseSample: 'score:any xT:mat options:opts',
  scoreNetwork: 'options:opts',
};

export const knownFailures = {
  'diffusion:alphaDecayKernel:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: alphaDecayKernel(): k must be an integer in [1, 2] (got 5)',
  },
  'diffusion:alphaDecayKernel:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'k')",
  },
  'diffusion:knnGraph:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: knnGraph(): k must be an integer in [1, 2] (got 10)',
  },
  'diffusion:knnGraph:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'k')",
  },
  'diffusion:laplacian:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: laplacian(): w must be a CsrMatrix { rows, cols, rowPtr, colIndex, values }',
  },
  'diffusion:nearestNeighbors:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: nearestNeighbors(): k must be an integer in [1, 2] (got 10)',
  },
  'diffusion:nearestNeighbors:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'k')",
  },
  'diffusion:heatChebyshevCoefficients:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'order')",
  },
  'diffusion:heatKernel:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: heatKernel(): l must be a CsrMatrix { rows, cols, rowPtr, colIndex, values }',
  },
  'diffusion:classicalMds:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: classicalMds(): d must be non-negative (entry 1 is -1)',
  },
  'diffusion:diffusionMap:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: diffusionMap(): dims must be an integer in [1, 1] (got 2)',
  },
  'diffusion:diffusionMap:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'dims')",
  },
  'diffusion:selectDiffusionTime:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: selectDiffusionTime(): lap must be a CsrMatrix { rows, cols, rowPtr, colIndex, values }',
  },
  'diffusion:heatGeodesicDistances:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: heatGeodesicDistances(): knn must be an integer in [1, 2] (got 10)',
  },
  'diffusion:heatGeodesicDistances:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'graph')",
  },
  'diffusion:heatGeodesicEmbedding:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: heatGeodesicEmbedding(): knn must be an integer in [1, 2] (got 10)',
  },
  'diffusion:heatGeodesicEmbedding:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'graph')",
  },
  'diffusion:isomap:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: isomap(): knn must be an integer in [1, 2] (got 10)',
  },
  'diffusion:isomap:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'dims')",
  },
  'diffusion:shortestPathDistances:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: shortestPathDistances(): lengths must be a CsrMatrix { rows, cols, rowPtr, colIndex, values }',
  },
  'diffusion:smacof:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: smacof(): d must be non-negative (entry 1 is -1)',
  },
  'diffusion:sphere:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'n')",
  },
  'diffusion:torus:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'n')",
  },
  'diffusion:sCurve:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'n')",
  },
  'diffusion:swissRoll:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'n')",
  },
  'diffusion:connectionLaplacian:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: connectionLaplacian(): w must be a CsrMatrix { rows, cols, rowPtr, colIndex, values }',
  },
  'diffusion:localFrames:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: localFrames(): k must be an integer in [2, 2] (got 10)',
  },
  'diffusion:localFrames:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'dim')",
  },
  'diffusion:graphGp:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: graphGp(): train[0] = 0.2 is not a node index in [0, 3)',
  },
  'diffusion:rvgp:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: rvgp(): train[0] = 0.2 is not a node index in [0, 3)',
  },
  'diffusion:liftFromFrames:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: liftFromFrames(): frames must be TangentFrames { n, ambientDim, dim, data: Float64Array(n·ambientDim·dim) }',
  },
  'diffusion:projectToFrames:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: projectToFrames(): frames must be TangentFrames { n, ambientDim, dim, data: Float64Array(n·ambientDim·dim) }',
  },
  'diffusion:vectorHeatDiffusion:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: vectorHeatDiffusion(): frames must be TangentFrames { n, ambientDim, dim, data: Float64Array(n·ambientDim·di',
  },
  'diffusion:gbmForward:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: gbmForward(): x0 must be positive (entry 1 is -1); shift the data into (0, ∞) first',
  },
  'diffusion:gbmLogDensity:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: gbmLogDensity(): x must be positive (entry 1 is -1); shift the data into (0, ∞) first',
  },
  'diffusion:gbmLogNormalMarginal:baseline': {
    category: 'baseline',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'diffusion:gbmLogNormalMarginal:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'logMean')",
  },
  'diffusion:gbmLogNormalMarginal:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'logMean')",
  },
  'diffusion:gbmLogNormalMarginal:0:nan-entry': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'diffusion:gbmLogNormalMarginal:0:string': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'diffusion:gbmLogNormalMarginal:2:maxIter-negative': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'diffusion:gbmLogNormalMarginal:2:maxIter-fraction': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'diffusion:gbmLogNormalMarginal:2:tol-NaN': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'diffusion:gbmScore:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: gbmScore(): x must be positive (entry 1 is -1); shift the data into (0, ∞) first',
  },
  'diffusion:multiplicativeDsmLoss:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: multiplicativeDsmLoss(): score must be a function (x, t) => Matrix',
  },
  'diffusion:mmd:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'bandwidth')",
  },
  'diffusion:additiveDiffusion:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: additiveDiffusion(): options must be an object { dim, … }',
  },
  'diffusion:additiveDiffusion:0:maxIter-negative': {
    category: 'wrong-name',
    observed: 'scoreNetwork(): dim must be a positive integer (got undefined)',
  },
  'diffusion:additiveDiffusion:0:maxIter-fraction': {
    category: 'wrong-name',
    observed: 'scoreNetwork(): dim must be a positive integer (got undefined)',
  },
  'diffusion:additiveDiffusion:0:tol-NaN': {
    category: 'wrong-name',
    observed: 'scoreNetwork(): dim must be a positive integer (got undefined)',
  },
  'diffusion:diffusionModelFromJSON:baseline': {
    category: 'baseline',
    observed:
      "InvalidArgumentError: diffusionModelFromJSON(): json must be a checkpoint of format '@rg/diffusion'",
  },
  'diffusion:multiplicativeDiffusion:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: multiplicativeDiffusion(): options must be an object { dim, … }',
  },
  'diffusion:multiplicativeDiffusion:0:maxIter-negative': {
    category: 'wrong-name',
    observed: 'scoreNetwork(): dim must be a positive integer (got undefined)',
  },
  'diffusion:multiplicativeDiffusion:0:maxIter-fraction': {
    category: 'wrong-name',
    observed: 'scoreNetwork(): dim must be a positive integer (got undefined)',
  },
  'diffusion:multiplicativeDiffusion:0:tol-NaN': {
    category: 'wrong-name',
    observed: 'scoreNetwork(): dim must be a positive integer (got undefined)',
  },
  'diffusion:gbmReverseSample:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: gbmReverseSample(): score must be a function (x, t) => Matrix',
  },
  'diffusion:scoreNetwork:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: scoreNetwork(): options must be an object { dim, … }',
  },
};
