// A small reverse-mode automatic differentiation tape over dense float64 matrices, with the
// spectral operations that SPD batch normalization needs (Giles 2008, "Collected matrix
// derivative results for forward and reverse mode AD"; Ionescu, Vantzos & Sminchisescu 2015,
// "Matrix backpropagation for deep networks with structured layers"; Murray 2016, "Differentiation
// of the Cholesky decomposition"). Spectral functions are differentiated by Daleckii–Krein with
// cancellation-free divided differences, so repeated eigenvalues (the identity, a running mean
// at start) are not a singularity. Gradients are Euclidean (∂L/∂x_ij); for a symmetric input the
// caller symmetrizes the gradient, which gives the derivative along symmetric directions.
import { type Eig, eig, fromEigenbasis, toEigenbasis } from './spectral.js';

/** A value recorded on a tape: an r×c row-major matrix (scalars are 1×1). */
export interface TNode {
  readonly rows: number;
  readonly cols: number;
  readonly value: Float64Array;
  readonly needsGrad: boolean;
  grad: Float64Array | null;
  back: ((g: Float64Array) => void) | null;
  eig?: Eig;
}

/** A scalar function with its derivative and a divided difference accurate for x ≈ y. */
export interface SpectralFn {
  f(x: number): number;
  df(x: number): number;
  dd(x: number, y: number): number;
}

/**
 * A bivariate symmetric weight h(x, y) for V ↦ U (H ∘ (UᵀVU)) Uᵀ with H_ij = h(g_i, g_j):
 * `dd1(a, b, c)` is the divided difference of h in its first argument, (h(a, c) − h(b, c))/(a − b),
 * and ∂h/∂x(a, c) when a = b.
 */
export interface BilinearFn {
  h(x: number, y: number): number;
  dd1(a: number, b: number, c: number): number;
}

export const SQRT: SpectralFn = {
  f: Math.sqrt,
  df: (x) => 0.5 / Math.sqrt(x),
  dd: (x, y) => 1 / (Math.sqrt(x) + Math.sqrt(y)),
};

export const INV_SQRT: SpectralFn = {
  f: (x) => 1 / Math.sqrt(x),
  df: (x) => -0.5 / (x * Math.sqrt(x)),
  dd: (x, y) => {
    const sx = Math.sqrt(x);
    const sy = Math.sqrt(y);
    return -1 / (sx * sy * (sx + sy));
  },
};

export const LOG: SpectralFn = {
  f: Math.log,
  df: (x) => 1 / x,
  dd: (x, y) => {
    if (x === y) return 1 / x;
    const r = (x - y) / y;
    return Math.abs(r) < 0.5 ? Math.log1p(r) / (x - y) : (Math.log(x) - Math.log(y)) / (x - y);
  },
};

export const EXP: SpectralFn = {
  f: Math.exp,
  df: Math.exp,
  dd: (x, y) => {
    if (x === y) return Math.exp(x);
    const hi = Math.max(x, y);
    const lo = Math.min(x, y);
    return (Math.exp(lo) * Math.expm1(hi - lo)) / (hi - lo);
  },
};

/** x ↦ x^p on x > 0. */
export function powFn(p: number): SpectralFn {
  return {
    f: (x) => x ** p,
    df: (x) => p * x ** (p - 1),
    dd: (x, y) => {
      if (x === y) return p * x ** (p - 1);
      const lr = Math.log(x / y);
      const den = Math.expm1(lr);
      return den === 0 ? p * y ** (p - 1) : (y ** (p - 1) * Math.expm1(p * lr)) / den;
    },
  };
}

/** h(x, y) = (2(x + y))^s: s = ½ maps BW's S (T − I) at G to the identity, s = −½ inverts it at W. */
export function bwWeight(s: 0.5 | -0.5): BilinearFn {
  return s === 0.5 ? BW_TO_IDENTITY : BW_FROM_IDENTITY;
}

