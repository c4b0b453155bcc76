// Public surface of @rg/datasets: named re-exports only.
export type { DenseMatrix, DigitsDataset } from './digits.js';
export { digits } from './digits.js';
