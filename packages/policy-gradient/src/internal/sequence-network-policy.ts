// The sequence policy's unchecked kernels (teacher-forced passes at the response positions,
// token-by-token generation) and its validated public form.
import {
  InvalidArgumentError,
  type Matrix,
  NonFiniteError,
  type Rng,
  rng as makeRng,
  ShapeError,
  checkInteger,
  checkMatrix,
  checkOptions,
  checkOutput,
  checkPositive,
  checkSeed,
  checkVector,
} from '@rg/linalg';
import { softmaxRow } from '@rg/linalg/kernels';
import type { Layer } from '@rg/nn';
import type { SequencePolicy } from '../sequence-policy.js';
import {
  categoricalEntropy,
  categoricalKl,
  categoricalLogProbs,
  categoricalSample,
  categoricalScore,
} from './heads.js';

/** What one teacher-forced pass keeps: logits and features at the response positions. */
export interface ResponsePass {
  /** sequences */
  n: number;
  /** response tokens per sequence */
  R: number;
  /** (n·R) × vocab logits */
  logits: Float64Array;
  /** (n·R) × width features (the head's inputs), or null without a head */
  features: Float64Array | null;
  /** the response token ids, n·R */
  actions: Float64Array;
}

/** The dense head's parameters: W (inputs × vocab, row-major) and the bias (or null). */
export interface HeadWeights {
  inputs: number;
  W: Float64Array;
  b: Float64Array | null;
}

const P = 'SequencePolicy';

export class SequenceNetworkPolicy {
  readonly kind = 'sequence' as const;
  readonly network: Layer;
  readonly head: Layer | null;
  readonly vocab: number;
  readonly maxTokens: number;
  readonly dim: number;
  private readonly netDim: number;
  private readonly theta0: Float64Array;
  /** the width of the network's output rows */
  width = 0;
  // state of the last pass, for back()
  private passRows = 0;
  private passTokens = 0;
  private passPrompt = 0;

  constructor(network: Layer, head: Layer | null, vocab: number, maxTokens: number) {
    this.network = network;
    this.head = head;
    this.vocab = vocab;
    this.maxTokens = maxTokens;
    this.netDim = network.dim;
    this.dim = network.dim + (head ? head.dim : 0);
    this.theta0 = new Float64Array(this.dim);
    this.theta0.set(network.params);
    if (head) this.theta0.set(head.params, this.netDim);
  }

  initialParameters(): Float64Array {
    return this.theta0.slice();
  }

  /** one output row per token, vocab logits, every id accepted, causal */
  probe(fn: string): void {
    const T = this.maxTokens;
    const V = this.vocab;
    const run = (x: Matrix, tokens: number): Matrix => {
      try {
        const y = this.network.forward(x, { tokens });
        if (y.rows !== x.rows * x.cols)
          throw new InvalidArgumentError(
            `the network gave ${y.rows} output rows for ${x.rows * x.cols} tokens`,
          );
        return this.head ? this.head.forward(y) : y;
      } catch (e) {
        throw new InvalidArgumentError(
          `${fn}(): network (with its head) must map every token of a batch of token-id rows to one row of ${V} logits (${(e as Error).message})`,
        );
      }
    };
    const every: Matrix = { rows: V, cols: 1, data: Float64Array.from({ length: V }, (_, i) => i) };
    const first = run(every, 1);
    if (first.cols !== V)
      throw new InvalidArgumentError(
        `${fn}(): the network${this.head ? ' and head' : ''} must give ${V} logits per token (got ${first.cols})`,
      );
    this.width = this.head ? this.network.forward(every, { tokens: 1 }).cols : V;
    const x = Float64Array.from({ length: T }, (_, i) => (3 * i + 1) % V);
    const a = run({ rows: 1, cols: T, data: x }, T);
    const x2 = x.slice();
    x2[T - 1] = (x2[T - 1] + 1) % V;
    const b = run({ rows: 1, cols: T, data: x2 }, T);
    for (let i = 0; i < (T - 1) * V; i++)
      // a causal network computes the earlier rows from the same numbers in the same order
      if (Math.abs(a.data[i] - b.data[i]) > 1e-12 * (1 + Math.abs(a.data[i])))
        throw new InvalidArgumentError(
          `${fn}(): network must be causal: the output at position ${Math.floor(i / V)} changed when the token at position ${T - 1} changed (use causal attention)`,
        );
  }

  private setParams(theta: Float64Array): void {
    this.network.params.set(theta.length === this.netDim ? theta : theta.subarray(0, this.netDim));
    if (this.head) this.head.params.set(theta.subarray(this.netDim));
  }

