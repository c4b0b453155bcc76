// Riemannian SGD with momentum and Riemannian Adam on Euclidean, Stiefel and SPD (affine-invariant)
// parameters (Bonnabel 2013; Bécigneul & Ganea 2019, "Riemannian adaptive optimization methods").
import {
  eigh,
  InvalidArgumentError,
  type Matrix,
  matmul,
  matmulTransA,
  NotPositiveDefiniteError,
  symmetricFunction,
  symmetrize,
} from '@rg/linalg';
import { assertShape, qFactorPositive } from './shared.js';
import type { Parameter } from './types.js';

/** A Riemannian optimizer: `step` updates every parameter that has a gradient, on its manifold. */
export interface RiemannianOptimizer {
  readonly name: string;
  /** learning rate; may be changed between steps (a schedule) */
  lr: number;
  /** number of `step` calls so far */
  readonly steps: number;
  /**
   * One update of each parameter from its `grad` (skipped when `grad` is undefined). The new
   * value is a new Matrix on the parameter's manifold; the old value and the grad are not changed.
   */
  step(params: readonly Parameter[]): void;
}

/** Options of {@link riemannianSGD}. */
export interface RiemannianSGDOptions {
  /** learning rate > 0 */
  lr: number;
  /** heavy-ball momentum in [0, 1) (default 0) */
  momentum?: number;
  /**
   * weight decay ≥ 0 (default 0): adds λ·x to Euclidean gradients; on SPD parameters adds the
   * Riemannian gradient λ·P log P of (λ/2)·d²(P, I), a decay toward the identity; no effect on
   * Stiefel parameters (‖W‖_F is constant there)
   */
  weightDecay?: number;
}

/** Options of {@link riemannianAdam}. */
export interface RiemannianAdamOptions {
  /** learning rate > 0 */
  lr: number;
  /** first-moment decay in [0, 1) (default 0.9) */
  beta1?: number;
  /** second-moment decay in [0, 1) (default 0.999) */
  beta2?: number;
  /** denominator guard > 0 (default 1e-8) */
  eps?: number;
}

interface State {
  /** momentum / first moment: a tangent vector at the current value */
  buf: Matrix | undefined;
  /** Adam second moment: elementwise (euclidean) or the scalar squared Riemannian norm */
  second: Float64Array | number;
  t: number;
}

