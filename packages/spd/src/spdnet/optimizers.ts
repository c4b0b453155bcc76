// Deprecated: Riemannian SGD and Adam as they were exported before @rg/optim's generic optimizers
// (Bonnabel 2013; Bécigneul & Ganea 2019), now thin wrappers over optim's sgd/adam with the
// manifolds of parameterManifold.
import { InvalidArgumentError, type Matrix } from '@rg/linalg';
import {
  adam,
  type Manifold,
  type Optimizer,
  type Parameter as OptimParameter,
  sgd,
} from '@rg/optim';
import { spdCholesky } from '../internal/validate.js';
import { parameterManifold, SOURCE } from './optim-parameters.js';
import { assertShape } from './shared.js';
import type { Parameter } from './types.js';

/**
 * A Riemannian optimizer: `step` updates every parameter that has a gradient, on its manifold.
 *
 * @deprecated use @rg/optim's `Optimizer` (`sgd`, `adam`, `adamw`)
 */
export interface RiemannianOptimizer {
  readonly name: string;
  /** learning rate; may be changed between steps (a schedule) */
  lr: number;
  /** number of `step` calls so far */
  readonly steps: number;
  /**
   * One update of each parameter that has a `grad` (skipped when `grad` is undefined). The new
   * value is a new Matrix on the parameter's manifold; the old value and the grad are not changed.
   */
  step(params: readonly Parameter[]): void;
}

/**
 * Options of {@link riemannianSGD}.
 *
 * @deprecated use @rg/optim's `SgdOptions`
 */
export interface RiemannianSGDOptions {
  /** learning rate > 0 */
  lr: number;
  /** heavy-ball momentum in [0, 1) (default 0) */
  momentum?: number;
  /**
   * weight decay ≥ 0 (default 0): adds λ·x to Euclidean gradients; on SPD parameters adds the
   * Riemannian gradient λ·P log P of (λ/2)·d²(P, I), a decay toward the identity; no effect on
   * Stiefel parameters (‖W‖_F is constant there)
   */
  weightDecay?: number;
}

/**
 * Options of {@link riemannianAdam}.
 *
 * @deprecated use @rg/optim's `AdamOptions`
 */
export interface RiemannianAdamOptions {
  /** learning rate > 0 */
  lr: number;
  /** first-moment decay in [0, 1) (default 0.9) */
  beta1?: number;
  /** second-moment decay in [0, 1) (default 0.999) */
  beta2?: number;
  /** denominator guard > 0 (default 1e-8) */
  eps?: number;
}

const MANIFOLD_MEMBERS = ['inner', 'projectTangent', 'riemannianGradient', 'retract', 'transport'];

