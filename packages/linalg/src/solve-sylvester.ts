// Sylvester equation AX + XB = C by the Bartels–Stewart algorithm (Bartels & Stewart, Comm. ACM 15(9), 1972; Golub & Van Loan, 4th ed., §7.6.3).
import { ConvergenceError, ShapeError, SingularMatrixError } from './errors.js';
import { hessenbergInPlace } from './hessenberg.js';
import { matmul } from './matmul.js';
import { matmulTransA, matmulTransB } from './matmul-trans.js';
import type { Matrix } from './matrix.js';
import {
  defaultSchurSweeps,
  francisInPlace,
  scaleIntoRange,
  scalePow2,
  transposeInPlace,
  unreducedResidual,
} from './schur.js';
import { assertFinite, assertSquare } from './validate.js';

const EPS = 2 ** -52;
const SAFMIN = 2 ** -1022;

function realSchur(fn: string, name: string, a: Matrix): { t: Float64Array; q: Float64Array } {
  const n = a.rows;
  const t = new Float64Array(a.data);
  const q = new Float64Array(n * n);
  const e = scaleIntoRange(t);
  hessenbergInPlace(t, n, q, new Float64Array(3 * n));
  transposeInPlace(q, n);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  const sweeps = defaultSchurSweeps(n);
  const res = francisInPlace(t, n, q, true, re, im, sweeps, fn);
  transposeInPlace(q, n);
  scalePow2(t, -e);
  if (!res.converged)
    throw new ConvergenceError(
      `${fn}(): the Schur decomposition of ${name} did not converge in ${sweeps} sweeps`,
      { iterations: res.iterations, residual: unreducedResidual(t, n, res.unreduced, 0) },
    );
  return { t, q };
}

/** Sizes of the diagonal blocks (1 or 2) of a quasi-upper-triangular matrix, in order. */
function blockStarts(t: Float64Array, n: number): Int32Array {
  const starts: number[] = [];
  for (let i = 0; i < n; ) {
    starts.push(i);
    i += i + 1 < n && t[(i + 1) * n + i] !== 0 ? 2 : 1;
  }
  starts.push(n);
  return Int32Array.from(starts);
}

/**
 * Solve the p·q × p·q system (p, q ≤ 2) K y = g with complete pivoting, where
 * K = I⊗S_II + R_JJᵀ⊗I in row-major vec order. Throws when a pivot falls below `smin`,
 * i.e. when an eigenvalue of S_II is within working precision of −(one of R_JJ).
 */
function solveSmall(
  k: Float64Array,
  g: Float64Array,
  size: number,
  smin: number,
  perm: Int32Array,
  y: Float64Array,
  i0: number,
  j0: number,
): void {
  for (let i = 0; i < size; i++) perm[i] = i;
  for (let c = 0; c < size; c++) {
    let pr = c;
    let pc = c;
    let best = -1;
    for (let i = c; i < size; i++)
      for (let j = c; j < size; j++) {
        const v = Math.abs(k[i * 4 + j]);
        if (v > best) {
          best = v;
          pr = i;
          pc = j;
        }
      }
    if (best < smin)
      throw new SingularMatrixError(
        `solveSylvester(): a and −b share an eigenvalue to working precision (block (${i0}, ${j0}): pivot ${best.toExponential(2)} < ${smin.toExponential(2)})`,
        c,
      );
    if (pr !== c) {
      for (let j = 0; j < size; j++) {
        const t = k[c * 4 + j];
        k[c * 4 + j] = k[pr * 4 + j];
        k[pr * 4 + j] = t;
      }
      const t = g[c];
      g[c] = g[pr];
      g[pr] = t;
    }
    if (pc !== c) {
      for (let i = 0; i < size; i++) {
        const t = k[i * 4 + c];
        k[i * 4 + c] = k[i * 4 + pc];
        k[i * 4 + pc] = t;
      }
      const t = perm[c];
      perm[c] = perm[pc];
      perm[pc] = t;
    }
    const inv = 1 / k[c * 4 + c];
    for (let i = c + 1; i < size; i++) {
      const l = k[i * 4 + c] * inv;
      if (l === 0) continue;
      for (let j = c + 1; j < size; j++) k[i * 4 + j] -= l * k[c * 4 + j];
      g[i] -= l * g[c];
    }
  }
  for (let i = size - 1; i >= 0; i--) {
    let s = g[i];
    for (let j = i + 1; j < size; j++) s -= k[i * 4 + j] * y[j];
    y[i] = s / k[i * 4 + i];
  }
  for (let i = 0; i < size; i++) g[perm[i]] = y[i];
}

/**
 * Solve S Y + Y R = F in place of `f` (m×p row-major) for upper quasi-triangular S (m×m)
 * and R (p×p) in real Schur form. Column blocks of Y go left to right (R is upper), row
 * blocks bottom-up (S is upper); each block is a 1×1 … 4×4 Kronecker system.
 */
