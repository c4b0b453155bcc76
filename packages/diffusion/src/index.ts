// Public surface of @rg/diffusion: named re-exports only.
export { diffusionVersion } from './version.js';
