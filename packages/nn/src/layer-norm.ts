// Layer normalization over the features of each row (Ba, Kiros & Hinton 2016), with exact
// backprop and R-operator.
import {
  checkInteger,
  checkPositive,
  InvalidArgumentError,
  type Matrix,
  ShapeError,
} from '@rg/linalg';
import { layerName } from './internal/init.js';
import {
  bindTree,
  type Config,
  type GradSink,
  LayerBase,
  type ParamSlot,
  type ParamVector,
  type RunContext,
  type Shape,
  slice,
} from './internal/layer-base.js';
import type { Layer } from './layer.js';

/** Options of {@link layerNorm}. */
export interface LayerNormOptions {
  /** number of features (columns) normalized per row */
  features: number;
  /** added to the variance, > 0 (default 1e-5, as PyTorch) */
  eps?: number;
  /** the name in parameter paths */
  name?: string;
}

class LayerNormLayer extends LayerBase {
  readonly kind = 'layerNorm';
  readonly features: number;
  readonly eps: number;
  readonly gamma: ParamSlot;
  readonly beta: ParamSlot;
  private rows = 0;
  /** x̂ = (x − μ)/s per row */
  private xh: Float64Array = new Float64Array(0);
  /** 1/s per row, s = √(var + eps) */
  private r: Float64Array = new Float64Array(0);
  private rxh: Float64Array | null = null;
  /** q = mean(x̂ ⊙ R{x}) per row: R{s} = q, R{1/s} = −q/s² */
  private q: Float64Array | null = null;
  private v: ParamVector | null = null;

  constructor(features: number, eps: number, name: string | undefined) {
    super(name);
    this.features = features;
    this.eps = eps;
    this.gamma = this.addParam('weight', 1, features);
    this.beta = this.addParam('bias', 1, features);
    this.gamma.w.fill(1);
  }

  outShape(input: Shape, ctx: RunContext, where: string): Shape {
    if (input.cols !== this.features)
      throw new ShapeError(
        `${ctx.fn}(): ${this.label()} normalizes ${this.features} features; ${where} has ${input.cols} columns`,
      );
    return input;
  }

  fwd(x: Matrix): Matrix {
    const n = x.rows;
    const k = this.features;
    const xd = x.data;
    const xh = new Float64Array(n * k);
    const r = new Float64Array(n);
    const y = new Float64Array(n * k);
    const g = this.gamma.w;
    const b = this.beta.w;
    for (let i = 0; i < n; i++) {
      const o = i * k;
      let mu = 0;
      for (let c = 0; c < k; c++) mu += xd[o + c];
      mu /= k;
      let vr = 0;
      for (let c = 0; c < k; c++) {
        const d = xd[o + c] - mu;
        vr += d * d;
      }
      const ri = 1 / Math.sqrt(vr / k + this.eps);
      r[i] = ri;
      for (let c = 0; c < k; c++) {
        const h = (xd[o + c] - mu) * ri;
        xh[o + c] = h;
        y[o + c] = g[c] * h + b[c];
      }
    }
    this.rows = n;
    this.xh = xh;
    this.r = r;
    return { rows: n, cols: k, data: y };
  }

  /** gx = (1/s)(h − mean h − x̂ mean(h x̂)) with h = γ ⊙ g, row by row */
  private inputGrad(gy: Float64Array): Float64Array {
    const n = this.rows;
    const k = this.features;
    const gx = new Float64Array(n * k);
    const g = this.gamma.w;
    const xh = this.xh;
    for (let i = 0; i < n; i++) {
      const o = i * k;
      let a = 0;
      let bsum = 0;
      for (let c = 0; c < k; c++) {
        const h = g[c] * gy[o + c];
        a += h;
        bsum += h * xh[o + c];
      }
      a /= k;
      bsum /= k;
      const ri = this.r[i];
      for (let c = 0; c < k; c++) gx[o + c] = ri * (g[c] * gy[o + c] - a - xh[o + c] * bsum);
    }
    return gx;
  }

  bwd(gy: Matrix, sink: GradSink, needGx: boolean): Matrix | null {
    const n = this.rows;
    const k = this.features;
    sink.colSumProduct(this.gamma, gy.data, this.xh, n, k);
    sink.colSum(this.beta, gy.data, n, k);
    return needGx ? { rows: n, cols: k, data: this.inputGrad(gy.data) } : null;
  }

