// Bures–Wasserstein geometry on raw arrays (Bhatia, Jain & Lim 2019, "On the Bures–Wasserstein
// distance between positive definite matrices", Expo. Math. 37; Malagò, Montrucchio & Pistone
// 2018), shared by the BW and generalized BW metrics. Inputs are trusted SPD/symmetric.
import {
  choleskyLower,
  congruence,
  daleckiiKrein,
  type Eigensystem,
  eigensystem,
  eigh,
  fromEigenbasis,
  gemm,
  loewnerMatrix,
  reconstruct,
  toEigenbasis,
  trace,
  transposeSquare,
  triangularInverse,
} from '@rg/linalg/kernels';

/** Lower Cholesky factor of a trusted SPD array. */
function choleskyFactor(a: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  choleskyLower(n, a, l);
  return l;
}

/** (AB)^½ = L N L⁻¹ with A = LLᵀ and N = (LᵀBL)^½; returns S + Sᵀ = (AB)^½ + (BA)^½. */
function rootSum(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = choleskyFactor(a, n);
  const lt = transposeSquare(n, l);
  const c = eigensystem(n, congruence(n, n, lt, b));
  const root = reconstruct(
    n,
    c.vectors,
    c.values.map((x) => Math.sqrt(Math.max(0, x))),
  );
  const lr = new Float64Array(n * n);
  gemm(n, n, n, l, root, lr);
  const s = new Float64Array(n * n);
  gemm(n, n, n, lr, triangularInverse(n, l, { lower: true }), s);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const v = s[i * n + j] + s[j * n + i];
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  return out;
}

/** tr (A^½BA^½)^½: the fidelity, Σ √λ over the eigenvalues of LᵀBL. */
export function bwFidelity(a: Float64Array, b: Float64Array, n: number): number {
  const l = choleskyFactor(a, n);
  const values = new Float64Array(n);
  eigh(n, congruence(n, n, transposeSquare(n, l), b), values);
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.sqrt(Math.max(0, values[i]));
  return s;
}

export function bwSquaredDistance(a: Float64Array, b: Float64Array, n: number): number {
  return Math.max(0, trace(n, a) + trace(n, b) - 2 * bwFidelity(a, b, n));
}

/** ½ Σ Ũ_ij Ṽ_ij / (p_i + p_j) in P's eigenbasis: ½ tr(L_P[U] V). */
export function bwInner(p: Float64Array, u: Float64Array, v: Float64Array, n: number): number {
  const e = eigensystem(n, p);
  const ut = toEigenbasis(n, e.vectors, u);
  const vt = u === v ? ut : toEigenbasis(n, e.vectors, v);
  const l = e.values;
  let s = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) s += (ut[i * n + j] * vt[i * n + j]) / (l[i] + l[j]);
  return 0.5 * s;
}

/** Exp_P(V) = P + V + L_P[V] P L_P[V], L_P[V] solving PL + LP = V (in P's eigenbasis). */
export function bwExp(p: Float64Array, v: Float64Array, n: number): Float64Array {
  const e = eigensystem(n, p);
  const lt = toEigenbasis(n, e.vectors, v);
  const l = e.values;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) lt[i * n + j] /= l[i] + l[j];
  // L̃ Λ L̃: scale the columns of L̃ by Λ, then one product
  const ltl = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) ltl[i * n + k] = lt[i * n + k] * l[k];
  const lpl = new Float64Array(n * n);
  gemm(n, n, n, ltl, lt, lpl);
  const q = fromEigenbasis(n, e.vectors, lpl);
  for (let i = 0; i < n * n; i++) q[i] += p[i] + v[i];
  return q;
}

/** Log_P(X) = (PX)^½ + (XP)^½ − 2P. */
export function bwLog(p: Float64Array, x: Float64Array, n: number): Float64Array {
  const s = rootSum(p, x, n);
  for (let i = 0; i < n * n; i++) s[i] -= 2 * p[i];
  return s;
}

/** γ(t) = (1−t)²A + t²B + t(1−t)[(AB)^½ + (BA)^½]. */
export function bwGeodesic(a: Float64Array, b: Float64Array, n: number, t: number): Float64Array {
  const s = rootSum(a, b, n);
  const u = 1 - t;
  for (let i = 0; i < n * n; i++) s[i] = u * u * a[i] + t * t * b[i] + t * u * s[i];
  return s;
}

function scaleInBasis(
  e: Eigensystem,
  v: Float64Array,
  f: (a: number, b: number) => number,
): Float64Array {
  return daleckiiKrein(e.n, e.vectors, loewnerMatrix(e.n, e.values, f), v);
}

/**
 * Isometric vector transport P → I → Q: in P's eigenbasis multiply entries by
 * √(2/(p_i+p_j)) (an isometry T_P → T_I), then by √((q_i+q_j)/2) in Q's eigenbasis.
 */
export function bwTransport(
  p: Float64Array,
  q: Float64Array,
  v: Float64Array,
  n: number,
): Float64Array {
  const z = scaleInBasis(eigensystem(n, p), v, (a, b) => Math.sqrt(2 / (a + b)));
  return scaleInBasis(eigensystem(n, q), z, (a, b) => Math.sqrt((a + b) / 2));
}
