// Regression tests for the public boundary: null/undefined/plain-object arguments and
// options = null are typed errors naming the function the user called (issue #15, finding 11),
// never a TypeError from deep inside; wrapped functions report their own name.
import { describe, expect, it } from 'vitest';
import {
  assertVector,
  asymmetry,
  axpy,
  axpyInPlace,
  copy,
  csrFromDense,
  csrFromTriplets,
  diag,
  diagonal,
  eigvals,
  eighTridiagonal,
  fromRows,
  gram,
  identity,
  InvalidArgumentError,
  isMatrix,
  kron,
  lanczosEigenpairs,
  matmul,
  matmulTransA,
  matmulTransB,
  matrix,
  matvec,
  matvecTransA,
  NonFiniteError,
  qr,
  type RgError,
  rng,
  ShapeError,
  scale,
  schur,
  solveLyapunovSym,
  solveTriangular,
  sparseConjugateGradient,
  sparseEigsh,
  svd,
  symmetricFunctionDerivative,
  toRows,
  vector,
} from './index.js';

/** The error `f` throws (fails the test when it returns). */
const thrown = (f: () => unknown): Error => {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('did not throw');
};

/** `f` throws a typed RgError of class `type` whose message starts with `name(): `. */
const expectTyped = (
  f: () => unknown,
  type: abstract new (...args: never[]) => RgError,
  name: string,
): void => {
  const e = thrown(f);
  expect(e).toBeInstanceOf(type);
  expect(e.message.startsWith(`${name}(): `)).toBe(true);
};

const a2 = () =>
  fromRows([
    [1, 2],
    [3, 4],
  ]);
const bad = [null, undefined, {}, 5, { rows: -1, cols: 0, data: new Float64Array(0) }];

describe('matrix constructors and accessors refuse non-matrices', () => {
  it('copy, diagonal, toRows, asymmetry: ShapeError naming the function', () => {
    for (const x of bad) {
      const m = x as never;
      expectTyped(() => copy(m), ShapeError, 'copy');
      expectTyped(() => diagonal(m), ShapeError, 'diagonal');
      expectTyped(() => toRows(m), ShapeError, 'toRows');
      expectTyped(() => asymmetry(m), ShapeError, 'asymmetry');
    }
    // data shorter than rows × cols is not a matrix either (it used to be copied silently)
    const short = { rows: 3, cols: 3, data: new Float64Array(8) };
    expectTyped(() => copy(short), ShapeError, 'copy');
    expectTyped(() => toRows(short), ShapeError, 'toRows');
    expectTyped(() => asymmetry(fromRows([[1, 2, 3]])), ShapeError, 'asymmetry');
  });

  it('diag, vector, fromRows, matrix: vectors and row lists are checked before use', () => {
    for (const x of [null, undefined, 'abc', 5]) {
      expectTyped(() => diag(x as never), ShapeError, 'diag');
      expectTyped(() => vector(x as never), ShapeError, 'vector');
      expectTyped(() => fromRows(x as never), ShapeError, 'fromRows');
    }
    expectTyped(() => fromRows([[1], null] as never), ShapeError, 'fromRows');
    expectTyped(() => matrix(1, 2, null as never), ShapeError, 'matrix');
    // a NaN diagonal entry used to give a matrix full of NaN-tainted products downstream
    expectTyped(() => diag([1, Number.NaN]), NonFiniteError, 'diag');
    expect(diag([1, 2]).data).toEqual(Float64Array.from([1, 0, 0, 2]));
  });

  it('isMatrix answers false (no throw) for null and undefined', () => {
    expect(isMatrix(null)).toBe(false);
    expect(isMatrix(undefined)).toBe(false);
  });

  it('rng accepts negative integer seeds (documented) and refuses fractions', () => {
    expect(rng(-1).uniform()).toBe(rng(-1).uniform());
    expect(rng(-1).uniform()).not.toBe(rng(1).uniform());
    expectTyped(() => rng(1.5), InvalidArgumentError, 'rng');
  });
});

describe('products: a missing operand is a ShapeError, not a TypeError', () => {
  it('matmul, matmulTransA, matmulTransB, gram, matvec, matvecTransA', () => {
    for (const x of [null, undefined]) {
      const m = x as never;
      expectTyped(() => matmul(a2(), m), ShapeError, 'matmul');
      expectTyped(() => matmulTransA(a2(), m), ShapeError, 'matmulTransA');
      expectTyped(() => matmulTransB(a2(), m), ShapeError, 'matmulTransB');
      expectTyped(() => gram(m), ShapeError, 'gram');
      expectTyped(() => matvec(a2(), m), ShapeError, 'matvec');
      expectTyped(() => matvecTransA(a2(), m), ShapeError, 'matvecTransA');
      expectTyped(() => axpy(1, m, vector([1])), ShapeError, 'axpy');
    }
    expectTyped(() => axpy('2' as never, vector([1]), vector([1])), InvalidArgumentError, 'axpy');
  });

  it('axpyInPlace changes y only', () => {
    const x = vector([1, 2]);
    const y = vector([3, 4]);
    expect(axpyInPlace(2, x, y)).toBe(y);
    expect(Array.from(x)).toEqual([1, 2]);
    expect(Array.from(y)).toEqual([5, 8]);
  });
});