function checkRate(fn: string, name: string, x: unknown, lo: number, hiOpen: number): number {
  if (typeof x !== 'number' || !(x >= lo && x < hiOpen))
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be a number in [${lo}, ${hiOpen}) (got ${String(x)})`,
    );
  return x;
}

function checkPositive(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !(x > 0) || !Number.isFinite(x))
    throw new InvalidArgumentError(`${fn}(): ${name} must be a positive number (got ${String(x)})`);
  return x;
}

function axpby(a: number, x: Matrix, b: number, y: Matrix): Matrix {
  const out = new Float64Array(x.data.length);
  for (let k = 0; k < out.length; k++) out[k] = a * x.data[k] + b * y.data[k];
  return { rows: x.rows, cols: x.cols, data: out };
}

function scaled(a: number, x: Matrix): Matrix {
  const out = new Float64Array(x.data.length);
  for (let k = 0; k < out.length; k++) out[k] = a * x.data[k];
  return { rows: x.rows, cols: x.cols, data: out };
}

function frob2(x: Matrix): number {
  let s = 0;
  for (let k = 0; k < x.data.length; k++) s += x.data[k] * x.data[k];
  return s;
}

/** Projection onto the tangent space of the Stiefel manifold at W: Z − W sym(WᵀZ). */
function stiefelProject(w: Matrix, z: Matrix): Matrix {
  const ws = matmul(w, symmetrize(matmulTransA(w, z)));
  return axpby(1, z, -1, ws);
}

/** The pieces of the affine-invariant geometry at an SPD point P, from one eigendecomposition. */
interface SPDPoint {
  p: Matrix;
  sqrt: Matrix;
  invSqrt: Matrix;
  eig: ReturnType<typeof eigh>;
}

function spdPoint(fn: string, param: Parameter): SPDPoint {
  const p = param.value;
  const e = eigh(p);
  if (!(e.values[0] > 0))
    throw new NotPositiveDefiniteError(
      `${fn}(): parameter '${param.name}' must be positive definite (min eigenvalue ${e.values[0].toExponential(2)})`,
      { minEigenvalue: e.values[0] },
    );
  return {
    p,
    eig: e,
    sqrt: symmetricFunction(p, Math.sqrt, { eig: e }),
    invSqrt: symmetricFunction(p, (x) => 1 / Math.sqrt(x), { eig: e }),
  };
}

/** P^{-½} ξ P^{-½}: a tangent vector at P in the identity's chart (its Frobenius norm is ‖ξ‖_P). */
function whiten(pt: SPDPoint, xi: Matrix): Matrix {
  return symmetrize(matmul(pt.invSqrt, matmul(xi, pt.invSqrt)));
}

/**
 * Exp_P(−lr·ξ) = P^½ exp(−lr S) P^½ with S = P^{-½} ξ P^{-½}, and the parallel-transport map
 * E = (P_new P^{-1})^½ = P^½ (P^{-½} P_new P^{-½})^½ P^{-½} = P^½ exp(−lr S/2) P^{-½}.
 */
function spdStep(pt: SPDPoint, xi: Matrix, lr: number): { next: Matrix; transport: Matrix } {
  const s = whiten(pt, xi);
  const es = eigh(s);
  const expFull = symmetricFunction(s, (x) => Math.exp(-lr * x), { eig: es });
  const expHalf = symmetricFunction(s, (x) => Math.exp(-0.5 * lr * x), { eig: es });
  const next = symmetrize(matmul(pt.sqrt, matmul(expFull, pt.sqrt)));
  const transport = matmul(pt.sqrt, matmul(expHalf, pt.invSqrt));
  return { next, transport };
}

/** Parallel transport E ξ Eᵀ (exactly symmetric). */
function transportSPD(e: Matrix, xi: Matrix): Matrix {
  return symmetrize(matmul(e, matmul(xi, { rows: e.cols, cols: e.rows, data: transposeData(e) })));
}

function transposeData(a: Matrix): Float64Array {
  const out = new Float64Array(a.rows * a.cols);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.cols; j++) out[j * a.rows + i] = a.data[i * a.cols + j];
  return out;
}

/** Riemannian gradient P sym(G) P under the affine-invariant metric. */
function spdGradient(pt: SPDPoint, g: Matrix): Matrix {
  return symmetrize(matmul(pt.p, matmul(symmetrize(g), pt.p)));
}

function validateParams(fn: string, params: readonly Parameter[]): void {
  if (!Array.isArray(params))
    throw new InvalidArgumentError(`${fn}(): params must be an array of Parameters`);
  params.forEach((q, i) => {
    if (!q || typeof q !== 'object')
      throw new InvalidArgumentError(`${fn}(): params[${i}] must be a Parameter`);
    if (q.manifold !== 'euclidean' && q.manifold !== 'stiefel' && q.manifold !== 'spd')
      throw new InvalidArgumentError(
        `${fn}(): params[${i}] ('${q.name}') has unknown manifold '${String(q.manifold)}' (expected 'euclidean', 'stiefel' or 'spd')`,
      );
    if (q.grad === undefined) return;
    const v = q.value;
    assertShape(fn, `params[${i}].value ('${q.name}')`, v, v?.rows, v?.cols);
    assertShape(fn, `params[${i}].grad ('${q.name}')`, q.grad, v.rows, v.cols);
    if (q.manifold === 'stiefel' && v.cols > v.rows)
      throw new InvalidArgumentError(
        `${fn}(): params[${i}] ('${q.name}') is a Stiefel parameter with more columns than rows (${v.rows}×${v.cols})`,
      );
    if (q.manifold === 'spd' && v.rows !== v.cols)
      throw new InvalidArgumentError(
        `${fn}(): params[${i}] ('${q.name}') is an SPD parameter but not square (${v.rows}×${v.cols})`,
      );
  });
}

function stateOf(states: WeakMap<Parameter, State>, q: Parameter): State {
  let s = states.get(q);
  if (!s) {
    s = { buf: undefined, second: 0, t: 0 };
    states.set(q, s);
  }
  return s;
}

/**
 * Riemannian SGD with heavy-ball momentum. Per manifold: 'euclidean' is plain SGD-momentum
 * (v ← μv + g, x ← x − lr·v); 'stiefel' projects the Euclidean gradient onto the tangent space
 * at W (G − W sym(WᵀG)), steps and retracts by QR (Q with diag(R) > 0), then re-projects the
 * momentum onto the new tangent space (transport by projection); 'spd' uses the affine-invariant
 * metric: Riemannian gradient P sym(G) P, update by the exponential map
 * P ← P^½ exp(−lr P^{-½} v P^{-½}) P^½, momentum carried to the new point by parallel transport
 * E v Eᵀ, E = (P_new P^{-1})^½. Every update stays on its manifold.
 *
 * @param options - lr, momentum (default 0), weightDecay (default 0)
 * @throws {InvalidArgumentError} on a bad option; `step` throws on a bad parameter or gradient
 * @example
 * import { fromRows } from '@rg/linalg';
 * const p = { name: 'x', manifold: 'euclidean', value: fromRows([[1, 2]]), grad: fromRows([[1, -1]]) };
 * riemannianSGD({ lr: 0.5 }).step([p]);
 * p.value // => [[0.5, 2.5]]
 * const s = { name: 'P', manifold: 'spd', value: fromRows([[1]]), grad: fromRows([[1]]) };
 * riemannianSGD({ lr: 1 }).step([s]);
 * s.value // => ~[[0.367879]]
 */
export function riemannianSGD(options: RiemannianSGDOptions): RiemannianOptimizer {
  const fn = 'riemannianSGD';
  if (!options || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options { lr } are required`);
  const lr0 = checkPositive(fn, 'lr', options.lr);
  const mu = checkRate(fn, 'momentum', options.momentum ?? 0, 0, 1);
  const wd = options.weightDecay ?? 0;
  if (typeof wd !== 'number' || !(wd >= 0) || !Number.isFinite(wd))
    throw new InvalidArgumentError(`${fn}(): weightDecay must be ≥ 0 (got ${String(wd)})`);
  const states = new WeakMap<Parameter, State>();
  let steps = 0;
  const opt = {
    name: 'riemannianSGD',
    lr: lr0,
    get steps() {
      return steps;
    },
    step(params: readonly Parameter[]): void {
      const sfn = 'riemannianSGD.step';
      validateParams(sfn, params);
      const lr = checkPositive(sfn, 'lr', opt.lr);
      for (const q of params) {
        const g = q.grad;
        if (g === undefined) continue;
        const st = stateOf(states, q);
        const withMomentum = (xi: Matrix): Matrix => {
          if (mu === 0) return xi;
          const v = st.buf ? axpby(mu, st.buf, 1, xi) : xi;
          return v;
        };
        if (q.manifold === 'euclidean') {
          const grad = wd > 0 ? axpby(1, g, wd, q.value) : g;
          const v = withMomentum(grad);
          if (mu > 0) st.buf = v;
          q.value = axpby(1, q.value, -lr, v);
        } else if (q.manifold === 'stiefel') {
          const w = q.value;
          const v = withMomentum(stiefelProject(w, g));
          const next = qFactorPositive(axpby(1, w, -lr, v));
          if (mu > 0) st.buf = stiefelProject(next, v);
          q.value = next;
        } else {
          const pt = spdPoint(sfn, q);
          let xi = spdGradient(pt, g);
          if (wd > 0)
            xi = axpby(
              1,
              xi,
              wd,
              symmetricFunction(pt.p, (x) => x * Math.log(x), { eig: pt.eig }),
            );
          const v = withMomentum(xi);
          const { next, transport } = spdStep(pt, v, lr);
          if (mu > 0) st.buf = transportSPD(transport, v);
          q.value = next;
        }
      }
      steps++;
    },
  };
  return opt;
}

