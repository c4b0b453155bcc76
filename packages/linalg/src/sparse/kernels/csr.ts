// The CSR type, declared at the kernel layer so that kernels need nothing above them.

/**
 * A sparse rows×cols matrix in compressed sparse row form, a plain object like {@link Matrix}.
 * The entries of row i are `values[p]` at column `colIndex[p]` for
 * `rowPtr[i] ≤ p < rowPtr[i + 1]`; `rowPtr` has rows + 1 entries, starts at 0 and never
 * decreases, and `colIndex`/`values` hold exactly `rowPtr[rows]` entries. The constructors here
 * sort the columns of each row and merge duplicates; functions that take a CsrMatrix accept
 * unsorted rows and treat repeated (i, j) entries as a sum. Explicit zeros are kept (they carry
 * structure, e.g. an adjacency pattern).
 */
export interface CsrMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly rowPtr: Int32Array;
  readonly colIndex: Int32Array;
  readonly values: Float64Array;
}
