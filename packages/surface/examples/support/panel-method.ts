// Two-dimensional source + vortex panel method (Hess & Smith 1967; Moran, "An Introduction to
// Theoretical and Computational Aerodynamics", 1984, §4.7): the synthetic pressure target of
// the gallery's regression example. Not part of the package's API.
import { matrix, solve } from '@rg/linalg';

/** Pressure coefficients of a closed section at angle of attack alpha (radians). */
export interface PanelSolution {
  /** Cp at the panel midpoints (panel k joins node k to node k+1, cyclically) */
  cpPanels: Float64Array;
  /** Cp at the nodes: the mean of the two adjacent panels */
  cpNodes: Float64Array;
  /** lift coefficient from integrating −Cp n over the contour, per unit chord */
  cl: number;
  /** lift coefficient from the circulation, 2Γ/(V∞ c) (Kutta–Joukowski) */
  clCirculation: number;
}

/**
 * Hess–Smith panel method: constant-strength sources per panel and one vortex strength shared
 * by all panels, flow tangency at the panel midpoints and the Kutta condition (equal tangential
 * speeds on the two trailing-edge panels). Nodes run clockwise from the trailing edge along
 * the lower surface (the order of `naca4`); the contour is closed from the last node back to
 * the first. Incompressible and inviscid.
 */
export function panelMethod(
  x: ArrayLike<number>,
  z: ArrayLike<number>,
  alpha: number,
): PanelSolution {
  const n = x.length;
  const xm = new Float64Array(n);
  const zm = new Float64Array(n);
  const th = new Float64Array(n);
  const len = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const j1 = (j + 1) % n;
    xm[j] = 0.5 * (x[j] + x[j1]);
    zm[j] = 0.5 * (z[j] + z[j1]);
    th[j] = Math.atan2(z[j1] - z[j], x[j1] - x[j]);
    len[j] = Math.hypot(x[j1] - x[j], z[j1] - z[j]);
  }
  // influence of panel j on midpoint i: normal and tangential velocity per unit source
  // strength (sn, st) and per unit vortex strength (vn, vt)
  const sn = new Float64Array(n * n);
  const st = new Float64Array(n * n);
  const vn = new Float64Array(n * n);
  const vt = new Float64Array(n * n);
  const k2pi = 1 / (2 * Math.PI);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const j1 = (j + 1) % n;
      let lnr = 0;
      let beta = Math.PI;
      if (i !== j) {
        const ax = xm[i] - x[j];
        const az = zm[i] - z[j];
        const bx = xm[i] - x[j1];
        const bz = zm[i] - z[j1];
        lnr = Math.log(Math.hypot(bx, bz) / Math.hypot(ax, az));
        beta = Math.atan2(bz * ax - bx * az, bx * ax + bz * az);
      }
      const s = Math.sin(th[i] - th[j]);
      const c = Math.cos(th[i] - th[j]);
      sn[i * n + j] = k2pi * (s * lnr + c * beta);
      st[i * n + j] = k2pi * (s * beta - c * lnr);
      vn[i * n + j] = k2pi * (c * lnr - s * beta);
      vt[i * n + j] = k2pi * (s * lnr + c * beta);
    }
  const m = n + 1;
  const A = new Float64Array(m * m);
  const b = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    let sumV = 0;
    for (let j = 0; j < n; j++) {
      A[i * m + j] = sn[i * n + j];
      sumV += vn[i * n + j];
    }
    A[i * m + n] = sumV;
    b[i] = Math.sin(th[i] - alpha);
  }
  // Kutta: Vt on the first panel + Vt on the last = 0 (they point in opposite directions)
  let sumV = 0;
  for (let j = 0; j < n; j++) {
    A[n * m + j] = st[j] + st[(n - 1) * n + j];
    sumV += vt[j] + vt[(n - 1) * n + j];
  }
  A[n * m + n] = sumV;
  b[n] = -Math.cos(th[0] - alpha) - Math.cos(th[n - 1] - alpha);
  const sol = solve(matrix(m, m, A), matrix(m, 1, b)).data;
  const gamma = sol[n];
  const cpPanels = new Float64Array(n);
  let fx = 0;
  let fz = 0;
  let perimeter = 0;
  for (let i = 0; i < n; i++) {
    let v = Math.cos(th[i] - alpha);
    for (let j = 0; j < n; j++) v += sol[j] * st[i * n + j] + gamma * vt[i * n + j];
    cpPanels[i] = 1 - v * v;
    // outward normal of a clockwise contour: the tangent turned by +90°
    const nx = -Math.sin(th[i]);
    const nz = Math.cos(th[i]);
    fx -= cpPanels[i] * nx * len[i];
    fz -= cpPanels[i] * nz * len[i];
    perimeter += len[i];
  }
  let xmin = Number.POSITIVE_INFINITY;
  let xmax = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    xmin = Math.min(xmin, x[k]);
    xmax = Math.max(xmax, x[k]);
  }
  const chord = xmax - xmin;
  const cpNodes = new Float64Array(n);
  for (let k = 0; k < n; k++) cpNodes[k] = 0.5 * (cpPanels[k] + cpPanels[(k + n - 1) % n]);
  return {
    cpPanels,
    cpNodes,
    cl: (fz * Math.cos(alpha) - fx * Math.sin(alpha)) / chord,
    clCirculation: (2 * gamma * perimeter) / chord,
  };
}
