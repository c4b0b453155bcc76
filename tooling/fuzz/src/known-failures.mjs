// Findings of the fuzz suite that are not fixed yet: key → category, reason, and what was
// observed. The suite fails on any finding not listed here and on any listed key that no
// longer fails, so this file shrinks as fixes land. Keys: package:export:argument:bad-value
// (or package:export:baseline). Categories are explained in REASONS.

export const REASONS = {
  untyped: 'untyped error escapes (no typed check of this argument before use)',
  'wrong-name': 'typed error, but the message names another function than the one called',
  silent: 'a bad value is accepted and a result returned',
  'silent-nan': 'a bad value gives NaN/∞ in the result without an error',
  baseline: 'the description is too coarse to build a valid call (the bad-input cases still run)',
  hang: 'no answer within the case time limit (size not guarded before work)',
  mutation: 'the call changed a valid input',
  nondeterministic: 'two identical calls differ',
  allocation: 'allocated past the guard',
  crash: 'the worker died (out of memory)',
};

export const KNOWN_FAILURES = {
  'linalg:copy:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'rows')",
  },
  'linalg:copy:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'rows')",
  },
  'linalg:copy:0:negative-dims': { category: 'silent', observed: 'returned normally' },
  'linalg:copy:0:data-length': { category: 'silent', observed: 'returned normally' },
  'linalg:copy:0:plain-object': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'slice')",
  },
  'linalg:diag:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'length')",
  },
  'linalg:diag:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'linalg:diag:0:nan-entry': {
    category: 'silent-nan',
    observed: 'non-finite values in the result',
  },
  'linalg:diag:0:string': { category: 'silent', observed: 'returned normally' },
  'linalg:diagonal:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'rows')",
  },
  'linalg:diagonal:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'rows')",
  },
  'linalg:diagonal:0:negative-dims': {
    category: 'untyped',
    observed: 'RangeError: Invalid typed array length: -1',
  },
  'linalg:diagonal:0:data-length': { category: 'silent', observed: 'returned normally' },
  'linalg:diagonal:0:plain-object': { category: 'silent', observed: 'returned normally' },
  'linalg:fromRows:baseline': {
    category: 'baseline',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'linalg:fromRows:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'length')",
  },
  'linalg:fromRows:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'linalg:isMatrix:0:null': { category: 'silent', observed: 'returned normally' },
  'linalg:isMatrix:0:undefined': { category: 'silent', observed: 'returned normally' },
  'linalg:matrix:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'length')",
  },
  'linalg:toRows:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'rows')",
  },
  'linalg:toRows:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'rows')",
  },
  'linalg:toRows:0:negative-dims': { category: 'silent', observed: 'returned normally' },
  'linalg:toRows:0:data-length': { category: 'silent', observed: 'returned normally' },
  'linalg:toRows:0:plain-object': { category: 'silent', observed: 'returned normally' },
  'linalg:vector:0:null': {
    category: 'untyped',
    observed:
      'TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))',
  },
  'linalg:vector:0:undefined': {
    category: 'untyped',
    observed: 'TypeError: undefined is not iterable (cannot read property Symbol(Symbol.iterator))',
  },
  'linalg:rng:0:negative': { category: 'silent', observed: 'returned normally' },
  'linalg:asymmetry:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'rows')",
  },
  'linalg:asymmetry:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'rows')",
  },
  'linalg:asymmetry:0:negative-dims': { category: 'silent', observed: 'returned normally' },
  'linalg:asymmetry:0:data-length': { category: 'silent', observed: 'returned normally' },
  'linalg:asymmetry:0:plain-object': { category: 'silent', observed: 'returned normally' },
  'linalg:matmul:1:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'rows')",
  },
  'linalg:matmulTransA:1:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'rows')",
  },
  'linalg:matmulTransB:1:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'cols')",
  },
  'linalg:axpy:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'length')",
  },
  'linalg:axpy:1:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'linalg:axpy:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'length')",
  },
  'linalg:axpy:2:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'linalg:axpyInPlace:baseline': { category: 'mutation', observed: 'a valid input changed' },
  'linalg:axpyInPlace:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'length')",
  },
  'linalg:axpyInPlace:1:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'linalg:axpyInPlace:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'length')",
  },
  'linalg:axpyInPlace:2:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'linalg:dot:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'length')",
  },
  'linalg:dot:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'linalg:dot:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'length')",
  },
  'linalg:dot:1:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'linalg:matvec:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'length')",
  },
  'linalg:matvec:1:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'linalg:matvecTransA:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'length')",
  },
  'linalg:matvecTransA:1:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'linalg:norm2:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'length')",
  },
  'linalg:norm2:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'linalg:randomSPD:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'uniform')",
  },
  'linalg:randomSPD:1:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'uniform')",
  },
  'linalg:randomSPD:1:plain-object': {
    category: 'untyped',
    observed: 'TypeError: random.uniform is not a function',
  },
  'linalg:lstsq:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'rcond')",
  },
  'linalg:qr:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'mode')",
  },
  'linalg:conjugateGradient:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'tol')",
  },
  'linalg:powerIteration:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'tol')",
  },
  'linalg:eigvalsh:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'symmetryTolerance')",
  },
  'linalg:eighTridiagonal:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'length')",
  },
  'linalg:eighTridiagonal:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'linalg:eighTridiagonal:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'length')",
  },
  'linalg:eighTridiagonal:1:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'linalg:eighTridiagonal:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'vectors')",
  },
  'linalg:expmSym:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'eig')",
  },
  'linalg:invSqrtmSym:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'eig')",
  },
  'linalg:logmSym:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'eig')",
  },
  'linalg:powmSym:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'eig')",
  },
  'linalg:solveLyapunovSym:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'rows')",
  },
  'linalg:solveLyapunovSym:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'rows')",
  },
  'linalg:solveLyapunovSym:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'eig')",
  },
  'linalg:sqrtmSym:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'eig')",
  },
  'linalg:svd:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'full')",
  },
  'linalg:symmetricFunction:1:null': {
    category: 'untyped',
    observed: 'TypeError: f is not a function',
  },
  'linalg:symmetricFunction:1:undefined': {
    category: 'untyped',
    observed: 'TypeError: f is not a function',
  },
  'linalg:symmetricFunction:1:string': {
    category: 'untyped',
    observed: 'TypeError: f is not a function',
  },
  'linalg:symmetricFunction:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'eig')",
  },
  'linalg:symmetricFunctionDerivative:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'rows')",
  },
  'linalg:symmetricFunctionDerivative:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'rows')",
  },
  'linalg:symmetricFunctionDerivative:1:null': {
    category: 'untyped',
    observed: 'TypeError: f is not a function',
  },
  'linalg:symmetricFunctionDerivative:1:undefined': {
    category: 'untyped',
    observed: 'TypeError: f is not a function',
  },
  'linalg:symmetricFunctionDerivative:4:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'eig')",
  },
  'linalg:eigvals:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'maxIter')",
  },
  'linalg:eigvals:1:maxIter-fraction': {
    category: 'silent-nan',
    observed: 'non-finite values in the result',
  },
  'linalg:schur:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'maxIter')",
  },
  'linalg:solveDiscreteAre:4:null': {
    category: 'untyped',
    observed: "TypeError: Cannot destructure property 's' of 'options' as it is null.",
  },
  'linalg:csrFromDense:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'threshold')",
  },
  'linalg:csrFromTriplets:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: csrFromTriplets(): rowIndex, colIndex and values must have the same length (got undefined, undefined, 3)',
  },
  'linalg:csrFromTriplets:4:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'length')",
  },
  'linalg:csrFromTriplets:4:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'linalg:lanczosEigenpairs:1:huge': { category: 'hang', observed: '> 5000 ms' },
  'linalg:lanczosEigenpairs:3:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'which')",
  },
  'linalg:lobpcg:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: lobpcg(): k must be a positive integer with 3k < n = 3 (got 3); use eigh for small problems',
  },
  'linalg:lobpcg:1:huge': { category: 'hang', observed: '> 5000 ms' },
  'linalg:sparseCholesky:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'ordering')",
  },
  'linalg:sparseConjugateGradient:1:nan-entry': {
    category: 'wrong-name',
    observed: 'conjugateGradient(): b[1] is NaN (must be finite)',
  },
  'linalg:sparseConjugateGradient:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'preconditioner')",
  },
  'linalg:sparseConjugateGradient:2:maxIter-negative': {
    category: 'wrong-name',
    observed: 'conjugateGradient(): maxIter must be a non-negative integer (got -1)',
  },
  'linalg:sparseConjugateGradient:2:maxIter-fraction': {
    category: 'wrong-name',
    observed: 'conjugateGradient(): maxIter must be a non-negative integer (got 1.5)',
  },
  'linalg:sparseConjugateGradient:2:tol-NaN': {
    category: 'wrong-name',
    observed: 'conjugateGradient(): tol must be ≥ 0 (got NaN)',
  },
  'linalg:sparseEigsh:1:null': {
    category: 'wrong-name',
    observed: 'lanczosEigenpairs(): k must be an integer in [1, n = 3] (got null)',
  },
  'linalg:sparseEigsh:1:undefined': {
    category: 'wrong-name',
    observed: 'lanczosEigenpairs(): k must be an integer in [1, n = 3] (got undefined)',
  },
  'linalg:sparseEigsh:1:NaN': {
    category: 'wrong-name',
    observed: 'lanczosEigenpairs(): k must be an integer in [1, n = 3] (got NaN)',
  },
  'linalg:sparseEigsh:1:negative': {
    category: 'wrong-name',
    observed: 'lanczosEigenpairs(): k must be an integer in [1, n = 3] (got -1)',
  },
  'linalg:sparseEigsh:1:fraction': {
    category: 'wrong-name',
    observed: 'lanczosEigenpairs(): k must be an integer in [1, n = 3] (got 1.5)',
  },
  'linalg:sparseEigsh:1:string': {
    category: 'wrong-name',
    observed: 'lanczosEigenpairs(): k must be an integer in [1, n = 3] (got 3)',
  },
  'linalg:sparseEigsh:1:huge': {
    category: 'wrong-name',
    observed: 'lanczosEigenpairs(): k must be an integer in [1, n = 3] (got 100000)',
  },
  'linalg:sparseEigsh:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'which')",
  },
  'linalg:sparseEigsh:2:maxIter-negative': {
    category: 'wrong-name',
    observed: 'lanczosEigenpairs(): maxIter must be a positive integer (got -1)',
  },
  'linalg:sparseEigsh:2:maxIter-fraction': {
    category: 'wrong-name',
    observed: 'lanczosEigenpairs(): maxIter must be a positive integer (got 1.5)',
  },
  'linalg:sparseEigsh:2:tol-NaN': {
    category: 'wrong-name',
    observed: 'lanczosEigenpairs(): tol must be ≥ 0 (got NaN)',
  },
  'linalg:csrOperator:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'transpose')",
  },
  'linalg:matmulParallel:1:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'rows')",
  },
  'linalg:symmetricFunctionBatch:baseline': {
    category: 'baseline',
    observed:
      "InvalidArgumentError: symmetricFunctionBatch(): f must be 'log', 'sqrt', 'invSqrt', 'exp' or { power: finite number } (g",
  },
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
  'hessian:mfacOptimizer:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'lr')",
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
  'spd:covariance:0:not-square': { category: 'silent', observed: 'returned normally' },
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
  'spd:matrixPower:0:null': { category: 'silent', observed: 'returned normally' },
  'spd:matrixPower:0:undefined': { category: 'silent', observed: 'returned normally' },
  'spd:matrixPower:0:NaN': { category: 'silent', observed: 'returned normally' },
  'spd:matrixPower:0:string': { category: 'silent', observed: 'returned normally' },
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
  'spd:simulateEEG:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'channels')",
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
  'ot:costMatrix:baseline': {
    category: 'baseline',
    observed: 'ShapeError: costMatrix(): x must be a Matrix or an array of points',
  },
  'ot:emd:baseline': {
    category: 'baseline',
    observed: 'ShapeError: emd(): a must be a Float64Array or an array of numbers',
  },
  'ot:emd2:baseline': {
    category: 'baseline',
    observed: 'ShapeError: emd2(): a must be a Float64Array or an array of numbers',
  },
  'ot:gaussianW2:baseline': {
    category: 'baseline',
    observed:
      'NotSymmetricError: gaussianW2(): c1 must be symmetric (relative asymmetry 7.50e-1 > 1e-10)',
  },
  'ot:gaussianW2:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'length')",
  },
  'ot:gaussianW2:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'ot:gaussianW2:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'length')",
  },
  'ot:gaussianW2:2:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'ot:sinkhorn:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: sinkhorn(): options { reg } are required',
  },
  'ot:sinkhornBarycenter:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: sinkhornBarycenter(): options { reg } are required',
  },
  'ot:sinkhornNewtonSparse:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: sinkhornNewtonSparse(): options { reg } are required',
  },
  'ot:slicedWasserstein:baseline': {
    category: 'baseline',
    observed: 'ShapeError: slicedWasserstein(): x must be a Matrix or an array of points',
  },
  'ot:wasserstein1D:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'p')",
  },
  'gpu:createAccelerator:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'mode')",
  },
  'grassmann:grassmannClassHead:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: grassmannClassHead(): options must be an object',
  },
  'grassmann:karcherMean:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: karcherMean(): points[0] must have orthonormal columns to represent a point of Gr(3, 3) (max |poin',
  },
  'grassmann:projectionMean:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: projectionMean(): points[0] must have orthonormal columns to represent a point of Gr(3, 3) (max |p',
  },
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
  'surface:featureTable:baseline': {
    category: 'baseline',
    observed: "TypeError: Cannot read properties of undefined (reading 'nu')",
  },
  'surface:featureTable:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'nu')",
  },
  'surface:featureTable:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'nu')",
  },
  'surface:geometricFeatures:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: geometricFeatures(): surface must be a surface from parametricSurface(), gridSurface(), sampleGrid',
  },
  'surface:gridFeatures:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: gridFeatures(): grid must be a surface from parametricSurface(), gridSurface(), sampleGrid() or a ',
  },
  'surface:gridSurface:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: gridSurface(): options { nu, nv } are required',
  },
  'surface:naca4:baseline': {
    category: 'baseline',
    observed:
      "InvalidArgumentError: naca4(): airfoil must be a four-digit NACA code such as '2412' (got undefined)",
  },
  'surface:naca4:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'points')",
  },
  'surface:parametricSurface:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: parametricSurface(): r must be a function (u, v) => [x, y, z]',
  },
  'surface:sampleGrid:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: sampleGrid(): surface must be a surface from parametricSurface(), gridSurface(), sampleGrid() or a',
  },
  'surface:cylinderSurface:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'radius')",
  },
  'surface:ellipsoidSurface:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'a')",
  },
  'surface:saddleSurface:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'a')",
  },
  'surface:sphereSurface:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'radius')",
  },
  'surface:torusSurface:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'majorRadius')",
  },
  'surface:surfaceGeodesic:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: surfaceGeodesic(): surface must be a surface from parametricSurface(), gridSurface(), sampleGrid()',
  },
  'surface:wingSurface:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'airfoil')",
  },
  'surface:eulerCharacteristic:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: eulerCharacteristic(): mesh must be { vertices: Float64Array, faces: Uint32Array }',
  },
  'surface:gridMesh:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: gridMesh(): grid must be a grid surface (gridSurface or sampleGrid)',
  },
  'surface:icosphere:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'radius')",
  },
  'surface:meshCurvatures:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: meshCurvatures(): mesh must be { vertices: Float64Array, faces: Uint32Array }',
  },
  'surface:meshGaussianCurvature:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: meshGaussianCurvature(): mesh must be { vertices: Float64Array, faces: Uint32Array }',
  },
  'surface:meshGeodesicDistance:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: meshGeodesicDistance(): mesh must be { vertices: Float64Array, faces: Uint32Array }',
  },
  'surface:meshMeanCurvature:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: meshMeanCurvature(): mesh must be { vertices: Float64Array, faces: Uint32Array }',
  },
  'surface:meshVertexAreas:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: meshVertexAreas(): mesh must be { vertices: Float64Array, faces: Uint32Array }',
  },
  'surface:meshVertexAreas:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'kind')",
  },
  'surface:meshVertexNormals:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: meshVertexNormals(): mesh must be { vertices: Float64Array, faces: Uint32Array }',
  },
  'surface:meshVertexNormals:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'weighting')",
  },
  'diffusion:alphaDecayKernel:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: alphaDecayKernel(): k must be an integer in [1, 2] (got 5)',
  },
  'diffusion:alphaDecayKernel:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'k')",
  },
  'diffusion:knnGraph:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: knnGraph(): k must be an integer in [1, 2] (got 10)',
  },
  'diffusion:knnGraph:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'k')",
  },
  'diffusion:laplacian:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: laplacian(): w must be a CsrMatrix { rows, cols, rowPtr, colIndex, values }',
  },
  'diffusion:nearestNeighbors:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: nearestNeighbors(): k must be an integer in [1, 2] (got 10)',
  },
  'diffusion:nearestNeighbors:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'k')",
  },
  'diffusion:heatChebyshevCoefficients:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'order')",
  },
  'diffusion:heatKernel:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: heatKernel(): l must be a CsrMatrix { rows, cols, rowPtr, colIndex, values }',
  },
  'diffusion:classicalMds:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: classicalMds(): d must be non-negative (entry 1 is -1)',
  },
  'diffusion:diffusionMap:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: diffusionMap(): dims must be an integer in [1, 1] (got 2)',
  },
  'diffusion:diffusionMap:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'dims')",
  },
  'diffusion:selectDiffusionTime:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: selectDiffusionTime(): lap must be a CsrMatrix { rows, cols, rowPtr, colIndex, values }',
  },
  'diffusion:heatGeodesicDistances:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: heatGeodesicDistances(): knn must be an integer in [1, 2] (got 10)',
  },
  'diffusion:heatGeodesicDistances:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'graph')",
  },
  'diffusion:heatGeodesicEmbedding:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: heatGeodesicEmbedding(): knn must be an integer in [1, 2] (got 10)',
  },
  'diffusion:heatGeodesicEmbedding:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'graph')",
  },
  'diffusion:isomap:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: isomap(): knn must be an integer in [1, 2] (got 10)',
  },
  'diffusion:isomap:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'dims')",
  },
  'diffusion:shortestPathDistances:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: shortestPathDistances(): lengths must be a CsrMatrix { rows, cols, rowPtr, colIndex, values }',
  },
  'diffusion:smacof:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: smacof(): d must be non-negative (entry 1 is -1)',
  },
  'diffusion:sphere:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'n')",
  },
  'diffusion:torus:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'n')",
  },
  'diffusion:sCurve:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'n')",
  },
  'diffusion:swissRoll:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'n')",
  },
  'diffusion:connectionLaplacian:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: connectionLaplacian(): w must be a CsrMatrix { rows, cols, rowPtr, colIndex, values }',
  },
  'diffusion:localFrames:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: localFrames(): k must be an integer in [2, 2] (got 10)',
  },
  'diffusion:localFrames:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'dim')",
  },
  'diffusion:graphGp:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: graphGp(): train[0] = 0.2 is not a node index in [0, 3)',
  },
  'diffusion:rvgp:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: rvgp(): train[0] = 0.2 is not a node index in [0, 3)',
  },
  'diffusion:liftFromFrames:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: liftFromFrames(): frames must be TangentFrames { n, ambientDim, dim, data: Float64Array(n·ambientDim·dim) }',
  },
  'diffusion:projectToFrames:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: projectToFrames(): frames must be TangentFrames { n, ambientDim, dim, data: Float64Array(n·ambientDim·dim) }',
  },
  'diffusion:vectorHeatDiffusion:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: vectorHeatDiffusion(): frames must be TangentFrames { n, ambientDim, dim, data: Float64Array(n·ambientDim·di',
  },
  'diffusion:gbmForward:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: gbmForward(): x0 must be positive (entry 1 is -1); shift the data into (0, ∞) first',
  },
  'diffusion:gbmLogDensity:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: gbmLogDensity(): x must be positive (entry 1 is -1); shift the data into (0, ∞) first',
  },
  'diffusion:gbmLogNormalMarginal:baseline': {
    category: 'baseline',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'diffusion:gbmLogNormalMarginal:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'logMean')",
  },
  'diffusion:gbmLogNormalMarginal:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'logMean')",
  },
  'diffusion:gbmLogNormalMarginal:0:nan-entry': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'diffusion:gbmLogNormalMarginal:0:string': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'diffusion:gbmLogNormalMarginal:2:maxIter-negative': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'diffusion:gbmLogNormalMarginal:2:maxIter-fraction': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'diffusion:gbmLogNormalMarginal:2:tol-NaN': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'length')",
  },
  'diffusion:gbmScore:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: gbmScore(): x must be positive (entry 1 is -1); shift the data into (0, ∞) first',
  },
  'diffusion:multiplicativeDsmLoss:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: multiplicativeDsmLoss(): score must be a function (x, t) => Matrix',
  },
  'diffusion:mmd:2:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'bandwidth')",
  },
  'diffusion:additiveDiffusion:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: additiveDiffusion(): options must be an object { dim, … }',
  },
  'diffusion:additiveDiffusion:0:maxIter-negative': {
    category: 'wrong-name',
    observed: 'scoreNetwork(): dim must be a positive integer (got undefined)',
  },
  'diffusion:additiveDiffusion:0:maxIter-fraction': {
    category: 'wrong-name',
    observed: 'scoreNetwork(): dim must be a positive integer (got undefined)',
  },
  'diffusion:additiveDiffusion:0:tol-NaN': {
    category: 'wrong-name',
    observed: 'scoreNetwork(): dim must be a positive integer (got undefined)',
  },
  'diffusion:diffusionModelFromJSON:baseline': {
    category: 'baseline',
    observed:
      "InvalidArgumentError: diffusionModelFromJSON(): json must be a checkpoint of format '@rg/diffusion'",
  },
  'diffusion:multiplicativeDiffusion:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: multiplicativeDiffusion(): options must be an object { dim, … }',
  },
  'diffusion:multiplicativeDiffusion:0:maxIter-negative': {
    category: 'wrong-name',
    observed: 'scoreNetwork(): dim must be a positive integer (got undefined)',
  },
  'diffusion:multiplicativeDiffusion:0:maxIter-fraction': {
    category: 'wrong-name',
    observed: 'scoreNetwork(): dim must be a positive integer (got undefined)',
  },
  'diffusion:multiplicativeDiffusion:0:tol-NaN': {
    category: 'wrong-name',
    observed: 'scoreNetwork(): dim must be a positive integer (got undefined)',
  },
  'diffusion:gbmReverseSample:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: gbmReverseSample(): score must be a function (x, t) => Matrix',
  },
  'diffusion:scoreNetwork:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: scoreNetwork(): options must be an object { dim, … }',
  },
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
