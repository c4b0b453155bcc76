// @rg/surface: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

// z = x² − y² on a 6 × 6 grid of spacing 0.25 (enough nodes for the order-4 stencils)
const saddlePoints = () => {
  const pts = [];
  for (let i = 0; i < 6; i++)
    for (let j = 0; j < 6; j++) {
      const x = (i - 2.5) / 4;
      const y = (j - 2.5) / 4;
      pts.push(x, y, x * x - y * y);
    }
  return Float64Array.from(pts);
};
const gridOptions = () => ({ nu: 6, nv: 6, du: 0.25, dv: 0.25 });
const torusGridOptions = () => ({
  nu: 8,
  nv: 8,
  uRange: [0, 2 * Math.PI],
  vRange: [0, 2 * Math.PI],
  periodicU: true,
  periodicV: true,
});
const torusGrid = (mod) => mod.sampleGrid(mod.torusSurface(), torusGridOptions());
const sphere = (mod) => mod.sphereSurface();
const mesh = (mod) => mod.icosphere({ subdivisions: 1 });

export const descriptions = {
  FEATURE_COLUMNS: 'value',
  featureTable: {
    call: 'features:any',
    valid: { features: (mod) => mod.gridFeatures(torusGrid(mod)) },
  },
  geometricFeatures: { call: 'surface:any u:num v:num', valid: { surface: sphere } },
  gridFeatures: { call: 'grid:any options?:opts', valid: { grid: torusGrid } },
  gridSurface: {
    call: 'points:vec options:opts',
    valid: { points: saddlePoints, options: gridOptions },
  },
  naca4: { call: 'code:str options?:opts', valid: { code: () => '2412' } },
  parametricSurface: {
    call: 'r:fn options?:opts',
    valid: { r: () => (u, v) => [u, v, u * u + v * v] },
  },
  sampleGrid: {
    call: 'surface:any options:opts',
    valid: { surface: (mod) => mod.torusSurface(), options: torusGridOptions },
  },
  cylinderSurface: 'options?:opts',
  ellipsoidSurface: 'options?:opts',
  saddleSurface: 'options?:opts',
  sphereSurface: 'options?:opts',
  torusSurface: 'options?:opts',
  surfaceGeodesic: {
    call: 'surface:any options:opts',
    valid: {
      surface: sphere,
      options: () => ({ u0: 0, v0: 0, du0: 1, dv0: 0, length: 1, steps: 16 }),
    },
  },
  wingSurface: 'options?:opts',
  eulerCharacteristic: { call: 'mesh:any', valid: { mesh } },
  gridMesh: { call: 'grid:any', valid: { grid: torusGrid } },
  icosphere: 'options?:opts',
  meshCurvatures: { call: 'mesh:any', valid: { mesh } },
  meshGaussianCurvature: { call: 'mesh:any', valid: { mesh } },
  // sources: a vertex index (or an array of them)
  meshGeodesicDistance: { call: 'mesh:any sources:int options?:opts', valid: { mesh } },
  meshMeanCurvature: { call: 'mesh:any', valid: { mesh } },
  meshVertexAreas: { call: 'mesh:any options?:opts', valid: { mesh } },
  meshVertexNormals: { call: 'mesh:any options?:opts', valid: { mesh } },
};

export const knownFailures = {};
