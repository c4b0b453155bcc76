// @rg/linalg: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

export const descriptions = {
  DEFAULT_ALLOCATION_LIMIT: 'value',
  getAllocationLimit: '()',
  guardAllocation:
    'skip: validator helper for package authors; its errors name the caller passed as fn',
  setAllocationLimit: 'skip: changes the process-wide allocation limit the suite runs under',
  AbortError: 'skip: error class (any message is a valid message)',
  AllocationLimitError: 'skip: error class (any message is a valid message)',
  ConvergenceError: 'skip: error class (any message is a valid message)',
  InvalidArgumentError: 'skip: error class (any message is a valid message)',
  NonFiniteError: 'skip: error class (any message is a valid message)',
  NotPositiveDefiniteError: 'skip: error class (any message is a valid message)',
  NotSymmetricError: 'skip: error class (any message is a valid message)',
  RgError: 'skip: error class (any message is a valid message)',
  ShapeError: 'skip: error class (any message is a valid message)',
  SingularMatrixError: 'skip: error class (any message is a valid message)',
  copy: 'a:anymat',
  diag: 'values:vec',
  diagonal: 'a:anymat',
  fromRows: 'rowsIn:any',
  identity: 'n:int',
  isMatrix: 'value:any',
  matrix: 'rows:int cols:int data?:vec',
  toRows: 'a:anymat',
  vector: 'values:vec',
  zeros: 'rows:int cols?:int',
  rng: 'seed:int',
  asymmetry: 'a:anymat',
  assertFinite:
    'skip: validator helper for package authors; its errors name the caller passed as fn',
  assertFiniteArray:
    'skip: validator helper for package authors; its errors name the caller passed as fn',
  assertMatrix:
    'skip: validator helper for package authors; its errors name the caller passed as fn',
  assertSameShape:
    'skip: validator helper for package authors; its errors name the caller passed as fn',
  assertSquare:
    'skip: validator helper for package authors; its errors name the caller passed as fn',
  assertSymmetric:
    'skip: validator helper for package authors; its errors name the caller passed as fn',
  SYMMETRY_TOLERANCE: 'value',
  throwIfAborted:
    'skip: validator helper for package authors; its errors name the caller passed as fn',
  checkCallbackOutput:
    'skip: validator helper for package authors; its errors name the caller passed as fn',
  checkChoice:
    'skip: validator helper for package authors; its errors name the caller passed as fn',
  checkFiniteNumber:
    'skip: validator helper for package authors; its errors name the caller passed as fn',
  checkInteger:
    'skip: validator helper for package authors; its errors name the caller passed as fn',
  checkOptions:
    'skip: validator helper for package authors; its errors name the caller passed as fn',
  checkPositive:
    'skip: validator helper for package authors; its errors name the caller passed as fn',
  checkProbability:
    'skip: validator helper for package authors; its errors name the caller passed as fn',
  gram: 'a:mat side?:str out?:any',
  kernelInfo: '()',
  setKernelBackend: 'skip: changes the process-wide kernel backend',
  matmul: 'a:mat b:mat out?:any',
  matmulTransA: 'a:mat b:mat out?:any',
  matmulTransB: 'a:mat b:mat out?:any',
  add: 'a:mat b:mat',
  axpy: 'alpha:num x:vec y:vec',
  axpyInPlace: 'alpha:num x:vec y:vec',
  dot: 'x:vec y:vec',
  frobeniusNorm: 'a:mat',
  hadamard: 'a:mat b:mat',
  kron: 'a:mat b:mat',
  matvec: 'a:mat x:vec out?:any',
  matvecTransA: 'a:mat x:vec out?:any',
  norm2: 'x:vec',
  scale: 'a:mat s:num',
  sub: 'a:mat b:mat',
  symmetrize: 'a:mat',
  trace: 'a:sq',
  transpose: 'a:anymat',
  randomOrthogonal: 'n:int random:rng',
  randomSPD: 'n:int random:rng options?:opts',
  cholesky: 'a:spd',
  det: 'a:sq',
  logDet: 'a:sq',
  signedLogDet: 'a:sq',
  inverse: 'a:sq',
  lstsq: 'a:mat b:mat options?:opts',
  lu: 'a:sq',
  qr: 'a:mat options?:opts',
  solve: 'a:sq b:mat',
  solveTriangular: 't:mat b:mat options?:opts',
  conjugateGradient: 'op:op b:vec options?:opts',
  lanczos: 'op:op n:int k:int options?:opts',
  powerIteration: 'op:op n:int options?:opts',
  EIGH_DC_MIN: 'value',
  EIGH_JACOBI_MAX: 'value',
  EIGH_REFINE_AUTO_MAX_N: 'value',
  EIGH_REFINE_AUTO_RATIO: 'value',
  eigh: 'a:sym optionsIn?:opts',
  eigvalsh: 'a:sym options?:opts',
  eighTridiagonal: 'd:vec e:vec options?:opts',
  expmSym: 'a:sym options?:opts',
  invSqrtmSym: 'a:sym options?:opts',
  logmSym: 'a:sym options?:opts',
  powmSym: 'a:sym p:num options?:opts',
  solveLyapunovSym: 'p:spd v:sym options?:opts',
  sqrtmSym: 'a:sym options?:opts',
  svd: 'a:mat options?:opts',
  symmetricFunction: 'a:sym f:fn options?:opts',
  symmetricFunctionDerivative: 'a:sym f:fn df:fn e:mat options?:opts',
  eigvals: 'a:sq options?:opts',
  expm: 'a:sq',
  hessenberg: 'a:sq',
  schur: 'a:sq options?:opts',
  solveSylvester: 'a:sq b:mat c:mat',
  solveDiscreteAre: 'a:mat b:mat q:spd r:spd options?:opts',
  assertCsr: 'skip: validator helper for package authors; its errors name the caller passed as fn',
  assertSymmetricCsr:
    'skip: validator helper for package authors; its errors name the caller passed as fn',
  csrFromDense: 'a:mat options?:opts',
  csrToDense: 'a:csr',
  csrFromTriplets: 'rows:int cols:int rowIndex:any colIndex:any values:vec',
  csrDiagonal: 'a:csr',
  csrTranspose: 'a:csr',
  lanczosEigenpairs: 'op:op n:int k:int options?:opts',
  lobpcg: 'op:op n:int k:int options?:opts',
  reverseCuthillMcKee: 'a:csr',
  sparseCholesky: 'a:csr options?:opts',
  sparseConjugateGradient: 'a:csr b:vec options?:opts',
  sparseEigsh: 'a:csr k:int options?:opts',
  csrOperator: 'a:csr options?:opts',
  spmm: 'a:csr b:mat',
  spmv: 'a:csr x:vec out?:any',
  spmvTrans: 'a:csr x:vec out?:any',
  availableThreads: '()',
  createPool: 'skip: starts worker threads',
  BATCH_PARALLEL_MIN: 'value',
  eighBatch: 'matrices:syms options?:opts',
  MATMUL_PARALLEL_MIN: 'value',
  matmulParallel: 'a:mat b:mat optionsIn?:opts',
  symmetricFunctionBatch: 'matrices:syms f:any options?:opts',
};

