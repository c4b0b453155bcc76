// Dynamic (sliding-window) M-FAC with a maintained Gram matrix (Frantar, Kurtic & Alistarh 2021, "M-FAC", §3.2).
import {
  checkInteger,
  checkOptions,
  checkPositive,
  cholesky,
  type Matrix,
  solveTriangular,
} from '@rg/linalg';
import { checkVector } from './internal/mfac-checks.js';

/**
 * The damped empirical Fisher `F = λI + (1/c) Σ g gᵀ` of the last c ≤ m gradients added.
 * `add` replaces the oldest gradient once the window is full, updating the Gram matrix
 * G Gᵀ in O(dm) and refactoring cλI + G Gᵀ in O(m³); `ihvp` solves with F in O(dm + m²)
 * via Woodbury, `F⁻¹v = (1/λ)(v − Gᵀ(cλI + GGᵀ)⁻¹ G v)`: two passes over the window.
 *
 * @example
 * const w = new SlidingWindowMFAC({ dim: 2, m: 2, damp: 1 });
 * w.add(Float64Array.from([1, 0]));
 * w.ihvp(Float64Array.from([2, 3])) // => ~[1, 3]
 */
export class SlidingWindowMFAC {
  readonly dim: number;
  /** window length */
  readonly m: number;
  readonly damp: number;
  private readonly g: Float64Array;
  private readonly gramm: Float64Array;
  private count = 0;
  private nextSlot = 0;
  private factor: Matrix | null = null;

  /**
   * @param options - `dim` d, window `m`, `damp` λ > 0 (default 1e-5)
   * @throws {InvalidArgumentError} on a non-positive dim or m, or damp ≤ 0
   */
  constructor(options: { dim: number; m: number; damp?: number }) {
    const fn = 'SlidingWindowMFAC';
    // dim and m are required: a missing one is reported by the checks below, naming it
    const { dim, m, damp = 1e-5 } = checkOptions(fn, 'options', options) as typeof options;
    for (const [name, v] of [
      ['dim', dim],
      ['m', m],
    ] as const)
      checkInteger(fn, name, v, 1);
    checkPositive(fn, 'damp', damp);
    this.dim = dim;
    this.m = m;
    this.damp = damp;
    this.g = new Float64Array(m * dim);
    this.gramm = new Float64Array(m * m);
  }

  /** gradients currently in the window */
  get size(): number {
    return this.count;
  }

  /**
   * Add a gradient (copied), evicting the oldest when the window is full.
   *
   * @throws {ShapeError | NonFiniteError} on a wrong length or non-finite entries
   * @example
   * const w = new SlidingWindowMFAC({ dim: 2, m: 1, damp: 1 });
   * w.add(Float64Array.from([1, 0]));
   * w.add(Float64Array.from([0, 1]));
   * w.size // => 1
   */
  add(grad: Float64Array): void {
    checkVector('SlidingWindowMFAC.add', 'grad', grad, this.dim);
    const d = this.dim;
    const m = this.m;
    const slot = this.nextSlot;
    this.g.set(grad, slot * d);
    this.nextSlot = (slot + 1) % m;
    this.count = Math.min(this.count + 1, m);
    for (let r = 0; r < this.count; r++) {
      let s = 0;
      const base = r * d;
      for (let i = 0; i < d; i++) s += this.g[base + i] * grad[i];
      this.gramm[slot * m + r] = s;
      this.gramm[r * m + slot] = s;
    }
    const c = this.count;
    const a = new Float64Array(c * c);
    for (let i = 0; i < c; i++) {
      for (let j = 0; j < c; j++) a[i * c + j] = this.gramm[i * m + j];
      a[i * c + i] += c * this.damp;
    }
    this.factor = cholesky({ rows: c, cols: c, data: a });
  }

  /**
   * F⁻¹ v in O(dc + c²) for c gradients in the window (v/λ when it is empty).
   *
   * @throws {ShapeError | NonFiniteError} on a wrong length or non-finite entries
   * @example
   * const w = new SlidingWindowMFAC({ dim: 1, m: 4, damp: 0.5 });
   * w.ihvp(Float64Array.from([1])) // => [2]
   */
  ihvp(v: Float64Array, out?: Float64Array): Float64Array {
    checkVector('SlidingWindowMFAC.ihvp', 'v', v, this.dim);
    const d = this.dim;
    const c = this.count;
    const g = this.g;
    const o = out ?? new Float64Array(d);
    o.set(v);
    if (c > 0 && this.factor) {
      const gv = new Float64Array(c);
      for (let r = 0; r < c; r++) {
        let s = 0;
        const base = r * d;
        for (let i = 0; i < d; i++) s += g[base + i] * v[i];
        gv[r] = s;
      }
      const y = solveTriangular(this.factor, solveTriangular(this.factor, gv, { lower: true }), {
        lower: true,
        transpose: true,
      });
      for (let r = 0; r < c; r++) {
        const yr = y[r];
        const base = r * d;
        for (let i = 0; i < d; i++) o[i] -= yr * g[base + i];
      }
    }
    const inv = 1 / this.damp;
    for (let i = 0; i < d; i++) o[i] *= inv;
    return o;
  }

  /** the gradients in the window as a c × d matrix (oldest-first order is not kept) */
  gradients(): Matrix {
    return { rows: this.count, cols: this.dim, data: this.g.slice(0, this.count * this.dim) };
  }
}
