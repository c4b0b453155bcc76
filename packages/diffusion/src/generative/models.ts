// Score-based generative models on positive data: the multiplicative (GBM) model, and the
// additive variance-preserving (VP) baseline with the same network and training loop.
//
// Both predict the forward process's noise ε from the noisy state (Ho, Jain & Abbeel 2020's
// parametrization): for GBM, x ⊙ s = −1 − ε̂/(σ√t), which makes the σ²t-weighted multiplicative
// score-matching loss the plain ‖ε̂ − z‖²; for VP (Song et al. 2021), s = −ε̂/√(1 − α_t²).
import {
  assertFinite,
  checkInteger,
  checkPositive,
  InvalidArgumentError,
  type Matrix,
  NonFiniteError,
  rng,
  ShapeError,
} from '@rg/linalg';
import { fromJSON as layerFromJSON, type Layer, type ModelJSON } from '@rg/nn';
import { adam, type Optimizer } from '@rg/optim';
import { assertPositive, type GbmParameters, gbmLogNormalMarginal, gbmParameters } from './gbm.js';
import { type GbmSampleOptions, gbmReverseSample, samplerSettings, timeGrid } from './samplers.js';
import { type ScoreNetworkOptions, scoreNetwork } from './score-network.js';

/** Options of {@link DiffusionModel.train}. */
export interface DiffusionTrainOptions {
  /** optimizer steps (mini-batches) */
  steps: number;
  /** rows per mini-batch, drawn with replacement (default 128) */
  batchSize?: number;
  /**
   * the optimizer over the network's flat parameters (default Adam, lr 1e-3); e.g. @rg/optim's
   * `exponentiatedGradient` keeps every weight's sign (Dale's law)
   */
  optimizer?: Optimizer;
  /** seed of batches, times and noise (default 0) */
  seed?: number;
  /** stops between steps with the signal's reason */
  signal?: AbortSignal;
  /** called every `progressEvery` steps and after the last one */
  onProgress?: (info: { step: number; steps: number; loss: number }) => void;
  /** default 10 */
  progressEvery?: number;
  /** called with `toJSON()` every `checkpointEvery` steps (default: never) */
  onCheckpoint?: (checkpoint: DiffusionModelJSON, step: number) => void;
  checkpointEvery?: number;
}

/** What {@link DiffusionModel.train} returns. */
export interface DiffusionTrainResult {
  /** the mini-batch loss of every step */
  losses: Float64Array;
  /** wall-clock seconds */
  seconds: number;
  /** training rows processed per second */
  samplesPerSecond: number;
}

/** Options of {@link DiffusionModel.sample}. */
export interface DiffusionSampleOptions {
  /** reverse steps (default 200) */
  steps?: number;
  /**
   * multiplicative: 'dls' (default, log space), 'ums' (ambient) or 'ode' (probability flow);
   * additive: 'sde' (default, Euler–Maruyama) or 'ode'
   */
  method?: 'dls' | 'ums' | 'ode' | 'sde';
  /** 'geometric' (default for GBM) or 'linear' (default for VP) time grid */
  schedule?: 'geometric' | 'linear';
  /** noise scale a of the stochastic samplers (default 1) */
  noiseScale?: number;
  /** default 0 */
  seed?: number;
  signal?: AbortSignal;
}

/** A checkpoint: the model's settings, data statistics and network. */
export interface DiffusionModelJSON {
  readonly format: '@rg/diffusion';
  readonly kind: 'multiplicative' | 'additive';
  readonly options: Record<string, number>;
  readonly stats: { readonly a: number[]; readonly b: number[] } | null;
  readonly network: ModelJSON;
}

/** A trained or untrained score-based generative model. */
export interface DiffusionModel {
  readonly kind: 'multiplicative' | 'additive';
  /** the score network (an @rg/nn Layer) */
  readonly network: Layer;
  /** data dimension */
  readonly dim: number;
  /** the end time of the forward process */
  readonly T: number;
  /** trains on data (one sample per row) by denoising score matching */
  train(data: Matrix, options: DiffusionTrainOptions): DiffusionTrainResult;
  /**
   * The training loss on one batch, mean over rows of ‖ε̂ − z‖² (for the multiplicative model:
   * the σ²t-weighted multiplicative score-matching loss of `score`), and its gradient with
   * respect to `network.params`. Needs data statistics (train first, even for one step).
   */
  lossAndGradient(
    x0: Matrix,
    t: ArrayLike<number>,
    z: Matrix,
  ): { loss: number; gradient: Float64Array };
  /** the learned score ∇ₓ log p_t(x) in data coordinates */
  score(x: Matrix, t: number): Matrix;
  /** n samples, one per row, from the prior at T through the reverse process */
  sample(n: number, options?: DiffusionSampleOptions): Matrix;
  /** a checkpoint (also what `JSON.stringify(model)` writes) */
  toJSON(): DiffusionModelJSON;
}

