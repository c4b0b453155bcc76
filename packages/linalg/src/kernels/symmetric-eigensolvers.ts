// Symmetric eigensolver kernels: Householder tridiagonalization, implicit QL with
// Wilkinson-type shifts, and cyclic Jacobi (Golub & Van Loan, Matrix Computations, 4th ed., §8.3–8.5).
// Internal layer: these trust their inputs (square, symmetric, finite) and work in place on
// scratch buffers. Eigenvectors are kept TRANSPOSED (row i = eigenvector i) so that every
// plane rotation touches two contiguous rows instead of two strided columns.

const EPS = 2.220446049250313e-16;
/** The smallest positive normal float64 (2^-1022). */
const MIN_NORMAL = 2.2250738585072014e-308;
/**
 * Couplings below sqrt(smallest normal) ≈ 1.5e-154 (inputs are pre-scaled to max ≈ 1) are
 * dropped: they move eigenvalues by far less than ε‖T‖, and keeping them drives the shift
 * and rotation arithmetic into subnormals (LAPACK's dsteqr deflates at the same level).
 */
export const SQRT_SAFMIN = 1.4916681462400413e-154;

/**
 * A power of two near maxAbs whose reciprocal is finite too (exponent clamped to ±1020), so
 * scaling by it is exact and keeps squares of the scaled entries representable.
 */
export function powerOfTwoScale(maxAbs: number): number {
  if (maxAbs === 0 || maxAbs - maxAbs !== 0) return 1;
  return 2 ** Math.min(1020, Math.max(-1020, Math.round(Math.log2(maxAbs))));
}

/** sqrt(a² + b²): Math.hypot is several times slower in V8; fall back to it only near under/overflow. */
export function pythag(a: number, b: number): number {
  const r = Math.sqrt(a * a + b * b);
  return r > 1e-150 && r < 1e150 ? r : Math.hypot(a, b);
}

/**
 * Reduce the symmetric n×n matrix `a` (row-major, lower triangle read, overwritten) to
 * tridiagonal form T = Qᵀ A Q. Writes the diagonal into `d`, the sub-diagonal into `e` (e[i]
 * couples i and i+1, e[n-1] = 0), the Householder vector of step k into row k of `a` (columns
 * k+1..n−1, H_k = I − β_k v vᵀ) with β_k in work[2n + k], and, when `qt` is given, Qᵀ into `qt`
 * (row-major n×n). `work` holds 3n doubles.
 *
 * Each step makes one pass over the trailing lower triangle that both applies the previous
 * step's rank-2 update A −= v wᵀ + w vᵀ and accumulates p = A v for the new reflector (a dot
 * for p_i and an axpy into p_j, j < i, from the same row). Sums run in two lanes (even and odd
 * offsets from the loop start, added at the end): the TypeScript twin of the WebAssembly
 * kernel in assembly/tridiagonal.ts, which rounds identically.
 */
