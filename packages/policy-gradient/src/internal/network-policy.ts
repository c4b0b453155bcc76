// A policy as an @rg/nn network followed by a distribution head; exact scores by backprop and
// exact log-likelihood Hessian-vector products by the R-operator (Pearlmutter 1994).
import {
  InvalidArgumentError,
  type Matrix,
  NonFiniteError,
  type Rng,
  ShapeError,
  checkMatrix,
  checkOutput,
  checkVector,
} from '@rg/linalg';
import { softmaxRow } from '@rg/linalg/kernels';
import type { Layer } from '@rg/nn';
import type { Action } from '../environment.js';
import type { Policy, PolicyDistribution } from '../policy.js';
import {
  categoricalJvp,
  categoricalKl,
  categoricalLogProbs,
  categoricalSample,
  categoricalScore,
  categoricalScoreR,
  gaussianJvp,
  gaussianKl,
  gaussianLogProbs,
  gaussianSample,
  gaussianScore,
  gaussianScoreR,
} from './heads.js';

/** What the algorithms call: the same operations without argument checks. */
export interface PolicyKernels {
  sample(theta: Float64Array, observation: Float64Array, rng: Rng): Action;
  sampleBatch(theta: Float64Array, X: Matrix, rng: Rng): Matrix;
  logProbBatch(theta: Float64Array, X: Matrix, A: Matrix, out: Float64Array): Float64Array;
  gradLogProbBatch(
    theta: Float64Array,
    X: Matrix,
    A: Matrix,
    w: ArrayLike<number>,
    out: Float64Array,
  ): Float64Array;
  jvpLogProbBatch(
    theta: Float64Array,
    X: Matrix,
    A: Matrix,
    v: Float64Array,
    out: Float64Array,
  ): Float64Array;
  hvpLogProbBatch(
    theta: Float64Array,
    X: Matrix,
    A: Matrix,
    w: ArrayLike<number>,
    v: Float64Array,
    out: Float64Array,
  ): Float64Array;
  distribution(theta: Float64Array, X: Matrix): PolicyDistribution;
  klBatch(theta: Float64Array, X: Matrix, ref: PolicyDistribution, out: Float64Array): Float64Array;
  gradKlBatch(
    theta: Float64Array,
    X: Matrix,
    ref: PolicyDistribution,
    w: ArrayLike<number>,
    out: Float64Array,
  ): Float64Array;
  /**
   * The gradient of a surrogate Σᵢ wᵢ log π(aᵢ|sᵢ) − c Σᵢ KL(π_θ(·|sᵢ) ‖ refᵢ)/n with weights
   * computed from the log-probabilities at θ (`weightsOf`), in one forward and one backward
   * pass; the KL term only when `kl` is given (its per-row values go to `kl.values`).
   */
  surrogateGradient(
    theta: Float64Array,
    X: Matrix,
    A: Matrix,
    weightsOf: (logProbs: Float64Array) => ArrayLike<number>,
    kl: { reference: PolicyDistribution; coefficient: number; values: Float64Array } | null,
    out: Float64Array,
  ): Float64Array;
}

export interface HeadConfig {
  kind: 'categorical' | 'gaussian';
  /** Gaussian only: initial log standard deviations (length = actions) */
  logStd?: Float64Array;
  /** Gaussian only: the log standard deviations are parameters (the last entries of θ) */
  learnStd?: boolean;
}

const P = 'Policy';

export class NetworkPolicy implements PolicyKernels {
  readonly kind: 'categorical' | 'gaussian';
  readonly dim: number;
  readonly observationSize: number;
  readonly actionSize: number;
  readonly actions: number;
  readonly network: Layer;
  private readonly netDim: number;
  private readonly learnStd: boolean;
  private readonly fixedLogStd: Float64Array | null;
  private readonly theta0: Float64Array;

