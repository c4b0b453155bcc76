// Stochastic gradient descent with heavy-ball or Nesterov momentum (Sutskever et al. 2013), on manifolds by retraction and vector transport of the momentum (Bonnabel 2013; Absil, Mahony & Sepulchre 2008, §8.1).
import {
  checkOptions,
  axpy,
  checkInRange,
  checkPositive,
  InvalidArgumentError,
  type Matrix,
  scale,
} from '@rg/linalg';
import type { GradientTransform } from './gradient-transform.js';
import {
  checkFunctionName,
  checkTransform,
  createOptimizer,
  resolveLearningRate,
  type Slot,
  type UpdateRule,
} from './internal/engine.js';
import type { Manifold } from './manifold.js';
import type { Optimizer } from './optimizer.js';
import type { Schedule } from './schedules.js';

/** Options of {@link sgd}. */
export interface SgdOptions {
  /** step size or schedule (default 0.01) */
  lr?: number | Schedule;
  /** momentum coefficient μ in [0, 1) (default 0) */
  momentum?: number;
  /** dampening d in [0, 1] of the gradient added to the momentum buffer (default 0) */
  dampening?: number;
  /** Nesterov momentum (PyTorch form: step along g + μ·buf); needs momentum > 0 and no dampening */
  nesterov?: boolean;
  /**
   * weight decay λ ≥ 0 (default 0): adds λ·x to the Euclidean gradient (L2 regularization
   * ½λ‖x‖²) after the `precondition` transform. On a curved manifold it adds λ times the
   * manifold's {@link Manifold.weightDecay} direction when it has one (on SPD matrices a decay
   * toward the identity), else the Riemannian gradient of ½λ‖x‖²_F, which is 0 on the sphere
   * and the Stiefel manifold.
   */
  weightDecay?: number;
  /**
   * a transform of the step's Euclidean gradients applied first, e.g. a preconditioner g ↦ F⁻¹g
   * (see {@link GradientTransform})
   */
  precondition?: GradientTransform;
}

/**
 * SGD with momentum over parameters on manifolds. With g the Euclidean gradient (after
 * `precondition`) plus weight decay, and ξ its Riemannian gradient:
 * `buf ← μ·buf + (1 − d)·ξ` (`buf ← ξ` on a parameter's first step, as PyTorch),
 * `x ← R_x(−lr·(buf, or ξ + μ·buf for Nesterov))`, and the buffer is transported to the new
 * point. On the Euclidean space (R_x(v) = x + v, transport the identity) this is PyTorch's
 * `torch.optim.SGD`, computed in place elementwise.
 *
 * @param options - lr, momentum, dampening, nesterov, weightDecay, precondition
 * @throws {InvalidArgumentError} on lr ≤ 0, momentum outside [0, 1), dampening outside [0, 1],
 *   nesterov without momentum or with dampening, weightDecay < 0 or a non-finite option;
 *   `step` throws ShapeError, NonFiniteError or InvalidArgumentError on a bad parameter
 * @example
 * const opt = sgd({ lr: 0.5 });
 * const p = Float64Array.from([1, 2]);
 * opt.stepInPlace(p, Float64Array.from([1, 1]));
 * p // => [0.5, 1.5]
 * @example
 * import { fromRows } from '@rg/linalg';
 * // one step on the unit circle: the point stays on it
 * const x = { name: 'x', value: fromRows([[1], [0]]), grad: fromRows([[0], [-1]]), manifold: sphere };
 * sgd({ lr: 1 }).step([x]);
 * x.value // => ~[[0.707107], [0.707107]]
 */
export function sgd(options: SgdOptions = {}): Optimizer {
  const fn = 'sgd';
  checkOptions(fn, 'options', options);
  const lr = resolveLearningRate(fn, options.lr ?? 0.01);
  const rule = sgdUpdate(fn, options);
  const transform = checkTransform(fn, options.precondition);
  const base =
    options.nesterov === true
      ? 'sgd-nesterov'
      : (options.momentum ?? 0) > 0
        ? 'sgd-momentum'
        : 'sgd';
  return createOptimizer(fn, transform ? `${base}+${transform.name}` : base, lr, rule, transform);
}

/** Options of {@link sgdRule}: the update options of {@link SgdOptions}. */
export interface SgdRuleOptions {
  /** momentum coefficient μ in [0, 1) (default 0) */
  momentum?: number;
  /** dampening d in [0, 1] of the gradient added to the momentum buffer (default 0) */
  dampening?: number;
  /** Nesterov momentum; needs momentum > 0 and no dampening (default false) */
  nesterov?: boolean;
  /** weight decay λ ≥ 0 (default 0), as in {@link SgdOptions.weightDecay} */
  weightDecay?: number;
  /** the function that error messages name (default 'sgdRule'), e.g. the factory calling it */
  fn?: string;
}

