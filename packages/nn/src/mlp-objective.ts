// Exact gradients by backprop and Hessian-vector products by Pearlmutter's R-operator
// (Pearlmutter 1994, "Fast exact multiplication by the Hessian"); Gauss–Newton products
// as in Schraudolph 2002, "Fast curvature matrix-vector products".
import {
  assertFinite,
  assertFiniteArray,
  InvalidArgumentError,
  type Matrix,
  matmul,
  matmulTransA,
  matmulTransB,
  ShapeError,
} from '@rg/linalg';
import { ACTIVATIONS, type ActivationKernel } from './internal/activation-kernels.js';

import { LOSSES, type LossKernel, type LossName } from './internal/loss-kernels.js';
import type { Mlp, MlpLayer } from './mlp.js';
import type { Objective } from './objective.js';

export type { LossName } from './internal/loss-kernels.js';

/** Options of {@link mlpObjective}. */
export interface MlpObjectiveOptions {
  /** 'mse' (½‖f − y‖²), 'softmaxCrossEntropy' (on logits) or 'logistic' (on logits); default 'mse' */
  loss?: LossName;
}

/** The mean loss of an {@link Mlp} on fixed data, as a function of the flat parameters. */
export interface MlpObjective extends Objective {
  readonly net: Mlp;
  readonly X: Matrix;
  readonly Y: Matrix;
  readonly loss: LossName;
  /** number of samples n */
  readonly samples: number;
  /** exact ∇²f(x) v by the R-operator (forward-over-reverse), not finite differences */
  hvp(x: Float64Array, v: Float64Array, out?: Float64Array): Float64Array;
  /** generalized Gauss–Newton (1/n) Σ J_iᵀ ∇²ℓ_i J_i v (PSD for the convex losses here) */
  gaussNewtonVectorProduct(x: Float64Array, v: Float64Array, out?: Float64Array): Float64Array;
  /** empirical Fisher (1/n) Σ g_i g_iᵀ v with g_i the per-sample gradients (PSD) */
  fisherVectorProduct(x: Float64Array, v: Float64Array, out?: Float64Array): Float64Array;
  /** n × dim matrix whose row i is ∇ℓ(f(x_i), y_i); the row mean is `grad(x)` */
  perSampleGradients(x: Float64Array): Matrix;
  /** the same objective on a subset of the samples (rows of X and Y) */
  subset(rows: ArrayLike<number>): MlpObjective;
}

interface ForwardPass {
  /** A[0] = X, A[l+1] = σ(Z[l]) */
  A: Matrix[];
  Z: Matrix[];
  /** σ'(Z[l]) */
  D1: Float64Array[];
}

function forward(layers: readonly MlpLayer[], acts: ActivationKernel[], X: Matrix): ForwardPass {
  const A: Matrix[] = [X];
  const Z: Matrix[] = [];
  const D1: Float64Array[] = [];
  for (let l = 0; l < layers.length; l++) {
    const { W, b } = layers[l];
    const z = matmul(A[l], W);
    addBias(z, b);
    const act = acts[l];
    const a = new Float64Array(z.data.length);
    const d1 = new Float64Array(z.data.length);
    const zd = z.data;
    for (let i = 0; i < zd.length; i++) {
      a[i] = act.f(zd[i]);
      d1[i] = act.d1(zd[i], a[i]);
    }
    Z.push(z);
    D1.push(d1);
    A.push({ rows: z.rows, cols: z.cols, data: a });
  }
  return { A, Z, D1 };
}

function addBias(z: Matrix, b: Float64Array): void {
  const k = z.cols;
  const d = z.data;
  for (let i = 0; i < z.rows; i++) for (let c = 0; c < k; c++) d[i * k + c] += b[c];
}

function colSumInto(m: Matrix, out: Float64Array): void {
  out.fill(0);
  const k = m.cols;
  const d = m.data;
  for (let i = 0; i < m.rows; i++) for (let c = 0; c < k; c++) out[c] += d[i * k + c];
}

function addInto(target: Float64Array, src: Float64Array): void {
  for (let i = 0; i < target.length; i++) target[i] += src[i];
}

