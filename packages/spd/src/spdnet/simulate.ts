// Synthetic ill-conditioned SPD classification data: classes differ in their eigenvectors, every
// matrix carries a random nuisance scale (the setting where Bures–Wasserstein batch
// normalization is claimed to help: Wang et al., "Learning to normalize on the SPD manifold
// under Bures–Wasserstein geometry").
import { checkOptions, InvalidArgumentError, type Matrix, matmul, rng, solve } from '@rg/linalg';

/** Options of {@link simulateSPDClassification}. */
export interface SimulateSPDClassificationOptions {
  /** matrix size (default 12) */
  n?: number;
  /** number of classes (default 3) */
  classes?: number;
  /** matrices per class (default 100) */
  perClass?: number;
  /** condition number of the common spectrum (default 1e6) */
  condition?: number;
  /** angle scale of the class-specific rotation of the eigenvectors (default 0.25) */
  separation?: number;
  /** angle scale of the per-matrix random rotation (default 0.15) */
  noise?: number;
  /** standard deviation of the per-eigenvalue log-normal jitter (default 0.3) */
  spectrumNoise?: number;
  /** every matrix is multiplied by a scale drawn log-uniformly from [1/nuisance, nuisance] (default 100) */
  nuisance?: number;
  /** seed (default 0) */
  seed?: number;
}

/** Matrices and their class labels, interleaved by class (matrix i has label i mod classes). */
export interface SimulatedSPDClassification {
  inputs: Matrix[];
  labels: number[];
}

/**
 * A random rotation near the identity: the Cayley transform (I − A/2)⁻¹(I + A/2) of a Gaussian
 * skew-symmetric A with entries of standard deviation scale/√n (orthogonal, ≈ exp(A)).
 */
function randomRotation(n: number, scale: number, r: ReturnType<typeof rng>): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const v = (scale * r.normal()) / Math.sqrt(n);
      a[i * n + j] = v;
      a[j * n + i] = -v;
    }
  const left = new Float64Array(n * n);
  const right = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      left[i * n + j] = (i === j ? 1 : 0) - a[i * n + j] / 2;
      right[i * n + j] = (i === j ? 1 : 0) + a[i * n + j] / 2;
    }
  // I − A/2 is nonsingular for skew-symmetric A (its eigenvalues are 1 − iθ/2)
  return solve({ rows: n, cols: n, data: left }, { rows: n, cols: n, data: right }).data;
}

const mulSq = (a: Float64Array, b: Float64Array, n: number): Float64Array =>
  matmul({ rows: n, cols: n, data: a }, { rows: n, cols: n, data: b }).data;

function positive(fn: string, name: string, v: number, integer: boolean, min: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || (integer && !Number.isInteger(v)))
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be ${integer ? 'an integer' : 'a finite number'} ≥ ${min} (got ${String(v)})`,
    );
  return v;
}

/**
 * Ill-conditioned SPD matrices whose class is carried by their eigenvectors. A common random
 * basis Q₀ and a log-spaced spectrum of the given condition number are shared by all classes;
 * class c rotates the basis by a fixed class rotation R_c (Cayley transform of a random
 * skew-symmetric matrix of size `separation`), each matrix adds its own small rotation
 * (`noise`), log-normal jitter of its eigenvalues (`spectrumNoise`) and a nuisance scale drawn
 * log-uniformly from [1/nuisance, nuisance]: X = s · Q₀R_cR diag(λ) (Q₀R_cR)ᵀ. The nuisance scale
 * changes no eigenvector, so it carries no class information, but it moves every eigenvalue
 * across four decades (for the default 100), which a ReEig threshold sees.
 *
 * @throws {InvalidArgumentError} on a non-integer size or count, or a negative scale
 * @example
 * const { inputs, labels } = simulateSPDClassification({ n: 4, classes: 2, perClass: 3, condition: 100, seed: 1 });
 * inputs.length // => 6
 * labels // => [0, 1, 0, 1, 0, 1]
 * inputs[0].rows // => 4
 */
export function simulateSPDClassification(
  options: SimulateSPDClassificationOptions = {},
): SimulatedSPDClassification {
  const fn = 'simulateSPDClassification';
  checkOptions(fn, 'options', options);
  const n = positive(fn, 'n', options.n ?? 12, true, 2);
  const classes = positive(fn, 'classes', options.classes ?? 3, true, 2);
  const perClass = positive(fn, 'perClass', options.perClass ?? 100, true, 1);
  const condition = positive(fn, 'condition', options.condition ?? 1e6, false, 1);
  const separation = positive(fn, 'separation', options.separation ?? 0.25, false, 0);
  const noise = positive(fn, 'noise', options.noise ?? 0.15, false, 0);
  const spectrumNoise = positive(fn, 'spectrumNoise', options.spectrumNoise ?? 0.3, false, 0);
  const nuisance = positive(fn, 'nuisance', options.nuisance ?? 100, false, 1);
  const r = rng(options.seed ?? 0);
  const q0 = randomRotation(n, 3 * Math.sqrt(n), r);
  const classBases = Array.from({ length: classes }, () =>
    mulSq(q0, randomRotation(n, separation * Math.sqrt(n), r), n),
  );
  const logLam = Array.from({ length: n }, (_, k) => Math.log(condition) * (k / (n - 1) - 0.5));
  const inputs: Matrix[] = [];
  const labels: number[] = [];
  for (let i = 0; i < perClass * classes; i++) {
    const c = i % classes;
    const q = mulSq(classBases[c], randomRotation(n, noise * Math.sqrt(n), r), n);
    const s = Math.log(nuisance) * (2 * r.uniform() - 1);
    const lam = logLam.map((l) => Math.exp(l + s + spectrumNoise * r.normal()));
    const data = new Float64Array(n * n);
    for (let a = 0; a < n; a++)
      for (let b = 0; b <= a; b++) {
        let v = 0;
        for (let k = 0; k < n; k++) v += q[a * n + k] * lam[k] * q[b * n + k];
        data[a * n + b] = v;
        data[b * n + a] = v;
      }
    inputs.push({ rows: n, cols: n, data });
    labels.push(c);
  }
  return { inputs, labels };
}
