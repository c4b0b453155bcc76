// Static M-FAC: inverse-Hessian products of a damped empirical Fisher (Frantar, Kurtic & Alistarh 2021, "M-FAC", §3.1).
import {
  type Accelerator,
  type AcceleratorMode,
  assertFinite,
  checkInteger,
  checkOptions,
  checkOutput,
  checkPositive,
  cholesky,
  gram,
  InvalidArgumentError,
  type Matrix,
  NotPositiveDefiniteError,
  ShapeError,
  solveTriangular,
} from '@rg/linalg';
import { checkVector } from './internal/mfac-checks.js';
import { symmetrizeInPlace } from '@rg/linalg/kernels';

/**
 * Options of {@link StaticMFAC}.
 *
 * @example
 * import { fromRows } from '@rg/linalg';
 * import { createAccelerator } from '@rg/gpu';
 * // 'auto' keeps the Gram on float64 below its measured crossover (thresholds.gram)
 * const options = { damp: 1, accelerator: createAccelerator(), onFloat32Failure: 'throw' };
 * new StaticMFAC(fromRows([[1, 0]]), options).gramComputedOn // => 'float64'
 */
export interface StaticMFACOptions {
  /** damping λ > 0 (default 1e-5, the paper's pruning setting) */
  damp?: number;
  /**
   * Compute the m×m Gram matrix G Gᵀ (the O(dm²) part of the setup) on this float32 backend,
   * e.g. `createAccelerator()` of @rg/gpu. Its entries are then float32-accurate: each carries an
   * error up to about d·2⁻²⁴·‖g_i‖‖g_j‖ (typically √d·2⁻²⁴·‖g_i‖‖g_j‖), and the damped system
   * mλI + G Gᵀ stays positive definite only if mλ dominates that error. Rule: the float32 Gram is
   * guaranteed safe when λ ≥ (d + 2)·2⁻²⁴·(1/m)Σ‖g_i‖², and in practice when
   * λ ≥ 10·√d·2⁻²⁴·(1/m)Σ‖g_i‖². Below that, see `onFloat32Failure`. Without it (the default) the
   * Gram is computed in float64.
   */
  accelerator?: Accelerator;
  /**
   * What to do when the Cholesky factorization of the float32 Gram fails: `'float64'` (default)
   * recomputes the Gram in float64 (see {@link StaticMFAC.gramComputedOn}); `'throw'` throws
   * NotPositiveDefiniteError.
   */
  onFloat32Failure?: 'float64' | 'throw';
}

/**
 * The damped empirical Fisher `F = λI + (1/m) Σ_i g_i g_iᵀ` of m gradients (the rows of G)
 * and its inverse in factored form `F⁻¹ = (1/λ)(I − QᵀQ)` with `Q = L⁻¹G`,
 * `L Lᵀ = mλI + G Gᵀ` (Woodbury). This is the closed form of the paper's Sherman–Morrison
 * recursion (den_i = m + g_iᵀ H_{i−1} g_i are the squared pivots of L). Setup O(dm² + m³);
 * `ihvp` O(dm); `diagonal` O(dm); `entry` O(m).
 *
 * @example
 * import { fromRows } from '@rg/linalg';
 * const F = new StaticMFAC(fromRows([[1, 0]]), { damp: 1 }); // F = I + e₁e₁ᵀ
 * F.ihvp(Float64Array.from([2, 3])) // => ~[1, 3]
 * F.diagonal() // => ~[0.5, 1]
 */
export class StaticMFAC {
  readonly dim: number;
  /** number of gradients m */
  readonly m: number;
  readonly damp: number;
  /**
   * Where the Gram matrix G Gᵀ was computed: the accelerator's mode, or `'float64'` (no
   * accelerator, a call below the accelerator's `thresholds.gram`, or the fallback after the
   * float32 Gram failed to factor).
   */
  readonly gramComputedOn: AcceleratorMode | 'float64';
  /** Q = L⁻¹G, m × d */
  private readonly q: Matrix;

