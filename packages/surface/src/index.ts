// Public surface of @rg/surface: named re-exports only.
export { surfaceVersion } from './version.js';