/** Options of {@link multiplicativeDiffusion}. */
export interface MultiplicativeDiffusionOptions extends Omit<ScoreNetworkOptions, 'dim'> {
  /** data dimension */
  dim: number;
  /** GBM volatility (default 0.8) */
  sigma?: number;
  /** GBM drift (default σ²/2) */
  mu?: number;
  /** end time T (default 2: σ²T = 1.28 of log-variance against the data's ≈ 0.05) */
  T?: number;
  /** smallest training and sampling time (default 1e-3·T) */
  tMin?: number;
}

/** Options of {@link additiveDiffusion}. */
export interface AdditiveDiffusionOptions extends Omit<ScoreNetworkOptions, 'dim'> {
  dim: number;
  /** β(t) = βmin + t(βmax − βmin) on [0, 1] (defaults 0.1 and 20, Song et al. 2021) */
  betaMin?: number;
  betaMax?: number;
  /** smallest training and sampling time (default 1e-3) */
  tMin?: number;
}

function checkTrain(fn: string, model: { dim: number }, data: Matrix, o: DiffusionTrainOptions) {
  if (o === null || typeof o !== 'object')
    throw new InvalidArgumentError(`${fn}(): options must be an object { steps, … }`);
  assertFinite(fn, 'data', data);
  if (data.cols !== model.dim || data.rows < 2)
    throw new ShapeError(
      `${fn}(): data must have ${model.dim} columns and at least 2 rows (got ${data.rows} × ${data.cols})`,
    );
  const steps = o.steps;
  checkInteger(fn, 'steps', steps, 1);
  const batch = o.batchSize ?? 128;
  checkInteger(fn, 'batchSize', batch, 1);
  const every = o.progressEvery ?? 10;
  checkInteger(fn, 'progressEvery', every, 1);
  const ckpt = o.checkpointEvery ?? 0;
  checkInteger(fn, 'checkpointEvery', ckpt, 0);
  return { steps, batch, every, ckpt, seed: o.seed ?? 0 };
}

type Noisy = (x0: Float64Array, t: Float64Array, z: Float64Array, input: Float64Array) => void;

/** mean over rows of ‖ε̂ − z‖²; leaves its parameter gradient in net.grads */
function batchLoss(
  net: Layer,
  d: number,
  B: number,
  x0: Float64Array,
  t: Float64Array,
  z: Float64Array,
  input: Float64Array,
  noisy: Noisy,
  grad: Float64Array,
): number {
  noisy(x0, t, z, input);
  const out = net.forward({ rows: B, cols: d + 1, data: input }).data;
  let loss = 0;
  for (let q = 0; q < B * d; q++) {
    const e = out[q] - z[q];
    loss += e * e;
    grad[q] = (2 * e) / B;
  }
  net.zeroGrad();
  net.backward({ rows: B, cols: d, data: grad });
  return loss / B;
}

/** the public lossAndGradient of both models */
function publicLoss(
  fn: string,
  model: DiffusionModel,
  x0: Matrix,
  t: ArrayLike<number>,
  z: Matrix,
  noisy: Noisy,
  tMin: number,
  tMax: number,
): { loss: number; gradient: Float64Array } {
  const d = model.dim;
  assertFinite(fn, 'x0', x0);
  assertFinite(fn, 'z', z);
  if (x0.cols !== d || z.rows !== x0.rows || z.cols !== d || !t || t.length !== x0.rows)
    throw new ShapeError(`${fn}(): x0 and z must be n × ${d} and t must have n entries`);
  const tt = Float64Array.from(t);
  for (const v of tt)
    if (!(v >= tMin && v <= tMax))
      throw new InvalidArgumentError(`${fn}(): t must lie in [${tMin}, ${tMax}] (got ${v})`);
  const B = x0.rows;
  const loss = batchLoss(
    model.network,
    d,
    B,
    x0.data,
    tt,
    z.data,
    new Float64Array(B * (d + 1)),
    noisy,
    new Float64Array(B * d),
  );
  return { loss, gradient: Float64Array.from(model.network.grads) };
}

