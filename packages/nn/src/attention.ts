// Multi-head scaled dot-product self-attention (Vaswani et al. 2017, §3.2) with causal and key
// padding masks, exact backprop and Pearlmutter's R-operator (Pearlmutter 1994).
import { checkInteger, InvalidArgumentError, type Matrix, ShapeError } from '@rg/linalg';
import { initWeights, layerName, randomFor, type SeedOrRng } from './internal/init.js';
import {
  bindTree,
  checkSequence,
  type Config,
  type GradSink,
  LayerBase,
  type ParamSlot,
  type ParamVector,
  type RunContext,
  type Shape,
  slice,
} from './internal/layer-base.js';
import { addRowVector, mm, mmAdd, mmTA, mmTAAdd, mmTB, mmTBAdd } from './internal/products.js';
import type { Layer } from './layer.js';

/** Options of {@link attention}. */
export interface AttentionOptions {
  /** model width d (input and output columns) */
  dModel: number;
  /** number of heads h; d must be a multiple of h (default 1) */
  heads?: number;
  /** a token attends only to itself and earlier tokens (default false) */
  causal?: boolean;
  /** biases on the four projections (default true) */
  bias?: boolean;
  /** seed or shared generator of the Glorot-normal initialization (default 0) */
  seed?: SeedOrRng;
  /** the name in parameter paths */
  name?: string;
}

/** one projection: weight d×d and optional bias */
interface Projection {
  W: ParamSlot;
  b: ParamSlot | null;
}

class AttentionLayer extends LayerBase {
  readonly kind = 'attention';
  readonly d: number;
  readonly heads: number;
  readonly dh: number;
  readonly causal: boolean;
  readonly hasBias: boolean;
  readonly q: Projection;
  readonly k: Projection;
  readonly v: Projection;
  readonly o: Projection;
  // forward state
  private x: Matrix | null = null;
  private B = 0;
  private T = 0;
  /** head-major [batch, head, token, dh] copies of the projections */
  private Qh: Float64Array = new Float64Array(0);
  private Kh: Float64Array = new Float64Array(0);
  private Vh: Float64Array = new Float64Array(0);
  /** attention weights [batch, head, query, key] */
  private P: Float64Array = new Float64Array(0);
  /** concatenated head outputs, (batch·tokens) × d */
  private O: Float64Array = new Float64Array(0);
  // R-operator state
  private rx: Float64Array = new Float64Array(0);
  private dir: ParamVector | null = null;
  private RQh: Float64Array = new Float64Array(0);
  private RKh: Float64Array = new Float64Array(0);
  private RVh: Float64Array = new Float64Array(0);
  private RP: Float64Array = new Float64Array(0);
  private RO: Float64Array = new Float64Array(0);

  constructor(d: number, heads: number, causal: boolean, bias: boolean, name: string | undefined) {
    super(name);
    this.d = d;
    this.heads = heads;
    this.dh = d / heads;
    this.causal = causal;
    this.hasBias = bias;
    const proj = (p: string): Projection => ({
      W: this.addParam(`${p}.weight`, d, d),
      b: bias ? this.addParam(`${p}.bias`, 1, d) : null,
    });
    this.q = proj('query');
    this.k = proj('key');
    this.v = proj('value');
    this.o = proj('output');
  }

  outShape(input: Shape, ctx: RunContext, where: string): Shape {
    if (input.cols !== this.d)
      throw new ShapeError(
        `${ctx.fn}(): ${this.label()} has dModel ${this.d}; ${where} has ${input.cols} columns`,
      );
    checkSequence(ctx, input.rows, this.label(), where);
    return input;
  }

  // ---- layout helpers ----

  /** natural (batch·tokens)×d → head-major [batch, head, token, dh] */
  private toHeads(src: Float64Array): Float64Array {
    const { B, T, heads: H, dh, d } = this;
    const out = new Float64Array(B * T * d);
    let o = 0;
    for (let b = 0; b < B; b++)
      for (let h = 0; h < H; h++)
        for (let t = 0; t < T; t++) {
          const s = (b * T + t) * d + h * dh;
          for (let j = 0; j < dh; j++) out[o++] = src[s + j];
        }
    return out;
  }

  /** head-major → natural */
  private fromHeads(src: Float64Array): Float64Array {
    const { B, T, heads: H, dh, d } = this;
    const out = new Float64Array(B * T * d);
    let o = 0;
    for (let b = 0; b < B; b++)
      for (let h = 0; h < H; h++)
        for (let t = 0; t < T; t++) {
          const s = (b * T + t) * d + h * dh;
          for (let j = 0; j < dh; j++) out[s + j] = src[o++];
        }
    return out;
  }

