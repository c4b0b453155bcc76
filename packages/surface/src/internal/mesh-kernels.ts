// Per-face quantities of triangle meshes: corner angles and cotangents, areas, the edge
// structure, and the mixed Voronoi areas of Meyer, Desbrun, Schröder & Barr ("Discrete
// differential-geometry operators for triangulated 2-manifolds", 2003). Unchecked kernels.

/** Corner angles (3 per face, at faces[3f + c]) and face areas. */
export interface FaceGeometry {
  angles: Float64Array;
  /** cot of each corner angle */
  cot: Float64Array;
  /** face areas */
  area: Float64Array;
  /** unit face normals, 3 per face */
  normal: Float64Array;
}

export function faceGeometry(vertices: Float64Array, faces: Uint32Array): FaceGeometry {
  const nf = faces.length / 3;
  const angles = new Float64Array(3 * nf);
  const cot = new Float64Array(3 * nf);
  const area = new Float64Array(nf);
  const normal = new Float64Array(3 * nf);
  for (let f = 0; f < nf; f++) {
    const a = 3 * faces[3 * f];
    const b = 3 * faces[3 * f + 1];
    const c = 3 * faces[3 * f + 2];
    const abx = vertices[b] - vertices[a];
    const aby = vertices[b + 1] - vertices[a + 1];
    const abz = vertices[b + 2] - vertices[a + 2];
    const acx = vertices[c] - vertices[a];
    const acy = vertices[c + 1] - vertices[a + 1];
    const acz = vertices[c + 2] - vertices[a + 2];
    const bcx = vertices[c] - vertices[b];
    const bcy = vertices[c + 1] - vertices[b + 1];
    const bcz = vertices[c + 2] - vertices[b + 2];
    const nx = aby * acz - abz * acy;
    const ny = abz * acx - abx * acz;
    const nz = abx * acy - aby * acx;
    const dbl = Math.sqrt(nx * nx + ny * ny + nz * nz); // twice the area = |cross| at every corner
    area[f] = 0.5 * dbl;
    normal[3 * f] = nx / dbl;
    normal[3 * f + 1] = ny / dbl;
    normal[3 * f + 2] = nz / dbl;
    // cot at a corner = (dot of the two edges leaving it) / |cross|; angle = atan2(|cross|, dot)
    const da = abx * acx + aby * acy + abz * acz;
    const db = -(abx * bcx + aby * bcy + abz * bcz);
    const dc = acx * bcx + acy * bcy + acz * bcz;
    cot[3 * f] = da / dbl;
    cot[3 * f + 1] = db / dbl;
    cot[3 * f + 2] = dc / dbl;
    angles[3 * f] = Math.atan2(dbl, da);
    angles[3 * f + 1] = Math.atan2(dbl, db);
    angles[3 * f + 2] = Math.atan2(dbl, dc);
  }
  return { angles, cot, area, normal };
}

/** Number of faces at each undirected edge, keyed min·n + max. */
export function edgeCounts(faces: Uint32Array, nVertices: number): Map<number, number> {
  const m = new Map<number, number>();
  for (let k = 0; k < faces.length; k += 3)
    for (let e = 0; e < 3; e++) {
      const i = faces[k + e];
      const j = faces[k + ((e + 1) % 3)];
      const key = i < j ? i * nVertices + j : j * nVertices + i;
      m.set(key, (m.get(key) ?? 0) + 1);
    }
  return m;
}

/** 1 for vertices on a boundary edge (an edge with one face), else 0. */
export function boundaryVertices(edges: Map<number, number>, nVertices: number): Uint8Array {
  const out = new Uint8Array(nVertices);
  for (const [key, count] of edges)
    if (count === 1) {
      const i = Math.floor(key / nVertices);
      out[i] = 1;
      out[key - i * nVertices] = 1;
    }
  return out;
}

/**
 * Vertex areas: 'mixed' (Meyer et al.: Voronoi inside non-obtuse triangles, half or a quarter
 * of the area in obtuse ones; the areas tile the surface) or 'barycentric' (a third of each face).
 */
