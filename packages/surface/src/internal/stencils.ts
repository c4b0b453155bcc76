// Finite-difference weights on arbitrary nodes (Fornberg, "Generation of finite difference
// formulas on arbitrarily spaced grids", Math. Comp. 51, 1988) and per-axis stencil tables for
// structured grids: central stencils inside, one-sided stencils of the same order at the ends.
// Unchecked kernels.

/**
 * Weights c[k][j] such that f^(k)(z) ≈ Σ_j c[k][j] f(x[j]) for k = 0..m.
 */
export function fornbergWeights(z: number, x: ArrayLike<number>, m: number): Float64Array[] {
  const n = x.length;
  const c: Float64Array[] = [];
  for (let k = 0; k <= m; k++) c.push(new Float64Array(n));
  let c1 = 1;
  let c4 = x[0] - z;
  c[0][0] = 1;
  for (let i = 1; i < n; i++) {
    const mn = Math.min(i, m);
    let c2 = 1;
    const c5 = c4;
    c4 = x[i] - z;
    for (let j = 0; j < i; j++) {
      const c3 = x[i] - x[j];
      c2 *= c3;
      if (j === i - 1) {
        for (let k = mn; k >= 1; k--)
          c[k][i] = (c1 * (k * c[k - 1][i - 1] - c5 * c[k][i - 1])) / c2;
        c[0][i] = (-c1 * c5 * c[0][i - 1]) / c2;
      }
      for (let k = mn; k >= 1; k--) c[k][j] = (c4 * c[k][j] - k * c[k - 1][j]) / c3;
      c[0][j] = (c4 * c[0][j]) / c3;
    }
    c1 = c2;
  }
  return c;
}

/** Half-width of the central stencil of derivative m at accuracy order p (even). */
export function centralHalfWidth(m: number, p: number): number {
  return Math.floor((m + p - 1) / 2);
}

/** Nodes needed along a non-periodic axis for derivatives up to m at order p. */
export function minNodes(m: number, p: number): number {
  return Math.max(m + p, 2 * centralHalfWidth(m, p) + 1);
}

/**
 * Stencil table of derivative m along an axis of n nodes with spacing h, accuracy order p:
 * node i uses `idx[i*width + k]` with weight `w[i*width + k]`, k < width (unused slots carry
 * weight 0 and a valid index).
 */
export interface AxisStencil {
  readonly width: number;
  readonly idx: Int32Array;
  readonly w: Float64Array;
  /** half-width of the central stencil: nodes q .. n−q−1 use `central` at offsets −q..q */
  readonly q: number;
  /** central weights (already divided by h^m) */
  readonly central: Float64Array;
}

export function axisStencil(
  n: number,
  periodic: boolean,
  m: number,
  p: number,
  h: number,
): AxisStencil {
  const q = centralHalfWidth(m, p);
  const wc = 2 * q + 1;
  const wo = m + p;
  const width = periodic ? wc : Math.max(wc, wo);
  const idx = new Int32Array(n * width);
  const w = new Float64Array(n * width);
  const scale = h ** -m;
  const offsets = new Float64Array(wc);
  for (let k = 0; k < wc; k++) offsets[k] = k - q;
  const central = fornbergWeights(0, offsets, m)[m];
  for (let i = 0; i < n; i++) {
    const base = i * width;
    if (periodic || (i - q >= 0 && i + q <= n - 1)) {
      for (let k = 0; k < wc; k++) {
        let j = i + k - q;
        if (j < 0) j += n;
        else if (j >= n) j -= n;
        idx[base + k] = j;
        w[base + k] = central[k] * scale;
      }
      for (let k = wc; k < width; k++) idx[base + k] = i;
    } else {
      const start = i - q < 0 ? 0 : n - wo;
      const xs = new Float64Array(wo);
      for (let k = 0; k < wo; k++) xs[k] = start + k;
      const ws = fornbergWeights(i, xs, m)[m];
      for (let k = 0; k < wo; k++) {
        idx[base + k] = start + k;
        w[base + k] = ws[k] * scale;
      }
      for (let k = wo; k < width; k++) idx[base + k] = i;
    }
  }
  const scaled = new Float64Array(wc);
  for (let k = 0; k < wc; k++) scaled[k] = central[k] * scale;
  return { width, idx, w, q, central: scaled };
}

/**
 * Row i of D_u src (3·nv numbers, vectors of 3 at node i*nv + j) into dst from dOff: a
 * weighted sum of whole rows, so the inner loop runs over contiguous memory.
 */
export function applyRowU(
  src: Float64Array,
  dst: Float64Array,
  dOff: number,
  i: number,
  nv: number,
  st: AxisStencil,
): void {
  const row = 3 * nv;
  const { width, idx, w } = st;
  for (let t = 0; t < row; t++) dst[dOff + t] = 0;
  for (let k = 0; k < width; k++) {
    const c = w[i * width + k];
    if (c === 0) continue;
    const s = idx[i * width + k] * row;
    for (let t = 0; t < row; t++) dst[dOff + t] += c * src[s + t];
  }
}

/** D_v of one row (3·nv numbers from sOff in src) into dst from dOff. */
export function applyRowV(
  src: Float64Array,
  sOff: number,
  dst: Float64Array,
  dOff: number,
  nv: number,
  st: AxisStencil,
): void {
  const { width, idx, w, q, central } = st;
  const wc = central.length;
  const lo = Math.min(q, nv);
  const hi = Math.max(nv - q, lo);
  // interior: contiguous central stencil
  for (let j = lo; j < hi; j++) {
    let x = 0;
    let y = 0;
    let z = 0;
    let s = sOff + 3 * (j - q);
    for (let k = 0; k < wc; k++, s += 3) {
      const c = central[k];
      x += c * src[s];
      y += c * src[s + 1];
      z += c * src[s + 2];
    }
    const d = dOff + 3 * j;
    dst[d] = x;
    dst[d + 1] = y;
    dst[d + 2] = z;
  }
  // ends: the table (one-sided or wrapped stencils)
  for (let j = 0; j < nv; j++) {
    if (j === lo) j = hi;
    if (j >= nv) break;
    let x = 0;
    let y = 0;
    let z = 0;
    const b = j * width;
    for (let k = 0; k < width; k++) {
      const c = w[b + k];
      const s = sOff + 3 * idx[b + k];
      x += c * src[s];
      y += c * src[s + 1];
      z += c * src[s + 2];
    }
    const d = dOff + 3 * j;
    dst[d] = x;
    dst[d + 1] = y;
    dst[d + 2] = z;
  }
}

/** dst = D_u src for vectors of 3 stored at node i*nv + j (u is the slow index). */
export function applyAlongU(
  src: Float64Array,
  dst: Float64Array,
  nu: number,
  nv: number,
  st: AxisStencil,
): void {
  for (let i = 0; i < nu; i++) applyRowU(src, dst, 3 * i * nv, i, nv, st);
}

/** dst = D_v src for vectors of 3 stored at node i*nv + j (v is the fast index). */
export function applyAlongV(
  src: Float64Array,
  dst: Float64Array,
  nu: number,
  nv: number,
  st: AxisStencil,
): void {
  for (let i = 0; i < nu; i++) applyRowV(src, 3 * i * nv, dst, 3 * i * nv, nv, st);
}