/**
 * The shared denoising loop: `noisy` fills the network input (n × (d + 1)) and the target noise
 * for given data rows, and the loss is the mean over rows of ‖ε̂ − z‖².
 */
function trainLoop(
  fn: string,
  model: DiffusionModel,
  data: Matrix,
  o: DiffusionTrainOptions,
  noisy: Noisy,
  tMin: number,
  tMax: number,
): DiffusionTrainResult {
  const s = checkTrain(fn, model, data, o);
  const net = model.network;
  const opt = o.optimizer ?? adam({ lr: 1e-3 });
  const d = model.dim;
  const B = s.batch;
  const r = rng(s.seed);
  const x0 = new Float64Array(B * d);
  const t = new Float64Array(B);
  const z = new Float64Array(B * d);
  const input = new Float64Array(B * (d + 1));
  const grad = new Float64Array(B * d);
  const losses = new Float64Array(s.steps);
  const start = performance.now();
  for (let step = 0; step < s.steps; step++) {
    o.signal?.throwIfAborted();
    for (let i = 0; i < B; i++) {
      const row = r.int(data.rows);
      x0.set(data.data.subarray(row * d, row * d + d), i * d);
      t[i] = tMin + (tMax - tMin) * r.uniform();
      for (let c = 0; c < d; c++) z[i * d + c] = r.normal();
    }
    const loss = batchLoss(net, d, B, x0, t, z, input, noisy, grad);
    if (!Number.isFinite(loss))
      throw new NonFiniteError(
        `${fn}(): the loss became ${loss} at step ${step + 1}; lower the learning rate`,
      );
    losses[step] = loss;
    opt.stepInPlace(net.params, net.grads);
    if (o.onProgress && ((step + 1) % s.every === 0 || step + 1 === s.steps))
      o.onProgress({ step: step + 1, steps: s.steps, loss });
    if (o.onCheckpoint && s.ckpt > 0 && (step + 1) % s.ckpt === 0)
      o.onCheckpoint(model.toJSON(), step + 1);
  }
  const seconds = (performance.now() - start) / 1000;
  return { losses, seconds, samplesPerSecond: (s.steps * B) / seconds };
}

class MultiplicativeModel implements DiffusionModel {
  readonly kind = 'multiplicative';
  readonly dim: number;
  readonly T: number;
  readonly tMin: number;
  readonly g: GbmParameters;
  readonly network: Layer;
  /** per coordinate: mean and variance of log x over the training data */
  stats: { logMean: Float64Array; logVar: Float64Array } | null = null;
  private readonly netOptions: Record<string, number>;

  constructor(o: MultiplicativeDiffusionOptions, network?: Layer) {
    const fn = 'multiplicativeDiffusion';
    if (o === null || typeof o !== 'object')
      throw new InvalidArgumentError(`${fn}(): options must be an object { dim, … }`);
    this.g = gbmParameters({ sigma: o.sigma, mu: o.mu }, fn);
    this.T = checkPositive(fn, 'T', o.T ?? 2);
    this.tMin = checkPositive(fn, 'tMin', o.tMin ?? 1e-3 * this.T);
    if (!(this.tMin < this.T)) throw new InvalidArgumentError(`${fn}(): tMin must be < T`);
    this.netOptions = {
      dim: o.dim,
      hidden: o.hidden ?? 128,
      blocks: o.blocks ?? 2,
      timeDim: o.timeDim ?? 32,
      seed: o.seed ?? 0,
    };
    this.network = network ?? scoreNetwork(this.netOptions as unknown as ScoreNetworkOptions);
    this.dim = o.dim;
  }

  private requireStats(fn: string) {
    if (!this.stats)
      throw new InvalidArgumentError(
        `${fn}(): the model has not been trained (no data statistics)`,
      );
    return this.stats;
  }

