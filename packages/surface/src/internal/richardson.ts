// Second-order jet of r(u, v) by central differences with two Richardson extrapolation steps
// (Richardson 1911; Fornberg & Flyer, "A Primer on Radial Basis Functions", §1.2 for the
// tableau): D(h), D(h/2), D(h/4) are second-order central differences whose errors are even
// in h, and (64 D(h/4) − 20 D(h/2) + D(h)) / 45 cancels the h² and h⁴ terms (order 6).
// Unchecked kernel: the caller checks the result for finiteness.

/** A position function r(u, v) → [x, y, z]. */
export type PositionFunction = (u: number, v: number) => ArrayLike<number>;

/** Weights of D(h), D(h/2), D(h/4) in the extrapolated value. */
const WEIGHTS = [1 / 45, -20 / 45, 64 / 45];

/** Richardson combination of D(h), D(h/2), D(h/4). */
function rich(d1: number, d2: number, d4: number): number {
  return (64 * d4 - 20 * d2 + d1) / 45;
}

/**
 * Write r, r_u, r_v (and, when `second`, r_uu, r_uv, r_vv) at (u, v) into out[o0 .. o0+18).
 * h1 is the largest step of the first derivatives, h2 of the second ones.
 */
export function richardsonJet(
  r: PositionFunction,
  u: number,
  v: number,
  h1: number,
  h2: number,
  out: Float64Array,
  o0: number,
  second = true,
): void {
  const c = r(u, v);
  for (let t = 0; t < 3; t++) out[o0 + t] = c[t];
  const du = [0, 0, 0];
  const dv = [0, 0, 0];
  const duu = [0, 0, 0];
  const dvv = [0, 0, 0];
  const duv = [0, 0, 0];
  for (let level = 0; level < 3; level++) {
    const s = h1 / 2 ** level;
    const up = r(u + s, v);
    const um = r(u - s, v);
    const vp = r(u, v + s);
    const vm = r(u, v - s);
    const wgt = WEIGHTS[level];
    for (let t = 0; t < 3; t++) {
      du[t] += (wgt * (up[t] - um[t])) / (2 * s);
      dv[t] += (wgt * (vp[t] - vm[t])) / (2 * s);
    }
  }
  for (let t = 0; t < 3; t++) {
    out[o0 + 3 + t] = du[t];
    out[o0 + 6 + t] = dv[t];
  }
  if (!second) {
    for (let t = 9; t < 18; t++) out[o0 + t] = 0;
    return;
  }
  for (let level = 0; level < 3; level++) {
    const s = h2 / 2 ** level;
    const up = r(u + s, v);
    const um = r(u - s, v);
    const vp = r(u, v + s);
    const vm = r(u, v - s);
    const pp = r(u + s, v + s);
    const pm = r(u + s, v - s);
    const mp = r(u - s, v + s);
    const mm = r(u - s, v - s);
    const wgt = WEIGHTS[level];
    const s2 = s * s;
    for (let t = 0; t < 3; t++) {
      duu[t] += (wgt * (up[t] - 2 * c[t] + um[t])) / s2;
      dvv[t] += (wgt * (vp[t] - 2 * c[t] + vm[t])) / s2;
      duv[t] += (wgt * (pp[t] - pm[t] - mp[t] + mm[t])) / (4 * s2);
    }
  }
  for (let t = 0; t < 3; t++) {
    out[o0 + 9 + t] = duu[t];
    out[o0 + 12 + t] = duv[t];
    out[o0 + 15 + t] = dvv[t];
  }
}

/**
 * First derivatives of a vector function f(u, v) (length `dim`) by the same Richardson scheme:
 * writes ∂_u f into du and ∂_v f into dv.
 */
export function richardsonGradient(
  f: (u: number, v: number) => ArrayLike<number>,
  u: number,
  v: number,
  h: number,
  dim: number,
  du: Float64Array,
  dv: Float64Array,
): void {
  const a = [new Float64Array(dim), new Float64Array(dim), new Float64Array(dim)];
  const b = [new Float64Array(dim), new Float64Array(dim), new Float64Array(dim)];
  for (let level = 0; level < 3; level++) {
    const s = h / 2 ** level;
    const up = f(u + s, v);
    const um = f(u - s, v);
    const vp = f(u, v + s);
    const vm = f(u, v - s);
    for (let t = 0; t < dim; t++) {
      a[level][t] = (up[t] - um[t]) / (2 * s);
      b[level][t] = (vp[t] - vm[t]) / (2 * s);
    }
  }
  for (let t = 0; t < dim; t++) {
    du[t] = rich(a[0][t], a[1][t], a[2][t]);
    dv[t] = rich(b[0][t], b[1][t], b[2][t]);
  }
}