/** R{Z[l]} and R{A[l]} for direction V: the forward-mode Jacobian-vector product J v. */
function rForward(
  layers: readonly MlpLayer[],
  vLayers: readonly MlpLayer[],
  fp: ForwardPass,
): { RZ: Matrix[]; RA: (Matrix | null)[] } {
  const RZ: Matrix[] = [];
  const RA: (Matrix | null)[] = [null];
  for (let l = 0; l < layers.length; l++) {
    const rz = matmul(fp.A[l], vLayers[l].W);
    addBias(rz, vLayers[l].b);
    const ra = RA[l];
    if (ra) addInto(rz.data, matmul(ra, layers[l].W).data);
    const d1 = fp.D1[l];
    const out = new Float64Array(rz.data.length);
    for (let i = 0; i < out.length; i++) out[i] = d1[i] * rz.data[i];
    RZ.push(rz);
    RA.push({ rows: rz.rows, cols: rz.cols, data: out });
  }
  return { RZ, RA };
}

/** Jᵀ G: backprop of an output-space cotangent G (already scaled) through the linearised net. */
function linearBackward(
  layers: readonly MlpLayer[],
  outLayers: readonly MlpLayer[],
  fp: ForwardPass,
  G0: Matrix,
): void {
  let G = G0;
  for (let l = layers.length - 1; l >= 0; l--) {
    const d1 = fp.D1[l];
    const delta = new Float64Array(G.data.length);
    for (let i = 0; i < delta.length; i++) delta[i] = G.data[i] * d1[i];
    const dm: Matrix = { rows: G.rows, cols: G.cols, data: delta };
    matmulTransA(fp.A[l], dm, outLayers[l].W);
    colSumInto(dm, outLayers[l].b);
    if (l > 0) G = matmulTransB(dm, layers[l].W);
  }
}

/**
 * The mean loss `f(θ) = (1/n) Σ_i ℓ(net(x_i; θ), y_i)` of a network on data X (n × inputs),
 * Y (n × outputs), with exact gradient (backprop), exact Hessian-vector product
 * (Pearlmutter's R-operator: one forward-mode pass over the backward pass), generalized
 * Gauss–Newton and empirical Fisher products and per-sample gradients. All products cost a
 * few batched matrix products per layer; nothing is differenced numerically.
 *
 * @param net - the network (its structure; parameters are the argument x of each method)
 * @param X - inputs, n × sizes[0]
 * @param Y - targets, n × sizes[last]: real values (mse), one-hot or probabilities (softmaxCrossEntropy), 0/1 (logistic)
 * @param options - `{ loss }`, default 'mse'
 * @returns an {@link Objective} over the flat parameters of `net`
 * @throws {ShapeError} when X or Y does not fit the network
 * @throws {NonFiniteError} when X or Y holds NaN or ±Infinity
 * @example
 * import { fromRows } from '@rg/linalg';
 * const net = mlp({ sizes: [1, 1], activation: 'identity' });
 * const f = mlpObjective(net, fromRows([[1], [2]]), fromRows([[0], [0]]));
 * f.value(Float64Array.from([1, 0])) // => 1.25
 * f.grad(Float64Array.from([1, 0])) // => [2.5, 1.5]
 * f.hvp(Float64Array.from([1, 0]), Float64Array.from([1, 0])) // => [2.5, 1.5]
 */
