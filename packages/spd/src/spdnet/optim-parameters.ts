// The SPD network layers' parameters as @rg/optim Parameters (manifold objects instead of
// manifold names), so that optim's generic optimizers (Bécigneul & Ganea 2019: one Riemannian
// Adam for every manifold) train them.
import { InvalidArgumentError, type Matrix } from '@rg/linalg';
import {
  type Manifold,
  type Parameter as OptimParameter,
  euclidean as euclideanSpace,
  stiefel,
} from '@rg/optim';
import { spdManifold } from '../metrics/spd-manifold.js';
import type { Parameter, ParameterManifold } from './types.js';

/** The layer parameter an optim view stands for (the deprecated optimizers key their state on it). */
export const SOURCE: unique symbol = Symbol('spd parameter');

/**
 * The @rg/optim manifold of a layer parameter's manifold name: 'euclidean' → optim's
 * `euclidean`, 'stiefel' → optim's `stiefel` (QR retraction with diag(R) > 0, projection
 * transport), 'spd' → `spdManifold()` (affine-invariant exponential, parallel transport).
 *
 * @throws {InvalidArgumentError} for another name
 * @example
 * parameterManifold('spd').name // => 'spd'
 * parameterManifold('stiefel').name // => 'stiefel'
 */
export function parameterManifold(name: ParameterManifold): Manifold {
  switch (name) {
    case 'euclidean':
      return euclideanSpace;
    case 'stiefel':
      return stiefel;
    case 'spd':
      return spdManifold();
    default:
      throw new InvalidArgumentError(
        `parameterManifold(): unknown manifold '${String(name)}' (expected 'euclidean', 'stiefel' or 'spd')`,
      );
  }
}

/**
 * Views of layer parameters as @rg/optim Parameters: each view reads and writes the layer
 * parameter's `value` and reads its `grad` (live, so one list serves every step), with the
 * manifold object of its name ({@link parameterManifold}). optim's optimizers update `value`
 * in place, which the layers see at their next forward pass. optim keeps state per name, so
 * names repeated in the list (two batch-norm layers both have a 'bias') get a `#k` suffix.
 *
 * @param params - e.g. `net.parameters()`
 * @example
 * import { adam } from '@rg/optim';
 * import { fromRows } from '@rg/linalg';
 * const net = createSPDNet({ sizes: [3, 2], classes: 2, seed: 1 });
 * const params = optimParameters(net.parameters());
 * const opt = adam({ lr: 0.01 });
 * net.lossAndBackward([fromRows([[2, 0, 0], [0, 1, 0], [0, 0, 1]])], [1]);
 * opt.step(params);
 * params.map((p) => p.manifold?.name) // => ['stiefel', 'euclidean', 'euclidean']
 */
export function optimParameters(params: readonly Parameter[]): OptimParameter[] {
  if (!Array.isArray(params))
    throw new InvalidArgumentError('optimParameters(): params must be an array of Parameters');
  const seen = new Map<string, number>();
  return params.map((p, i) => {
    if (!p || typeof p !== 'object')
      throw new InvalidArgumentError(`optimParameters(): params[${i}] must be a Parameter`);
    const manifold =
      typeof p.manifold === 'string'
        ? parameterManifold(p.manifold)
        : (p.manifold as unknown as Manifold);
    const count = seen.get(p.name) ?? 0;
    seen.set(p.name, count + 1);
    const name = count === 0 ? p.name : `${p.name}#${count}`;
    return {
      name,
      manifold,
      [SOURCE]: p,
      get value(): Matrix {
        return p.value;
      },
      set value(v: Matrix) {
        p.value = v;
      },
      get grad(): Matrix | undefined {
        return p.grad;
      },
    } as OptimParameter;
  });
}
