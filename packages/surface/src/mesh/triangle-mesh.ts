// Triangle meshes as two flat arrays (the layout of three.js BufferGeometry and libigl's V, F).

/**
 * A triangle mesh: `vertices` holds x, y, z per vertex; `faces` three vertex indices per
 * triangle, counter-clockwise seen from the side the normals should point to.
 */
export interface TriangleMesh {
  vertices: Float64Array;
  faces: Uint32Array;
}
