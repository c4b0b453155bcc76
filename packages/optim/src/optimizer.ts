// The stateful optimizer shape shared by sgd, adam and adamw, and its JSON checkpoint.
import type { JsonValue } from './gradient-transform.js';
import type { Parameter } from './parameter.js';

/**
 * A stateful first-order optimizer over parameters on manifolds. `step` updates every
 * parameter that has a gradient, in place; state (momentum buffers, moment estimates) is kept
 * per parameter name and can be saved with `state()` and restored with `loadState()`.
 *
 * @example
 * import { fromRows } from '@rg/linalg';
 * const opt: Optimizer = sgd({ lr: 0.1, momentum: 0.9 });
 * const w = { name: 'w', value: fromRows([[1]]), grad: fromRows([[2]]) };
 * opt.step([w]);
 * opt.steps // => 1
 * w.value // => ~[[0.8]]
 */
export interface Optimizer {
  /** e.g. 'sgd', 'sgd-momentum', 'sgd-nesterov', 'adam', 'adamw' */
  readonly name: string;
  /** number of steps (`step` or `stepInPlace` calls) since creation or the last reset */
  readonly steps: number;
  /**
   * The learning rate the next step will use (the schedule at `steps`). Assigning a positive
   * number replaces the schedule by that constant (e.g. for a hand-written schedule).
   */
  lr: number;
  /**
   * One update of each parameter that has a `grad`, written into `value.data` in place.
   * Validates every parameter before changing any.
   */
  step(params: readonly Parameter[]): void;
  /**
   * One update of a single flat Euclidean parameter vector `x` (changed in place) from its
   * gradient `g`: a convenience for flat training loops. Its state is kept under the name ''.
   */
  stepInPlace(x: Float64Array, g: Float64Array): void;
  /** a JSON-serializable snapshot of the state, for checkpoints */
  state(): OptimizerState;
  /** restore a snapshot taken by `state()` of an optimizer of the same kind */
  loadState(state: OptimizerState): void;
  /** forget the state (buffers, moments, step count); options and an assigned `lr` stay */
  reset(): void;
}

/**
 * The state of one parameter in an {@link OptimizerState}: its shape, manifold name, number of
 * updates `t`, and the buffers the optimizer keeps for it (row-major numbers).
 *
 * @example
 * import { fromRows } from '@rg/linalg';
 * const opt = adam({ lr: 0.1 });
 * opt.step([{ name: 'b', value: fromRows([[0]]), grad: fromRows([[2]]) }]);
 * const s: ParameterState = opt.state().params.b;
 * s // => ~{ manifold: 'euclidean', rows: 1, cols: 1, t: 1, moment: [0.2], second: [0.004] }
 */
export interface ParameterState {
  readonly manifold: string;
  readonly rows: number;
  readonly cols: number;
  /** number of updates of this parameter (Adam's bias-correction exponent) */
  readonly t: number;
  /** momentum buffer or first moment: a tangent vector at the current value */
  readonly moment?: number[];
  /** Adam's second moment: elementwise on a flat space, the scalar squared norm otherwise */
  readonly second?: number[] | number;
  /** AMSGrad's running maximum of the second moment */
  readonly maxSecond?: number[] | number;
}

/**
 * A JSON-serializable optimizer checkpoint: `JSON.parse(JSON.stringify(opt.state()))` restores
 * exactly (float64 numbers round-trip through JSON).
 *
 * @example
 * import { fromRows } from '@rg/linalg';
 * const opt = sgd({ lr: 0.1, momentum: 0.9 });
 * opt.step([{ name: 'w', value: fromRows([[1]]), grad: fromRows([[2]]) }]);
 * const s: OptimizerState = JSON.parse(JSON.stringify(opt.state()));
 * s // => { optimizer: 'sgd', steps: 1 }
 * s.params.w.moment // => [2]
 */
export interface OptimizerState {
  /** the kind of optimizer that wrote it: 'sgd', 'adam' or 'adamw' */
  readonly optimizer: string;
  readonly steps: number;
  /** the learning rate assigned through `optimizer.lr = …`, when one was */
  readonly lr?: number;
  /** per parameter name */
  readonly params: { readonly [name: string]: ParameterState };
  /** the state of the gradient transform (`precondition`), when there is one */
  readonly transform?: JsonValue;
}