export function tridiagonalize(
  n: number,
  a: Float64Array,
  d: Float64Array,
  e: Float64Array,
  qt: Float64Array | null,
  work: Float64Array,
): void {
  // p (the new product) and wp (the pending w) trade places after every step.
  let p = 0;
  let wp = n;
  const bo = 2 * n;
  for (let k = 0; k < n - 2; k++) {
    const rk = k * n;
    const pending = k > 0;
    const vp = rk - n; // v of step k−1: row k−1, columns ≥ k
    if (pending) {
      const vpk = a[vp + k];
      const wpk = work[wp + k];
      for (let i = k; i < n; i++) a[i * n + k] -= a[vp + i] * wpk + work[wp + i] * vpk;
    }
    // Column k below the diagonal into row k (the upper triangle is never read).
    for (let j = k + 1; j < n; j++) a[rk + j] = a[j * n + k];
    d[k] = a[rk + k];
    let scale = 0;
    for (let j = k + 1; j < n; j++) scale += Math.abs(a[rk + j]);
    let beta = 0;
    if (scale === 0) {
      e[k] = 0;
    } else {
      let s0 = 0;
      let s1 = 0;
      let j = k + 1;
      for (; j + 1 < n; j += 2) {
        const x0 = a[rk + j] / scale;
        const x1 = a[rk + j + 1] / scale;
        a[rk + j] = x0;
        a[rk + j + 1] = x1;
        s0 += x0 * x0;
        s1 += x1 * x1;
      }
      let sigma = s0 + s1;
      if (j < n) {
        const x = a[rk + j] / scale;
        a[rk + j] = x;
        sigma += x * x;
      }
      const x0 = a[rk + k + 1];
      const alpha = x0 >= 0 ? -Math.sqrt(sigma) : Math.sqrt(sigma);
      // v = x − αe₁, β = 1/(σ − αx₀) so that H = I − βvvᵀ maps x to αe₁.
      a[rk + k + 1] = x0 - alpha;
      beta = 1 / (sigma - alpha * x0);
      e[k] = alpha * scale;
    }
    work[bo + k] = beta;
    for (let j = k + 1; j < n; j++) work[p + j] = 0;
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const vi = a[rk + i];
      let s0 = 0;
      let s1 = 0;
      let j = k + 1;
      if (pending) {
        const vpi = a[vp + i];
        const wpi = work[wp + i];
        for (; j + 1 < i; j += 2) {
          const x0 = a[ri + j] - (vpi * work[wp + j] + wpi * a[vp + j]);
          const x1 = a[ri + j + 1] - (vpi * work[wp + j + 1] + wpi * a[vp + j + 1]);
          a[ri + j] = x0;
          a[ri + j + 1] = x1;
          s0 += x0 * a[rk + j];
          s1 += x1 * a[rk + j + 1];
          work[p + j] += x0 * vi;
          work[p + j + 1] += x1 * vi;
        }
        let s = s0 + s1;
        for (; j < i; j++) {
          const x = a[ri + j] - (vpi * work[wp + j] + wpi * a[vp + j]);
          a[ri + j] = x;
          s += x * a[rk + j];
          work[p + j] += x * vi;
        }
        const x = a[ri + i] - (vpi * work[wp + i] + wpi * a[vp + i]);
        a[ri + i] = x;
        work[p + i] += s + x * vi;
      } else {
        for (; j + 1 < i; j += 2) {
          const x0 = a[ri + j];
          const x1 = a[ri + j + 1];
          s0 += x0 * a[rk + j];
          s1 += x1 * a[rk + j + 1];
          work[p + j] += x0 * vi;
          work[p + j + 1] += x1 * vi;
        }
        let s = s0 + s1;
        for (; j < i; j++) {
          const x = a[ri + j];
          s += x * a[rk + j];
          work[p + j] += x * vi;
        }
        work[p + i] += s + a[ri + i] * vi;
      }
    }
    // w = βp − (β²pᵀv/2) v becomes the pending update of the next step.
    let s0 = 0;
    let s1 = 0;
    let j = k + 1;
    for (; j + 1 < n; j += 2) {
      const x0 = work[p + j] * beta;
      const x1 = work[p + j + 1] * beta;
      work[p + j] = x0;
      work[p + j + 1] = x1;
      s0 += x0 * a[rk + j];
      s1 += x1 * a[rk + j + 1];
    }
    let pv = s0 + s1;
    if (j < n) {
      const x = work[p + j] * beta;
      work[p + j] = x;
      pv += x * a[rk + j];
    }
    const half = 0.5 * beta * pv;
    for (let i = k + 1; i < n; i++) work[p + i] -= half * a[rk + i];
    const t = wp;
    wp = p;
    p = t;
  }
  if (n >= 2) {
    const r0 = (n - 2) * n;
    const r1 = r0 + n;
    if (n >= 3) {
      const vp = r0 - n;
      const v0 = a[vp + n - 2];
      const v1 = a[vp + n - 1];
      const w0 = work[wp + n - 2];
      const w1 = work[wp + n - 1];
      a[r0 + n - 2] -= v0 * w0 + w0 * v0;
      a[r1 + n - 2] -= v1 * w0 + w1 * v0;
      a[r1 + n - 1] -= v1 * w1 + w1 * v1;
    }
    d[n - 2] = a[r0 + n - 2];
    e[n - 2] = a[r1 + n - 2];
    work[bo + n - 2] = 0;
  }
  if (n >= 1) {
    d[n - 1] = a[n * n - 1];
    e[n - 1] = 0;
  }
  if (qt) formQt(n, a, work.subarray(bo, bo + n), qt);
}

/**
 * Qᵀ = H_{n-3} ··· H_0 from the reflectors in the rows of `a` (after {@link tridiagonalize}),
 * built by right multiplication from the last reflector so that only the trailing block
 * M[k+1:, k+1:] is ever non-trivial. Two reflectors per pass (H_k then H_{k−1}): both dot
 * products come from the same row (x·v₂ after H_k is x·v₂ − β₁(x·v₁)(v₁·v₂)), halving the
 * passes over the trailing block. Sums in two lanes, as the WebAssembly twin.
 */
