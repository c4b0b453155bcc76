// Gaussian process regression with a spectral (Matérn) kernel on a graph or connection
// Laplacian: K = Σ_l σ² c φ(λ_l) u_l u_lᵀ, φ(λ) = (2ν/κ² + λ)^{−ν} (Borovitskiy, Azangulov,
// Terenin, Mostowsky, Deisenroth & Durrande, "Matérn Gaussian processes on graphs", AISTATS
// 2021; for vector fields Peach, Vinao-Carl, Grossmann, Vaxman & Barahona, "Implicit Gaussian
// process representation of vector fields over arbitrary latent manifolds", ICLR 2024).
// Inference in weight space (Woodbury, O(k³)) or function space (O((md)³)), whichever is
// smaller; hyper-parameters by maximizing the log marginal likelihood with Nelder–Mead in log
// space (Rasmussen & Williams, "Gaussian Processes for Machine Learning", 2006, §2.2 and §5.4).
import { NotPositiveDefiniteError } from '@rg/linalg';
import { choleskyLower, solveTriangularInPlace } from '@rg/linalg/kernels';
import { nelderMead } from './nelder-mead.js';

/** k eigenpairs of an (N·d)×(N·d) Laplacian: the basis of a spectral GP over N nodes. */
export interface SpectralBasis {
  /** number of nodes */
  nodes: number;
  /** values per node (1 for scalar fields, d for tangent vector fields) */
  dim: number;
  /** eigenvalues λ_1..λ_k, ascending */
  values: Float64Array;
  /** (N·d)×k eigenvectors as columns, row-major */
  vectors: Float64Array;
}

/** Kernel hyper-parameters of a spectral Matérn GP. */
export interface SpectralGpHyperparameters {
  /** length scale κ: φ(λ) = (2ν/κ² + λ)^{−ν} */
  kappa: number;
  /** prior variance σ_f² (average over nodes and components) */
  variance: number;
  /** observation noise variance σ_n² */
  noise: number;
}

/** A fitted spectral GP. */
export interface FittedSpectralGp {
  hyperparameters: SpectralGpHyperparameters;
  logMarginalLikelihood: number;
  /** posterior mean (len·d) and per-node total variance (trace of the d×d covariance) */
  predict(nodes: Int32Array): { mean: Float64Array; variance: Float64Array };
}

const LOG_2PI = Math.log(2 * Math.PI);

/** Prior spectral weights s_l = σ² c φ(λ_l), c making the average prior variance σ². */
function spectralWeights(b: SpectralBasis, nu: number, h: SpectralGpHyperparameters): Float64Array {
  const k = b.values.length;
  const s = new Float64Array(k);
  const shift = (2 * nu) / (h.kappa * h.kappa);
  let sum = 0;
  for (let l = 0; l < k; l++) {
    const v = (shift + Math.max(b.values[l], 0)) ** -nu;
    s[l] = v;
    sum += v;
  }
  const c = (h.variance * b.nodes * b.dim) / sum;
  for (let l = 0; l < k; l++) s[l] *= c;
  return s;
}

