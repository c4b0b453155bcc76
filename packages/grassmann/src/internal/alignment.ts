// Principal angles and the Grassmann logarithm from one alignment of two bases: the SVD
// YᵀZ = P C Qᵀ (cosines; Björck & Golub 1973, "Numerical methods for computing angles between
// linear subspaces") and the residual W = ZQ − YPC, whose columns are orthogonal with norms
// sin θ (the sines, accurate for tiny angles). The logarithm is the Procrustes-aligned form of
// Bendokat, Zimmermann & Absil (2024), "A Grassmann manifold handbook" (the logarithm with a
// Procrustes step, which stays defined when YᵀZ is singular).
import { eigh, gemm, gemmTransA, gemmTransB, reconstruct, svd } from '@rg/linalg/kernels';
import { scratch } from './scratch.js';

/** What {@link align} computes for bases Y, Z of two points of Gr(n, k). */
export interface Alignment {
  /** principal angles θ, ascending (as the columns of `w` are ordered) */
  theta: Float64Array;
  /** sin θ from the residual (as accurate as the column norms of W; may exceed 1 by rounding) */
  sines: Float64Array;
  /** W = ZQ − YPC, n×k: horizontal at Y, columns orthogonal with norms sin θ */
  w: Float64Array;
  /** left singular vectors of YᵀZ, k×k, columns */
  p: Float64Array;
  /** eigenvectors of WᵀW (nearly the identity: they only mix columns of equal cosines) */
  e: Float64Array;
}

/**
 * Principal angles of span(Y) and span(Z) with their residual. The cosines come from the SVD
 * of the k×k YᵀZ; the sines from WᵀW by Jacobi, whose relative accuracy on this graded Gram
 * matrix (Demmel & Veselić 1992) keeps sines of tiny angles accurate to about ε absolutely
 * (arccos of a cosine near 1 would only give √ε). θᵢ = atan2(sin θᵢ, cos θᵢ) takes the accurate
 * one of the two at either end of [0, π/2].
 */
export function align(n: number, k: number, y: Float64Array, z: Float64Array): Alignment {
  const m = scratch('align.m', k * k);
  gemmTransA(k, k, n, y, z, m);
  const cos = new Float64Array(k);
  const p = new Float64Array(k * k);
  const q = scratch('align.q', k * k);
  svd(k, k, m, cos, { u: p, v: q });
  // W = ZQ − Y(P diag(c))
  const w = new Float64Array(n * k);
  gemm(n, k, k, z, q, w);
  const pc = scratch('align.pc', k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) pc[i * k + j] = p[i * k + j] * cos[j];
  const ypc = scratch('align.ypc', n * k);
  gemm(n, k, k, y, pc, ypc);
  for (let i = 0; i < n * k; i++) w[i] -= ypc[i];
  const g = scratch('align.g', k * k);
  gemmTransA(k, k, n, w, w, g);
  const lambda = scratch('align.lambda', k);
  const e = new Float64Array(k * k);
  eigh(k, g, lambda, { vectors: e, method: 'jacobi', refine: false });
  const sines = new Float64Array(k);
  const theta = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const s = Math.sqrt(Math.max(lambda[i], 0));
    // the cosine that goes with eigenvector i: its Rayleigh quotient in diag(c)
    let c = 0;
    for (let j = 0; j < k; j++) c += e[j * k + i] * e[j * k + i] * cos[j];
    sines[i] = s;
    theta[i] = Math.atan2(s, Math.max(c, 0));
  }
  return { theta, sines, w, p, e };
}

/**
 * out = Log_Y(Z): the horizontal H at Y of smallest norm with span(Exp_Y(H)) = span(Z), namely
 * W E diag(θ/sin θ) Eᵀ Pᵀ (the residual, rescaled from sines to angles, in Y's frame). When
 * some θ = π/2 the logarithm is not unique and this is one of the minimizing ones.
 */
export function logFromAlignment(n: number, k: number, a: Alignment, out: Float64Array): void {
  const phi = new Float64Array(k);
  for (let i = 0; i < k; i++) phi[i] = a.sines[i] > 0 ? a.theta[i] / a.sines[i] : 1;
  const r = reconstruct(k, a.e, phi);
  const f = new Float64Array(k * k);
  gemmTransB(k, k, k, r, a.p, f);
  gemm(n, k, k, a.w, f, out);
}