function makeBwWeight(s: 0.5 | -0.5): BilinearFn {
  return {
    h: (x, y) => (2 * (x + y)) ** s,
    dd1: (a, b, c) => {
      const p = Math.sqrt(2 * (a + c));
      const q = Math.sqrt(2 * (b + c));
      // (√p̃ − √q̃)/(a − b) with p̃ = 2(a+c): 2/(p + q); (1/p − 1/q)/(a − b) = −2/(pq(p + q)).
      return s === 0.5 ? 2 / (p + q) : -2 / (p * q * (p + q));
    },
  };
}

const BW_TO_IDENTITY = makeBwWeight(0.5);
const BW_FROM_IDENTITY = makeBwWeight(-0.5);

function zeros(n: number): Float64Array {
  return new Float64Array(n);
}

/** c = a·b for a r×k and b k×c (i-k-j order). */
function mm(
  a: Float64Array,
  b: Float64Array,
  r: number,
  k: number,
  c: number,
  out = zeros(r * c),
): Float64Array {
  for (let i = 0; i < r; i++) {
    const io = i * c;
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p];
      if (aip === 0) continue;
      const po = p * c;
      for (let j = 0; j < c; j++) out[io + j] += aip * b[po + j];
    }
  }
  return out;
}

/** a·bᵀ for a r×k and b c×k. */
function mmNT(a: Float64Array, b: Float64Array, r: number, k: number, c: number): Float64Array {
  const out = zeros(r * c);
  for (let i = 0; i < r; i++)
    for (let j = 0; j < c; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[i * k + p] * b[j * k + p];
      out[i * c + j] = s;
    }
  return out;
}

/** aᵀ·b for a k×r and b k×c. */
function mmTN(a: Float64Array, b: Float64Array, k: number, r: number, c: number): Float64Array {
  const out = zeros(r * c);
  for (let p = 0; p < k; p++)
    for (let i = 0; i < r; i++) {
      const api = a[p * r + i];
      if (api === 0) continue;
      for (let j = 0; j < c; j++) out[i * c + j] += api * b[p * c + j];
    }
  return out;
}

function symCopy(a: Float64Array, n: number): Float64Array {
  const out = zeros(n * n);
  for (let i = 0; i < n; i++) {
    out[i * n + i] = a[i * n + i];
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (a[i * n + j] + a[j * n + i]);
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  }
  return out;
}

const TENSORS = new WeakMap<Eig, Map<BilinearFn, Float64Array>>();

/** D[a, b, j] = dd1(g_a, g_b, g_j), computed once per eigendecomposition and weight. */
function dividedTensor(e: Eig, fn: BilinearFn): Float64Array {
  let byFn = TENSORS.get(e);
  if (!byFn) {
    byFn = new Map();
    TENSORS.set(e, byFn);
  }
  let d = byFn.get(fn);
  if (!d) {
    const n = e.n;
    const g = e.values;
    d = zeros(n * n * n);
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++)
        for (let j = 0; j < n; j++) d[(a * n + b) * n + j] = fn.dd1(g[a], g[b], g[j]);
    byFn.set(fn, d);
  }
  return d;
}

function eigOf(x: TNode): Eig {
  if (!x.eig) x.eig = eig(x.value, x.rows);
  return x.eig;
}

/**
 * Records operations and replays them backwards. Only nodes that depend on a variable are
 * recorded; constants cost nothing at backward time.
 */
export class Tape {
  private readonly nodes: TNode[] = [];

  /** A value that gradients do not flow into. */
  constant(value: Float64Array, rows: number, cols = rows): TNode {
    return { rows, cols, value, needsGrad: false, grad: null, back: null };
  }

  /** A leaf whose gradient `backward` accumulates into `grad`. */
  variable(value: Float64Array, rows: number, cols = rows): TNode {
    return { rows, cols, value, needsGrad: true, grad: null, back: null };
  }

  scalar(value: number): TNode {
    return this.constant(Float64Array.of(value), 1, 1);
  }

