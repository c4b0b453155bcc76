// Shared option and result shapes of iterative algorithms: one contract (maxIter, tol, signal,
// onProgress, strict in; iterations, converged, residual out) for every package.

/** Progress report passed to `onProgress`. */
export interface ProgressInfo {
  iteration: number;
  residual: number;
  [key: string]: unknown;
}

/** Options every iterative algorithm accepts. */
export interface IterativeOptions {
  maxIter?: number;
  tol?: number;
  signal?: AbortSignal;
  onProgress?: (info: ProgressInfo) => void;
  /** throw a ConvergenceError instead of reporting non-convergence */
  strict?: boolean;
}

/** Fields every iterative result carries. */
export interface IterativeResult {
  iterations: number;
  converged: boolean;
  residual: number;
}
