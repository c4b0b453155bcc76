// Shared validation for the product wrappers, so every message has the same form.
import { guardAllocation } from './allocation.js';
import { NonFiniteError, ShapeError } from './errors.js';
import type { Matrix } from './matrix.js';
import { assertFinite, assertMatrix } from './validate.js';

/** Validate operands and return the output matrix (given or new). @internal */
export function prepareProduct(
  fn: string,
  a: Matrix,
  b: Matrix | null,
  rows: number,
  cols: number,
  out: Matrix | undefined,
): Matrix {
  if (out === undefined) {
    guardAllocation(fn, rows * cols);
    return { rows, cols, data: new Float64Array(rows * cols) };
  }
  assertMatrix(fn, 'out', out);
  if (out.rows !== rows || out.cols !== cols)
    throw new ShapeError(`${fn}(): out must be ${rows}×${cols} (is ${out.rows}×${out.cols})`);
  // The kernels overwrite out while still reading the operands, so overlap would corrupt them.
  if (overlaps(out.data, a.data) || (b !== null && overlaps(out.data, b.data)))
    throw new ShapeError(`${fn}(): out must not share memory with an input`);
  return out;
}

/** Validate the operands' structure; finiteness is checked by the kernels. @internal */
export function assertOperands(fn: string, a: Matrix, b: Matrix): void {
  assertMatrix(fn, 'a', a);
  assertMatrix(fn, 'b', b);
}

/**
 * Called when a kernel found a non-finite operand: throw the NonFiniteError that names
 * the entry (the full scan runs only on this error path).
 *
 * @internal
 */
export function throwNonFinite(fn: string, a: Matrix, b?: Matrix): never {
  assertFinite(fn, 'a', a);
  if (b !== undefined) assertFinite(fn, 'b', b);
  throw new NonFiniteError(`${fn}(): an operand has a non-finite entry`);
}

function overlaps(x: Float64Array, y: Float64Array): boolean {
  if (x.buffer !== y.buffer) return false;
  const x0 = x.byteOffset;
  const y0 = y.byteOffset;
  return x0 < y0 + y.byteLength && y0 < x0 + x.byteLength && x.length > 0 && y.length > 0;
}
