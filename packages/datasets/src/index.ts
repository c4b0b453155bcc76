// Public surface of @rg/datasets: named re-exports only.
export { datasetsVersion } from './version.js';