  rfwd(rx: Matrix | null, v: ParamVector | null): Matrix | null {
    this.v = v;
    this.rxh = null;
    this.q = null;
    if (rx === null && v === null) return null;
    const n = this.rows;
    const k = this.features;
    const xh = this.xh;
    const g = this.gamma.w;
    const ry = new Float64Array(n * k);
    if (rx !== null) {
      // R{x̂} = (1/s)(R{x} − mean R{x} − x̂ mean(x̂ R{x}))
      const rxh = new Float64Array(n * k);
      const q = new Float64Array(n);
      const d = rx.data;
      for (let i = 0; i < n; i++) {
        const o = i * k;
        let m = 0;
        let qi = 0;
        for (let c = 0; c < k; c++) {
          m += d[o + c];
          qi += xh[o + c] * d[o + c];
        }
        m /= k;
        qi /= k;
        q[i] = qi;
        const ri = this.r[i];
        for (let c = 0; c < k; c++) {
          const t = ri * (d[o + c] - m - xh[o + c] * qi);
          rxh[o + c] = t;
          ry[o + c] = g[c] * t;
        }
      }
      this.rxh = rxh;
      this.q = q;
    }
    if (v !== null) {
      const rg = slice(v, this.gamma);
      const rb = slice(v, this.beta);
      for (let i = 0; i < n; i++) {
        const o = i * k;
        for (let c = 0; c < k; c++) ry[o + c] += rg[c] * xh[o + c] + rb[c];
      }
    }
    return { rows: n, cols: k, data: ry };
  }

  rbwd(
    gy: Matrix,
    rgy: Matrix | null,
    sink: GradSink,
    needGx: boolean,
  ): [Matrix | null, Matrix | null] {
    const n = this.rows;
    const k = this.features;
    const { xh, rxh, q, v } = this;
    // R{∇γ} = Σ (R{g} ⊙ x̂ + g ⊙ R{x̂}),  R{∇β} = Σ R{g}
    if (rgy !== null) {
      sink.colSumProduct(this.gamma, rgy.data, xh, n, k);
      sink.colSum(this.beta, rgy.data, n, k);
    }
    if (rxh !== null) sink.colSumProduct(this.gamma, gy.data, rxh, n, k);
    if (!needGx) return [null, null];
    const gx = this.inputGrad(gy.data);
    if (rgy === null && rxh === null && v === null) return [{ rows: n, cols: k, data: gx }, null];
    // R{gx} = R{1/s}(h − a − x̂ b) + (1/s)(R{h} − R{a} − R{x̂} b − x̂ R{b}),
    // h = γ ⊙ g, a = mean h, b = mean(h ⊙ x̂), R{1/s} = −q/s²
    const g = this.gamma.w;
    const rgam = v === null ? null : slice(v, this.gamma);
    const gd = gy.data;
    const rgd = rgy === null ? null : rgy.data;
    const rgx = new Float64Array(n * k);
    const rh = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const o = i * k;
      let a = 0;
      let b = 0;
      let ra = 0;
      let rb = 0;
      for (let c = 0; c < k; c++) {
        const h = g[c] * gd[o + c];
        let rhc = 0;
        if (rgam !== null) rhc += rgam[c] * gd[o + c];
        if (rgd !== null) rhc += g[c] * rgd[o + c];
        rh[c] = rhc;
        a += h;
        b += h * xh[o + c];
        ra += rhc;
        rb += rhc * xh[o + c];
        if (rxh !== null) rb += h * rxh[o + c];
      }
      a /= k;
      b /= k;
      ra /= k;
      rb /= k;
      const ri = this.r[i];
      const rri = q === null ? 0 : -q[i] * ri * ri;
      for (let c = 0; c < k; c++) {
        const h = g[c] * gd[o + c];
        const rxhc = rxh === null ? 0 : rxh[o + c];
        rgx[o + c] = rri * (h - a - xh[o + c] * b) + ri * (rh[c] - ra - rxhc * b - xh[o + c] * rb);
      }
    }
    return [
      { rows: n, cols: k, data: gx },
      { rows: n, cols: k, data: rgx },
    ];
  }

  config(): Config {
    return { features: this.features, eps: this.eps };
  }
}

/**
 * Layer normalization of each row over its `features` columns:
 * `y = γ ⊙ (x − mean x)/√(var x + eps) + β` (biased variance, as PyTorch's `LayerNorm`), with
 * parameters `weight` (γ, starts at 1) and `bias` (β, starts at 0), each 1×features.
 *
 * @param options - `{ features, eps, name }`
 * @throws {InvalidArgumentError} on a non-positive features or eps
 * @example
 * import { fromRows } from '@rg/linalg';
 * const norm = layerNorm({ features: 2 });
 * norm.forward(fromRows([[1, 3], [5, -5]])) // => ~[[-1.0000, 1.0000], [1.0000, -1.0000]]
 */
export function layerNorm(options: LayerNormOptions): Layer {
  const fn = 'layerNorm';
  if (options === null || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options must be an object { features }`);
  const features = checkInteger(fn, 'features', options.features, 1);
  const eps = options.eps ?? 1e-5;
  // eps > 0 keeps a constant row (variance 0) finite
  checkPositive(fn, 'eps', eps);
  return bindTree(new LayerNormLayer(features, eps, layerName(fn, options.name)));
}
