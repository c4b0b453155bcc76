import { createAccelerator } from '@rg/gpu';
import {
  type Accelerator,
  eigh,
  gram,
  InvalidArgumentError,
  type Matrix,
  NonFiniteError,
  NotPositiveDefiniteError,
  rng,
} from '@rg/linalg';
import { afterAll, describe, expect, it } from 'vitest';
import { StaticMFAC } from '../src/index.js';

const U32 = 2 ** -24; // float32 unit roundoff

function gaussian(rows: number, cols: number, seed: number, scale = 1): Matrix {
  const r = rng(seed);
  return {
    rows,
    cols,
    data: Float64Array.from({ length: rows * cols }, () => scale * r.normal()),
  };
}

const relErr = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - b[i]) ** 2;
    den += b[i] ** 2;
  }
  return Math.sqrt(num / den);
};

/**
 * A bound on ‖x̃ − x‖/‖x‖ for x = F⁻¹v, F = λI + GᵀG/m, when the Gram A = mλI + GGᵀ is replaced
 * by A + E (float32). By Woodbury x = (v − GᵀA⁻¹Gv)/λ, so to first order
 * x̃ − x = Gᵀ A⁻¹ E A⁻¹ G v / λ, and ‖A⁻¹G‖ = max σ/(mλ + σ²) ≤ 1/(2√(mλ)) gives
 * ‖x̃ − x‖ ≤ ‖E‖‖v‖/(4mλ²); with ‖x‖ ≥ ‖v‖/λ_max(F) = ‖v‖/(λ κ(F)):
 *   rel ≤ κ(F)·‖E‖/(4mλ),  κ(F) = 1 + σ_max(G)²/(mλ).
 * Each float32 Gram entry is a length-d dot product of float32-rounded rows: |E_ij| ≤ γ‖g_i‖‖g_j‖
 * with γ = (d + 2)·2⁻²⁴ in the worst case and ≈ √d·2⁻²⁴ for rounding errors that behave like
 * independent random variables (Higham & Mary 2019, "A new approach to probabilistic rounding
 * error analysis"); so ‖E‖₂ ≤ ‖E‖_F ≤ γ·Σ‖g_i‖². We take γ = 4√d·2⁻²⁴ (the probabilistic bound
 * with a margin of 4, failing with probability < 2·exp(−8)), and 2× for second-order terms.
 */
function tolerance(G: Matrix, damp: number): number {
  const { rows: m, cols: d } = G;
  const a = gram(G, 'AAt');
  let trace = 0;
  for (let i = 0; i < m; i++) trace += a.data[i * m + i];
  const sigmaMax2 = Math.max(...eigh(a).values);
  const kappa = 1 + sigmaMax2 / (m * damp);
  const normE = 4 * Math.sqrt(d) * U32 * trace;
  return (2 * kappa * normE) / (4 * m * damp);
}

describe.each(['cpu', 'webasm'] as const)('StaticMFAC with an accelerated Gram (%s)', (mode) => {
  const accelerator = createAccelerator({ mode });
  afterAll(() => accelerator.dispose());

  // σ_max(G)²/(mλ) from ~1 to ~50: the damping dominates the float32 error in all of them
  it.each([
    [16, 20_000, 1e-1, 1],
    [32, 5_000, 1e-3, 0.1],
    [8, 2_000, 1e-2, 0.2],
  ])(
    'ihvp(v) with m = %i, d = %i, λ = %s matches the float64 Gram within the float32 bound',
    (m, d, damp, scale) => {
      const G = gaussian(m, d, m + d, scale / Math.sqrt(d));
      const v = gaussian(1, d, 7).data;
      const exact = new StaticMFAC(G, { damp });
      const fast = new StaticMFAC(G, { damp, accelerator });
      expect(exact.gramComputedOn).toBe('float64');
      expect(fast.gramComputedOn).toBe(accelerator.mode);
      const err = relErr(fast.ihvp(v), exact.ihvp(v));
      const tol = tolerance(G, damp);
      expect(tol).toBeLessThan(1e-2); // the bound says something
      expect(err).toBeLessThan(tol);
      expect(err).toBeGreaterThan(0); // it really ran in float32
    },
  );

  // eight rows within 1e-5 of each other: GGᵀ has seven eigenvalues ~1e-8, far below the
  // float32 summation error (~√d·2⁻²⁴·‖g‖² ≈ 6e-6), and mλ = 8e-12 cannot absorb it
  const nearDuplicates = (): Matrix => {
    const d = 100;
    const base = gaussian(1, d, 11).data;
    const noise = gaussian(8, d, 12, 1e-5);
    return {
      rows: 8,
      cols: d,
      data: Float64Array.from(noise.data, (x, k) => base[k % d] + x),
    };
  };

  it("falls back to the float64 Gram when the float32 one does not factor (onFloat32Failure: 'float64')", () => {
    const G = nearDuplicates();
    const F = new StaticMFAC(G, { damp: 1e-12, accelerator });
    expect(F.gramComputedOn).toBe('float64');
    const v = gaussian(1, 100, 13).data;
    const ref = new StaticMFAC(G, { damp: 1e-12 }).ihvp(v);
    expect(F.ihvp(v)).toEqual(ref);
  });

  it("throws NotPositiveDefiniteError with onFloat32Failure: 'throw'", () => {
    expect(
      () =>
        new StaticMFAC(nearDuplicates(), {
          damp: 1e-12,
          accelerator,
          onFloat32Failure: 'throw',
        }),
    ).toThrow(NotPositiveDefiniteError);
  });
});

