// A small reverse-mode automatic differentiation tape over dense float64 matrices, with the
// spectral operations that SPD batch normalization needs (Giles 2008, "Collected matrix
// derivative results for forward and reverse mode AD"; Ionescu, Vantzos & Sminchisescu 2015,
// "Matrix backpropagation for deep networks with structured layers"; Murray 2016, "Differentiation
// of the Cholesky decomposition"). Spectral functions are differentiated by Daleckii–Krein with
// cancellation-free divided differences, so repeated eigenvalues (the identity, a running mean
// at start) are not a singularity. Gradients are Euclidean (∂L/∂x_ij); for a symmetric input the
// caller symmetrizes the gradient, which gives the derivative along symmetric directions.
import {
  choleskyLower,
  congruence,
  dividedDifferenceExp,
  dividedDifferenceInvSqrt,
  dividedDifferenceLog,
  dividedDifferencePower,
  dividedDifferenceSqrt,
  type Eigensystem,
  dot,
  eigensystem,
  fromEigenbasis,
  gemm,
  gemmTransA,
  gemmTransB,
  reconstruct,
  symmetrizeInPlace,
  toEigenbasis,
  triangularInverse,
} from '@rg/linalg/kernels';

/** A value recorded on a tape: an r×c row-major matrix (scalars are 1×1). */
export interface TNode {
  readonly rows: number;
  readonly cols: number;
  readonly value: Float64Array;
  readonly needsGrad: boolean;
  grad: Float64Array | null;
  back: ((g: Float64Array) => void) | null;
  eig?: Eigensystem;
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
  dd: dividedDifferenceSqrt,
};

/**
 * √max(x, floor), for the square root of a matrix that is SPD in exact arithmetic but so
 * ill-conditioned (κ near 1/ε) that its smallest computed eigenvalues are rounding noise and may
 * be ≤ 0: they are lifted to `floor`, so the root and its Daleckii–Krein weights stay finite.
 * Above the floor it is {@link SQRT} exactly.
 */
export function flooredSqrt(floor: number): SpectralFn {
  const lift = (x: number) => Math.max(x, floor);
  return {
    f: (x) => Math.sqrt(lift(x)),
    df: (x) => 0.5 / Math.sqrt(lift(x)),
    dd: (x, y) => dividedDifferenceSqrt(lift(x), lift(y)),
  };
}

export const INV_SQRT: SpectralFn = {
  f: (x) => 1 / Math.sqrt(x),
  df: (x) => -0.5 / (x * Math.sqrt(x)),
  dd: dividedDifferenceInvSqrt,
};

export const LOG: SpectralFn = {
  f: Math.log,
  df: (x) => 1 / x,
  dd: dividedDifferenceLog,
};

export const EXP: SpectralFn = {
  f: Math.exp,
  df: Math.exp,
  dd: dividedDifferenceExp,
};

/** x ↦ x^p on x > 0. */
export function powFn(p: number): SpectralFn {
  return {
    f: (x) => x ** p,
    df: (x) => p * x ** (p - 1),
    dd: dividedDifferencePower(p),
  };
}

/** h(x, y) = (2(x + y))^s: s = ½ maps BW's S (T − I) at G to the identity, s = −½ inverts it at W. */
export function bwWeight(s: 0.5 | -0.5): BilinearFn {
  return s === 0.5 ? BW_TO_IDENTITY : BW_FROM_IDENTITY;
}

function makeBwWeight(s: 0.5 | -0.5): BilinearFn {
  // h(·, c) is u ↦ √u or u ↦ 1/√u at u = 2(x + c), so dd1(a, b, c) is twice the divided
  // difference of that function at 2(a + c), 2(b + c).
  const dd = s === 0.5 ? dividedDifferenceSqrt : dividedDifferenceInvSqrt;
  return {
    h: (x, y) => (2 * (x + y)) ** s,
    dd1: (a, b, c) => 2 * dd(2 * (a + c), 2 * (b + c)),
  };
}

const BW_TO_IDENTITY = makeBwWeight(0.5);
const BW_FROM_IDENTITY = makeBwWeight(-0.5);

const TENSORS = new WeakMap<Eigensystem, Map<BilinearFn, Float64Array>>();

