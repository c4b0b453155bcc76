// Public surface of @rg/optim: named re-exports only.
export { optimVersion } from './version.js';
