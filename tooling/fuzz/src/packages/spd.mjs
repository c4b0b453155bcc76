// @rg/spd: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

export const descriptions = {
  simulateSkeletonActions:
    'skip: a simulation that runs for seconds with its default options; describe its options once it is settled',
  augmentedCovariance: 'x:spd options:opts',
  covariance: 'x:spd options?:opts',
  delayEmbed: 'x:spd options:opts',
  frechetMean: 'points:spds metric:any options?:opts',
  frechetMeanParallel: {
    call: 'points:spds metric:any options?:opts',
    valid: { metric: () => 'riemann' },
  },
  geometricMedian: 'points:spds metric:any options?:opts',
  gridSearchCV: 'trials:spds labels:vec options:opts',
  LogisticRegression: 'new options?:opts',
  MDM: 'new options?:opts',
  affineInvariant: 'value',
  buresWasserstein: 'value',
  defineMetric: 'core:any options:opts',
  euclidean: 'value',
  frobeniusCore: 'value',
  generalizedBuresWasserstein: 'm:spd',
  logCholesky: 'value',
  logEuclidean: 'value',
  matrixPower: 'theta:num',
  powerDeformed: 'metric:any theta:num',
  powerEuclidean: 'alpha:num',
  pullback: 'base:any diffeo:any options?:opts',
  resolveMetric: 'fn:str metric:any options?:opts',
  spdManifold: 'metric?:any',
  pairwiseDistances: 'xs:spds ys:spds metric:any options?:opts',
  pairwiseDistancesParallel: 'xs:spds ys:spds metric:any options?:opts',
  Potato: 'new options?:opts',
  RiemannianBatchNorm: 'new options:opts',
  simulateSPDClassification: 'options?:opts',
  simulateEEG: 'options?:opts',
  BiMap: 'new options:opts',
  LogEig: 'new options?:opts',
  optimParameters: 'params:any',
  parameterManifold: 'name:any',
  riemannianAdam: 'options:opts',
  riemannianSGD: 'options:opts',
  ReEig: 'new options?:opts',
  SoftmaxHead: 'new options:opts',
  createSPDNet: 'options:opts',
  SPDNet: 'new options:opts',
  trainSPDNet: 'net:any options:opts',
  stratifiedKFold: 'labels:vec k:int seed?:int',
  TangentSpace: 'new options?:opts',
  TangentSpaceClassifier: 'new options?:opts',
};

