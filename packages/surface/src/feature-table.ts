// The per-point feature vectors of a surface as one matrix with named columns: the input
// layout of "Incorporating Riemannian Geometric Features for Learning Coefficient of Pressure
// Distributions on Airplane Wings" (coordinates, metric, connection, curvature).
import { InvalidArgumentError, type Matrix } from '@rg/linalg';
import type { GeometricFeatures } from './geometric-features.js';
import type { GridFeatures } from './grid-features.js';

/** Column names of a {@link featureTable}, in order. */
export const FEATURE_COLUMNS = [
  'x',
  'y',
  'z',
  'nx',
  'ny',
  'nz',
  'g11',
  'g12',
  'g22',
  'b11',
  'b12',
  'b22',
  'gamma1_11',
  'gamma1_12',
  'gamma1_22',
  'gamma2_11',
  'gamma2_12',
  'gamma2_22',
  'K',
  'H',
  'k1',
  'k2',
  'R1212',
  'dA',
] as const;

/** A feature matrix (one row per point) and its column names. */
export interface FeatureTable {
  columns: readonly string[];
  /** rows × columns.length */
  data: Matrix;
}

function isGrid(f: GridFeatures | readonly GeometricFeatures[]): f is GridFeatures {
  return (
    f !== null &&
    typeof f === 'object' &&
    !Array.isArray(f) &&
    typeof (f as GridFeatures).nu === 'number' &&
    (f as GridFeatures).point instanceof Float64Array
  );
}

/**
 * One row per point, columns {@link FEATURE_COLUMNS}: coordinates, unit normal, metric
 * (g11, g12, g22), second form (b11, b12, b22), the six distinct Christoffel symbols,
 * K, H, κ₁, κ₂, R_1212 and the area element. Principal directions are left out: their sign is
 * arbitrary, which makes them poor regression inputs.
 *
 * @param features - the result of {@link gridFeatures}, or an array of {@link geometricFeatures} results
 * @returns `{ columns, data }`
 * @throws {InvalidArgumentError} when features is neither
 * @example
 * const s = sphereSurface();
 * const t = featureTable([geometricFeatures(s, 0, 0), geometricFeatures(s, 1, 0.5)]);
 * t.data.rows // => 2
 * t.data.data[t.columns.indexOf('K')] // => ~1
 */
export function featureTable(features: GridFeatures | readonly GeometricFeatures[]): FeatureTable {
  const fn = 'featureTable';
  const cols = FEATURE_COLUMNS.length;
  if (isGrid(features)) {
    const f = features;
    const n = f.nu * f.nv;
    const data = new Float64Array(n * cols);
    for (let k = 0; k < n; k++) {
      const o = k * cols;
      for (let t = 0; t < 3; t++) {
        data[o + t] = f.point[3 * k + t];
        data[o + 3 + t] = f.normal[3 * k + t];
        data[o + 6 + t] = f.metric[3 * k + t];
        data[o + 9 + t] = f.secondForm[3 * k + t];
      }
      for (let t = 0; t < 6; t++) data[o + 12 + t] = f.christoffel[6 * k + t];
      data[o + 18] = f.gaussianCurvature[k];
      data[o + 19] = f.meanCurvature[k];
      data[o + 20] = f.principalCurvatures[2 * k];
      data[o + 21] = f.principalCurvatures[2 * k + 1];
      data[o + 22] = f.riemann1212[k];
      data[o + 23] = f.areaElement[k];
    }
    return { columns: FEATURE_COLUMNS, data: { rows: n, cols, data } };
  }
  if (!Array.isArray(features))
    throw new InvalidArgumentError(
      `${fn}(): features must be the result of gridFeatures() or an array of geometricFeatures() results`,
    );
  const n = features.length;
  const data = new Float64Array(n * cols);
  features.forEach((f, k) => {
    if (!f || !(f.point instanceof Float64Array) || !f.metric || !f.christoffel)
      throw new InvalidArgumentError(`${fn}(): features[${k}] is not a geometricFeatures() result`);
    const o = k * cols;
    for (let t = 0; t < 3; t++) {
      data[o + t] = f.point[t];
      data[o + 3 + t] = f.normal[t];
    }
    const m = f.metric.data;
    const b = f.secondForm.data;
    data[o + 6] = m[0];
    data[o + 7] = m[1];
    data[o + 8] = m[3];
    data[o + 9] = b[0];
    data[o + 10] = b[1];
    data[o + 11] = b[3];
    for (let c = 0; c < 2; c++) {
      const g = f.christoffel[c].data;
      data[o + 12 + 3 * c] = g[0];
      data[o + 13 + 3 * c] = g[1];
      data[o + 14 + 3 * c] = g[3];
    }
    data[o + 18] = f.gaussianCurvature;
    data[o + 19] = f.meanCurvature;
    data[o + 20] = f.principalCurvatures[0];
    data[o + 21] = f.principalCurvatures[1];
    data[o + 22] = f.riemann1212;
    data[o + 23] = f.areaElement;
  });
  return { columns: FEATURE_COLUMNS, data: { rows: n, cols, data } };
}
