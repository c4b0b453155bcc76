// Geodesic distance on triangle meshes by the heat method (Crane, Weischedel & Wardetzky,
// "Geodesics in heat", ACM TOG 32(5), 2013).
import {
  checkOptions,
  checkPositive,
  csrFromTriplets,
  type CsrMatrix,
  InvalidArgumentError,
  NotPositiveDefiniteError,
  sparseCholesky,
  type SparseCholesky,
  type SparseCholeskyOptions,
} from '@rg/linalg';
import { faceGeometry, vertexAreas } from '../internal/mesh-kernels.js';
import { checkMesh } from '../internal/validate-mesh.js';
import type { TriangleMesh } from './triangle-mesh.js';

/** Options of {@link meshGeodesicDistance}. */
export interface MeshGeodesicDistanceOptions {
  /** heat time t = timeFactor · h², h the mean edge length (default 1, the paper's choice) */
  timeFactor?: number;
}

/** Result of {@link meshGeodesicDistance}. */
export interface MeshGeodesicDistanceResult {
  /**
   * approximate geodesic distance of every vertex to the nearest source (0 at the source with
   * the smallest potential); Infinity on vertices not connected to any source
   */
  distance: Float64Array;
  /** the heat time t used */
  time: number;
}

/**
 * Approximate geodesic distances from one or more source vertices by the heat method:
 * (1) diffuse heat from the sources for a short time t = h² (h the mean edge length), one
 * implicit step (A + tC) u = δ with A the mixed vertex areas and C the cotangent stiffness
 * matrix; (2) normalize its gradient per face, X = −∇u/|∇u|; (3) solve the Poisson equation
 * C φ = −∇·X with φ pinned to 0 at a source; distances are φ shifted to 0 at the sources. Both
 * systems are solved by a sparse (envelope) Cholesky factorization after a reverse Cuthill–McKee
 * ordering: the heat u decays by many orders of magnitude away from the source, and a direct
 * solve keeps its tiny far values accurate where a relative-residual iterative solve does not.
 * The error is O(h): on icospheres of radius 1 the largest error falls from about 0.1 (162
 * vertices) to about 0.05 (642) and 0.03 (2562), measured in the tests. Memory and time grow
 * with the profile of the reordered matrix (about n^1.5 and n² for surface meshes).
 *
 * @param mesh - a {@link TriangleMesh}, ideally without very obtuse triangles
 * @param sources - a vertex index or a non-empty array of them
 * @param options - `{ timeFactor = 1 }`
 * @returns `{ distance, time }`
 * @throws {ShapeError | NonFiniteError | InvalidArgumentError} on a malformed mesh (see {@link meshGaussianCurvature}), a bad source or option
 * @throws {NotPositiveDefiniteError} when a system does not factor (cotangent weights so negative, from many obtuse triangles, that the operator is indefinite)
 * @example
 * const m = icosphere({ subdivisions: 3 });
 * const d = meshGeodesicDistance(m, 0).distance;
 * // vertex 3 is antipodal to vertex 0 on the icosahedron: distance π on the unit sphere
 * d[3] // => ~3.1
 */
