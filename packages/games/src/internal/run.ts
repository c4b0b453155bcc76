// The bookkeeping every game solver shares: option checks, the starting point, per-coordinate
// step sizes, residual/distance history, progress, abort, divergence and the strict contract.
// Each solver keeps its own update loop.
import {
  ConvergenceError,
  InvalidArgumentError,
  throwIfAborted,
  checkInteger,
  checkPositive,
  checkVector,
} from '@rg/linalg';
import type { Game } from '../game.js';
import type { FlowOptions, GameSolverOptions, GameSolverResult } from '../solver-types.js';
import { type GameKernels, kernelsOf } from './game-kernels.js';
import { allFinite, distance } from './kernels.js';

/** Residual growth beyond which a run is declared divergent (relative to max(r₀, 1e-8)). */
const DIVERGENCE_GROWTH = 1e8;

export class SolverRun {
  readonly fn: string;
  readonly K: GameKernels;
  readonly dim: number;
  /** per-coordinate step h·w_i */
  readonly eta: Float64Array;
  readonly maxIter: number;
  readonly tol: number;
  readonly x0: Float64Array;
  private readonly options: GameSolverOptions;
  private readonly eq: Float64Array | undefined;
  private readonly keepEvery: number;
  private readonly scratch: Float64Array;
  readonly residuals: number[] = [];
  readonly distances: number[] | undefined;
  readonly points: { iteration: number; x: Float64Array }[] = [];
  evaluations = 0;
  diverged = false;
  private r0 = Number.NaN;
  /** the last finite iterate, returned when a run blows up */
  private readonly last: Float64Array;

  constructor(
    fn: string,
    game: Game,
    x0: Float64Array,
    options: GameSolverOptions,
    maxIterOverride?: number,
  ) {
    this.fn = fn;
    this.K = kernelsOf(fn, game);
    const K = this.K;
    this.dim = K.dim;
    if (!options || typeof options !== 'object')
      throw new InvalidArgumentError(`${fn}(): options with a step size are required ({ step })`);
    this.options = options;
    const step = checkPositive(fn, 'step', options.step);
    const ts =
      options.timescales === undefined
        ? new Float64Array(K.players).fill(1)
        : checkVector(fn, 'timescales', options.timescales, K.players, true);
    ts.forEach((w, i) => {
      checkPositive(fn, `timescales[${i}]`, w);
    });
    this.eta = new Float64Array(K.dim);
    for (let i = 0; i < K.players; i++) this.eta.fill(step * ts[i], K.offsets[i], K.offsets[i + 1]);
    this.maxIter = maxIterOverride ?? checkInteger(fn, 'maxIter', options.maxIter ?? 1000, 0);
    this.tol = checkPositive(fn, 'tol', options.tol ?? 1e-8, true);
    this.keepEvery = checkInteger(fn, 'keepEvery', options.keepEvery ?? 0, 0);
    checkVector(fn, 'x0', x0, K.dim);
    this.eq =
      options.equilibrium !== undefined
        ? checkVector(fn, 'equilibrium', options.equilibrium, K.dim)
        : game.equilibrium;
    this.distances = this.eq ? [] : undefined;
    this.x0 = new Float64Array(K.dim);
    K.project(x0, this.x0);
    this.scratch = new Float64Array(K.dim);
    this.last = Float64Array.from(this.x0);
  }

  /** F(x) into out, counted. */
  F(x: Float64Array, out: Float64Array): void {
    this.K.F(x, out);
    this.evaluations++;
  }

  /** Block i of F(x) into out, counted as 1/N of an evaluation. */
  Fi(i: number, x: Float64Array, out: Float64Array): void {
    this.K.Fi(i, x, out);
    this.evaluations += 1 / this.K.players;
  }

  /** ‖x − Π(x − g)‖ with g = F(x). */
  naturalResidual(x: Float64Array, g: Float64Array): number {
    const t = this.scratch;
    for (let j = 0; j < this.dim; j++) t[j] = x[j] - g[j];
    this.K.project(t, t);
    return distance(x, t);
  }

  /**
   * Record iterate k with its residual; true when the run must stop here (converged, diverged
   * or k = maxIter).
   */
  record(k: number, x: Float64Array, residual: number): boolean {
    throwIfAborted(this.fn, this.options.signal);
    if (k === 0) this.r0 = residual;
    const finite = Number.isFinite(residual) && allFinite(x);
    this.residuals.push(finite ? residual : Number.POSITIVE_INFINITY);
    const d = this.eq && finite ? distance(x, this.eq) : Number.POSITIVE_INFINITY;
    if (this.distances) this.distances.push(d);
    if (this.keepEvery > 0 && k % this.keepEvery === 0 && finite)
      this.points.push({ iteration: k, x: Float64Array.from(x) });
    this.options.onProgress?.({ iteration: k, residual, ...(this.eq ? { distance: d } : {}) });
    if (finite) this.last.set(x);
    if (!finite || residual > DIVERGENCE_GROWTH * Math.max(this.r0, 1e-8)) {
      this.diverged = true;
      return true;
    }
    return residual <= this.tol || k >= this.maxIter;
  }

  /** Build the result from the final iterate (its residual is the last one recorded). */
  finish(x: Float64Array, iterations: number): GameSolverResult {
    const residual = this.residuals[this.residuals.length - 1];
    const converged = !this.diverged && residual <= this.tol;
    if (!converged && this.options.strict)
      throw new ConvergenceError(
        `${this.fn}(): ${this.diverged ? 'diverged' : 'did not converge'} after ${iterations} iterations (residual ${residual.toExponential(2)}, tol ${this.tol})`,
        { iterations, residual },
      );
    const dist = this.distances ? this.distances[this.distances.length - 1] : undefined;
    return {
      x: Float64Array.from(allFinite(x) ? x : this.last),
      iterations,
      converged,
      residual,
      diverged: this.diverged,
      distance: dist,
      evaluations: Math.round(this.evaluations),
      trajectory: { residual: this.residuals, distance: this.distances, points: this.points },
    };
  }
}

/** ⌈horizon/step⌉ when a horizon is given. */
export function horizonSteps(fn: string, options: FlowOptions): number | undefined {
  if (!options || options.horizon === undefined) return undefined;
  const h = checkPositive(fn, 'step', options.step);
  const T = checkPositive(fn, 'horizon', options.horizon);
  return checkInteger(fn, 'horizon / step', Math.ceil(T / h - 1e-9), 1);
}
