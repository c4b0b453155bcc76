// @rg/hessian: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

/** f(x) = ½ Σ (i + 1) x_i², with its gradient and Hessian-vector product (any length). */
const quadratic = () => ({
  dim: 3,
  value: (x) => 0.5 * x.reduce((s, v, i) => s + (i + 1) * v * v, 0),
  grad: (x, out = new Float64Array(x.length)) => {
    for (let i = 0; i < x.length; i++) out[i] = (i + 1) * x[i];
    return out;
  },
  hvp: (_x, v, out = new Float64Array(v.length)) => {
    for (let i = 0; i < v.length; i++) out[i] = (i + 1) * v[i];
    return out;
  },
});
const point = () => Float64Array.from([0.5, -1, 2]);
const grads = () => ({ rows: 2, cols: 3, data: Float64Array.from([1, 0, 2, -1, 3, 0.5]) });
const logistic = (m) =>
  m.logisticRegression(
    { rows: 4, cols: 2, data: Float64Array.from([1, 0.5, -1, 1, 0.3, -2, 2, 1]) },
    [1, 0, 0, 1],
    { l2: 0.1 },
  );

export const descriptions = {
  finiteDifferenceHVP: { call: 'objective:any options?:opts', valid: { objective: quadratic } },
  gnsNewton: {
    call: 'objective:any x0:any options?:opts',
    valid: { objective: logistic, x0: () => new Float64Array(2) },
  },
  hessianEigenvalues: {
    call: 'objective:any x:any options?:opts',
    valid: { objective: quadratic, x: point, options: () => ({ k: 1 }) },
  },
  hessianTrace: {
    call: 'objective:any x:any options?:opts',
    valid: { objective: quadratic, x: point },
  },
  logisticRegression: {
    call: 'X:mat y:vec options?:opts',
    valid: { y: () => Float64Array.from([1, 0, 1]) },
  },
  mfacOptimizer: 'options?:opts',
  mfacPreconditioner: 'options?:opts',
  SlidingWindowMFAC: { call: 'new options:opts', valid: { options: () => ({ dim: 3, m: 2 }) } },
  softmaxRegression: 'X:mat Y:mat options?:opts',
  spectralDensity: {
    call: 'objective:any x:any options?:opts',
    valid: { objective: quadratic, x: point, options: () => ({ steps: 3 }) },
  },
  stabilityReport: {
    call: 'objective:any x:any options:opts',
    valid: { objective: quadratic, x: point, options: () => ({ lr: 0.1 }) },
  },
  StaticMFAC: { call: 'new grads:mat options?:opts', valid: { grads } },
};

export const knownFailures = {};