describe('spectral functions: null arguments and options', () => {
  it('eighTridiagonal: null d, e or options', () => {
    expectTyped(() => eighTridiagonal(null as never, [1]), ShapeError, 'eighTridiagonal');
    expectTyped(() => eighTridiagonal([1, 2], undefined as never), ShapeError, 'eighTridiagonal');
    expectTyped(
      () => eighTridiagonal([1, 2], [1], null as never),
      InvalidArgumentError,
      'eighTridiagonal',
    );
  });

  it('solveLyapunovSym and symmetricFunctionDerivative: null matrices, f and options', () => {
    const p = identity(2);
    expectTyped(() => solveLyapunovSym(null as never, p), ShapeError, 'solveLyapunovSym');
    expectTyped(
      () => solveLyapunovSym(p, p, null as never),
      InvalidArgumentError,
      'solveLyapunovSym',
    );
    const sq = (x: number) => x * x;
    const dsq = (x: number) => 2 * x;
    const fn = 'symmetricFunctionDerivative';
    expectTyped(() => symmetricFunctionDerivative(null as never, sq, dsq, p), ShapeError, fn);
    expectTyped(
      () => symmetricFunctionDerivative(p, null as never, dsq, p),
      InvalidArgumentError,
      fn,
    );
    expectTyped(
      () => symmetricFunctionDerivative(p, sq, dsq, p, null as never),
      InvalidArgumentError,
      fn,
    );
  });

  it('solveTriangular: options = null used to be accepted as {} (silently upper, no transpose)', () => {
    expectTyped(
      () => solveTriangular(identity(2), vector([1, 2]), null as never),
      InvalidArgumentError,
      'solveTriangular',
    );
    expect(
      Array.from(solveTriangular(identity(2), vector([1, 2]), undefined as never) as Float64Array),
    ).toEqual([1, 2]);
  });

  it('eigvals and schur: maxIter must be an integer (1.5 used to run a fractional sweep count)', () => {
    for (const maxIter of [1.5, -1, Number.NaN]) {
      expectTyped(() => eigvals(a2(), { maxIter }), InvalidArgumentError, 'eigvals');
      expectTyped(() => schur(a2(), { maxIter }), InvalidArgumentError, 'schur');
    }
  });
});

describe('sparse: errors name the function called, not the solver it wraps', () => {
  const a = () =>
    csrFromDense(
      fromRows([
        [4, 1, 0],
        [1, 3, 1],
        [0, 1, 2],
      ]),
    );

  it('sparseConjugateGradient reports its own name for b, maxIter and tol', () => {
    const fn = 'sparseConjugateGradient';
    expectTyped(
      () => sparseConjugateGradient(a(), vector([1, 2, 3]).fill(Number.NaN)),
      NonFiniteError,
      fn,
    );
    for (const o of [{ maxIter: -1 }, { maxIter: 1.5 }, { tol: Number.NaN }])
      expectTyped(
        () => sparseConjugateGradient(a(), vector([1, 2, 3]), o),
        InvalidArgumentError,
        fn,
      );
  });

  it('sparseEigsh reports its own name for k, maxIter and tol (both methods)', () => {
    for (const k of [Number.NaN, -1, 1.5, 1e5, null])
      expectTyped(() => sparseEigsh(a(), k as never), InvalidArgumentError, 'sparseEigsh');
    for (const o of [{ maxIter: -1 }, { maxIter: 1.5 }, { tol: Number.NaN }]) {
      expectTyped(() => sparseEigsh(a(), 1, o), InvalidArgumentError, 'sparseEigsh');
      expectTyped(
        () => sparseEigsh(a(), 1, { ...o, method: 'lobpcg' }),
        InvalidArgumentError,
        'sparseEigsh',
      );
    }
    expectTyped(
      () => lanczosEigenpairs((x, o) => o.set(x), 3, 1, { tol: Number.NaN }),
      InvalidArgumentError,
      'lanczosEigenpairs',
    );
  });

  it('csrFromTriplets: index arrays of any array type, missing ones are a ShapeError', () => {
    const c = csrFromTriplets(2, 2, Int32Array.from([0, 1]), [1, 0], [5, 6]);
    expect(Array.from(c.values)).toEqual([5, 6]);
    expectTyped(
      () => csrFromTriplets(2, 2, null as never, [1, 0], [5, 6]),
      ShapeError,
      'csrFromTriplets',
    );
  });
});

// Finding 7: a matrix with negative dimensions passed validation; scale returned rows −1, kron
// rows −2, qr and svd threw a RangeError.
describe('negative dimensions', () => {
  it('scale, kron, qr and svd refuse { rows: −1, cols: 0 } with a ShapeError naming themselves', () => {
    const neg = () => ({ rows: -1, cols: 0, data: new Float64Array(0) });
    expectTyped(() => scale(neg(), 2), ShapeError, 'scale');
    expectTyped(() => kron(neg(), neg()), ShapeError, 'kron');
    expectTyped(() => qr(neg()), ShapeError, 'qr');
    expectTyped(() => svd(neg()), ShapeError, 'svd');
  });
});

describe('assertVector', () => {
  it('accepts array-likes of the given length, refuses the rest naming the caller', () => {
    expect(() => assertVector('f', 'x', [1, 2], 2)).not.toThrow();
    expect(() => assertVector('f', 'x', { length: 2 })).not.toThrow();
    for (const v of [null, undefined, 'ab', 3, {}, { length: -1 }, { length: 1.5 }])
      expectTyped(() => assertVector('f', 'x', v), ShapeError, 'f');
    expect(thrown(() => assertVector('f', 'x', [1], 2)).message).toBe(
      'f(): x has length 1, expected 2',
    );
  });
});
