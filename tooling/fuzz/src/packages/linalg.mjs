// @rg/linalg: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

/** y = diag(1, 2, 3, 4, 100, 100, ...) x, for any length. */
const stepOp = (x, out) => {
  for (let i = 0; i < x.length; i++) out[i] = (i < 4 ? i + 1 : 100) * x[i];
  return out;
};
/** y = diag(1, 1/2, 1/4, ...) x, for any length. */
const halvingOp = (x, out) => {
  let d = 1;
  for (let i = 0; i < x.length; i++, d *= 0.5) out[i] = d * x[i];
  return out;
};

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
  fromRows: {
    call: 'rowsIn:any',
    valid: {
      rowsIn: () => [
        [1, 2],
        [3, 4],
      ],
    },
  },
  identity: 'n:int',
  // a predicate: any value (null included) is a valid argument, answered true or false
  isMatrix: 'value?:any',
  matrix: 'rows:int cols:int data?:vec',
  toRows: 'a:anymat',
  vector: 'values:vec',
  zeros: 'rows:int cols?:int',
  // any safe integer is a seed, negative ones included
  rng: {
    call: 'seed:num',
    valid: { seed: () => 1 },
    bad: { seed: [{ label: 'fraction', value: 1.5, must: true }] },
  },
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
  assertVector:
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
  checkInRange:
    'skip: validator helper for package authors; its errors name the caller passed as fn',
  checkSeed: 'skip: validator helper for package authors; its errors name the caller passed as fn',
  checkFunction:
    'skip: validator helper for package authors; its errors name the caller passed as fn',
  checkVector:
    'skip: validator helper for package authors; its errors name the caller passed as fn',
  // never throws: every value has a description
  describeValue: 'x?:any',
  checkMatrix:
    'skip: validator helper for package authors; its errors name the caller passed as fn',
  checkOutput:
    'skip: validator helper for package authors; its errors name the caller passed as fn',
  gram: 'a:mat side?:str out?:any',
  kernelInfo: '()',
  setKernelBackend: 'skip: changes the process-wide kernel backend',
  matmul: 'a:mat b:mat out?:any',
  matmulTransA: 'a:mat b:mat out?:any',
  matmulTransB: 'a:mat b:mat out?:any',
  add: 'a:mat b:mat',
  axpy: 'alpha:num x:vec y:vec',
  // changes y by contract (the name says so); x must stay unchanged
  axpyInPlace: { call: 'alpha:num x:vec y:vec', mutates: ['y'] },
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
  randomUnitVector: 'n:int random:rng',
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
  csrFromTriplets: {
    call: 'rows:int cols:int rowIndex:any colIndex:any values:vec',
    valid: {
      rowIndex: () => Int32Array.from([0, 1, 2]),
      colIndex: () => Int32Array.from([2, 0, 1]),
    },
  },
  csrDiagonal: 'a:csr',
  csrTranspose: 'a:csr',
  // operators whose wanted eigenvalues (the largest for lanczosEigenpairs, the smallest for
  // lobpcg) are well separated at every n, so the `huge` n case measures the cost of the size
  // (vectors of length n), not of a clustered spectrum, which these restarted solvers need many
  // cycles for at any size (bounded by maxIter, cancellable by signal)
  lanczosEigenpairs: { call: 'op:op n:int k:int options?:opts', valid: { op: () => halvingOp } },
  lobpcg: {
    call: 'op:op n:int k:int options?:opts',
    valid: { op: () => stepOp, n: () => 10, k: () => 2 },
  },
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
  runPieces: 'skip: its valid calls need a started pool (createPool starts worker threads)',
  checkPool: 'skip: validator helper for package authors; its errors name the caller passed as fn',
  poolArray: { call: 'pool?:any length:int' },
  withScratch: {
    call: 'pool?:any lengths:any body:any',
    valid: { lengths: () => [2, 3], body: () => async (xs) => xs.length },
  },
  symmetricFunctionBatch: { call: 'matrices:syms f:any options?:opts', valid: { f: () => 'exp' } },
};

export const knownFailures = {};