export const knownFailures = {
  'spd:augmentedCovariance:baseline': {
    category: 'baseline',
    observed: "TypeError: Cannot destructure property 'order' of 'options' as it is undefined.",
  },
  'spd:augmentedCovariance:0:null': {
    category: 'wrong-name',
    observed:
      'delayEmbed(): x must be a Matrix { rows ≥ 0, cols ≥ 0, data: Float64Array(rows*cols) }',
  },
  'spd:augmentedCovariance:0:undefined': {
    category: 'wrong-name',
    observed:
      'delayEmbed(): x must be a Matrix { rows ≥ 0, cols ≥ 0, data: Float64Array(rows*cols) }',
  },
  'spd:augmentedCovariance:0:negative-dims': {
    category: 'wrong-name',
    observed:
      'delayEmbed(): x must be a Matrix { rows ≥ 0, cols ≥ 0, data: Float64Array(rows*cols) }',
  },
  'spd:augmentedCovariance:0:nan-entry': {
    category: 'wrong-name',
    observed: 'delayEmbed(): x[1, 1] is NaN (must be finite)',
  },
  'spd:augmentedCovariance:0:inf-entry': {
    category: 'wrong-name',
    observed: 'delayEmbed(): x[1, 1] is Infinity (must be finite)',
  },
  'spd:augmentedCovariance:0:data-length': {
    category: 'wrong-name',
    observed:
      'delayEmbed(): x must be a Matrix { rows ≥ 0, cols ≥ 0, data: Float64Array(rows*cols) }',
  },
  'spd:augmentedCovariance:0:plain-object': {
    category: 'wrong-name',
    observed:
      'delayEmbed(): x must be a Matrix { rows ≥ 0, cols ≥ 0, data: Float64Array(rows*cols) }',
  },
  'spd:augmentedCovariance:0:number': {
    category: 'wrong-name',
    observed:
      'delayEmbed(): x must be a Matrix { rows ≥ 0, cols ≥ 0, data: Float64Array(rows*cols) }',
  },
  'spd:augmentedCovariance:0:not-square': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'order' of 'options' as it is undefined.",
  },
  'spd:augmentedCovariance:0:indefinite': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'order' of 'options' as it is undefined.",
  },
  'spd:augmentedCovariance:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'order' of 'options' as it is null.",
  },
  'spd:augmentedCovariance:1:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'order' of 'options' as it is undefined.",
  },
  'spd:augmentedCovariance:1:number': {
    category: 'wrong-name',
    observed: 'delayEmbed(): order must be a positive integer (got undefined)',
  },
  'spd:augmentedCovariance:1:maxIter-negative': {
    category: 'wrong-name',
    observed: 'delayEmbed(): order must be a positive integer (got undefined)',
  },
  'spd:augmentedCovariance:1:maxIter-fraction': {
    category: 'wrong-name',
    observed: 'delayEmbed(): order must be a positive integer (got undefined)',
  },
  'spd:augmentedCovariance:1:tol-NaN': {
    category: 'wrong-name',
    observed: 'delayEmbed(): order must be a positive integer (got undefined)',
  },
  'spd:covariance:baseline': {
    category: 'baseline',
    observed:
      "NotPositiveDefiniteError: covariance(): x has 3 samples for 3 channels, so the 'scm' estimate is singular (rank ≤ 2); us",
  },
  'spd:covariance:0:not-square': {
    category: 'silent',
    observed: 'returned normally',
  },
  'spd:covariance:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'estimator')",
  },
  'spd:delayEmbed:baseline': {
    category: 'baseline',
    observed: "TypeError: Cannot destructure property 'order' of 'options' as it is undefined.",
  },
  'spd:delayEmbed:0:not-square': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'order' of 'options' as it is undefined.",
  },
  'spd:delayEmbed:0:indefinite': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'order' of 'options' as it is undefined.",
  },
  'spd:delayEmbed:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'order' of 'options' as it is null.",
  },
  'spd:delayEmbed:1:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'order' of 'options' as it is undefined.",
  },
  'spd:frechetMean:baseline': {
    category: 'baseline',
    observed:
      "InvalidArgumentError: frechetMean(): metric is required: an SPDMetric or one of 'affine-invariant' ('riemann'), 'log-euc",
  },
  'spd:geometricMedian:baseline': {
    category: 'baseline',
    observed:
      "InvalidArgumentError: geometricMedian(): metric is required: an SPDMetric or one of 'affine-invariant' ('riemann'), 'log",
  },
  'spd:gridSearchCV:baseline': {
    category: 'baseline',
    observed: "TypeError: Cannot destructure property 'orders' of 'options' as it is undefined.",
  },
  'spd:gridSearchCV:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'orders' of 'options' as it is undefined.",
  },
  'spd:gridSearchCV:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'orders' of 'options' as it is undefined.",
  },
  'spd:gridSearchCV:0:null-element': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'orders' of 'options' as it is undefined.",
  },
  'spd:gridSearchCV:0:nan-element': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'orders' of 'options' as it is undefined.",
  },
  'spd:gridSearchCV:0:not-array': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'orders' of 'options' as it is undefined.",
  },
  'spd:gridSearchCV:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'orders' of 'options' as it is undefined.",
  },
  'spd:gridSearchCV:1:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'orders' of 'options' as it is undefined.",
  },
  'spd:gridSearchCV:1:nan-entry': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'orders' of 'options' as it is undefined.",
  },
  'spd:gridSearchCV:1:string': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'orders' of 'options' as it is undefined.",
  },
  'spd:gridSearchCV:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'orders' of 'options' as it is null.",
  },
  'spd:gridSearchCV:2:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'orders' of 'options' as it is undefined.",
  },
  'spd:LogisticRegression:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'C')",
  },
  'spd:MDM:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'metric')",
  },
  'spd:defineMetric:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: defineMetric(): core must be an SPDMetricCore object',
  },
  'spd:matrixPower:0:null': {
    category: 'silent',
    observed: 'returned normally',
  },
  'spd:matrixPower:0:undefined': {
    category: 'silent',
    observed: 'returned normally',
  },
  'spd:matrixPower:0:NaN': {
    category: 'silent',
    observed: 'returned normally',
  },
  'spd:matrixPower:0:string': {
    category: 'silent',
    observed: 'returned normally',
  },
  'spd:powerDeformed:baseline': {
    category: 'baseline',
    observed: "TypeError: Cannot read properties of undefined (reading 'name')",
  },
  'spd:powerDeformed:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'name')",
  },
  'spd:powerDeformed:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'name')",
  },
  'spd:powerDeformed:0:NaN': {
    category: 'untyped',
    observed: "TypeError: Cannot use 'in' operator to search for 'unchecked' in NaN",
  },
  'spd:pullback:baseline': {
    category: 'baseline',
    observed: "TypeError: Cannot use 'in' operator to search for 'unchecked' in undefined",
  },
  'spd:pullback:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot use 'in' operator to search for 'unchecked' in null",
  },
  'spd:pullback:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot use 'in' operator to search for 'unchecked' in undefined",
  },
  'spd:pullback:0:NaN': {
    category: 'untyped',
    observed: "TypeError: Cannot use 'in' operator to search for 'unchecked' in NaN",
  },
  'spd:pullback:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot use 'in' operator to search for 'unchecked' in undefined",
  },
  'spd:pullback:1:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot use 'in' operator to search for 'unchecked' in undefined",
  },
  'spd:pullback:1:NaN': {
    category: 'untyped',
    observed: "TypeError: Cannot use 'in' operator to search for 'unchecked' in undefined",
  },
  'spd:pullback:1:plain-object': {
    category: 'untyped',
    observed: "TypeError: Cannot use 'in' operator to search for 'unchecked' in undefined",
  },
  'spd:pullback:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot use 'in' operator to search for 'unchecked' in undefined",
  },
  'spd:pullback:2:number': {
    category: 'untyped',
    observed: "TypeError: Cannot use 'in' operator to search for 'unchecked' in undefined",
  },
  'spd:pullback:2:maxIter-negative': {
    category: 'untyped',
    observed: "TypeError: Cannot use 'in' operator to search for 'unchecked' in undefined",
  },
  'spd:pullback:2:maxIter-fraction': {
    category: 'untyped',
    observed: "TypeError: Cannot use 'in' operator to search for 'unchecked' in undefined",
  },
  'spd:pullback:2:tol-NaN': {
    category: 'untyped',
    observed: "TypeError: Cannot use 'in' operator to search for 'unchecked' in undefined",
  },
  'spd:resolveMetric:baseline': {
    category: 'baseline',
    observed:
      "InvalidArgumentError: resolveMetric(): metric is required: an SPDMetric or one of 'affine-invariant' ('riemann'), 'log-e",
  },
  'spd:resolveMetric:0:null': {
    category: 'wrong-name',
    observed:
      "null(): metric is required: an SPDMetric or one of 'affine-invariant' ('riemann'), 'log-euclidean' ('logeuclid'), 'log-c",
  },
  'spd:resolveMetric:0:undefined': {
    category: 'wrong-name',
    observed:
      "undefined(): metric is required: an SPDMetric or one of 'affine-invariant' ('riemann'), 'log-euclidean' ('logeuclid'), '",
  },
  'spd:resolveMetric:0:number': {
    category: 'wrong-name',
    observed:
      "5(): metric is required: an SPDMetric or one of 'affine-invariant' ('riemann'), 'log-euclidean' ('logeuclid'), 'log-chol",
  },
  'spd:pairwiseDistances:baseline': {
    category: 'baseline',
    observed:
      "InvalidArgumentError: pairwiseDistances(): metric is required: an SPDMetric or one of 'affine-invariant' ('riemann'), 'l",
  },
  'spd:pairwiseDistancesParallel:baseline': {
    category: 'baseline',
    observed:
      "InvalidArgumentError: pairwiseDistancesParallel(): metric is required: an SPDMetric or one of 'affine-invariant' ('riemann'), 'l",
  },
  'spd:Potato:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'metric')",
  },
  'spd:RiemannianBatchNorm:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: RiemannianBatchNorm(): options must be an object',
  },
  'spd:simulateSPDClassification:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'n')",
  },
  'spd:BiMap:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: BiMap(): options { inputSize, outputSize } are required',
  },
  'spd:LogEig:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'name')",
  },
  'spd:optimParameters:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: optimParameters(): params must be an array of Parameters',
  },
  'spd:parameterManifold:baseline': {
    category: 'baseline',
    observed:
      "InvalidArgumentError: parameterManifold(): unknown manifold 'undefined' (expected 'euclidean', 'stiefel' or 'spd')",
  },
  'spd:riemannianAdam:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: riemannianAdam(): options { lr } are required',
  },
  'spd:riemannianSGD:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: riemannianSGD(): options { lr } are required',
  },
  'spd:ReEig:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'epsilon')",
  },
  'spd:SoftmaxHead:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: SoftmaxHead(): options { inputSize, classes } are required',
  },
  'spd:createSPDNet:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: createSPDNet(): options { sizes, classes } are required',
  },
  'spd:SPDNet:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: SPDNet(): options { layers, head } are required',
  },
  'spd:trainSPDNet:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: trainSPDNet(): net must be an SPDNet',
  },
  'spd:stratifiedKFold:baseline': {
    category: 'baseline',
    observed: 'ShapeError: stratifiedKFold(): labels must have one entry per trial (3), got 3',
  },
  'spd:stratifiedKFold:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'length')",
  },
  'spd:stratifiedKFold:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'spd:TangentSpace:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'metric')",
  },
  'spd:TangentSpaceClassifier:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'metric')",
  },
};
