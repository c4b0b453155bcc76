// Rectified eigenvalue layer X ↦ U max(Λ, ε) Uᵀ (Huang & Van Gool 2017, SPDNet, §3.2), backward
// by the Daleckii–Krein formula (Bhatia, Matrix Analysis, 1997, §V.3).
import {
  type EighResult,
  eigh,
  InvalidArgumentError,
  type Matrix,
  symmetricFunction,
  symmetricFunctionDerivative,
  symmetrize,
  checkOptions,
} from '@rg/linalg';
import { assertSquareBatch, assertSymmetricBatch, firstSize } from './shared.js';
import type { ForwardOptions, Parameter, SPDLayer } from './types.js';

/** Options of {@link ReEig}. */
export interface ReEigOptions {
  /** rectification threshold ε > 0 (default 1e-4, as in Huang & Van Gool 2017) */
  epsilon?: number;
  /** layer name (default 'reeig') */
  name?: string;
}

/**
 * Eigenvalue rectification (ReEig) layer of SPDNet: X = U Λ Uᵀ ↦ U max(Λ, ε) Uᵀ, the
 * non-linearity that keeps outputs well away from singular. It has no parameters and works on
 * any size. The backward pass applies the Daleckii–Krein formula with f = max(x, ε) to the
 * eigendecomposition saved by the forward pass; at the kink x = ε it uses the one-sided
 * derivative f'(ε) = 0 (f' = 1 for x > ε, 0 otherwise), the subgradient the original SPDNet
 * uses. Gradients are taken with respect to symmetric matrices (see {@link BiMap}).
 *
 * @throws {InvalidArgumentError} when ε is not a positive finite number
 * @example
 * import { fromRows } from '@rg/linalg';
 * const layer = new ReEig({ epsilon: 0.5 });
 * layer.forward([fromRows([[2, 0], [0, 0.1]])]) // => [[[2, 0], [0, 0.5]]]
 * layer.backward([fromRows([[1, 1], [1, 1]])]).input // => ~[[[1, 0.789474], [0.789474, 0]]]
 */
export class ReEig implements SPDLayer {
  readonly name: string;
  readonly epsilon: number;
  private inputs: readonly Matrix[] | undefined;
  private eigs: EighResult[] = [];

  constructor(options: ReEigOptions = {}) {
    checkOptions('ReEig', 'options', options);
    const eps = options.epsilon ?? 1e-4;
    if (typeof eps !== 'number' || !(eps > 0) || !Number.isFinite(eps))
      throw new InvalidArgumentError(`ReEig(): epsilon must be a positive number (got ${eps})`);
    this.epsilon = eps;
    this.name = options.name ?? 'reeig';
  }

  forward(batch: readonly Matrix[], _options: ForwardOptions = {}): Matrix[] {
    const n = firstSize(batch);
    assertSymmetricBatch('ReEig.forward', 'batch', batch, n);
    const eps = this.epsilon;
    this.inputs = batch;
    this.eigs = batch.map((x) => eigh(x));
    return batch.map((x, b) =>
      symmetricFunction(x, (v) => Math.max(v, eps), { eig: this.eigs[b] }),
    );
  }

  backward(gradOutput: readonly Matrix[]): { input: Matrix[] } {
    const fn = 'ReEig.backward';
    const inputs = this.inputs;
    if (!inputs) throw new InvalidArgumentError(`${fn}(): call forward() first`);
    assertSquareBatch(fn, 'gradOutput', gradOutput, inputs[0].rows, inputs.length);
    const eps = this.epsilon;
    const input = gradOutput.map((g, b) =>
      symmetricFunctionDerivative(
        inputs[b],
        (v) => Math.max(v, eps),
        (v) => (v > eps ? 1 : 0),
        symmetrize(g),
        { eig: this.eigs[b] },
      ),
    );
    return { input };
  }

  parameters(): Parameter[] {
    return [];
  }
}