  constructor(network: Layer, observationSize: number, actions: number, head: HeadConfig) {
    this.network = network;
    this.kind = head.kind;
    this.observationSize = observationSize;
    this.actions = actions;
    this.actionSize = head.kind === 'categorical' ? 1 : actions;
    this.netDim = network.dim;
    this.learnStd = head.kind === 'gaussian' && head.learnStd !== false;
    const logStd = head.logStd ?? new Float64Array(actions);
    this.fixedLogStd = head.kind === 'gaussian' && !this.learnStd ? logStd.slice() : null;
    this.dim = this.netDim + (this.learnStd ? actions : 0);
    this.theta0 = new Float64Array(this.dim);
    this.theta0.set(network.params);
    if (this.learnStd) this.theta0.set(logStd, this.netDim);
  }

  initialParameters(): Float64Array {
    return this.theta0.slice();
  }

  observationsOf(observations: ArrayLike<number | ArrayLike<number>>): Matrix {
    const fn = `${P}.observationsOf`;
    if (!observations || typeof observations.length !== 'number')
      throw new ShapeError(`${fn}(): observations must be an array`);
    const n = observations.length;
    const d = this.observationSize;
    const data = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const o = observations[i];
      if (typeof o === 'number') {
        if (d !== 1)
          throw new ShapeError(`${fn}(): observations[${i}] must have ${d} entries (got a number)`);
        data[i] = o;
      } else {
        if (!o || o.length !== d)
          throw new ShapeError(`${fn}(): observations[${i}] must have ${d} entries`);
        for (let j = 0; j < d; j++) data[i * d + j] = o[j];
      }
    }
    return { rows: n, cols: d, data };
  }

  // ---- unchecked kernels ----

  private forward(theta: Float64Array, X: Matrix): Matrix {
    this.network.params.set(theta.length === this.netDim ? theta : theta.subarray(0, this.netDim));
    return this.network.forward(X);
  }

  private logStd(theta: Float64Array): Float64Array {
    return this.fixedLogStd ?? theta.subarray(this.netDim, this.netDim + this.actions);
  }

  sample(theta: Float64Array, observation: Float64Array, rng: Rng): Action {
    const a = this.sampleBatch(
      theta,
      { rows: 1, cols: observation.length, data: observation },
      rng,
    );
    return this.kind === 'categorical' ? a.data[0] : a.data;
  }

  sampleBatch(theta: Float64Array, X: Matrix, rng: Rng): Matrix {
    const F = this.forward(theta, X);
    const n = X.rows;
    const k = this.actions;
    const out = new Float64Array(n * this.actionSize);
    if (this.kind === 'categorical') {
      const p = new Float64Array(n * k);
      for (let row = 0; row < n; row++) softmaxRow(F.data, row * k, k, p, row * k);
      categoricalSample(p, n, k, rng, out);
    } else gaussianSample(F.data, this.logStd(theta), n, k, rng, out);
    return { rows: n, cols: this.actionSize, data: out };
  }

  logProbBatch(theta: Float64Array, X: Matrix, A: Matrix, out: Float64Array): Float64Array {
    const F = this.forward(theta, X);
    if (this.kind === 'categorical') categoricalLogProbs(F.data, X.rows, this.actions, A.data, out);
    else gaussianLogProbs(F.data, this.logStd(theta), X.rows, this.actions, A.data, out);
    return out;
  }

  /** the weighted score with respect to the network output, and the head-parameter part */
  private score(
    theta: Float64Array,
    F: Matrix,
    A: Matrix,
    w: ArrayLike<number>,
    out: Float64Array,
  ): Matrix {
    const n = F.rows;
    const k = this.actions;
    const G = new Float64Array(n * k);
    if (this.kind === 'categorical') {
      const p = new Float64Array(n * k);
      for (let row = 0; row < n; row++) softmaxRow(F.data, row * k, k, p, row * k);
      categoricalScore(p, n, k, A.data, w, G);
    } else {
      const gls = this.learnStd ? out.subarray(this.netDim) : null;
      gaussianScore(F.data, this.logStd(theta), n, k, A.data, w, G, gls);
    }
    return { rows: n, cols: k, data: G };
  }

  private backwardInto(G: Matrix, out: Float64Array): void {
    const net = this.network;
    net.zeroGrad();
    net.backward(G);
    out.set(net.grads);
  }

  gradLogProbBatch(
    theta: Float64Array,
    X: Matrix,
    A: Matrix,
    w: ArrayLike<number>,
    out: Float64Array,
  ): Float64Array {
    const F = this.forward(theta, X);
    const G = this.score(theta, F, A, w, out);
    this.backwardInto(G, out);
    return out;
  }

  private directions(v: Float64Array): [Float64Array, Float64Array | null] {
    return [
      v.length === this.netDim ? v : v.subarray(0, this.netDim),
      this.learnStd ? v.subarray(this.netDim) : null,
    ];
  }

  jvpLogProbBatch(
    theta: Float64Array,
    X: Matrix,
    A: Matrix,
    v: Float64Array,
    out: Float64Array,
  ): Float64Array {
    const F = this.forward(theta, X);
    const [vNet, vls] = this.directions(v);
    const RF = this.network.rForward(null, vNet);
    const n = X.rows;
    const k = this.actions;
    if (this.kind === 'categorical') {
      const p = new Float64Array(n * k);
      for (let row = 0; row < n; row++) softmaxRow(F.data, row * k, k, p, row * k);
      categoricalJvp(p, RF.data, n, k, A.data, out);
    } else gaussianJvp(F.data, this.logStd(theta), RF.data, vls, n, k, A.data, out);
    return out;
  }

  hvpLogProbBatch(
    theta: Float64Array,
    X: Matrix,
    A: Matrix,
    w: ArrayLike<number>,
    v: Float64Array,
    out: Float64Array,
  ): Float64Array {
    const F = this.forward(theta, X);
    const [vNet, vls] = this.directions(v);
    const RF = this.network.rForward(null, vNet);
    const n = X.rows;
    const k = this.actions;
    const G = new Float64Array(n * k);
    const RG = new Float64Array(n * k);
    if (this.kind === 'categorical') {
      const p = new Float64Array(n * k);
      for (let row = 0; row < n; row++) softmaxRow(F.data, row * k, k, p, row * k);
      categoricalScore(p, n, k, A.data, w, G);
      categoricalScoreR(p, RF.data, n, k, w, RG);
    } else {
      const ls = this.logStd(theta);
      gaussianScore(F.data, ls, n, k, A.data, w, G, null);
      const rls = this.learnStd ? out.subarray(this.netDim) : null;
      gaussianScoreR(F.data, ls, RF.data, vls, n, k, A.data, w, RG, rls);
    }
    this.network.rBackward(
      { rows: n, cols: k, data: G },
      { rows: n, cols: k, data: RG },
      out.length === this.netDim ? out : out.subarray(0, this.netDim),
    );
    return out;
  }

  distribution(theta: Float64Array, X: Matrix): PolicyDistribution {
    const F = this.forward(theta, X);
    const copy = { rows: F.rows, cols: F.cols, data: F.data.slice() };
    return this.kind === 'categorical'
      ? { kind: 'categorical', logits: copy }
      : { kind: 'gaussian', mean: copy, logStd: this.logStd(theta).slice() };
  }

  klBatch(
    theta: Float64Array,
    X: Matrix,
    ref: PolicyDistribution,
    out: Float64Array,
  ): Float64Array {
    const F = this.forward(theta, X);
    const n = X.rows;
    const k = this.actions;
    if (ref.kind === 'categorical') categoricalKl(F.data, ref.logits.data, n, k, out);
    else gaussianKl(F.data, this.logStd(theta), ref.mean.data, ref.logStd, n, k, out);
    return out;
  }

  gradKlBatch(
    theta: Float64Array,
    X: Matrix,
    ref: PolicyDistribution,
    w: ArrayLike<number>,
    out: Float64Array,
  ): Float64Array {
    const F = this.forward(theta, X);
    const n = X.rows;
    const k = this.actions;
    const G = new Float64Array(n * k);
    const kl = new Float64Array(n);
    if (ref.kind === 'categorical') categoricalKl(F.data, ref.logits.data, n, k, kl, w, G);
    else {
      const gls = this.learnStd ? out.subarray(this.netDim) : null;
      gaussianKl(F.data, this.logStd(theta), ref.mean.data, ref.logStd, n, k, kl, w, G, gls);
    }
    this.backwardInto({ rows: n, cols: k, data: G }, out);
    return out;
  }

  surrogateGradient(
    theta: Float64Array,
    X: Matrix,
    A: Matrix,
    weightsOf: (logProbs: Float64Array) => ArrayLike<number>,
    kl: { reference: PolicyDistribution; coefficient: number; values: Float64Array } | null,
    out: Float64Array,
  ): Float64Array {
    const F = this.forward(theta, X);
    const n = X.rows;
    const k = this.actions;
    const logp = new Float64Array(n);
    const ls = this.kind === 'gaussian' ? this.logStd(theta) : null;
    if (ls) gaussianLogProbs(F.data, ls, n, k, A.data, logp);
    else categoricalLogProbs(F.data, n, k, A.data, logp);
    const w = weightsOf(logp);
    const G = this.score(theta, F, A, w, out);
    if (kl) {
      const c = new Float64Array(n).fill(-kl.coefficient / n);
      const GK = new Float64Array(n * k);
      const ref = kl.reference;
      if (ref.kind === 'categorical')
        categoricalKl(F.data, ref.logits.data, n, k, kl.values, c, GK);
      else {
        const gls = this.learnStd ? new Float64Array(k) : null;
        gaussianKl(
          F.data,
          ls as Float64Array,
          ref.mean.data,
          ref.logStd,
          n,
          k,
          kl.values,
          c,
          GK,
          gls,
        );
        if (gls) for (let j = 0; j < k; j++) out[this.netDim + j] += gls[j];
      }
      for (let i = 0; i < n * k; i++) G.data[i] += GK[i];
    }
    this.backwardInto(G, out);
    return out;
  }

  // ---- validated public methods ----

  private checkTheta(fn: string, theta: Float64Array): void {
    checkVector(fn, 'theta', theta, this.dim);
  }

  private checkObservation(fn: string, o: Float64Array): Matrix {
    checkVector(fn, 'observation', o, this.observationSize);
    return { rows: 1, cols: this.observationSize, data: o };
  }

  private actionRow(fn: string, a: Action): Matrix {
    if (this.kind === 'categorical') {
      const i = typeof a === 'number' ? a : a?.[0];
      if (!Number.isInteger(i) || i < 0 || i >= this.actions)
        throw new InvalidArgumentError(
          `${fn}(): action must be an index in [0, ${this.actions}) (got ${String(a)})`,
        );
      return { rows: 1, cols: 1, data: Float64Array.of(i as number) };
    }
    const v = typeof a === 'number' ? Float64Array.of(a) : a;
    checkVector(fn, 'action', v, this.actions);
    return { rows: 1, cols: this.actions, data: v };
  }

  private checkBatch(fn: string, X: Matrix, A?: Matrix): void {
    checkMatrix(fn, 'observations', X, -1, this.observationSize);
    if (X.rows === 0) throw new ShapeError(`${fn}(): observations must have at least one row`);
    if (A === undefined) return;
    checkMatrix(fn, 'actions', A, X.rows, this.actionSize);
    if (this.kind === 'categorical')
      for (let i = 0; i < A.rows; i++) {
        const a = A.data[i];
        if (!Number.isInteger(a) || a < 0 || a >= this.actions)
          throw new InvalidArgumentError(
            `${fn}(): actions[${i}] must be an index in [0, ${this.actions}) (got ${a})`,
          );
      }
  }

  private checkWeights(fn: string, w: ArrayLike<number>, n: number): void {
    if (!w || w.length !== n)
      throw new ShapeError(`${fn}(): weights must have one entry per observation (${n})`);
    for (let i = 0; i < n; i++)
      if (w[i] - w[i] !== 0)
        throw new NonFiniteError(`${fn}(): weights[${i}] is ${w[i]} (must be finite)`, i);
  }

  private checkReference(fn: string, ref: PolicyDistribution, n: number): void {
    if (!ref || ref.kind !== this.kind)
      throw new InvalidArgumentError(
        `${fn}(): reference must be a ${this.kind} distribution from distribution()`,
      );
    if (ref.kind === 'categorical')
      checkMatrix(fn, 'reference.logits', ref.logits, n, this.actions);
    else {
      checkMatrix(fn, 'reference.mean', ref.mean, n, this.actions);
      checkVector(fn, 'reference.logStd', ref.logStd, this.actions);
    }
  }

  /** @internal the validated form of every method (the class's own methods are unchecked) */
  checked(): Policy {
    const self = this;
    const fnOf = (m: string) => `${P}.${m}`;
    const policy: Policy = {
      kind: self.kind,
      dim: self.dim,
      observationSize: self.observationSize,
      actionSize: self.actionSize,
      actions: self.actions,
      network: self.network,
      initialParameters: () => self.initialParameters(),
      observationsOf: (o) => self.observationsOf(o),
      sample(theta, observation, rng) {
        const fn = fnOf('sample');
        self.checkTheta(fn, theta);
        self.checkObservation(fn, observation);
        if (!rng || typeof rng.uniform !== 'function')
          throw new InvalidArgumentError(`${fn}(): rng must be a generator from rng(seed)`);
        return self.sample(theta, observation, rng);
      },
      logProb(theta, observation, action) {
        const fn = fnOf('logProb');
        self.checkTheta(fn, theta);
        const X = self.checkObservation(fn, observation);
        return self.logProbBatch(theta, X, self.actionRow(fn, action), new Float64Array(1))[0];
      },
      gradLogProb(theta, observation, action, out) {
        const fn = fnOf('gradLogProb');
        self.checkTheta(fn, theta);
        const X = self.checkObservation(fn, observation);
        const o = checkOutput(fn, 'out', out, self.dim);
        return self.gradLogProbBatch(theta, X, self.actionRow(fn, action), [1], o);
      },
      hvpLogProb(theta, observation, action, v, out) {
        const fn = fnOf('hvpLogProb');
        self.checkTheta(fn, theta);
        const X = self.checkObservation(fn, observation);
        checkVector(fn, 'v', v, self.dim);
        const o = checkOutput(fn, 'out', out, self.dim);
        return self.hvpLogProbBatch(theta, X, self.actionRow(fn, action), [1], v, o);
      },
      sampleBatch(theta, observations, rng) {
        const fn = fnOf('sampleBatch');
        self.checkTheta(fn, theta);
        self.checkBatch(fn, observations);
        if (!rng || typeof rng.uniform !== 'function')
          throw new InvalidArgumentError(`${fn}(): rng must be a generator from rng(seed)`);
        return self.sampleBatch(theta, observations, rng);
      },
      logProbBatch(theta, observations, actions, out) {
        const fn = fnOf('logProbBatch');
        self.checkTheta(fn, theta);
        self.checkBatch(fn, observations, actions);
        return self.logProbBatch(
          theta,
          observations,
          actions,
          checkOutput(fn, 'out', out, observations.rows),
        );
      },
      gradLogProbBatch(theta, observations, actions, weights, out) {
        const fn = fnOf('gradLogProbBatch');
        self.checkTheta(fn, theta);
        self.checkBatch(fn, observations, actions);
        self.checkWeights(fn, weights, observations.rows);
        return self.gradLogProbBatch(
          theta,
          observations,
          actions,
          weights,
          checkOutput(fn, 'out', out, self.dim),
        );
      },
      jvpLogProbBatch(theta, observations, actions, v, out) {
        const fn = fnOf('jvpLogProbBatch');
        self.checkTheta(fn, theta);
        self.checkBatch(fn, observations, actions);
        checkVector(fn, 'v', v, self.dim);
        return self.jvpLogProbBatch(
          theta,
          observations,
          actions,
          v,
          checkOutput(fn, 'out', out, observations.rows),
        );
      },
      hvpLogProbBatch(theta, observations, actions, weights, v, out) {
        const fn = fnOf('hvpLogProbBatch');
        self.checkTheta(fn, theta);
        self.checkBatch(fn, observations, actions);
        self.checkWeights(fn, weights, observations.rows);
        checkVector(fn, 'v', v, self.dim);
        return self.hvpLogProbBatch(
          theta,
          observations,
          actions,
          weights,
          v,
          checkOutput(fn, 'out', out, self.dim),
        );
      },
      distribution(theta, observations) {
        const fn = fnOf('distribution');
        self.checkTheta(fn, theta);
        self.checkBatch(fn, observations);
        return self.distribution(theta, observations);
      },
      klBatch(theta, observations, reference, out) {
        const fn = fnOf('klBatch');
        self.checkTheta(fn, theta);
        self.checkBatch(fn, observations);
        self.checkReference(fn, reference, observations.rows);
        return self.klBatch(
          theta,
          observations,
          reference,
          checkOutput(fn, 'out', out, observations.rows),
        );
      },
      gradKlBatch(theta, observations, reference, weights, out) {
        const fn = fnOf('gradKlBatch');
        self.checkTheta(fn, theta);
        self.checkBatch(fn, observations);
        self.checkReference(fn, reference, observations.rows);
        self.checkWeights(fn, weights, observations.rows);
        return self.gradKlBatch(
          theta,
          observations,
          reference,
          weights,
          checkOutput(fn, 'out', out, self.dim),
        );
      },
    };
    KERNELS.set(policy, self);
    return policy;
  }
}

