// Singular values by one-sided (Hestenes) Jacobi, which keeps high relative accuracy for
// matrices that are well-conditioned up to column scaling (Demmel & Veselić 1992, "Jacobi's
// method is more accurate than QR", SIAM J. Matrix Anal. Appl. 13(4)).

/** Singular values (unsorted) of the n×n row-major matrix a (not modified). */
export function singularValuesJacobi(a: Float64Array, n: number): Float64Array {
  // work on columns: store Aᵀ row-major so column j is contiguous
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) c[j * n + i] = a[i * n + j];
  const eps = 2 ** -53;
  for (let sweep = 0; sweep < 80; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++)
      for (let q = p + 1; q < n; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        const po = p * n;
        const qo = q * n;
        for (let i = 0; i < n; i++) {
          const x = c[po + i];
          const y = c[qo + i];
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= n * eps * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const cs = 1 / Math.sqrt(1 + t * t);
        const sn = cs * t;
        for (let i = 0; i < n; i++) {
          const x = c[po + i];
          const y = c[qo + i];
          c[po + i] = cs * x - sn * y;
          c[qo + i] = sn * x + cs * y;
        }
      }
    if (!rotated) break;
  }
  const s = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let v = 0;
    for (let i = 0; i < n; i++) v += c[j * n + i] ** 2;
    s[j] = Math.sqrt(v);
  }
  return s;
}

/**
 * Eigendecomposition of C = M·Mᵀ from the factor M without forming C: one-sided Jacobi on the
 * columns of Mᵀ gives MᵀJ = B with orthogonal columns, so C = J·diag(‖b_j‖²)·Jᵀ. Eigenvalues
 * ascending, eigenvectors as the columns of the row-major `vectors`.
 */
export function eigOfGram(
  m: Float64Array,
  n: number,
): { values: Float64Array; vectors: Float64Array } {
  // c holds the columns of Mᵀ (= the rows of M) contiguously; jt holds the columns of J.
  const c = Float64Array.from(m);
  const jt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) jt[i * n + i] = 1;
  const eps = 2 ** -53;
  for (let sweep = 0; sweep < 80; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++)
      for (let q = p + 1; q < n; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        const po = p * n;
        const qo = q * n;
        for (let i = 0; i < n; i++) {
          const x = c[po + i];
          const y = c[qo + i];
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= n * eps * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const cs = 1 / Math.sqrt(1 + t * t);
        const sn = cs * t;
        for (let i = 0; i < n; i++) {
          const x = c[po + i];
          const y = c[qo + i];
          c[po + i] = cs * x - sn * y;
          c[qo + i] = sn * x + cs * y;
          const u = jt[po + i];
          const v = jt[qo + i];
          jt[po + i] = cs * u - sn * v;
          jt[qo + i] = sn * u + cs * v;
        }
      }
    if (!rotated) break;
  }
  const s = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let v = 0;
    for (let i = 0; i < n; i++) v += c[j * n + i] ** 2;
    s[j] = v;
  }
  const order = Array.from({ length: n }, (_, j) => j).sort((a, b) => s[a] - s[b]);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((j, k) => {
    values[k] = s[j];
    for (let i = 0; i < n; i++) vectors[i * n + k] = jt[j * n + i];
  });
  return { values, vectors };
}