  /** x W + b for one projection (natural layout) */
  private project(x: Float64Array, p: Projection): Float64Array {
    const n = this.B * this.T;
    const y = new Float64Array(n * this.d);
    mm(n, this.d, this.d, x, p.W.w, y);
    if (p.b) addRowVector(y, n, this.d, p.b.w);
    return y;
  }

  /** R{x W + b} = R{x} W + x R{W} + R{b} */
  private rProject(x: Float64Array, rx: Float64Array, p: Projection, v: ParamVector | null) {
    const n = this.B * this.T;
    const d = this.d;
    const y = new Float64Array(n * d);
    mm(n, d, d, rx, p.W.w, y);
    if (v !== null) {
      mmAdd(n, d, d, x, slice(v, p.W), y);
      if (p.b) addRowVector(y, n, d, slice(v, p.b));
    }
    return y;
  }

  // ---- forward ----

  fwd(x: Matrix, ctx: RunContext): Matrix {
    const T = ctx.tokens;
    const B = x.rows / T;
    this.x = x;
    this.B = B;
    this.T = T;
    const { heads: H, dh, d } = this;
    const scale = 1 / Math.sqrt(dh);
    this.Qh = this.toHeads(this.project(x.data, this.q));
    this.Kh = this.toHeads(this.project(x.data, this.k));
    this.Vh = this.toHeads(this.project(x.data, this.v));
    const P = new Float64Array(B * H * T * T);
    const Oh = new Float64Array(B * T * d);
    const TT = T * T;
    const Td = T * dh;
    const visible = new Uint8Array(T);
    for (let b = 0; b < B; b++) {
      for (let k = 0; k < T; k++)
        visible[k] = ctx.padding === null || ctx.padding[b * T + k] === 0 ? 1 : 0;
      for (let h = 0; h < H; h++) {
        const bh = b * H + h;
        const S = P.subarray(bh * TT, (bh + 1) * TT);
        mmTB(T, T, dh, this.Qh.subarray(bh * Td), this.Kh.subarray(bh * Td), S);
        // masked softmax of each query row over keys 0 … end − 1 that are not padding (the
        // causal mask ends at the query); a row with no visible key gets zero weights
        for (let t = 0; t < T; t++) {
          const o = t * T;
          const end = this.causal ? t + 1 : T;
          let mx = Number.NEGATIVE_INFINITY;
          for (let k = 0; k < end; k++) if (visible[k] === 1 && S[o + k] > mx) mx = S[o + k];
          if (mx === Number.NEGATIVE_INFINITY) {
            S.fill(0, o, o + T);
            continue;
          }
          let sum = 0;
          for (let k = 0; k < end; k++) {
            const e = visible[k] === 1 ? Math.exp((S[o + k] - mx) * scale) : 0;
            S[o + k] = e;
            sum += e;
          }
          S.fill(0, o + end, o + T);
          const inv = 1 / sum;
          for (let k = 0; k < end; k++) S[o + k] *= inv;
        }
        mm(T, dh, T, S, this.Vh.subarray(bh * Td), Oh.subarray(bh * Td, (bh + 1) * Td));
      }
    }
    this.P = P;
    this.O = this.fromHeads(Oh);
    const y = new Float64Array(B * T * d);
    mm(B * T, d, d, this.O, this.o.W.w, y);
    if (this.o.b) addRowVector(y, B * T, d, this.o.b.w);
    return { rows: B * T, cols: d, data: y };
  }

  // ---- backward ----

  /**
   * Per (sample, head): from gO (head-major) to gQ, gK, gV (head-major), through the softmax:
   * gP = gO Vᵀ, gV = Pᵀ gO, gS = P ⊙ (gP − rowsum(gP ⊙ P)) / √dh, gQ = gS K, gK = gSᵀ Q.
   */
  private headsBackward(gOh: Float64Array): [Float64Array, Float64Array, Float64Array] {
    const { B, T, heads: H, dh } = this;
    const scale = 1 / Math.sqrt(dh);
    const n = B * T * this.d;
    const gQh = new Float64Array(n);
    const gKh = new Float64Array(n);
    const gVh = new Float64Array(n);
    const gS = new Float64Array(T * T);
    const TT = T * T;
    const Td = T * dh;
    for (let bh = 0; bh < B * H; bh++) {
      const P = this.P.subarray(bh * TT, (bh + 1) * TT);
      const gO = gOh.subarray(bh * Td, (bh + 1) * Td);
      mmTB(T, T, dh, gO, this.Vh.subarray(bh * Td), gS);
      mmTA(T, dh, T, P, gO, gVh.subarray(bh * Td, (bh + 1) * Td));
      for (let t = 0; t < T; t++) {
        const o = t * T;
        let c = 0;
        for (let k = 0; k < T; k++) c += gS[o + k] * P[o + k];
        for (let k = 0; k < T; k++) gS[o + k] = P[o + k] * (gS[o + k] - c) * scale;
      }
      mm(T, dh, T, gS, this.Kh.subarray(bh * Td), gQh.subarray(bh * Td, (bh + 1) * Td));
      mmTA(T, dh, T, gS, this.Qh.subarray(bh * Td), gKh.subarray(bh * Td, (bh + 1) * Td));
    }
    return [gQh, gKh, gVh];
  }