  /** the network's output at the last token of each row of the prefixes (m × T ids) → logits m × V */
  private lastLogits(X: Matrix): Float64Array {
    const m = X.rows;
    const T = X.cols;
    const Y = this.network.forward(X, { tokens: T });
    const w = Y.cols;
    const F = new Float64Array(m * w);
    for (let b = 0; b < m; b++) F.set(Y.data.subarray((b * T + T - 1) * w, (b * T + T) * w), b * w);
    return this.head ? this.head.forward({ rows: m, cols: w, data: F }).data : F;
  }

  generate(
    theta: Float64Array,
    prompts: Matrix,
    R: number,
    samples: number,
    rng: Rng,
    temperature: number,
    greedy: boolean,
  ): Matrix {
    this.setParams(theta);
    const Pn = prompts.cols;
    const L = Pn + R;
    const m = prompts.rows * samples;
    const V = this.vocab;
    const buf = new Float64Array(m * L);
    for (let i = 0; i < prompts.rows; i++)
      for (let s = 0; s < samples; s++)
        buf.set(prompts.data.subarray(i * Pn, (i + 1) * Pn), (i * samples + s) * L);
    const probs = new Float64Array(m * V);
    const drawn = new Float64Array(m);
    for (let t = 0; t < R; t++) {
      const T = Pn + t;
      const X = new Float64Array(m * T);
      for (let b = 0; b < m; b++) X.set(buf.subarray(b * L, b * L + T), b * T);
      const Z = this.lastLogits({ rows: m, cols: T, data: X });
      if (greedy)
        for (let b = 0; b < m; b++) {
          let best = 0;
          for (let j = 1; j < V; j++) if (Z[b * V + j] > Z[b * V + best]) best = j;
          drawn[b] = best;
        }
      else {
        if (temperature !== 1) for (let i = 0; i < m * V; i++) Z[i] /= temperature;
        for (let row = 0; row < m; row++) softmaxRow(Z, row * V, V, probs, row * V);
        categoricalSample(probs, m, V, rng, drawn);
      }
      for (let b = 0; b < m; b++) buf[b * L + T] = drawn[b];
    }
    const out = new Float64Array(m * R);
    for (let b = 0; b < m; b++) out.set(buf.subarray(b * L + Pn, (b + 1) * L), b * R);
    return { rows: m, cols: R, data: out };
  }

  /** teacher-forced pass over sequences (n × L ids) with the prompt length Pn */
  pass(theta: Float64Array, S: Matrix, Pn: number): ResponsePass {
    this.setParams(theta);
    const n = S.rows;
    const L = S.cols;
    const R = L - Pn;
    const T = L - 1;
    // the last token predicts nothing: the network reads the first L − 1
    const X = new Float64Array(n * T);
    for (let b = 0; b < n; b++) X.set(S.data.subarray(b * L, b * L + T), b * T);
    const Y = this.network.forward({ rows: n, cols: T, data: X }, { tokens: T });
    const w = Y.cols;
    const H = new Float64Array(n * R * w);
    const actions = new Float64Array(n * R);
    for (let b = 0; b < n; b++)
      for (let t = 0; t < R; t++) {
        const row = b * T + Pn - 1 + t;
        H.set(Y.data.subarray(row * w, (row + 1) * w), (b * R + t) * w);
        actions[b * R + t] = S.data[b * L + Pn + t];
      }
    const logits = this.head ? this.head.forward({ rows: n * R, cols: w, data: H }).data : H;
    this.passRows = n;
    this.passTokens = T;
    this.passPrompt = Pn;
    return { n, R, logits, features: this.head ? H : null, actions };
  }

  /** ∇θ of Σ ⟨G, logits⟩ for the last pass (G: (n·R) × vocab) into out */
  back(G: Float64Array, out: Float64Array): Float64Array {
    const n = this.passRows;
    const T = this.passTokens;
    const Pn = this.passPrompt;
    const R = T + 1 - Pn;
    const V = this.vocab;
    let gF: Float64Array = G;
    let w = V;
    if (this.head) {
      this.head.zeroGrad();
      gF = this.head.backward({ rows: n * R, cols: V, data: G }).data;
      w = this.width;
      out.set(this.head.grads, this.netDim);
    }
    const gY = new Float64Array(n * T * w);
    for (let b = 0; b < n; b++)
      for (let t = 0; t < R; t++)
        gY.set(gF.subarray((b * R + t) * w, (b * R + t + 1) * w), (b * T + Pn - 1 + t) * w);
    this.network.zeroGrad();
    this.network.backward({ rows: n * T, cols: w, data: gY });
    out.set(this.network.grads, 0);
    return out;
  }