function formQt(n: number, a: Float64Array, betas: Float64Array, qt: Float64Array): void {
  qt.fill(0, 0, n * n);
  for (let i = 0; i < n; i++) qt[i * n + i] = 1;
  let k = n - 3;
  for (; k >= 1; k -= 2) {
    const b1 = betas[k];
    const b2 = betas[k - 1];
    const r1 = k * n; // v1 = row k, columns k+1..n-1
    const r2 = (k - 1) * n; // v2 = row k−1, columns k..n-1
    let s0 = 0;
    let s1 = 0;
    let j = k + 1;
    for (; j + 1 < n; j += 2) {
      s0 += a[r1 + j] * a[r2 + j];
      s1 += a[r1 + j + 1] * a[r2 + j + 1];
    }
    let v12 = s0 + s1;
    if (j < n) v12 += a[r1 + j] * a[r2 + j];
    // rows k+1..n-1: entries live in columns k+1..n-1 (column k is still 0 there)
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      let d10 = 0;
      let d11 = 0;
      let d20 = 0;
      let d21 = 0;
      j = k + 1;
      for (; j + 1 < n; j += 2) {
        const x0 = qt[ri + j];
        const x1 = qt[ri + j + 1];
        d10 += x0 * a[r1 + j];
        d11 += x1 * a[r1 + j + 1];
        d20 += x0 * a[r2 + j];
        d21 += x1 * a[r2 + j + 1];
      }
      let d1 = d10 + d11;
      let d2 = d20 + d21;
      if (j < n) {
        const x = qt[ri + j];
        d1 += x * a[r1 + j];
        d2 += x * a[r2 + j];
      }
      const s1 = b1 * d1;
      const s2 = b2 * (d2 - s1 * v12);
      qt[ri + k] -= s2 * a[r2 + k];
      for (j = k + 1; j < n; j++) qt[ri + j] -= s1 * a[r1 + j] + s2 * a[r2 + j];
    }
    // row k is still e_k: only H_{k−1} touches it
    if (b2 !== 0) {
      const s2 = b2 * a[r2 + k];
      const rk = k * n;
      for (j = k; j < n; j++) qt[rk + j] -= s2 * a[r2 + j];
    }
  }
  if (k === 0 && betas[0] !== 0) {
    const beta = betas[0];
    for (let i = 1; i < n; i++) {
      const ri = i * n;
      let s0 = 0;
      let s1 = 0;
      let j = 1;
      for (; j + 1 < n; j += 2) {
        s0 += qt[ri + j] * a[j];
        s1 += qt[ri + j + 1] * a[j + 1];
      }
      let s = s0 + s1;
      if (j < n) s += qt[ri + j] * a[j];
      s *= beta;
      for (j = 1; j < n; j++) qt[ri + j] -= s * a[j];
    }
  }
}

/**
 * Implicit QL on the symmetric tridiagonal (d, e) (e[i] couples i and i+1). On return `d`
 * holds the eigenvalues (unsorted) and the rows of `zt` (when given, row-major with `nz`
 * columns) have been rotated accordingly. Returns false if some eigenvalue needed more than
 * `maxSweeps` QL steps.
 */
