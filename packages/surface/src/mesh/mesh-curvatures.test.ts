import { InvalidArgumentError, NonFiniteError, ShapeError } from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cylinderSurface,
  eulerCharacteristic,
  gridMesh,
  gridSurface,
  icosphere,
  meshCurvatures,
  meshGaussianCurvature,
  meshMeanCurvature,
  meshVertexAreas,
  meshVertexNormals,
  sampleGrid,
  type TriangleMesh,
  torusSurface,
} from '../index.js';

const torusMesh = (n: number, R = 2, r = 0.7) =>
  gridMesh(
    sampleGrid(torusSurface({ majorRadius: R, minorRadius: r }), {
      nu: 2 * n,
      nv: n,
      uRange: [0, 2 * Math.PI],
      vRange: [0, 2 * Math.PI],
      periodicU: true,
      periodicV: true,
    }),
  );
const tubeMesh = () =>
  gridMesh(
    sampleGrid(cylinderSurface(), {
      nu: 24,
      nv: 7,
      uRange: [0, 2 * Math.PI],
      vRange: [0, 2],
      periodicU: true,
    }),
  );
const diskMesh = () => {
  // a bumpy square patch: topologically a disk
  const pts: number[] = [];
  for (let i = 0; i < 9; i++)
    for (let j = 0; j < 9; j++) {
      const x = i / 8 - 0.5;
      const y = j / 8 - 0.5;
      pts.push(x, y, 0.3 * Math.sin(3 * x) * Math.cos(2 * y));
    }
  return gridMesh(gridSurface(Float64Array.from(pts), { nu: 9, nv: 9 }));
};
// Σ of V defects, each carrying a few ulps of 2π from the corner-angle sums
const gbTol = (m: TriangleMesh) => 64 * (m.vertices.length / 3) * Number.EPSILON * 2 * Math.PI;

describe('discrete Gauss–Bonnet: Σ angle defects = 2πχ', () => {
  const cases: [string, TriangleMesh, number][] = [
    ['icosahedron', icosphere({ subdivisions: 0 }), 2],
    ['icosphere (4 subdivisions)', icosphere({ radius: 3, subdivisions: 4 }), 2],
    ['torus grid mesh', torusMesh(32), 0],
    ['open tube (two boundary loops)', tubeMesh(), 0],
    ['bumpy square patch (a disk)', diskMesh(), 1],
  ];
  for (const [name, mesh, chi] of cases)
    it(`${name}: χ = ${chi} and the defects sum to 2πχ up to rounding`, () => {
      expect(eulerCharacteristic(mesh)).toBe(chi);
      const k = meshGaussianCurvature(mesh);
      expect(Math.abs(k.total - 2 * Math.PI * chi)).toBeLessThan(gbTol(mesh));
    });
  it('is a topological invariant: random displacements of the vertices keep Σ defects = 4π (sphere) and 0 (torus)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        for (const [mesh, chi] of [
          [icosphere({ subdivisions: 2 }), 2],
          [torusMesh(12), 0],
        ] as const) {
          let s = seed;
          const rand = () => {
            s = (s * 1103515245 + 12345) % 2147483648;
            return s / 2147483648 - 0.5;
          };
          const v = Float64Array.from(mesh.vertices, (x) => x + 0.02 * rand());
          const m = { vertices: v, faces: mesh.faces };
          expect(Math.abs(meshGaussianCurvature(m).total - 2 * Math.PI * chi)).toBeLessThan(
            gbTol(m),
          );
        }
      }),
      { numRuns: 20 },
    );
  });
});

