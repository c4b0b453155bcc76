// Second-order jets on a structured grid by separable finite-difference stencils (Fornberg
// 1988), and their cubic Lagrange interpolation between nodes. Unchecked kernels.
import { type AxisStencil, applyAlongU, applyAlongV, axisStencil } from './stencils.js';

/** The stencils of one grid: first and second derivatives along u and v. */
export interface GridStencils {
  u1: AxisStencil;
  u2: AxisStencil;
  v1: AxisStencil;
  v2: AxisStencil;
}

export function gridStencils(
  nu: number,
  nv: number,
  periodicU: boolean,
  periodicV: boolean,
  du: number,
  dv: number,
  order: number,
): GridStencils {
  return {
    u1: axisStencil(nu, periodicU, 1, order, du),
    u2: axisStencil(nu, periodicU, 2, order, du),
    v1: axisStencil(nv, periodicV, 1, order, dv),
    v2: axisStencil(nv, periodicV, 2, order, dv),
  };
}

/** First and second derivatives at every node, 3 per node each (node i*nv + j). */
export interface GridDerivatives {
  ru: Float64Array;
  rv: Float64Array;
  ruu: Float64Array;
  ruv: Float64Array;
  rvv: Float64Array;
}

/** Five separable passes: D_u, D_uu, D_v, D_vv, and D_v(D_u) for the mixed derivative. */
export function gridDerivatives(
  points: Float64Array,
  nu: number,
  nv: number,
  st: GridStencils,
): GridDerivatives {
  const n3 = 3 * nu * nv;
  const d: GridDerivatives = {
    ru: new Float64Array(n3),
    rv: new Float64Array(n3),
    ruu: new Float64Array(n3),
    ruv: new Float64Array(n3),
    rvv: new Float64Array(n3),
  };
  applyAlongU(points, d.ru, nu, nv, st.u1);
  applyAlongU(points, d.ruu, nu, nv, st.u2);
  applyAlongV(points, d.rv, nu, nv, st.v1);
  applyAlongV(points, d.rvv, nu, nv, st.v2);
  applyAlongV(d.ru, d.ruv, nu, nv, st.v1);
  return d;
}

/** The jets of all nodes, interleaved (18 per node): r, r_u, r_v, r_uu, r_uv, r_vv. */
export function gridJets(
  points: Float64Array,
  nu: number,
  nv: number,
  st: GridStencils,
): Float64Array {
  const { ru, rv, ruu, ruv, rvv } = gridDerivatives(points, nu, nv, st);
  const n = nu * nv;
  const out = new Float64Array(18 * n);
  for (let k = 0; k < n; k++) {
    const o = 18 * k;
    const s = 3 * k;
    for (let t = 0; t < 3; t++) {
      out[o + t] = points[s + t];
      out[o + 3 + t] = ru[s + t];
      out[o + 6 + t] = rv[s + t];
      out[o + 9 + t] = ruu[s + t];
      out[o + 12 + t] = ruv[s + t];
      out[o + 15 + t] = rvv[s + t];
    }
  }
  return out;
}

/** Σ_a Σ_b wu[a] wv[b] P[iu[a], iv[b]] for one coordinate t; null stencil = the node itself. */
function tensor(
  points: Float64Array,
  nv: number,
  i: number,
  j: number,
  su: AxisStencil | null,
  sv: AxisStencil | null,
  t: number,
): number {
  const aw = su ? su.width : 1;
  const bw = sv ? sv.width : 1;
  let acc = 0;
  for (let a = 0; a < aw; a++) {
    const wa = su ? su.w[i * aw + a] : 1;
    if (wa === 0) continue;
    const ia = su ? su.idx[i * aw + a] : i;
    let inner = 0;
    for (let b = 0; b < bw; b++) {
      const wb = sv ? sv.w[j * bw + b] : 1;
      const jb = sv ? sv.idx[j * bw + b] : j;
      inner += wb * points[3 * (ia * nv + jb) + t];
    }
    acc += wa * inner;
  }
  return acc;
}

/** The jet of node (i, j) alone (the same stencils as {@link gridJets}). */
export function nodeJet(
  points: Float64Array,
  nv: number,
  st: GridStencils,
  i: number,
  j: number,
  out: Float64Array,
  o: number,
): void {
  for (let t = 0; t < 3; t++) {
    out[o + t] = points[3 * (i * nv + j) + t];
    out[o + 3 + t] = tensor(points, nv, i, j, st.u1, null, t);
    out[o + 6 + t] = tensor(points, nv, i, j, null, st.v1, t);
    out[o + 9 + t] = tensor(points, nv, i, j, st.u2, null, t);
    out[o + 12 + t] = tensor(points, nv, i, j, st.u1, st.v1, t);
    out[o + 15 + t] = tensor(points, nv, i, j, null, st.v2, t);
  }
}

/**
 * Four nodes and cubic Lagrange weights for fractional index x on an axis of n nodes: the
 * window is centred on x, shifted inside a non-periodic axis, wrapped on a periodic one.
 */
export function lagrangeWindow(
  x: number,
  n: number,
  periodic: boolean,
  idx: Int32Array,
  w: Float64Array,
): void {
  let base = Math.floor(x) - 1;
  if (!periodic) base = Math.min(Math.max(base, 0), n - 4);
  for (let k = 0; k < 4; k++) {
    let prod = 1;
    for (let m = 0; m < 4; m++) if (m !== k) prod *= (x - (base + m)) / (k - m);
    w[k] = prod;
    let j = base + k;
    if (periodic) j = ((j % n) + n) % n;
    idx[k] = j;
  }
}

/**
 * Tensor cubic interpolation of a node field with `stride` numbers per node at fractional
 * indices (x, y); writes `stride` numbers into out[o..].
 */
export function interpolateField(
  field: Float64Array,
  stride: number,
  nu: number,
  nv: number,
  periodicU: boolean,
  periodicV: boolean,
  x: number,
  y: number,
  out: Float64Array,
  o: number,
): void {
  const iu = new Int32Array(4);
  const wu = new Float64Array(4);
  const iv = new Int32Array(4);
  const wv = new Float64Array(4);
  lagrangeWindow(x, nu, periodicU, iu, wu);
  lagrangeWindow(y, nv, periodicV, iv, wv);
  for (let t = 0; t < stride; t++) out[o + t] = 0;
  for (let a = 0; a < 4; a++)
    for (let b = 0; b < 4; b++) {
      const c = wu[a] * wv[b];
      const s = stride * (iu[a] * nv + iv[b]);
      for (let t = 0; t < stride; t++) out[o + t] += c * field[s + t];
    }
}
