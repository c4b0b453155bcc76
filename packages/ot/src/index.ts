// Public surface of @rg/ot: named re-exports only.
export { otVersion } from './version.js';
