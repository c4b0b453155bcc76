// @rg/games: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

const m = (rows, cols, values) => ({ rows, cols, data: Float64Array.from(values) });
// Two players with one coordinate each: f₁ = x₁² + x₁x₂ − 3x₁, f₂ = x₂² − x₁x₂ + x₂ (strongly monotone).
const quadraticSpec = () => ({
  blocks: [
    [m(1, 1, [2]), m(1, 1, [1])],
    [m(1, 1, [-1]), m(1, 1, [2])],
  ],
  b: [[-3], [1]],
});
// One state, matching pennies, entropy-regularized.
const markovSpec = () => ({
  transitions: [
    [
      [[1], [1]],
      [[1], [1]],
    ],
  ],
  rewards: [
    [
      [
        [1, -1],
        [-1, 1],
      ],
    ],
    [
      [
        [-1, 1],
        [1, -1],
      ],
    ],
  ],
  discount: 0.5,
  entropy: 0.5,
});
const game = (mod) => mod.quadraticGame(quadraticSpec());
const x0 = () => new Float64Array(2);
const solverOptions = () => ({ step: 0.2, maxIter: 20 });
const solver = {
  call: 'game:any x0:vec options:opts',
  valid: { game, x0, options: solverOptions },
};

export const descriptions = {
  defineGame: {
    call: 'spec:any',
    valid: {
      spec: () => ({
        sizes: [1, 1],
        pseudoGradient: (x, out) => {
          out[0] = x[0] + x[1];
          out[1] = x[1] - x[0];
        },
      }),
    },
  },
  quadraticGame: { call: 'spec:any', valid: { spec: quadraticSpec } },
  bilinearGame: 'a:mat options?:opts',
  matrixGame: 'a:mat b:mat options?:opts',
  markovGame: { call: 'spec:any', valid: { spec: markovSpec } },
  ballSet: 'radius:pos center?:vec',
  boxSet: 'lower:vec upper:vec',
  freeSet: '()',
  projectOntoSet: {
    call: 'set:any v:vec out?:any',
    valid: { set: (mod) => mod.simplexSet() },
  },
  simplexSet: 'options?:opts',
  smallGainCertificate: { call: 'game:any region?:any options?:opts', valid: { game } },
  timescaleBand: 'mu1:num mu2:num l12:num l21:num',
  euclideanMonotonicity: { call: 'game:any region?:any options?:opts', valid: { game } },
  simultaneousGD: solver,
  alternatingGD: solver,
  extragradient: solver,
  optimisticGD: solver,
  eulerFlow: {
    call: 'game:any x0:vec options:opts',
    valid: { game, x0, options: () => ({ step: 0.1, maxIter: 10 }) },
  },
  rk4Flow: {
    call: 'game:any x0:vec options:opts',
    valid: { game, x0, options: () => ({ step: 0.1, maxIter: 10 }) },
  },
  entropicPolicyGradient: {
    call: 'game:any options:opts',
    valid: {
      game: (mod) => mod.markovGame(markovSpec()),
      options: () => ({ step: 0.5, maxIter: 20 }),
    },
  },
  lvHba: {
    call: 'problem:any options?:opts',
    valid: { problem: (mod) => mod.coupledBilevelToy(2).problem, options: () => ({ maxIter: 20 }) },
  },
  coupledBilevelToy: 'n?:int',
};

export const knownFailures = {};
