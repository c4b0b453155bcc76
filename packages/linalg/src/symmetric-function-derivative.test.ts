import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  diffFro,
  fro,
  isExactlySymmetric,
  rngFrom,
  seedArb,
  withSpectrum,
} from '../test/symmetric-utils.js';
import {
  eigh,
  expmSym,
  fromRows,
  InvalidArgumentError,
  logmSym,
  type Matrix,
  NotPositiveDefiniteError,
  ShapeError,
  sqrtmSym,
  symmetricFunction,
  symmetricFunctionDerivative,
  zeros,
} from './index.js';

type Named = 'log' | 'exp' | 'sqrt' | 'invSqrt';
const matrixFn: Record<Named, (a: Matrix) => Matrix> = {
  log: logmSym,
  exp: expmSym,
  sqrt: sqrtmSym,
  invSqrt: (a) => symmetricFunction(a, (x) => 1 / Math.sqrt(x)),
};

function axpy(a: Matrix, h: number, e: Matrix): Matrix {
  return { rows: a.rows, cols: a.cols, data: a.data.map((x, i) => x + h * e.data[i]) };
}

/** Central difference (F(A + hE) − F(A − hE)) / 2h. */
function centralDifference(f: (a: Matrix) => Matrix, a: Matrix, e: Matrix, h: number): Matrix {
  const p = f(axpy(a, h, e));
  const m = f(axpy(a, -h, e));
  return { rows: a.rows, cols: a.cols, data: p.data.map((x, i) => (x - m.data[i]) / (2 * h)) };
}

function randomSymmetricDirection(n: number, seed: number): Matrix {
  const r = rngFrom(seed);
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const x = r.normal();
      d[i * n + j] = x;
      d[j * n + i] = x;
    }
  return { rows: n, cols: n, data: d };
}

// Spectra in [0.5, 4] including exactly repeated and nearly repeated eigenvalues. With h = 1e-4
// the central difference has truncation error ≈ h²‖f'''‖‖E‖³/6 ≲ 1e-7 relative (f''' ≤ 16 for
// log at 0.5) and rounding error ≈ ε‖f(A)‖/h ≈ 1e-12, so a 1e-6 relative gap is meaningful.
const spectrumArb = fc.constantFrom(
  [0.5, 1, 2, 4],
  [1, 1, 1, 2],
  [1, 1 + 1e-9, 2, 2 + 1e-12],
  [0.7, 0.7, 3, 3, 3],
  [2],
  [1.5, 1.5 + 1e-7],
);

describe('symmetricFunctionDerivative', () => {
  for (const name of ['log', 'exp', 'sqrt', 'invSqrt'] as const) {
    it(`symmetricFunctionDerivative(a, '${name}', _, e) matches central differences (rel. < 1e-6), repeated eigenvalues included`, () => {
      fc.assert(
        fc.property(spectrumArb, seedArb, (lam, seed) => {
          const a = withSpectrum(lam, rngFrom(seed));
          const e = randomSymmetricDirection(lam.length, seed + 1);
          const dk = symmetricFunctionDerivative(a, name, undefined, e);
          expect(isExactlySymmetric(dk)).toBe(true);
          const fd = centralDifference(matrixFn[name], a, e, 1e-4);
          expect(diffFro(dk, fd) / fro(fd)).toBeLessThan(1e-6);
        }),
        { numRuns: 15 },
      );
    });
  }

  it('symmetricFunctionDerivative(a, f, df, e) for a user f matches central differences with near-equal eigenvalues', () => {
    const f = (x: number) => x * x * x + Math.sin(x);
    const df = (x: number) => 3 * x * x + Math.cos(x);
    fc.assert(
      fc.property(spectrumArb, seedArb, (lam, seed) => {
        const a = withSpectrum(lam, rngFrom(seed));
        const e = randomSymmetricDirection(lam.length, seed + 2);
        const dk = symmetricFunctionDerivative(a, f, df, e, { eig: eigh(a) });
        const fd = centralDifference((m) => symmetricFunction(m, f), a, e, 1e-4);
        expect(diffFro(dk, fd) / fro(fd)).toBeLessThan(1e-6);
      }),
      { numRuns: 15 },
    );
  });

  it('divided differences of log and exp stay accurate for eigenvalues 1e-10 apart', () => {
    const delta = 1e-10;
    const a = fromRows([
      [1, 0],
      [0, 1 + delta],
    ]);
    const e = fromRows([
      [0, 1],
      [1, 0],
    ]);
    const d = 1 + delta - 1; // the representable gap
    // (log(1+d) − log 1)/d = 1 − d/2 + d²/3 − …, (e^(1+d) − e)/d = e(1 + d/2 + d²/6 + …)
    const logDD = symmetricFunctionDerivative(a, 'log', undefined, e).data[1];
    expect(Math.abs(logDD - (1 - d / 2 + (d * d) / 3)) / logDD).toBeLessThan(4e-16);
    const expDD = symmetricFunctionDerivative(a, 'exp', undefined, e).data[1];
    const ref = Math.E * (1 + d / 2 + (d * d) / 6);
    expect(Math.abs(expDD - ref) / ref).toBeLessThan(4e-16);
  });

  it('symmetricFunctionDerivative validates its arguments', () => {
    const a = fromRows([
      [1, 0],
      [0, 2],
    ]);
    expect(() => symmetricFunctionDerivative(a, Math.exp, undefined, a)).toThrow(
      InvalidArgumentError,
    );
    expect(() => symmetricFunctionDerivative(a, 'cos' as 'log', undefined, a)).toThrow(
      InvalidArgumentError,
    );
    expect(() => symmetricFunctionDerivative(a, 'log', undefined, zeros(3, 3))).toThrow(ShapeError);
    expect(() =>
      symmetricFunctionDerivative(fromRows([[-1]]), 'log', undefined, fromRows([[1]])),
    ).toThrow(NotPositiveDefiniteError);
  });

  it('symmetricFunctionDerivative does not mutate a or e', () => {
    const a = fromRows([
      [2, 1],
      [1, 2],
    ]);
    const e = fromRows([
      [1, 2],
      [3, 4],
    ]);
    const a0 = a.data.slice();
    const e0 = e.data.slice();
    symmetricFunctionDerivative(a, 'exp', undefined, e);
    expect(a.data).toEqual(a0);
    expect(e.data).toEqual(e0);
  });
});
