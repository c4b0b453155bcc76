// Bures–Wasserstein geometry on raw arrays (Bhatia, Jain & Lim 2019, "On the Bures–Wasserstein
// distance between positive definite matrices", Expo. Math. 37; Malagò, Montrucchio & Pistone
// 2018), shared by the BW and generalized BW metrics. Inputs are trusted SPD/symmetric.
import {
  choleskyLower,
  congruence,
  lowerInverse,
  mul,
  traceOf,
  transposeSq,
} from '../internal/kernels.js';
import {
  type Eig,
  eig,
  eigvals,
  fromEigenbasis,
  mapValues,
  reconstruct,
  toEigenbasis,
} from '../internal/spectral.js';

/** (AB)^½ = L N L⁻¹ with A = LLᵀ and N = (LᵀBL)^½; returns S + Sᵀ = (AB)^½ + (BA)^½. */
function rootSum(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = choleskyLower(a, n).l;
  const lt = transposeSq(l, n);
  const c = eig(congruence(lt, b, n), n);
  const root = reconstruct(
    c,
    mapValues(c.values, (x) => Math.sqrt(Math.max(0, x))),
  );
  const s = mul(mul(l, root, n), lowerInverse(l, n), n);
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
  const l = choleskyLower(a, n).l;
  const values = eigvals(congruence(transposeSq(l, n), b, n), n);
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.sqrt(Math.max(0, values[i]));
  return s;
}

export function bwSquaredDistance(a: Float64Array, b: Float64Array, n: number): number {
  return Math.max(0, traceOf(a, n) + traceOf(b, n) - 2 * bwFidelity(a, b, n));
}

/** ½ Σ Ũ_ij Ṽ_ij / (p_i + p_j) in P's eigenbasis: ½ tr(L_P[U] V). */
export function bwInner(p: Float64Array, u: Float64Array, v: Float64Array, n: number): number {
  const e = eig(p, n);
  const ut = toEigenbasis(e, u);
  const vt = u === v ? ut : toEigenbasis(e, v);
  const l = e.values;
  let s = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) s += (ut[i * n + j] * vt[i * n + j]) / (l[i] + l[j]);
  return 0.5 * s;
}

/** Exp_P(V) = P + V + L_P[V] P L_P[V], L_P[V] solving PL + LP = V (in P's eigenbasis). */
export function bwExp(p: Float64Array, v: Float64Array, n: number): Float64Array {
  const e = eig(p, n);
  const lt = toEigenbasis(e, v);
  const l = e.values;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) lt[i * n + j] /= l[i] + l[j];
  const lpl = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += lt[i * n + k] * l[k] * lt[k * n + j];
      lpl[i * n + j] = s;
    }
  const q = fromEigenbasis(e, lpl);
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

function scaleInBasis(e: Eig, v: Float64Array, f: (a: number, b: number) => number): Float64Array {
  const n = e.n;
  const t = toEigenbasis(e, v);
  const l = e.values;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t[i * n + j] *= f(l[i], l[j]);
  return fromEigenbasis(e, t);
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
  const z = scaleInBasis(eig(p, n), v, (a, b) => Math.sqrt(2 / (a + b)));
  return scaleInBasis(eig(q, n), z, (a, b) => Math.sqrt((a + b) / 2));
}
