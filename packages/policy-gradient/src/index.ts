// Public surface of @rg/policy-gradient: named re-exports only.
export { policyGradientVersion } from './version.js';