export function meshGeodesicDistance(
  mesh: TriangleMesh,
  sources: number | readonly number[],
  options: MeshGeodesicDistanceOptions = {},
): MeshGeodesicDistanceResult {
  const fn = 'meshGeodesicDistance';
  checkOptions(fn, 'options', options);
  const m = checkMesh(fn, mesh);
  const n = m.nVertices;
  const src = typeof sources === 'number' ? [sources] : Array.from(sources ?? []);
  if (src.length === 0) throw new InvalidArgumentError(`${fn}(): sources must not be empty`);
  for (const s of src)
    if (!Number.isInteger(s) || s < 0 || s >= n)
      throw new InvalidArgumentError(`${fn}(): source ${s} is not a vertex index in [0, ${n})`);
  const timeFactor = options.timeFactor ?? 1;
  checkPositive(fn, 'timeFactor', timeFactor);

  const { vertices: V, faces: F } = m;
  const nf = F.length / 3;
  const g = faceGeometry(V, F);
  const area = vertexAreas(V, F, g, 'mixed');
  let hSum = 0;
  for (let f = 0; f < nf; f++)
    for (let c = 0; c < 3; c++) {
      const a = 3 * F[3 * f + c];
      const b = 3 * F[3 * f + ((c + 1) % 3)];
      hSum += Math.hypot(V[b] - V[a], V[b + 1] - V[a + 1], V[b + 2] - V[a + 2]);
    }
  const h = hSum / (3 * nf);
  const t = timeFactor * h * h;

  // connected components, to pin one vertex per source-free component and report Infinity there
  const comp = new Int32Array(n).fill(-1);
  const adjacency = csrFromTriplets(
    n,
    n,
    Array.from(F, (_, k) => F[k]),
    Array.from(F, (_, k) => F[3 * Math.floor(k / 3) + ((k + 1) % 3)]),
    new Float64Array(F.length),
  );
  let nComp = 0;
  for (let s = 0; s < n; s++) {
    if (comp[s] >= 0) continue;
    comp[s] = nComp;
    const stack = [s];
    while (stack.length) {
      const i = stack.pop() as number;
      for (const j of neighbours(adjacency, i))
        if (comp[j] < 0) {
          comp[j] = nComp;
          stack.push(j);
        }
    }
    nComp++;
  }
  const reached = new Uint8Array(nComp);
  for (const s of src) reached[comp[s]] = 1;
  const pinned = new Int32Array(nComp).fill(-1);
  for (const s of src) if (pinned[comp[s]] < 0) pinned[comp[s]] = s;
  for (let i = 0; i < n; i++) if (pinned[comp[i]] < 0) pinned[comp[i]] = i;
  const isPinned = new Uint8Array(n);
  for (const p of pinned) isPinned[p] = 1;

  // cotangent stiffness C (positive semi-definite): C_ij = −½(cot α + cot β), C_ii = −Σ_j C_ij
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  for (let f = 0; f < nf; f++)
    for (let c = 0; c < 3; c++) {
      const i = F[3 * f + ((c + 1) % 3)];
      const j = F[3 * f + ((c + 2) % 3)];
      const w = 0.5 * g.cot[3 * f + c];
      rows.push(i, j, i, j);
      cols.push(j, i, i, j);
      vals.push(-w, -w, w, w);
    }
  const nc = rows.length;
  // heat operator A + tC (a vertex without faces keeps the identity row)
  for (let i = 0; i < n; i++) {
    rows.push(i);
    cols.push(i);
    vals.push(area[i] > 0 ? area[i] : 1);
  }
  const heatVals = vals.map((v, k) => (k < nc ? t * v : v));
  const heatOp = csrFromTriplets(n, n, rows, cols, heatVals);
  const heatFactor = factor(fn, heatOp, 'the heat operator A + tC');
  const delta = new Float64Array(n);
  for (const s of src) delta[s] = 1;
  const u = heatFactor.solve(delta);

  // normalized gradient per face and its integrated divergence per vertex
  const div = new Float64Array(n);
  for (let f = 0; f < nf; f++) {
    const nx = g.normal[3 * f];
    const ny = g.normal[3 * f + 1];
    const nz = g.normal[3 * f + 2];
    // ∇u ∝ Σ_i u_i N × e_i, e_i the edge opposite vertex i (counter-clockwise); only its
    // direction matters
    let gx = 0;
    let gy = 0;
    let gz = 0;
    for (let c = 0; c < 3; c++) {
      const i = F[3 * f + c];
      const p = 3 * F[3 * f + ((c + 1) % 3)];
      const q = 3 * F[3 * f + ((c + 2) % 3)];
      const ex = V[q] - V[p];
      const ey = V[q + 1] - V[p + 1];
      const ez = V[q + 2] - V[p + 2];
      gx += u[i] * (ny * ez - nz * ey);
      gy += u[i] * (nz * ex - nx * ez);
      gz += u[i] * (nx * ey - ny * ex);
    }
    const len = Math.hypot(gx, gy, gz);
    if (!(len > 0)) continue;
    const Xx = -gx / len;
    const Xy = -gy / len;
    const Xz = -gz / len;
    for (let c = 0; c < 3; c++) {
      const vi = F[3 * f + c];
      const i = 3 * vi;
      const j = 3 * F[3 * f + ((c + 1) % 3)];
      const k = 3 * F[3 * f + ((c + 2) % 3)];
      // ½ [cot∠k (r_j − r_i)·X + cot∠j (r_k − r_i)·X]
      const e1 = (V[j] - V[i]) * Xx + (V[j + 1] - V[i + 1]) * Xy + (V[j + 2] - V[i + 2]) * Xz;
      const e2 = (V[k] - V[i]) * Xx + (V[k + 1] - V[i + 1]) * Xy + (V[k + 2] - V[i + 2]) * Xz;
      div[vi] += 0.5 * (g.cot[3 * f + ((c + 2) % 3)] * e1 + g.cot[3 * f + ((c + 1) % 3)] * e2);
    }
  }

  // Poisson C φ = −div with φ = 0 at one pinned vertex per component: its row and column
  // become the identity, which makes the singular C positive definite on connected components
  const pRows: number[] = [];
  const pCols: number[] = [];
  const pVals: number[] = [];
  for (let k = 0; k < nc; k++) {
    if (isPinned[rows[k]] || isPinned[cols[k]]) continue;
    pRows.push(rows[k]);
    pCols.push(cols[k]);
    pVals.push(vals[k]);
  }
  for (let i = 0; i < n; i++)
    if (isPinned[i] || !(area[i] > 0)) {
      pRows.push(i);
      pCols.push(i);
      pVals.push(1);
    }
  const poissonOp = csrFromTriplets(n, n, pRows, pCols, pVals);
  const poissonFactor = factor(fn, poissonOp, 'the cotangent Laplacian', {
    ordering: heatFactor.permutation,
  });
  const rhs = new Float64Array(n);
  for (let i = 0; i < n; i++) rhs[i] = isPinned[i] ? 0 : -div[i];
  const phi = poissonFactor.solve(rhs);
  const base = new Float64Array(nComp).fill(Number.POSITIVE_INFINITY);
  for (const s of src) base[comp[s]] = Math.min(base[comp[s]], phi[s]);
  const distance = new Float64Array(n);
  for (let i = 0; i < n; i++)
    distance[i] = reached[comp[i]] ? phi[i] - base[comp[i]] : Number.POSITIVE_INFINITY;
  return { distance, time: t };
}

function* neighbours(a: CsrMatrix, i: number): Generator<number> {
  for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) yield a.colIndex[p];
}

/** linalg's sparse (envelope) Cholesky, its failure reported at the mesh vertex. */
function factor(
  fn: string,
  a: CsrMatrix,
  what: string,
  options?: SparseCholeskyOptions,
): SparseCholesky {
  try {
    return sparseCholesky(a, options);
  } catch (e) {
    if (!(e instanceof NotPositiveDefiniteError)) throw e;
    throw new NotPositiveDefiniteError(
      `${fn}(): ${what} is not positive definite at vertex ${e.pivot} (too many obtuse triangles around it?)`,
      { pivot: e.pivot },
    );
  }
}
