// Triangulation of a structured grid surface (two triangles per grid cell).
import { InvalidArgumentError } from '@rg/linalg';
import type { GridSurface } from '../surface.js';
import type { TriangleMesh } from './triangle-mesh.js';

/**
 * Split every cell (i, j)–(i+1, j+1) of a grid into the triangles (i,j)(i+1,j)(i+1,j+1) and
 * (i,j)(i+1,j+1)(i,j+1), wrapping periodic axes, so face normals agree with r_u × r_v. Vertex
 * k of the mesh is node k of the grid. A grid periodic in both directions gives a closed mesh
 * (a torus); periodic in one, a tube with two boundary loops.
 *
 * @param grid - a {@link GridSurface}
 * @returns a {@link TriangleMesh} sharing no memory with the grid
 * @throws {InvalidArgumentError} when grid is not a grid surface
 * @example
 * const g = sampleGrid(torusSurface(), {
 *   nu: 16, nv: 8, uRange: [0, 2 * Math.PI], vRange: [0, 2 * Math.PI], periodicU: true, periodicV: true,
 * });
 * const m = gridMesh(g);
 * m.faces.length / 3 // => 256
 * eulerCharacteristic(m) // => 0
 */
export function gridMesh(grid: GridSurface): TriangleMesh {
  if (grid?.kind !== 'grid' || !(grid.points instanceof Float64Array))
    throw new InvalidArgumentError(
      'gridMesh(): grid must be a grid surface (gridSurface or sampleGrid)',
    );
  const { nu, nv, periodicU, periodicV } = grid;
  const cu = periodicU ? nu : nu - 1;
  const cv = periodicV ? nv : nv - 1;
  const faces = new Uint32Array(6 * cu * cv);
  let k = 0;
  for (let i = 0; i < cu; i++) {
    const i1 = (i + 1) % nu;
    for (let j = 0; j < cv; j++) {
      const j1 = (j + 1) % nv;
      const p00 = i * nv + j;
      const p10 = i1 * nv + j;
      const p11 = i1 * nv + j1;
      const p01 = i * nv + j1;
      faces[k++] = p00;
      faces[k++] = p10;
      faces[k++] = p11;
      faces[k++] = p00;
      faces[k++] = p11;
      faces[k++] = p01;
    }
  }
  return { vertices: Float64Array.from(grid.points), faces };
}
