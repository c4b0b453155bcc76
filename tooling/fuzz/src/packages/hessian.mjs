// @rg/hessian: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

export const descriptions = {
  finiteDifferenceHVP: 'objective:any options?:opts',
  gnsNewton: 'objective:any x0:any options?:opts',
  hessianEigenvalues: 'objective:any x:any options?:opts',
  hessianTrace: 'objective:any x:any options?:opts',
  logisticRegression: 'X:mat y:vec options?:opts',
  mfacOptimizer: 'options?:opts',
  mfacPreconditioner: 'options?:opts',
  SlidingWindowMFAC: 'new options:opts',
  softmaxRegression: 'X:mat Y:mat options?:opts',
  spectralDensity: 'objective:any x:any options?:opts',
  stabilityReport: 'objective:any x:any options:opts',
  StaticMFAC: 'new grads:mat options?:opts',
};

export const knownFailures = {
  'hessian:finiteDifferenceHVP:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: finiteDifferenceHVP(): objective must have a positive integer dim, value(x) and grad(x, out?)',
  },
  'hessian:gnsNewton:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: gnsNewton(): objective must have a positive integer dim, value(x) and grad(x, out?)',
  },
  'hessian:hessianEigenvalues:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: hessianEigenvalues(): objective must have a positive integer dim, value(x) and grad(x, out?)',
  },
  'hessian:hessianTrace:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: hessianTrace(): objective must have a positive integer dim, value(x) and grad(x, out?)',
  },
  'hessian:logisticRegression:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'rows')",
  },
  'hessian:logisticRegression:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'rows')",
  },
  'hessian:logisticRegression:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'length')",
  },
  'hessian:logisticRegression:1:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'hessian:logisticRegression:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'l2')",
  },
  'hessian:SlidingWindowMFAC:baseline': {
    category: 'baseline',
    observed: "TypeError: Cannot destructure property 'dim' of 'options' as it is undefined.",
  },
  'hessian:SlidingWindowMFAC:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'dim' of 'options' as it is null.",
  },
  'hessian:SlidingWindowMFAC:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'dim' of 'options' as it is undefined.",
  },
  'hessian:softmaxRegression:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'rows')",
  },
  'hessian:softmaxRegression:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'rows')",
  },
  'hessian:softmaxRegression:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'l2')",
  },
  'hessian:spectralDensity:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: spectralDensity(): objective must have a positive integer dim, value(x) and grad(x, out?)',
  },
  'hessian:stabilityReport:baseline': {
    category: 'baseline',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is undefined.",
  },
  'hessian:stabilityReport:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is undefined.",
  },
  'hessian:stabilityReport:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is undefined.",
  },
  'hessian:stabilityReport:0:NaN': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is undefined.",
  },
  'hessian:stabilityReport:0:plain-object': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is undefined.",
  },
  'hessian:stabilityReport:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is undefined.",
  },
  'hessian:stabilityReport:1:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is undefined.",
  },
  'hessian:stabilityReport:1:NaN': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is undefined.",
  },
  'hessian:stabilityReport:1:plain-object': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is undefined.",
  },
  'hessian:stabilityReport:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is null.",
  },
  'hessian:stabilityReport:2:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is undefined.",
  },
  'hessian:StaticMFAC:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'damp')",
  },
};
