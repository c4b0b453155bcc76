// @rg/games: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

export const descriptions = {
  defineGame: 'spec:any',
  quadraticGame: 'spec:any',
  bilinearGame: 'a:mat options?:opts',
  matrixGame: 'a:mat b:mat options?:opts',
  markovGame: 'spec:any',
  ballSet: 'radius:num center?:vec',
  boxSet: 'lower:vec upper:vec',
  freeSet: '()',
  projectOntoSet: 'set:any v:any out?:any',
  simplexSet: 'options?:opts',
  smallGainCertificate: 'game:any region?:any options?:opts',
  timescaleBand: 'mu1:num mu2:num l12:num l21:num',
  euclideanMonotonicity: 'game:any region?:any options?:opts',
  simultaneousGD: 'game:any x0:any options:opts',
  alternatingGD: 'game:any x0:any options:opts',
  extragradient: 'game:any x0:any options:opts',
  optimisticGD: 'game:any x0:any options:opts',
  eulerFlow: 'game:any x0:any options:opts',
  rk4Flow: 'game:any x0:any options:opts',
  entropicPolicyGradient: 'game:any options:opts',
  lvHba: 'problem:any options?:opts',
  coupledBilevelToy: 'n?:int',
};

export const knownFailures = {
  'games:defineGame:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: defineGame(): spec must be an object',
  },
  'games:quadraticGame:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: quadraticGame(): blocks must be a non-empty N×N array of matrices',
  },
  'games:bilinearGame:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'sets')",
  },
  'games:matrixGame:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'entropy')",
  },
  'games:markovGame:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: markovGame(): spec must be an object',
  },
  'games:ballSet:1:null': {
    category: 'untyped',
    observed:
      'TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))',
  },
  'games:boxSet:0:null': {
    category: 'untyped',
    observed:
      'TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))',
  },
  'games:boxSet:0:undefined': {
    category: 'untyped',
    observed: 'TypeError: undefined is not iterable (cannot read property Symbol(Symbol.iterator))',
  },
  'games:boxSet:1:null': {
    category: 'untyped',
    observed:
      'TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))',
  },
  'games:boxSet:1:undefined': {
    category: 'untyped',
    observed: 'TypeError: undefined is not iterable (cannot read property Symbol(Symbol.iterator))',
  },
  'games:projectOntoSet:baseline': {
    category: 'baseline',
    observed: 'ShapeError: projectOntoSet(): v must be a Float64Array',
  },
  'games:simplexSet:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'total')",
  },
  'games:smallGainCertificate:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: smallGainCertificate(): game must be a Game (quadraticGame, bilinearGame, matrixGame, markovGame, ',
  },
  'games:euclideanMonotonicity:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: euclideanMonotonicity(): game must be a Game (quadraticGame, bilinearGame, matrixGame, markovGame,',
  },
  'games:simultaneousGD:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: simultaneousGD(): game must be a Game (quadraticGame, bilinearGame, matrixGame, markovGame, define',
  },
  'games:alternatingGD:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: alternatingGD(): game must be a Game (quadraticGame, bilinearGame, matrixGame, markovGame, defineG',
  },
  'games:extragradient:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: extragradient(): game must be a Game (quadraticGame, bilinearGame, matrixGame, markovGame, defineG',
  },
  'games:optimisticGD:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: optimisticGD(): game must be a Game (quadraticGame, bilinearGame, matrixGame, markovGame, defineGa',
  },
  'games:eulerFlow:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: eulerFlow(): game must be a Game (quadraticGame, bilinearGame, matrixGame, markovGame, defineGame)',
  },
  'games:rk4Flow:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: rk4Flow(): game must be a Game (quadraticGame, bilinearGame, matrixGame, markovGame, defineGame)',
  },
  'games:entropicPolicyGradient:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: entropicPolicyGradient(): game must be a markovGame',
  },
  'games:lvHba:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: lvHba(): problem must be an object',
  },
};