const KERNELS = new WeakMap<Policy, PolicyKernels>();

/**
 * The unchecked operations of a policy made here, or the policy's own (validated) methods for a
 * policy implemented elsewhere.
 */
export function kernelsOf(policy: Policy): PolicyKernels {
  const k = KERNELS.get(policy);
  if (k) return k;
  return {
    sample: (t, o, r) => policy.sample(t, o, r),
    sampleBatch: (t, X, r) => policy.sampleBatch(t, X, r),
    logProbBatch: (t, X, A, o) => policy.logProbBatch(t, X, A, o),
    gradLogProbBatch: (t, X, A, w, o) => policy.gradLogProbBatch(t, X, A, w, o),
    jvpLogProbBatch: (t, X, A, v, o) => policy.jvpLogProbBatch(t, X, A, v, o),
    hvpLogProbBatch: (t, X, A, w, v, o) => policy.hvpLogProbBatch(t, X, A, w, v, o),
    distribution: (t, X) => policy.distribution(t, X),
    klBatch: (t, X, r, o) => policy.klBatch(t, X, r, o),
    gradKlBatch: (t, X, r, w, o) => policy.gradKlBatch(t, X, r, w, o),
    surrogateGradient: (t, X, A, weightsOf, kl, o) => {
      const lp = policy.logProbBatch(t, X, A);
      policy.gradLogProbBatch(t, X, A, weightsOf(lp), o);
      if (kl) {
        const n = X.rows;
        const g = policy.gradKlBatch(t, X, kl.reference, new Float64Array(n).fill(1 / n));
        for (let i = 0; i < o.length; i++) o[i] -= kl.coefficient * g[i];
        policy.klBatch(t, X, kl.reference, kl.values);
      }
      return o;
    },
  };
}
