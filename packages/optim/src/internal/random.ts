// Gaussian matrices for the manifolds' random points and tangent vectors.
import type { Matrix, Rng } from '@rg/linalg';

/** a rows×cols matrix of independent standard normals */
export function gaussianMatrix(rows: number, cols: number, random: Rng): Matrix {
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = random.normal();
  return { rows, cols, data };
}
