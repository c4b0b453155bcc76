// Exponentiated gradient: mirror descent with the entropy (Kivinen & Warmuth 1997,
// "Exponentiated gradient versus gradient descent for linear predictors"), sign-preserving for
// weights under Dale's law (as in "Dale meets Langevin", multiplicative updates that never
// change a weight's sign).
import { checkOptions, InvalidArgumentError, type Matrix } from '@rg/linalg';
import { createOptimizer, resolveLearningRate, type Slot } from './internal/engine.js';
import { softmaxRow } from '@rg/linalg/kernels';
import type { Manifold } from './manifold.js';
import type { Optimizer } from './optimizer.js';
import type { Schedule } from './schedules.js';

/** Options of {@link exponentiatedGradient}. */
export interface ExponentiatedGradientOptions {
  /** step size or schedule (default 0.1) */
  lr?: number | Schedule;
  /**
   * 'orthant' (default): x ← x ⊙ exp(−lr·g ⊙ sign(x)), every entry keeps its sign (the positive
   * orthant when x > 0); 'simplex': x ← x ⊙ exp(−lr·g) / Σ(…), x stays a probability vector
   * (entries ≥ 0 summing to 1 over the whole parameter)
   */
  domain?: 'orthant' | 'simplex';
}

/** the sum of a simplex point may be off 1 by this much at the boundary (a few ulp per entry) */
const SIMPLEX_TOL = 1e-9;

/**
 * Exponentiated gradient (EG): multiplicative updates, mirror descent under the entropy.
 * On the orthant, |x| follows x ← x ⊙ exp(−lr·g ⊙ sign(x)), i.e. log|x_i| takes a gradient
 * step: weights never change sign (Dale's law: excitatory stay excitatory, inhibitory stay
 * inhibitory) and a zero weight stays zero. On the simplex (Hedge), x ← x ⊙ exp(−lr·g)/Z with
 * the normalizer Z computed in the log domain (log-sum-exp), so x stays a probability vector
 * whatever the size of the gradient. For the orthant with positive x this is EG of Kivinen &
 * Warmuth; the mixed-sign form is EG± on each orthant. Parameters must be Euclidean.
 *
 * @param options - lr, domain
 * @throws {InvalidArgumentError} on lr ≤ 0 or an unknown domain; `step` throws it also on a
 *   non-Euclidean parameter or, on the simplex, on a value with a negative entry or a sum
 *   other than 1
 * @example
 * const opt = exponentiatedGradient({ lr: 1 });
 * const w = Float64Array.from([2, -2, 0]);
 * opt.stepInPlace(w, Float64Array.from([Math.LN2, Math.LN2, 5]));
 * w // => ~[1, -4, 0]
 * @example
 * import { fromRows } from '@rg/linalg';
 * const p = { name: 'p', value: fromRows([[0.5, 0.5]]), grad: fromRows([[0, Math.log(3)]]) };
 * exponentiatedGradient({ lr: 1, domain: 'simplex' }).step([p]);
 * p.value // => ~[[0.75, 0.25]]
 */
export function exponentiatedGradient(options: ExponentiatedGradientOptions = {}): Optimizer {
  const fn = 'exponentiatedGradient';
  checkOptions(fn, 'options', options);
  const lr = resolveLearningRate(fn, options.lr ?? 0.1);
  const domain = options.domain ?? 'orthant';
  if (domain !== 'orthant' && domain !== 'simplex')
    throw new InvalidArgumentError(
      `${fn}(): domain must be 'orthant' or 'simplex' (got ${String(domain)})`,
    );
  const name = domain === 'simplex' ? 'exponentiated-gradient-simplex' : 'exponentiated-gradient';
  const rule = {
    kind: name,
    secondMoment: false,
    maxSecondMoment: false,
    check(where: string, at: string, manifold: Manifold, value: Matrix): void {
      if (!manifold.flat)
        throw new InvalidArgumentError(
          `${where}(): ${at} is on '${manifold.name}'; exponentiated gradient needs Euclidean parameters`,
        );
      if (domain !== 'simplex') return;
      let sum = 0;
      for (let i = 0; i < value.data.length; i++) {
        const v = value.data[i];
        if (!(v >= 0))
          throw new InvalidArgumentError(
            `${where}(): ${at}.value must lie on the simplex (entry ${i} is ${v})`,
          );
        sum += v;
      }
      if (!(Math.abs(sum - 1) <= SIMPLEX_TOL * Math.max(1, value.data.length)))
        throw new InvalidArgumentError(
          `${where}(): ${at}.value must lie on the simplex (its entries sum to ${sum})`,
        );
    },
    flat(_slot: Slot, x: Float64Array, g: Float64Array, eta: number): void {
      const n = x.length;
      if (domain === 'orthant') {
        for (let i = 0; i < n; i++) {
          const xi = x[i];
          if (xi > 0) x[i] = xi * Math.exp(-eta * g[i]);
          else if (xi < 0) x[i] = xi * Math.exp(eta * g[i]);
        }
        return;
      }
      for (let i = 0; i < n; i++) x[i] = Math.log(x[i]) - eta * g[i];
      softmaxRow(x, 0, n, x, 0);
    },
    curved(): Matrix {
      // unreachable: `check` admits flat manifolds only
      throw new InvalidArgumentError(`${fn}().step(): parameters must be Euclidean`);
    },
  };
  return createOptimizer(fn, name, lr, rule, undefined);
}
