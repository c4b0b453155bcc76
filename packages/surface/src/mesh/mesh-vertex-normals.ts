// Vertex normals of triangle meshes (angle weights: Thürmer & Wüthrich 1998).
import { checkOptions, InvalidArgumentError } from '@rg/linalg';
import { faceGeometry, vertexNormals } from '../internal/mesh-kernels.js';
import { checkMesh } from '../internal/validate-mesh.js';
import type { TriangleMesh } from './triangle-mesh.js';

/** Options of {@link meshVertexNormals}. */
export interface MeshVertexNormalsOptions {
  /** weights of the incident face normals: corner angles (default) or face areas */
  weighting?: 'angle' | 'area';
}

/**
 * Unit vertex normals: the normalized sum of incident face normals weighted by the corner
 * angle at the vertex (Thürmer & Wüthrich; independent of how the neighbourhood is split into
 * triangles) or by face area. Vertices without faces get (0, 0, 0).
 *
 * @param mesh - a {@link TriangleMesh}
 * @param options - `{ weighting: 'angle' | 'area' }`
 * @returns 3 numbers per vertex
 * @throws {ShapeError | NonFiniteError | InvalidArgumentError} on a malformed mesh or option
 * @example
 * const n = meshVertexNormals(icosphere({ subdivisions: 0 }));
 * Math.hypot(n[0], n[1], n[2]) // => ~1
 */
export function meshVertexNormals(
  mesh: TriangleMesh,
  options: MeshVertexNormalsOptions = {},
): Float64Array {
  const fn = 'meshVertexNormals';
  checkOptions(fn, 'options', options);
  const weighting = options.weighting ?? 'angle';
  if (weighting !== 'angle' && weighting !== 'area')
    throw new InvalidArgumentError(
      `${fn}(): weighting must be 'angle' or 'area' (got ${String(weighting)})`,
    );
  const m = checkMesh(fn, mesh);
  return vertexNormals(m.faces, m.nVertices, faceGeometry(m.vertices, m.faces), weighting);
}