/** Fit (optionally optimizing κ, σ², σ_n² from the given start) and return the predictor. */
export function fitSpectralGp(
  b: SpectralBasis,
  nu: number,
  train: Int32Array,
  y: Float64Array,
  start: SpectralGpHyperparameters,
  optimize: boolean,
  fn: string,
): FittedSpectralGp {
  const d = b.dim;
  const k = b.values.length;
  const M = train.length * d;
  // U_m: the rows of the training nodes, M×k
  const Um = new Float64Array(M * k);
  for (let q = 0; q < train.length; q++)
    for (let a = 0; a < d; a++)
      Um.set(
        b.vectors.subarray((train[q] * d + a) * k, (train[q] * d + a + 1) * k),
        (q * d + a) * k,
      );
  const weightSpace = k < M;
  let G: Float64Array | null = null;
  let bw: Float64Array | null = null;
  let yy = 0;
  for (let q = 0; q < M; q++) yy += y[q] * y[q];
  if (weightSpace) {
    G = new Float64Array(k * k);
    bw = new Float64Array(k);
    for (let r = 0; r < M; r++) {
      const o = r * k;
      for (let i = 0; i < k; i++) {
        const ui = Um[o + i];
        bw[i] += ui * y[r];
        for (let j = 0; j <= i; j++) G[i * k + j] += ui * Um[o + j];
      }
    }
    for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) G[j * k + i] = G[i * k + j];
  }

  /** log marginal likelihood and the factors needed for prediction */
  const evaluate = (h: SpectralGpHyperparameters) => {
    const s = spectralWeights(b, nu, h);
    const s2 = h.noise;
    if (weightSpace && G && bw) {
      const A = new Float64Array(k * k);
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) A[i * k + j] = G[i * k + j] / s2;
        A[i * k + i] += 1 / s[i];
      }
      const L = new Float64Array(k * k);
      if (choleskyLower(k, A, L) >= 0) return null;
      let logDetA = 0;
      for (let i = 0; i < k; i++) logDetA += 2 * Math.log(L[i * k + i]);
      let logDetS = 0;
      for (let i = 0; i < k; i++) logDetS += Math.log(s[i]);
      const z = bw.slice();
      solveTriangularInPlace(k, 1, L, z, { lower: true });
      let zz = 0;
      for (let i = 0; i < k; i++) zz += z[i] * z[i];
      const quad = yy / s2 - zz / (s2 * s2);
      const logDetK = logDetA + logDetS + M * Math.log(s2);
      return { value: -0.5 * quad - 0.5 * logDetK - 0.5 * M * LOG_2PI, s, L };
    }
    // function space: K = U_m S U_mᵀ + σ_n² I
    const K = new Float64Array(M * M);
    for (let r = 0; r < M; r++)
      for (let c = 0; c <= r; c++) {
        let v = 0;
        for (let l = 0; l < k; l++) v += Um[r * k + l] * s[l] * Um[c * k + l];
        K[r * M + c] = v;
        K[c * M + r] = v;
      }
    for (let r = 0; r < M; r++) K[r * M + r] += s2;
    const L = new Float64Array(M * M);
    if (choleskyLower(M, K, L) >= 0) return null;
    let logDetK = 0;
    for (let r = 0; r < M; r++) logDetK += 2 * Math.log(L[r * M + r]);
    const z = y.slice();
    solveTriangularInPlace(M, 1, L, z, { lower: true });
    let zz = 0;
    for (let r = 0; r < M; r++) zz += z[r] * z[r];
    return { value: -0.5 * zz - 0.5 * logDetK - 0.5 * M * LOG_2PI, s, L };
  };

  let h = { ...start };
  if (optimize) {
    const x0 = Float64Array.of(
      Math.log(start.kappa),
      Math.log(start.variance),
      Math.log(start.noise),
    );
    const toH = (x: Float64Array): SpectralGpHyperparameters => ({
      kappa: Math.exp(x[0]),
      variance: Math.exp(x[1]),
      // a floor of 1e-10·σ² keeps K numerically positive definite
      noise: Math.max(Math.exp(x[2]), 1e-10 * Math.exp(x[1])),
    });
    const r = nelderMead(
      (x) => {
        if (Math.abs(x[0]) > 30 || Math.abs(x[1]) > 60 || x[2] > 60)
          return Number.POSITIVE_INFINITY;
        const e = evaluate(toH(x));
        return e ? -e.value : Number.POSITIVE_INFINITY;
      },
      x0,
      1,
      400,
      1e-9,
    );
    h = toH(r.x);
  }
  const fit = evaluate(h);
  if (!fit)
    throw new NotPositiveDefiniteError(
      `${fn}(): the GP kernel matrix is not positive definite at κ = ${h.kappa}, σ² = ${h.variance}, noise = ${h.noise} (raise noise)`,
    );
  const { s, L } = fit;

  let predict: FittedSpectralGp['predict'];
  if (weightSpace && bw) {
    // posterior weights: μ = A⁻¹ b / σ², Σ = A⁻¹ with A = L Lᵀ
    const mu = bw.slice();
    solveTriangularInPlace(k, 1, L, mu, { lower: true });
    solveTriangularInPlace(k, 1, L, mu, { lower: true, transpose: true });
    for (let i = 0; i < k; i++) mu[i] /= h.noise;
    predict = (nodes) => {
      const mean = new Float64Array(nodes.length * d);
      const variance = new Float64Array(nodes.length);
      const u = new Float64Array(k);
      for (let q = 0; q < nodes.length; q++)
        for (let a = 0; a < d; a++) {
          const row = (nodes[q] * d + a) * k;
          let m = 0;
          for (let l = 0; l < k; l++) {
            u[l] = b.vectors[row + l];
            m += u[l] * mu[l];
          }
          mean[q * d + a] = m;
          solveTriangularInPlace(k, 1, L, u, { lower: true });
          let v = 0;
          for (let l = 0; l < k; l++) v += u[l] * u[l];
          variance[q] += v;
        }
      return { mean, variance };
    };
  } else {
    const alpha = y.slice();
    solveTriangularInPlace(M, 1, L, alpha, { lower: true });
    solveTriangularInPlace(M, 1, L, alpha, { lower: true, transpose: true });
    // w = S U_mᵀ α: the posterior mean is U_* w
    const w = new Float64Array(k);
    for (let r = 0; r < M; r++) for (let l = 0; l < k; l++) w[l] += Um[r * k + l] * alpha[r];
    for (let l = 0; l < k; l++) w[l] *= s[l];
    predict = (nodes) => {
      const mean = new Float64Array(nodes.length * d);
      const variance = new Float64Array(nodes.length);
      const kx = new Float64Array(M);
      for (let q = 0; q < nodes.length; q++)
        for (let a = 0; a < d; a++) {
          const row = (nodes[q] * d + a) * k;
          let m = 0;
          let prior = 0;
          for (let l = 0; l < k; l++) {
            const u = b.vectors[row + l];
            m += u * w[l];
            prior += u * u * s[l];
          }
          mean[q * d + a] = m;
          for (let r = 0; r < M; r++) {
            let v = 0;
            for (let l = 0; l < k; l++) v += Um[r * k + l] * s[l] * b.vectors[row + l];
            kx[r] = v;
          }
          solveTriangularInPlace(M, 1, L, kx, { lower: true });
          let red = 0;
          for (let r = 0; r < M; r++) red += kx[r] * kx[r];
          variance[q] += Math.max(prior - red, 0);
        }
      return { mean, variance };
    };
  }
  return { hyperparameters: h, logMarginalLikelihood: fit.value, predict };
}
