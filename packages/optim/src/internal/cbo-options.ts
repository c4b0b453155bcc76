// Validation of the options of cbo and cboRuns (once, at the boundary), and the evaluation hooks
// that check what f returns.
import {
  checkInRange,
  checkInteger,
  checkPositive,
  InvalidArgumentError,
  type Matrix,
  NonFiniteError,
  type Rng,
  ShapeError,
} from '@rg/linalg';
import type { CboOptions, CboResult } from '../cbo.js';
import type { CboHooks, CboRun, CboSettings } from './cbo-kernel.js';

/** the validated settings, initial particles and generator of one run */
export interface PreparedCbo {
  settings: CboSettings;
  initial: (random: Rng) => Float64Array;
}

/** validate the options of cbo/cboRuns once */
export function prepareCbo(fn: string, options: CboOptions): PreparedCbo {
  if (!options || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options must be an object with at least dim`);
  const dim = checkInteger(fn, 'dim', options.dim, 1);
  const particles = checkInteger(fn, 'particles', options.particles ?? 40, 1);
  const alpha = options.alpha ?? 30;
  // alpha = ∞ is allowed
  checkInRange(fn, 'alpha', alpha, 0, Number.POSITIVE_INFINITY, true);
  const alphaGrowth = checkInRange(
    fn,
    'alphaGrowth',
    options.alphaGrowth ?? 1,
    1,
    Number.POSITIVE_INFINITY,
    false,
    true,
  );
  const lambda = checkPositive(fn, 'lambda', options.lambda ?? 1, true);
  const sigma = checkPositive(fn, 'sigma', options.sigma ?? 1, true);
  const dt = checkPositive(fn, 'dt', options.dt ?? 0.01);
  const noise = options.noise ?? 'anisotropic';
  if (noise !== 'isotropic' && noise !== 'anisotropic')
    throw new InvalidArgumentError(
      `${fn}(): noise must be 'isotropic' or 'anisotropic' (got ${String(noise)})`,
    );
  const maxIter = options.maxIter ?? 5000;
  checkInteger(fn, 'maxIter', maxIter, 0);
  const tol = checkPositive(fn, 'tol', options.tol ?? 1e-8, true);
  const settings: CboSettings = {
    dim,
    particles,
    alpha,
    alphaGrowth,
    lambda,
    sigma,
    dt,
    anisotropic: noise === 'anisotropic',
    maxIter,
    tol,
  };
  const init = options.init ?? { lower: -3, upper: 3 };
  if (init && typeof init === 'object' && 'data' in init) {
    const m = init as Matrix;
    if (
      m.rows !== particles ||
      m.cols !== dim ||
      !(m.data instanceof Float64Array) ||
      m.data.length !== particles * dim
    )
      throw new ShapeError(
        `${fn}(): init must be a ${particles}×${dim} Matrix (particles × dim; got ${m.rows}×${m.cols})`,
      );
    for (let i = 0; i < m.data.length; i++)
      if (!Number.isFinite(m.data[i]))
        throw new NonFiniteError(`${fn}(): init has a non-finite entry at index ${i}`);
    const start = m.data.slice();
    return { settings, initial: () => start.slice() };
  }
  if (!init || typeof init !== 'object' || !('lower' in init) || !('upper' in init))
    throw new InvalidArgumentError(
      `${fn}(): init must be { lower, upper } or a particles×dim Matrix`,
    );
  const bound = (name: 'lower' | 'upper'): Float64Array => {
    const b = init[name];
    if (typeof b === 'number') return new Float64Array(dim).fill(b);
    if (!b || typeof b !== 'object' || b.length !== dim)
      throw new ShapeError(`${fn}(): init.${name} must be a number or have length dim = ${dim}`);
    return Float64Array.from(b);
  };
  const lower = bound('lower');
  const upper = bound('upper');
  for (let j = 0; j < dim; j++)
    if (!(Number.isFinite(lower[j]) && Number.isFinite(upper[j]) && lower[j] <= upper[j]))
      throw new InvalidArgumentError(
        `${fn}(): init.lower[${j}] (${lower[j]}) and init.upper[${j}] (${upper[j]}) must be finite with lower ≤ upper`,
      );
  return {
    settings,
    initial: (random) => {
      const x = new Float64Array(particles * dim);
      for (let i = 0; i < particles; i++)
        for (let j = 0; j < dim; j++)
          x[i * dim + j] = lower[j] + (upper[j] - lower[j]) * random.uniform();
      return x;
    },
  };
}

/** the evaluation hooks of a run: f on views of the particles, NaN and non-number checks */
export function cboHooks(
  fn: string,
  f: (x: Float64Array) => number,
  settings: CboSettings,
  extra?: Pick<CboHooks, 'iteration'>,
): CboHooks {
  const { particles: n, dim: d } = settings;
  let views: Float64Array[] = [];
  let viewsOf: Float64Array | null = null;
  const fail = (v: unknown, what: string): never => {
    throw new NonFiniteError(
      `${fn}(): f returned ${String(v)} at ${what} (it must return a number, +∞ allowed)`,
    );
  };
  return {
    evaluate(x, values, k) {
      if (viewsOf !== x) {
        views = Array.from({ length: n }, (_, i) => x.subarray(i * d, (i + 1) * d));
        viewsOf = x;
      }
      let finite = false;
      for (let i = 0; i < n; i++) {
        const v = f(views[i]);
        if (typeof v !== 'number' || !(v <= Number.POSITIVE_INFINITY))
          fail(v, `particle ${i} (iteration ${k})`);
        values[i] = v;
        if (v < Number.POSITIVE_INFINITY) finite = true;
      }
      if (!finite)
        throw new NonFiniteError(
          `${fn}(): f is +∞ at every particle (iteration ${k}); no consensus point`,
        );
    },
    value: (c) => {
      const v = f(c.slice());
      if (typeof v !== 'number' || !(v <= Number.POSITIVE_INFINITY)) fail(v, 'the consensus point');
      return v;
    },
    iteration: extra?.iteration,
  };
}

export function toResult(run: CboRun, settings: CboSettings): CboResult {
  return {
    x: run.x,
    value: run.value,
    iterations: run.iterations,
    converged: run.converged,
    residual: run.residual,
    particles: { rows: settings.particles, cols: settings.dim, data: run.particles },
    ...(run.history ? { history: run.history } : {}),
  };
}
