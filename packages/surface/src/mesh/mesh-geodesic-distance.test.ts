import { InvalidArgumentError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  gridMesh,
  gridSurface,
  icosphere,
  meshGeodesicDistance,
  type TriangleMesh,
} from '../index.js';

function greatCircleError(m: TriangleMesh, sources: number[], d: Float64Array): number {
  const V = m.vertices;
  let err = 0;
  for (let i = 0; i < V.length / 3; i++) {
    let best = Number.POSITIVE_INFINITY;
    for (const s of sources) {
      const c = V[3 * s] * V[3 * i] + V[3 * s + 1] * V[3 * i + 1] + V[3 * s + 2] * V[3 * i + 2];
      best = Math.min(best, Math.acos(Math.max(-1, Math.min(1, c))));
    }
    err = Math.max(err, Math.abs(d[i] - best));
  }
  return err;
}

describe('meshGeodesicDistance(mesh, sources) by the heat method', () => {
  it('approaches great-circle distances on the unit icosphere at the O(h) rate of the method', () => {
    const errs = [2, 3, 4].map((s) => {
      const m = icosphere({ subdivisions: s });
      return greatCircleError(m, [0], meshGeodesicDistance(m, 0).distance);
    });
    // measured 0.096, 0.051, 0.029 (max over all vertices; the antipode is the worst)
    expect(errs[0] / errs[1]).toBeGreaterThan(1.6);
    expect(errs[1] / errs[2]).toBeGreaterThan(1.6);
    expect(errs[2]).toBeLessThan(0.035);
  });
  it('with several sources it returns the distance to the nearest one, converging with refinement', () => {
    const src = [0, 3, 8];
    const run = (s: number) => {
      const m = icosphere({ subdivisions: s });
      const d = meshGeodesicDistance(m, src).distance;
      return { err: greatCircleError(m, src, d), atSources: Math.max(...src.map((q) => d[q])) };
    };
    const a = run(3);
    const b = run(4);
    // measured 0.076 → 0.052 (worst where the fronts of two sources meet) and 0.044 → 0.021
    // at the sources themselves, which the method does not pin to 0 individually
    expect(b.err).toBeLessThan(0.06);
    expect(b.err).toBeLessThan(a.err);
    expect(b.atSources).toBeLessThan(0.6 * a.atSources);
  });
  it('on a flat square grid the distance from the centre is the Euclidean radius', () => {
    const n = 33;
    const pts: number[] = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) pts.push(i / (n - 1), j / (n - 1), 0);
    const m = gridMesh(gridSurface(Float64Array.from(pts), { nu: n, nv: n }));
    const c = 16 * n + 16;
    const d = meshGeodesicDistance(m, c).distance;
    let err = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        err = Math.max(
          err,
          Math.abs(d[i * n + j] - Math.hypot(i / (n - 1) - 0.5, j / (n - 1) - 0.5)),
        );
    // h = 1/32 on right triangles; the heat method's O(h) error, largest at the corners
    expect(err).toBeLessThan(0.03);
  });
  it('vertices of a component without a source are at distance Infinity', () => {
    const a = icosphere({ subdivisions: 1 });
    const na = a.vertices.length / 3;
    const vertices = new Float64Array(2 * a.vertices.length);
    vertices.set(a.vertices);
    for (let k = 0; k < a.vertices.length; k++)
      vertices[a.vertices.length + k] = a.vertices[k] + (k % 3 === 0 ? 5 : 0);
    const faces = new Uint32Array(2 * a.faces.length);
    faces.set(a.faces);
    for (let k = 0; k < a.faces.length; k++) faces[a.faces.length + k] = a.faces[k] + na;
    const d = meshGeodesicDistance({ vertices, faces }, 0).distance;
    for (let i = 0; i < na; i++) expect(Number.isFinite(d[i])).toBe(true);
    for (let i = na; i < 2 * na; i++) expect(d[i]).toBe(Number.POSITIVE_INFINITY);
  });
  it('rejects bad sources and options', () => {
    const m = icosphere({ subdivisions: 0 });
    expect(() => meshGeodesicDistance(m, 12)).toThrow(InvalidArgumentError);
    expect(() => meshGeodesicDistance(m, [])).toThrow(/sources must not be empty/);
    expect(() => meshGeodesicDistance(m, 0, { timeFactor: 0 })).toThrow(
      /timeFactor must be a finite number > 0/,
    );
  });
});