describe('pointwise discrete curvature converges (O(h²) on regular meshes)', () => {
  const icoErr = (s: number) => {
    const c = meshCurvatures(icosphere({ radius: 2, subdivisions: s }));
    let eK = 0;
    let eH = 0;
    for (let i = 0; i < c.areas.length; i++) {
      eK = Math.max(eK, Math.abs(c.gaussianCurvature[i] - 0.25));
      eH = Math.max(eH, Math.abs(c.meanCurvature[i] + 0.5));
    }
    return { eK, eH };
  };
  it('icosphere of radius 2: K → 1/4 and H → −1/2 (outward normals), error ÷ ~4 per subdivision', () => {
    const a = icoErr(3);
    const b = icoErr(4);
    // measured: K 1.4e-3 → 3.5e-4, H 1.5e-5 → 3.7e-6
    expect(b.eK).toBeLessThan(5e-4);
    expect(b.eH).toBeLessThan(5e-6);
    expect(Math.log2(a.eK / b.eK)).toBeGreaterThan(1.7);
    expect(Math.log2(a.eH / b.eH)).toBeGreaterThan(1.7);
  });
  it('torus grid mesh: K → cos v/(r(R + r cos v)) and H → −(R + 2r cos v)/(2r(R + r cos v)) at every vertex', () => {
    const R = 2;
    const r = 0.7;
    const err = (n: number) => {
      const c = meshCurvatures(torusMesh(n, R, r));
      let eK = 0;
      let eH = 0;
      for (let i = 0; i < 2 * n; i++)
        for (let j = 0; j < n; j++) {
          const k = i * n + j;
          const v = (2 * Math.PI * j) / n;
          const rho = R + r * Math.cos(v);
          eK = Math.max(eK, Math.abs(c.gaussianCurvature[k] - Math.cos(v) / (r * rho)));
          eH = Math.max(
            eH,
            Math.abs(c.meanCurvature[k] + (R + 2 * r * Math.cos(v)) / (2 * r * rho)),
          );
          const k1 = Math.max(-1 / r, -Math.cos(v) / rho);
          // κ₁ = H + √(H² − K) inherits the O(h²) errors of K and H, amplified by
          // 1/(2√(H² − K)) ≤ 1/(2·min|κ₁ − κ₂|/2) ≈ 1.1 here (the torus has no umbilics)
          expect(Math.abs(c.principalCurvatures[2 * k] - k1)).toBeLessThan(n === 16 ? 0.05 : 0.01);
        }
      return { eK, eH };
    };
    const a = err(16);
    const b = err(32);
    expect(Math.log2(a.eK / b.eK)).toBeGreaterThan(1.8);
    expect(Math.log2(a.eH / b.eH)).toBeGreaterThan(1.8);
  });
});