/** D[a, b, j] = dd1(g_a, g_b, g_j), computed once per eigendecomposition and weight. */
function dividedTensor(e: Eigensystem, fn: BilinearFn): Float64Array {
  let byFn = TENSORS.get(e);
  if (!byFn) {
    byFn = new Map();
    TENSORS.set(e, byFn);
  }
  let d = byFn.get(fn);
  if (!d) {
    const n = e.n;
    const g = e.values;
    d = new Float64Array(n * n * n);
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++)
        for (let j = 0; j < n; j++) d[(a * n + b) * n + j] = fn.dd1(g[a], g[b], g[j]);
    byFn.set(fn, d);
  }
  return d;
}

/** Opt-in counters for the benchmark: eigendecompositions made by tapes and their time. */
export const tapeProfile = { enabled: false, eigCount: 0, eigMs: 0 };

/**
 * The eigensystem of a finite symmetric node. The default QL iteration can stall (and report
 * `converged: false` with NaN values) on graded matrices whose smallest eigenvalue is rounding
 * noise around 0, as ill-conditioned covariances give; cyclic Jacobi, slower, then takes over.
 */
function eigensystemOf(x: TNode, refine: boolean | 'auto'): Eigensystem {
  const e = eigensystem(x.rows, x.value, { refine });
  if (e.converged || !x.value.every(Number.isFinite)) return e;
  return eigensystem(x.rows, x.value, { refine, method: 'jacobi' });
}

function eigOf(x: TNode, refine: boolean | 'auto'): Eigensystem {
  if (!x.eig) {
    if (tapeProfile.enabled) {
      const t0 = performance.now();
      x.eig = eigensystemOf(x, refine);
      tapeProfile.eigMs += performance.now() - t0;
      tapeProfile.eigCount++;
    } else x.eig = eigensystemOf(x, refine);
  }
  return x.eig;
}

/** Doubles per arena chunk (512 KiB): small arrays are views into chunks, not allocations. */
const CHUNK = 1 << 16;

/**
 * Records operations and replays them backwards. Only nodes that depend on a variable are
 * recorded; constants cost nothing at backward time. Every array the tape creates (values,
 * gradients, temporaries) is a view into an arena of large zero-filled chunks: a fresh typed
 * array costs about as much as a 16×16 product, and a batch-norm pass makes tens of thousands.
 */
export class Tape {
  private readonly nodes: TNode[] = [];
  private chunk = new Float64Array(0);
  private used = 0;

  /**
   * @param refine - eigendecomposition refinement (see `eigh` in @rg/linalg): 'auto' keeps
   * relative accuracy of tiny eigenvalues of ill-conditioned matrices at extra cost
   */
  constructor(private readonly refine: boolean | 'auto' = 'auto') {}

  /** A zero-filled array of length len from the arena. */
  z(len: number): Float64Array {
    if (this.used + len > this.chunk.length) {
      this.chunk = new Float64Array(Math.max(CHUNK, len));
      this.used = 0;
    }
    const v = this.chunk.subarray(this.used, this.used + len);
    this.used += len;
    return v;
  }

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
    if (!p.grad) {
      const pg = this.z(g.length);
      if (s === 1) pg.set(g);
      else for (let i = 0; i < g.length; i++) pg[i] = s * g[i];
      p.grad = pg;
      return;
    }
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

  /** (a + aᵀ)/2 into a fresh arena array. */
  private sym(a: Float64Array, n: number): Float64Array {
    const out = this.z(n * n);
    out.set(a);
    return symmetrizeInPlace(n, out);
  }

  /** Vᵀ X V for the eigenvectors V (columns) of e. */
  private toBasis(e: Eigensystem, x: Float64Array): Float64Array {
    const n = e.n;
    return toEigenbasis(n, e.vectors, x, this.z(n * n), this.z(n * n));
  }

  /** V Y Vᵀ, exactly symmetric (Y symmetric up to rounding). */
  private fromBasis(e: Eigensystem, y: Float64Array): Float64Array {
    const n = e.n;
    return fromEigenbasis(n, e.vectors, y, {}, this.z(n * n), this.z(n * n));
  }

  // --- linear algebra -----------------------------------------------------------------------

  matmul(a: TNode, b: TNode): TNode {
    const r = a.rows;
    const k = a.cols;
    const c = b.cols;
    const v = this.z(r * c);
    gemm(r, c, k, a.value, b.value, v);
    return this.node(r, c, v, [a, b], (g) => {
      if (a.needsGrad) {
        const ga = this.z(r * k);
        gemmTransB(r, k, c, g, b.value, ga);
        this.acc(a, ga);
      }
      if (b.needsGrad) {
        const gb = this.z(k * c);
        gemmTransA(k, c, r, a.value, g, gb);
        this.acc(b, gb);
      }
    });
  }

