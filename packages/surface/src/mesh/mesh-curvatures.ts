// All discrete curvature features of a triangle mesh in one pass (Meyer, Desbrun, Schröder &
// Barr, "Discrete differential-geometry operators for triangulated 2-manifolds", 2003).
import {
  angleDefects,
  boundaryVertices,
  curvatureFromDefects,
  faceGeometry,
  vertexAreas,
  vertexNormals,
} from '../internal/mesh-kernels.js';
import { checkMesh } from '../internal/validate-mesh.js';
import { meanCurvatureKernel } from './mesh-mean-curvature.js';
import type { TriangleMesh } from './triangle-mesh.js';

/** Result of {@link meshCurvatures}: one entry (or 3, or 2) per vertex. */
export interface MeshCurvatures {
  /** angle-weighted unit normals, 3 per vertex */
  normals: Float64Array;
  /** mixed Voronoi areas */
  areas: Float64Array;
  /** angle defect / area (0 on the boundary) */
  gaussianCurvature: Float64Array;
  /** ½ Δr · n (0 on the boundary) */
  meanCurvature: Float64Array;
  /** κ₁ = H + √max(H² − K, 0), κ₂ = H − √max(H² − K, 0), 2 per vertex */
  principalCurvatures: Float64Array;
  /** see {@link MeshGaussianCurvature.angleDefect} */
  angleDefect: Float64Array;
  /** 1 for vertices on the boundary */
  boundary: Uint8Array;
}

/**
 * Normals, area elements, Gaussian and mean curvature, and principal curvatures of every
 * vertex, sharing one validation and one pass of face geometry (the same formulas as
 * {@link meshVertexNormals}, {@link meshVertexAreas}, {@link meshGaussianCurvature} and
 * {@link meshMeanCurvature}). Where the discrete H² < K (possible: the two estimates are
 * independent), κ₁ = κ₂ = H.
 *
 * @param mesh - a {@link TriangleMesh}
 * @returns the {@link MeshCurvatures}
 * @throws {ShapeError | NonFiniteError | InvalidArgumentError} on a malformed mesh (see {@link meshGaussianCurvature})
 * @example
 * const c = meshCurvatures(icosphere({ radius: 2, subdivisions: 4 }));
 * c.gaussianCurvature[0] // => ~0.25
 * c.principalCurvatures[0] // => ~-0.50
 */
export function meshCurvatures(mesh: TriangleMesh): MeshCurvatures {
  const m = checkMesh('meshCurvatures', mesh);
  const n = m.nVertices;
  const g = faceGeometry(m.vertices, m.faces);
  const boundary = boundaryVertices(m.edges, n);
  const areas = vertexAreas(m.vertices, m.faces, g, 'mixed');
  const normals = vertexNormals(m.faces, n, g, 'angle');
  const angleDefect = angleDefects(m.faces, n, g, boundary);
  const gaussianCurvature = curvatureFromDefects(angleDefect, areas, boundary);
  const { curvature: meanCurvature } = meanCurvatureKernel(
    m.vertices,
    m.faces,
    g,
    areas,
    normals,
    boundary,
  );
  const principalCurvatures = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const h = meanCurvature[i];
    const d = Math.sqrt(Math.max(h * h - gaussianCurvature[i], 0));
    principalCurvatures[2 * i] = h + d;
    principalCurvatures[2 * i + 1] = h - d;
  }
  return {
    normals,
    areas,
    gaussianCurvature,
    meanCurvature,
    principalCurvatures,
    angleDefect,
    boundary,
  };
}