  /**
   * @param grads - m × d matrix whose rows are gradients
   * @param options - `damp` λ > 0 (default 1e-5); `accelerator` for a float32 Gram; `onFloat32Failure`
   * @throws {ShapeError} when grads is empty
   * @throws {NonFiniteError} when a gradient holds NaN or ±Infinity
   * @throws {InvalidArgumentError} when damp ≤ 0, or accelerator is not an Accelerator, or
   *   onFloat32Failure is not 'float64' or 'throw'
   * @throws {NotPositiveDefiniteError} with `onFloat32Failure: 'throw'`, when the float32 Gram
   *   plus mλI is not positive definite (raise λ or drop the accelerator)
   * @example
   * import { fromRows } from '@rg/linalg';
   * import { createAccelerator } from '@rg/gpu';
   * const accelerator = createAccelerator({ mode: 'cpu' });
   * const F = new StaticMFAC(fromRows([[1, 0]]), { damp: 1, accelerator });
   * F.gramComputedOn // => 'cpu'
   * F.ihvp(Float64Array.from([2, 3])) // => ~[1, 3]
   * accelerator.dispose();
   */
  constructor(grads: Matrix, optionsIn: StaticMFACOptions = {}) {
    const fn = 'StaticMFAC';
    const options = checkOptions(fn, 'options', optionsIn);
    assertFinite(fn, 'grads', grads);
    if (grads.rows < 1 || grads.cols < 1)
      throw new ShapeError(
        `${fn}(): grads must have at least one row and column (is ${grads.rows}×${grads.cols})`,
      );
    const damp = options.damp ?? 1e-5;
    checkPositive(fn, 'damp', damp);
    const { accelerator, onFloat32Failure = 'float64' } = options;
    if (accelerator !== undefined && typeof accelerator?.gram !== 'function')
      throw new InvalidArgumentError(
        `${fn}(): accelerator must be an Accelerator, e.g. @rg/gpu's createAccelerator() (got ${typeof accelerator})`,
      );
    if (onFloat32Failure !== 'float64' && onFloat32Failure !== 'throw')
      throw new InvalidArgumentError(
        `${fn}(): onFloat32Failure must be 'float64' or 'throw' (got ${String(onFloat32Failure)})`,
      );
    this.dim = grads.cols;
    this.m = grads.rows;
    this.damp = damp;
    let l: Matrix | null = null;
    let on: AcceleratorMode | 'float64' = 'float64';
    if (accelerator) {
      const below = grads.rows * grads.rows * grads.cols < accelerator.thresholds.gram;
      const a = accelerator.gram(grads);
      symmetrize(a);
      try {
        l = dampedCholesky(a, this.m * damp);
        on = below ? 'float64' : accelerator.mode;
      } catch (error) {
        if (!(error instanceof NotPositiveDefiniteError)) throw error;
        if (onFloat32Failure === 'throw')
          throw new NotPositiveDefiniteError(
            `${fn}(): the float32 Gram matrix plus mλI is not positive definite (m = ${this.m}, d = ${this.dim}, λ = ${damp}); raise damp above ~10·√d·2⁻²⁴·mean‖g‖², or compute the Gram in float64`,
            { pivot: error.pivot },
          );
      }
    }
    this.gramComputedOn = on;
    l ??= dampedCholesky(gram(grads, 'AAt'), this.m * damp);
    this.q = solveTriangular(l, grads, { lower: true });
  }

  /**
   * F⁻¹ v in O(dm).
   *
   * @throws {ShapeError | NonFiniteError} when v (or `out`) has the wrong length, or v non-finite entries
   * @example
   * import { fromRows } from '@rg/linalg';
   * new StaticMFAC(fromRows([[0, 2]]), { damp: 1 }).ihvp(Float64Array.from([1, 5])) // => ~[1, 1]
   */
  ihvp(v: Float64Array, out?: Float64Array): Float64Array {
    checkVector('StaticMFAC.ihvp', 'v', v, this.dim);
    const o = checkOutput('StaticMFAC.ihvp', 'out', out, this.dim);
    const { rows: m, data: q } = this.q;
    const d = this.dim;
    const c = new Float64Array(m);
    for (let r = 0; r < m; r++) {
      let s = 0;
      const base = r * d;
      for (let i = 0; i < d; i++) s += q[base + i] * v[i];
      c[r] = s;
    }
    o.set(v);
    for (let r = 0; r < m; r++) {
      const cr = c[r];
      const base = r * d;
      for (let i = 0; i < d; i++) o[i] -= cr * q[base + i];
    }
    const inv = 1 / this.damp;
    for (let i = 0; i < d; i++) o[i] *= inv;
    return o;
  }

  /**
   * The diagonal of F⁻¹ in O(dm).
   *
   * @example
   * import { fromRows } from '@rg/linalg';
   * new StaticMFAC(fromRows([[1, 1]]), { damp: 1 }).diagonal() // => ~[0.666667, 0.666667]
   */
  diagonal(): Float64Array {
    const { rows: m, data: q } = this.q;
    const d = this.dim;
    const out = new Float64Array(d).fill(1);
    for (let r = 0; r < m; r++) for (let i = 0; i < d; i++) out[i] -= q[r * d + i] ** 2;
    for (let i = 0; i < d; i++) out[i] /= this.damp;
    return out;
  }

  /**
   * One entry [F⁻¹]_ij in O(m).
   *
   * @throws {InvalidArgumentError} when i or j is not an index below dim
   * @example
   * import { fromRows } from '@rg/linalg';
   * new StaticMFAC(fromRows([[1, 1]]), { damp: 1 }).entry(0, 1) // => ~-0.333333
   */
  entry(i: number, j: number): number {
    const d = this.dim;
    for (const [name, k] of [
      ['i', i],
      ['j', j],
    ] as const)
      checkInteger('StaticMFAC.entry', name, k, 0, d - 1);
    const { rows: m, data: q } = this.q;
    let s = i === j ? 1 : 0;
    for (let r = 0; r < m; r++) s -= q[r * d + i] * q[r * d + j];
    return s / this.damp;
  }

  /**
   * Optimal-brain-surgeon saliencies `w_i² / (2 [F⁻¹]_ii)`: the loss increase predicted for
   * zeroing weight i alone (prune the smallest first).
   *
   * @throws {ShapeError | NonFiniteError} when w has the wrong length or non-finite entries
   * @example
   * import { fromRows } from '@rg/linalg';
   * new StaticMFAC(fromRows([[1, 0]]), { damp: 1 }).pruningScores(Float64Array.from([1, 1])) // => ~[1, 0.5]
   */
  pruningScores(w: Float64Array): Float64Array {
    checkVector('StaticMFAC.pruningScores', 'w', w, this.dim);
    const diag = this.diagonal();
    return Float64Array.from(w, (wi, i) => (wi * wi) / (2 * diag[i]));
  }
}

/** cholesky(A + shift·I), A overwritten */
function dampedCholesky(a: Matrix, shift: number): Matrix {
  for (let i = 0; i < a.rows; i++) a.data[i * a.rows + i] += shift;
  return cholesky(a);
}

// a backend may sum g_i·g_j and g_j·g_i in different orders; the Cholesky wants exact symmetry
function symmetrize(a: Matrix): void {
  symmetrizeInPlace(a.rows, a.data);
}
