// The on-policy actor-critic loop shared by PPO-clip and MDPO: collect a fixed number of steps,
// fit advantages by GAE(λ) with a learned value function, then several epochs of minibatch steps
// on a surrogate objective (Schulman et al. 2017, "Proximal policy optimization algorithms";
// Tomar, Shani, Efroni & Ghavamzadeh 2022, "Mirror descent policy optimization").
import {
  InvalidArgumentError,
  type Matrix,
  rng as makeRng,
  checkInRange,
  checkInteger,
  checkPositive,
} from '@rg/linalg';
import { adam, type Optimizer } from '@rg/optim';
import { activation, dense, embedding, type Layer, sequential } from '@rg/nn';
import type { Environment, VectorEnvironment } from '../environment.js';
import { advantagesKernel } from '../generalized-advantages.js';
import type { Policy, PolicyDistribution } from '../policy.js';
import type { Trajectories } from '../rollout.js';
import type { ActorCriticOptions, TrainProgress, TrainResult } from '../train-types.js';
import type { PolicyKernels } from './network-policy.js';
import { TrainLoop } from './train-loop.js';

/** The surrogate step: writes the ascent direction of the minibatch objective into g. */
export type SurrogateGradient = (
  kernels: PolicyKernels,
  theta: Float64Array,
  mb: Minibatch,
  g: Float64Array,
  stats: Record<string, number>,
) => void;

export interface Minibatch {
  X: Matrix;
  A: Matrix;
  advantages: Float64Array;
  oldLogProbs: Float64Array;
  reference: PolicyDistribution;
  /** iteration index k (0-based) and the budget K */
  k: number;
  K: number;
}

function gather(M: Matrix, idx: Int32Array, from: number, to: number): Matrix {
  const c = M.cols;
  const data = new Float64Array((to - from) * c);
  for (let i = from; i < to; i++)
    data.set(M.data.subarray(idx[i] * c, idx[i] * c + c), (i - from) * c);
  return { rows: to - from, cols: c, data };
}

function gatherVector(v: Float64Array, idx: Int32Array, from: number, to: number): Float64Array {
  const out = new Float64Array(to - from);
  for (let i = from; i < to; i++) out[i - from] = v[idx[i]];
  return out;
}

function gatherReference(
  ref: PolicyDistribution,
  idx: Int32Array,
  from: number,
  to: number,
): PolicyDistribution {
  return ref.kind === 'categorical'
    ? { kind: 'categorical', logits: gather(ref.logits, idx, from, to) }
    : { kind: 'gaussian', mean: gather(ref.mean, idx, from, to), logStd: ref.logStd };
}

function defaultCritic(env: Environment | VectorEnvironment, seed: number): Layer {
  const space = env.observationSpace;
  if (space.kind === 'discrete') {
    const table = embedding({ vocab: space.n, dim: 1 });
    table.params.fill(0);
    return table;
  }
  const r = makeRng(seed);
  const d = space.size;
  return sequential([
    dense({ inputs: d, outputs: 64, seed: r }),
    activation('tanh'),
    dense({ inputs: 64, outputs: 64, seed: r }),
    activation('tanh'),
    dense({ inputs: 64, outputs: 1, seed: r }),
  ]);
}

function values(critic: Layer, X: Matrix): Float64Array {
  if (X.rows === 0) return new Float64Array(0);
  return critic.forward(X).data.slice();
}

