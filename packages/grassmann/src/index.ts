// Public surface of @rg/grassmann: named re-exports only.
export { grassmannVersion } from './version.js';
