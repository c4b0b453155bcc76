// Small elementwise helpers on Matrices for the containers; a null Matrix stands for zero.
import type { Matrix } from '@rg/linalg';

/** a + b, either possibly null (zero); a new Matrix unless one side is zero */
export function addNullable(a: Matrix | null, b: Matrix | null): Matrix | null {
  if (a === null) return b;
  if (b === null) return a;
  const out = new Float64Array(a.data.length);
  const ad = a.data;
  const bd = b.data;
  for (let i = 0; i < out.length; i++) out[i] = ad[i] + bd[i];
  return { rows: a.rows, cols: a.cols, data: out };
}

/** accumulate b into a fresh or existing sum: returns acc + b */
export function accumulate(acc: Matrix | null, b: Matrix | null): Matrix | null {
  if (b === null) return acc;
  if (acc === null) return { rows: b.rows, cols: b.cols, data: Float64Array.from(b.data) };
  const ad = acc.data;
  const bd = b.data;
  for (let i = 0; i < ad.length; i++) ad[i] += bd[i];
  return acc;
}

/** columns [from, from + width) of m, copied */
export function columnBlock(m: Matrix, from: number, width: number): Matrix {
  const out = new Float64Array(m.rows * width);
  const d = m.data;
  for (let i = 0; i < m.rows; i++) {
    const src = i * m.cols + from;
    out.set(d.subarray(src, src + width), i * width);
  }
  return { rows: m.rows, cols: width, data: out };
}

/** write block (rows × width) into columns [from, from + width) of target (rows × cols) */
export function setColumnBlock(
  target: Float64Array,
  cols: number,
  block: Matrix,
  from: number,
): void {
  const w = block.cols;
  for (let i = 0; i < block.rows; i++)
    target.set(block.data.subarray(i * w, (i + 1) * w), i * cols + from);
}
