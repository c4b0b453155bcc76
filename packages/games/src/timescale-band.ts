// The two-player small-gain condition in closed form: the open interval of weight ratios
// r = w₂/w₁ for which the weighted block matrix is positive definite (Small-Gain Nash).
import { InvalidArgumentError, checkPositive } from '@rg/linalg';

/**
 * The timescale band of a two-player game: the ratios r = w₂/w₁ with
 * 4 r μ₁ μ₂ > (L₁₂ + r L₂₁)², i.e. for which M(w) = [[w₁μ₁, −(w₁L₁₂ + w₂L₂₁)/2], [·, w₂μ₂]] is
 * positive definite. The quadratic L₂₁² r² + (2L₁₂L₂₁ − 4μ₁μ₂) r + L₁₂² < 0 has roots
 * (√(μ₁μ₂) ∓ √(μ₁μ₂ − L₁₂L₂₁))²/L₂₁², real exactly when the small-gain product
 * Γ₁₂Γ₂₁ = L₁₂L₂₁/(μ₁μ₂) is below 1. The lower root is evaluated as
 * L₁₂²/(√(μ₁μ₂) + √(μ₁μ₂ − L₁₂L₂₁))² to avoid cancellation; the upper one is +Infinity when
 * L₂₁ = 0.
 *
 * @param mu1 - player 1's strong-monotonicity modulus μ₁
 * @param mu2 - player 2's μ₂
 * @param l12 - Lipschitz constant of F₁ in x₂ (≥ 0)
 * @param l21 - Lipschitz constant of F₂ in x₁ (≥ 0)
 * @returns `[lower, upper]` (open interval), or null when no ratio certifies
 * @throws {InvalidArgumentError} when a coupling is negative or an argument is not finite
 * @example
 * timescaleBand(1, 1, 0.2, 3) // => ~[0.015010, 0.29610]
 * timescaleBand(1, 1, 2, 3) // => null
 */
export function timescaleBand(
  mu1: number,
  mu2: number,
  l12: number,
  l21: number,
): [number, number] | null {
  const fn = 'timescaleBand';
  for (const [name, v] of [
    ['mu1', mu1],
    ['mu2', mu2],
  ] as const)
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new InvalidArgumentError(`${fn}(): ${name} must be a finite number (got ${String(v)})`);
  checkPositive(fn, 'l12', l12, true);
  checkPositive(fn, 'l21', l21, true);
  if (!(mu1 > 0 && mu2 > 0)) return null;
  const a = mu1 * mu2;
  const D = a - l12 * l21;
  if (!(D > 0)) return null;
  const root = Math.sqrt(a) + Math.sqrt(D);
  const lower = (l12 * l12) / (root * root);
  const upper = l21 === 0 ? Number.POSITIVE_INFINITY : (root * root) / (l21 * l21);
  return [lower, upper];
}
