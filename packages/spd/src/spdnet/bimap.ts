// Bilinear mapping layer X ↦ WᵀXW with a Stiefel weight (Huang & Van Gool 2017, SPDNet, §3.1).
import {
  InvalidArgumentError,
  type Matrix,
  matmul,
  matmulTransA,
  matmulTransB,
  qr,
  rng,
  symmetrize,
} from '@rg/linalg';
import {
  assertPositiveInteger,
  assertShape,
  assertSquareBatch,
  assertSymmetricBatch,
  copyMatrix,
  orthonormalityError,
} from './shared.js';
import type { ForwardOptions, Parameter, SPDLayer } from './types.js';

/** Options of {@link BiMap}. */
export interface BiMapOptions {
  /** size n of the input matrices */
  inputSize: number;
  /** size m ≤ n of the output matrices */
  outputSize: number;
  /** seed of the random orthonormal initial weight (default 0) */
  seed?: number;
  /** explicit initial weight, n×m with orthonormal columns (copied; overrides `seed`) */
  weight?: Matrix;
  /** layer name (default 'bimap') */
  name?: string;
}

/**
 * Bilinear mapping (BiMap) layer of SPDNet: X ↦ WᵀXW with W (n×m, m ≤ n) on the Stiefel
 * manifold (WᵀW = I), so an n×n SPD input gives an m×m SPD output. The weight is a 'stiefel'
 * {@link Parameter}, initialized by orthonormalizing a seeded Gaussian matrix (QR with
 * diag(R) > 0).
 *
 * Gradient convention (all SPDNet layers): the gradient of a loss with respect to a symmetric
 * matrix is the symmetric matrix G with dL = ⟨G, dX⟩_F for every symmetric dX; incoming
 * gradients are symmetrized first. Backward: X̄ = W Ȳ Wᵀ and W̄ = Σ_batch 2 X W Ȳ.
 *
 * @throws {InvalidArgumentError} on bad sizes, or a weight without orthonormal columns
 * @throws {ShapeError} when the weight or an input has the wrong shape
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * const layer = new BiMap({ inputSize: 2, outputSize: 1, weight: fromRows([[1], [0]]) });
 * layer.forward([fromRows([[4, 1], [1, 3]])]) // => [[[4]]]
 * layer.backward([fromRows([[1]])]).input // => [[[1, 0], [0, 0]]]
 * layer.parameters()[0].grad // => [[8], [2]]
 * new BiMap({ inputSize: 3, outputSize: 2 }).forward([identity(2)]) // => throws ShapeError
 */
export class BiMap implements SPDLayer {
  readonly name: string;
  readonly inputSize: number;
  readonly outputSize: number;
  /** the Stiefel weight W, inputSize × outputSize */
  readonly weight: Parameter;
  private inputs: readonly Matrix[] | undefined;
  private w: Matrix | undefined;

  constructor(options: BiMapOptions) {
    const fn = 'BiMap';
    if (!options || typeof options !== 'object')
      throw new InvalidArgumentError(`${fn}(): options { inputSize, outputSize } are required`);
    const { inputSize: n, outputSize: m } = options;
    assertPositiveInteger(fn, 'inputSize', n);
    assertPositiveInteger(fn, 'outputSize', m);
    if (m > n)
      throw new InvalidArgumentError(
        `${fn}(): outputSize must be ≤ inputSize (got outputSize ${m} > inputSize ${n})`,
      );
    this.name = options.name ?? 'bimap';
    this.inputSize = n;
    this.outputSize = m;
    let w: Matrix;
    if (options.weight !== undefined) {
      assertShape(fn, 'weight', options.weight, n, m);
      w = copyMatrix(options.weight);
      const gramErr = orthonormalityError(w);
      if (gramErr > 1e-8)
        throw new InvalidArgumentError(
          `${fn}(): weight must have orthonormal columns (max |WᵀW − I| is ${gramErr.toExponential(2)})`,
        );
    } else {
      const r = rng(options.seed ?? 0);
      const g = new Float64Array(n * m);
      for (let k = 0; k < n * m; k++) g[k] = r.normal();
      w = qr({ rows: n, cols: m, data: g }, { positiveDiagonal: true }).q;
    }
    this.weight = { name: `${this.name}.weight`, manifold: 'stiefel', value: w, grad: undefined };
  }

  forward(batch: readonly Matrix[], _options: ForwardOptions = {}): Matrix[] {
    assertSymmetricBatch('BiMap.forward', 'batch', batch, this.inputSize);
    const w = this.weight.value;
    this.inputs = batch;
    this.w = w;
    return batch.map((x) => symmetrize(matmulTransA(w, matmul(x, w))));
  }

  backward(gradOutput: readonly Matrix[]): { input: Matrix[] } {
    const fn = 'BiMap.backward';
    const inputs = this.inputs;
    const w = this.w;
    if (!inputs || !w) throw new InvalidArgumentError(`${fn}(): call forward() first`);
    assertSquareBatch(fn, 'gradOutput', gradOutput, this.outputSize, inputs.length);
    const n = this.inputSize;
    const m = this.outputSize;
    const gw = new Float64Array(n * m);
    const input = gradOutput.map((g, b) => {
      const gs = symmetrize(g);
      const wg = matmul(w, gs);
      const xwg = matmul(inputs[b], wg);
      for (let k = 0; k < n * m; k++) gw[k] += 2 * xwg.data[k];
      return symmetrize(matmulTransB(wg, w));
    });
    this.weight.grad = { rows: n, cols: m, data: gw };
    return { input };
  }

  parameters(): Parameter[] {
    return [this.weight];
  }
}
