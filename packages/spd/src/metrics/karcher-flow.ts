// The Karcher flow for the affine-invariant mean (Pennec 2006, "Intrinsic statistics on
// Riemannian manifolds"; Barachant et al. 2012 and pyRiemann's mean_riemann for the step rule):
// one rule, run on plain arrays by frechetMean and on the autodiff tape by batch normalization.
import { type ProgressInfo, throwIfAborted } from '@rg/linalg';

/** The two operations of one Karcher step, on a representation P of the iterate. */
export interface KarcherBackend<P, S> {
  /**
   * Measure at g: the Frobenius norm of J = Σ wᵢ log(g^{-½}Xᵢg^{-½}), which is the Riemannian
   * norm of the gradient of ½Σ wᵢ d²(·, Xᵢ) at g, and what `step` needs (J, g's factor).
   */
  gradient(g: P): { norm: number; state: S };
  /** g^½ exp(ν J) g^½: the exponential at g of ν times the mean log, from g's measured state */
  step(g: P, state: S, nu: number): P;
}

export interface KarcherOptions {
  tol: number;
  maxIter: number;
  signal?: AbortSignal;
  onProgress?: (info: ProgressInfo) => void;
  fn: string;
}

export interface KarcherResult<P, S> {
  mean: P;
  /** steps taken */
  iterations: number;
  converged: boolean;
  /** measured at `mean` */
  gradientNorm: number;
  /** the backend's state at `mean` (its last measurement) */
  state: S;
}

/** A measurement of the gradient at an iterate, as `KarcherBackend.gradient` returns it. */
export interface KarcherMeasure<S> {
  norm: number;
  state: S;
}

/**
 * The step rule as a generator: it yields each iterate at which it needs the gradient and is
 * resumed with the measurement, so one rule serves the synchronous driver {@link karcherFlow}
 * and the asynchronous one {@link karcherFlowAsync} (measurements on a worker pool).
 */
export function* karcherRule<P, S>(
  step: (g: P, state: S, nu: number) => P,
  init: P,
  options: KarcherOptions,
): Generator<P, KarcherResult<P, S>, KarcherMeasure<S>> {
  let g = init;
  let nu = 1;
  let floor = 0.5;
  let tau = Number.MAX_VALUE;
  for (let k = 0; ; k++) {
    throwIfAborted(options.fn, options.signal);
    const { norm, state } = yield g;
    options.onProgress?.({ iteration: k, residual: norm, stepSize: nu });
    if (norm <= options.tol || k >= options.maxIter || (k > 0 && nu <= options.tol))
      return { mean: g, iterations: k, converged: norm <= options.tol, gradientNorm: norm, state };
    const h = nu * norm;
    g = step(g, state, nu);
    if (h < tau) {
      nu = Math.max(0.95 * nu, Math.min(nu, floor));
      tau = h;
    } else {
      nu *= 0.5;
      floor = Math.min(floor, nu);
    }
  }
}

/**
 * Karcher flow G ← G^½ exp(ν J) G^½ with pyRiemann's step rule (mean_riemann): ν starts at 1
 * and is multiplied by 0.95 after a step whose length ν‖J‖ is shorter than every earlier one,
 * by 0.5 otherwise. One change: the 0.95 decay stops at ν = ½ (a floor that only the halvings
 * lower), so long runs towards tight tolerances keep a linear rate instead of stalling as ν
 * decays geometrically; the iterates are pyRiemann's while ν > ½ (at most its first 13 steps).
 * Stops when ‖J‖ ≤ tol (converged), when ν ≤ tol, or after maxIter steps; the gradient is always
 * measured at the returned iterate. The steps ν depend on the data only through comparisons,
 * so they are locally constant and differentiating the unrolled iteration is exact.
 */
export function karcherFlow<P, S>(
  backend: KarcherBackend<P, S>,
  init: P,
  options: KarcherOptions,
): KarcherResult<P, S> {
  const rule = karcherRule<P, S>((g, s, nu) => backend.step(g, s, nu), init, options);
  let r = rule.next();
  while (!r.done) r = rule.next(backend.gradient(r.value));
  return r.value;
}

/** {@link karcherFlow} with a measurement that is awaited (the same rule, the same iterates). */
export async function karcherFlowAsync<P, S>(
  backend: {
    gradient(g: P): Promise<KarcherMeasure<S>>;
    step(g: P, state: S, nu: number): P;
  },
  init: P,
  options: KarcherOptions,
): Promise<KarcherResult<P, S>> {
  const rule = karcherRule<P, S>((g, s, nu) => backend.step(g, s, nu), init, options);
  let r = rule.next();
  while (!r.done) r = rule.next(await backend.gradient(r.value));
  return r.value;
}
