// Sinusoidal features of a real input such as a diffusion time or noise level (Vaswani et al.
// 2017, §3.5; Ho, Jain & Abbeel 2020, appendix B).
import { checkInRange, checkInteger, InvalidArgumentError, type Matrix } from '@rg/linalg';
import { layerName } from './internal/init.js';
import {
  bindTree,
  type Config,
  type GradSink,
  LayerBase,
  type ParamVector,
  type Shape,
} from './internal/layer-base.js';
import { sinusoidFrequencies } from './internal/sinusoid.js';
import type { Layer } from './layer.js';

/** Options of {@link sinusoidalEmbedding}. */
export interface SinusoidalEmbeddingOptions {
  /** features per input column */
  dim: number;
  /** the base of the wavelengths (default 10000) */
  base?: number;
  /** the name of this layer inside a container */
  name?: string;
}

class SinusoidalEmbeddingLayer extends LayerBase {
  readonly kind = 'sinusoidalEmbedding';
  readonly width: number;
  readonly base: number;
  private readonly w: Float64Array;
  private x: Matrix | null = null;
  /** the encoding y and its derivative dy/dt, rows × (cols·dim) */
  private y: Float64Array = new Float64Array(0);
  private dy: Float64Array = new Float64Array(0);
  private rx: Matrix | null = null;

  constructor(dim: number, base: number, name: string | undefined) {
    super(name);
    this.width = dim;
    this.base = base;
    this.w = sinusoidFrequencies(dim, base);
  }

  outShape(input: Shape): Shape {
    return { rows: input.rows, cols: input.cols * this.width };
  }

  fwd(x: Matrix): Matrix {
    const d = this.width;
    const n = x.data.length;
    const y = new Float64Array(n * d);
    const dy = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const t = x.data[i];
      for (let c = 0; c < d; c++) {
        const w = this.w[c];
        const s = Math.sin(t * w);
        const co = Math.cos(t * w);
        // even columns sin(ωt) (derivative ω cos), odd columns cos(ωt) (derivative −ω sin)
        y[i * d + c] = c % 2 === 0 ? s : co;
        dy[i * d + c] = c % 2 === 0 ? w * co : -w * s;
      }
    }
    this.x = x;
    this.y = y;
    this.dy = dy;
    return { rows: x.rows, cols: x.cols * d, data: y };
  }

  /** Σ_c g[i, c] ∂y[i, c]/∂t_i for each input entry i */
  private contract(g: Float64Array, by: Float64Array): Float64Array {
    const d = this.width;
    const n = (this.x as Matrix).data.length;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += g[i * d + c] * by[i * d + c];
      out[i] = s;
    }
    return out;
  }

  bwd(gy: Matrix, _sink: GradSink, needGx: boolean): Matrix | null {
    if (!needGx) return null;
    const x = this.x as Matrix;
    return { rows: x.rows, cols: x.cols, data: this.contract(gy.data, this.dy) };
  }

  rfwd(rx: Matrix | null, _v: ParamVector | null): Matrix | null {
    this.rx = rx;
    if (rx === null) return null;
    const d = this.width;
    const ry = new Float64Array(this.y.length);
    for (let i = 0; i < ry.length; i++) ry[i] = this.dy[i] * rx.data[Math.floor(i / d)];
    return { rows: rx.rows, cols: rx.cols * d, data: ry };
  }

  rbwd(
    gy: Matrix,
    rgy: Matrix | null,
    _sink: GradSink,
    needGx: boolean,
  ): [Matrix | null, Matrix | null] {
    if (!needGx) return [null, null];
    const x = this.x as Matrix;
    const gx = this.contract(gy.data, this.dy);
    const rx = this.rx;
    if (rgy === null && rx === null) return [{ rows: x.rows, cols: x.cols, data: gx }, null];
    // R{gx} = Σ_c R{g} ∂y/∂t + g (∂²y/∂t²) R{t}, with ∂²y/∂t² = −ω² y
    const rgx = rgy === null ? new Float64Array(gx.length) : this.contract(rgy.data, this.dy);
    if (rx !== null) {
      const d = this.width;
      for (let i = 0; i < rgx.length; i++) {
        let s = 0;
        for (let c = 0; c < d; c++) {
          const w = this.w[c];
          s -= gy.data[i * d + c] * w * w * this.y[i * d + c];
        }
        rgx[i] += s * rx.data[i];
      }
    }
    return [
      { rows: x.rows, cols: x.cols, data: gx },
      { rows: x.rows, cols: x.cols, data: rgx },
    ];
  }

  config(): Config {
    return { dim: this.width, base: this.base };
  }
}

/**
 * Sinusoidal features of each real input entry t (a diffusion time or noise level, a
 * coordinate): `dim` columns per input column, sin(t ω) in even and cos(t ω) in odd columns,
 * ω = base^(−2⌊c/2⌋/dim) — the positional encoding's frequencies, for a real t. Differentiable
 * in t (its R-operator uses ∂²y/∂t² = −ω² y). No parameters.
 *
 * @param options - `{ dim, base, name }`
 * @throws {InvalidArgumentError} on a non-positive dim or a base ≤ 1
 * @example
 * import { fromRows } from '@rg/linalg';
 * sinusoidalEmbedding({ dim: 2 }).forward(fromRows([[0], [Math.PI / 2]])) // => ~[[0, 1], [1, 0]]
 */
export function sinusoidalEmbedding(options: SinusoidalEmbeddingOptions): Layer {
  const fn = 'sinusoidalEmbedding';
  if (options === null || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options must be an object { dim }`);
  const dim = checkInteger(fn, 'dim', options.dim, 1);
  const base = options.base ?? 10000;
  checkInRange(fn, 'base', base, 1, Number.POSITIVE_INFINITY, true, true);
  return bindTree(new SinusoidalEmbeddingLayer(dim, base, layerName(fn, options.name)));
}