  private node(
    rows: number,
    cols: number,
    value: Float64Array,
    parents: readonly TNode[],
    back: (g: Float64Array) => void,
  ): TNode {
    const needsGrad = parents.some((p) => p.needsGrad);
    const n: TNode = { rows, cols, value, needsGrad, grad: null, back: needsGrad ? back : null };
    if (needsGrad) this.nodes.push(n);
    return n;
  }

  /** grad(p) += s·g */
  private acc(p: TNode, g: Float64Array, s = 1): void {
    if (!p.needsGrad) return;
    if (!p.grad) p.grad = zeros(p.value.length);
    const pg = p.grad;
    if (s === 1) for (let i = 0; i < g.length; i++) pg[i] += g[i];
    else for (let i = 0; i < g.length; i++) pg[i] += s * g[i];
  }

  /** Clears every recorded gradient and those of the given leaves (to run `backward` again). */
  resetGrads(leaves: readonly TNode[]): void {
    for (const n of this.nodes) n.grad = null;
    for (const n of leaves) n.grad = null;
  }

  /** Seeds output gradients and runs the recorded operations backwards. */
  backward(seeds: ReadonlyArray<readonly [TNode, Float64Array]>): void {
    for (const [n, g] of seeds) this.acc(n, g);
    for (let i = this.nodes.length - 1; i >= 0; i--) {
      const n = this.nodes[i];
      if (n.grad && n.back) n.back(n.grad);
    }
  }

  // --- linear algebra -----------------------------------------------------------------------

  matmul(a: TNode, b: TNode): TNode {
    const r = a.rows;
    const k = a.cols;
    const c = b.cols;
    return this.node(r, c, mm(a.value, b.value, r, k, c), [a, b], (g) => {
      if (a.needsGrad) this.acc(a, mmNT(g, b.value, r, c, k));
      if (b.needsGrad) this.acc(b, mmTN(a.value, g, r, k, c));
    });
  }

  /** aᵀ·b */
  matmulTN(a: TNode, b: TNode): TNode {
    const k = a.rows;
    const r = a.cols;
    const c = b.cols;
    return this.node(r, c, mmTN(a.value, b.value, k, r, c), [a, b], (g) => {
      // ā = b gᵀ, b̄ = a g
      if (a.needsGrad) this.acc(a, mmNT(b.value, g, k, c, r));
      if (b.needsGrad) this.acc(b, mm(a.value, g, k, r, c));
    });
  }

  /** Symmetric congruence c·x·cᵀ for square c and symmetric x (result mirrored exactly). */
  congruence(c: TNode, x: TNode): TNode {
    const n = c.rows;
    const cx = mm(c.value, x.value, n, n, n);
    const out = symCopy(mmNT(cx, c.value, n, n, n), n);
    return this.node(n, n, out, [c, x], (g0) => {
      const g = symCopy(g0, n);
      // d(c x cᵀ) = dc x cᵀ + c dx cᵀ + c x dcᵀ; with symmetric g: c̄ = 2 g c x, x̄ = cᵀ g c.
      if (c.needsGrad) this.acc(c, mm(g, cx, n, n, n), 2);
      if (x.needsGrad) this.acc(x, mmTN(c.value, mm(g, c.value, n, n, n), n, n, n));
    });
  }

  add(a: TNode, b: TNode): TNode {
    const v = zeros(a.value.length);
    for (let i = 0; i < v.length; i++) v[i] = a.value[i] + b.value[i];
    return this.node(a.rows, a.cols, v, [a, b], (g) => {
      this.acc(a, g);
      this.acc(b, g);
    });
  }