export function tridiagonalQL(
  n: number,
  d: Float64Array,
  e: Float64Array,
  zt: Float64Array | null,
  nz: number,
  maxSweeps = 60,
): boolean {
  e[n - 1] = 0;
  let ok = true;
  const rc = new Float64Array(n);
  const rs = new Float64Array(n);
  for (let l = 0; l < n; l++) {
    let iter = 0;
    for (;;) {
      // Relative deflation test (LAPACK's dsteqr: e_m² ≤ ε²·|d_m|·|d_m+1|) keeps the small
      // eigenvalues of graded matrices accurate: against |d_m| + |d_m+1| instead, the coupling of
      // [[1, 1e-33], [1e-33, 2e-66]] deflates and λ_min comes out as 2e-66 for 1e-66.
      let m = l;
      for (; m < n - 1; m++) {
        const em = Math.abs(e[m]);
        if (
          em <= EPS * Math.sqrt(Math.abs(d[m])) * Math.sqrt(Math.abs(d[m + 1])) ||
          em <= SQRT_SAFMIN
        )
          break;
      }
      if (m === l) break;
      if (iter++ === maxSweeps) {
        ok = false;
        break;
      }
      // Wilkinson-type shift from the leading 2×2 of the unreduced block.
      let g = (d[l + 1] - d[l]) / (2 * e[l]);
      let r = Math.sqrt(g * g + 1);
      if (r === Number.POSITIVE_INFINITY) r = Math.abs(g);
      g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let p = 0;
      let i = m - 1;
      let underflow = false;
      for (; i >= l; i--) {
        const f = s * e[i];
        const b = c * e[i];
        r = pythag(f, g);
        e[i + 1] = r;
        if (r === 0) {
          d[i + 1] -= p;
          e[m] = 0;
          underflow = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1] - p;
        r = (d[i] - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        rc[i] = c;
        rs[i] = s;
      }
      // Rotations m-1 .. i+1 were generated (i = l − 1 after a full sweep).
      if (zt) applyRotations(zt, nz, rc, rs, m - 1, i + 1);
      if (underflow) continue;
      d[l] -= p;
      e[l] = g;
      e[m] = 0;
    }
  }
  return ok;
}

/**
 * Apply the QL sweep's rotations hi, hi−1, …, lo (rotation i mixes rows i and i+1 of zt:
 * z_{i+1} ← s z_i + c z_{i+1}, z_i ← c z_i − s z_{i+1}) two at a time, so each pass over a
 * row triple does two rotations with three loads and three stores instead of four and four.
 */
function applyRotations(
  zt: Float64Array,
  nz: number,
  rc: Float64Array,
  rs: Float64Array,
  hi: number,
  lo: number,
): void {
  let i = hi;
  for (; i - 1 >= lo; i -= 2) {
    const c1 = rc[i];
    const s1 = rs[i];
    const c2 = rc[i - 1];
    const s2 = rs[i - 1];
    const r0 = (i - 1) * nz;
    const r1 = r0 + nz;
    const r2 = r1 + nz;
    for (let k = 0; k < nz; k++) {
      const z2 = zt[r2 + k];
      const z1 = zt[r1 + k];
      const z0 = zt[r0 + k];
      zt[r2 + k] = s1 * z1 + c1 * z2;
      const t = c1 * z1 - s1 * z2;
      zt[r1 + k] = s2 * z0 + c2 * t;
      zt[r0 + k] = c2 * z0 - s2 * t;
    }
  }
  if (i === lo) {
    const c = rc[i];
    const s = rs[i];
    const r0 = i * nz;
    const r1 = r0 + nz;
    for (let k = 0; k < nz; k++) {
      const z1 = zt[r1 + k];
      const z0 = zt[r0 + k];
      zt[r1 + k] = s * z0 + c * z1;
      zt[r0 + k] = c * z0 - s * z1;
    }
  }
}

/**
 * Cyclic Jacobi on the symmetric n×n matrix `a` (row-major, both triangles, overwritten).
 * Writes eigenvalues (unsorted) into `d` and eigenvectors as rows of `vt`. Rotations are
 * skipped when |a_pq| ≤ ε·sqrt(|a_pp a_qq|) (Demmel & Veselić 1992), which gives high relative
 * accuracy for well-scaled SPD matrices. Returns false if `maxSweeps` sweeps did not suffice.
 */
export function jacobiEigen(
  n: number,
  a: Float64Array,
  d: Float64Array,
  vt: Float64Array | null,
  maxSweeps = 40,
): boolean {
  if (vt) {
    vt.fill(0);
    for (let i = 0; i < n; i++) vt[i * n + i] = 1;
  }
  // No absolute floor (such as ε²‖A‖) beside the relative test: on a graded matrix an entry far
  // below ε‖A‖ can still carry the whole of a tiny eigenvalue ([[1, 1e-33], [1e-33, 2e-66]] has
  // λ_min = 1e-66, which a floor of ε²‖A‖ would report as 2e-66). Only entries below the
  // smallest normal number are dropped: a rotation by them changes no eigenvalue by more than
  // their square over the diagonal gap, which underflows.
  const floor = MIN_NORMAL;
  let converged = false;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      const rp = p * n;
      for (let q = p + 1; q < n; q++) {
        const rq = q * n;
        const apq = a[rp + q];
        const app = a[rp + p];
        const aqq = a[rq + q];
        const aabs = Math.abs(apq);
        if (aabs <= floor || aabs <= EPS * Math.sqrt(Math.abs(app * aqq))) {
          a[rp + q] = 0;
          a[rq + p] = 0;
          continue;
        }
        rotated = true;
        // Rutishauser's stable formulas: t = tan θ, the smaller root.
        const theta = (aqq - app) / (2 * apq);
        // |θ| > 1e150: θ² would overflow; t = 1/(2θ) to full precision there
        const t =
          Math.abs(theta) > 1e150
            ? 0.5 / theta
            : (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        const tau = s / (1 + c);
        a[rp + p] = app - t * apq;
        a[rq + q] = aqq + t * apq;
        a[rp + q] = 0;
        a[rq + p] = 0;
        for (let k = 0; k < n; k++) {
          if (k === p || k === q) continue;
          const akp = a[rp + k];
          const akq = a[rq + k];
          const np = akp - s * (akq + tau * akp);
          const nq = akq + s * (akp - tau * akq);
          a[rp + k] = np;
          a[rq + k] = nq;
          a[k * n + p] = np;
          a[k * n + q] = nq;
        }
        if (vt) {
          for (let k = 0; k < n; k++) {
            const vp = vt[rp + k];
            const vq = vt[rq + k];
            vt[rp + k] = vp - s * (vq + tau * vp);
            vt[rq + k] = vq + s * (vp - tau * vq);
          }
        }
      }
    }
    if (!rotated) {
      converged = true;
      break;
    }
  }
  for (let i = 0; i < n; i++) d[i] = a[i * n + i];
  return converged;
}

