// @rg/optim: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

export const descriptions = {
  adam: 'options?:opts',
  adamw: 'options?:opts',
  attentionProblem: 'options:opts',
  optimalTokens: 'problem:any',
  attentionSVM: 'problem:any options?:opts',
  ackley: 'x:any',
  griewank: 'x:any',
  rastrigin: 'x:any',
  rosenbrock: 'x:any',
  schwefel: 'x:any',
  cbo: 'f:fn options:opts',
  cboRuns: 'f:fn options:opts',
  euclidean: 'value',
  exponentiatedGradient: 'options?:opts',
  matrixSensing: 'options:opts',
  muon: 'options?:opts',
  newtonSchulz: 'g:mat options?:opts',
  noiseAdaptive: 'base:any options?:opts',
  constantSchedule: 'lr:num',
  cosineSchedule: 'options:opts',
  linearWarmup: 'options:opts',
  stepSchedule: 'options:opts',
  sensingGD: 'problem:any options?:opts',
  sgd: 'options?:opts',
  signDescent: 'options?:opts',
  spectralDescent: 'options?:opts',
  sphere: 'value',
  stiefel: 'value',
  stiefelPolar: 'value',
  trainAttention: 'problem:any options?:opts',
};

export const knownFailures = {
  'optim:adam:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'beta1')",
  },
  'optim:adamw:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'beta1')",
  },
  'optim:attentionProblem:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: attentionProblem(): options must be { samples, tokens, dim }',
  },
  'optim:optimalTokens:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: optimalTokens(): problem must be { X: Matrix[], z: Float64Array[], y, v }',
  },
  'optim:attentionSVM:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: attentionSVM(): problem must be { X: Matrix[], z: Float64Array[], y, v }',
  },
  'optim:ackley:baseline': {
    category: 'baseline',
    observed: 'ShapeError: ackley(): x must be a Float64Array of length ≥ 1 (got undefined)',
  },
  'optim:griewank:baseline': {
    category: 'baseline',
    observed: 'ShapeError: griewank(): x must be a Float64Array of length ≥ 1 (got undefined)',
  },
  'optim:rastrigin:baseline': {
    category: 'baseline',
    observed: 'ShapeError: rastrigin(): x must be a Float64Array of length ≥ 1 (got undefined)',
  },
  'optim:rosenbrock:baseline': {
    category: 'baseline',
    observed: 'ShapeError: rosenbrock(): x must be a Float64Array of length ≥ 2 (got undefined)',
  },
  'optim:schwefel:baseline': {
    category: 'baseline',
    observed: 'ShapeError: schwefel(): x must be a Float64Array of length ≥ 1 (got undefined)',
  },
  'optim:cbo:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: cbo(): options must be an object with at least dim',
  },
  'optim:cboRuns:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: cboRuns(): options must be an object with at least dim',
  },
  'optim:matrixSensing:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: matrixSensing(): options must be { n, rank, measurements }',
  },
  'optim:noiseAdaptive:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: noiseAdaptive(): base must be an Optimizer',
  },
  'optim:cosineSchedule:baseline': {
    category: 'baseline',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is undefined.",
  },
  'optim:cosineSchedule:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is null.",
  },
  'optim:cosineSchedule:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is undefined.",
  },
  'optim:linearWarmup:baseline': {
    category: 'baseline',
    observed:
      "TypeError: Cannot destructure property 'warmupSteps' of 'options' as it is undefined.",
  },
  'optim:linearWarmup:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'warmupSteps' of 'options' as it is null.",
  },
  'optim:linearWarmup:0:undefined': {
    category: 'untyped',
    observed:
      "TypeError: Cannot destructure property 'warmupSteps' of 'options' as it is undefined.",
  },
  'optim:stepSchedule:baseline': {
    category: 'baseline',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is undefined.",
  },
  'optim:stepSchedule:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is null.",
  },
  'optim:stepSchedule:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is undefined.",
  },
  'optim:sensingGD:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: sensingGD(): problem must come from matrixSensing() ({ sensing, y, truth, … })',
  },
  'optim:trainAttention:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: trainAttention(): problem must be { X: Matrix[], z: Float64Array[], y, v }',
  },
};
