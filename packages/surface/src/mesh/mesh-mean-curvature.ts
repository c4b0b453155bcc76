// Discrete mean curvature from the cotangent Laplacian of the position (Pinkall & Polthier
// 1993; Meyer, Desbrun, Schröder & Barr 2003).
import {
  boundaryVertices,
  cotanLaplacianOfPosition,
  faceGeometry,
  vertexAreas,
  vertexNormals,
} from '../internal/mesh-kernels.js';
import { checkMesh } from '../internal/validate-mesh.js';
import type { TriangleMesh } from './triangle-mesh.js';

/** Result of {@link meshMeanCurvature}. */
export interface MeshMeanCurvature {
  /** H_i = ½ (Δr)_i · n_i, signed with respect to the angle-weighted vertex normals (0 on the boundary) */
  curvature: Float64Array;
  /** the mean-curvature normal (Δr)_i = 2H n, 3 per vertex */
  meanCurvatureNormal: Float64Array;
  /** the angle-weighted unit vertex normals used for the sign */
  normals: Float64Array;
  /** 1 for vertices on the boundary */
  boundary: Uint8Array;
}

/** @internal H and Δr from precomputed pieces (shared with meshCurvatures) */
export function meanCurvatureKernel(
  vertices: Float64Array,
  faces: Uint32Array,
  g: ReturnType<typeof faceGeometry>,
  area: Float64Array,
  normals: Float64Array,
  boundary: Uint8Array,
): { curvature: Float64Array; meanCurvatureNormal: Float64Array } {
  const n = vertices.length / 3;
  const lap = cotanLaplacianOfPosition(vertices, faces, g);
  const curvature = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (boundary[i] || !(area[i] > 0)) {
      lap[3 * i] = lap[3 * i + 1] = lap[3 * i + 2] = 0;
      continue;
    }
    for (let t = 0; t < 3; t++) lap[3 * i + t] /= area[i];
    curvature[i] =
      0.5 *
      (lap[3 * i] * normals[3 * i] +
        lap[3 * i + 1] * normals[3 * i + 1] +
        lap[3 * i + 2] * normals[3 * i + 2]);
  }
  return { curvature, meanCurvatureNormal: lap };
}

/**
 * Discrete mean curvature: the cotangent Laplacian (Δr)_i = (1/A_i) Σ_j ½(cot α_ij + cot β_ij)
 * (r_j − r_i), with A_i the mixed area, approximates the Laplace–Beltrami operator applied to
 * the position, which is 2H n; H_i = ½ (Δr)_i · n_i. Signs follow the parametric convention:
 * a sphere with outward normals has H = −1/R. Boundary vertices get 0 (no one-ring).
 *
 * @param mesh - a {@link TriangleMesh}
 * @returns `{ curvature, meanCurvatureNormal, normals, boundary }`
 * @throws {ShapeError | NonFiniteError | InvalidArgumentError} on a malformed mesh (see {@link meshGaussianCurvature})
 * @example
 * const h = meshMeanCurvature(icosphere({ radius: 2, subdivisions: 4 }));
 * h.curvature[0] // => ~-0.50
 */
export function meshMeanCurvature(mesh: TriangleMesh): MeshMeanCurvature {
  const m = checkMesh('meshMeanCurvature', mesh);
  const g = faceGeometry(m.vertices, m.faces);
  const boundary = boundaryVertices(m.edges, m.nVertices);
  const area = vertexAreas(m.vertices, m.faces, g, 'mixed');
  const normals = vertexNormals(m.faces, m.nVertices, g, 'angle');
  const r = meanCurvatureKernel(m.vertices, m.faces, g, area, normals, boundary);
  return { ...r, normals, boundary };
}