  /** aᵀ·b */
  matmulTN(a: TNode, b: TNode): TNode {
    const k = a.rows;
    const r = a.cols;
    const c = b.cols;
    const v = this.z(r * c);
    gemmTransA(r, c, k, a.value, b.value, v);
    return this.node(r, c, v, [a, b], (g) => {
      // ā = b gᵀ, b̄ = a g
      if (a.needsGrad) {
        const ga = this.z(k * r);
        gemmTransB(k, r, c, b.value, g, ga);
        this.acc(a, ga);
      }
      if (b.needsGrad) {
        const gb = this.z(k * c);
        gemm(k, c, r, a.value, g, gb);
        this.acc(b, gb);
      }
    });
  }

  /** Symmetric congruence c·x·cᵀ for square c and symmetric x (result mirrored exactly). */
  congruence(c: TNode, x: TNode): TNode {
    const n = c.rows;
    const cx = this.z(n * n);
    const out = congruence(n, n, c.value, x.value, this.z(n * n), cx);
    return this.node(n, n, out, [c, x], (g0) => {
      const g = this.sym(g0, n);
      // d(c x cᵀ) = dc x cᵀ + c dx cᵀ + c x dcᵀ; with symmetric g: c̄ = 2 g c x, x̄ = cᵀ g c.
      if (c.needsGrad) {
        const gc = this.z(n * n);
        gemm(n, n, n, g, cx, gc);
        this.acc(c, gc, 2);
      }
      if (x.needsGrad) {
        const gcv = this.z(n * n);
        const gx = this.z(n * n);
        gemm(n, n, n, g, c.value, gcv);
        gemmTransA(n, n, n, c.value, gcv, gx);
        this.acc(x, gx);
      }
    });
  }

  add(a: TNode, b: TNode): TNode {
    const v = this.z(a.value.length);
    for (let i = 0; i < v.length; i++) v[i] = a.value[i] + b.value[i];
    return this.node(a.rows, a.cols, v, [a, b], (g) => {
      this.acc(a, g);
      this.acc(b, g);
    });
  }

  /** Σ c_k x_k (all the same shape). */
  linear(xs: readonly TNode[], coeffs: ArrayLike<number>): TNode {
    const len = xs[0].value.length;
    const v = this.z(len);
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
    const v = this.z(n * n);
    v.set(a.value);
    for (let i = 0; i < n; i++) v[i * n + i] += c;
    return this.node(n, n, v, [a], (g) => this.acc(a, g));
  }

  /** s·a for a 1×1 node s */
  mulScalar(a: TNode, s: TNode): TNode {
    const sv = s.value[0];
    const v = this.z(a.value.length);
    for (let i = 0; i < v.length; i++) v[i] = sv * a.value[i];
    return this.node(a.rows, a.cols, v, [a, s], (g) => {
      this.acc(a, g, sv);
      if (s.needsGrad) {
        this.acc(s, Float64Array.of(dot(g.length, g, a.value)));
      }
    });
  }

  /** f(a) = U f(Λ) Uᵀ for symmetric a; backward by Daleckii–Krein. */
  spectral(a: TNode, fn: SpectralFn): TNode {
    const n = a.rows;
    const e = eigOf(a, this.refine);
    const lam = e.values;
    const v = e.vectors;
    const fl = this.z(n);
    for (let k = 0; k < n; k++) fl[k] = fn.f(lam[k]);
    const out = reconstruct(n, v, fl, this.z(n * n), this.z(n * n));
    return this.node(n, n, out, [a], (g) => {
      const m = this.toBasis(e, this.sym(g, n));
      for (let i = 0; i < n; i++)
        for (let j = 0; j <= i; j++) {
          const d = fn.dd(lam[i], lam[j]);
          m[i * n + j] *= d;
          if (i !== j) m[j * n + i] *= d;
        }
      this.acc(a, this.fromBasis(e, m));
    });
  }

