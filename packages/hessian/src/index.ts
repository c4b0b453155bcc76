// Public surface of @rg/hessian: named re-exports only.
export { hessianVersion } from './version.js';
