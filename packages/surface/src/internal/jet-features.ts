// Differential geometry of a surface patch from its second-order jet (do Carmo, "Differential
// Geometry of Curves and Surfaces", 2nd ed., §3-3 and §4-3): metric, second fundamental form,
// Christoffel symbols, Gaussian/mean/principal curvatures and R_1212.
//
// A jet is 18 numbers: r, r_u, r_v, r_uu, r_uv, r_vv (3 coordinates each).
// Unchecked kernel: the caller validates.

export const JET_POINT = 0;
export const JET_RU = 3;
export const JET_RV = 6;
export const JET_RUU = 9;
export const JET_RUV = 12;
export const JET_RVV = 15;
export const JET_LENGTH = 18;

// Feature record layout written by jetFeatures.
export const F_POINT = 0;
export const F_NORMAL = 3;
/** g11, g12, g22 */
export const F_METRIC = 6;
/** g^11, g^12, g^22 */
export const F_METRIC_INV = 9;
/** L, M, N (b11, b12, b22) */
export const F_SECOND = 12;
/** Γ^1_11, Γ^1_12, Γ^1_22, Γ^2_11, Γ^2_12, Γ^2_22 */
export const F_CHRISTOFFEL = 15;
export const F_K = 21;
export const F_H = 22;
export const F_K1 = 23;
export const F_K2 = 24;
export const F_D1 = 25;
export const F_D2 = 28;
export const F_R1212 = 31;
export const F_AREA = 32;
export const F_LENGTH = 33;

/**
 * The parametrization is treated as singular when |r_u × r_v| ≤ DEGENERATE_RATIO · max(|r_u|², |r_v|²):
 * an angle between r_u and r_v, or a ratio of their lengths, below 1e-8 (a pole, a fold, a
 * collapsed edge). Above it the features lose at most about half the digits of the jet.
 */
export const DEGENERATE_RATIO = 1e-8;

/**
 * Write the features of one jet (`jet[j0 .. j0+18)`) into `out[o0 .. o0+F_LENGTH)`.
 * Returns false, with everything but the point set to 0, when the metric is singular.
 */
export function jetFeatures(jet: Float64Array, j0: number, out: Float64Array, o0: number): boolean {
  return jetFeaturesAt(
    jet,
    j0,
    jet,
    j0 + 3,
    jet,
    j0 + 6,
    jet,
    j0 + 9,
    jet,
    j0 + 12,
    jet,
    j0 + 15,
    out,
    o0,
  );
}

/**
 * The same from six arrays (r, r_u, r_v, r_uu, r_uv, r_vv) with their own offsets, so the
 * grid path reads its derivative arrays in place.
 */