  /**
   * U (H ∘ (Uᵀ v U)) Uᵀ with G = U diag(g) Uᵀ and H_ij = h(g_i, g_j), for symmetric g and v.
   * With Ẽ = Uᵀ dG U, the derivative in G's eigenbasis is
   * Σ_k Ẽ_ik Ṽ_kj D(i,k;j) + Ṽ_ik Ẽ_kj D(j,k;i), D the first-argument divided difference of h.
   */
  bilinear(gNode: TNode, vNode: TNode, fn: BilinearFn): TNode {
    const n = gNode.rows;
    const e = eigOf(gNode, this.refine);
    const gl = e.values;
    const h = this.z(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j <= i; j++) {
        const w = fn.h(gl[i], gl[j]);
        h[i * n + j] = w;
        h[j * n + i] = w;
      }
    const vt = this.toBasis(e, vNode.value);
    const yt = this.z(n * n);
    for (let i = 0; i < n * n; i++) yt[i] = h[i] * vt[i];
    const out = this.fromBasis(e, yt);
    return this.node(n, n, out, [gNode, vNode], (g0) => {
      const p = this.toBasis(e, this.sym(g0, n));
      if (vNode.needsGrad) {
        const q = this.z(n * n);
        for (let i = 0; i < n * n; i++) q[i] = h[i] * p[i];
        this.acc(vNode, this.fromBasis(e, q));
      }
      if (gNode.needsGrad) {
        // Ē1_ab = Σ_j P_aj Ṽ_bj D(a,b;j); Ē = Ē1 + Ē1ᵀ
        const d = dividedTensor(e, fn);
        const e1 = this.z(n * n);
        for (let a = 0; a < n; a++)
          for (let b = 0; b < n; b++) {
            const o = (a * n + b) * n;
            let s = 0;
            for (let j = 0; j < n; j++) s += p[a * n + j] * vt[b * n + j] * d[o + j];
            e1[a * n + b] = s;
          }
        const eb = this.z(n * n);
        for (let a = 0; a < n; a++)
          for (let b = 0; b < n; b++) eb[a * n + b] = e1[a * n + b] + e1[b * n + a];
        this.acc(gNode, this.fromBasis(e, eb));
      }
    });
  }

  /** Lower Cholesky factor of symmetric positive definite a (Murray 2016 for the backward). */
  cholesky(a: TNode): TNode {
    const n = a.rows;
    // a is SPD here: every caller passes a validated point or its whitened image
    const l = this.z(n * n);
    choleskyLower(n, a.value, l);
    return this.node(n, n, l, [a], (lbar) => {
      // Ā = L⁻ᵀ Φ(Lᵀ L̄) L⁻¹ with Φ = lower triangle, diagonal halved; symmetrized.
      const phi = this.z(n * n);
      gemmTransA(n, n, n, l, lbar, phi);
      for (let i = 0; i < n; i++) {
        phi[i * n + i] *= 0.5;
        for (let j = i + 1; j < n; j++) phi[i * n + j] = 0;
      }
      const li = triangularInverse(n, l, { lower: true }, this.z(n * n));
      const lp = this.z(n * n);
      const t = this.z(n * n);
      gemmTransA(n, n, n, li, phi, lp);
      gemm(n, n, n, lp, li, t);
      this.acc(a, symmetrizeInPlace(n, t));
    });
  }

  /** Applies f to the diagonal entries only (the log-Cholesky chart and its inverse). */
  mapDiagonal(a: TNode, f: (x: number) => number, df: (x: number) => number): TNode {
    const n = a.rows;
    const v = this.z(n * n);
    v.set(a.value);
    for (let i = 0; i < n; i++) v[i * n + i] = f(a.value[i * n + i]);
    return this.node(n, n, v, [a], (g) => {
      const ga = this.z(n * n);
      ga.set(g);
      for (let i = 0; i < n; i++) ga[i * n + i] = g[i * n + i] * df(a.value[i * n + i]);
      this.acc(a, ga);
    });
  }

  /** a·aᵀ */
  gramNT(a: TNode): TNode {
    const n = a.rows;
    const k = a.cols;
    const out = this.z(n * n);
    gemmTransB(n, n, k, a.value, a.value, out);
    symmetrizeInPlace(n, out);
    return this.node(n, n, out, [a], (g) => {
      const ga = this.z(n * k);
      gemm(n, k, n, this.sym(g, n), a.value, ga);
      this.acc(a, ga, 2);
    });
  }

  // --- scalars ------------------------------------------------------------------------------

  /** ⟨a, b⟩_F as a 1×1 node */
  dot(a: TNode, b: TNode): TNode {
    const s = dot(a.value.length, a.value, b.value);
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
