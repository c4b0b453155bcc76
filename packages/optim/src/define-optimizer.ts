// An optimizer from an update rule on the core's engine: what a package that owns a manifold
// needs to add an optimizer of its own without a second engine (validation, per-name state,
// schedules, gradient transforms, JSON checkpoints).
import { checkFunction, checkOptions, InvalidArgumentError } from '@rg/linalg';
import type { GradientTransform } from './gradient-transform.js';
import {
  checkFunctionName,
  checkTransform,
  createOptimizer,
  resolveLearningRate,
  type UpdateRule,
} from './internal/engine.js';
import type { Optimizer } from './optimizer.js';
import type { Schedule } from './schedules.js';

export type { Slot, UpdateRule } from './internal/engine.js';

/** Options of {@link defineOptimizer}. */
export interface DefineOptimizerOptions {
  /** the update formulas (for example {@link sgdRule}, or a rule that delegates to it) */
  rule: UpdateRule;
  /** the factory's name, used in messages as `fn().step(): …` (default 'defineOptimizer') */
  fn?: string;
  /** the optimizer's `name` (default `rule.kind`) */
  name?: string;
  /** step size or schedule (default 0.01) */
  lr?: number | Schedule;
  /** a transform of the step's Euclidean gradients applied first (see {@link GradientTransform}) */
  precondition?: GradientTransform;
}

/**
 * An {@link Optimizer} on the engine that `sgd`, `adam` and the other optimizers of this
 * package share, with the formulas of `options.rule`. The engine validates each step's
 * parameters before any changes (names, shapes, finite gradients, `Manifold.validate`,
 * `rule.check`), keeps one {@link Slot} per parameter name (`t`, `moment`, second moments),
 * evaluates the learning-rate schedule, applies the gradient transform, calls `rule.flat` on a
 * flat manifold (in place) or `rule.curved` otherwise (the returned point is copied into
 * `value.data`), and writes and reads JSON checkpoints whose `optimizer` is `rule.kind`.
 *
 * A rule's functions are unchecked: they receive validated inputs only and must not throw on
 * them. For an optimizer that treats some parameters by its own formulas and the others as
 * `sgd` does, delegate to {@link sgdRule}.
 *
 * @param options - rule, fn, name, lr, precondition
 * @throws {InvalidArgumentError} when `rule` lacks `kind`, `flat` or `curved`, on a bad `fn`,
 *   `name` or `lr`, or a precondition that is not a GradientTransform
 * @example
 * // plain gradient descent with a step counter of its own in the checkpoint's slots
 * const rule: UpdateRule = {
 *   kind: 'gd',
 *   secondMoment: false,
 *   maxSecondMoment: false,
 *   flat(slot, x, g, lr) { for (let i = 0; i < x.length; i++) x[i] -= lr * g[i]; },
 *   curved(slot, manifold, x, g, lr) {
 *     const xi = manifold.riemannianGradient(x, g);
 *     return manifold.retract(x, { ...xi, data: xi.data.map((v) => -lr * v) });
 *   },
 * };
 * const opt = defineOptimizer({ fn: 'gd', rule, lr: 0.25 });
 * const p = Float64Array.from([1, -2]);
 * opt.stepInPlace(p, Float64Array.from([2, 4]));
 * p // => [0.5, -3]
 * opt.state().params[''].t // => 1
 */
export function defineOptimizer(options: DefineOptimizerOptions): Optimizer {
  const self = 'defineOptimizer';
  const o = checkOptions(self, 'options', options);
  const fn = checkFunctionName(self, o.fn ?? self);
  const rule = o.rule as UpdateRule | undefined;
  if (!rule || typeof rule !== 'object')
    throw new InvalidArgumentError(
      `${self}(): rule must be an UpdateRule { kind, secondMoment, maxSecondMoment, flat, curved } (got ${rule === null ? 'null' : typeof rule})`,
    );
  if (typeof rule.kind !== 'string' || rule.kind === '')
    throw new InvalidArgumentError(`${self}(): rule.kind must be a non-empty string`);
  checkFunction(self, 'rule.flat', rule.flat, '(slot, x, g, lr, step)');
  checkFunction(self, 'rule.curved', rule.curved, '(slot, manifold, x, egrad, lr, step)');
  if (rule.check !== undefined) checkFunction(self, 'rule.check', rule.check);
  if (rule.prepare !== undefined) checkFunction(self, 'rule.prepare', rule.prepare);
  for (const member of ['secondMoment', 'maxSecondMoment'] as const)
    if (typeof rule[member] !== 'boolean')
      throw new InvalidArgumentError(
        `${self}(): rule.${member} must be a boolean (got ${String(rule[member])})`,
      );
  const name = o.name ?? rule.kind;
  if (typeof name !== 'string' || name === '')
    throw new InvalidArgumentError(`${self}(): name must be a non-empty string`);
  const lr = resolveLearningRate(fn, o.lr ?? 0.01);
  const transform = checkTransform(fn, o.precondition);
  return createOptimizer(fn, name, lr, rule, transform);
}
