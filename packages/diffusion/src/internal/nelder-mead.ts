// Derivative-free minimization of a few hyper-parameters by the Nelder–Mead simplex method
// with the standard coefficients (Nelder & Mead, Computer Journal 7, 1965; Lagarias et al.,
// SIAM J. Optim. 9, 1998). Unchecked.

/** Minimize f from x0 with initial steps `step`; stops when the simplex's values agree to tol. */
export function nelderMead(
  f: (x: Float64Array) => number,
  x0: Float64Array,
  step: number,
  maxEval: number,
  tol: number,
): { x: Float64Array; value: number; evaluations: number } {
  const n = x0.length;
  const pts: Float64Array[] = [];
  const vals: number[] = [];
  let evaluations = 0;
  const evalAt = (x: Float64Array) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  for (let i = 0; i <= n; i++) {
    const p = x0.slice();
    if (i > 0) p[i - 1] += step;
    pts.push(p);
    vals.push(evalAt(p));
  }
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Float64Array(n);
  const trial = (base: Float64Array, dir: Float64Array, coef: number) => {
    const out = new Float64Array(n);
    for (let c = 0; c < n; c++) out[c] = base[c] + coef * (dir[c] - base[c]);
    return out;
  };
  while (evaluations < maxEval) {
    order.sort((a, b) => vals[a] - vals[b]);
    const best = order[0];
    const worst = order[n];
    const second = order[n - 1];
    if (Math.abs(vals[worst] - vals[best]) <= tol * (Math.abs(vals[best]) + tol)) break;
    centroid.fill(0);
    for (let q = 0; q < n; q++) for (let c = 0; c < n; c++) centroid[c] += pts[order[q]][c] / n;
    const xr = trial(centroid, pts[worst], -1);
    const fr = evalAt(xr);
    if (fr < vals[best]) {
      const xe = trial(centroid, pts[worst], -2);
      const fe = evalAt(xe);
      if (fe < fr) {
        pts[worst] = xe;
        vals[worst] = fe;
      } else {
        pts[worst] = xr;
        vals[worst] = fr;
      }
    } else if (fr < vals[second]) {
      pts[worst] = xr;
      vals[worst] = fr;
    } else {
      const outside = fr < vals[worst];
      const xc = trial(centroid, outside ? xr : pts[worst], 0.5);
      const fc = evalAt(xc);
      if (fc < (outside ? fr : vals[worst])) {
        pts[worst] = xc;
        vals[worst] = fc;
      } else {
        // shrink towards the best point
        for (let q = 1; q <= n; q++) {
          const i = order[q];
          pts[i] = trial(pts[best], pts[i], 0.5);
          vals[i] = evalAt(pts[i]);
        }
      }
    }
  }
  let b = 0;
  for (let i = 1; i <= n; i++) if (vals[i] < vals[b]) b = i;
  return { x: pts[b], value: vals[b], evaluations };
}
