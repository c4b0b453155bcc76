// Public surface of @rg/spd: named re-exports only.
export { spdVersion } from './version.js';
