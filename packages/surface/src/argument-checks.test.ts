import { InvalidArgumentError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  cylinderSurface,
  ellipsoidSurface,
  featureTable,
  gridFeatures,
  icosphere,
  meshGeodesicDistance,
  meshVertexAreas,
  meshVertexNormals,
  naca4,
  parametricSurface,
  saddleSurface,
  sampleGrid,
  sphereSurface,
  torusSurface,
  wingSurface,
} from '../src/index.js';

// Fuzz findings (issue #15): options = null and features = null raised plain TypeErrors.
describe('null arguments are typed errors naming the called function', () => {
  it('options = null', () => {
    const mesh = icosphere({ subdivisions: 0 });
    const grid = sampleGrid(torusSurface(), {
      nu: 8,
      nv: 8,
      uRange: [0, 2 * Math.PI],
      vRange: [0, 2 * Math.PI],
      periodicU: true,
      periodicV: true,
    });
    const nul = null as never;
    const cases: [() => unknown, string][] = [
      [() => cylinderSurface(nul), 'cylinderSurface'],
      [() => ellipsoidSurface(nul), 'ellipsoidSurface'],
      [() => saddleSurface(nul), 'saddleSurface'],
      [() => sphereSurface(nul), 'sphereSurface'],
      [() => torusSurface(nul), 'torusSurface'],
      [() => wingSurface(nul), 'wingSurface'],
      [() => icosphere(nul), 'icosphere'],
      [() => naca4('2412', nul), 'naca4'],
      [() => parametricSurface((u, v) => [u, v, 0], nul), 'parametricSurface'],
      [() => gridFeatures(grid, nul), 'gridFeatures'],
      [() => meshVertexAreas(mesh, nul), 'meshVertexAreas'],
      [() => meshVertexNormals(mesh, nul), 'meshVertexNormals'],
      [() => meshGeodesicDistance(mesh, 0, nul), 'meshGeodesicDistance'],
    ];
    for (const [f, name] of cases) {
      expect(f).toThrow(InvalidArgumentError);
      expect(f).toThrow(new RegExp(`^${name}\\(\\): options`));
    }
  });
  it('featureTable(null)', () => {
    expect(() => featureTable(null as never)).toThrow(InvalidArgumentError);
    expect(() => featureTable(undefined as never)).toThrow(/^featureTable\(\): features/);
  });
});
