// Shared contract of the trainable SPD network pieces (layers, batch normalization, optimizers).
import type { Matrix } from '@rg/linalg';

/**
 * The name of the manifold a layer parameter lives on. {@link parameterManifold} maps it to the
 * @rg/optim manifold object ('spd' to {@link spdManifold}, the affine-invariant geometry).
 */
export type ParameterManifold = 'euclidean' | 'stiefel' | 'spd';

/**
 * A trainable layer parameter, with its manifold by name. To step it with an @rg/optim
 * optimizer, use {@link optimParameters} (trainSPDNet does): optim's optimizers update `value`
 * in place (they write into `value.data`), while the deprecated riemannianSGD/riemannianAdam
 * replace `value` with a new Matrix; either way a layer reads `value` afresh at every forward
 * pass. `grad` is the Euclidean gradient of the loss with respect to `value`, written by the
 * owning layer's `backward` (overwritten, not accumulated); for 'spd' parameters it is symmetric.
 */
export interface Parameter {
  readonly name: string;
  readonly manifold: ParameterManifold;
  value: Matrix;
  grad: Matrix | undefined;
}

/** Options of a layer's forward pass. */
export interface ForwardOptions {
  /** training mode (batch statistics in batch normalization); default true */
  training?: boolean;
}

/**
 * A layer mapping a batch of SPD matrices to a batch of matrices, with an exact backward pass.
 * `backward` differentiates the most recent `forward`: it returns the gradient with respect to
 * each input matrix and stores each parameter's gradient in `parameters()[k].grad`.
 */
export interface SPDLayer {
  readonly name: string;
  forward(batch: readonly Matrix[], options?: ForwardOptions): Matrix[];
  backward(gradOutput: readonly Matrix[]): { input: Matrix[] };
  parameters(): Parameter[];
}
