// The Bures–Wasserstein barycenter fixed point G ← G^{-½}[Σ wᵢ (G^½XᵢG^½)^½]²G^{-½} (Álvarez-Esteban,
// del Barrio, Cuesta-Albertos & Matrán 2016, "A fixed-point approach to barycenters in
// Wasserstein space") with one stopping rule, run on plain arrays by frechetMean and on the
// autodiff tape by batch normalization.
import { type ProgressInfo, throwIfAborted } from '@rg/linalg';
import { dot, gemm } from '@rg/linalg/kernels';

/**
 * The Riemannian norm of the BW gradient −Σ wᵢ Log_G(Xᵢ) = −(A G + G A), A = T̄ − I with T̄ the
 * weighted mean of the optimal maps Tᵢ = G^{-½}(G^½XᵢG^½)^½G^{-½}: ‖A G^½‖_F (since
 * L_G[AG + GA] = A and ½ tr(A (AG + GA)) = tr(A G A)).
 *
 * @param a - A = T̄ − I (symmetric, n×n)
 * @param gHalf - G^½
 */
export function bwGradientNorm(n: number, a: Float64Array, gHalf: Float64Array): number {
  const p = new Float64Array(n * n);
  gemm(n, n, n, a, gHalf, p);
  return Math.sqrt(dot(n * n, p, p));
}

/** The two operations of one fixed-point step, on some representation P of the iterate. */
export interface BWFixedPointBackend<P> {
  /** measure the gradient norm at g ({@link bwGradientNorm}); keep what `step` needs */
  gradient(g: P): number;
  /** G^{-½} S² G^{-½} with S = Σ wᵢ (G^½XᵢG^½)^½ of the last `gradient` call */
  step(g: P): P;
}

export interface BWFixedPointOptions {
  tol: number;
  maxIter: number;
  signal?: AbortSignal;
  onProgress?: (info: ProgressInfo) => void;
  fn: string;
}

/**
 * The fixed point's loop as a generator: yields each iterate at which it needs the gradient
 * norm (the backend's measurement, kept for the step) and is resumed with it; one loop for the
 * synchronous driver {@link bwFixedPoint} and the asynchronous {@link bwFixedPointAsync}.
 */
export function* bwFixedPointRule<P>(
  step: (g: P) => P,
  init: P,
  options: BWFixedPointOptions,
): Generator<P, { mean: P; iterations: number; converged: boolean; gradientNorm: number }, number> {
  let g = init;
  let gn = Number.POSITIVE_INFINITY;
  for (let it = 0; it <= options.maxIter; it++) {
    throwIfAborted(options.fn, options.signal);
    gn = yield g;
    options.onProgress?.({ iteration: it, residual: gn });
    if (gn <= options.tol) return { mean: g, iterations: it, converged: true, gradientNorm: gn };
    if (it === options.maxIter) break;
    g = step(g);
  }
  return { mean: g, iterations: options.maxIter, converged: false, gradientNorm: gn };
}

/**
 * Run the fixed point from `init`: measure, stop when the gradient norm is ≤ tol or after
 * maxIter steps; the gradient is always measured at the returned iterate.
 */
export function bwFixedPoint<P>(
  backend: BWFixedPointBackend<P>,
  init: P,
  options: BWFixedPointOptions,
): { mean: P; iterations: number; converged: boolean; gradientNorm: number } {
  const rule = bwFixedPointRule<P>((g) => backend.step(g), init, options);
  let r = rule.next();
  while (!r.done) r = rule.next(backend.gradient(r.value));
  return r.value;
}

/** {@link bwFixedPoint} with a measurement that is awaited (the same loop, the same iterates). */
export async function bwFixedPointAsync<P>(
  backend: { gradient(g: P): Promise<number>; step(g: P): P },
  init: P,
  options: BWFixedPointOptions,
): Promise<{ mean: P; iterations: number; converged: boolean; gradientNorm: number }> {
  const rule = bwFixedPointRule<P>((g) => backend.step(g), init, options);
  let r = rule.next();
  while (!r.done) r = rule.next(await backend.gradient(r.value));
  return r.value;
}
