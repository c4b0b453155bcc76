// @rg/surface: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

export const descriptions = {
  FEATURE_COLUMNS: 'value',
  featureTable: 'features:any',
  geometricFeatures: 'surface:any u:num v:num',
  gridFeatures: 'grid:any options?:opts',
  gridSurface: 'points:any options:opts',
  naca4: 'code:str options?:opts',
  parametricSurface: 'r:any options?:opts',
  sampleGrid: 'surface:any options:opts',
  cylinderSurface: 'options?:opts',
  ellipsoidSurface: 'options?:opts',
  saddleSurface: 'options?:opts',
  sphereSurface: 'options?:opts',
  torusSurface: 'options?:opts',
  surfaceGeodesic: 'surface:any options:opts',
  wingSurface: 'options?:opts',
  eulerCharacteristic: 'mesh:any',
  gridMesh: 'grid:any',
  icosphere: 'options?:opts',
  meshCurvatures: 'mesh:any',
  meshGaussianCurvature: 'mesh:any',
  meshGeodesicDistance: 'mesh:any sources:vec options?:opts',
  meshMeanCurvature: 'mesh:any',
  meshVertexAreas: 'mesh:any options?:opts',
  meshVertexNormals: 'mesh:any options?:opts',
};

export const knownFailures = {
  'surface:featureTable:baseline': {
    category: 'baseline',
    observed: "TypeError: Cannot read properties of undefined (reading 'nu')",
  },
  'surface:featureTable:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'nu')",
  },
  'surface:featureTable:0:undefined': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of undefined (reading 'nu')",
  },
  'surface:geometricFeatures:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: geometricFeatures(): surface must be a surface from parametricSurface(), gridSurface(), sampleGrid',
  },
  'surface:gridFeatures:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: gridFeatures(): grid must be a surface from parametricSurface(), gridSurface(), sampleGrid() or a ',
  },
  'surface:gridSurface:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: gridSurface(): options { nu, nv } are required',
  },
  'surface:naca4:baseline': {
    category: 'baseline',
    observed:
      "InvalidArgumentError: naca4(): airfoil must be a four-digit NACA code such as '2412' (got undefined)",
  },
  'surface:naca4:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'points')",
  },
  'surface:parametricSurface:baseline': {
    category: 'baseline',
    observed: 'InvalidArgumentError: parametricSurface(): r must be a function (u, v) => [x, y, z]',
  },
  'surface:sampleGrid:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: sampleGrid(): surface must be a surface from parametricSurface(), gridSurface(), sampleGrid() or a',
  },
  'surface:cylinderSurface:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'radius')",
  },
  'surface:ellipsoidSurface:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'a')",
  },
  'surface:saddleSurface:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'a')",
  },
  'surface:sphereSurface:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'radius')",
  },
  'surface:torusSurface:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'majorRadius')",
  },
  'surface:surfaceGeodesic:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: surfaceGeodesic(): surface must be a surface from parametricSurface(), gridSurface(), sampleGrid()',
  },
  'surface:wingSurface:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'airfoil')",
  },
  'surface:eulerCharacteristic:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: eulerCharacteristic(): mesh must be { vertices: Float64Array, faces: Uint32Array }',
  },
  'surface:gridMesh:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: gridMesh(): grid must be a grid surface (gridSurface or sampleGrid)',
  },
  'surface:icosphere:0:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'radius')",
  },
  'surface:meshCurvatures:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: meshCurvatures(): mesh must be { vertices: Float64Array, faces: Uint32Array }',
  },
  'surface:meshGaussianCurvature:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: meshGaussianCurvature(): mesh must be { vertices: Float64Array, faces: Uint32Array }',
  },
  'surface:meshGeodesicDistance:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: meshGeodesicDistance(): mesh must be { vertices: Float64Array, faces: Uint32Array }',
  },
  'surface:meshMeanCurvature:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: meshMeanCurvature(): mesh must be { vertices: Float64Array, faces: Uint32Array }',
  },
  'surface:meshVertexAreas:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: meshVertexAreas(): mesh must be { vertices: Float64Array, faces: Uint32Array }',
  },
  'surface:meshVertexAreas:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'kind')",
  },
  'surface:meshVertexNormals:baseline': {
    category: 'baseline',
    observed:
      'InvalidArgumentError: meshVertexNormals(): mesh must be { vertices: Float64Array, faces: Uint32Array }',
  },
  'surface:meshVertexNormals:1:null': {
    category: 'untyped',
    observed: "TypeError: Cannot read properties of null (reading 'weighting')",
  },
};