  /** Σ c_k x_k (all the same shape). */
  linear(xs: readonly TNode[], coeffs: ArrayLike<number>): TNode {
    const len = xs[0].value.length;
    const v = zeros(len);
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k].value;
      const c = coeffs[k];
      for (let i = 0; i < len; i++) v[i] += c * x[i];
    }
    return this.node(xs[0].rows, xs[0].cols, v, xs, (g) => {
      for (let k = 0; k < xs.length; k++) this.acc(xs[k], g, coeffs[k]);
    });
  }

  /** a + c·I */
  addIdentity(a: TNode, c: number): TNode {
    const n = a.rows;
    const v = Float64Array.from(a.value);
    for (let i = 0; i < n; i++) v[i * n + i] += c;
    return this.node(n, n, v, [a], (g) => this.acc(a, g));
  }

  /** (a + aᵀ)/2 */
  sym(a: TNode): TNode {
    const n = a.rows;
    return this.node(n, n, symCopy(a.value, n), [a], (g) => this.acc(a, symCopy(g, n)));
  }

  /** s·a for a 1×1 node s */
  mulScalar(a: TNode, s: TNode): TNode {
    const sv = s.value[0];
    const v = zeros(a.value.length);
    for (let i = 0; i < v.length; i++) v[i] = sv * a.value[i];
    return this.node(a.rows, a.cols, v, [a, s], (g) => {
      this.acc(a, g, sv);
      if (s.needsGrad) {
        let d = 0;
        for (let i = 0; i < g.length; i++) d += g[i] * a.value[i];
        this.acc(s, Float64Array.of(d));
      }
    });
  }

  /** f(a) = U f(Λ) Uᵀ for symmetric a; backward by Daleckii–Krein. */
  spectral(a: TNode, fn: SpectralFn): TNode {
    const n = a.rows;
    const e = eigOf(a);
    const lam = e.values;
    const fv = zeros(n);
    for (let i = 0; i < n; i++) fv[i] = fn.f(lam[i]);
    const out = zeros(n * n);
    const v = e.vectors;
    for (let i = 0; i < n; i++)
      for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += v[i * n + k] * fv[k] * v[j * n + k];
        out[i * n + j] = s;
        out[j * n + i] = s;
      }
    const res = this.node(n, n, out, [a], (g) => {
      const m = toEigenbasis(e, symCopy(g, n));
      for (let i = 0; i < n; i++)
        for (let j = 0; j <= i; j++) {
          const d = fn.dd(lam[i], lam[j]);
          m[i * n + j] *= d;
          if (i !== j) m[j * n + i] *= d;
        }
      this.acc(a, fromEigenbasis(e, m));
    });
    return res;
  }

  /**
   * U (H ∘ (Uᵀ v U)) Uᵀ with G = U diag(g) Uᵀ and H_ij = h(g_i, g_j), for symmetric g and v.
   * With Ẽ = Uᵀ dG U, the derivative in G's eigenbasis is
   * Σ_k Ẽ_ik Ṽ_kj D(i,k;j) + Ṽ_ik Ẽ_kj D(j,k;i), D the first-argument divided difference of h.
   */
  bilinear(gNode: TNode, vNode: TNode, fn: BilinearFn): TNode {
    const n = gNode.rows;
    const e = eigOf(gNode);
    const gl = e.values;
    const h = zeros(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j <= i; j++) {
        const w = fn.h(gl[i], gl[j]);
        h[i * n + j] = w;
        h[j * n + i] = w;
      }
    const vt = toEigenbasis(e, vNode.value);
    const yt = zeros(n * n);
    for (let i = 0; i < n * n; i++) yt[i] = h[i] * vt[i];
    const out = fromEigenbasis(e, yt);
    return this.node(n, n, out, [gNode, vNode], (g0) => {
      const p = toEigenbasis(e, symCopy(g0, n));
      if (vNode.needsGrad) {
        const q = zeros(n * n);
        for (let i = 0; i < n * n; i++) q[i] = h[i] * p[i];
        this.acc(vNode, fromEigenbasis(e, q));
      }
      if (gNode.needsGrad) {
        // Ē1_ab = Σ_j P_aj Ṽ_bj D(a,b;j); Ē = Ē1 + Ē1ᵀ
        const d = dividedTensor(e, fn);
        const e1 = zeros(n * n);
        for (let a = 0; a < n; a++)
          for (let b = 0; b < n; b++) {
            const o = (a * n + b) * n;
            let s = 0;
            for (let j = 0; j < n; j++) s += p[a * n + j] * vt[b * n + j] * d[o + j];
            e1[a * n + b] = s;
          }
        const eb = zeros(n * n);
        for (let a = 0; a < n; a++)
          for (let b = 0; b < n; b++) eb[a * n + b] = e1[a * n + b] + e1[b * n + a];
        this.acc(gNode, fromEigenbasis(e, eb));
      }
    });
  }

  /** Lower Cholesky factor of symmetric positive definite a (Murray 2016 for the backward). */
  cholesky(a: TNode): TNode {
    const n = a.rows;
    const x = a.value;
    const l = zeros(n * n);
    for (let j = 0; j < n; j++) {
      let d = x[j * n + j];
      for (let k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
      const ljj = Math.sqrt(d);
      l[j * n + j] = ljj;
      for (let i = j + 1; i < n; i++) {
        let s = x[i * n + j];
        for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
        l[i * n + j] = s / ljj;
      }
    }
    return this.node(n, n, l, [a], (lbar) => {
      // Ā = L⁻ᵀ Φ(Lᵀ L̄) L⁻¹ with Φ = lower triangle, diagonal halved; symmetrized.
      const phi = mmTN(l, lbar, n, n, n);
      for (let i = 0; i < n; i++) {
        phi[i * n + i] *= 0.5;
        for (let j = i + 1; j < n; j++) phi[i * n + j] = 0;
      }
      const li = lowerInv(l, n);
      const t = mm(mmTN(li, phi, n, n, n), li, n, n, n);
      this.acc(a, symCopy(t, n));
    });
  }

  /** Applies f to the diagonal entries only (the log-Cholesky chart and its inverse). */
  mapDiagonal(a: TNode, f: (x: number) => number, df: (x: number) => number): TNode {
    const n = a.rows;
    const v = Float64Array.from(a.value);
    for (let i = 0; i < n; i++) v[i * n + i] = f(a.value[i * n + i]);
    return this.node(n, n, v, [a], (g) => {
      const ga = Float64Array.from(g);
      for (let i = 0; i < n; i++) ga[i * n + i] = g[i * n + i] * df(a.value[i * n + i]);
      this.acc(a, ga);
    });
  }

  /** a·aᵀ */
  gramNT(a: TNode): TNode {
    const n = a.rows;
    const k = a.cols;
    const out = symCopy(mmNT(a.value, a.value, n, k, n), n);
    return this.node(n, n, out, [a], (g) => {
      this.acc(a, mm(symCopy(g, n), a.value, n, n, k), 2);
    });
  }

  // --- scalars ------------------------------------------------------------------------------

  /** ⟨a, b⟩_F as a 1×1 node */
  dot(a: TNode, b: TNode): TNode {
    let s = 0;
    for (let i = 0; i < a.value.length; i++) s += a.value[i] * b.value[i];
    return this.node(1, 1, Float64Array.of(s), [a, b], (g) => {
      this.acc(a, b.value, g[0]);
      this.acc(b, a.value, g[0]);
    });
  }

  /** f(s) for a 1×1 node */
  scalarFn(s: TNode, f: (x: number) => number, df: (x: number) => number): TNode {
    const x = s.value[0];
    return this.node(1, 1, Float64Array.of(f(x)), [s], (g) =>
      this.acc(s, Float64Array.of(g[0] * df(x))),
    );
  }

  /** a·b for 1×1 nodes */
  mul(a: TNode, b: TNode): TNode {
    const x = a.value[0];
    const y = b.value[0];
    return this.node(1, 1, Float64Array.of(x * y), [a, b], (g) => {
      this.acc(a, Float64Array.of(g[0] * y));
      this.acc(b, Float64Array.of(g[0] * x));
    });
  }
}

/** Inverse of a lower triangular matrix. */
export function lowerInv(l: Float64Array, n: number): Float64Array {
  const out = zeros(n * n);
  for (let j = 0; j < n; j++) {
    out[j * n + j] = 1 / l[j * n + j];
    for (let i = j + 1; i < n; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s += l[i * n + k] * out[k * n + j];
      out[i * n + j] = -s / l[i * n + i];
    }
  }
  return out;
}
