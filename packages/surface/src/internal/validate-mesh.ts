// Boundary checks of triangle meshes, shared by the public mesh functions.
import { assertFiniteArray, InvalidArgumentError, ShapeError } from '@rg/linalg';
import type { TriangleMesh } from '../mesh/triangle-mesh.js';
import { edgeCounts } from './mesh-kernels.js';

/** A validated mesh with its edge counts (computed once here, reused by the caller). */
export interface CheckedMesh {
  vertices: Float64Array;
  faces: Uint32Array;
  nVertices: number;
  edges: Map<number, number>;
}

/**
 * Throw unless the mesh has 3 finite coordinates per vertex, 3 in-range indices per face,
 * no face with a repeated vertex or zero area, and no edge shared by more than two faces.
 */
export function checkMesh(fn: string, mesh: TriangleMesh): CheckedMesh {
  if (!mesh || typeof mesh !== 'object')
    throw new InvalidArgumentError(
      `${fn}(): mesh must be { vertices: Float64Array, faces: Uint32Array }`,
    );
  const { vertices, faces } = mesh;
  if (!(vertices instanceof Float64Array) || vertices.length % 3 !== 0 || vertices.length === 0)
    throw new ShapeError(
      `${fn}(): mesh.vertices must be a non-empty Float64Array of 3 coordinates per vertex`,
    );
  if (!(faces instanceof Uint32Array) || faces.length % 3 !== 0 || faces.length === 0)
    throw new ShapeError(
      `${fn}(): mesh.faces must be a non-empty Uint32Array of 3 vertex indices per face`,
    );
  assertFiniteArray(fn, 'mesh.vertices', vertices);
  const n = vertices.length / 3;
  for (let k = 0; k < faces.length; k++)
    if (faces[k] >= n)
      throw new ShapeError(
        `${fn}(): mesh.faces[${k}] = ${faces[k]} is out of range (the mesh has ${n} vertices)`,
      );
  for (let f = 0; f < faces.length / 3; f++) {
    const a = faces[3 * f];
    const b = faces[3 * f + 1];
    const c = faces[3 * f + 2];
    if (a === b || b === c || a === c)
      throw new InvalidArgumentError(`${fn}(): face ${f} repeats a vertex (${a}, ${b}, ${c})`);
    const e = [0, 0, 0, 0, 0, 0];
    for (let t = 0; t < 3; t++) {
      e[t] = vertices[3 * b + t] - vertices[3 * a + t];
      e[3 + t] = vertices[3 * c + t] - vertices[3 * a + t];
    }
    const cx = e[1] * e[5] - e[2] * e[4];
    const cy = e[2] * e[3] - e[0] * e[5];
    const cz = e[0] * e[4] - e[1] * e[3];
    const cross = Math.sqrt(cx * cx + cy * cy + cz * cz);
    const l1 = Math.hypot(e[0], e[1], e[2]);
    const l2 = Math.hypot(e[3], e[4], e[5]);
    // sin of the corner angle below 1e-12: cotangents would exceed 1e12 (or be infinite)
    if (!(cross > 1e-12 * l1 * l2))
      throw new InvalidArgumentError(
        `${fn}(): face ${f} is degenerate (zero area or collinear vertices)`,
      );
  }
  const edges = edgeCounts(faces, n);
  for (const [key, count] of edges)
    if (count > 2) {
      const i = Math.floor(key / n);
      throw new InvalidArgumentError(
        `${fn}(): edge (${i}, ${key - i * n}) is shared by ${count} faces (the mesh must be a manifold)`,
      );
    }
  return { vertices, faces, nVertices: n, edges };
}
