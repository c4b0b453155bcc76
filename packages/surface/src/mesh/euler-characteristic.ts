// Euler characteristic χ = V − E + F of a triangle mesh (Euler 1758; Poincaré 1895).
import type { TriangleMesh } from './triangle-mesh.js';
import { checkMesh } from '../internal/validate-mesh.js';

/**
 * χ = V − E + F, counting every vertex of `mesh.vertices` and every distinct edge. For a
 * closed orientable surface of genus g it is 2 − 2g; the discrete Gauss–Bonnet theorem says
 * the angle defects of {@link meshGaussianCurvature} sum to 2πχ.
 *
 * @param mesh - a {@link TriangleMesh}
 * @returns V − E + F
 * @throws {ShapeError | NonFiniteError | InvalidArgumentError} on a malformed mesh (see {@link meshGaussianCurvature})
 * @example
 * eulerCharacteristic(icosphere({ subdivisions: 0 })) // => 2
 */
export function eulerCharacteristic(mesh: TriangleMesh): number {
  const m = checkMesh('eulerCharacteristic', mesh);
  return m.nVertices - m.edges.size + m.faces.length / 3;
}