describe('StaticMFAC accelerator options', () => {
  it('rejects a non-Accelerator and an unknown onFloat32Failure', () => {
    const G = gaussian(2, 3, 1);
    expect(() => new StaticMFAC(G, { accelerator: {} as never })).toThrow(InvalidArgumentError);
    expect(() => new StaticMFAC(G, { onFloat32Failure: 'ignore' as never })).toThrow(
      InvalidArgumentError,
    );
  });

  it('reports float64 when the call is below the accelerator threshold (auto mode)', () => {
    const accelerator = createAccelerator({ mode: 'cpu', thresholds: { gram: Infinity } });
    const F = new StaticMFAC(gaussian(2, 3, 1), { damp: 1, accelerator });
    expect(F.gramComputedOn).toBe('float64');
    accelerator.dispose();
  });
});

/**
 * A stand-in for a float32 backend: only `mode`, `thresholds` and `gram` are read by
 * StaticMFAC, so the Gram it returns can be chosen exactly (asymmetric, indefinite, NaN).
 */
function standIn(gramOf: (g: Matrix) => Matrix, threshold = 0): Accelerator {
  return { mode: 'cpu', thresholds: { gram: threshold }, gram: gramOf } as unknown as Accelerator;
}

describe('StaticMFAC with a stand-in backend', () => {
  const G = gaussian(3, 5, 21);
  const v = gaussian(1, 5, 22).data;
  const exact = new StaticMFAC(G, { damp: 0.5 });

  it('symmetrizes the returned Gram: an antisymmetric error E (a summation-order effect) cancels', () => {
    // A + E with Eᵀ = −E averages back to A up to one rounding per entry; cond(F) ≤
    // 1 + σ_max²/(mλ) ≈ 10 here, so ihvp agrees with the float64 Gram to ~1e-15. Reading
    // only one triangle of A + E instead would leave an error of order ‖E‖/(mλ) ≈ 1e-4.
    const backend = standIn((g) => {
      const a = gram(g, 'AAt');
      const m = a.rows;
      for (let i = 0; i < m; i++)
        for (let j = 0; j < i; j++) {
          const e = 1e-4 * (i + 2 * j + 1);
          a.data[i * m + j] += e;
          a.data[j * m + i] -= e;
        }
      return a;
    });
    const F = new StaticMFAC(G, { damp: 0.5, accelerator: backend });
    expect(F.gramComputedOn).toBe('cpu');
    expect(relErr(F.ihvp(v), exact.ihvp(v))).toBeLessThan(1e-13);
  });

  it('gramComputedOn is the backend at m²d = thresholds.gram and float64 just below it', () => {
    // m = 3, d = 5: m²d = 45
    const at = new StaticMFAC(G, { damp: 0.5, accelerator: standIn((g) => gram(g, 'AAt'), 45) });
    const above = new StaticMFAC(G, {
      damp: 0.5,
      accelerator: standIn((g) => gram(g, 'AAt'), 46),
    });
    expect(at.gramComputedOn).toBe('cpu');
    expect(above.gramComputedOn).toBe('float64');
  });

  it('a Gram that does not factor for another reason than definiteness is an error, not a fallback', () => {
    const nan = standIn((g) => ({
      rows: g.rows,
      cols: g.rows,
      data: new Float64Array(g.rows * g.rows).fill(Number.NaN),
    }));
    expect(() => new StaticMFAC(G, { damp: 0.5, accelerator: nan })).toThrow(NonFiniteError);
  });

  it("onFloat32Failure: 'throw' names the sizes and λ and keeps Cholesky's failing pivot", () => {
    // diag(1, −10, 1) + mλI = diag(2.5, −8.5, 2.5): the first non-positive pivot is 1
    const indefinite = standIn(() => ({
      rows: 3,
      cols: 3,
      data: Float64Array.from([1, 0, 0, 0, -10, 0, 0, 0, 1]),
    }));
    let caught: unknown;
    try {
      new StaticMFAC(G, { damp: 0.5, accelerator: indefinite, onFloat32Failure: 'throw' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NotPositiveDefiniteError);
    expect((caught as NotPositiveDefiniteError).pivot).toBe(1);
    expect((caught as Error).message).toMatch(
      /^StaticMFAC\(\): the float32 Gram matrix plus mλI is not positive definite \(m = 3, d = 5, λ = 0\.5\)/,
    );
    // the default falls back to float64 and gives the float64 result
    const F = new StaticMFAC(G, { damp: 0.5, accelerator: indefinite });
    expect(F.gramComputedOn).toBe('float64');
    expect(F.ihvp(v)).toEqual(exact.ihvp(v));
  });

  it('messages of the option checks name the class, the option and the value', () => {
    expect(() => new StaticMFAC(G, { accelerator: null as never })).toThrow(
      /^StaticMFAC\(\): accelerator must be an Accelerator, e\.g\. @rg\/gpu's createAccelerator\(\) \(got object\)$/,
    );
    expect(() => new StaticMFAC(G, { onFloat32Failure: 'ignore' as never })).toThrow(
      /^StaticMFAC\(\): onFloat32Failure must be 'float64' or 'throw' \(got ignore\)$/,
    );
  });
});