  /** network input for log-states y (n × d) at per-row times */
  private fillInput(
    y: Float64Array,
    t: Float64Array,
    n: number,
    input: Float64Array,
    stats: { logMean: Float64Array; logVar: Float64Array },
  ): void {
    const d = this.dim;
    const { sigma, logDrift } = this.g;
    for (let i = 0; i < n; i++) {
      // standardize by the marginal of a log-normal fit of the data at time t
      for (let c = 0; c < d; c++) {
        const m = stats.logMean[c] + logDrift * t[i];
        const v = stats.logVar[c] + sigma * sigma * t[i];
        input[i * (d + 1) + c] = (y[i * d + c] - m) / Math.sqrt(v);
      }
      input[i * (d + 1) + d] = (1000 * t[i]) / this.T;
    }
  }

  train(data: Matrix, options: DiffusionTrainOptions): DiffusionTrainResult {
    const fn = 'multiplicativeDiffusion().train';
    assertPositive(fn, 'data', data);
    if (data.cols !== this.dim)
      throw new ShapeError(`${fn}(): data must have ${this.dim} columns (got ${data.cols})`);
    if (!this.stats) {
      const d = this.dim;
      const logMean = new Float64Array(d);
      const logVar = new Float64Array(d);
      for (let i = 0; i < data.rows; i++)
        for (let c = 0; c < d; c++) logMean[c] += Math.log(data.data[i * d + c]) / data.rows;
      for (let i = 0; i < data.rows; i++)
        for (let c = 0; c < d; c++)
          logVar[c] += (Math.log(data.data[i * d + c]) - logMean[c]) ** 2 / data.rows;
      // a constant coordinate would give the prior zero spread: floor at 1e-6
      for (let c = 0; c < d; c++) logVar[c] = Math.max(logVar[c], 1e-6);
      this.stats = { logMean, logVar };
    }
    return trainLoop(fn, this, data, options, this.noisy(this.stats), this.tMin, this.T);
  }

  /** fills the network input from data rows, times and noise: standardized log-states */
  private noisy(stats: { logMean: Float64Array; logVar: Float64Array }): Noisy {
    const d = this.dim;
    const { sigma, logDrift } = this.g;
    let y = new Float64Array(0);
    return (x0, t, z, input) => {
      const n = t.length;
      if (y.length !== n * d) y = new Float64Array(n * d);
      for (let i = 0; i < n; i++)
        for (let c = 0; c < d; c++) {
          const q = i * d + c;
          y[q] = Math.log(x0[q]) + logDrift * t[i] + sigma * Math.sqrt(t[i]) * z[q];
        }
      this.fillInput(y, t, n, input, stats);
    };
  }

  lossAndGradient(x0: Matrix, t: ArrayLike<number>, z: Matrix) {
    const fn = 'multiplicativeDiffusion().lossAndGradient';
    const stats = this.requireStats(fn);
    assertPositive(fn, 'x0', x0);
    return publicLoss(fn, this, x0, t, z, this.noisy(stats), this.tMin, this.T);
  }

  score(x: Matrix, t: number): Matrix {
    const stats = this.requireStats('multiplicativeDiffusion().score');
    const n = x.rows;
    const d = this.dim;
    const y = new Float64Array(n * d);
    for (let q = 0; q < y.length; q++) y[q] = Math.log(x.data[q]);
    const input = new Float64Array(n * (d + 1));
    this.fillInput(y, new Float64Array(n).fill(t), n, input, stats);
    const eps = this.network.forward({ rows: n, cols: d + 1, data: input }).data;
    const st = this.g.sigma * Math.sqrt(t);
    const out = new Float64Array(n * d);
    for (let q = 0; q < out.length; q++) out[q] = -(1 + eps[q] / st) / x.data[q];
    return { rows: n, cols: d, data: out };
  }

  sample(n: number, options: DiffusionSampleOptions = {}): Matrix {
    const fn = 'multiplicativeDiffusion().sample';
    checkInteger(fn, 'n', n, 1);
    const stats = this.requireStats(fn);
    const method = options.method ?? 'dls';
    if (method === 'sde')
      throw new InvalidArgumentError(`${fn}(): method must be 'dls', 'ums' or 'ode' (got 'sde')`);
    // the prior: the GBM marginal at T of the data's log-normal fit
    const prior = gbmLogNormalMarginal(stats, this.T, this.g);
    const r = rng((options.seed ?? 0) + 0x9e3779b9);
    const d = this.dim;
    const xT = new Float64Array(n * d);
    for (let q = 0; q < xT.length; q++) {
      const c = q % d;
      xT[q] = Math.exp(prior.logMean[c] + Math.sqrt(prior.logVar[c]) * r.normal());
    }
    const so: GbmSampleOptions = {
      T: this.T,
      tMin: this.tMin,
      steps: options.steps,
      schedule: options.schedule,
      method,
      noiseScale: options.noiseScale,
      seed: options.seed,
      signal: options.signal,
      sigma: this.g.sigma,
      mu: this.g.mu,
    };
    return gbmReverseSample((x, t) => this.score(x, t), { rows: n, cols: d, data: xT }, so);
  }

