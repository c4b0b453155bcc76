// @rg/nn: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

const X = () => ({ rows: 3, cols: 3, data: Float64Array.from([1, 0, 2, -1, 3, 0.5, 0, 1, -2]) });
const Y = () => ({ rows: 3, cols: 3, data: Float64Array.from([0, 1, 0, 1, 0, 0, 0, 0, 1]) });
const dense33 = (m) => m.dense({ inputs: 3, outputs: 3, seed: 1 });
const net = (m) => m.mlp({ sizes: [3, 4, 3], seed: 1 });

export const descriptions = {
  activation: { call: 'fn:any options?:opts', valid: { fn: () => 'relu' } },
  adam: 'options?:opts',
  attention: { call: 'options:opts', valid: { options: () => ({ dModel: 4, heads: 2, seed: 1 }) } },
  columns: { call: 'options:opts', valid: { options: () => ({ from: 0, to: 2 }) } },
  // containers adopt their layers by contract (parameters renamed and rebound into the
  // container's flat vector, parent set), so the layers passed in are changed
  concat: {
    call: 'branches:any options?:opts',
    mutates: ['branches'],
    valid: { branches: (m) => [dense33(m), m.activation('relu')] },
  },
  dense: { call: 'options:opts', valid: { options: () => ({ inputs: 3, outputs: 2, seed: 1 }) } },
  dropout: { call: 'options:opts', valid: { options: () => ({ rate: 0.5, seed: 1 }) } },
  embedding: { call: 'options:opts', valid: { options: () => ({ vocab: 5, dim: 3, seed: 1 }) } },
  fromJSON: {
    call: 'json:str',
    valid: { json: (m) => JSON.stringify(m.sequential([dense33(m), m.activation('tanh')])) },
  },
  layerNorm: { call: 'options:opts', valid: { options: () => ({ features: 3 }) } },
  learnedPositions: {
    call: 'options:opts',
    valid: { options: () => ({ maxTokens: 4, dim: 3, seed: 1 }) },
  },
  lossAndGradient: {
    call: 'output:mat targets:any loss?:any options?:opts',
    valid: { targets: Y },
  },
  mlp: { call: 'options:opts', valid: { options: () => ({ sizes: [3, 4, 3], seed: 1 }) } },
  mlpObjective: { call: 'net:any X:mat Y:mat options?:opts', valid: { net } },
  modelObjective: {
    call: 'model:any data:any loss?:any options?:opts',
    valid: { model: dense33, data: () => ({ x: X(), y: Y() }) },
  },
  // runs the model forward: its forward cache (last input, run counter) changes as after any
  // forward pass; its parameters and gradients do not (src/per-sample-gradients.test.ts)
  perSampleGradients: {
    call: 'model:any x:mat y:any loss?:any options?:opts',
    mutates: ['model'],
    valid: { model: dense33, y: Y },
  },
  perSampleGradientsParallel: {
    call: 'model:any x:mat y:any loss?:any options?:opts',
    mutates: ['model'],
    valid: { model: dense33, y: Y },
  },
  PER_SAMPLE_PARALLEL_MIN: 'value',
  residual: { call: 'layer:any options?:opts', valid: { layer: dense33 }, mutates: ['layer'] },
  constantSchedule: 'lr:num',
  cosineSchedule: { call: 'options:opts', valid: { options: () => ({ lr: 0.1, totalSteps: 10 }) } },
  stepSchedule: { call: 'options:opts', valid: { options: () => ({ lr: 0.1, stepSize: 5 }) } },
  sequential: {
    call: 'layers:any options?:opts',
    mutates: ['layers'],
    valid: { layers: (m) => [dense33(m), m.activation('tanh')] },
  },
  sgd: 'options?:opts',
  sinusoidalEmbedding: { call: 'options:opts', valid: { options: () => ({ dim: 4 }) } },
  sinusoidalPositions: 'options?:opts',
  // train({ net, X, Y }) writes the trained values into net.params by contract (updateModel)
  train: {
    call: 'target:any options?:opts',
    mutates: ['target'],
    valid: { target: (m) => ({ net: net(m), X: X(), Y: Y() }), options: () => ({ epochs: 3 }) },
  },
  transformerBlock: {
    call: 'options:opts',
    valid: { options: () => ({ dModel: 4, heads: 2, seed: 1 }) },
  },
};

export const knownFailures = {};
