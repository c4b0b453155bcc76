// Grassmann class representation (GCR): each class is a k-dimensional subspace span(Sᵢ) of the
// feature space and its logit is γ‖Sᵢᵀx̂‖ with x̂ = x/‖x‖ (Wang, Li & Zhang 2023, "Rethinking
// classification with Grassmann class representation", eq. 3).
import {
  assertFinite,
  checkInteger,
  checkPositive,
  InvalidArgumentError,
  type Matrix,
  type Rng,
  rng,
  ShapeError,
} from '@rg/linalg';
import { gemm, gemmTransA, gemmTransB, softmaxRow } from '@rg/linalg/kernels';
import type { Parameter } from '@rg/optim';
import { type Grassmann, grassmann } from './grassmann.js';
import { thinQ } from './internal/thin-qr.js';

/** Options of {@link grassmannClassHead}. */
export interface GrassmannClassHeadOptions {
  /** dimension d of the feature vectors (the backbone's output width) */
  features: number;
  /** number of classes C */
  classes: number;
  /** dimension of each class subspace, 1 ≤ k ≤ features (default 1: a normalized linear head) */
  k?: number;
  /** the logit scale γ > 0 (default 25, the paper's) */
  gamma?: number;
  /** seed or generator of the initial bases, uniform on Gr(d, k) (default 0) */
  seed?: number | Rng;
  /** prefix of the parameter names (default 'gcr': 'gcr.class0', 'gcr.class1', …) */
  name?: string;
}

/**
 * A GCR classification head as {@link grassmannClassHead} returns it. `forward(x)` maps a batch
 * of feature rows (B×d) to logits (B×C); `backward(gradLogits)` takes the gradient of a loss
 * with respect to those logits, **accumulates** the gradients of the class bases into their
 * `grad` (call `zeroGrad()` between steps) and returns the gradient with respect to the
 * features, so a backbone trains through the head.
 *
 * @example
 * import { fromRows } from '@rg/linalg';
 * const head: GrassmannClassHead = grassmannClassHead({ features: 3, classes: 2, k: 1, gamma: 2 });
 * head.parameters().map((p) => p.name) // => ['gcr.class0', 'gcr.class1']
 * head.forward(fromRows([[1, 2, 2]])).cols // => 2
 */
export interface GrassmannClassHead {
  readonly features: number;
  readonly classes: number;
  readonly k: number;
  readonly gamma: number;
  /** Gr(features, k), the manifold of every class basis */
  readonly manifold: Grassmann;
  /** the class bases Sᵢ (features×k, orthonormal) as Parameters on `manifold`, in class order */
  parameters(): Parameter[];
  /** set every basis gradient to zero */
  zeroGrad(): void;
  /** logits γ‖Sᵢᵀx̂_b‖ (B×C) of the feature rows x_b (B×d); keeps what backward needs */
  forward(x: Matrix): Matrix;
  /** ∂L/∂x (B×d) from ∂L/∂logits (B×C) of the last forward; adds ∂L/∂Sᵢ to each grad */
  backward(gradLogits: Matrix): Matrix;
  /** the class with the largest logit for each row */
  predict(x: Matrix): Int32Array;
  /** softmax of the logits: class probabilities, rows summing to 1 */
  predictProba(x: Matrix): Matrix;
}

/** the packed d×(C·k) matrix [S₀ S₁ …] of the class bases */
function pack(d: number, c: number, k: number, params: Parameter[], out: Float64Array): void {
  const w = c * k;
  for (let i = 0; i < c; i++) {
    const s = params[i].value.data;
    for (let r = 0; r < d; r++) for (let j = 0; j < k; j++) out[r * w + i * k + j] = s[r * k + j];
  }
}

