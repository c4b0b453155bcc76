// Public surface of @rg/gpu: named re-exports only.
export { gpuVersion } from './version.js';
