// Discrete Gaussian curvature by angle defects (Descartes; Meyer, Desbrun, Schröder & Barr 2003).
import {
  angleDefects,
  boundaryVertices,
  curvatureFromDefects,
  faceGeometry,
  vertexAreas,
} from '../internal/mesh-kernels.js';
import { checkMesh } from '../internal/validate-mesh.js';
import type { TriangleMesh } from './triangle-mesh.js';

/** Result of {@link meshGaussianCurvature}. */
export interface MeshGaussianCurvature {
  /** K_i = angleDefect_i / A_i at interior vertices (A_i the mixed area); 0 on the boundary and at vertices without faces */
  curvature: Float64Array;
  /** 2π − Σθ at interior vertices, π − Σθ (the discrete geodesic curvature) at boundary vertices */
  angleDefect: Float64Array;
  /** 1 for vertices on the boundary */
  boundary: Uint8Array;
  /** Σ angleDefect = 2π·χ exactly (discrete Gauss–Bonnet, boundary term included) */
  total: number;
}

/**
 * Discrete Gaussian curvature: the angle defect 2π − Σθ of the corner angles at a vertex is
 * the integral of K over its area element, so K_i = defect / A_i with the mixed Voronoi area.
 * The defects (with π − Σθ at boundary vertices) sum to 2πχ for every mesh: the discrete
 * Gauss–Bonnet theorem, exact up to rounding. The pointwise estimate converges to K on meshes
 * that refine regularly (e.g. icospheres).
 *
 * @param mesh - a {@link TriangleMesh}
 * @returns `{ curvature, angleDefect, boundary, total }`
 * @throws {ShapeError} on arrays of the wrong length or face indices out of range
 * @throws {NonFiniteError} on a non-finite coordinate
 * @throws {InvalidArgumentError} on a face with a repeated vertex or zero area, or an edge shared by more than two faces
 * @example
 * const k = meshGaussianCurvature(icosphere({ subdivisions: 0 }));
 * k.total // => ~12.566371
 * k.angleDefect[0] // => ~1.0471976
 */
export function meshGaussianCurvature(mesh: TriangleMesh): MeshGaussianCurvature {
  const m = checkMesh('meshGaussianCurvature', mesh);
  const g = faceGeometry(m.vertices, m.faces);
  const boundary = boundaryVertices(m.edges, m.nVertices);
  const angleDefect = angleDefects(m.faces, m.nVertices, g, boundary);
  const area = vertexAreas(m.vertices, m.faces, g, 'mixed');
  const curvature = curvatureFromDefects(angleDefect, area, boundary);
  let total = 0;
  for (let i = 0; i < m.nVertices; i++) total += angleDefect[i];
  return { curvature, angleDefect, boundary, total };
}