function checkRate(fn: string, name: string, x: unknown, lo: number, hiOpen: number): number {
  if (typeof x !== 'number' || !(x >= lo && x < hiOpen))
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be a number in [${lo}, ${hiOpen}) (got ${String(x)})`,
    );
  return x;
}

function checkPositive(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !(x > 0) || !Number.isFinite(x))
    throw new InvalidArgumentError(`${fn}(): ${name} must be a positive number (got ${String(x)})`);
  return x;
}

/** The manifold object of a parameter given by name (old style) or object (optim style). */
function manifoldOf(fn: string, i: number, q: Parameter): Manifold {
  const m = q.manifold as unknown;
  if (m === 'euclidean' || m === 'stiefel' || m === 'spd') return parameterManifold(m);
  if (
    m &&
    typeof m === 'object' &&
    MANIFOLD_MEMBERS.every((k) => typeof (m as Record<string, unknown>)[k] === 'function')
  )
    return m as Manifold;
  throw new InvalidArgumentError(
    `${fn}(): params[${i}] ('${q.name}') has unknown manifold '${String(m)}' (expected 'euclidean', 'stiefel', 'spd' or an @rg/optim Manifold)`,
  );
}

/**
 * The old optimizers' contract on top of an optim optimizer: their own checks and messages,
 * state per Parameter object (not per name), and a fresh value Matrix per update (optim updates
 * in place, so the value is copied first and the old Matrix stays untouched).
 */
function legacy(fn: string, inner: Optimizer, lr0: number): RiemannianOptimizer {
  const ids = new WeakMap<object, string>();
  let next = 0;
  let steps = 0;
  const opt: RiemannianOptimizer = {
    name: fn,
    lr: lr0,
    get steps() {
      return steps;
    },
    step(params: readonly Parameter[]): void {
      const sfn = `${fn}.step`;
      if (!Array.isArray(params))
        throw new InvalidArgumentError(`${sfn}(): params must be an array of Parameters`);
      const work: { q: Parameter; manifold: Manifold; id: string }[] = [];
      params.forEach((q, i) => {
        if (!q || typeof q !== 'object')
          throw new InvalidArgumentError(`${sfn}(): params[${i}] must be a Parameter`);
        const manifold = manifoldOf(sfn, i, q);
        if (q.grad === undefined) return;
        const v = q.value;
        assertShape(sfn, `params[${i}].value ('${q.name}')`, v, v?.rows, v?.cols);
        assertShape(sfn, `params[${i}].grad ('${q.name}')`, q.grad, v.rows, v.cols);
        if (manifold.name === 'stiefel' && v.cols > v.rows)
          throw new InvalidArgumentError(
            `${sfn}(): params[${i}] ('${q.name}') is a Stiefel parameter with more columns than rows (${v.rows}×${v.cols})`,
          );
        if (manifold.name === 'spd') {
          if (v.rows !== v.cols)
            throw new InvalidArgumentError(
              `${sfn}(): params[${i}] ('${q.name}') is an SPD parameter but not square (${v.rows}×${v.cols})`,
            );
          spdCholesky(sfn, `parameter '${q.name}'`, v);
        }
        const key = ((q as unknown as Record<symbol, object>)[SOURCE] ?? q) as object;
        let id = ids.get(key);
        if (id === undefined) {
          id = `p${next++}`;
          ids.set(key, id);
        }
        work.push({ q, manifold, id });
      });
      inner.lr = checkPositive(sfn, 'lr', opt.lr);
      const views: OptimParameter[] = work.map(({ q, manifold, id }) => {
        // the old contract: a new value Matrix, the previous one untouched
        const copy: Matrix = { rows: q.value.rows, cols: q.value.cols, data: q.value.data.slice() };
        q.value = copy;
        return { name: id, value: copy, grad: q.grad, manifold };
      });
      if (views.length > 0) inner.step(views);
      steps++;
    },
  };
  return opt;
}

/**
 * Riemannian SGD with heavy-ball momentum: @rg/optim's `sgd` on the parameters' manifolds
 * ('euclidean': plain SGD-momentum v ← μv + g, x ← x − lr·v; 'stiefel': projected gradient,
 * QR retraction with diag(R) > 0, momentum re-projected; 'spd': affine-invariant Riemannian
 * gradient P sym(G) P, exponential-map update, momentum carried by parallel transport).
 * Unlike optim's optimizers it replaces `value` with a new Matrix and keeps state per
 * Parameter object.
 *
 * @deprecated use `sgd({ lr, momentum, weightDecay })` from @rg/optim with
 *   {@link optimParameters} (trainSPDNet accepts it directly); kept through 0.x
 * @param options - lr, momentum (default 0), weightDecay (default 0)
 * @throws {InvalidArgumentError} on a bad option; `step` throws on a bad parameter or gradient
 * @example
 * import { fromRows } from '@rg/linalg';
 * const p = { name: 'x', manifold: 'euclidean', value: fromRows([[1, 2]]), grad: fromRows([[1, -1]]) };
 * riemannianSGD({ lr: 0.5 }).step([p]);
 * p.value // => [[0.5, 2.5]]
 * const s = { name: 'P', manifold: 'spd', value: fromRows([[1]]), grad: fromRows([[1]]) };
 * riemannianSGD({ lr: 1 }).step([s]);
 * s.value // => ~[[0.367879]]
 */
export function riemannianSGD(options: RiemannianSGDOptions): RiemannianOptimizer {
  const fn = 'riemannianSGD';
  if (!options || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options { lr } are required`);
  const lr = checkPositive(fn, 'lr', options.lr);
  const momentum = checkRate(fn, 'momentum', options.momentum ?? 0, 0, 1);
  const wd = options.weightDecay ?? 0;
  if (typeof wd !== 'number' || !(wd >= 0) || !Number.isFinite(wd))
    throw new InvalidArgumentError(`${fn}(): weightDecay must be ≥ 0 (got ${String(wd)})`);
  return legacy(fn, sgd({ lr, momentum, weightDecay: wd }), lr);
}

/**
 * Riemannian Adam (Bécigneul & Ganea 2019): @rg/optim's `adam` on the parameters' manifolds
 * ('euclidean': standard Adam; 'stiefel' and 'spd': transported first moment, scalar second
 * moment of the squared Riemannian norm, QR retraction or the affine-invariant exponential).
 * Unlike optim's optimizers it replaces `value` with a new Matrix and keeps state per
 * Parameter object.
 *
 * @deprecated use `adam({ lr, beta1, beta2, eps })` from @rg/optim with
 *   {@link optimParameters} (trainSPDNet accepts it directly); kept through 0.x
 * @param options - lr, beta1 (default 0.9), beta2 (default 0.999), eps (default 1e-8)
 * @throws {InvalidArgumentError} on a bad option; `step` throws on a bad parameter or gradient
 * @example
 * import { fromRows } from '@rg/linalg';
 * const p = { name: 'x', manifold: 'euclidean', value: fromRows([[1, 2]]), grad: fromRows([[3, -0.5]]) };
 * riemannianAdam({ lr: 0.1 }).step([p]);
 * p.value // => ~[[0.9, 2.1]]
 */
export function riemannianAdam(options: RiemannianAdamOptions): RiemannianOptimizer {
  const fn = 'riemannianAdam';
  if (!options || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options { lr } are required`);
  const lr = checkPositive(fn, 'lr', options.lr);
  const beta1 = checkRate(fn, 'beta1', options.beta1 ?? 0.9, 0, 1);
  const beta2 = checkRate(fn, 'beta2', options.beta2 ?? 0.999, 0, 1);
  const eps = checkPositive(fn, 'eps', options.eps ?? 1e-8);
  return legacy(fn, adam({ lr, beta1, beta2, eps }), lr);
}
