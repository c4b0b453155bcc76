// Public surface of @rg/nn: named re-exports only.
export { nnVersion } from './version.js';