  headWeights(): HeadWeights | null {
    const h = this.head;
    if (h?.kind !== 'dense') return null;
    const ps = h.parameters();
    const W = ps[0].value;
    return {
      inputs: W.rows,
      W: W.data,
      b: ps.length > 1 ? ps[1].value.data : null,
    };
  }

  logProbs(theta: Float64Array, S: Matrix, Pn: number): Matrix {
    const p = this.pass(theta, S, Pn);
    const out = new Float64Array(p.n * p.R);
    categoricalLogProbs(p.logits, p.n * p.R, this.vocab, p.actions, out);
    return { rows: p.n, cols: p.R, data: out };
  }

  gradLogProbs(
    theta: Float64Array,
    S: Matrix,
    Pn: number,
    w: ArrayLike<number>,
    out: Float64Array,
  ): Float64Array {
    const p = this.pass(theta, S, Pn);
    const N = p.n * p.R;
    const V = this.vocab;
    const probs = new Float64Array(N * V);
    for (let row = 0; row < N; row++) softmaxRow(p.logits, row * V, V, probs, row * V);
    const G = new Float64Array(N * V);
    categoricalScore(probs, N, V, p.actions, w, G);
    return this.back(G, out);
  }

  entropies(theta: Float64Array, S: Matrix, Pn: number): Matrix {
    const p = this.pass(theta, S, Pn);
    const out = new Float64Array(p.n * p.R);
    categoricalEntropy(p.logits, p.n * p.R, this.vocab, out);
    return { rows: p.n, cols: p.R, data: out };
  }

  distribution(theta: Float64Array, S: Matrix, Pn: number): Matrix {
    const p = this.pass(theta, S, Pn);
    return { rows: p.n * p.R, cols: this.vocab, data: p.logits.slice() };
  }

  klTokens(theta: Float64Array, S: Matrix, Pn: number, ref: Matrix): Matrix {
    const p = this.pass(theta, S, Pn);
    const out = new Float64Array(p.n * p.R);
    categoricalKl(p.logits, ref.data, p.n * p.R, this.vocab, out);
    return { rows: p.n, cols: p.R, data: out };
  }

  // ---- validation ----

  checkTheta(fn: string, theta: Float64Array): void {
    checkVector(fn, 'theta', theta, this.dim);
  }

  /** token-id rows of at least `minCols` and at most maxTokens columns */
  checkIds(fn: string, name: string, M: Matrix, minCols: number): void {
    checkMatrix(fn, name, M);
    if (M.rows < 1) throw new ShapeError(`${fn}(): ${name} must have at least one row`);
    if (M.cols < minCols || M.cols > this.maxTokens)
      throw new ShapeError(
        `${fn}(): ${name} must have between ${minCols} and ${this.maxTokens} (maxTokens) columns (has ${M.cols})`,
      );
    const d = M.data;
    for (let i = 0; i < d.length; i++)
      if (!Number.isInteger(d[i]) || d[i] < 0 || d[i] >= this.vocab) {
        const r = Math.floor(i / M.cols);
        throw new InvalidArgumentError(
          `${fn}(): ${name}[${r}, ${i - r * M.cols}] must be a token id in [0, ${this.vocab}) (got ${d[i]})`,
        );
      }
  }

  /** a sequences Matrix and its prompt length (at least one prompt and one response token) */
  checkSequences(fn: string, S: Matrix, Pn: unknown): number {
    this.checkIds(fn, 'sequences', S, 2);
    const p = checkInteger(fn, 'promptLength', Pn, 1);
    if (p >= S.cols)
      throw new InvalidArgumentError(
        `${fn}(): promptLength must be less than the sequence length ${S.cols} (got ${p})`,
      );
    return p;
  }