export function mlpObjective(
  net: Mlp,
  X: Matrix,
  Y: Matrix,
  options: MlpObjectiveOptions = {},
): MlpObjective {
  const fn = 'mlpObjective';
  assertFinite(fn, 'X', X);
  assertFinite(fn, 'Y', Y);
  const sizes = net.sizes;
  const kOut = sizes[sizes.length - 1];
  if (X.cols !== sizes[0])
    throw new ShapeError(`${fn}(): X must have ${sizes[0]} columns (has ${X.cols})`);
  if (Y.rows !== X.rows || Y.cols !== kOut)
    throw new ShapeError(
      `${fn}(): Y must be ${X.rows}×${kOut} to match X and the output width (is ${Y.rows}×${Y.cols})`,
    );
  if (X.rows === 0) throw new ShapeError(`${fn}(): X must have at least one row`);
  const lossName = options.loss ?? 'mse';
  if (!(lossName in LOSSES))
    throw new InvalidArgumentError(
      `${fn}(): loss must be one of ${Object.keys(LOSSES).join(', ')} (got '${lossName}')`,
    );
  const loss: LossKernel = LOSSES[lossName];
  const n = X.rows;
  const dim = net.dim;
  const layerCount = sizes.length - 1;
  const acts: ActivationKernel[] = [];
  for (let l = 0; l < layerCount; l++)
    acts.push(ACTIVATIONS[l + 1 === layerCount ? net.outputActivation : net.activation]);

  const checkX = (method: string, name: string, x: Float64Array): void => {
    if (!(x instanceof Float64Array) || x.length !== dim)
      throw new ShapeError(
        `${fn}().${method}(): ${name} must be a Float64Array of length ${dim} (got length ${x?.length})`,
      );
    assertFiniteArray(`${fn}().${method}`, name, x);
  };
  const outVec = (method: string, out?: Float64Array): Float64Array => {
    if (out === undefined) return new Float64Array(dim);
    if (!(out instanceof Float64Array) || out.length !== dim)
      throw new ShapeError(`${fn}().${method}(): out must be a Float64Array of length ${dim}`);
    return out;
  };

  // Lanczos, power iteration and CG call products many times at one x: keep the last
  // forward pass (activations are never written after creation) and reuse it when x repeats.
  let cachedX: Float64Array | null = null;
  let cachedPass: ForwardPass | null = null;
  const forwardAt = (x: Float64Array, layers: readonly MlpLayer[]): ForwardPass => {
    if (cachedX && cachedPass) {
      let same = true;
      for (let i = 0; i < dim && same; i++) same = cachedX[i] === x[i];
      if (same) return cachedPass;
    }
    const fp = forward(layers, acts, X);
    cachedX = Float64Array.from(x);
    cachedPass = fp;
    return fp;
  };

  /** output-space cotangent of the mean loss, (1/n) ∇ℓ_i per row */
  const outputGrad = (F: Matrix): Matrix => {
    const g = new Float64Array(F.data.length);
    loss.grad(F.data, Y.data, n, kOut, g);
    for (let i = 0; i < g.length; i++) g[i] /= n;
    return { rows: n, cols: kOut, data: g };
  };

  const value = (x: Float64Array): number => {
    checkX('value', 'x', x);
    const fp = forwardAt(x, net.layerViews(x));
    return loss.sum(fp.A[layerCount].data, Y.data, n, kOut) / n;
  };

  const grad = (x: Float64Array, out?: Float64Array): Float64Array => {
    checkX('grad', 'x', x);
    const o = outVec('grad', out);
    const layers = net.layerViews(x);
    const fp = forwardAt(x, layers);
    linearBackward(layers, net.layerViews(o), fp, outputGrad(fp.A[layerCount]));
    return o;
  };

  const hvp = (x: Float64Array, v: Float64Array, out?: Float64Array): Float64Array => {
    checkX('hvp', 'x', x);
    checkX('hvp', 'v', v);
    const o = outVec('hvp', out);
    const layers = net.layerViews(x);
    const vLayers = net.layerViews(v);
    const oLayers = net.layerViews(o);
    const fp = forwardAt(x, layers);
    const { RZ, RA } = rForward(layers, vLayers, fp);
    let G = outputGrad(fp.A[layerCount]);
    const rg = new Float64Array(n * kOut);
    loss.hvp(fp.A[layerCount].data, Y.data, (RA[layerCount] as Matrix).data, n, kOut, rg);
    for (let i = 0; i < rg.length; i++) rg[i] /= n;
    let RG: Matrix = { rows: n, cols: kOut, data: rg };
    for (let l = layerCount - 1; l >= 0; l--) {
      const d1 = fp.D1[l];
      const act = acts[l];
      const z = fp.Z[l].data;
      const az = fp.A[l + 1].data;
      const rz = RZ[l].data;
      const len = z.length;
      const delta = new Float64Array(len);
      const rdelta = new Float64Array(len);
      for (let i = 0; i < len; i++) {
        delta[i] = G.data[i] * d1[i];
        rdelta[i] = RG.data[i] * d1[i];
      }
      // the curvature of the activation itself; zero for piecewise-linear layers
      if (!act.linearPieces)
        for (let i = 0; i < len; i++) rdelta[i] += G.data[i] * act.d2(z[i], az[i]) * rz[i];
      const dm: Matrix = { rows: n, cols: G.cols, data: delta };
      const rdm: Matrix = { rows: n, cols: G.cols, data: rdelta };
      matmulTransA(fp.A[l], rdm, oLayers[l].W);
      const ra = RA[l];
      if (ra) addInto(oLayers[l].W.data, matmulTransA(ra, dm).data);
      colSumInto(rdm, oLayers[l].b);
      if (l > 0) {
        const rgPrev = matmulTransB(rdm, layers[l].W);
        addInto(rgPrev.data, matmulTransB(dm, vLayers[l].W).data);
        RG = rgPrev;
        G = matmulTransB(dm, layers[l].W);
      }
    }
    return o;
  };

  const curvatureProduct = (
    method: string,
    outputProduct: (F: Matrix, JV: Matrix, out: Float64Array) => void,
    x: Float64Array,
    v: Float64Array,
    out?: Float64Array,
  ): Float64Array => {
    checkX(method, 'x', x);
    checkX(method, 'v', v);
    const o = outVec(method, out);
    const layers = net.layerViews(x);
    const fp = forwardAt(x, layers);
    const { RA } = rForward(layers, net.layerViews(v), fp);
    const g = new Float64Array(n * kOut);
    outputProduct(fp.A[layerCount], RA[layerCount] as Matrix, g);
    for (let i = 0; i < g.length; i++) g[i] /= n;
    linearBackward(layers, net.layerViews(o), fp, { rows: n, cols: kOut, data: g });
    return o;
  };

  const gaussNewtonVectorProduct = (x: Float64Array, v: Float64Array, out?: Float64Array) =>
    curvatureProduct(
      'gaussNewtonVectorProduct',
      (F, JV, o) => loss.hvp(F.data, Y.data, JV.data, n, kOut, o),
      x,
      v,
      out,
    );

  const fisherVectorProduct = (x: Float64Array, v: Float64Array, out?: Float64Array) =>
    curvatureProduct(
      'fisherVectorProduct',
      (F, JV, o) => {
        // g_i g_iᵀ v = J_iᵀ ∇ℓ_i (∇ℓ_i · J_i v)
        loss.grad(F.data, Y.data, n, kOut, o);
        for (let i = 0; i < n; i++) {
          let s = 0;
          for (let c = 0; c < kOut; c++) s += o[i * kOut + c] * JV.data[i * kOut + c];
          for (let c = 0; c < kOut; c++) o[i * kOut + c] *= s;
        }
      },
      x,
      v,
      out,
    );

  const perSampleGradients = (x: Float64Array): Matrix => {
    checkX('perSampleGradients', 'x', x);
    const layers = net.layerViews(x);
    const fp = forwardAt(x, layers);
    const res = new Float64Array(n * dim);
    const g = new Float64Array(n * kOut);
    loss.grad(fp.A[layerCount].data, Y.data, n, kOut, g);
    let G: Matrix = { rows: n, cols: kOut, data: g };
    // parameter offsets of each layer inside a row
    const offsets: number[] = [];
    let off = 0;
    for (let l = 0; l < layerCount; l++) {
      offsets.push(off);
      off += sizes[l] * sizes[l + 1] + sizes[l + 1];
    }
    for (let l = layerCount - 1; l >= 0; l--) {
      const d1 = fp.D1[l];
      const delta = new Float64Array(G.data.length);
      for (let i = 0; i < delta.length; i++) delta[i] = G.data[i] * d1[i];
      const fin = sizes[l];
      const fout = sizes[l + 1];
      const a = fp.A[l].data;
      for (let i = 0; i < n; i++) {
        const base = i * dim + offsets[l];
        for (let p = 0; p < fin; p++) {
          const ap = a[i * fin + p];
          for (let c = 0; c < fout; c++) res[base + p * fout + c] = ap * delta[i * fout + c];
        }
        for (let c = 0; c < fout; c++) res[base + fin * fout + c] = delta[i * fout + c];
      }
      if (l > 0) G = matmulTransB({ rows: n, cols: fout, data: delta }, layers[l].W);
    }
    return { rows: n, cols: dim, data: res };
  };

  const subset = (rows: ArrayLike<number>): MlpObjective => {
    const m = rows.length;
    const xs = new Float64Array(m * X.cols);
    const ys = new Float64Array(m * kOut);
    for (let i = 0; i < m; i++) {
      const r = rows[i];
      if (!Number.isInteger(r) || r < 0 || r >= n)
        throw new InvalidArgumentError(
          `${fn}().subset(): rows[${i}] = ${r} is not a row index below ${n}`,
        );
      xs.set(X.data.subarray(r * X.cols, (r + 1) * X.cols), i * X.cols);
      ys.set(Y.data.subarray(r * kOut, (r + 1) * kOut), i * kOut);
    }
    return mlpObjective(
      net,
      { rows: m, cols: X.cols, data: xs },
      { rows: m, cols: kOut, data: ys },
      options,
    );
  };

  return {
    net,
    X,
    Y,
    loss: lossName,
    samples: n,
    dim,
    value,
    grad,
    hvp,
    gaussNewtonVectorProduct,
    fisherVectorProduct,
    perSampleGradients,
    subset,
  };
}
