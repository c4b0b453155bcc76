// Building square matrices from raw row-major data without copying.
import type { Matrix } from '@rg/linalg';

export function sq(n: number, data: Float64Array): Matrix {
  return { rows: n, cols: n, data };
}
