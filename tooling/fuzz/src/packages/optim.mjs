// @rg/optim: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

const attentionSizes = { samples: 3, tokens: 4, dim: 5, seed: 1 };
const attention = (m) => m.attentionProblem({ ...attentionSizes });
const sensingSizes = { n: 4, rank: 1, measurements: 30, seed: 1 };

export const descriptions = {
  adam: 'options?:opts',
  adamw: 'options?:opts',
  attentionProblem: { call: 'options:opts', valid: { options: () => ({ ...attentionSizes }) } },
  optimalTokens: { call: 'problem:any', valid: { problem: attention } },
  attentionSVM: { call: 'problem:any options?:opts', valid: { problem: attention } },
  ackley: 'x:vec',
  griewank: 'x:vec',
  rastrigin: 'x:vec',
  rosenbrock: 'x:vec',
  schwefel: 'x:vec',
  cbo: {
    call: 'f:fn options:opts',
    valid: { f: (m) => m.rastrigin, options: () => ({ dim: 2, maxIter: 20, seed: 1 }) },
  },
  cboRuns: {
    call: 'f:fn options:opts',
    valid: {
      f: (m) => m.rastrigin,
      options: () => ({ dim: 2, runs: 2, maxIter: 20, seed: 1, minimizer: [0, 0] }),
    },
  },
  defineOptimizer: {
    call: 'options:opts',
    valid: { options: (m) => ({ rule: m.sgdRule({ momentum: 0.5 }), lr: 0.1 }) },
  },
  euclidean: 'value',
  exponentiatedGradient: 'options?:opts',
  matrixSensing: { call: 'options:opts', valid: { options: () => ({ ...sensingSizes }) } },
  muon: 'options?:opts',
  newtonSchulz: 'g:mat options?:opts',
  noiseAdaptive: {
    call: 'base:any options?:opts',
    valid: { base: (m) => m.signDescent({ lr: 0.1 }) },
  },
  constantSchedule: 'lr:num',
  cosineSchedule: { call: 'options:opts', valid: { options: () => ({ lr: 0.1, totalSteps: 10 }) } },
  linearWarmup: {
    call: 'options:opts',
    valid: { options: () => ({ warmupSteps: 5, after: 0.1 }) },
  },
  stepSchedule: { call: 'options:opts', valid: { options: () => ({ lr: 0.1, stepSize: 5 }) } },
  sensingGD: {
    call: 'problem:any options?:opts',
    valid: {
      problem: (m) => m.matrixSensing({ ...sensingSizes }),
      options: () => ({ iterations: 20 }),
    },
  },
  sgd: 'options?:opts',
  sgdRule: 'options?:opts',
  signDescent: 'options?:opts',
  spectralDescent: 'options?:opts',
  sphere: 'value',
  stiefel: 'value',
  stiefelPolar: 'value',
  trainAttention: {
    call: 'problem:any options?:opts',
    valid: { problem: attention, options: () => ({ iterations: 20 }) },
  },
};

export const knownFailures = {};
