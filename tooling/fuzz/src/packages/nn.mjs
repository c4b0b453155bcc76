// @rg/nn: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

export const descriptions = {
  activation: 'fn:any options?:opts',
  adam: 'options?:opts',
  attention: 'options:opts',
  columns: 'options:opts',
  concat: 'branches:any options?:opts',
  dense: 'options:opts',
  dropout: 'options:opts',
  embedding: 'options:opts',
  fromJSON: 'json:str',
  layerNorm: 'options:opts',
  learnedPositions: 'options:opts',
  lossAndGradient: 'output:mat targets:any loss?:any options?:opts',
  mlp: 'options:opts',
  mlpObjective: 'net:any X:mat Y:mat options?:opts',
  modelObjective: 'model:any data:any loss?:any options?:opts',
  perSampleGradients: 'model:any x:mat y:any loss?:any options?:opts',
  residual: 'layer:any options?:opts',
  constantSchedule: 'lr:num',
  cosineSchedule: 'options:opts',
  stepSchedule: 'options:opts',
  sequential: 'layers:any options?:opts',
  sgd: 'options?:opts',
  sinusoidalEmbedding: 'options:opts',
  sinusoidalPositions: 'options?:opts',
  train: 'target:any options?:opts',
  transformerBlock: 'options:opts',
};

export const knownFailures = {
  'nn:activation:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: activation(): fn must be one of identity, relu, tanh, sigmoid, softplus, gelu (got undefined)',
  },
  'nn:adam:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'beta1')",
  },
  'nn:attention:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: attention(): options must be an object { dModel, heads }',
  },
  'nn:columns:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: columns(): options must be an object { from, to }',
  },
  'nn:concat:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: concat(): branches must be a non-empty array of layers',
  },
  'nn:dense:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: dense(): options must be an object { inputs, outputs }',
  },
  'nn:dropout:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: dropout(): options must be an object { rate }',
  },
  'nn:embedding:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: embedding(): options must be an object { vocab, dim }',
  },
  'nn:fromJSON:baseline': {
    category: 'baseline',
    observed:
      "InvalidArgumentError: fromJSON(): json must be what toJSON() writes (format '@rg/nn')",
  },
  'nn:layerNorm:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: layerNorm(): options must be an object { features }',
  },
  'nn:learnedPositions:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: learnedPositions(): options must be an object { maxTokens, dim }',
  },
  'nn:lossAndGradient:baseline': {
    category: 'baseline',
    observed:
      "InvalidArgumentError: lossAndGradient(): targets must be a 3×3 Matrix for loss 'mse' (class indices need 'softmaxCrossEn",
  },
  'nn:lossAndGradient:3:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'ignoreIndex')",
  },
  'nn:mlp:baseline': {
    category: 'baseline',
    observed: "TypeError: Cannot read properties of undefined (reading 'sizes')",
  },
  'nn:mlp:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'sizes')",
  },
  'nn:mlp:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'sizes')",
  },
  'nn:mlpObjective:baseline': {
    category: 'baseline',
    observed: "TypeError: Cannot read properties of undefined (reading 'sizes')",
  },
  'nn:mlpObjective:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'sizes')",
  },
  'nn:mlpObjective:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'sizes')",
  },
  'nn:mlpObjective:0:NaN': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'nn:mlpObjective:0:plain-object': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'nn:mlpObjective:3:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'sizes')",
  },
  'nn:mlpObjective:3:number': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'sizes')",
  },
  'nn:mlpObjective:3:maxIter-negative': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'sizes')",
  },
  'nn:mlpObjective:3:maxIter-fraction': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'sizes')",
  },
  'nn:mlpObjective:3:tol-NaN': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'sizes')",
  },
  'nn:modelObjective:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: modelObjective(): model must be a layer made by @rg/nn',
  },
  'nn:perSampleGradients:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: perSampleGradients(): model must be a layer made by @rg/nn',
  },
  'nn:perSampleGradients:4:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'tokens')",
  },
  'nn:residual:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: residual(): layer must be a layer made by @rg/nn',
  },
  'nn:cosineSchedule:baseline': {
    category: 'baseline',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is undefined.",
  },
  'nn:cosineSchedule:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is null.",
  },
  'nn:cosineSchedule:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is undefined.",
  },
  'nn:stepSchedule:baseline': {
    category: 'baseline',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is undefined.",
  },
  'nn:stepSchedule:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is null.",
  },
  'nn:stepSchedule:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 'lr' of 'options' as it is undefined.",
  },
  'nn:sequential:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: sequential(): layers must be an array of layers',
  },
  'nn:sinusoidalEmbedding:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: sinusoidalEmbedding(): options must be an object { dim }',
  },
  'nn:sinusoidalPositions:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'base')",
  },
  'nn:train:baseline': {
    category: 'baseline',
    observed: "TypeError: Cannot read properties of undefined (reading 'grad')",
  },
  'nn:train:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'grad')",
  },
  'nn:train:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'grad')",
  },
  'nn:train:0:NaN': {
    category: 'wrong-name',
    observed:
      'mlpObjective(): X must be a Matrix { rows ≥ 0, cols ≥ 0, data: Float64Array(rows*cols) }',
  },
  'nn:train:0:plain-object': {
    category: 'wrong-name',
    observed:
      'mlpObjective(): X must be a Matrix { rows ≥ 0, cols ≥ 0, data: Float64Array(rows*cols) }',
  },
  'nn:train:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'grad')",
  },
  'nn:train:1:number': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'grad')",
  },
  'nn:train:1:maxIter-negative': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'grad')",
  },
  'nn:train:1:maxIter-fraction': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'grad')",
  },
  'nn:train:1:tol-NaN': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'grad')",
  },
  'nn:transformerBlock:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: transformerBlock(): options must be an object { dModel, heads }',
  },
};
