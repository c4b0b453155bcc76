// @rg/policy-gradient: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

import { attention, dense, embedding, learnedPositions, sequential } from '@rg/nn';

// Environments carry their episode state (reset/step) and policies their network's scratch
// (forward caches, gradient buffers): both change by contract when used; the parameters θ are
// passed separately and are compared. nn layers handed to a policy builder are probed once.
const STATEFUL = ['env', 'mdp', 'policy', 'network'];
const m = (rows, cols, values) => ({ rows, cols, data: Float64Array.from(values) });
const one = () => m(1, 1, [1]);
const mdp = (mod) => mod.randomMDP({ states: 3, actions: 2, seed: 1 });
const tabular = (mod) => mod.softmaxTabularPolicy(3, 2);
const theta6 = () => new Float64Array(6);
const grid = (mod) => mod.gridWorld({ rows: 2, cols: 2, slip: 0 });
const gridPolicy = (mod) => mod.softmaxTabularPolicy(grid(mod).states, 4);
const task = (mod) => mod.reverseTask({ length: 2, trainSize: 20, testSize: 10 });
const transformer = (mod) => mod.transformerPolicy({ maxTokens: 6, dModel: 8, seed: 2 });
const transformerTheta = (mod) => transformer(mod).initialParameters();
// prompt 1 2 = (3 tokens) and a 3-token response, twice
const sequences = () => m(2, 6, [1, 2, 11, 2, 1, 0, 1, 2, 11, 3, 3, 3]);
// an MDP trainer: the tabular MDP, its softmax policy and a two-iteration run
const mdpTrainer = (extra = {}) => ({
  call: 'env:any policy:any options?:opts',
  mutates: STATEFUL,
  valid: {
    env: mdp,
    policy: tabular,
    options: () => ({ maxIterations: 2, lr: 0.1, seed: 1, ...extra }),
  },
});
// a sequence trainer: the reverse task, a small transformer and one iteration
const sequenceTrainer = {
  call: 'env:any policy:any options?:opts',
  mutates: STATEFUL,
  valid: {
    env: task,
    policy: (mod) => mod.transformerPolicy({ maxTokens: 5, dModel: 8, seed: 1 }),
    options: () => ({ maxIterations: 1, promptsPerIteration: 2, groupSize: 2, seed: 2 }),
  },
};