/**
 * The classification head of Grassmann class representation (GCR): class i is the subspace
 * span(Sᵢ) of dimension k in the d-dimensional feature space, with an orthonormal basis Sᵢ
 * (d×k), an @rg/optim `Parameter` on Gr(d, k); the logit of class i for a feature vector x is
 * γ‖Sᵢᵀx̂‖ with x̂ = x/‖x‖, the cosine of the angle between x and the subspace, scaled. Logits
 * depend only on the subspaces (Sᵢ → SᵢQ changes nothing), so train the bases with
 * {@link gcrSgd} (or @rg/optim's sgd/adam, which see the same manifold). With k = 1 this is a
 * cosine classifier up to the sign of each weight. The backward pass is exact: with
 * yᵢ = Sᵢᵀx̂ and gᵢ = ∂L/∂logitᵢ, ∂L/∂Sᵢ = x̂ uᵢᵀ and ∂L/∂x = (I − x̂x̂ᵀ)(Σᵢ Sᵢuᵢ)/‖x‖ with
 * uᵢ = γgᵢyᵢ/‖yᵢ‖. A zero feature row, where x̂ is undefined, gets logits 0 and gradient 0;
 * so does a class whose subspace is orthogonal to x̂ (where ‖yᵢ‖ is not differentiable) in the
 * subgradient it passes back.
 *
 * @param options - features, classes, k (default 1), gamma (default 25), seed, name
 * @throws {InvalidArgumentError} when features, classes or k is not a positive integer, k >
 *   features, or gamma is not a positive finite number; forward/backward throw ShapeError on
 *   inputs of the wrong size and NonFiniteError on NaN or ±∞
 * @example
 * import { fromRows } from '@rg/linalg';
 * const head = grassmannClassHead({ features: 2, classes: 2, k: 1, gamma: 10 });
 * // put class 0 on the x-axis and class 1 on the y-axis
 * const [s0, s1] = head.parameters();
 * s0.value.data.set([1, 0]);
 * s1.value.data.set([0, 1]);
 * const x = fromRows([[3, 4]]);
 * head.forward(x) // => ~[[6, 8]]
 * head.predict(fromRows([[1, 0.2], [0.1, -5]])) // => [0, 1]
 * head.backward(fromRows([[1, 0]])) // => ~[[1.28, -0.96]]
 * s0.grad // => ~[[6], [8]]
 */
