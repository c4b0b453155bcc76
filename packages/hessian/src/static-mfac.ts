// Static M-FAC: inverse-Hessian products of a damped empirical Fisher (Frantar, Kurtic & Alistarh 2021, "M-FAC", §3.1).
import {
  assertFinite,
  cholesky,
  gram,
  InvalidArgumentError,
  type Matrix,
  ShapeError,
  solveTriangular,
} from '@rg/linalg';
import { checkDamp, checkVector } from './internal/mfac-checks.js';

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
  /** Q = L⁻¹G, m × d */
  private readonly q: Matrix;

  /**
   * @param grads - m × d matrix whose rows are gradients
   * @param options - `damp` λ > 0 (default 1e-5, the paper's pruning setting)
   * @throws {ShapeError} when grads is empty
   * @throws {NonFiniteError} when a gradient holds NaN or ±Infinity
   * @throws {InvalidArgumentError} when damp ≤ 0
   */
  constructor(grads: Matrix, options: { damp?: number } = {}) {
    const fn = 'StaticMFAC';
    assertFinite(fn, 'grads', grads);
    if (grads.rows < 1 || grads.cols < 1)
      throw new ShapeError(
        `${fn}(): grads must have at least one row and column (is ${grads.rows}×${grads.cols})`,
      );
    const damp = options.damp ?? 1e-5;
    checkDamp(fn, damp);
    this.dim = grads.cols;
    this.m = grads.rows;
    this.damp = damp;
    const a = gram(grads, 'AAt');
    for (let i = 0; i < this.m; i++) a.data[i * this.m + i] += this.m * damp;
    const l = cholesky(a);
    this.q = solveTriangular(l, grads, { lower: true });
  }

  /**
   * F⁻¹ v in O(dm).
   *
   * @throws {ShapeError | NonFiniteError} when v has the wrong length or non-finite entries
   * @example
   * import { fromRows } from '@rg/linalg';
   * new StaticMFAC(fromRows([[0, 2]]), { damp: 1 }).ihvp(Float64Array.from([1, 5])) // => ~[1, 1]
   */
  ihvp(v: Float64Array, out?: Float64Array): Float64Array {
    checkVector('StaticMFAC.ihvp', 'v', v, this.dim);
    const { rows: m, data: q } = this.q;
    const d = this.dim;
    const o = out ?? new Float64Array(d);
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
      if (!Number.isInteger(k) || k < 0 || k >= d)
        throw new InvalidArgumentError(
          `StaticMFAC.entry(): ${name} must be an index below ${d} (got ${k})`,
        );
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