  toJSON(): DiffusionModelJSON {
    return {
      format: '@rg/diffusion',
      kind: 'multiplicative',
      options: {
        ...this.netOptions,
        sigma: this.g.sigma,
        mu: this.g.mu,
        T: this.T,
        tMin: this.tMin,
      },
      stats: this.stats
        ? { a: Array.from(this.stats.logMean), b: Array.from(this.stats.logVar) }
        : null,
      network: this.network.toJSON(),
    };
  }
}

class AdditiveModel implements DiffusionModel {
  readonly kind = 'additive';
  readonly dim: number;
  readonly T = 1;
  readonly tMin: number;
  readonly betaMin: number;
  readonly betaMax: number;
  readonly network: Layer;
  /** the affine map of the data onto [−1, 1]: x = center + halfRange·u (per coordinate) */
  stats: { center: Float64Array; halfRange: Float64Array } | null = null;
  private readonly netOptions: Record<string, number>;

  constructor(o: AdditiveDiffusionOptions, network?: Layer) {
    const fn = 'additiveDiffusion';
    if (o === null || typeof o !== 'object')
      throw new InvalidArgumentError(`${fn}(): options must be an object { dim, … }`);
    this.betaMin = checkPositive(fn, 'betaMin', o.betaMin ?? 0.1);
    this.betaMax = checkPositive(fn, 'betaMax', o.betaMax ?? 20);
    if (!(this.betaMax >= this.betaMin))
      throw new InvalidArgumentError(`${fn}(): betaMax must be ≥ betaMin`);
    this.tMin = checkPositive(fn, 'tMin', o.tMin ?? 1e-3);
    if (!(this.tMin < 1)) throw new InvalidArgumentError(`${fn}(): tMin must be < 1`);
    this.netOptions = {
      dim: o.dim,
      hidden: o.hidden ?? 128,
      blocks: o.blocks ?? 2,
      timeDim: o.timeDim ?? 32,
      seed: o.seed ?? 0,
    };
    this.network = network ?? scoreNetwork(this.netOptions as unknown as ScoreNetworkOptions);
    this.dim = o.dim;
  }

  beta(t: number): number {
    return this.betaMin + t * (this.betaMax - this.betaMin);
  }

  /** α_t = exp(−½∫₀ᵗ β) */
  alpha(t: number): number {
    return Math.exp(-0.5 * (this.betaMin * t + 0.5 * (this.betaMax - this.betaMin) * t * t));
  }

  private requireStats(fn: string) {
    if (!this.stats)
      throw new InvalidArgumentError(
        `${fn}(): the model has not been trained (no data statistics)`,
      );
    return this.stats;
  }

  train(data: Matrix, options: DiffusionTrainOptions): DiffusionTrainResult {
    const fn = 'additiveDiffusion().train';
    assertFinite(fn, 'data', data);
    if (data.cols !== this.dim)
      throw new ShapeError(`${fn}(): data must have ${this.dim} columns (got ${data.cols})`);
    const d = this.dim;
    if (!this.stats) {
      const center = new Float64Array(d);
      const halfRange = new Float64Array(d);
      for (let c = 0; c < d; c++) {
        let lo = Number.POSITIVE_INFINITY;
        let hi = Number.NEGATIVE_INFINITY;
        for (let i = 0; i < data.rows; i++) {
          lo = Math.min(lo, data.data[i * d + c]);
          hi = Math.max(hi, data.data[i * d + c]);
        }
        center[c] = (lo + hi) / 2;
        halfRange[c] = Math.max((hi - lo) / 2, 1e-3);
      }
      this.stats = { center, halfRange };
    }
    return trainLoop(fn, this, data, options, this.noisy(this.stats), this.tMin, 1);
  }

