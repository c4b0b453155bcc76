// The orthogonal projection onto the horizontal space at Y on the Grassmann manifold,
// U − Y(YᵀU) (Edelman, Arias & Smith 1998, "The geometry of algorithms with orthogonality
// constraints", §2.5).
import { gemm, gemmTransA } from '@rg/linalg/kernels';
import { scratch } from './scratch.js';

/**
 * out = U − Y(YᵀU) for Y n×k with orthonormal columns and any n×k U: the tangent (horizontal)
 * vector at span(Y) closest to U. Aliasing: `out` may be `u`; nothing else may overlap.
 */
export function projectHorizontal(
  n: number,
  k: number,
  y: Float64Array,
  u: Float64Array,
  out: Float64Array = new Float64Array(n * k),
): Float64Array {
  const m = scratch('project.m', k * k);
  gemmTransA(k, k, n, y, u, m);
  const ym = scratch('project.ym', n * k);
  gemm(n, k, k, y, m, ym);
  for (let i = 0; i < n * k; i++) out[i] = u[i] - ym[i];
  return out;
}

/** max |YᵀY − I|: how far the n×k Y is from having orthonormal columns. */
export function orthonormalityError(n: number, k: number, y: Float64Array): number {
  const g = scratch('orthonormality.g', k * k);
  gemmTransA(k, k, n, y, y, g);
  let e = 0;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      const d = Math.abs(g[i * k + j] - (i === j ? 1 : 0));
      // NaN propagates as a failure: !(d <= e) is true for NaN
      if (!(d <= e)) e = d;
    }
  return e;
}

/** max |YᵀH|: how far H is from the horizontal space at Y (0 for tangent vectors). */
export function horizontalityError(n: number, k: number, y: Float64Array, h: Float64Array): number {
  const m = scratch('horizontality.m', k * k);
  gemmTransA(k, k, n, y, h, m);
  let e = 0;
  for (let i = 0; i < k * k; i++) {
    const d = Math.abs(m[i]);
    if (!(d <= e)) e = d;
  }
  return e;
}