export function vertexAreas(
  vertices: Float64Array,
  faces: Uint32Array,
  g: FaceGeometry,
  kind: 'mixed' | 'barycentric',
): Float64Array {
  const n = vertices.length / 3;
  const out = new Float64Array(n);
  const nf = faces.length / 3;
  const sq = (i: number, j: number) => {
    const x = vertices[3 * j] - vertices[3 * i];
    const y = vertices[3 * j + 1] - vertices[3 * i + 1];
    const z = vertices[3 * j + 2] - vertices[3 * i + 2];
    return x * x + y * y + z * z;
  };
  for (let f = 0; f < nf; f++) {
    const A = g.area[f];
    if (kind === 'barycentric') {
      for (let c = 0; c < 3; c++) out[faces[3 * f + c]] += A / 3;
      continue;
    }
    let obtuse = -1;
    for (let c = 0; c < 3; c++) if (g.cot[3 * f + c] < 0) obtuse = c;
    for (let c = 0; c < 3; c++) {
      const p = faces[3 * f + c];
      if (obtuse < 0) {
        const q = faces[3 * f + ((c + 1) % 3)];
        const r = faces[3 * f + ((c + 2) % 3)];
        // (|pr|² cot∠q + |pq|² cot∠r) / 8
        out[p] +=
          (sq(p, r) * g.cot[3 * f + ((c + 1) % 3)] + sq(p, q) * g.cot[3 * f + ((c + 2) % 3)]) / 8;
      } else out[p] += obtuse === c ? A / 2 : A / 4;
    }
  }
  return out;
}

/** Angle-weighted (default) or area-weighted vertex normals, unit length (0 for isolated vertices). */
export function vertexNormals(
  faces: Uint32Array,
  nVertices: number,
  g: FaceGeometry,
  weighting: 'angle' | 'area',
): Float64Array {
  const out = new Float64Array(3 * nVertices);
  const nf = faces.length / 3;
  for (let f = 0; f < nf; f++)
    for (let c = 0; c < 3; c++) {
      const w = weighting === 'angle' ? g.angles[3 * f + c] : g.area[f];
      const p = 3 * faces[3 * f + c];
      out[p] += w * g.normal[3 * f];
      out[p + 1] += w * g.normal[3 * f + 1];
      out[p + 2] += w * g.normal[3 * f + 2];
    }
  for (let i = 0; i < nVertices; i++) {
    const x = out[3 * i];
    const y = out[3 * i + 1];
    const z = out[3 * i + 2];
    const l = Math.sqrt(x * x + y * y + z * z);
    if (l > 0) {
      out[3 * i] = x / l;
      out[3 * i + 1] = y / l;
      out[3 * i + 2] = z / l;
    }
  }
  return out;
}

/** Angle defects: 2π − Σθ at interior vertices, π − Σθ at boundary vertices. */
export function angleDefects(
  faces: Uint32Array,
  nVertices: number,
  g: FaceGeometry,
  boundary: Uint8Array,
): Float64Array {
  const out = new Float64Array(nVertices);
  for (let i = 0; i < nVertices; i++) out[i] = boundary[i] ? Math.PI : 2 * Math.PI;
  for (let k = 0; k < faces.length; k++) out[faces[k]] -= g.angles[k];
  return out;
}

/**
 * Σ_j ½(cot α_ij + cot β_ij)(r_j − r_i) per vertex (3 per vertex): the cotangent Laplacian of
 * the position, before division by the vertex area.
 */
export function cotanLaplacianOfPosition(
  vertices: Float64Array,
  faces: Uint32Array,
  g: FaceGeometry,
): Float64Array {
  const out = new Float64Array(vertices.length);
  const nf = faces.length / 3;
  for (let f = 0; f < nf; f++)
    for (let c = 0; c < 3; c++) {
      // the edge opposite corner c joins the other two corners, weight ½ cot(angle at c)
      const i = faces[3 * f + ((c + 1) % 3)];
      const j = faces[3 * f + ((c + 2) % 3)];
      const w = 0.5 * g.cot[3 * f + c];
      for (let t = 0; t < 3; t++) {
        const d = w * (vertices[3 * j + t] - vertices[3 * i + t]);
        out[3 * i + t] += d;
        out[3 * j + t] -= d;
      }
    }
  return out;
}

/** K_i = defect_i / A_i at interior vertices with area; 0 elsewhere. */
export function curvatureFromDefects(
  defect: Float64Array,
  area: Float64Array,
  boundary: Uint8Array,
): Float64Array {
  const out = new Float64Array(defect.length);
  for (let i = 0; i < defect.length; i++)
    if (!boundary[i] && area[i] > 0) out[i] = defect[i] / area[i];
  return out;
}