  /** fills the network input from data rows, times and noise: α_t u + √(1 − α_t²) z */
  private noisy(stats: { center: Float64Array; halfRange: Float64Array }): Noisy {
    const d = this.dim;
    const { center, halfRange } = stats;
    return (x0, t, z, input) => {
      const n = t.length;
      for (let i = 0; i < n; i++) {
        const a = this.alpha(t[i]);
        const s = Math.sqrt(1 - a * a);
        for (let c = 0; c < d; c++) {
          const q = i * d + c;
          input[i * (d + 1) + c] = a * ((x0[q] - center[c]) / halfRange[c]) + s * z[q];
        }
        input[i * (d + 1) + d] = 1000 * t[i];
      }
    };
  }

  lossAndGradient(x0: Matrix, t: ArrayLike<number>, z: Matrix) {
    const fn = 'additiveDiffusion().lossAndGradient';
    const stats = this.requireStats(fn);
    return publicLoss(fn, this, x0, t, z, this.noisy(stats), this.tMin, 1);
  }

  /** the score in the [−1, 1] coordinates u */
  private scoreU(u: Matrix, t: number): Float64Array {
    const n = u.rows;
    const d = this.dim;
    const input = new Float64Array(n * (d + 1));
    for (let i = 0; i < n; i++) {
      input.set(u.data.subarray(i * d, i * d + d), i * (d + 1));
      input[i * (d + 1) + d] = 1000 * t;
    }
    const eps = this.network.forward({ rows: n, cols: d + 1, data: input }).data;
    const a = this.alpha(t);
    const s = Math.sqrt(1 - a * a);
    const out = new Float64Array(n * d);
    for (let q = 0; q < out.length; q++) out[q] = -eps[q] / s;
    return out;
  }

  score(x: Matrix, t: number): Matrix {
    const { center, halfRange } = this.requireStats('additiveDiffusion().score');
    const d = this.dim;
    const u = Float64Array.from(x.data, (v, q) => (v - center[q % d]) / halfRange[q % d]);
    const su = this.scoreU({ rows: x.rows, cols: d, data: u }, t);
    return { rows: x.rows, cols: d, data: su.map((v, q) => v / halfRange[q % d]) };
  }

  sample(n: number, options: DiffusionSampleOptions = {}): Matrix {
    const fn = 'additiveDiffusion().sample';
    checkInteger(fn, 'n', n, 1);
    const { center, halfRange } = this.requireStats(fn);
    const method = options.method ?? 'sde';
    if (method !== 'sde' && method !== 'ode')
      throw new InvalidArgumentError(`${fn}(): method must be 'sde' or 'ode' (got ${method})`);
    const set = samplerSettings(fn, {
      T: 1,
      tMin: this.tMin,
      steps: options.steps,
      schedule: options.schedule ?? 'linear',
      noiseScale: options.noiseScale,
      seed: options.seed,
    });
    const grid = timeGrid(1, set.tMin, set.steps, set.schedule);
    const r = rng(set.seed);
    const d = this.dim;
    const pr = rng(set.seed + 0x9e3779b9);
    const u = Float64Array.from({ length: n * d }, () => pr.normal());
    for (let k = 0; k < set.steps; k++) {
      options.signal?.throwIfAborted();
      const t = grid[k];
      const delta = t - grid[k + 1];
      const b = this.beta(t);
      const s = this.scoreU({ rows: n, cols: d, data: u }, t);
      if (method === 'sde') {
        const noise = set.a * Math.sqrt(b * delta);
        for (let q = 0; q < u.length; q++)
          u[q] += delta * (0.5 * b * u[q] + b * s[q]) + noise * r.normal();
      } else for (let q = 0; q < u.length; q++) u[q] += delta * 0.5 * b * (u[q] + s[q]);
    }
    return {
      rows: n,
      cols: d,
      data: u.map((v, q) => center[q % d] + halfRange[q % d] * v),
    };
  }

  toJSON(): DiffusionModelJSON {
    return {
      format: '@rg/diffusion',
      kind: 'additive',
      options: {
        ...this.netOptions,
        betaMin: this.betaMin,
        betaMax: this.betaMax,
        tMin: this.tMin,
      },
      stats: this.stats
        ? { a: Array.from(this.stats.center), b: Array.from(this.stats.halfRange) }
        : null,
      network: this.network.toJSON(),
    };
  }
}