/**
 * The update formulas of {@link sgd} as an {@link UpdateRule}, for an optimizer built with
 * {@link defineOptimizer} that updates some parameters by a rule of its own and the others
 * exactly as `sgd` does (its `flat` and `curved` are the ones `sgd` runs). The options are
 * checked here, with messages naming `options.fn`.
 *
 * @param options - momentum, dampening, nesterov, weightDecay, fn
 * @throws {InvalidArgumentError} on momentum outside [0, 1), dampening outside [0, 1], nesterov
 *   without momentum or with dampening, weightDecay < 0, a non-finite option or a bad `fn`
 * @example
 * const opt = defineOptimizer({ fn: 'mySgd', lr: 0.5, rule: sgdRule({ momentum: 0.9 }) });
 * const p = Float64Array.from([1, 2]);
 * opt.stepInPlace(p, Float64Array.from([1, 1]));
 * p // => [0.5, 1.5]
 */
export function sgdRule(options: SgdRuleOptions = {}): UpdateRule {
  checkOptions('sgdRule', 'options', options);
  return sgdUpdate(checkFunctionName('sgdRule', options.fn ?? 'sgdRule'), options);
}

function sgdUpdate(fn: string, options: SgdRuleOptions): UpdateRule {
  const momentum = checkInRange(fn, 'momentum', options.momentum ?? 0, 0, 1, false, true);
  const dampening = options.dampening ?? 0;
  checkInRange(fn, 'dampening', dampening, 0, 1);
  const nesterov = options.nesterov ?? false;
  if (typeof nesterov !== 'boolean')
    throw new InvalidArgumentError(`${fn}(): nesterov must be a boolean (got ${String(nesterov)})`);
  if (nesterov && (momentum === 0 || dampening !== 0))
    throw new InvalidArgumentError(`${fn}(): nesterov needs momentum > 0 and dampening 0`);
  const weightDecay = checkPositive(fn, 'weightDecay', options.weightDecay ?? 0, true);
  const keep = 1 - dampening;

  return {
    kind: 'sgd',
    secondMoment: false,
    maxSecondMoment: false,
    flat(slot: Slot, x: Float64Array, grad: Float64Array, eta: number): void {
      const n = x.length;
      if (momentum === 0) {
        for (let i = 0; i < n; i++) x[i] -= eta * (grad[i] + weightDecay * x[i]);
        return;
      }
      // one loop per case: a branch inside a 1e6-element loop costs as much as the update
      if (slot.moment === null) {
        // the first step starts the buffer at g, as PyTorch does
        const buf = new Float64Array(n);
        slot.moment = buf;
        for (let i = 0; i < n; i++) {
          const g = grad[i] + weightDecay * x[i];
          buf[i] = g;
          x[i] -= eta * (nesterov ? g + momentum * g : g);
        }
        return;
      }
      const buf = slot.moment;
      if (nesterov)
        for (let i = 0; i < n; i++) {
          const g = grad[i] + weightDecay * x[i];
          const b = momentum * buf[i] + g;
          buf[i] = b;
          x[i] -= eta * (g + momentum * b);
        }
      else if (dampening === 0)
        for (let i = 0; i < n; i++) {
          const b = momentum * buf[i] + (grad[i] + weightDecay * x[i]);
          buf[i] = b;
          x[i] -= eta * b;
        }
      else
        for (let i = 0; i < n; i++) {
          const b = momentum * buf[i] + keep * (grad[i] + weightDecay * x[i]);
          buf[i] = b;
          x[i] -= eta * b;
        }
    },
    curved(slot: Slot, manifold: Manifold, x: Matrix, egrad: Matrix, eta: number): Matrix {
      let xi: Matrix;
      if (weightDecay === 0) xi = manifold.riemannianGradient(x, egrad);
      else if (manifold.weightDecay) {
        const r = manifold.riemannianGradient(x, egrad);
        xi = {
          rows: r.rows,
          cols: r.cols,
          data: axpy(weightDecay, manifold.weightDecay(x).data, r.data),
        };
      } else
        xi = manifold.riemannianGradient(x, {
          rows: egrad.rows,
          cols: egrad.cols,
          data: axpy(weightDecay, x.data, egrad.data),
        });
      if (momentum === 0) return manifold.retract(x, scale(xi, -eta));
      const g = dampening === 0 ? xi.data : scale(xi, keep).data;
      const v: Matrix = {
        rows: xi.rows,
        cols: xi.cols,
        data: slot.moment ? axpy(momentum, slot.moment, g) : xi.data,
      };
      const d: Matrix = nesterov
        ? { rows: v.rows, cols: v.cols, data: axpy(momentum, v.data, xi.data) }
        : v;
      const next = manifold.retract(x, scale(d, -eta));
      slot.moment = manifold.transport(x, next, v).data;
      return next;
    },
  };
}