  /** @internal the validated form of every method (the class's own methods are unchecked) */
  checked(): SequencePolicy {
    const self = this;
    const fnOf = (m: string) => `${P}.${m}`;
    const policy: SequencePolicy = {
      kind: 'sequence',
      dim: self.dim,
      vocab: self.vocab,
      maxTokens: self.maxTokens,
      network: self.network,
      head: self.head,
      initialParameters: () => self.initialParameters(),
      generate(theta, prompts, options) {
        const fn = fnOf('generate');
        self.checkTheta(fn, theta);
        self.checkIds(fn, 'prompts', prompts, 1);
        const o = checkOptions(fn, 'options', options);
        const R = checkInteger(fn, 'options.responseLength', o.responseLength, 1);
        if (prompts.cols + R > self.maxTokens)
          throw new ShapeError(
            `${fn}(): prompts (${prompts.cols} tokens) and options.responseLength (${R}) must fit in maxTokens ${self.maxTokens}`,
          );
        const samples = checkInteger(fn, 'options.samples', o.samples ?? 1, 1);
        if (o.rng !== undefined && (o.rng === null || typeof o.rng.uniform !== 'function'))
          throw new InvalidArgumentError(`${fn}(): options.rng must be a generator from rng(seed)`);
        const r = o.rng ?? makeRng(checkSeed(fn, 'options.seed', o.seed ?? 0));
        const temperature = checkPositive(fn, 'options.temperature', o.temperature ?? 1);
        return self.generate(theta, prompts, R, samples, r, temperature, o.greedy === true);
      },
      logProbs(theta, sequences, promptLength) {
        const fn = fnOf('logProbs');
        self.checkTheta(fn, theta);
        return self.logProbs(theta, sequences, self.checkSequences(fn, sequences, promptLength));
      },
      gradLogProbs(theta, sequences, promptLength, weights, out) {
        const fn = fnOf('gradLogProbs');
        self.checkTheta(fn, theta);
        const Pn = self.checkSequences(fn, sequences, promptLength);
        const N = sequences.rows * (sequences.cols - Pn);
        const w = weightsOf(fn, weights, sequences.rows, sequences.cols - Pn);
        if (w.length !== N) throw new ShapeError(`${fn}(): weights must have ${N} entries`);
        return self.gradLogProbs(theta, sequences, Pn, w, checkOutput(fn, 'out', out, self.dim));
      },
      entropies(theta, sequences, promptLength) {
        const fn = fnOf('entropies');
        self.checkTheta(fn, theta);
        return self.entropies(theta, sequences, self.checkSequences(fn, sequences, promptLength));
      },
      distribution(theta, sequences, promptLength) {
        const fn = fnOf('distribution');
        self.checkTheta(fn, theta);
        return self.distribution(
          theta,
          sequences,
          self.checkSequences(fn, sequences, promptLength),
        );
      },
      klTokens(theta, sequences, promptLength, referenceLogits) {
        const fn = fnOf('klTokens');
        self.checkTheta(fn, theta);
        const Pn = self.checkSequences(fn, sequences, promptLength);
        checkMatrix(
          fn,
          'referenceLogits',
          referenceLogits,
          sequences.rows * (sequences.cols - Pn),
          self.vocab,
        );
        return self.klTokens(theta, sequences, Pn, referenceLogits);
      },
    };
    SEQUENCE_KERNELS.set(policy, self);
    return policy;
  }
}

/** per-token weights: an n × R Matrix or n·R finite numbers */
export function weightsOf(
  fn: string,
  w: Matrix | ArrayLike<number>,
  n: number,
  R: number,
): ArrayLike<number> {
  const isM =
    w !== null &&
    typeof w === 'object' &&
    'data' in w &&
    (w as Matrix).data instanceof Float64Array &&
    'rows' in w;
  const a: ArrayLike<number> = isM
    ? checkMatrix(fn, 'weights', w, n, R).data
    : (w as ArrayLike<number>);
  if (!a || typeof a.length !== 'number' || a.length !== n * R)
    throw new ShapeError(`${fn}(): weights must be an ${n}×${R} Matrix or ${n * R} numbers`);
  for (let i = 0; i < a.length; i++)
    if (a[i] - a[i] !== 0)
      throw new NonFiniteError(`${fn}(): weights[${i}] is ${a[i]} (must be finite)`, i);
  return a;
}

const SEQUENCE_KERNELS = new WeakMap<SequencePolicy, SequenceNetworkPolicy>();

/** The unchecked kernels of a policy made by sequencePolicy or transformerPolicy. */
export function sequenceKernelsOf(fn: string, policy: SequencePolicy): SequenceNetworkPolicy {
  const k = SEQUENCE_KERNELS.get(policy);
  if (!k)
    throw new InvalidArgumentError(
      `${fn}(): policy must be made by sequencePolicy() or transformerPolicy()`,
    );
  return k;
}

/** prompt i repeated `samples` times before its responses: (m·samples) × (P + R) ids */
export function joinSequences(prompts: Matrix, responses: Matrix, samples: number): Matrix {
  const P = prompts.cols;
  const R = responses.cols;
  const L = P + R;
  const rows = responses.rows;
  const data = new Float64Array(rows * L);
  for (let b = 0; b < rows; b++) {
    const i = Math.floor(b / samples);
    data.set(prompts.data.subarray(i * P, (i + 1) * P), b * L);
    data.set(responses.data.subarray(b * R, (b + 1) * R), b * L + P);
  }
  return { rows, cols: L, data };
}