export function grassmannClassHead(options: GrassmannClassHeadOptions): GrassmannClassHead {
  const fn = 'grassmannClassHead';
  if (!options || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options must be an object`);
  const d = checkInteger(fn, 'features', options.features, 1);
  const c = checkInteger(fn, 'classes', options.classes, 1);
  const k = checkInteger(fn, 'k', options.k ?? 1, 1);
  if (k > d) throw new InvalidArgumentError(`${fn}(): k must be ≤ features = ${d} (got ${k})`);
  const gamma = options.gamma ?? 25;
  checkPositive(fn, 'gamma', gamma);
  const seed = options.seed ?? 0;
  let random: Rng;
  if (typeof seed === 'number') random = rng(seed);
  else if (seed && typeof seed === 'object' && typeof seed.normal === 'function') random = seed;
  else throw new InvalidArgumentError(`${fn}(): seed must be an integer or a generator from rng()`);
  const prefix = options.name ?? 'gcr';
  if (typeof prefix !== 'string' || prefix === '')
    throw new InvalidArgumentError(`${fn}(): name must be a non-empty string`);
  const manifold = grassmann(d, k);
  const params: Parameter[] = Array.from({ length: c }, (_, i) => {
    const g = new Float64Array(d * k);
    for (let j = 0; j < g.length; j++) g[j] = random.normal();
    return {
      name: `${prefix}.class${i}`,
      value: { rows: d, cols: k, data: thinQ(d, k, g) },
      grad: { rows: d, cols: k, data: new Float64Array(d * k) },
      manifold,
    };
  });
  const width = c * k;
  const packed = new Float64Array(d * width);

  // what backward needs from the last forward
  let lastRows = -1;
  let xhat = new Float64Array(0);
  let norms = new Float64Array(0);
  let proj = new Float64Array(0);
  let logits = new Float64Array(0);
  let lastPacked = new Float64Array(0);

  const checkInput = (where: string, x: Matrix) => {
    assertFinite(where, 'x', x);
    if (x.cols !== d)
      throw new ShapeError(
        `${where}(): x must have ${d} columns (features) (got ${x.rows}×${x.cols})`,
      );
  };

  /** logits of the validated x; with `keep`, also what backward needs */
  const run = (x: Matrix, keep: boolean): Float64Array => {
    const b = x.rows;
    const xh = new Float64Array(b * d);
    const nrm = new Float64Array(b);
    for (let r = 0; r < b; r++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += x.data[r * d + j] ** 2;
      const nr = Math.sqrt(s);
      nrm[r] = nr;
      if (nr > 0) for (let j = 0; j < d; j++) xh[r * d + j] = x.data[r * d + j] / nr;
    }
    pack(d, c, k, params, packed);
    const p = new Float64Array(b * width);
    gemm(b, width, d, xh, packed, p);
    const l = new Float64Array(b * c);
    for (let r = 0; r < b; r++)
      for (let i = 0; i < c; i++) {
        let s = 0;
        for (let j = 0; j < k; j++) s += p[r * width + i * k + j] ** 2;
        l[r * c + i] = gamma * Math.sqrt(s);
      }
    if (keep) {
      xhat = xh;
      norms = nrm;
      proj = p;
      logits = l;
      lastRows = b;
      // backward uses the bases of this forward, even if an optimizer moves them in between
      lastPacked = packed.slice();
    }
    return l;
  };

  const head: GrassmannClassHead = {
    features: d,
    classes: c,
    k,
    gamma,
    manifold,
    parameters: () => params.slice(),
    zeroGrad(): void {
      for (const p of params) p.grad?.data.fill(0);
    },
    forward(x: Matrix): Matrix {
      checkInput(`${fn}().forward`, x);
      return { rows: x.rows, cols: c, data: run(x, true).slice() };
    },
    backward(gradLogits: Matrix): Matrix {
      const where = `${fn}().backward`;
      if (lastRows < 0) throw new InvalidArgumentError(`${where}(): call forward before backward`);
      assertFinite(where, 'gradLogits', gradLogits);
      const b = lastRows;
      if (gradLogits.rows !== b || gradLogits.cols !== c)
        throw new ShapeError(
          `${where}(): gradLogits must be ${b}×${c} like the last forward's logits (got ${gradLogits.rows}×${gradLogits.cols})`,
        );
      // u_{b,i} = γ g_{b,i} y_{b,i} / ‖y_{b,i}‖ = γ² g y / logit
      const u = new Float64Array(b * width);
      for (let r = 0; r < b; r++)
        for (let i = 0; i < c; i++) {
          const l = logits[r * c + i];
          if (!(l > 0)) continue;
          const f = (gamma * gamma * gradLogits.data[r * c + i]) / l;
          for (let j = 0; j < k; j++) u[r * width + i * k + j] = f * proj[r * width + i * k + j];
        }
      // ∂L/∂S (packed) = X̂ᵀU, added to each basis gradient
      const ds = new Float64Array(d * width);
      gemmTransA(d, width, b, xhat, u, ds);
      for (let i = 0; i < c; i++) {
        const g = params[i].grad;
        if (!g) continue;
        for (let r = 0; r < d; r++)
          for (let j = 0; j < k; j++) g.data[r * k + j] += ds[r * width + i * k + j];
      }
      // ∂L/∂x̂ = U·packedᵀ, then through x̂ = x/‖x‖
      const dx = new Float64Array(b * d);
      gemmTransB(b, d, width, u, lastPacked, dx);
      for (let r = 0; r < b; r++) {
        const nr = norms[r];
        if (!(nr > 0)) {
          dx.fill(0, r * d, (r + 1) * d);
          continue;
        }
        let s = 0;
        for (let j = 0; j < d; j++) s += xhat[r * d + j] * dx[r * d + j];
        for (let j = 0; j < d; j++) dx[r * d + j] = (dx[r * d + j] - s * xhat[r * d + j]) / nr;
      }
      return { rows: b, cols: d, data: dx };
    },
    predict(x: Matrix): Int32Array {
      checkInput(`${fn}().predict`, x);
      const l = run(x, false);
      const out = new Int32Array(x.rows);
      for (let r = 0; r < x.rows; r++) {
        let best = 0;
        for (let i = 1; i < c; i++) if (l[r * c + i] > l[r * c + best]) best = i;
        out[r] = best;
      }
      return out;
    },
    predictProba(x: Matrix): Matrix {
      checkInput(`${fn}().predictProba`, x);
      const l = run(x, false);
      const out = new Float64Array(x.rows * c);
      for (let r = 0; r < x.rows; r++) softmaxRow(l, r * c, c, out, r * c);
      return { rows: x.rows, cols: c, data: out };
    },
  };
  return head;
}