export function jetFeaturesAt(
  P: Float64Array,
  pO: number,
  RU: Float64Array,
  uO: number,
  RV: Float64Array,
  vO: number,
  RUU: Float64Array,
  uuO: number,
  RUV: Float64Array,
  uvO: number,
  RVV: Float64Array,
  vvO: number,
  out: Float64Array,
  o0: number,
): boolean {
  const px = P[pO];
  const py = P[pO + 1];
  const pz = P[pO + 2];
  const ux = RU[uO];
  const uy = RU[uO + 1];
  const uz = RU[uO + 2];
  const vx = RV[vO];
  const vy = RV[vO + 1];
  const vz = RV[vO + 2];
  const uux = RUU[uuO];
  const uuy = RUU[uuO + 1];
  const uuz = RUU[uuO + 2];
  const uvx = RUV[uvO];
  const uvy = RUV[uvO + 1];
  const uvz = RUV[uvO + 2];
  const vvx = RVV[vvO];
  const vvy = RVV[vvO + 1];
  const vvz = RVV[vvO + 2];
  out[o0] = px;
  out[o0 + 1] = py;
  out[o0 + 2] = pz;

  const g11 = ux * ux + uy * uy + uz * uz;
  const g12 = ux * vx + uy * vy + uz * vz;
  const g22 = vx * vx + vy * vy + vz * vz;
  // |r_u × r_v|² = det g, without the cancellation of g11 g22 − g12² at small angles
  const cx = uy * vz - uz * vy;
  const cy = uz * vx - ux * vz;
  const cz = ux * vy - uy * vx;
  const det = cx * cx + cy * cy + cz * cz;
  const mx = Math.max(g11, g22);
  if (!(det > DEGENERATE_RATIO * DEGENERATE_RATIO * mx * mx)) {
    for (let k = 3; k < F_LENGTH; k++) out[o0 + k] = 0;
    return false;
  }
  const area = Math.sqrt(det);
  const nx = cx / area;
  const ny = cy / area;
  const nz = cz / area;
  const i11 = g22 / det;
  const i12 = -g12 / det;
  const i22 = g11 / det;

  const L = uux * nx + uuy * ny + uuz * nz;
  const M = uvx * nx + uvy * ny + uvz * nz;
  const N = vvx * nx + vvy * ny + vvz * nz;

  // Christoffel symbols of the first kind Γ_{l,ij} = r_ij · r_l (equal to
  // ½(∂_i g_jl + ∂_j g_il − ∂_l g_ij)), then Γ^k_ij = g^{kl} Γ_{l,ij}.
  const a11u = uux * ux + uuy * uy + uuz * uz;
  const a12u = uvx * ux + uvy * uy + uvz * uz;
  const a22u = vvx * ux + vvy * uy + vvz * uz;
  const a11v = uux * vx + uuy * vy + uuz * vz;
  const a12v = uvx * vx + uvy * vy + uvz * vz;
  const a22v = vvx * vx + vvy * vy + vvz * vz;
  const G111 = i11 * a11u + i12 * a11v;
  const G112 = i11 * a12u + i12 * a12v;
  const G122 = i11 * a22u + i12 * a22v;
  const G211 = i12 * a11u + i22 * a11v;
  const G212 = i12 * a12u + i22 * a12v;
  const G222 = i12 * a22u + i22 * a22v;

  // R_1212 = g_{1κ}(∂_1Γ^κ_22 − ∂_2Γ^κ_12 + Γ^κ_1λΓ^λ_22 − Γ^κ_2λΓ^λ_12). With Γ^κ = g^{κl}Γ_l:
  // ∂_1Γ^κ_22 − ∂_2Γ^κ_12 = ∂_1g^{κl}Γ_{l,22} − ∂_2g^{κl}Γ_{l,12} + g^{κl}(∂_1Γ_{l,22} − ∂_2Γ_{l,12}),
  // and ∂_1Γ_{l,22} − ∂_2Γ_{l,12} = r_vv·r_lu − r_uv·r_lv: the third derivatives r_uvv cancel
  // identically, so the intrinsic curvature needs the jet to second order only.
  // ∂_a g^{-1} = −g^{-1}(∂_a g)g^{-1}, with ∂_a g_ij = r_ia·r_j + r_i·r_ja.
  const du11 = 2 * a11u; // ∂_u g11 = 2 r_uu·r_u
  const du12 = a11v + a12u; // ∂_u g12 = r_uu·r_v + r_u·r_uv
  const du22 = 2 * a12v; // ∂_u g22 = 2 r_uv·r_v
  const dv11 = 2 * a12u;
  const dv12 = a12v + a22u;
  const dv22 = 2 * a22v;
  // ∂_u g^{-1} = −g^{-1} D g^{-1} for D = ∂_u g (symmetric 2×2)
  const t11u = i11 * du11 + i12 * du12;
  const t12u = i11 * du12 + i12 * du22;
  const t21u = i12 * du11 + i22 * du12;
  const t22u = i12 * du12 + i22 * du22;
  const du_i11 = -(t11u * i11 + t12u * i12);
  const du_i12 = -(t11u * i12 + t12u * i22);
  const du_i21 = -(t21u * i11 + t22u * i12);
  const du_i22 = -(t21u * i12 + t22u * i22);
  const t11v = i11 * dv11 + i12 * dv12;
  const t12v = i11 * dv12 + i12 * dv22;
  const t21v = i12 * dv11 + i22 * dv12;
  const t22v = i12 * dv12 + i22 * dv22;
  const dv_i11 = -(t11v * i11 + t12v * i12);
  const dv_i12 = -(t11v * i12 + t12v * i22);
  const dv_i21 = -(t21v * i11 + t22v * i12);
  const dv_i22 = -(t21v * i12 + t22v * i22);
  // e_l = ∂_1Γ_{l,22} − ∂_2Γ_{l,12} = r_vv·r_lu − r_uv·r_lv: r_vv·r_uu − r_uv·r_uv for l = u, 0 for l = v
  const eU = vvx * uux + vvy * uuy + vvz * uuz - (uvx * uvx + uvy * uvy + uvz * uvz);
  const dG1 = du_i11 * a22u + du_i12 * a22v - (dv_i11 * a12u + dv_i12 * a12v) + i11 * eU;
  const dG2 = du_i21 * a22u + du_i22 * a22v - (dv_i21 * a12u + dv_i22 * a12v) + i12 * eU;
  const q1 = G111 * G122 + G112 * G222 - (G112 * G112 + G122 * G212);
  const q2 = G211 * G122 + G212 * G222 - (G212 * G112 + G222 * G212);
  const R1212 = g11 * (dG1 + q1) + g12 * (dG2 + q2);

  // Shape operator in the orthonormal tangent frame e1 = r_u/|r_u|, e2 = n × e1: with
  // [r_u r_v] = [e1 e2] T, T = [[a, b], [0, c]], it is S = T^{-T} II T^{-1} (symmetric).
  const a = Math.sqrt(g11);
  const e1x = ux / a;
  const e1y = uy / a;
  const e1z = uz / a;
  const e2x = ny * e1z - nz * e1y;
  const e2y = nz * e1x - nx * e1z;
  const e2z = nx * e1y - ny * e1x;
  const b = g12 / a;
  const c = area / a;
  // T^{-1} = [[1/a, −b/(ac)], [0, 1/c]]
  const ti11 = 1 / a;
  const ti12 = -b / (a * c);
  const ti22 = 1 / c;
  const s11 = ti11 * ti11 * L;
  const s12 = ti11 * (ti12 * L + ti22 * M);
  const s22 = ti12 * ti12 * L + 2 * ti12 * ti22 * M + ti22 * ti22 * N;
  const hm = 0.5 * (s11 + s22);
  const hd = 0.5 * (s11 - s22);
  const rad = Math.sqrt(hd * hd + s12 * s12);
  const k1 = hm + rad;
  const k2 = hm - rad;
  const K = s11 * s22 - s12 * s12;
  // eigenvector of κ₁: (hd + rad, s12) or (s12, rad − hd), whichever is longer (no
  // cancellation); at an umbilic (rad = 0) any direction is principal and e1 is taken
  let ca = 1;
  let sa = 0;
  if (rad > 0) {
    let x = hd + rad;
    let y = s12;
    if (hd < 0) {
      x = s12;
      y = rad - hd;
    }
    const l = Math.sqrt(x * x + y * y);
    ca = x / l;
    sa = y / l;
  }
  const d1x = ca * e1x + sa * e2x;
  const d1y = ca * e1y + sa * e2y;
  const d1z = ca * e1z + sa * e2z;

  out[o0 + F_NORMAL] = nx;
  out[o0 + F_NORMAL + 1] = ny;
  out[o0 + F_NORMAL + 2] = nz;
  out[o0 + F_METRIC] = g11;
  out[o0 + F_METRIC + 1] = g12;
  out[o0 + F_METRIC + 2] = g22;
  out[o0 + F_METRIC_INV] = i11;
  out[o0 + F_METRIC_INV + 1] = i12;
  out[o0 + F_METRIC_INV + 2] = i22;
  out[o0 + F_SECOND] = L;
  out[o0 + F_SECOND + 1] = M;
  out[o0 + F_SECOND + 2] = N;
  out[o0 + F_CHRISTOFFEL] = G111;
  out[o0 + F_CHRISTOFFEL + 1] = G112;
  out[o0 + F_CHRISTOFFEL + 2] = G122;
  out[o0 + F_CHRISTOFFEL + 3] = G211;
  out[o0 + F_CHRISTOFFEL + 4] = G212;
  out[o0 + F_CHRISTOFFEL + 5] = G222;
  out[o0 + F_K] = K;
  out[o0 + F_H] = hm;
  out[o0 + F_K1] = k1;
  out[o0 + F_K2] = k2;
  out[o0 + F_D1] = d1x;
  out[o0 + F_D1 + 1] = d1y;
  out[o0 + F_D1 + 2] = d1z;
  // d2 = n × d1 keeps (d1, d2, n) right-handed
  out[o0 + F_D2] = ny * d1z - nz * d1y;
  out[o0 + F_D2 + 1] = nz * d1x - nx * d1z;
  out[o0 + F_D2 + 2] = nx * d1y - ny * d1x;
  out[o0 + F_R1212] = R1212;
  out[o0 + F_AREA] = area;
  return true;
}