/**
 * Sort eigenvalues ascending and gather the matching rows of `zt` (n rows of nz entries)
 * into the columns of `vOut` (row-major nz×n), so column j of vOut is eigenvector j.
 */
export function sortAscendingToColumns(
  n: number,
  d: Float64Array,
  values: Float64Array,
  zt: Float64Array | null,
  nz: number,
  vOut: Float64Array | null,
  order: Int32Array,
): void {
  for (let i = 0; i < n; i++) order[i] = i;
  // Insertion sort: n is small or the values are nearly sorted after QL; stable.
  for (let i = 1; i < n; i++) {
    const oi = order[i];
    const v = d[oi];
    let j = i - 1;
    while (j >= 0 && d[order[j]] > v) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = oi;
  }
  for (let i = 0; i < n; i++) values[i] = d[order[i]];
  if (!zt || !vOut) return;
  for (let j = 0; j < n; j++) {
    const src = order[j] * nz;
    for (let k = 0; k < nz; k++) vOut[k * n + j] = zt[src + k];
  }
}

const SPLITTER = 134217729; // 2^27 + 1, Dekker's splitting constant

function splitInto(src: Float64Array, hi: Float64Array, lo: Float64Array): void {
  for (let i = 0; i < src.length; i++) {
    const x = src[i];
    const t = SPLITTER * x;
    const h = t - (t - x);
    hi[i] = h;
    lo[i] = x - h;
  }
}

/**
 * Mixed-precision refinement of a symmetric eigendecomposition (Ogita & Aishima 2018,
 * "Iterative refinement for symmetric eigenvalue decomposition", Algorithm 1). R = I − XᵀX and
 * S = XᵀAX are accumulated in double-double (Dekker/Knuth error-free products and sums), so
 * each step removes the ε·cond(A) error that any backward-stable float64 solver leaves in the
 * eigenvectors of small eigenvalues; after convergence the eigenvalues carry *relative*
 * accuracy about ε even for condition numbers near 1/ε. `a` is the full symmetric n×n matrix
 * (row-major), `x` the eigenvectors as columns (row-major, updated in place), `values` the
 * eigenvalues (overwritten with the refined ones, unsorted). Returns true when the corrections
 * fell below a few ulps; otherwise `x` and `values` are restored (a near-cluster wider than the
 * method's separation test can stall it) and false is returned.
 */
