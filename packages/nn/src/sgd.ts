// @rg/nn's sgd: since 0.x, the SGD of the optimizer core @rg/optim.
import { sgd as coreSgd, type SgdOptions as CoreSgdOptions } from '@rg/optim';

/**
 * Options of {@link sgd}.
 *
 * @deprecated Import `SgdOptions` from `@rg/optim`; this alias stays through 0.x.
 * @example
 * const options: SgdOptions = { lr: 0.1, momentum: 0.9 };
 * sgd(options).name // => 'sgd-momentum'
 */
export type SgdOptions = CoreSgdOptions;

/**
 * SGD: `buf ← μ buf + (g + wd·θ)`, `θ ← θ − lr·(buf or g + μ buf for Nesterov)`. The same
 * function as `sgd` of @rg/optim, which also steps parameters on manifolds.
 *
 * @deprecated Import `sgd` from `@rg/optim`; this alias stays through 0.x.
 * @throws {InvalidArgumentError} on lr ≤ 0, momentum outside [0, 1), or nesterov without momentum
 * @example
 * const opt = sgd({ lr: 0.5 });
 * const p = Float64Array.from([1, 2]);
 * opt.stepInPlace(p, Float64Array.from([1, 1]));
 * p // => [0.5, 1.5]
 */
export const sgd: (options?: CoreSgdOptions) => ReturnType<typeof coreSgd> = coreSgd;