/**
 * Riemannian Adam (Bécigneul & Ganea 2019). 'euclidean' parameters get standard Adam
 * (elementwise second moment). On 'stiefel' and 'spd' parameters the first moment m is a
 * tangent vector, m ← β₁m + (1 − β₁)ξ with ξ the Riemannian gradient (as in
 * {@link riemannianSGD}), and the second moment is the scalar v ← β₂v + (1 − β₂)‖ξ‖²_x
 * (Frobenius norm on Stiefel, ‖P^{-½}ξP^{-½}‖_F on SPD); with the usual bias corrections
 * m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), the point moves along −lr·m̂/(√v̂ + eps) (QR retraction
 * or the affine-invariant exponential map) and m is transported to the new point (projection
 * on Stiefel, parallel transport on SPD).
 *
 * @param options - lr, beta1 (default 0.9), beta2 (default 0.999), eps (default 1e-8)
 * @throws {InvalidArgumentError} on a bad option; `step` throws on a bad parameter or gradient
 * @example
 * import { fromRows } from '@rg/linalg';
 * const p = { name: 'x', manifold: 'euclidean', value: fromRows([[1, 2]]), grad: fromRows([[3, -0.5]]) };
 * riemannianAdam({ lr: 0.1 }).step([p]);
 * p.value // => ~[[0.9, 2.1]]
 */