describe('meshVertexAreas, meshVertexNormals, meshMeanCurvature', () => {
  const m = icosphere({ radius: 1.5, subdivisions: 3 });
  it('mixed and barycentric areas both tile the surface: they sum to the sum of face areas', () => {
    let total = 0;
    for (let f = 0; f < m.faces.length / 3; f++) {
      const [a, b, c] = [0, 1, 2].map((t) => 3 * m.faces[3 * f + t]);
      const e1 = [0, 1, 2].map((t) => m.vertices[b + t] - m.vertices[a + t]);
      const e2 = [0, 1, 2].map((t) => m.vertices[c + t] - m.vertices[a + t]);
      total +=
        0.5 *
        Math.hypot(
          e1[1] * e2[2] - e1[2] * e2[1],
          e1[2] * e2[0] - e1[0] * e2[2],
          e1[0] * e2[1] - e1[1] * e2[0],
        );
    }
    for (const kind of ['mixed', 'barycentric'] as const) {
      const s = meshVertexAreas(m, { kind }).reduce((x, y) => x + y, 0);
      expect(s).toBeCloseTo(total, 12);
    }
    // and approach 4πR² (inscribed polyhedron: O(h²) short)
    expect(total / (4 * Math.PI * 1.5 ** 2)).toBeGreaterThan(0.99);
  });
  it('normals are unit, point outwards, and converge to the radial direction', () => {
    for (const weighting of ['angle', 'area'] as const) {
      const n = meshVertexNormals(m, { weighting });
      for (let i = 0; i < n.length / 3; i++) {
        expect(Math.hypot(n[3 * i], n[3 * i + 1], n[3 * i + 2])).toBeCloseTo(1, 14);
        const d =
          (n[3 * i] * m.vertices[3 * i] +
            n[3 * i + 1] * m.vertices[3 * i + 1] +
            n[3 * i + 2] * m.vertices[3 * i + 2]) /
          1.5;
        // angle between the normal and the radius: O(h) on the icosphere's irregular valences
        expect(d).toBeGreaterThan(0.9999);
      }
    }
  });
  it('meshMeanCurvature agrees with meshCurvatures and reports Δr = 2Hn', () => {
    const h = meshMeanCurvature(m);
    const c = meshCurvatures(m);
    for (let i = 0; i < c.meanCurvature.length; i += 37) {
      expect(h.curvature[i]).toBe(c.meanCurvature[i]);
      const hn = [0, 1, 2].map((t) => 2 * h.curvature[i] * h.normals[3 * i + t]);
      // Δr is 2Hn plus a tangential part that vanishes like O(h) on the icosphere
      for (let t = 0; t < 3; t++) expect(h.meanCurvatureNormal[3 * i + t]).toBeCloseTo(hn[t], 2);
    }
  });
  it('boundary vertices of an open mesh get 0 curvature and are flagged', () => {
    const c = meshCurvatures(tubeMesh());
    for (let i = 0; i < c.boundary.length; i++) {
      const j = i % 7;
      expect(c.boundary[i]).toBe(j === 0 || j === 6 ? 1 : 0);
      if (c.boundary[i]) {
        expect(c.gaussianCurvature[i]).toBe(0);
        expect(c.meanCurvature[i]).toBe(0);
      }
    }
  });
});

describe('mesh functions: bad input', () => {
  const m = icosphere({ subdivisions: 0 });
  it('ShapeError on wrong array lengths or face indices out of range', () => {
    expect(() => meshCurvatures({ vertices: new Float64Array(4), faces: m.faces })).toThrow(
      ShapeError,
    );
    expect(() => meshCurvatures({ vertices: m.vertices, faces: new Uint32Array(4) })).toThrow(
      ShapeError,
    );
    const bad = Uint32Array.from(m.faces);
    bad[5] = 12;
    expect(() => meshGaussianCurvature({ vertices: m.vertices, faces: bad })).toThrow(
      /mesh.faces\[5\] = 12 is out of range \(the mesh has 12 vertices\)/,
    );
    expect(() => meshVertexNormals({ vertices: [0, 0, 0] as never, faces: m.faces })).toThrow(
      ShapeError,
    );
  });
  it('NonFiniteError on a non-finite coordinate', () => {
    const v = Float64Array.from(m.vertices);
    v[7] = Number.POSITIVE_INFINITY;
    expect(() => meshVertexAreas({ vertices: v, faces: m.faces })).toThrow(NonFiniteError);
  });
  it('InvalidArgumentError on degenerate faces, non-manifold edges and unknown options', () => {
    const flat = {
      vertices: Float64Array.of(0, 0, 0, 1, 0, 0, 2, 0, 0),
      faces: Uint32Array.of(0, 1, 2),
    };
    expect(() => meshCurvatures(flat)).toThrow(/face 0 is degenerate/);
    expect(() => meshCurvatures({ vertices: m.vertices, faces: Uint32Array.of(0, 0, 1) })).toThrow(
      /repeats a vertex/,
    );
    const fan = {
      vertices: Float64Array.of(0, 0, 0, 1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1),
      faces: Uint32Array.of(0, 1, 2, 1, 0, 3, 0, 1, 4),
    };
    expect(() => eulerCharacteristic(fan)).toThrow(/shared by 3 faces/);
    expect(() => meshVertexNormals(m, { weighting: 'uniform' as never })).toThrow(
      InvalidArgumentError,
    );
    expect(() => meshVertexAreas(m, { kind: 'voronoi' as never })).toThrow(InvalidArgumentError);
  });
});