export function* actorCriticRun(
  fn: string,
  env: Environment | VectorEnvironment,
  policy: Policy,
  options: ActorCriticOptions | undefined,
  surrogate: SurrogateGradient,
): Generator<TrainProgress, TrainResult, void> {
  const loop = new TrainLoop(fn, env, policy, options);
  const o = options ?? {};
  const batchSteps = checkInteger(fn, 'options.batchSteps', o.batchSteps ?? 2048, 1);
  const epochs = checkInteger(fn, 'options.epochs', o.epochs ?? 10, 1);
  const mbSize = checkInteger(fn, 'options.minibatchSize', o.minibatchSize ?? 64, 1);
  const lambda = checkInRange(fn, 'options.lambda', o.lambda ?? 0.95, 0, 1);
  const criticEpochs = checkInteger(fn, 'options.criticEpochs', o.criticEpochs ?? epochs, 0);
  const optimizer: Optimizer =
    o.optimizer ?? adam({ lr: checkPositive(fn, 'options.lr', o.lr ?? 3e-4) });
  const criticOpt = adam({ lr: checkPositive(fn, 'options.criticLr', o.criticLr ?? 1e-3) });
  const normalize = o.normalizeAdvantages !== false;
  const critic = o.critic ?? defaultCritic(env, o.seed ?? 0);
  if (!critic || typeof critic.forward !== 'function' || typeof critic.backward !== 'function')
    throw new InvalidArgumentError(`${fn}(): options.critic must be an @rg/nn layer`);
  // K of MDPO's tₖ = 1 − k/K: the iterations the run can take
  const maxSamples = o.maxSamples ?? Number.POSITIVE_INFINITY;
  const K = Math.max(1, Math.min(loop.iterationBudget, Math.ceil(maxSamples / batchSteps)));
  const n = policy.dim;
  const g = new Float64Array(n);
  const descent = new Float64Array(n);
  const k = loop.kernels;
  for (let it = 0; !loop.done; it++) {
    const b: Trajectories = loop.collect(loop.theta, 0, batchSteps);
    const T = b.steps;
    // advantages by GAE(λ), bootstrapping episodes that did not reach a terminal state
    const V = values(critic, b.observations);
    const Vfinal = values(critic, b.finalObservations);
    for (let e = 0; e < b.episodes; e++) if (b.terminated[e]) Vfinal[e] = 0;
    const adv = advantagesKernel(
      b.rewards,
      V,
      loop.gamma,
      lambda,
      b.starts,
      Vfinal,
      new Float64Array(T),
    );
    const targets = new Float64Array(T);
    for (let i = 0; i < T; i++) targets[i] = adv[i] + V[i];
    if (normalize && T > 1) {
      let mean = 0;
      for (let i = 0; i < T; i++) mean += adv[i];
      mean /= T;
      let v = 0;
      for (let i = 0; i < T; i++) v += (adv[i] - mean) ** 2;
      const sd = Math.sqrt(v / (T - 1)) + 1e-8;
      for (let i = 0; i < T; i++) adv[i] = (adv[i] - mean) / sd;
    }
    const reference = k.distribution(loop.theta, b.observations);
    const stats: Record<string, number> = {};
    const idx = Int32Array.from({ length: T }, (_, i) => i);
    let steps = 0;
    for (let epoch = 0; epoch < epochs; epoch++) {
      shuffle(idx, loop);
      for (let from = 0; from < T; from += mbSize) {
        const to = Math.min(T, from + mbSize);
        const mb: Minibatch = {
          X: gather(b.observations, idx, from, to),
          A: gather(b.actions, idx, from, to),
          advantages: gatherVector(adv, idx, from, to),
          oldLogProbs: gatherVector(b.logProbs, idx, from, to),
          reference: gatherReference(reference, idx, from, to),
          k: it,
          K,
        };
        surrogate(k, loop.theta, mb, g, stats);
        for (let i = 0; i < n; i++) descent[i] = -g[i];
        optimizer.stepInPlace(loop.theta, descent);
        steps++;
      }
    }
    for (const key of Object.keys(stats)) stats[key] /= steps;
    // critic: minibatch regression of V(s) on the GAE targets
    let criticLoss = 0;
    let criticSteps = 0;
    for (let epoch = 0; epoch < criticEpochs; epoch++) {
      shuffle(idx, loop);
      for (let from = 0; from < T; from += mbSize) {
        const to = Math.min(T, from + mbSize);
        const X = gather(b.observations, idx, from, to);
        const y = gatherVector(targets, idx, from, to);
        const out = critic.forward(X).data;
        const m = to - from;
        const grad = new Float64Array(m);
        let loss = 0;
        for (let i = 0; i < m; i++) {
          const r = out[i] - y[i];
          loss += r * r;
          grad[i] = (2 * r) / m;
        }
        critic.zeroGrad();
        critic.backward({ rows: m, cols: 1, data: grad });
        criticOpt.step(critic.parameters());
        criticLoss += loss / m;
        criticSteps++;
      }
    }
    stats.criticLoss = criticSteps > 0 ? criticLoss / criticSteps : Number.NaN;
    yield loop.finish(stats);
  }
  return loop.result();
}

function shuffle(idx: Int32Array, loop: TrainLoop): void {
  for (let i = idx.length - 1; i > 0; i--) {
    const j = loop.rng.int(i + 1);
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
}