  bwd(gy: Matrix, sink: GradSink, needGx: boolean): Matrix | null {
    const n = this.B * this.T;
    const d = this.d;
    const x = (this.x as Matrix).data;
    sink.xtg(this.o.W, this.O, gy.data, n, d, d);
    if (this.o.b) sink.colSum(this.o.b, gy.data, n, d);
    const gO = new Float64Array(n * d);
    mmTB(n, d, d, gy.data, this.o.W.w, gO);
    const grads = this.headsBackward(this.toHeads(gO)).map((g) => this.fromHeads(g));
    const projs = [this.q, this.k, this.v];
    projs.forEach((p, i) => {
      sink.xtg(p.W, x, grads[i], n, d, d);
      if (p.b) sink.colSum(p.b, grads[i], n, d);
    });
    if (!needGx) return null;
    const gx = new Float64Array(n * d);
    mmTB(n, d, d, grads[0], this.q.W.w, gx);
    mmTBAdd(n, d, d, grads[1], this.k.W.w, gx);
    mmTBAdd(n, d, d, grads[2], this.v.W.w, gx);
    return { rows: n, cols: d, data: gx };
  }

  // ---- R-operator ----

  rfwd(rx: Matrix | null, v: ParamVector | null): Matrix | null {
    this.dir = v;
    if (rx === null && v === null) {
      this.rx = new Float64Array(0);
      return null;
    }
    const { B, T, heads: H, dh, d } = this;
    const n = B * T;
    const scale = 1 / Math.sqrt(dh);
    const x = (this.x as Matrix).data;
    // a zero input direction is materialized: the attention products need it anyway
    this.rx = rx === null ? new Float64Array(n * d) : rx.data;
    this.RQh = this.toHeads(this.rProject(x, this.rx, this.q, v));
    this.RKh = this.toHeads(this.rProject(x, this.rx, this.k, v));
    this.RVh = this.toHeads(this.rProject(x, this.rx, this.v, v));
    const TT = T * T;
    const Td = T * dh;
    const RP = new Float64Array(B * H * TT);
    const ROh = new Float64Array(n * d);
    for (let bh = 0; bh < B * H; bh++) {
      const P = this.P.subarray(bh * TT, (bh + 1) * TT);
      const RS = RP.subarray(bh * TT, (bh + 1) * TT);
      // R{S} = (R{Q} Kᵀ + Q R{K}ᵀ)/√dh;  R{P} = P ⊙ (R{S} − rowsum(P ⊙ R{S}))
      mmTB(T, T, dh, this.RQh.subarray(bh * Td), this.Kh.subarray(bh * Td), RS);
      mmTBAdd(T, T, dh, this.Qh.subarray(bh * Td), this.RKh.subarray(bh * Td), RS);
      for (let t = 0; t < T; t++) {
        const o = t * T;
        let c = 0;
        for (let k = 0; k < T; k++) c += P[o + k] * RS[o + k];
        for (let k = 0; k < T; k++) RS[o + k] = P[o + k] * (RS[o + k] - c) * scale;
      }
      // R{O} = R{P} V + P R{V}
      const RO = ROh.subarray(bh * Td, (bh + 1) * Td);
      mm(T, dh, T, RS, this.Vh.subarray(bh * Td), RO);
      mmAdd(T, dh, T, P, this.RVh.subarray(bh * Td), RO);
    }
    this.RP = RP;
    this.RO = this.fromHeads(ROh);
    const ry = new Float64Array(n * d);
    mm(n, d, d, this.RO, this.o.W.w, ry);
    if (v !== null) {
      mmAdd(n, d, d, this.O, slice(v, this.o.W), ry);
      if (this.o.b) addRowVector(ry, n, d, slice(v, this.o.b));
    }
    return { rows: n, cols: d, data: ry };
  }

