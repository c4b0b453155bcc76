// @rg/nn's optimizer type: since 0.x, the optimizer core of @rg/optim.
import type { Optimizer as CoreOptimizer } from '@rg/optim';

/**
 * A stateful optimizer: each call moves `params` in place along its update rule.
 *
 * @deprecated Import `Optimizer` from `@rg/optim` (the optimizer core, which adds `step` over
 *   named parameters on manifolds, `lr`, `state()` and `loadState()`); this alias stays through 0.x.
 * @example
 * const opt: Optimizer = sgd({ lr: 0.5 });
 * const p = Float64Array.from([1]);
 * opt.stepInPlace(p, Float64Array.from([1]));
 * p // => [0.5]
 */
export type Optimizer = CoreOptimizer;