export function refineEigen(
  n: number,
  a: Float64Array,
  x: Float64Array,
  values: Float64Array,
  maxSteps = 8,
): boolean {
  const x0 = x.slice();
  const values0 = values.slice();
  const nn = n * n;
  const ah = new Float64Array(nn);
  const al = new Float64Array(nn);
  splitInto(a, ah, al);
  const xh = new Float64Array(nn);
  const xl = new Float64Array(nn);
  const thi = new Float64Array(nn);
  const tlo = new Float64Array(nn);
  const s = new Float64Array(nn);
  const r = new Float64Array(nn);
  const ee = new Float64Array(nn);
  const xe = new Float64Array(nn);
  let anorm = 0;
  for (let i = 0; i < nn; i++) anorm += a[i] * a[i];
  anorm = Math.sqrt(anorm);
  for (let steps = 0; steps <= maxSteps; steps++) {
    splitInto(x, xh, xl);
    // T = A X in double-double, i-k-j order.
    thi.fill(0);
    tlo.fill(0);
    for (let i = 0; i < n; i++) {
      const ri = i * n;
      for (let k = 0; k < n; k++) {
        const aik = a[ri + k];
        if (aik === 0) continue;
        const aikh = ah[ri + k];
        const aikl = al[ri + k];
        const rk = k * n;
        for (let j = 0; j < n; j++) {
          const b = x[rk + j];
          const p = aik * b;
          const bh = xh[rk + j];
          const bl = xl[rk + j];
          const pe = aikh * bh - p + aikh * bl + aikl * bh + aikl * bl;
          const h = thi[ri + j];
          const sum = h + p;
          const bb = sum - h;
          thi[ri + j] = sum;
          tlo[ri + j] += h - (sum - bb) + (p - bb) + pe;
        }
      }
    }
    // S = Xᵀ T and R = I − Xᵀ X, both in double-double then rounded; only j ≤ i (symmetric).
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        let sh = 0;
        let sl = 0;
        let rh = i === j ? 1 : 0;
        let rl = 0;
        for (let k = 0; k < n; k++) {
          const rk = k * n;
          const xki = x[rk + i];
          const xkih = xh[rk + i];
          const xkil = xl[rk + i];
          // s += x_ki · (thi + tlo)_kj
          const t = thi[rk + j];
          const p = xki * t;
          const t2 = SPLITTER * t;
          const th = t2 - (t2 - t);
          const tl = t - th;
          const pe = xkih * th - p + xkih * tl + xkil * th + xkil * tl + xki * tlo[rk + j];
          let sum = sh + p;
          let bb = sum - sh;
          sl += sh - (sum - bb) + (p - bb) + pe;
          sh = sum;
          // r −= x_ki · x_kj
          const q = -(xki * x[rk + j]);
          const qe = -(
            xkih * xh[rk + j] +
            q +
            xkih * xl[rk + j] +
            xkil * xh[rk + j] +
            xkil * xl[rk + j]
          );
          sum = rh + q;
          bb = sum - rh;
          rl += rh - (sum - bb) + (q - bb) + qe;
          rh = sum;
        }
        s[i * n + j] = sh + sl;
        s[j * n + i] = sh + sl;
        r[i * n + j] = rh + rl;
        r[j * n + i] = rh + rl;
      }
    }
    for (let i = 0; i < n; i++) values[i] = s[i * n + i] / (1 - r[i * n + i]);
    if (steps === maxSteps) break;
    // δ = 2(‖S − D̃‖ + ‖A‖‖R‖) separates clusters from well-separated pairs.
    let offS = 0;
    let normR = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const sij = i === j ? s[i * n + j] - values[i] : s[i * n + j];
        offS += sij * sij;
        normR += r[i * n + j] * r[i * n + j];
      }
    const delta = 2 * (Math.sqrt(offS) + anorm * Math.sqrt(normR));
    let emax = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let e: number;
        const gap = values[j] - values[i];
        if (i !== j && Math.abs(gap) > delta) e = (s[i * n + j] + values[j] * r[i * n + j]) / gap;
        else e = 0.5 * r[i * n + j];
        ee[i * n + j] = e;
        const ae = Math.abs(e);
        if (ae > emax) emax = ae;
      }
    // Corrections below a few ulps no longer change X in float64: converged.
    if (emax <= 4 * EPS) {
      let finite = true;
      for (let i = 0; i < n; i++) if (values[i] - values[i] !== 0) finite = false;
      if (finite) return true;
      break;
    }
    // Not a contraction (or NaN from a degenerate input): give up, keep the float64 result.
    if (!(emax < 0.25)) break;
    // X ← X + X Ẽ
    xe.fill(0);
    for (let i = 0; i < n; i++) {
      const ri = i * n;
      for (let k = 0; k < n; k++) {
        const xik = x[ri + k];
        if (xik === 0) continue;
        const rk = k * n;
        for (let j = 0; j < n; j++) xe[ri + j] += xik * ee[rk + j];
      }
    }
    for (let i = 0; i < nn; i++) x[i] += xe[i];
  }
  x.set(x0);
  values.set(values0);
  return false;
}
