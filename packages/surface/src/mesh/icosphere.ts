// Geodesic (subdivided icosahedron) sphere meshes: near-uniform, non-obtuse triangles.
import { checkInteger, checkOptions, checkPositive } from '@rg/linalg';
import type { TriangleMesh } from './triangle-mesh.js';

/** Options of {@link icosphere}. */
export interface IcosphereOptions {
  /** radius (default 1) */
  radius?: number;
  /** times each triangle is split into four, 0–8 (default 3: 642 vertices, 1280 faces) */
  subdivisions?: number;
}

const T = (1 + Math.sqrt(5)) / 2;
const ICO_VERTICES = [
  [-1, T, 0],
  [1, T, 0],
  [-1, -T, 0],
  [1, -T, 0],
  [0, -1, T],
  [0, 1, T],
  [0, -1, -T],
  [0, 1, -T],
  [T, 0, -1],
  [T, 0, 1],
  [-T, 0, -1],
  [-T, 0, 1],
];
const ICO_FACES = [
  [0, 11, 5],
  [0, 5, 1],
  [0, 1, 7],
  [0, 7, 10],
  [0, 10, 11],
  [1, 5, 9],
  [5, 11, 4],
  [11, 10, 2],
  [10, 7, 6],
  [7, 1, 8],
  [3, 9, 4],
  [3, 4, 2],
  [3, 2, 6],
  [3, 6, 8],
  [3, 8, 9],
  [4, 9, 5],
  [2, 4, 11],
  [6, 2, 10],
  [8, 6, 7],
  [9, 8, 1],
];

/**
 * A sphere mesh: the icosahedron with every triangle split into four `subdivisions` times,
 * new vertices pushed onto the sphere. 10·4^s + 2 vertices, 20·4^s faces, outward normals.
 *
 * @param options - `{ radius = 1, subdivisions = 3 }`
 * @returns a closed {@link TriangleMesh} of genus 0
 * @throws {InvalidArgumentError} on a non-positive radius or subdivisions outside 0–8
 * @example
 * const m = icosphere({ subdivisions: 1 });
 * m.vertices.length / 3 // => 42
 * m.faces.length / 3 // => 80
 */
export function icosphere(options: IcosphereOptions = {}): TriangleMesh {
  const fn = 'icosphere';
  const { radius = 1, subdivisions = 3 } = checkOptions(fn, 'options', options);
  checkPositive(fn, 'radius', radius);
  checkInteger(fn, 'subdivisions', subdivisions, 0, 8);
  const verts: number[][] = ICO_VERTICES.map((p) => {
    const l = Math.hypot(p[0], p[1], p[2]);
    return [p[0] / l, p[1] / l, p[2] / l];
  });
  let faces = ICO_FACES.map((f) => f.slice());
  for (let s = 0; s < subdivisions; s++) {
    const mid = new Map<number, number>();
    const n = verts.length;
    const midpoint = (a: number, b: number): number => {
      const key = a < b ? a * 4 * n + b : b * 4 * n + a;
      const hit = mid.get(key);
      if (hit !== undefined) return hit;
      const x = verts[a][0] + verts[b][0];
      const y = verts[a][1] + verts[b][1];
      const z = verts[a][2] + verts[b][2];
      const l = Math.hypot(x, y, z);
      verts.push([x / l, y / l, z / l]);
      mid.set(key, verts.length - 1);
      return verts.length - 1;
    };
    const next: number[][] = [];
    for (const [a, b, c] of faces) {
      const ab = midpoint(a, b);
      const bc = midpoint(b, c);
      const ca = midpoint(c, a);
      next.push([a, ab, ca], [b, bc, ab], [c, ca, bc], [ab, bc, ca]);
    }
    faces = next;
  }
  const vertices = new Float64Array(3 * verts.length);
  verts.forEach((p, i) => {
    vertices[3 * i] = radius * p[0];
    vertices[3 * i + 1] = radius * p[1];
    vertices[3 * i + 2] = radius * p[2];
  });
  return { vertices, faces: Uint32Array.from(faces.flat()) };
}
