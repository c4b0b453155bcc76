// Area elements of mesh vertices (mixed Voronoi areas: Meyer, Desbrun, Schröder & Barr 2003).
import { checkOptions, InvalidArgumentError } from '@rg/linalg';
import { faceGeometry, vertexAreas } from '../internal/mesh-kernels.js';
import { checkMesh } from '../internal/validate-mesh.js';
import type { TriangleMesh } from './triangle-mesh.js';

/** Options of {@link meshVertexAreas}. */
export interface MeshVertexAreasOptions {
  /** 'mixed' Voronoi areas (default) or 'barycentric' (a third of each incident face) */
  kind?: 'mixed' | 'barycentric';
}

/**
 * The area element of each vertex: its share of the surface. Mixed areas (Meyer et al.) are
 * the Voronoi cell areas inside non-obtuse triangles, and half or a quarter of an obtuse
 * triangle's area; like barycentric areas they sum to the total surface area.
 *
 * @param mesh - a {@link TriangleMesh}
 * @param options - `{ kind: 'mixed' | 'barycentric' }`
 * @returns one area per vertex
 * @throws {ShapeError | NonFiniteError | InvalidArgumentError} on a malformed mesh or option
 * @example
 * const a = meshVertexAreas(icosphere({ subdivisions: 4 }));
 * a.reduce((s, x) => s + x, 0) // => ~12.55
 */
export function meshVertexAreas(
  mesh: TriangleMesh,
  options: MeshVertexAreasOptions = {},
): Float64Array {
  const fn = 'meshVertexAreas';
  checkOptions(fn, 'options', options);
  const kind = options.kind ?? 'mixed';
  if (kind !== 'mixed' && kind !== 'barycentric')
    throw new InvalidArgumentError(
      `${fn}(): kind must be 'mixed' or 'barycentric' (got ${String(kind)})`,
    );
  const m = checkMesh(fn, mesh);
  return vertexAreas(m.vertices, m.faces, faceGeometry(m.vertices, m.faces), kind);
}
