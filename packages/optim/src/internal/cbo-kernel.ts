// Consensus-based optimization on raw arrays (Pinnau, Totzeck, Tse & Martin 2017; anisotropic
// noise: Carrillo, Jin, Li & Zhu 2021; as a stochastic relaxation of gradient descent: Riedl,
// Klock, Geldhauser & Fornasier 2023, "Gradient is all you need?").
import type { NormalFill } from './normal-sampler.js';

/**
 * The Laplace-principle weights w_i ∝ exp(−α f_i), written normalized into `w`, and the
 * consensus point c = Σ w_i x_i / Σ w_i of the n×d row-major particles `x` into `c`.
 * Computed as exp(−α(f_i − f_min)) — the log-sum-exp shift — so no exponential overflows for
 * any α ∈ (0, ∞]: the best particles get weight exp(0) = 1 before normalization (also for
 * α = ∞, where α·0 would be NaN), particles with f_i = +∞ get 0. Needs one finite f_i.
 * @returns the index of a best particle
 */
export function consensusInto(
  n: number,
  d: number,
  x: Float64Array,
  f: Float64Array,
  alpha: number,
  w: Float64Array,
  c: Float64Array,
): number {
  let best = 0;
  for (let i = 1; i < n; i++) if (f[i] < f[best]) best = i;
  const fmin = f[best];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const gap = f[i] - fmin;
    const wi = gap === 0 ? 1 : Math.exp(-alpha * gap);
    w[i] = wi;
    sum += wi;
  }
  const inv = 1 / sum;
  c.fill(0, 0, d);
  for (let i = 0; i < n; i++) {
    const wi = w[i] * inv;
    w[i] = wi;
    if (wi === 0) continue;
    const o = i * d;
    for (let j = 0; j < d; j++) c[j] += wi * x[o + j];
  }
  return best;
}

export interface CboSettings {
  readonly dim: number;
  readonly particles: number;
  readonly alpha: number;
  readonly alphaGrowth: number;
  readonly lambda: number;
  readonly sigma: number;
  readonly dt: number;
  readonly anisotropic: boolean;
  readonly maxIter: number;
  readonly tol: number;
}

export interface CboRun {
  x: Float64Array;
  value: number;
  iterations: number;
  converged: boolean;
  residual: number;
  particles: Float64Array;
  history?: { value: number[]; spread: number[]; alpha: number[] };
}

export interface CboHooks {
  /** evaluate f at every particle into `values`; throws on NaN */
  evaluate(x: Float64Array, values: Float64Array, iteration: number): void;
  /** f at one point (the consensus point) */
  value(c: Float64Array): number;
  /** called after the consensus of each iteration (abort checks, progress) */
  iteration?(k: number, spread: number, c: Float64Array, alpha: number): void;
}

/**
 * One CBO run from the n×d particles `x` (changed in place): at each iteration the consensus
 * point c, then x_i ← x_i − λ dt (x_i − c) + σ √dt ‖x_i − c‖ ξ_i (isotropic) or
 * σ √dt (x_i − c) ⊙ ξ_i (anisotropic), ξ_i standard normal; α ← α·growth. Stops when the
 * particles' root-mean-square distance to c is ≤ tol (converged) or after maxIter updates.
 */
export function runCbo(
  s: CboSettings,
  x: Float64Array,
  normals: NormalFill,
  hooks: CboHooks,
  record: boolean,
): CboRun {
  const { dim: d, particles: n, lambda, sigma, dt, anisotropic, maxIter, tol, alphaGrowth } = s;
  const values = new Float64Array(n);
  const xi = new Float64Array(n * d);
  const w = new Float64Array(n);
  const c = new Float64Array(d);
  const drift = lambda * dt;
  const diffusion = sigma * Math.sqrt(dt);
  const history = record
    ? { value: [] as number[], spread: [] as number[], alpha: [] as number[] }
    : undefined;
  let alpha = s.alpha;
  let k = 0;
  let spread = Number.POSITIVE_INFINITY;
  let converged = false;
  for (;;) {
    hooks.evaluate(x, values, k);
    consensusInto(n, d, x, values, alpha, w, c);
    let ss = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0, o = i * d; j < d; j++) {
        const e = x[o + j] - c[j];
        ss += e * e;
      }
    spread = Math.sqrt(ss / n);
    if (history) {
      history.value.push(hooks.value(c));
      history.spread.push(spread);
      history.alpha.push(alpha);
    }
    hooks.iteration?.(k, spread, c, alpha);
    if (spread <= tol) {
      converged = true;
      break;
    }
    if (k >= maxIter) break;
    normals(xi, n * d);
    if (anisotropic)
      for (let i = 0; i < n; i++)
        for (let j = 0, o = i * d; j < d; j++) {
          const e = x[o + j] - c[j];
          x[o + j] -= e * (drift - diffusion * xi[o + j]);
        }
    else
      for (let i = 0; i < n; i++) {
        const o = i * d;
        let norm = 0;
        for (let j = 0; j < d; j++) {
          const e = x[o + j] - c[j];
          norm += e * e;
        }
        const scale = diffusion * Math.sqrt(norm);
        for (let j = 0; j < d; j++) x[o + j] += scale * xi[o + j] - drift * (x[o + j] - c[j]);
      }
    alpha *= alphaGrowth;
    k++;
  }
  return {
    x: c,
    value: history ? history.value[history.value.length - 1] : hooks.value(c),
    iterations: k,
    converged,
    residual: spread,
    particles: x,
    history,
  };
}