export function riemannianAdam(options: RiemannianAdamOptions): RiemannianOptimizer {
  const fn = 'riemannianAdam';
  if (!options || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options { lr } are required`);
  const lr0 = checkPositive(fn, 'lr', options.lr);
  const b1 = checkRate(fn, 'beta1', options.beta1 ?? 0.9, 0, 1);
  const b2 = checkRate(fn, 'beta2', options.beta2 ?? 0.999, 0, 1);
  const eps = checkPositive(fn, 'eps', options.eps ?? 1e-8);
  const states = new WeakMap<Parameter, State>();
  let steps = 0;
  const opt = {
    name: 'riemannianAdam',
    lr: lr0,
    get steps() {
      return steps;
    },
    step(params: readonly Parameter[]): void {
      const sfn = 'riemannianAdam.step';
      validateParams(sfn, params);
      const lr = checkPositive(sfn, 'lr', opt.lr);
      for (const q of params) {
        const g = q.grad;
        if (g === undefined) continue;
        const st = stateOf(states, q);
        st.t++;
        const c1 = 1 - b1 ** st.t;
        const c2 = 1 - b2 ** st.t;
        if (q.manifold === 'euclidean') {
          const len = g.data.length;
          const m = st.buf ? st.buf.data : new Float64Array(len);
          const v = st.second instanceof Float64Array ? st.second : new Float64Array(len);
          const x = q.value.data;
          const out = new Float64Array(len);
          for (let k = 0; k < len; k++) {
            m[k] = b1 * m[k] + (1 - b1) * g.data[k];
            v[k] = b2 * v[k] + (1 - b2) * g.data[k] * g.data[k];
            out[k] = x[k] - (lr * (m[k] / c1)) / (Math.sqrt(v[k] / c2) + eps);
          }
          st.buf = { rows: g.rows, cols: g.cols, data: m };
          st.second = v;
          q.value = { rows: q.value.rows, cols: q.value.cols, data: out };
          continue;
        }
        const prevV = typeof st.second === 'number' ? st.second : 0;
        if (q.manifold === 'stiefel') {
          const w = q.value;
          const xi = stiefelProject(w, g);
          const m = st.buf ? axpby(b1, st.buf, 1 - b1, xi) : scaled(1 - b1, xi);
          const v = b2 * prevV + (1 - b2) * frob2(xi);
          const a = lr / c1 / (Math.sqrt(v / c2) + eps);
          const next = qFactorPositive(axpby(1, w, -a, m));
          st.buf = stiefelProject(next, m);
          st.second = v;
          q.value = next;
        } else {
          const pt = spdPoint(sfn, q);
          const xi = spdGradient(pt, g);
          const m = st.buf ? axpby(b1, st.buf, 1 - b1, xi) : scaled(1 - b1, xi);
          const v = b2 * prevV + (1 - b2) * frob2(whiten(pt, xi));
          const a = lr / c1 / (Math.sqrt(v / c2) + eps);
          const { next, transport } = spdStep(pt, m, a);
          st.buf = transportSPD(transport, m);
          st.second = v;
          q.value = next;
        }
      }
      steps++;
    },
  };
  return opt;
}