  rbwd(
    gy: Matrix,
    rgyIn: Matrix | null,
    sink: GradSink,
    needGx: boolean,
  ): [Matrix | null, Matrix | null] {
    const { B, T, heads: H, dh, d } = this;
    const n = B * T;
    const v = this.dir;
    const x = (this.x as Matrix).data;
    if (this.rx.length === 0) {
      // no directions: R{·} of everything upstream is zero; only R{g} flows
      if (rgyIn === null) return needGx ? [this.bwdInputOnly(gy), null] : [null, null];
      this.rfwd({ rows: n, cols: d, data: new Float64Array(n * d) }, null);
    }
    const rx = this.rx;
    const rgy = rgyIn === null ? new Float64Array(n * d) : rgyIn.data;
    const scale = 1 / Math.sqrt(dh);
    // output projection: R{∇Wo} = R{O}ᵀ g + Oᵀ R{g};  R{gO} = R{g} Woᵀ + g R{Wo}ᵀ
    sink.xtg(this.o.W, this.RO, gy.data, n, d, d);
    sink.xtg(this.o.W, this.O, rgy, n, d, d);
    if (this.o.b) sink.colSum(this.o.b, rgy, n, d);
    const gO = new Float64Array(n * d);
    mmTB(n, d, d, gy.data, this.o.W.w, gO);
    const RgO = new Float64Array(n * d);
    mmTB(n, d, d, rgy, this.o.W.w, RgO);
    if (v !== null) mmTBAdd(n, d, d, gy.data, slice(v, this.o.W), RgO);
    const gOh = this.toHeads(gO);
    const RgOh = this.toHeads(RgO);
    const size = n * d;
    const gQh = new Float64Array(size);
    const gKh = new Float64Array(size);
    const gVh = new Float64Array(size);
    const RgQh = new Float64Array(size);
    const RgKh = new Float64Array(size);
    const RgVh = new Float64Array(size);
    const TT = T * T;
    const Td = T * dh;
    const gP = new Float64Array(TT);
    const RgP = new Float64Array(TT);
    for (let bh = 0; bh < B * H; bh++) {
      const sl = (a: Float64Array) => a.subarray(bh * Td, (bh + 1) * Td);
      const P = this.P.subarray(bh * TT, (bh + 1) * TT);
      const RP = this.RP.subarray(bh * TT, (bh + 1) * TT);
      // gP = gO Vᵀ, R{gP} = R{gO} Vᵀ + gO R{V}ᵀ
      mmTB(T, T, dh, sl(gOh), sl(this.Vh), gP);
      mmTB(T, T, dh, sl(RgOh), sl(this.Vh), RgP);
      mmTBAdd(T, T, dh, sl(gOh), sl(this.RVh), RgP);
      // gV = Pᵀ gO, R{gV} = R{P}ᵀ gO + Pᵀ R{gO}
      mmTA(T, dh, T, P, sl(gOh), sl(gVh));
      mmTA(T, dh, T, RP, sl(gOh), sl(RgVh));
      mmTAAdd(T, dh, T, P, sl(RgOh), sl(RgVh));
      // gS = P ⊙ (gP − c)/√dh, R{gS} = (R{P} ⊙ (gP − c) + P ⊙ (R{gP} − R{c}))/√dh,
      // c = rowsum(gP ⊙ P), R{c} = rowsum(R{gP} ⊙ P + gP ⊙ R{P}); gP becomes gS, RgP R{gS}
      for (let t = 0; t < T; t++) {
        const o = t * T;
        let c = 0;
        let rc = 0;
        for (let k = 0; k < T; k++) {
          c += gP[o + k] * P[o + k];
          rc += RgP[o + k] * P[o + k] + gP[o + k] * RP[o + k];
        }
        for (let k = 0; k < T; k++) {
          const g = gP[o + k] - c;
          RgP[o + k] = (RP[o + k] * g + P[o + k] * (RgP[o + k] - rc)) * scale;
          gP[o + k] = P[o + k] * g * scale;
        }
      }
      // gQ = gS K, R{gQ} = R{gS} K + gS R{K};  gK = gSᵀ Q, R{gK} = R{gS}ᵀ Q + gSᵀ R{Q}
      mm(T, dh, T, gP, sl(this.Kh), sl(gQh));
      mm(T, dh, T, RgP, sl(this.Kh), sl(RgQh));
      mmAdd(T, dh, T, gP, sl(this.RKh), sl(RgQh));
      mmTA(T, dh, T, gP, sl(this.Qh), sl(gKh));
      mmTA(T, dh, T, RgP, sl(this.Qh), sl(RgKh));
      mmTAAdd(T, dh, T, gP, sl(this.RQh), sl(RgKh));
    }
    const g = [gQh, gKh, gVh].map((a) => this.fromHeads(a));
    const rg = [RgQh, RgKh, RgVh].map((a) => this.fromHeads(a));
    const projs = [this.q, this.k, this.v];
    // R{∇W} = R{x}ᵀ g + xᵀ R{g},  R{∇b} = Σ R{g}
    projs.forEach((p, i) => {
      sink.xtg(p.W, rx, g[i], n, d, d);
      sink.xtg(p.W, x, rg[i], n, d, d);
      if (p.b) sink.colSum(p.b, rg[i], n, d);
    });
    if (!needGx) return [null, null];
    // gx = Σ g Wᵀ,  R{gx} = Σ R{g} Wᵀ + g R{W}ᵀ
    const gx = new Float64Array(n * d);
    const rgx = new Float64Array(n * d);
    projs.forEach((p, i) => {
      mmTBAdd(n, d, d, g[i], p.W.w, gx);
      mmTBAdd(n, d, d, rg[i], p.W.w, rgx);
      if (v !== null) mmTBAdd(n, d, d, g[i], slice(v, p.W), rgx);
    });
    return [
      { rows: n, cols: d, data: gx },
      { rows: n, cols: d, data: rgx },
    ];
  }