function quasiTriangularSylvester(
  s: Float64Array,
  m: number,
  r: Float64Array,
  p: number,
  f: Float64Array,
  smin: number,
): void {
  const rowB = blockStarts(s, m);
  const colB = blockStarts(r, p);
  const k = new Float64Array(16);
  const g = new Float64Array(4);
  const perm = new Int32Array(4);
  const y = new Float64Array(4);
  for (let jb = 0; jb + 1 < colB.length; jb++) {
    const j0 = colB[jb];
    const qn = colB[jb + 1] - j0;
    for (let ib = rowB.length - 2; ib >= 0; ib--) {
      const i0 = rowB[ib];
      const pn = rowB[ib + 1] - i0;
      const size = pn * qn;
      k.fill(0);
      // unknown y[r][c] has vec index r·qn + c; equation (r, c):
      // Σ_r' S[i0+r][i0+r'] y[r'][c] + Σ_c' y[r][c'] R[j0+c'][j0+c] = g[r][c]
      for (let a = 0; a < pn; a++)
        for (let c = 0; c < qn; c++) {
          const row = a * qn + c;
          for (let a2 = 0; a2 < pn; a2++) k[row * 4 + a2 * qn + c] += s[(i0 + a) * m + i0 + a2];
          for (let c2 = 0; c2 < qn; c2++) k[row * 4 + a * qn + c2] += r[(j0 + c2) * p + j0 + c];
          g[row] = f[(i0 + a) * p + j0 + c];
        }
      solveSmall(k, g, size, smin, perm, y, i0, j0);
      for (let a = 0; a < pn; a++)
        for (let c = 0; c < qn; c++) f[(i0 + a) * p + j0 + c] = g[a * qn + c];
      // rows above: F[i][J] −= S[i][I] Y[I][J]
      for (let i = 0; i < i0; i++) {
        const oi = i * m + i0;
        const fo = i * p + j0;
        for (let a = 0; a < pn; a++) {
          const sv = s[oi + a];
          if (sv === 0) continue;
          const yo = (i0 + a) * p + j0;
          for (let c = 0; c < qn; c++) f[fo + c] -= sv * f[yo + c];
        }
      }
    }
    // columns to the right: F[:, c] −= Y[:, J] R[J][c]
    const jn = j0 + qn;
    if (jn < p) {
      for (let i = 0; i < m; i++) {
        const oi = i * p;
        for (let c = 0; c < qn; c++) {
          const yv = f[oi + j0 + c];
          if (yv === 0) continue;
          const ro = (j0 + c) * p;
          for (let j = jn; j < p; j++) f[oi + j] -= yv * r[ro + j];
        }
      }
    }
  }
}

function maxAbs(x: Float64Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    const v = Math.abs(x[i]);
    if (v > m) m = v;
  }
  return m;
}

/**
 * Solve the Sylvester equation A X + X B = C for X (m×p), with A m×m, B p×p and C m×p,
 * by Bartels–Stewart: real Schur forms A = U S Uᵀ and B = V R Vᵀ, the quasi-triangular
 * equation S Y + Y R = Uᵀ C V solved block by block (1×1 to 4×4 systems for the
 * 2×2 blocks of complex pairs), then X = U Y Vᵀ. O(m³ + p³ + m²p + mp²).
 * Unique solution exactly when no eigenvalue of A is the negative of one of B.
 *
 * @param a - m×m, finite
 * @param b - p×p, finite
 * @param c - m×p, finite
 * @returns X with A X + X B = C
 * @throws {ShapeError} when a or b is not square, or c is not a.rows × b.rows
 * @throws {NonFiniteError} when an input holds NaN or ±Infinity
 * @throws {SingularMatrixError} when A and −B share an eigenvalue to working precision
 * @example
 * solveSylvester(diag([1, 2]), diag([3, 4]), fromRows([[4, 5], [5, 6]])) // => ~[[1, 1], [1, 1]]
 * solveSylvester(identity(2), diag([-1, -1]), identity(2)) // => throws SingularMatrixError
 */
export function solveSylvester(a: Matrix, b: Matrix, c: Matrix): Matrix {
  assertSquare('solveSylvester', 'a', a);
  assertSquare('solveSylvester', 'b', b);
  assertFinite('solveSylvester', 'c', c);
  const m = a.rows;
  const p = b.rows;
  if (c.rows !== m || c.cols !== p)
    throw new ShapeError(
      `solveSylvester(): c must be ${m}×${p} (a.rows × b.rows), is ${c.rows}×${c.cols}`,
    );
  if (m === 0 || p === 0) return { rows: m, cols: p, data: new Float64Array(m * p) };
  const sa = realSchur('solveSylvester', 'a', a);
  const sb = realSchur('solveSylvester', 'b', b);
  const u: Matrix = { rows: m, cols: m, data: sa.q };
  const v: Matrix = { rows: p, cols: p, data: sb.q };
  const f = matmul(matmulTransA(u, c), v);
  // a block pivot below eps·max(‖A‖, ‖B‖) means the shifted block is singular to
  // working precision: the separation sep(A, −B) is at the rounding level of the inputs
  const smin = Math.max(EPS * Math.max(maxAbs(sa.t), maxAbs(sb.t)), SAFMIN);
  quasiTriangularSylvester(sa.t, m, sb.t, p, f.data, smin);
  return matmulTransB(matmul(u, f), v);
}