/**
 * Christoffel symbols Γ^k_ij only (6 numbers: Γ^1_11, Γ^1_12, Γ^1_22, Γ^2_11, Γ^2_12, Γ^2_22),
 * for the geodesic equation. Returns false when the metric is singular.
 */
export function jetChristoffel(jet: Float64Array, j0: number, out: Float64Array): boolean {
  const ux = jet[j0 + 3];
  const uy = jet[j0 + 4];
  const uz = jet[j0 + 5];
  const vx = jet[j0 + 6];
  const vy = jet[j0 + 7];
  const vz = jet[j0 + 8];
  const g11 = ux * ux + uy * uy + uz * uz;
  const g12 = ux * vx + uy * vy + uz * vz;
  const g22 = vx * vx + vy * vy + vz * vz;
  const cx = uy * vz - uz * vy;
  const cy = uz * vx - ux * vz;
  const cz = ux * vy - uy * vx;
  const det = cx * cx + cy * cy + cz * cz;
  const mx = Math.max(g11, g22);
  if (!(det > DEGENERATE_RATIO * DEGENERATE_RATIO * mx * mx)) return false;
  const i11 = g22 / det;
  const i12 = -g12 / det;
  const i22 = g11 / det;
  const uux = jet[j0 + 9];
  const uuy = jet[j0 + 10];
  const uuz = jet[j0 + 11];
  const uvx = jet[j0 + 12];
  const uvy = jet[j0 + 13];
  const uvz = jet[j0 + 14];
  const vvx = jet[j0 + 15];
  const vvy = jet[j0 + 16];
  const vvz = jet[j0 + 17];
  const a11u = uux * ux + uuy * uy + uuz * uz;
  const a12u = uvx * ux + uvy * uy + uvz * uz;
  const a22u = vvx * ux + vvy * uy + vvz * uz;
  const a11v = uux * vx + uuy * vy + uuz * vz;
  const a12v = uvx * vx + uvy * vy + uvz * vz;
  const a22v = vvx * vx + vvy * vy + vvz * vz;
  out[0] = i11 * a11u + i12 * a11v;
  out[1] = i11 * a12u + i12 * a12v;
  out[2] = i11 * a22u + i12 * a22v;
  out[3] = i12 * a11u + i22 * a11v;
  out[4] = i12 * a12u + i22 * a12v;
  out[5] = i12 * a22u + i22 * a22v;
  return true;
}

/** g11, g12, g22 of a jet into out[0..3). */
export function jetMetric(jet: Float64Array, j0: number, out: Float64Array): void {
  const ux = jet[j0 + 3];
  const uy = jet[j0 + 4];
  const uz = jet[j0 + 5];
  const vx = jet[j0 + 6];
  const vy = jet[j0 + 7];
  const vz = jet[j0 + 8];
  out[0] = ux * ux + uy * uy + uz * uz;
  out[1] = ux * vx + uy * vy + uz * vz;
  out[2] = vx * vx + vy * vy + vz * vz;
}