export const knownFailures = {
  'linalg:copy:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'rows')",
  },
  'linalg:copy:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'rows')",
  },
  'linalg:copy:0:negative-dims': {
    category: 'silent',
    observed: 'returned normally',
  },
  'linalg:copy:0:data-length': {
    category: 'silent',
    observed: 'returned normally',
  },
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
  'linalg:diag:0:string': {
    category: 'silent',
    observed: 'returned normally',
  },
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
  'linalg:diagonal:0:data-length': {
    category: 'silent',
    observed: 'returned normally',
  },
  'linalg:diagonal:0:plain-object': {
    category: 'silent',
    observed: 'returned normally',
  },
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
  'linalg:isMatrix:0:null': {
    category: 'silent',
    observed: 'returned normally',
  },
  'linalg:isMatrix:0:undefined': {
    category: 'silent',
    observed: 'returned normally',
  },
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
  'linalg:toRows:0:negative-dims': {
    category: 'silent',
    observed: 'returned normally',
  },
  'linalg:toRows:0:data-length': {
    category: 'silent',
    observed: 'returned normally',
  },
  'linalg:toRows:0:plain-object': {
    category: 'silent',
    observed: 'returned normally',
  },
  'linalg:vector:0:null': {
    category: 'untyped',
    observed:
      'TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))',
  },
  'linalg:vector:0:undefined': {
    category: 'untyped',
    observed: 'TypeError: undefined is not iterable (cannot read property Symbol(Symbol.iterator))',
  },
  'linalg:rng:0:negative': {
    category: 'silent',
    observed: 'returned normally',
  },
  'linalg:asymmetry:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'rows')",
  },
  'linalg:asymmetry:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'rows')",
  },
  'linalg:asymmetry:0:negative-dims': {
    category: 'silent',
    observed: 'returned normally',
  },
  'linalg:asymmetry:0:data-length': {
    category: 'silent',
    observed: 'returned normally',
  },
  'linalg:asymmetry:0:plain-object': {
    category: 'silent',
    observed: 'returned normally',
  },
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
  'linalg:axpyInPlace:baseline': {
    category: 'mutation',
    observed: 'a valid input changed',
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
  'linalg:eigvals:1:maxIter-fraction': {
    category: 'silent-nan',
    observed: 'non-finite values in the result',
  },
  'linalg:csrFromTriplets:baseline': {
    category: 'baseline',
    observed:
      'ShapeError: csrFromTriplets(): rowIndex, colIndex and values must have the same length (got undefined, undefined, 3)',
  },
  'linalg:lanczosEigenpairs:1:huge': {
    category: 'hang',
    observed: '> 5000 ms',
  },
  'linalg:lobpcg:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: lobpcg(): k must be a positive integer with 3k < n = 3 (got 3); use eigh for small problems',
  },
  'linalg:lobpcg:1:huge': {
    category: 'hang',
    observed: '> 5000 ms',
  },
  'linalg:sparseConjugateGradient:1:nan-entry': {
    category: 'wrong-name',
    observed: 'conjugateGradient(): b[1] is NaN (must be finite)',
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
  'linalg:matmulParallel:1:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'rows')",
  },
  'linalg:symmetricFunctionBatch:baseline': {
    category: 'baseline',
    observed:
      "InvalidArgumentError: symmetricFunctionBatch(): f must be 'log', 'sqrt', 'invSqrt', 'exp' or { power: finite number } (g",
  },
};
