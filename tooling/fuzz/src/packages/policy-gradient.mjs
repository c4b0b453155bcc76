// @rg/policy-gradient: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

export const descriptions = {
  cartPole: 'options?:opts',
  cartPoleVector: 'options?:opts',
  gridWorld: 'options?:opts',
  lqr: 'options:opts',
  mountainCar: 'options?:opts',
  randomMDP: 'options:opts',
  boxSpace: 'low:vec high:vec',
  discreteSpace: 'n:int',
  spaceSize: 'space:any',
  tabularMDP: 'spec:any',
  vectorize: 'make:fn copies:num',
  categoricalPolicy: 'network:any options:opts',
  gaussianPolicy: 'network:any options:opts',
  linearGaussianPolicy: 'options:opts',
  linearSoftmaxPolicy: 'options:opts',
  mlpGaussianPolicy: 'options:opts',
  mlpSoftmaxPolicy: 'options:opts',
  softmaxTabularPolicy: 'states:num actions:num',
  additionTask: 'options?:opts',
  bracketsTask: 'options?:opts',
  reverseTask: 'options?:opts',
  sequencePolicy: 'network:any options:opts',
  sortTask: 'options?:opts',
  supervisedWarmStart: 'task:any policy:any options?:opts',
  tokenVocabulary: 'value',
  transformerPolicy: 'options:opts',
  evaluatePolicy: 'env:any policy:any theta:any options?:opts',
  gae: 'rewards:vec values:vec options:opts',
  generalizedAdvantages: 'rewards:vec values:vec options:opts',
  importanceRatios: 'logProbs:vec behaviourLogProbs:vec out?:any',
  leaveOneOutBaseline: 'values:vec starts:vec',
  exactPolicyGradient: 'mdp:any policy:any theta:any',
  exactReturn: 'mdp:any policy:any theta:any',
  policyEvaluation: 'mdp:any policy:any theta:any',
  policyGradientEstimate: 'policy:any theta:any batch:any options:opts',
  returnsToGo: 'rewards:vec gamma:num starts?:vec bootstrap?:vec',
  rollout: 'env:any policy:any theta:any options?:opts',
  valueIteration: 'mdp:any options?:opts',
  curvatureShifts: 'policy:any theta:any sequences:mat promptLength:num step:any options?:opts',
  evaluateSequencePolicy: 'task:any policy:any theta:any options?:opts',
  gradientFeatures: 'policy:any theta:any sequences:mat promptLength:num',
  gradientNoveltyScales: 'features:mat groupSize:num options?:opts',
  groupRelativeAdvantages: 'rewards:vec groupSize:num options?:opts',
  passAtK: 'n:int c:num k:int',
  capo: 'env:any policy:any options?:opts',
  g2rl: 'env:any policy:any options?:opts',
  grpo: 'env:any policy:any options?:opts',
  harpg: 'env:any policy:any options?:opts',
  mdpo: 'env:any policy:any options?:opts',
  nHarpg: 'env:any policy:any options?:opts',
  npgIgt: 'env:any policy:any options?:opts',
  ppoClip: 'env:any policy:any options?:opts',
  trainingSteps: 'algorithm:fn env:any policy:any options?:opts',
  vanillaPG: 'env:any policy:any options?:opts',
};