export const descriptions = {
  cartPole: 'options?:opts',
  cartPoleVector: 'options?:opts',
  gridWorld: 'options?:opts',
  lqr: {
    call: 'options:opts',
    valid: { options: () => ({ A: one(), B: one(), Q: one(), R: one(), gamma: 0.9 }) },
  },
  mountainCar: 'options?:opts',
  randomMDP: {
    call: 'options:opts',
    valid: { options: () => ({ states: 3, actions: 2, seed: 1 }) },
  },
  boxSpace: 'low:vec high:vec',
  discreteSpace: 'n:int',
  spaceSize: { call: 'space:any', valid: { space: (mod) => mod.discreteSpace(3) } },
  tabularMDP: {
    call: 'spec:any',
    valid: { spec: () => ({ P: [0, 1, 0, 1], R: [0, 1], gamma: 0.5, initial: [1, 0] }) },
  },
  // copies: a count of the user's environments; the work is copies × make(), so no 'huge' case
  vectorize: {
    call: 'make:fn copies:num',
    valid: { make: (mod) => () => grid(mod), copies: () => 3 },
    bad: {
      copies: [
        { label: 'zero', value: 0, must: true },
        { label: 'negative', value: -1, must: true },
        { label: 'fraction', value: 1.5, must: true },
      ],
    },
  },
  categoricalPolicy: {
    call: 'network:any options:opts',
    mutates: STATEFUL,
    valid: {
      network: () => dense({ inputs: 4, outputs: 2 }),
      options: () => ({ observationSize: 4 }),
    },
  },
  gaussianPolicy: {
    call: 'network:any options:opts',
    mutates: STATEFUL,
    valid: {
      network: () => dense({ inputs: 3, outputs: 2, bias: false }),
      options: () => ({ observationSize: 3 }),
    },
  },
  linearGaussianPolicy: {
    call: 'options:opts',
    valid: { options: () => ({ inputs: 2, actions: 1 }) },
  },
  linearSoftmaxPolicy: {
    call: 'options:opts',
    valid: { options: () => ({ inputs: 4, actions: 2 }) },
  },
  mlpGaussianPolicy: {
    call: 'options:opts',
    valid: { options: () => ({ inputs: 3, actions: 1, hidden: [4] }) },
  },
  mlpSoftmaxPolicy: {
    call: 'options:opts',
    valid: { options: () => ({ inputs: 4, actions: 2, hidden: [4] }) },
  },
  softmaxTabularPolicy: 'states:int actions:int',
  additionTask: 'options?:opts',
  bracketsTask: 'options?:opts',
  reverseTask: 'options?:opts',
  // options.head is an nn layer, probed like the network
  sequencePolicy: {
    call: 'network:any options:opts',
    mutates: [...STATEFUL, 'options'],
    valid: {
      network: () =>
        sequential([
          embedding({ vocab: 4, dim: 6 }),
          learnedPositions({ maxTokens: 5, dim: 6 }),
          attention({ dModel: 6, heads: 2, causal: true }),
        ]),
      options: () => ({ vocab: 4, maxTokens: 5, head: dense({ inputs: 6, outputs: 4 }) }),
    },
  },
  sortTask: 'options?:opts',
  supervisedWarmStart: {
    call: 'task:any policy:any options?:opts',
    mutates: STATEFUL,
    valid: {
      task,
      policy: (mod) => mod.transformerPolicy({ maxTokens: 5, dModel: 8, seed: 1 }),
      options: () => ({ steps: 2, lr: 0.01, seed: 1 }),
    },
  },
  tokenVocabulary: 'value',
  transformerPolicy: {
    call: 'options:opts',
    valid: { options: () => ({ maxTokens: 5, dModel: 8, seed: 1 }) },
  },
  evaluatePolicy: {
    call: 'env:any policy:any theta:vec options?:opts',
    mutates: STATEFUL,
    valid: {
      env: (mod) => mod.cartPole(),
      policy: (mod) => mod.linearSoftmaxPolicy({ inputs: 4, actions: 2 }),
      theta: () => new Float64Array(10),
      options: () => ({ episodes: 2 }),
    },
  },
  gae: { call: 'rewards:vec values:vec options:opts', valid: { options: () => ({ gamma: 0.9 }) } },
  generalizedAdvantages: {
    call: 'rewards:vec values:vec options:opts',
    valid: { options: () => ({ gamma: 0.9 }) },
  },
  importanceRatios: 'logProbs:vec behaviourLogProbs:vec out?:any',
  // starts: E + 1 episode offsets from 0 to the number of steps
  leaveOneOutBaseline: { call: 'values:vec starts:vec', valid: { starts: () => [0, 1, 3] } },
  exactPolicyGradient: {
    call: 'mdp:any policy:any theta:vec',
    mutates: STATEFUL,
    valid: { mdp, policy: tabular, theta: theta6 },
  },
  exactReturn: {
    call: 'mdp:any policy:any theta:vec',
    mutates: STATEFUL,
    valid: { mdp, policy: tabular, theta: theta6 },
  },
  policyEvaluation: {
    call: 'mdp:any policy:any theta:vec',
    mutates: STATEFUL,
    valid: { mdp, policy: tabular, theta: theta6 },
  },
  policyGradientEstimate: {
    call: 'policy:any theta:vec batch:any options:opts',
    mutates: STATEFUL,
    valid: {
      policy: tabular,
      theta: theta6,
      batch: (mod) => mod.rollout(mdp(mod), tabular(mod), theta6(), { episodes: 4, seed: 2 }),
      options: () => ({ gamma: 0.5 }),
    },
  },
  returnsToGo: 'rewards:vec gamma:prob starts?:vec bootstrap?:vec',
  rollout: {
    call: 'env:any policy:any theta:vec options?:opts',
    mutates: STATEFUL,
    valid: {
      env: grid,
      policy: gridPolicy,
      theta: (mod) => gridPolicy(mod).initialParameters(),
      options: () => ({ episodes: 2, seed: 1 }),
    },
  },
  valueIteration: {
    call: 'mdp:any options?:opts',
    valid: { mdp: (mod) => mod.tabularMDP({ P: [1, 1], R: [0, 1], gamma: 0.5, initial: [1] }) },
  },
  curvatureShifts: {
    call: 'policy:any theta:vec sequences:mat promptLength:int step:vec options?:opts',
    mutates: STATEFUL,
    valid: {
      policy: transformer,
      theta: transformerTheta,
      sequences,
      step: (mod) => {
        const pi = transformer(mod);
        const step = new Float64Array(pi.dim);
        for (let i = 0; i < step.length; i++) step[i] = 1e-4 * Math.sin(i);
        return step;
      },
    },
  },
  evaluateSequencePolicy: {
    call: 'task:any policy:any theta:vec options?:opts',
    mutates: STATEFUL,
    valid: {
      task,
      policy: (mod) => mod.transformerPolicy({ maxTokens: 5, dModel: 8, seed: 1 }),
      theta: (mod) =>
        mod.transformerPolicy({ maxTokens: 5, dModel: 8, seed: 1 }).initialParameters(),
      options: () => ({ samples: 2 }),
    },
  },
  gradientFeatures: {
    call: 'policy:any theta:vec sequences:mat promptLength:int',
    mutates: STATEFUL,
    valid: { policy: transformer, theta: transformerTheta, sequences },
  },
  // features: one row per response; groupSize divides the rows
  gradientNoveltyScales: {
    call: 'features:mat groupSize:int options?:opts',
    valid: { features: () => m(3, 2, [1, 0, 1, 0, 0, 1]) },
  },
  groupRelativeAdvantages: {
    call: 'rewards:vec groupSize:int options?:opts',
    valid: { rewards: () => Float64Array.from([1, 0, 0, 0, 1, 1]) },
  },
  passAtK: 'n:int c:int k:int',
  capo: sequenceTrainer,
  g2rl: sequenceTrainer,
  grpo: sequenceTrainer,
  harpg: mdpTrainer(),
  mdpo: mdpTrainer({ batchSteps: 16 }),
  nHarpg: mdpTrainer(),
  npgIgt: mdpTrainer(),
  ppoClip: mdpTrainer({ batchSteps: 16 }),
  trainingSteps: {
    call: 'algorithm:fn env:any policy:any options?:opts',
    mutates: STATEFUL,
    valid: {
      algorithm: (mod) => mod.vanillaPG,
      env: mdp,
      policy: tabular,
      options: () => ({ maxIterations: 2, lr: 0.5 }),
    },
  },
  vanillaPG: mdpTrainer(),
};

export const knownFailures = {};
