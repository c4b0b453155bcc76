// A named trainable matrix with its Euclidean gradient and the manifold it lives on.
import type { Matrix } from '@rg/linalg';
import type { Manifold } from './manifold.js';

/**
 * A trainable parameter. Optimizers update `value` in place: they write the new point into
 * `value.data` and keep the same Matrix object, so a parameter may be a view into a larger
 * flat vector (a model's parameters shared with Hessian tools) and stays in sync with it.
 * `grad` is the Euclidean gradient of the loss with respect to `value`; optimizers read it and
 * never modify it, and skip parameters without one. `manifold` defaults to {@link euclidean}.
 * Optimizer state (momentum, moments) is kept per `name`, so names must be unique.
 *
 * @example
 * import { fromRows } from '@rg/linalg';
 * const w = { name: 'w', value: fromRows([[1, 2]]), grad: fromRows([[1, -1]]) };
 * const before = w.value;
 * sgd({ lr: 0.5 }).step([w]);
 * w.value // => [[0.5, 2.5]]
 * w.value === before // => true
 */
export interface Parameter {
  readonly name: string;
  value: Matrix;
  grad?: Matrix;
  manifold?: Manifold;
}