export const knownFailures = {
  'policy-gradient:lqr:baseline': {
    category: 'baseline',
    observed: 'ShapeError: lqr(): options.A must be a Matrix { rows, cols, data: Float64Array }',
  },
  'policy-gradient:randomMDP:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: randomMDP(): options.states must be an integer ≥ 1 (got undefined)',
  },
  'policy-gradient:spaceSize:baseline': {
    category: 'baseline',
    observed: "TypeError: Cannot read properties of undefined (reading 'kind')",
  },
  'policy-gradient:spaceSize:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'kind')",
  },
  'policy-gradient:spaceSize:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'kind')",
  },
  'policy-gradient:tabularMDP:baseline': {
    category: 'baseline',
    observed: "TypeError: Cannot read properties of undefined (reading 'gamma')",
  },
  'policy-gradient:tabularMDP:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'gamma')",
  },
  'policy-gradient:vectorize:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: vectorize(): copies must be an integer ≥ 1 (got 0.5)',
  },
  'policy-gradient:categoricalPolicy:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: categoricalPolicy(): options.observationSize must be an integer ≥ 1 (got undefined)',
  },
  'policy-gradient:gaussianPolicy:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: gaussianPolicy(): options.observationSize must be an integer ≥ 1 (got undefined)',
  },
  'policy-gradient:linearGaussianPolicy:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: linearGaussianPolicy(): options.inputs must be an integer ≥ 1 (got undefined)',
  },
  'policy-gradient:linearSoftmaxPolicy:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: linearSoftmaxPolicy(): options.inputs must be an integer ≥ 1 (got undefined)',
  },
  'policy-gradient:mlpGaussianPolicy:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: mlpGaussianPolicy(): options.inputs must be an integer ≥ 1 (got undefined)',
  },
  'policy-gradient:mlpSoftmaxPolicy:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: mlpSoftmaxPolicy(): options.inputs must be an integer ≥ 1 (got undefined)',
  },
  'policy-gradient:softmaxTabularPolicy:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: softmaxTabularPolicy(): states must be an integer ≥ 1 (got 0.5)',
  },
  'policy-gradient:sequencePolicy:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: sequencePolicy(): options.vocab must be an integer ≥ 2 (got undefined)',
  },
  'policy-gradient:supervisedWarmStart:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: supervisedWarmStart(): task must be a token task (reverseTask(), sortTask(), additionTask(), brack',
  },
  'policy-gradient:transformerPolicy:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: transformerPolicy(): options.maxTokens must be an integer ≥ 2 (got undefined)',
  },
  'policy-gradient:evaluatePolicy:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: evaluatePolicy(): env must be an Environment (reset, step)',
  },
  'policy-gradient:gae:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: generalizedAdvantages(): options.gamma must be in [0, 1] (got undefined)',
  },
  'policy-gradient:gae:0:null': {
    category: 'wrong-name',
    observed: 'generalizedAdvantages(): rewards must be an array of -1 numbers',
  },
  'policy-gradient:gae:0:undefined': {
    category: 'wrong-name',
    observed: 'generalizedAdvantages(): rewards must be an array of -1 numbers',
  },
  'policy-gradient:gae:0:nan-entry': {
    category: 'wrong-name',
    observed: 'generalizedAdvantages(): rewards[1] is NaN (must be finite)',
  },
  'policy-gradient:gae:0:string': {
    category: 'wrong-name',
    observed: 'generalizedAdvantages(): rewards must be an array of 3 numbers',
  },
  'policy-gradient:gae:1:null': {
    category: 'wrong-name',
    observed: 'generalizedAdvantages(): values must be an array of 3 numbers',
  },
  'policy-gradient:gae:1:undefined': {
    category: 'wrong-name',
    observed: 'generalizedAdvantages(): values must be an array of 3 numbers',
  },
  'policy-gradient:gae:1:nan-entry': {
    category: 'wrong-name',
    observed: 'generalizedAdvantages(): values[1] is NaN (must be finite)',
  },
  'policy-gradient:gae:1:string': {
    category: 'wrong-name',
    observed: 'generalizedAdvantages(): values must be an array of 3 numbers',
  },
  'policy-gradient:gae:2:null': {
    category: 'wrong-name',
    observed: 'generalizedAdvantages(): options must be an object',
  },
  'policy-gradient:gae:2:undefined': {
    category: 'wrong-name',
    observed: 'generalizedAdvantages(): options.gamma must be in [0, 1] (got undefined)',
  },
  'policy-gradient:gae:2:number': {
    category: 'wrong-name',
    observed: 'generalizedAdvantages(): options must be an object',
  },
  'policy-gradient:gae:2:maxIter-negative': {
    category: 'wrong-name',
    observed: 'generalizedAdvantages(): options.gamma must be in [0, 1] (got undefined)',
  },
  'policy-gradient:gae:2:maxIter-fraction': {
    category: 'wrong-name',
    observed: 'generalizedAdvantages(): options.gamma must be in [0, 1] (got undefined)',
  },
  'policy-gradient:gae:2:tol-NaN': {
    category: 'wrong-name',
    observed: 'generalizedAdvantages(): options.gamma must be in [0, 1] (got undefined)',
  },
  'policy-gradient:generalizedAdvantages:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: generalizedAdvantages(): options.gamma must be in [0, 1] (got undefined)',
  },
  'policy-gradient:leaveOneOutBaseline:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: leaveOneOutBaseline(): starts must run from 0 to the number of steps 3',
  },
  'policy-gradient:leaveOneOutBaseline:1:undefined': {
    category: 'silent',
    observed: 'returned normally',
  },
  'policy-gradient:exactPolicyGradient:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: exactPolicyGradient(): env must be an Environment (reset, step)',
  },
  'policy-gradient:exactReturn:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: exactReturn(): env must be an Environment (reset, step)',
  },
  'policy-gradient:policyEvaluation:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: policyEvaluation(): env must be an Environment (reset, step)',
  },
  'policy-gradient:policyGradientEstimate:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: policyGradientEstimate(): policy must be a Policy',
  },
  'policy-gradient:rollout:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: rollout(): env must be an Environment (reset, step)',
  },
  'policy-gradient:valueIteration:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: valueIteration(): mdp must be a TabularMDP',
  },
  'policy-gradient:curvatureShifts:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: curvatureShifts(): policy must be made by sequencePolicy() or transformerPolicy()',
  },
  'policy-gradient:evaluateSequencePolicy:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: evaluateSequencePolicy(): task must be a token task (reverseTask(), sortTask(), additionTask(), br',
  },
  'policy-gradient:gradientFeatures:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: gradientFeatures(): policy must be made by sequencePolicy() or transformerPolicy()',
  },
  'policy-gradient:gradientNoveltyScales:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: gradientNoveltyScales(): groupSize must be an integer ≥ 1 (got 0.5)',
  },
  'policy-gradient:groupRelativeAdvantages:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: groupRelativeAdvantages(): groupSize must be an integer ≥ 1 (got 0.5)',
  },
  'policy-gradient:passAtK:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: passAtK(): c must be an integer ≥ 0 (got 0.5)',
  },
  'policy-gradient:capo:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: capo(): task must be a token task (reverseTask(), sortTask(), additionTask(), bracketsTask(), or a',
  },
  'policy-gradient:g2rl:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: g2rl(): task must be a token task (reverseTask(), sortTask(), additionTask(), bracketsTask(), or a',
  },
  'policy-gradient:grpo:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: grpo(): task must be a token task (reverseTask(), sortTask(), additionTask(), bracketsTask(), or a',
  },
  'policy-gradient:harpg:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: harpg(): env must be an Environment (reset, step)',
  },
  'policy-gradient:mdpo:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: mdpo(): env must be an Environment (reset, step)',
  },
  'policy-gradient:nHarpg:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: nHarpg(): env must be an Environment (reset, step)',
  },
  'policy-gradient:npgIgt:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: npgIgt(): env must be an Environment (reset, step)',
  },
  'policy-gradient:ppoClip:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: ppoClip(): env must be an Environment (reset, step)',
  },
  'policy-gradient:trainingSteps:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: trainingSteps(): algorithm must be one of vanillaPG, npgIgt, nHarpg, harpg, ppoClip, mdpo, grpo, c',
  },
  'policy-gradient:vanillaPG:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: vanillaPG(): env must be an Environment (reset, step)',
  },
};