  /** the input gradient alone (no parameter sink), for an R-pass with zero directions */
  private bwdInputOnly(gy: Matrix): Matrix {
    const n = this.B * this.T;
    const d = this.d;
    const gO = new Float64Array(n * d);
    mmTB(n, d, d, gy.data, this.o.W.w, gO);
    const grads = this.headsBackward(this.toHeads(gO)).map((g) => this.fromHeads(g));
    const gx = new Float64Array(n * d);
    mmTB(n, d, d, grads[0], this.q.W.w, gx);
    mmTBAdd(n, d, d, grads[1], this.k.W.w, gx);
    mmTBAdd(n, d, d, grads[2], this.v.W.w, gx);
    return { rows: n, cols: d, data: gx };
  }

  config(): Config {
    return { dModel: this.d, heads: this.heads, causal: this.causal, bias: this.hasBias };
  }
}

/**
 * Multi-head scaled dot-product self-attention over the tokens of each sample:
 * `Q = xWq + bq`, `K = xWk + bk`, `V = xWv + bv`, split into h heads of width d/h; each head
 * computes `softmax(Q Kᵀ/√(d/h) + mask) V`; the heads are concatenated and projected,
 * `y = O Wo + bo`. Input and output are (batch·tokens)×d (see {@link ForwardOptions}:
 * `tokens` is required, `keyPaddingMask` optional); no information flows between samples.
 * With `causal`, token t sees tokens ≤ t; padding keys are never seen. A query with no
 * visible key gets zero weights (output `bo`), where PyTorch gives NaN. Parameters:
 * `query.weight`, `query.bias`, `key.…`, `value.…`, `output.…` (d×d and 1×d), Glorot-normal.
 * Products run on @rg/linalg's gemm; backward and R-operator are exact.
 *
 * @param options - `{ dModel, heads, causal, bias, seed, name }`
 * @throws {InvalidArgumentError} on non-positive sizes, or when heads does not divide dModel
 * @example
 * import { matrix } from '@rg/linalg';
 * const att = attention({ dModel: 4, heads: 2, causal: true, seed: 1 });
 * const x = matrix(6, 4, Array.from({ length: 24 }, (_, i) => Math.sin(i))); // 2 samples × 3 tokens
 * const y = att.forward(x, { tokens: 3 });
 * y.rows // => 6
 * att.parameters().length // => 8
 */
export function attention(options: AttentionOptions): Layer {
  const fn = 'attention';
  if (options === null || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options must be an object { dModel, heads }`);
  const d = checkInteger(fn, 'dModel', options.dModel, 1);
  const heads = checkInteger(fn, 'heads', options.heads ?? 1, 1);
  if (d % heads !== 0)
    throw new InvalidArgumentError(
      `${fn}(): heads must divide dModel (dModel ${d}, heads ${heads})`,
    );
  const layer = new AttentionLayer(
    d,
    heads,
    options.causal ?? false,
    options.bias ?? true,
    layerName(fn, options.name),
  );
  const r = randomFor(fn, options.seed);
  for (const p of [layer.q, layer.k, layer.v, layer.o]) initWeights(p.W.w, d, d, 'glorot', r);
  return bindTree(layer);
}
