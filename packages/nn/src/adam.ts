// @rg/nn's adam: since 0.x, the Adam of the optimizer core @rg/optim.
import { type AdamOptions as CoreAdamOptions, adam as coreAdam } from '@rg/optim';

/**
 * Options of {@link adam}.
 *
 * @deprecated Import `AdamOptions` from `@rg/optim`; this alias stays through 0.x.
 * @example
 * const options: AdamOptions = { lr: 0.01, beta2: 0.99 };
 * adam(options).name // => 'adam'
 */
export type AdamOptions = CoreAdamOptions;

/**
 * Adam: `m ← β₁m + (1−β₁)g`, `v ← β₂v + (1−β₂)g²`, `θ ← θ − lr·m̂ / (√v̂ + ε)` with
 * bias-corrected `m̂ = m/(1−β₁ᵗ)`, `v̂ = v/(1−β₂ᵗ)`. The same function as `adam` of
 * @rg/optim, which also steps parameters on manifolds.
 *
 * @deprecated Import `adam` from `@rg/optim`; this alias stays through 0.x.
 * @throws {InvalidArgumentError} on lr ≤ 0, betas outside [0, 1) or eps ≤ 0
 * @example
 * const opt = adam({ lr: 0.1 });
 * const p = Float64Array.from([1, -1]);
 * opt.stepInPlace(p, Float64Array.from([3, -0.01]));
 * p // => ~[0.9, -0.9]
 */
export const adam: (options?: CoreAdamOptions) => ReturnType<typeof coreAdam> = coreAdam;
