// Matrix logarithm layer X ↦ log X (Huang & Van Gool 2017, SPDNet, §3.3), backward by the
// Daleckii–Krein formula (Bhatia, Matrix Analysis, 1997, §V.3).
import {
  type EighResult,
  eigh,
  InvalidArgumentError,
  type Matrix,
  NotPositiveDefiniteError,
  symmetricFunction,
  symmetricFunctionDerivative,
  symmetrize,
  checkOptions,
} from '@rg/linalg';
import { assertSquareBatch, assertSymmetricBatch, firstSize } from './shared.js';
import type { ForwardOptions, Parameter, SPDLayer } from './types.js';

/** Options of {@link LogEig}. */
export interface LogEigOptions {
  /** layer name (default 'logeig') */
  name?: string;
}

/**
 * Eigenvalue logarithm (LogEig) layer of SPDNet: X = U Λ Uᵀ ↦ U log(Λ) Uᵀ, mapping SPD matrices
 * to the flat space of symmetric matrices (the log-Euclidean chart) before a Euclidean head.
 * No parameters. Backward: Daleckii–Krein with the cancellation-free divided differences of
 * log, on the eigendecomposition saved by the forward pass. Gradients are taken with respect
 * to symmetric matrices (see {@link BiMap}).
 *
 * @throws {NotPositiveDefiniteError} when an input has an eigenvalue ≤ 0
 * @example
 * import { fromRows } from '@rg/linalg';
 * const layer = new LogEig();
 * layer.forward([fromRows([[Math.E, 0], [0, 1]])]) // => ~[[[1, 0], [0, 0]]]
 * layer.backward([fromRows([[1, 1], [1, 1]])]).input // => ~[[[0.367879, 0.581977], [0.581977, 1]]]
 * layer.forward([fromRows([[1, 0], [0, -1]])]) // => throws NotPositiveDefiniteError
 */
export class LogEig implements SPDLayer {
  readonly name: string;
  private inputs: readonly Matrix[] | undefined;
  private eigs: EighResult[] = [];

  constructor(options: LogEigOptions = {}) {
    checkOptions('LogEig', 'options', options);
    this.name = options.name ?? 'logeig';
  }

  forward(batch: readonly Matrix[], _options: ForwardOptions = {}): Matrix[] {
    const fn = 'LogEig.forward';
    const n = firstSize(batch);
    assertSymmetricBatch(fn, 'batch', batch, n);
    const eigs = batch.map((x, b) => {
      const e = eigh(x);
      if (!(e.values[0] > 0))
        throw new NotPositiveDefiniteError(
          `${fn}(): batch[${b}] must be positive definite (min eigenvalue ${e.values[0].toExponential(2)}); put a ReEig layer before LogEig`,
          { minEigenvalue: e.values[0] },
        );
      return e;
    });
    this.inputs = batch;
    this.eigs = eigs;
    return batch.map((x, b) => symmetricFunction(x, Math.log, { eig: eigs[b] }));
  }

  backward(gradOutput: readonly Matrix[]): { input: Matrix[] } {
    const fn = 'LogEig.backward';
    const inputs = this.inputs;
    if (!inputs) throw new InvalidArgumentError(`${fn}(): call forward() first`);
    assertSquareBatch(fn, 'gradOutput', gradOutput, inputs[0].rows, inputs.length);
    const input = gradOutput.map((g, b) =>
      symmetricFunctionDerivative(inputs[b], 'log', undefined, symmetrize(g), {
        eig: this.eigs[b],
      }),
    );
    return { input };
  }

  parameters(): Parameter[] {
    return [];
  }
}
