// @rg/gpu: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

export const descriptions = {
  createAccelerator: 'options?:opts',
  defaultThresholds: 'value',
  referenceKernels: 'value',
};

export const knownFailures = {};