/**
 * A multiplicative score-based generative model for positive data ("Dale meets Langevin"):
 * the forward process is geometric Brownian motion (σ = 0.8, μ = σ²/2 by default), the score
 * network ({@link scoreNetwork}) predicts the log-space noise from standardized log-states,
 * training minimizes the multiplicative denoising score-matching loss, and sampling runs
 * {@link gbmReverseSample} ('dls' by default: positive by construction) from the GBM marginal at
 * T of a log-normal fit of the data.
 *
 * @param options - dim, sigma, mu, T, tMin and the network's hidden, blocks, timeDim, seed
 * @returns an untrained model: `train`, `score`, `sample`, `toJSON`
 * @throws {InvalidArgumentError} on bad options
 * @example
 * import { matrix } from '@rg/linalg';
 * // 200 positive 2-D points; a short training run, then 5 samples, all positive
 * const data = matrix(200, 2, Float64Array.from({ length: 400 }, (_, q) => 1 + ((q * 0.618) % 1)));
 * const model = multiplicativeDiffusion({ dim: 2, hidden: 16, blocks: 1, timeDim: 8 });
 * model.train(data, { steps: 20, batchSize: 32 }).losses.length // => 20
 * const x = model.sample(5, { steps: 20 });
 * x.data.every((v) => v > 0) // => true
 */
export function multiplicativeDiffusion(options: MultiplicativeDiffusionOptions): DiffusionModel {
  return new MultiplicativeModel(options);
}

/**
 * The additive baseline: a variance-preserving diffusion (Song et al. 2021; β linear from 0.1 to
 * 20 on [0, 1]) on the data mapped affinely onto [−1, 1] per coordinate, with the same score
 * network, loss form (noise prediction) and training loop as {@link multiplicativeDiffusion};
 * samples by Euler–Maruyama on the reverse SDE ('sde') or the probability-flow ODE ('ode').
 *
 * @param options - dim, betaMin, betaMax, tMin and the network's hidden, blocks, timeDim, seed
 * @returns an untrained model
 * @throws {InvalidArgumentError} on bad options
 * @example
 * import { matrix } from '@rg/linalg';
 * const data = matrix(100, 2, Float64Array.from({ length: 200 }, (_, q) => Math.sin(q)));
 * const model = additiveDiffusion({ dim: 2, hidden: 16, blocks: 1, timeDim: 8 });
 * model.train(data, { steps: 10, batchSize: 16 }).losses.length // => 10
 * model.sample(4, { steps: 10 }).rows // => 4
 */
export function additiveDiffusion(options: AdditiveDiffusionOptions): DiffusionModel {
  return new AdditiveModel(options);
}

/**
 * Rebuilds a model from a checkpoint written by `toJSON()` (or its JSON text): same settings,
 * data statistics and network parameters, so it scores and samples exactly as the original.
 *
 * @param json - a {@link DiffusionModelJSON} or its text
 * @returns the model
 * @throws {InvalidArgumentError} on a checkpoint of another format or kind
 * @example
 * const model = additiveDiffusion({ dim: 3, hidden: 8, blocks: 0, timeDim: 4 });
 * const copy = diffusionModelFromJSON(JSON.stringify(model));
 * copy.network.dim === model.network.dim // => true
 */
export function diffusionModelFromJSON(json: DiffusionModelJSON | string): DiffusionModel {
  const fn = 'diffusionModelFromJSON';
  const j = (typeof json === 'string' ? JSON.parse(json) : json) as DiffusionModelJSON;
  if (j?.format !== '@rg/diffusion')
    throw new InvalidArgumentError(`${fn}(): json must be a checkpoint of format '@rg/diffusion'`);
  const net = layerFromJSON(j.network);
  if (j.kind === 'multiplicative') {
    const m = new MultiplicativeModel(j.options as unknown as MultiplicativeDiffusionOptions, net);
    if (j.stats)
      m.stats = { logMean: Float64Array.from(j.stats.a), logVar: Float64Array.from(j.stats.b) };
    return m;
  }
  if (j.kind === 'additive') {
    const m = new AdditiveModel(j.options as unknown as AdditiveDiffusionOptions, net);
    if (j.stats)
      m.stats = { center: Float64Array.from(j.stats.a), halfRange: Float64Array.from(j.stats.b) };
    return m;
  }
  throw new InvalidArgumentError(`${fn}(): kind must be 'multiplicative' or 'additive'`);
}
