// Newton–Schulz orthogonalization (Higham 2008, "Functions of Matrices", §8.3) with the
// quintic coefficients of Muon (Jordan et al. 2024, "Muon: an optimizer for hidden layers").
import { assertFinite, checkInteger, InvalidArgumentError, type Matrix } from '@rg/linalg';
import { MUON_COEFFICIENTS, newtonSchulzInto } from './internal/newton-schulz-kernel.js';

/** Options of {@link newtonSchulz}. */
export interface NewtonSchulzOptions {
  /** number of iterations (default 5) */
  steps?: number;
  /**
   * the quintic p(s) = a·s + b·s³ + c·s⁵ as [a, b, c] for every step (default Muon's
   * [3.4445, −4.7750, 2.0315]), or one [a, b, c] per step (then `steps` defaults to their
   * number)
   */
  coefficients?: readonly [number, number, number] | readonly (readonly [number, number, number])[];
}

/**
 * Newton–Schulz orthogonalization: an approximation of the polar factor UVᵀ of G = UΣVᵀ by
 * matrix products only. X₀ = G/‖G‖_F, then `steps` times X ← a·X + (b·A + c·A²)·X with
 * A = XXᵀ (a tall G is iterated as Gᵀ, so A is min(m, n)²). The result is U·p⁽ᵏ⁾(Σ/‖G‖_F)·Vᵀ:
 * the singular vectors are exactly those of G and each singular value s/‖G‖_F follows the
 * scalar map s ↦ p(s) k times.
 *
 * With Muon's coefficients (a, b, c) = (3.4445, −4.7750, 2.0315) and 5 steps, every singular
 * value with s/‖G‖_F ≥ 2·10⁻³ lands in the band [0.68, 1.21] (the interval p maps into itself;
 * singular values above 10⁻² of ‖G‖_F land in [0.68, 1.14]). The quintic trades exactness for
 * speed: the result is not UVᵀ itself but a matrix with the same singular vectors whose
 * singular values are near 1, which is what Muon's update needs. Singular values below about
 * 10⁻³·‖G‖_F are not lifted into the band, and zero ones stay zero.
 *
 * @param g - any finite matrix
 * @param options - steps, coefficients
 * @returns a new rows×cols matrix; zero for a zero g
 * @throws {NonFiniteError} when g has a non-finite entry
 * @throws {InvalidArgumentError} when steps is not a positive integer or a coefficient is not
 *   finite
 * @example
 * import { fromRows } from '@rg/linalg';
 * // a diagonal matrix keeps its (identity) singular vectors: each entry follows p five times
 * newtonSchulz(fromRows([[3, 0], [0, 4]])) // => ~[[0.7229, 0], [0, 1.1192]]
 * @example
 * import { fromRows, svd } from '@rg/linalg';
 * // singular values of G/‖G‖_F from 1e-2 to 0.9 all end in [0.68, 1.21]
 * const s = svd(newtonSchulz(fromRows([[0.9, 0, 0], [0, 0.1, 0], [0, 0, 0.01]]))).s;
 * s.every((v) => v > 0.68 && v < 1.21) // => true
 */
export function newtonSchulz(g: Matrix, options: NewtonSchulzOptions = {}): Matrix {
  const fn = 'newtonSchulz';
  assertFinite(fn, 'g', g);
  const coefficients = newtonSchulzCoefficients(fn, options);
  const out = new Float64Array(g.rows * g.cols);
  newtonSchulzInto(g.rows, g.cols, g.data, out, coefficients);
  return { rows: g.rows, cols: g.cols, data: out };
}

/** validate `steps`/`coefficients` and flatten them to 3 numbers per step */
export function newtonSchulzCoefficients(
  fn: string,
  options: NewtonSchulzOptions | undefined,
): Float64Array {
  if (options !== undefined && (options === null || typeof options !== 'object'))
    throw new InvalidArgumentError(`${fn}(): options must be an object`);
  const given = options?.coefficients ?? MUON_COEFFICIENTS;
  if (!Array.isArray(given) || given.length === 0)
    throw new InvalidArgumentError(
      `${fn}(): coefficients must be [a, b, c] or a non-empty list of [a, b, c]`,
    );
  const perStep = Array.isArray(given[0]);
  const triples = (perStep ? given : [given]) as readonly (readonly number[])[];
  for (const [i, t] of triples.entries()) {
    if (
      !Array.isArray(t) ||
      t.length !== 3 ||
      !t.every((v) => typeof v === 'number' && Number.isFinite(v))
    )
      throw new InvalidArgumentError(
        `${fn}(): coefficients${perStep ? `[${i}]` : ''} must be three finite numbers [a, b, c] (got ${JSON.stringify(t)})`,
      );
  }
  const steps = options?.steps ?? (perStep ? triples.length : 5);
  checkInteger(fn, 'steps', steps, 1);
  if (perStep && steps !== triples.length)
    throw new InvalidArgumentError(
      `${fn}(): steps (${steps}) must equal the number of per-step coefficient triples (${triples.length})`,
    );
  const out = new Float64Array(3 * steps);
  for (let s = 0; s < steps; s++) out.set(triples[perStep ? s : 0], 3 * s);
  return out;
}
